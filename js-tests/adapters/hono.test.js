// hookproof/hono against Hono on Node (@hono/node-server), both as locked, on 127.0.0.1.
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { webhook } from "hookproof/hono";
import { adapterSuite, assert, send, signed, SECRETS, SIR_BODY, test } from "./helpers.js";

function serveApp(app) {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
      resolve({ base: `http://127.0.0.1:${info.port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

adapterSuite("hono", {
  start({ path, ...options }) {
    const app = new Hono();
    app.post(path, webhook(options));
    return serveApp(app);
  },
  preParsed({ path, ...options }) {
    const app = new Hono();
    // The mistake: a middleware reads the JSON first (as a validator would).
    app.use(path, async (c, next) => {
      await c.req.json();
      await next();
    });
    app.post(path, webhook(options));
    return serveApp(app).then((server) => ({ ...server, fix: /before anything reads its body/ }));
  },
});

test("hono: the handler's context is Hono's c", async (t) => {
  let seenPath;
  const app = new Hono();
  app.post("/hook", webhook({ provider: "sir", secret: SECRETS.sir, handler: async (event, { request: c }) => { seenPath = c.req.path; } }));
  const server = await serveApp(app);
  t.after(server.close);
  const answer = await send(server.base, signed("sir", SIR_BODY));
  assert.equal(answer.status, 200);
  assert.equal(seenPath, "/hook");
});
