// hookproof/express against Express itself (the version in package-lock.json), on 127.0.0.1.
import express from "express";
import { webhook } from "hookproof/express";
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
