// hookproof/h3 against h3 1.x (as locked) on node:http through toNodeListener, on 127.0.0.1.
import { createServer } from "node:http";
import { createApp, createRouter, defineEventHandler, readBody, toNodeListener } from "h3";
import { webhook } from "hookproof/h3";
import { adapterSuite, assert, listen, send, signed, SECRETS, SIR_BODY, test } from "./helpers.js";

async function serveApp(app) {
  const server = createServer(toNodeListener(app));
  const base = await listen(server);
  return { base, close: () => new Promise((done) => server.close(done)) };
}

adapterSuite("h3", {
  start({ path, ...options }) {
    const app = createApp();
    app.use(createRouter().post(path, webhook(options)));
    return serveApp(app);
  },
  preParsed({ path, ...options }) {
    const app = createApp();
    // The mistake: a Connect-style parser in front of h3 (its own readBody keeps the bytes).
    app.use(defineEventHandler(async (event) => {
      const req = event.node.req;
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      req.body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    }));
    app.use(createRouter().post(path, webhook(options)));
    return serveApp(app).then((server) => ({ ...server, fix: /Remove the parser from the webhook's route/ }));
  },
});

test("h3: a body h3's own readBody read first still verifies (h3 keeps the raw bytes)", async (t) => {
  const events = [];
  let parsed;
  const app = createApp();
  app.use(defineEventHandler(async (event) => {
    if (event.path === "/hook") parsed = await readBody(event);
  }));
  app.use(createRouter().post("/hook", webhook({ provider: "sir", secret: SECRETS.sir, handler: async (event) => events.push(event) })));
  const server = await serveApp(app);
  t.after(server.close);
  const answer = await send(server.base, signed("sir", SIR_BODY));
  assert.deepEqual([answer.status, answer.json], [200, { received: true }]);
  assert.equal(parsed.id, "evt_abc123");
  assert.equal(events.length, 1);
});

// h3 2.x hands handlers a Fetch Request (event.req): the same adapter reads it raw. Served
// with its own toNodeHandler on node:http. (Installed as the alias h3-v2.)
const h3v2 = await import("h3-v2");

async function serveV2(app) {
  const server = createServer(h3v2.toNodeHandler(app));
  const base = await listen(server);
  return { base, close: () => new Promise((done) => server.close(done)) };
}

adapterSuite("h3 2.x", {
  start({ path, ...options }) {
    const app = new h3v2.H3();
    app.post(path, webhook(options));
    return serveV2(app);
  },
  preParsed({ path, ...options }) {
    const app = new h3v2.H3();
    const hook = webhook(options);
    // The mistake: h3 2's readBody consumes the Request's body before hookproof.
    app.post(path, async (event) => {
      await h3v2.readBody(event);
      return hook(event);
    });
    return serveV2(app).then((server) => ({ ...server, fix: /before anything reads its body/ }));
  },
});
