// hookproof/express against Express itself (the version in package-lock.json), on 127.0.0.1.
import express from "express";
import { sign, Verifier } from "hookproof";
import { webhook } from "hookproof/express";
import { memoryStore } from "hookproof/stores/memory";
import { adapterSuite, assert, listen, send, signed, SECRETS, SIR_BODY, test } from "./helpers.js";

async function serveApp(app) {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

adapterSuite("express", {
  async start({ path, ...options }) {
    const app = express();
    app.post(path, webhook(options));
    // Registered after the webhook route: other routes keep their parser.
    app.use(express.json());
    app.post("/other", (req, res) => res.json({ parsed: req.body }));
    return serveApp(app);
  },
  async preParsed({ path, ...options }) {
    const app = express();
    app.use(express.json()); // the mistake: parsed before hookproof sees the bytes
    app.post(path, webhook(options));
    return { ...(await serveApp(app)), fix: /Register the webhook route before app\.use\(express\.json\(\)\)/ };
  },
});

test("express: express.raw() in front of the route hands over the exact bytes", async (t) => {
  const events = [];
  const app = express();
  app.post("/hook", express.raw({ type: "*/*" }), webhook({ provider: "sir", secret: SECRETS.sir, handler: async (event) => events.push(event) }));
  const server = await serveApp(app);
  t.after(server.close);
  const answer = await send(server.base, signed("sir", SIR_BODY));
  assert.deepEqual([answer.status, answer.json], [200, { received: true }]);
  assert.equal(events.length, 1);
});

test("express: routes after the webhook keep express.json(); the webhook keeps its bytes", async (t) => {
  const app = express();
  app.post("/hook", webhook({ provider: "sir", secret: SECRETS.sir, handler: async () => {} }));
  app.use(express.json());
  app.post("/other", (req, res) => res.json({ parsed: req.body }));
  const server = await serveApp(app);
  t.after(server.close);
  const other = await send(server.base, { path: "/other", headers: { "content-type": "application/json" }, body: '{"a":1}' });
  assert.deepEqual(other.json, { parsed: { a: 1 } });
  const hook = await send(server.base, signed("sir", SIR_BODY));
  assert.equal(hook.status, 200);
});

test("express: the middleware also serves plain node:http", async (t) => {
  const { createServer } = await import("node:http");
  const events = [];
  const server = createServer(webhook({ provider: "g2sentry", secret: SECRETS.g2sentry, handler: async (event) => events.push(event) }));
  const base = await listen(server);
  t.after(() => server.close());
  const answer = await send(base, signed("g2sentry", '{"jobId":7,"eventType":"JobStarted","jobName":"x","jobStatus":"InProgress"}'));
  assert.equal(answer.status, 200);
  assert.equal(events[0].type, "JobStarted");
});

test("express: a bad option fails at start-up, naming it", () => {
  assert.throws(() => webhook({ provider: "sir", secret: undefined, handler: () => {} }), /secret is missing \(is the environment variable set\?\)/);
  assert.throws(() => webhook({ provider: "nope", secret: "s", handler: () => {} }), (error) => error.code === "unknown_provider");
  assert.throws(() => webhook({ provider: "sir", secret: "s" }), /handler must be a function/);
  assert.throws(() => webhook({ provider: "sir", secret: "s", handler: () => {}, store: {} }), /hasOrSet/);
});

// A scheme declared by the user (the providers work's SchemeDeclaration): the adapter passes
// it to Verifier as it is. Runs where the package accepts declarations.
const ACME = { name: "acme", proof: { signature: { algorithm: "hmac-sha256", signed: ["body"], location: { header: "x-acme-signature" }, syntax: { prefixed: "sha256=" }, encoding: "hex" } }, event: { type: { json: "/type" }, id: { json: "/id" } } };
function acceptsDeclarations() {
  try {
    new Verifier(ACME, "s").free();
    return true;
  } catch {
    return false;
  }
}

test("express: a declared scheme works like a built-in provider (dedupe included)", { skip: acceptsDeclarations() ? false : "this hookproof build takes no declared schemes yet" }, async (t) => {
  const events = [];
  const app = express();
  app.post("/hook", webhook({ provider: ACME, secret: "acme-secret", store: memoryStore(), onError: () => {}, handler: async (event) => events.push(event) }));
  const server = await serveApp(app);
  t.after(server.close);
  const body = JSON.stringify({ id: "a1", type: "thing.done" });
  const delivery = sign(ACME, body, "acme-secret");
  const headers = { "content-type": "application/json", ...Object.fromEntries(Object.entries(delivery.headers).filter(([name]) => name.toLowerCase() !== "content-type")) };
  assert.deepEqual((await send(server.base, { path: "/hook", headers, body })).json, { received: true });
  assert.deepEqual((await send(server.base, { path: "/hook", headers, body })).json, { duplicate: true });
  assert.equal((await send(server.base, { path: "/hook", headers, body: body.replace("a1", "a2") })).status, 401);
  assert.equal(events.length, 1);
  assert.equal(events[0].type, "thing.done");
});
