// hookproof/fastify against Fastify itself (the version in package-lock.json), on 127.0.0.1.
import Fastify from "fastify";
import { webhookPlugin, webhookRoute } from "hookproof/fastify";
import { adapterSuite, assert, send, signed, SECRETS, SIR_BODY, test } from "./helpers.js";

async function serveApp(app) {
  const base = await app.listen({ port: 0, host: "127.0.0.1" });
  return { base, close: () => app.close() };
}

adapterSuite("fastify", {
  async start(options) {
    const app = Fastify();
    await app.register(webhookPlugin, options);
    return serveApp(app);
  },
  async preParsed({ path, ...options }) {
    const app = Fastify(); // its default JSON parser runs: the mistake
    app.post(path, webhookRoute(options));
    return { ...(await serveApp(app)), fix: /app\.register\(webhookPlugin/ };
  },
});

test("fastify: the plugin's raw parser stays in its context; other routes still get JSON", async (t) => {
  const app = Fastify();
  await app.register(webhookPlugin, { path: "/hook", provider: "sir", secret: SECRETS.sir, handler: async () => {} });
  app.post("/other", async (request) => ({ parsed: request.body }));
  const server = await serveApp(app);
  t.after(server.close);
  const other = await send(server.base, { path: "/other", headers: { "content-type": "application/json" }, body: '{"a":1}' });
  assert.deepEqual(other.json, { parsed: { a: 1 } });
  const hook = await send(server.base, signed("sir", SIR_BODY));
  assert.deepEqual([hook.status, hook.json], [200, { received: true }]);
});

test("fastify: webhookRoute in a context with a Buffer parser works too", async (t) => {
  const events = [];
  const app = Fastify();
  app.register(async (scope) => {
    scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (request, body, done) => done(null, body));
    scope.post("/hook", webhookRoute({ provider: "sir", secret: SECRETS.sir, handler: async (event) => events.push(event) }));
  });
  const server = await serveApp(app);
  t.after(server.close);
  const answer = await send(server.base, signed("sir", SIR_BODY));
  assert.equal(answer.status, 200);
  assert.equal(events[0].id, "evt_abc123");
});
