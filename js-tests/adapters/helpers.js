// What every adapter test needs: signed deliveries of today's providers, a raw HTTP client
// (node:http, so a test controls Content-Length, chunking and when the body ends), and the
// suite of cases each HTTP adapter must pass against its real framework.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request as httpRequest } from "node:http";
import { createServer as createNetServer } from "node:net";
import { test } from "node:test";
import { sign } from "hookproof";
import { memoryStore } from "hookproof/stores/memory";

export const SECRETS = {
  sir: "whsec_" + "3f".repeat(32),
  g2sentry: "test-g2sentry-secret",
  contentspal: "test-contentspal-secret",
  gengo: "test-gengo-token",
};

export const SIR_BODY = JSON.stringify({ id: "evt_abc123", type: "action.completed", createdAt: "2026-01-01T00:00:00Z", data: { actionId: "act_42", tokensDistributed: 40 } });
export const G2_BODY = JSON.stringify({ jobId: 5, eventType: "JobCompleted", jobName: "Open House", jobStatus: "Completed" });

/** A signed delivery as `{ headers, body, path }` for `send`. */
export function signed(provider, body, { path = "/hook", secret = SECRETS[provider] } = {}) {
  const options = provider === "gengo" ? { url: `http://127.0.0.1${path}` } : {};
  const delivery = sign(provider, body, secret, options);
  const target = delivery.url === undefined ? path : new URL(delivery.url).pathname + new URL(delivery.url).search;
  const contentType = provider === "gengo" ? "application/x-www-form-urlencoded" : "application/json";
  const hasType = Object.keys(delivery.headers).some((name) => name.toLowerCase() === "content-type");
  return { headers: { ...(hasType ? {} : { "content-type": contentType }), ...delivery.headers }, body: delivery.body, path: target };
}

/**
 * One request over node:http. `body` is sent whole, or `chunks` one by one (chunked unless
 * a content-length header is given); `holdOpen` leaves the request unfinished, so a test
 * can prove the server answered before the body ended. Resolves to `{ status, headers, text, json }`.
 */
export function send(base, { method = "POST", path = "/hook", headers = {}, body, chunks, holdOpen = false }) {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers, agent: false }, (response) => {
      const parts = [];
      response.on("data", (part) => parts.push(part));
      response.on("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        if (holdOpen) request.destroy();
        resolve({ status: response.statusCode, headers: response.headers, text, json });
      });
    });
    // Writes after the server closed are expected in the oversized cases.
    request.on("error", (error) => (holdOpen || chunks ? undefined : reject(error)));
    if (chunks) {
      for (const chunk of chunks) request.write(chunk);
    } else if (body !== undefined) {
      request.write(body);
    }
    if (!holdOpen) request.end();
  });
}

/** Whether today's hookproof knows a provider (the providers helper adds more). */
export function knowsProvider(provider) {
  try {
    sign(provider, "{}", "secret");
    return true;
  } catch (error) {
    return error.code !== "unknown_provider";
  }
}

function recorder() {
  const events = [];
  const reports = [];
  return {
    events,
    reports,
    handler: async (event) => {
      events.push(event);
    },
    onError: (report) => reports.push(report),
  };
}

/**
 * The cases every HTTP adapter passes. `start(options)` serves `options` (the core's,
 * plus `path`) on 127.0.0.1 and resolves to `{ base, close }`; `preParsed(options)` serves
 * the adapter behind the framework's body parser (the classic mistake), or is omitted
 * where a framework has none.
 */
export function adapterSuite(name, { start, preParsed }) {
  const serve = async (t, options) => {
    const server = await start({ path: "/hook", ...options });
    t.after(() => server.close());
    return server.base;
  };

  test(`${name}: a genuine delivery reaches the handler as a typed event`, async (t) => {
    const seen = recorder();
    const base = await serve(t, { provider: "sir", secret: SECRETS.sir, handler: seen.handler, onError: seen.onError });
    const answer = await send(base, signed("sir", SIR_BODY));
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.json, { received: true });
    assert.equal(seen.events.length, 1);
    assert.equal(seen.events[0].type, "action.completed");
    assert.equal(seen.events[0].payload.data.actionId, "act_42");
    assert.deepEqual(seen.reports, []);
  });

  test(`${name}: a tampered delivery is 401 with the code only; explain's report goes to onError`, async (t) => {
    const seen = recorder();
    const base = await serve(t, { provider: "sir", secret: [SECRETS.sir, "whsec_" + "0a".repeat(32)], handler: seen.handler, onError: seen.onError });
    const delivery = signed("sir", SIR_BODY);
    const answer = await send(base, { ...delivery, body: delivery.body.replace("40", "41") });
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.json, { error: "signature_mismatch" });
    assert.equal(seen.events.length, 0);
    assert.equal(seen.reports.length, 1);
    assert.equal(seen.reports[0].code, "signature_mismatch");
    const diagnosis = seen.reports[0].explain();
    assert.equal(diagnosis.error.code, "signature_mismatch");
    assert.ok(diagnosis.causes.length > 0, "explain ranks causes");
    for (const cause of diagnosis.causes) assert.ok(!answer.text.includes(cause.code), "no hint in the answer");
  });

  test(`${name}: a missing signature and a stale timestamp are 401`, async (t) => {
    const seen = recorder();
    const base = await serve(t, { provider: "sir", secret: SECRETS.sir, handler: seen.handler, onError: seen.onError });
    const missing = await send(base, { path: "/hook", headers: { "content-type": "application/json" }, body: SIR_BODY });
    assert.equal(missing.status, 401);
    assert.deepEqual(missing.json, { error: "missing_signature" });
    const old = sign("sir", SIR_BODY, SECRETS.sir, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    const stale = await send(base, { path: "/hook", headers: { "content-type": "application/json", ...old.headers }, body: SIR_BODY });
    assert.equal(stale.status, 401);
    assert.deepEqual(stale.json, { error: "timestamp_too_old" });
    assert.equal(seen.events.length, 0);
  });

  test(`${name}: a redelivery is 200 { duplicate: true } and the handler runs once`, async (t) => {
    const seen = recorder();
    const base = await serve(t, { provider: "sir", secret: SECRETS.sir, handler: seen.handler, store: memoryStore() });
    const first = await send(base, signed("sir", SIR_BODY));
    const again = await send(base, signed("sir", SIR_BODY)); // re-signed: a new timestamp, same event
    assert.deepEqual([first.status, first.json], [200, { received: true }]);
    assert.deepEqual([again.status, again.json], [200, { duplicate: true }]);
    assert.equal(seen.events.length, 1);
  });

  test(`${name}: a handler that throws is a bare 500, and the retry is processed`, async (t) => {
    const reports = [];
    let calls = 0;
    const handler = async () => {
      calls += 1;
      if (calls === 1) throw new Error("database is down: secret detail");
    };
    const base = await serve(t, { provider: "sir", secret: SECRETS.sir, handler, store: memoryStore(), onError: (report) => reports.push(report) });
    const failed = await send(base, signed("sir", SIR_BODY));
    assert.equal(failed.status, 500);
    assert.deepEqual(failed.json, { error: "internal_error" });
    assert.ok(!failed.text.includes("database"));
    assert.equal(reports[0].stage, "handler");
    assert.match(reports[0].error.message, /database is down/);
    const retry = await send(base, signed("sir", SIR_BODY));
    assert.deepEqual([retry.status, retry.json], [200, { received: true }]);
    assert.equal(calls, 2);
  });

  test(`${name}: a declared Content-Length past maxBodyBytes is 413 before the body is sent`, async (t) => {
    const seen = recorder();
    const base = await serve(t, { provider: "sir", secret: SECRETS.sir, handler: seen.handler, maxBodyBytes: 1024 });
    const delivery = signed("sir", SIR_BODY);
    // 10 MB announced, 100 bytes sent, the request left open: only an answer that did not
    // wait for the body can arrive.
    const answer = await send(base, { ...delivery, headers: { ...delivery.headers, "content-length": String(10_000_000) }, chunks: ["x".repeat(100)], holdOpen: true });
    assert.equal(answer.status, 413);
    assert.deepEqual(answer.json, { error: "body_too_large" });
    assert.equal(seen.events.length, 0);
  });

  test(`${name}: a chunked body that grows past maxBodyBytes is 413 while it is still being sent`, async (t) => {
    const seen = recorder();
    const base = await serve(t, { provider: "sir", secret: SECRETS.sir, handler: seen.handler, maxBodyBytes: 1024 });
    const delivery = signed("sir", SIR_BODY);
    const answer = await send(base, { ...delivery, chunks: ["x".repeat(800), "x".repeat(800)], holdOpen: true });
    assert.equal(answer.status, 413);
    assert.deepEqual(answer.json, { error: "body_too_large" });
    assert.equal(seen.events.length, 0);
  });

  test(`${name}: a genuine but malformed delivery is 400`, async (t) => {
    const seen = recorder();
    const base = await serve(t, { provider: "g2sentry", secret: SECRETS.g2sentry, handler: seen.handler });
    const notJson = await send(base, signed("g2sentry", "{not json"));
    assert.equal(notJson.status, 400);
    assert.deepEqual(notJson.json, { error: "malformed_body" });
    const wrongShape = await send(base, signed("g2sentry", JSON.stringify({ jobId: "five" })));
    assert.equal(wrongShape.status, 400);
    assert.deepEqual(wrongShape.json, { error: "invalid_payload" });
    const genuine = await send(base, signed("g2sentry", G2_BODY));
    assert.equal(genuine.status, 200);
    assert.equal(seen.events.length, 1);
    assert.equal(seen.events[0].payload.jobStatus, "Completed");
  });

  test(`${name}: gengo's token is read from the request URL; a form body keeps its bytes`, async (t) => {
    const seen = recorder();
    const base = await serve(t, { provider: "gengo", secret: SECRETS.gengo, handler: seen.handler });
    const delivery = signed("gengo", { comment: { job_id: "384985", body: "Bitte förmlich ✓", ctime: 1700000000, custom_data: "" } });
    const answer = await send(base, delivery);
    assert.deepEqual([answer.status, answer.json], [200, { received: true }]);
    assert.equal(seen.events[0].type, "comment");
    assert.equal(seen.events[0].payload.body, "Bitte förmlich ✓");
    const wrong = await send(base, { ...delivery, path: "/hook?token=wrong" });
    assert.equal(wrong.status, 401);
  });

  test(`${name}: a handler's own answer and a challenge hook are sent as given`, async (t) => {
    const base = await serve(t, {
      provider: "sir",
      secret: SECRETS.sir,
      handler: async () => ({ status: 202, body: { queued: true } }),
      challenge: (event) => (event.type === "ping" ? { status: 200, body: { pong: event.payload.webhookId } } : null),
    });
    const ping = await send(base, signed("sir", JSON.stringify({ type: "ping", message: "Test", webhookId: "wh_1", timestamp: "2026-01-01T00:00:00Z" })));
    assert.deepEqual([ping.status, ping.json], [200, { pong: "wh_1" }]);
    const event = await send(base, signed("sir", SIR_BODY));
    assert.deepEqual([event.status, event.json], [202, { queued: true }]);
  });

  test(`${name}: a challenge is answered only for a verified delivery`, async (t) => {
    const base = await serve(t, { provider: "sir", secret: SECRETS.sir, handler: async () => {}, challenge: () => ({ body: "challenge-answer" }) });
    const delivery = signed("sir", SIR_BODY);
    const forged = await send(base, { ...delivery, body: delivery.body.replace("act_42", "act_43") });
    assert.equal(forged.status, 401);
    const genuine = await send(base, delivery);
    assert.deepEqual([genuine.status, genuine.text], [200, "challenge-answer"]);
  });

  test(`${name}: Slack's url_verification challenge is echoed (built in)`, { skip: knowsProvider("slack") ? false : "this hookproof build has no slack provider yet" }, async (t) => {
    const seen = recorder();
    const secret = "8f742231b10e8888abcd99yyyzzz85a5";
    const base = await serve(t, { provider: "slack", secret, handler: seen.handler });
    const body = JSON.stringify({ token: "Jhj5dZrVaK7ZwHHjRyZWjbDl", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" });
    const delivery = sign("slack", body, secret);
    const answer = await send(base, { path: "/hook", headers: { "content-type": "application/json", ...delivery.headers }, body });
    // Slack takes the challenge back as text or as { challenge } JSON.
    assert.equal(answer.status, 200);
    assert.equal(answer.json?.challenge ?? answer.text, "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    assert.equal(seen.events.length, 0);
  });

  if (preParsed) {
    test(`${name}: a body the framework already parsed is refused with the fix named`, async (t) => {
      const seen = recorder();
      const server = await preParsed({ path: "/hook", provider: "sir", secret: SECRETS.sir, handler: seen.handler, onError: seen.onError });
      t.after(() => server.close());
      const answer = await send(server.base, signed("sir", SIR_BODY));
      assert.equal(answer.status, 500);
      assert.deepEqual(answer.json, { error: "internal_error" });
      assert.equal(seen.events.length, 0);
      assert.equal(seen.reports.length, 1);
      assert.equal(seen.reports[0].stage, "setup");
      assert.equal(seen.reports[0].error.name, "HookproofSetupError");
      assert.match(seen.reports[0].error.message, server.fix);
    });
  }
}

/** Listens on a free 127.0.0.1 port; resolves to the base URL. */
export function listen(server) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

/** A free 127.0.0.1 port (closed again: the caller binds it next). */
export function freePort() {
  return new Promise((done) => {
    const probe = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/**
 * A throwaway folder for servers a test starts: pass `scope` to startServer in place of
 * the test context. When the test ends (or on `stop()`), the servers are stopped and
 * awaited first, then the folder is removed: node:test runs after-hooks in the order they
 * were registered, so a folder removed by its own hook would go while they still write.
 */
export function serverScope(t, prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const stops = [];
  const stop = async () => {
    for (const stopOne of stops.splice(0).reverse()) await stopOne();
  };
  t.after(async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });
  return { dir, scope: { after: (fn) => stops.push(fn) }, stop };
}

// Starts `command`, resolves with the base URL once `ready(output)` returns a port.
export function startServer(t, command, args, { cwd, env, ready }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  // Stopped (the whole process group) and awaited, so that a later hook may remove the
  // folders it wrote to.
  const exited = new Promise((done) => child.once("exit", done));
  t.after(async () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const forced = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, 5000);
    await exited;
    clearTimeout(forced);
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const port = ready(output);
      if (port) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${command} exited ${code}:\n${output}`)));
  });
}

const getJson = async (base, path) => (await send(base, { method: "GET", path })).json;

/**
 * The cases for an app whose routes fix their options (runtimes/app.js, routes/endpoints.js):
 * /sir (memory store), /sir-small (1 KiB limit), /sir-flaky (throws once), /g2sentry,
 * /gengo, /challenge (answers SIR's ping), /parsed (the body read before hookproof),
 * /events and /reports.
 */
export async function fixedAppCases(t, base) {
  const get = getJson;
  await t.test("genuine and duplicate", async () => {
    assert.deepEqual((await send(base, signed("sir", SIR_BODY, { path: "/sir" }))).json, { received: true });
    const again = await send(base, signed("sir", SIR_BODY, { path: "/sir" }));
    assert.deepEqual([again.status, again.json], [200, { duplicate: true }]);
    assert.deepEqual(await get(base, "/events"), [{ provider: "sir", type: "action.completed", id: "evt_abc123" }]);
  });

  await t.test("tampered: 401 with the code; the diagnosis only in onError", async () => {
    const delivery = signed("sir", SIR_BODY, { path: "/sir" });
    const answer = await send(base, { ...delivery, body: delivery.body.replace("act_42", "act_41") });
    assert.deepEqual([answer.status, answer.json], [401, { error: "signature_mismatch" }]);
    const reports = await get(base, "/reports");
    assert.equal(reports.at(-1).code, "signature_mismatch");
    assert.equal(reports.at(-1).diagnosis.error.code, "signature_mismatch");
    assert.ok(reports.at(-1).diagnosis.causes.length > 0);
  });

  await t.test("a throwing handler: bare 500, the retry processed", async () => {
    const failed = await send(base, signed("sir", SIR_BODY, { path: "/sir-flaky" }));
    assert.deepEqual([failed.status, failed.json], [500, { error: "internal_error" }]);
    const retry = await send(base, signed("sir", SIR_BODY, { path: "/sir-flaky" }));
    assert.deepEqual([retry.status, retry.json], [200, { received: true }]);
  });

  await t.test("oversized: declared and streamed", async () => {
    const delivery = signed("sir", SIR_BODY, { path: "/sir-small" });
    const declared = await send(base, { ...delivery, headers: { ...delivery.headers, "content-length": "5000" }, body: "x".repeat(5000) });
    assert.deepEqual([declared.status, declared.json], [413, { error: "body_too_large" }]);
    const streamed = await send(base, { ...delivery, chunks: ["x".repeat(800), "x".repeat(800)] });
    assert.deepEqual([streamed.status, streamed.json], [413, { error: "body_too_large" }]);
  });

  await t.test("malformed and gengo", async () => {
    const malformed = await send(base, signed("g2sentry", "{nope", { path: "/g2sentry" }));
    assert.deepEqual([malformed.status, malformed.json], [400, { error: "malformed_body" }]);
    assert.equal((await send(base, signed("g2sentry", G2_BODY, { path: "/g2sentry" }))).status, 200);
    const gengo = await send(base, signed("gengo", { job: { job_id: "7", status: "approved" } }, { path: "/gengo" }));
    assert.deepEqual([gengo.status, gengo.json], [200, { received: true }]);
  });

  await t.test("a challenge: answered for a verified ping only", async () => {
    const ping = JSON.stringify({ type: "ping", message: "Test", webhookId: "wh_9", timestamp: "2026-01-01T00:00:00Z" });
    const answer = await send(base, signed("sir", ping, { path: "/challenge" }));
    assert.deepEqual([answer.status, answer.json], [200, { pong: "wh_9" }]);
    const delivery = signed("sir", ping, { path: "/challenge" });
    const forged = await send(base, { ...delivery, body: delivery.body.replace("wh_9", "wh_8") });
    assert.equal(forged.status, 401);
  });

  await t.test("a body a middleware already read: 500, the fix reported", async () => {
    const answer = await send(base, signed("sir", SIR_BODY, { path: "/parsed" }));
    assert.deepEqual([answer.status, answer.json], [500, { error: "internal_error" }]);
    const report = (await get(base, "/reports")).at(-1);
    assert.equal(report.stage, "setup");
    assert.equal(report.name, "HookproofSetupError");
    assert.match(report.message, /before anything reads its body/);
  });
}

export { assert, test };
