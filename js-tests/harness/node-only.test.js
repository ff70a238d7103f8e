// Node-only checks: `require`, node:crypto cross-checks, and wasm memory stability.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac, randomBytes, randomInt } from "node:crypto";
import { createRequire } from "node:module";
import * as hookproof from "hookproof";
import { bodies } from "./cases.js";

const { verify, sign, Verifier, WebhookError, memoryBytes } = hookproof;
const NOW = 1_772_548_200;

test("require('hookproof') gives the same API", () => {
  const required = createRequire(import.meta.url)("hookproof");
  for (const name of ["verify", "parse", "verifyRequest", "sign", "explain", "detectProvider", "signedBytes", "Verifier", "WebhookError"]) {
    assert.equal(typeof required[name], "function", name);
  }
  const s = required.sign("g2sentry", bodies.g2sentry, "k", { timestamp: NOW });
  assert.equal(required.verify("g2sentry", { headers: s.headers, body: bodies.g2sentry }, "k").dedupeKey, "5:JobAssigned");
});

// The providers' documented algorithms on node:crypto (see shared/PROVIDERS.md).
function reference(provider, secret, body, timestamp) {
  const mac = createHmac("sha256", secret);
  if (provider === "sir") mac.update(`${timestamp}.`);
  const digest = mac.update(body).digest("hex");
  if (provider === "g2sentry") return { "x-signature": digest };
  if (provider === "contentspal") return { "x-webhook-signature": `sha256=${digest}` };
  return { "x-sir-signature": `sha256=${digest}`, "x-sir-timestamp": String(timestamp) };
}

function verdict(fn) {
  try {
    fn();
    return "ok";
  } catch (error) {
    assert.ok(error instanceof WebhookError, `not a WebhookError: ${error}`);
    return error.code;
  }
}

test("cross-check: verdicts agree with node:crypto on random bodies and secrets", () => {
  let checked = 0;
  for (const provider of ["g2sentry", "contentspal", "sir"]) {
    for (let i = 0; i < 300; i++) {
      const json = i % 3 === 0;
      const body = json ? Buffer.from(bodies[provider]) : randomBytes(randomInt(0, 4096));
      const secret = i % 2 ? randomBytes(randomInt(1, 100)) : randomBytes(randomInt(1, 40)).toString("base64");
      const timestamp = NOW + randomInt(-400, 400);
      const genuine = reference(provider, secret, body, timestamp);
      const forged = reference(provider, randomBytes(32), body, timestamp);
      // What a verifier built on node:crypto alone would decide about the proof.
      const inWindow = provider !== "sir" || Math.abs(timestamp - NOW) <= 300;
      const options = { now: NOW, maxBodyBytes: 8192 };
      const mine = verdict(() => verify(provider, { headers: genuine, body }, [randomBytes(8), secret], options));
      if (!inWindow) assert.match(mine, /^timestamp_(too_old|in_future)$/);
      else if (json) assert.equal(mine, "ok", provider);
      else assert.match(mine, /^(ok|malformed_body|invalid_payload)$/);
      assert.equal(verdict(() => verify(provider, { headers: forged, body }, secret, options)), "signature_mismatch");
      const signed = sign(provider, body, secret, { timestamp });
      for (const [name, value] of Object.entries(genuine)) {
        const key = Object.keys(signed.headers).find((k) => k.toLowerCase() === name);
        assert.equal(signed.headers[key], value);
      }
      checked++;
    }
  }
  assert.equal(checked, 900);
});

test("memory: 100,000 verifications (half failing) leave wasm memory unchanged", () => {
  const verifier = new Verifier("sir", ["whsec_old", "whsec_new"]);
  const body = Buffer.from(bodies.sir);
  const good = sign("sir", body, "whsec_new", { timestamp: NOW }).headers;
  const bad = { ...good, "X-SIR-Signature": "sha256=" + "0".repeat(64) };
  const run = (n) => {
    for (let i = 0; i < n; i++) {
      if (i % 2 === 0) verifier.verify({ headers: good, body }, { now: NOW });
      else assert.equal(verdict(() => verifier.verify({ headers: bad, body }, { now: NOW })), "signature_mismatch");
    }
  };
  run(2_000);
  const before = memoryBytes();
  run(100_000);
  assert.equal(memoryBytes(), before);
  verifier.free();
});

test("memory: a 5 MB body is refused as body_too_large without growing memory", () => {
  const before = memoryBytes();
  const big = randomBytes(5 * 1024 * 1024);
  const s = sign("g2sentry", Buffer.from("{}"), "k", { timestamp: NOW });
  assert.equal(verdict(() => verify("g2sentry", { headers: s.headers, body: big }, "k")), "body_too_large");
  assert.equal(verdict(() => verify("g2sentry", { headers: s.headers, body: big.toString("latin1") }, "k")), "body_too_large");
  assert.equal(memoryBytes(), before);
});

test("browser entry: an engine that refuses synchronous compiles gets not_ready, then ready()", async () => {
  // A fresh process, so the module graph is not already initialised by the Node entry.
  const { spawnSync } = await import("node:child_process");
  const script = `
    WebAssembly.Module = function () { throw new RangeError("synchronous compile refused"); };
    const h = await import("./node_modules/hookproof/inline.js");
    let early;
    try { h.parse("sir", { headers: {}, body: "{}" }); } catch (error) { early = error; }
    await h.ready();
    const event = h.parse("g2sentry", { headers: {}, body: '{"jobId":1,"eventType":"JobStarted","jobStatus":"InProgress"}' });
    console.log(JSON.stringify({ early: early && [early instanceof h.WebhookError, early.code, early.message], key: event.dedupeKey }));
  `;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: import.meta.dirname, encoding: "utf8" });
  assert.equal(child.status, 0, child.stderr);
  const result = JSON.parse(child.stdout);
  assert.deepEqual(result.early.slice(0, 2), [true, "not_ready"]);
  assert.match(result.early[2], /await ready\(\)/);
  assert.equal(result.key, "1:JobStarted");
});
