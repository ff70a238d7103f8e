// hookproof/testing: its requests are accepted by the real adapters (Hono's app.fetch,
// an Express app over HTTP) and by verify(); tampered and stale ones are refused.
import { Hono } from "hono";
import express from "express";
import { verify } from "hookproof";
import { webhook as honoWebhook } from "hookproof/hono";
import { webhook as expressWebhook } from "hookproof/express";
import { signedDelivery, signedRequest } from "hookproof/testing";
import { assert, send, SECRETS, SIR_BODY, test } from "./helpers.js";

test("testing: signedRequest drives a Hono app's fetch for every provider", async () => {
  const events = [];
  const app = new Hono();
  for (const provider of Object.keys(SECRETS)) app.post(`/hooks/${provider}`, honoWebhook({ provider, secret: SECRETS[provider], onError: () => {}, handler: async (event) => events.push(event) }));
  const bodies = {
    sir: SIR_BODY,
    g2sentry: { jobId: 1, eventType: "JobAssigned", jobName: "x", jobStatus: "Assigned" },
    contentspal: { event: "job.deleted", timestamp: "2026-01-01T00:00:00Z", organizationId: "o", job: { id: "j" } },
    gengo: { job: { job_id: "1", status: "approved" } },
  };
  for (const [provider, body] of Object.entries(bodies)) {
    const response = await app.fetch(signedRequest(provider, body, SECRETS[provider], { url: `http://localhost/hooks/${provider}` }));
    assert.equal(response.status, 200, provider);
    const tampered = await app.fetch(signedRequest(provider, body, SECRETS[provider], { url: `http://localhost/hooks/${provider}`, tamper: true }));
    assert.equal(tampered.status, provider === "gengo" ? 400 : 401, `${provider} tampered`);
  }
  assert.deepEqual(events.map((event) => event.provider), Object.keys(bodies));
});

test("testing: signedDelivery's parts suit Node-style tests (an Express app over HTTP) and verify()", async (t) => {
  const app = express();
  app.post("/webhook", expressWebhook({ provider: "sir", secret: SECRETS.sir, onError: () => {}, handler: async () => {} }));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((done) => server.once("listening", done));
  t.after(() => server.close());
  const base = `http://127.0.0.1:${server.address().port}`;
  const delivery = signedDelivery("sir", SIR_BODY, SECRETS.sir);
  assert.equal(delivery.path, "/webhook");
  const typeOf = (headers) => Object.entries(headers).filter(([name]) => name.toLowerCase() === "content-type").map(([, value]) => value);
  assert.deepEqual(typeOf(delivery.headers), ["application/json"], "one Content-Type");
  assert.equal((await send(base, delivery)).status, 200);
  const stale = signedDelivery("sir", SIR_BODY, SECRETS.sir, { timestamp: 1_700_000_000 });
  assert.deepEqual((await send(base, stale)).json, { error: "timestamp_too_old" });
  assert.equal(verify("sir", delivery, SECRETS.sir).type, "action.completed");
  const gengo = signedDelivery("gengo", { comment: { job_id: "1", body: "b", ctime: 1, custom_data: "" } }, SECRETS.gengo, { url: "https://example.com/cb?x=1" });
  assert.match(gengo.path, /^\/cb\?x=1&token=/);
  assert.deepEqual(typeOf(gengo.headers), ["application/x-www-form-urlencoded"]);
  assert.deepEqual(typeOf(signedDelivery("sir", SIR_BODY, SECRETS.sir, { contentType: "application/json; charset=utf-8" }).headers), ["application/json; charset=utf-8"]);
});
