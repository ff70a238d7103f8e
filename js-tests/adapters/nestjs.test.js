// hookproof/nestjs against NestJS (as locked) on its default Express platform, on
// 127.0.0.1. Plain JavaScript: the decorators are applied as the functions they are.
import "reflect-metadata";
import { Controller, Module, Post, Req, Res } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { FastifyAdapter } from "@nestjs/platform-fastify";
import { webhookHandler } from "hookproof/nestjs";
import { adapterSuite, assert, send, signed, SECRETS, SIR_BODY, test } from "./helpers.js";

// A module with one controller whose POST <path> is hookproof's handler.
function moduleFor(path, options) {
  class WebhooksController {
    constructor() {
      this.webhook = webhookHandler(options);
    }
    receive(req, res) {
      return this.webhook(req, res);
    }
  }
  Req()(WebhooksController.prototype, "receive", 0);
  Res()(WebhooksController.prototype, "receive", 1);
  Post(path)(WebhooksController.prototype, "receive", Object.getOwnPropertyDescriptor(WebhooksController.prototype, "receive"));
  Controller()(WebhooksController);
  class OtherController {
    echo(req) {
      return { parsed: req.body };
    }
  }
  Req()(OtherController.prototype, "echo", 0);
  Post("/other")(OtherController.prototype, "echo", Object.getOwnPropertyDescriptor(OtherController.prototype, "echo"));
  Controller()(OtherController);
  class AppModule {}
  Module({ controllers: [WebhooksController, OtherController] })(AppModule);
  return AppModule;
}

async function serveNest(path, options, appOptions, platform) {
  const app = platform === undefined ? await NestFactory.create(moduleFor(path, options), { logger: false, ...appOptions }) : await NestFactory.create(moduleFor(path, options), platform, { logger: false, ...appOptions });
  await app.listen(0, "127.0.0.1");
  return { base: `http://127.0.0.1:${app.getHttpServer().address().port}`, close: () => app.close() };
}

// bodyParser: false — the adapter reads the stream itself (and its 413 is its own).
adapterSuite("nestjs (bodyParser: false)", {
  start: ({ path, ...options }) => serveNest(path, options, { bodyParser: false }),
  // Nest's default: JSON parsed, no raw copy kept.
  preParsed: async ({ path, ...options }) => ({ ...(await serveNest(path, options, {})), fix: /NestFactory\.create\(AppModule, \{ rawBody: true \}\)/ }),
});

test("nestjs (rawBody: true): req.rawBody verifies; other routes still get parsed JSON", async (t) => {
  const events = [];
  const server = await serveNest("/hook", { provider: "sir", secret: SECRETS.sir, onError: () => {}, handler: async (event) => events.push(event) }, { rawBody: true });
  t.after(server.close);
  const genuine = await send(server.base, signed("sir", SIR_BODY));
  assert.deepEqual([genuine.status, genuine.json], [200, { received: true }]);
  const delivery = signed("sir", SIR_BODY);
  const tampered = await send(server.base, { ...delivery, body: delivery.body.replace("act_42", "act_43") });
  assert.deepEqual([tampered.status, tampered.json], [401, { error: "signature_mismatch" }]);
  const other = await send(server.base, { path: "/other", headers: { "content-type": "application/json" }, body: '{"a":1}' });
  assert.deepEqual(other.json, { parsed: { a: 1 } });
  const g2 = await send(server.base, signed("g2sentry", '{"jobId":1,"eventType":"JobStarted","jobName":"x","jobStatus":"InProgress"}'));
  assert.equal(g2.status, 401, "a g2sentry delivery to the sir endpoint is not genuine");
  assert.equal(events.length, 1);
});

test("nestjs (rawBody: true): past maxBodyBytes is 413", async (t) => {
  const server = await serveNest("/hook", { provider: "sir", secret: SECRETS.sir, maxBodyBytes: 64, onError: () => {}, handler: async () => {} }, { rawBody: true });
  t.after(server.close);
  const answer = await send(server.base, signed("sir", SIR_BODY));
  assert.deepEqual([answer.status, answer.json], [413, { error: "body_too_large" }]);
});

test("nestjs on the Fastify platform (rawBody: true): genuine, tampered, duplicate, 413, Nest's default refused", async (t) => {
  const { memoryStore } = await import("hookproof/stores/memory");
  const events = [];
  const reports = [];
  const options = { provider: "sir", secret: SECRETS.sir, store: memoryStore(), maxBodyBytes: 4096, onError: (report) => reports.push(report), handler: async (event) => events.push(event) };
  const server = await serveNest("/hook", options, { rawBody: true }, new FastifyAdapter());
  t.after(server.close);
  assert.deepEqual((await send(server.base, signed("sir", SIR_BODY))).json, { received: true });
  assert.deepEqual((await send(server.base, signed("sir", SIR_BODY))).json, { duplicate: true });
  const delivery = signed("sir", SIR_BODY);
  const tampered = await send(server.base, { ...delivery, body: delivery.body.replace("act_42", "act_43") });
  assert.deepEqual([tampered.status, tampered.json], [401, { error: "signature_mismatch" }]);
  const big = SIR_BODY.replace('"data":{', `"data":{"pad":"${"x".repeat(5000)}",`);
  const oversized = await send(server.base, signed("sir", big));
  assert.deepEqual([oversized.status, oversized.json], [413, { error: "body_too_large" }]);
  assert.equal(events.length, 1);
  const plain = await serveNest("/hook", { ...options, store: undefined }, {}, new FastifyAdapter());
  t.after(plain.close);
  const refused = await send(plain.base, signed("sir", SIR_BODY));
  assert.deepEqual([refused.status, refused.json], [500, { error: "internal_error" }]);
  assert.match(reports.at(-1).error.message, /rawBody: true/);
});
