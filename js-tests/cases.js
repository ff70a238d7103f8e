// The one shared set of cases, run unchanged in Node, Deno, workerd and Chromium. It uses
// only what all four have (Web Crypto, TextEncoder, Headers, Request) and no test
// framework: each runtime's harness registers or runs `cases(hookproof)` its own way.

import { providerCases } from "./providers.js";

const encoder = new TextEncoder();
const NOW = 1_772_548_200;
// Distinctive, so a leak into any error message is easy to spot.
const SECRET = "s3cret-DO-NOT-LEAK-1";
const OLD_SECRET = "s3cret-DO-NOT-LEAK-0";
const SIR_SECRET = "whsec_" + "ab".repeat(32);

export const bodies = {
  g2sentry:
    '{"jobId":5,"eventType":"JobAssigned","jobName":"Open House at 123 Main St","jobStatus":"Assigned","guardianPhone":"+1******1234"}',
  contentspal:
    '{"event":"job.created","timestamp":"2026-03-03T14:30:00.000Z","organizationId":"abc123","job":{"id":"job-uuid","name":"Smith Residence","customer":{"name":"Ann"}}}',
  sir: '{"id":"evt_1","type":"action.completed","createdAt":"2026-05-10T09:12:00Z","data":{"actionId":"act_9","tokensDistributed":40}}',
  gengo:
    "job=" +
    encodeURIComponent('{"job_id":"384985","status":"reviewable","eta":"","auto_approve":"0","credits":"0.05"}'),
};

const expected = {
  g2sentry: { type: "JobAssigned", id: null, dedupeKey: "5:JobAssigned" },
  contentspal: { type: "job.created", id: null, dedupeKey: "job.created:job-uuid:2026-03-03T14:30:00.000Z" },
  sir: { type: "action.completed", id: "evt_1", dedupeKey: "evt_1" },
  gengo: { type: "job", id: null, dedupeKey: "job:384985:reviewable" },
};

const secretOf = { g2sentry: SECRET, contentspal: SECRET, sir: SIR_SECRET, gengo: SECRET };
const HMAC_PROVIDERS = ["g2sentry", "contentspal", "sir"];
const PROVIDERS = [...HMAC_PROVIDERS, "gengo"];

// --- assertions ---------------------------------------------------------------------------

class AssertionError extends Error {}

function ok(condition, message) {
  if (!condition) throw new AssertionError(message);
}

function equal(actual, wanted, what = "value") {
  const a = JSON.stringify(actual);
  const w = JSON.stringify(wanted);
  ok(a === w, `${what}: expected ${w}, got ${a}`);
}

// Every hookproof failure must be a WebhookError with this code and a clean message.
function throwsCode(h, code, fn) {
  let error;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  checkError(h, code, error);
}

async function rejectsCode(h, code, promise) {
  let error;
  try {
    await promise;
  } catch (caught) {
    error = caught;
  }
  checkError(h, code, error);
}

function checkError(h, code, error) {
  ok(error !== undefined, `expected a WebhookError ${code}, nothing was thrown`);
  ok(
    error instanceof h.WebhookError && error instanceof Error,
    `expected a WebhookError ${code}, got ${error && error.constructor && error.constructor.name}: ${error && error.message}`,
  );
  equal(error.code, code, `code (message: ${error.message})`);
  ok(typeof error.message === "string" && error.message.length > 0, "message is empty");
  ok(!/DO-NOT-LEAK|whsec_abab/.test(error.message), `message leaks a secret: ${error.message}`);
  ok(!/unreachable|RuntimeError/.test(error.message), `message looks like a trap: ${error.message}`);
}

// --- helpers ------------------------------------------------------------------------------

function signed(h, provider, body = bodies[provider], options = {}) {
  return h.sign(provider, body, secretOf[provider], { timestamp: NOW, url: "https://hooks.test/cb", ...options });
}

function delivery(h, provider, overrides = {}) {
  const s = signed(h, provider);
  return { headers: s.headers, body: bodies[provider], url: s.url, ...overrides };
}

// What every cross-check of two hashing paths compares, as [what, headers, body, secret,
// now]: genuine, tampered, wrong secret, rotation, stale, malformed and missing signature.
function crossCheckVariants(provider, good, body, tampered) {
  const signatureName = Object.keys(good).find((name) => /signature/i.test(name));
  return [
    ["genuine", good, body, secretOf[provider], NOW],
    ["tampered body", good, tampered, secretOf[provider], NOW],
    ["wrong secret", good, body, "wrong-secret", NOW],
    ["rotation", good, body, ["wrong-secret", secretOf[provider]], NOW],
    ["stale", good, body, secretOf[provider], NOW + 10_000],
    ["malformed signature", { ...good, [signatureName]: "sha256=zz" }, body, secretOf[provider], NOW],
    ["no signature", Object.fromEntries(Object.entries(good).filter(([name]) => name !== signatureName)), body, secretOf[provider], NOW],
  ];
}

function checkEvent(event, provider) {
  equal(event.provider, provider, "provider");
  equal(event.type, expected[provider].type, "type");
  equal(event.id, expected[provider].id, "id");
  equal(event.dedupeKey, expected[provider].dedupeKey, "dedupeKey");
  ok(event.payload && typeof event.payload === "object", "payload is an object");
}

// One delivery per cause `explain` recognises, each made by signing and then changing one
// thing as it happens in the field, with the cause that must rank first. Shared by the
// JS cases and the inspector's browser tests.
export function explainScenarios(h) {
  const at = (provider, body, secret, options = {}) => h.sign(provider, body, secret, { timestamp: NOW, url: "https://hooks.test/cb", ...options });
  const g2 = bodies.g2sentry;
  const s = at("g2sentry", g2, SECRET);
  const sirSigned = at("sir", bodies.sir, SIR_SECRET);
  const swap = (headers, from, to) => Object.fromEntries(Object.entries(headers).map(([name, value]) => [name === from ? to : name, value]));
  const sigOf = (headers) => Object.entries(headers).find(([name]) => /signature/i.test(name))[1];
  const base64Of = (hexText) => btoa(String.fromCharCode(...hexText.match(/../g).map((pair) => parseInt(pair, 16))));
  const pretty = '{\n  "a": "x",\n  "b": 1\n}';
  const unicode = '{"name":"Zoë – “quoted”","n":1}';
  const python = '{"name": "Zo\\u00eb", "n": 1}';
  const utf8 = new TextEncoder().encode(unicode);
  const token = (url) => ({ headers: {}, body: bodies.gengo, url });
  const hexSecret = SIR_SECRET.slice("whsec_".length);
  const rows = [
    ["body_trailing_newline", "g2sentry", { headers: s.headers, body: g2 + "\n" }, SECRET],
    ["body_line_endings", "g2sentry", { headers: at("g2sentry", pretty, SECRET).headers, body: pretty.replaceAll("\n", "\r\n") }, SECRET],
    ["body_bom", "g2sentry", { headers: s.headers, body: "\uFEFF" + g2 }, SECRET],
    ["body_latin1", "contentspal", { headers: at("contentspal", unicode, SECRET).headers, body: String.fromCharCode(...utf8) }, SECRET],
    ["body_reserialized", "g2sentry", { headers: s.headers, body: JSON.stringify(JSON.parse(g2), null, 2) }, SECRET],
    ["body_reserialized", "contentspal", { headers: at("contentspal", python, SECRET).headers, body: JSON.stringify(JSON.parse(python)) }, SECRET],
    ["secret_whitespace", "g2sentry", { headers: s.headers, body: g2 }, SECRET + " "],
    ["secret_prefix", "sir", { headers: sirSigned.headers, body: bodies.sir }, hexSecret],
    ["secret_decoded", "sir", { headers: at("sir", bodies.sir, Uint8Array.from(hexSecret.match(/../g), (pair) => parseInt(pair, 16))).headers, body: bodies.sir }, SIR_SECRET],
    ["signature_base64", "g2sentry", { headers: { "X-Signature": base64Of(sigOf(s.headers)) }, body: g2 }, SECRET],
    ["prefix_missing", "contentspal", { headers: { "X-Webhook-Signature": sigOf(at("contentspal", g2, SECRET).headers).slice(7) }, body: g2 }, SECRET],
    ["prefix_unexpected", "g2sentry", { headers: { "X-Signature": "sha256=" + sigOf(s.headers) }, body: g2 }, SECRET],
    ["signature_length", "g2sentry", { headers: { "X-Signature": sigOf(s.headers).slice(0, 40) }, body: g2 }, SECRET],
    ["signature_not_hex", "g2sentry", { headers: { "X-Signature": "z".repeat(64) }, body: g2 }, SECRET],
    ["wrong_provider", "contentspal", { headers: s.headers, body: g2 }, SECRET],
    ["signature_header_renamed", "g2sentry", { headers: swap(s.headers, "X-Signature", "X-Forwarded-Signature"), body: g2 }, SECRET],
    ["signature_header_missing", "g2sentry", { headers: { "Content-Type": "application/json" }, body: g2 }, SECRET],
    ["timestamp_skew", "sir", { headers: at("sir", bodies.sir, SIR_SECRET, { timestamp: NOW - 3600 }).headers, body: bodies.sir }, SIR_SECRET],
    ["timestamp_milliseconds", "sir", { headers: at("sir", bodies.sir, SIR_SECRET, { timestamp: NOW * 1000 }).headers, body: bodies.sir }, SIR_SECRET],
    ["timestamp_not_signed", "sir", { headers: { "X-SIR-Signature": sigOf(at("contentspal", bodies.sir, SIR_SECRET).headers), "X-SIR-Timestamp": String(NOW) }, body: bodies.sir }, SIR_SECRET],
    ["token_param_name", "gengo", token("/cb?key=gT0k3n"), "gT0k3n"],
    ["token_double_encoded", "gengo", token("/cb?token=gT0k3n%2520x"), "gT0k3n x"],
    ["token_whitespace", "gengo", token("/cb?token=%20gT0k3n"), "gT0k3n"],
    ["token_missing", "gengo", token("/cb"), "gT0k3n"],
    ["url_missing", "gengo", token(undefined), "gT0k3n"],
    ["body_json", "gengo", { headers: {}, body: "{}", url: "/cb?token=gT0k3n" }, "gT0k3n"],
    ["raw_body", "g2sentry", { headers: at("g2sentry", g2, "another secret").headers, body: g2 }, SECRET],
  ];
  return rows.map(([first, provider, given, secret]) => ({ name: `${first} (${provider})`, first, provider, delivery: given, secret, now: NOW }));
}

// The same secret with every letter and digit changed (hex stays hex; a whsec_ prefix and
// whitespace stay): what a sender configured with another secret of the same shape uses.
function anotherSecretLike(secret) {
  const prefix = secret.startsWith("whsec_") ? "whsec_" : "";
  const next = (c, from, size) => String.fromCharCode(from.charCodeAt(0) + ((c.charCodeAt(0) - from.charCodeAt(0) + 1) % size));
  return (
    prefix +
    secret.slice(prefix.length).replace(/[0-9A-Za-z]/g, (c) => {
      if (/[0-9]/.test(c)) return next(c, "0", 10);
      if (/[a-f]/.test(c)) return next(c, "a", 6);
      if (/[A-F]/.test(c)) return next(c, "A", 6);
      if (/[g-z]/.test(c)) return next(c, "g", 20);
      return next(c, "G", 20);
    })
  );
}

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");

function randomBytes(n) {
  const bytes = new Uint8Array(n);
  // getRandomValues fills at most 64 KiB per call.
  for (let offset = 0; offset < n; offset += 65536) crypto.getRandomValues(bytes.subarray(offset, offset + 65536));
  return bytes;
}

// The providers' documented algorithms, written directly on Web Crypto (PROVIDERS.md).
async function referenceSignature(provider, secretBytes, bodyBytes, timestamp) {
  const key = await crypto.subtle.importKey("raw", secretBytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  let message = bodyBytes;
  if (provider === "sir") {
    const prefix = encoder.encode(`${timestamp}.`);
    message = new Uint8Array(prefix.length + bodyBytes.length);
    message.set(prefix);
    message.set(bodyBytes, prefix.length);
  }
  const digest = hex(new Uint8Array(await crypto.subtle.sign("HMAC", key, message)));
  if (provider === "g2sentry") return { "X-Signature": digest };
  if (provider === "contentspal") return { "X-Webhook-Signature": `sha256=${digest}` };
  return { "X-SIR-Signature": `sha256=${digest}`, "X-SIR-Timestamp": String(timestamp) };
}

function verdict(h, fn) {
  try {
    fn();
    return "ok";
  } catch (error) {
    return error instanceof h.WebhookError ? error.code : `not a WebhookError: ${error}`;
  }
}

// --- the cases ----------------------------------------------------------------------------

// `hooks`: the package's test-only internals, from the harness that can reach them (the
// same module instance as the entry's): `setNativeFrom` where the host has node:crypto.
export function cases(h, hooks = {}) {
  const list = [];
  const add = (name, run) => list.push({ name, run });

  // Valid deliveries, every body form.
  for (const provider of PROVIDERS) {
    const forms = {
      string: (text) => text,
      Uint8Array: (text) => encoder.encode(text),
      ArrayBuffer: (text) => encoder.encode(text).buffer,
    };
    for (const [form, convert] of Object.entries(forms)) {
      add(`${provider}: valid delivery, body as ${form}`, () => {
        const d = delivery(h, provider);
        const event = h.verify(provider, { ...d, body: convert(d.body) }, secretOf[provider], { now: NOW });
        checkEvent(event, provider);
      });
    }
  }

  add("g2sentry: typed payload", () => {
    const event = h.verify("g2sentry", delivery(h, "g2sentry"), SECRET, { now: NOW });
    equal(event.payload, {
      jobId: 5,
      eventType: "JobAssigned",
      jobName: "Open House at 123 Main St",
      jobStatus: "Assigned",
      guardianPhone: "+1******1234",
    });
  });
  add("contentspal: typed payload", () => {
    const event = h.verify("contentspal", delivery(h, "contentspal"), SECRET, { now: NOW });
    equal(event.payload.job.customer, { name: "Ann" });
    equal(event.payload.organizationId, "abc123");
  });
  add("sir: typed payload", () => {
    const event = h.verify("sir", delivery(h, "sir"), SIR_SECRET, { now: NOW });
    equal(event.payload.data, { actionId: "act_9", tokensDistributed: 40 });
    equal(event.payload.createdAt, "2026-05-10T09:12:00Z");
  });
  add("gengo: typed payload (numeric strings become numbers)", () => {
    const event = h.verify("gengo", delivery(h, "gengo"), SECRET, { now: NOW });
    equal(
      [event.payload.job_id, event.payload.status, event.payload.eta, event.payload.auto_approve, event.payload.credits],
      [384985, "reviewable", null, false, 0.05],
    );
  });

  add("payloads that are the body keep fields hookproof does not know", () => {
    const body = JSON.stringify({ id: "evt_2", type: "user.created", data: { userId: "u1" }, addedLater: [1, { x: null }] });
    for (const form of [body, encoder.encode(body)]) {
      const event = h.parse("sir", { headers: {}, body: form });
      equal(event.payload, JSON.parse(body));
      equal([event.provider, event.type, event.id, event.dedupeKey], ["sir", "user.created", "evt_2", "evt_2"]);
    }
  });
  add("event strings with newlines survive the trip out of wasm", () => {
    const body = JSON.stringify({ id: "evt\n3", type: "odd\ntype", data: {} });
    const event = h.parse("sir", { headers: {}, body });
    equal([event.provider, event.type, event.id, event.dedupeKey], ["sir", "odd\ntype", "evt\n3", "evt\n3"]);
    equal(event.payload, JSON.parse(body));
    const form = h.sign("gengo", { job: { job_id: 4, status: "odd\nstatus" } }, SECRET, { url: "https://r.example/cb" });
    const job = h.parse("gengo", { headers: {}, body: form.body });
    equal([job.type, job.dedupeKey, job.payload.job_id, job.payload.status], ["job", "job:4:odd\nstatus", 4, "odd\nstatus"]);
  });

  // Header shapes.
  for (const provider of HMAC_PROVIDERS) {
    const shapes = {
      "Fetch Headers": (hs) => new Headers(hs),
      "Node IncomingHttpHeaders (lower-case, array values)": (hs) =>
        Object.fromEntries(Object.entries(hs).map(([k, v]) => [k.toLowerCase(), [v, "ignored-second-value"]])),
      "record with the provider's casing": (hs) => ({ ...hs }),
      "record in upper case": (hs) => Object.fromEntries(Object.entries(hs).map(([k, v]) => [k.toUpperCase(), v])),
      "entries array": (hs) => Object.entries(hs),
      Map: (hs) => new Map(Object.entries(hs)),
      "generator of entries": (hs) =>
        (function* () {
          yield* Object.entries(hs);
        })(),
      "record with undefined extras": (hs) => ({ "x-other": undefined, ...hs }),
    };
    for (const [shape, convert] of Object.entries(shapes)) {
      add(`${provider}: headers as ${shape}`, () => {
        const d = delivery(h, provider);
        checkEvent(h.verify(provider, { ...d, headers: convert(d.headers) }, secretOf[provider], { now: NOW }), provider);
      });
    }
  }

  // Every error code.
  add("unknown_provider: unknown name", () =>
    throwsCode(h, "unknown_provider", () => h.verify("acme", delivery(h, "g2sentry"), SECRET)),
  );
  add("unknown_provider: missing provider", () =>
    throwsCode(h, "unknown_provider", () => h.verify(undefined, delivery(h, "g2sentry"), SECRET)),
  );
  add("unknown_provider: parse, sign, Verifier, explain", () => {
    throwsCode(h, "unknown_provider", () => h.parse("nope", { headers: {}, body: "{}" }));
    throwsCode(h, "unknown_provider", () => h.sign("nope", "{}", SECRET));
    throwsCode(h, "unknown_provider", () => new h.Verifier(42, SECRET));
    equal(h.explain("nope", { headers: {}, body: "{}" }, SECRET).error.code, "unknown_provider");
  });
  add("invalid_secret: empty, none, wrong type", () => {
    const d = delivery(h, "g2sentry");
    throwsCode(h, "invalid_secret", () => h.verify("g2sentry", d, ""));
    throwsCode(h, "invalid_secret", () => h.verify("g2sentry", d, []));
    throwsCode(h, "invalid_secret", () => h.verify("g2sentry", d, [SECRET, ""]));
    throwsCode(h, "invalid_secret", () => h.verify("g2sentry", d, new Uint8Array(0)));
    throwsCode(h, "invalid_secret", () => h.verify("g2sentry", d, undefined));
    throwsCode(h, "invalid_secret", () => h.verify("g2sentry", d, 12345));
    throwsCode(h, "invalid_secret", () => h.verify("g2sentry", d, [SECRET, { key: SECRET }]));
    throwsCode(h, "invalid_secret", () => h.sign("g2sentry", "{}", ""));
    throwsCode(h, "invalid_secret", () => h.sign("g2sentry", "{}", [SECRET]));
  });
  add("body_too_large: string, bytes, ArrayBuffer, parse", () => {
    const d = delivery(h, "g2sentry");
    throwsCode(h, "body_too_large", () => h.verify("g2sentry", d, SECRET, { maxBodyBytes: 10 }));
    throwsCode(h, "body_too_large", () =>
      h.verify("g2sentry", { ...d, body: encoder.encode(d.body) }, SECRET, { maxBodyBytes: 10 }),
    );
    throwsCode(h, "body_too_large", () =>
      h.verify("g2sentry", { ...d, body: encoder.encode(d.body).buffer }, SECRET, { maxBodyBytes: 10 }),
    );
    throwsCode(h, "body_too_large", () => h.parse("g2sentry", d, { maxBodyBytes: 10 }));
    // Multi-byte text: the limit is on UTF-8 bytes, not characters.
    throwsCode(h, "body_too_large", () => h.parse("g2sentry", { headers: {}, body: "é".repeat(6) }, { maxBodyBytes: 11 }));
  });
  add("body_too_large: a 5 MB body under the default 1 MiB limit", () => {
    const big = new Uint8Array(5 * 1024 * 1024);
    throwsCode(h, "body_too_large", () => h.verify("sir", { ...delivery(h, "sir"), body: big }, SIR_SECRET));
    throwsCode(h, "body_too_large", () => h.verify("sir", { ...delivery(h, "sir"), body: "x".repeat(5e6) }, SIR_SECRET));
    equal(h.explain("sir", { ...delivery(h, "sir"), body: big }, SIR_SECRET), { error: { code: "body_too_large", message: "body is 5242880 bytes; the limit is 1048576 (options.maxBodyBytes)" }, causes: [] });
  });
  add("missing_signature: HMAC providers without their header", () => {
    for (const provider of HMAC_PROVIDERS) {
      const d = delivery(h, provider);
      const headers = Object.fromEntries(Object.entries(d.headers).filter(([k]) => !/signature/i.test(k)));
      throwsCode(h, "missing_signature", () => h.verify(provider, { ...d, headers }, secretOf[provider], { now: NOW }));
    }
  });
  add("missing_signature: gengo without URL or token", () => {
    const d = delivery(h, "gengo");
    throwsCode(h, "missing_signature", () => h.verify("gengo", { ...d, url: undefined }, SECRET));
    throwsCode(h, "missing_signature", () => h.verify("gengo", { ...d, url: "https://hooks.test/cb?x=1" }, SECRET));
    throwsCode(h, "missing_signature", () => h.verify("gengo", d, SECRET, { tokenParam: "key" }));
  });
  add("malformed_signature: not hex, wrong length, missing prefix", () => {
    const d = delivery(h, "g2sentry");
    throwsCode(h, "malformed_signature", () => h.verify("g2sentry", { ...d, headers: { "X-Signature": "zz" } }, SECRET));
    throwsCode(h, "malformed_signature", () =>
      h.verify("g2sentry", { ...d, headers: { "X-Signature": "g".repeat(64) } }, SECRET),
    );
    const c = delivery(h, "contentspal");
    const bare = c.headers["X-Webhook-Signature"].replace("sha256=", "");
    throwsCode(h, "malformed_signature", () =>
      h.verify("contentspal", { ...c, headers: { "X-Webhook-Signature": bare } }, SECRET),
    );
  });
  add("signature_mismatch: wrong secret, tampered body, wrong token", () => {
    for (const provider of PROVIDERS) {
      const d = delivery(h, provider);
      throwsCode(h, "signature_mismatch", () => h.verify(provider, d, "another-secret", { now: NOW }));
      if (provider !== "gengo") {
        throwsCode(h, "signature_mismatch", () => h.verify(provider, { ...d, body: d.body + " " }, secretOf[provider], { now: NOW }));
      }
    }
  });
  add("signature_mismatch: upper-case hex still verifies", () => {
    const d = delivery(h, "g2sentry");
    const headers = { "X-Signature": d.headers["X-Signature"].toUpperCase() };
    checkEvent(h.verify("g2sentry", { ...d, headers }, SECRET, { now: NOW }), "g2sentry");
  });
  add("missing_timestamp / malformed_timestamp: sir", () => {
    const d = delivery(h, "sir");
    const noTs = { "X-SIR-Signature": d.headers["X-SIR-Signature"] };
    throwsCode(h, "missing_timestamp", () => h.verify("sir", { ...d, headers: noTs }, SIR_SECRET, { now: NOW }));
    throwsCode(h, "malformed_timestamp", () =>
      h.verify("sir", { ...d, headers: { ...noTs, "X-SIR-Timestamp": "17e8" } }, SIR_SECRET, { now: NOW }),
    );
  });
  add("timestamp window: edges inclusive, too old, in future", () => {
    const d = delivery(h, "sir");
    checkEvent(h.verify("sir", d, SIR_SECRET, { now: NOW + 300 }), "sir");
    checkEvent(h.verify("sir", d, SIR_SECRET, { now: NOW - 300 }), "sir");
    throwsCode(h, "timestamp_too_old", () => h.verify("sir", d, SIR_SECRET, { now: NOW + 301 }));
    throwsCode(h, "timestamp_in_future", () => h.verify("sir", d, SIR_SECRET, { now: NOW - 301 }));
    checkEvent(h.verify("sir", d, SIR_SECRET, { now: NOW + 1000, toleranceSeconds: 1000 }), "sir");
    // Default now is the current clock: a delivery signed just now verifies.
    checkEvent(h.verify("sir", { ...d, ...h.sign("sir", bodies.sir, SIR_SECRET) }, SIR_SECRET), "sir");
  });
  add("malformed_body: not JSON, not a gengo form", () => {
    const s = h.sign("g2sentry", "not json", SECRET, { timestamp: NOW });
    throwsCode(h, "malformed_body", () => h.verify("g2sentry", { headers: s.headers, body: "not json" }, SECRET));
    const g = signed(h, "gengo", "other=1");
    throwsCode(h, "malformed_body", () => h.verify("gengo", { headers: g.headers, body: "other=1", url: g.url }, SECRET));
  });
  add("invalid_payload: JSON of the wrong shape", () => {
    const body = '{"jobId":"five","eventType":"JobAssigned","jobStatus":"Assigned"}';
    const s = h.sign("g2sentry", body, SECRET, { timestamp: NOW });
    throwsCode(h, "invalid_payload", () => h.verify("g2sentry", { headers: s.headers, body }, SECRET));
    throwsCode(h, "invalid_payload", () => h.parse("contentspal", { headers: {}, body: '{"event":"job.created"}' }));
  });
  add("invalid_argument: bad deliveries and options never trap", () => {
    const d = delivery(h, "sir");
    const bad = [
      () => h.verify("sir", null, SIR_SECRET),
      () => h.verify("sir", "delivery", SIR_SECRET),
      () => h.verify("sir", { ...d, body: 42 }, SIR_SECRET),
      () => h.verify("sir", { ...d, body: undefined }, SIR_SECRET),
      () => h.verify("sir", { ...d, body: { a: 1 } }, SIR_SECRET),
      () => h.verify("sir", { ...d, headers: 7 }, SIR_SECRET),
      () => h.verify("sir", { ...d, headers: undefined }, SIR_SECRET),
      () => h.verify("sir", { ...d, headers: { "x-sir-signature": 123, "x-sir-timestamp": "1" } }, SIR_SECRET),
      () => h.verify("sir", { ...d, headers: [["x-sir-signature"]] }, SIR_SECRET),
      () => h.verify("sir", { ...d, headers: [42] }, SIR_SECRET),
      () => h.verify("sir", { ...d, url: 5 }, SIR_SECRET),
      () => h.verify("sir", d, SIR_SECRET, { now: "soon" }),
      () => h.verify("sir", d, SIR_SECRET, { now: -1 }),
      () => h.verify("sir", d, SIR_SECRET, { now: NaN }),
      () => h.verify("sir", d, SIR_SECRET, { toleranceSeconds: -5 }),
      () => h.verify("sir", d, SIR_SECRET, { maxBodyBytes: 1.5 }),
      () => h.verify("sir", d, SIR_SECRET, { tokenParam: "" }),
      () => h.verify("sir", d, SIR_SECRET, "options"),
      () => h.parse("sir", { headers: {}, body: null }),
      () => h.sign("sir", 42, SIR_SECRET),
      () => h.sign("sir", undefined, SIR_SECRET),
      () => h.sign("sir", "{}", SIR_SECRET, { timestamp: -1 }),
      () => h.sign("gengo", { job: {}, comment: {} }, SECRET),
      () => h.sign("gengo", {}, SECRET),
      () => new h.Verifier("sir", SIR_SECRET).verify({ ...d, body: 1n }),
    ];
    bad.forEach((fn) => throwsCode(h, "invalid_argument", fn));
  });
  add("no input traps: junk in every argument position", () => {
    const junk = [undefined, null, 0, -1, NaN, Infinity, 1n, true, "", "x", [], [[]], {}, () => 1, Symbol("s"), new Date(0)];
    const d = delivery(h, "sir");
    for (const value of junk) {
      for (const call of [
        () => h.verify(value, d, SIR_SECRET, { now: NOW }),
        () => h.verify("sir", value, SIR_SECRET, { now: NOW }),
        () => h.verify("sir", d, value, { now: NOW }),
        () => h.verify("sir", d, SIR_SECRET, value),
        () => h.verify("sir", { ...d, headers: value }, SIR_SECRET, { now: NOW }),
        () => h.verify("sir", { ...d, body: value }, SIR_SECRET, { now: NOW }),
        () => h.verify("gengo", { ...delivery(h, "gengo"), url: value }, SECRET),
        () => h.parse("gengo", { headers: {}, body: value }),
        () => h.sign("contentspal", value, SECRET),
        () => h.sign("contentspal", "{}", value),
        () => h.explain("sir", { ...d, headers: value }, SIR_SECRET),
      ]) {
        const outcome = verdict(h, call);
        ok(!outcome.startsWith("not a WebhookError"), `${String(typeof value)} argument: ${outcome}`);
      }
    }
  });

  // The hostile-input table (SECURITY.md): every row of tests/vectors/hostile.json, the one
  // source tests/hostile.rs runs natively, through the package in each header shape that
  // can carry the row (see runHostileTable).
  add("hostile table: each input answered by its code, no trap, no memory growth", () => {
    runHostileTable(h, hooks.hostileTable);
    const g2 = (body) => ({ headers: h.sign("g2sentry", body, SECRET).headers, body });
    const job = (extra) => `{"jobId":5,"eventType":"JobStarted","jobStatus":"New"${extra}}`;
    const sir = delivery(h, "sir");
    const withTimestamp = (value) => ({ ...sir, headers: { ...sir.headers, "X-SIR-Timestamp": value } });
    // Documented successes: the largest exact integer, and unknown fields JSON.parse sees as sent.
    const largest = h.verify("g2sentry", g2(job("").replace('"jobId":5', '"jobId":9007199254740991')), SECRET);
    equal([largest.payload.jobId, largest.dedupeKey], [9007199254740991, "9007199254740991:JobStarted"]);
    const duplicate = h.verify("g2sentry", g2(job(',"x":1,"x":2')), SECRET);
    equal(duplicate.payload.x, 2, "a duplicate unknown key: JSON.parse keeps the last");
    const deep = h.verify("g2sentry", g2(job(`,"x":${"[".repeat(100_000)}${"]".repeat(100_000)}`)), SECRET);
    ok(Array.isArray(deep.payload.x), "nesting 100,000 deep in an unknown field: skipped by the core, parsed by JSON.parse");

    // 100,000 mixed calls: refusals, successes, parses; each must get its own outcome
    // (a success stays a success, a refusal keeps its code), the wasm memory must not grow
    // once warm, and the stressed Verifier itself still answers right after all of them.
    const verifier = new h.Verifier("sir", SIR_SECRET);
    const tampered = { ...sir, body: sir.body.replace("40", "41") };
    const mixedCalls = [
      ["genuine", "ok", () => verifier.verify(sir, { now: NOW }).dedupeKey === "evt_1"],
      ["tampered", "signature_mismatch", () => verifier.verify(tampered, { now: NOW })],
      ["parse", "ok", () => h.parse("g2sentry", { headers: {}, body: bodies.g2sentry }).dedupeKey === "5:JobAssigned"],
      ["bad timestamp", "malformed_timestamp", () => verifier.verify(withTimestamp("x"), { now: NOW })],
    ];
    const mixed = (i) => {
      const [what, wanted, call] = mixedCalls[i % 4];
      let outcome;
      try {
        outcome = call() === false ? "wrong event" : "ok";
      } catch (error) {
        if (!(error instanceof h.WebhookError)) throw error;
        outcome = error.code;
      }
      if (outcome !== wanted) throw new AssertionError(`call ${i} (${what}): expected ${wanted}, got ${outcome}`);
    };
    for (let i = 0; i < 1000; i++) mixed(i);
    const before = h.memoryBytes();
    for (let i = 0; i < 100_000; i++) mixed(i);
    equal(h.memoryBytes(), before, "wasm memory after 100,000 mixed calls");
    checkEvent(verifier.verify(sir, { now: NOW }), "sir");
    throwsCode(h, "signature_mismatch", () => verifier.verify(tampered, { now: NOW }));
    verifier.free();
    checkEvent(h.verify("sir", sir, SIR_SECRET, { now: NOW }), "sir");
  });

  add("Verifier: free() and Symbol.dispose release it; the packed copy of the secrets is wiped", () => {
    const d = delivery(h, "g2sentry");
    const verifier = new h.Verifier("g2sentry", SECRET);
    checkEvent(verifier.verify(d, { now: NOW }), "g2sentry");
    verifier[Symbol.dispose]();
    throwsCode(h, "invalid_argument", () => verifier.verify(d, { now: NOW }));
    const given = new TextEncoder().encode(SECRET);
    const bytesVerifier = new h.Verifier("g2sentry", given);
    equal(new TextDecoder().decode(given), SECRET, "the caller's own bytes are left alone");
    checkEvent(bytesVerifier.verify(d, { now: NOW }), "g2sentry");
    bytesVerifier.free();
  });
  // Secret rotation and the Verifier.
  add("rotation: any listed secret verifies, string or bytes", () => {
    for (const provider of PROVIDERS) {
      const d = delivery(h, provider);
      const current = secretOf[provider];
      checkEvent(h.verify(provider, d, ["new-secret", current], { now: NOW }), provider);
      checkEvent(h.verify(provider, d, [encoder.encode(current), "new-secret"], { now: NOW }), provider);
      throwsCode(h, "signature_mismatch", () => h.verify(provider, d, ["a", "b", "c"], { now: NOW }));
    }
  });
  add("Verifier: keys prepared once, many deliveries", () => {
    const verifier = new h.Verifier("sir", [OLD_SECRET, SIR_SECRET], { toleranceSeconds: 60 });
    for (let i = 0; i < 50; i++) {
      const body = `{"id":"evt_${i}","type":"user.created","data":{"i":${i}}}`;
      const s = h.sign("sir", body, i % 2 ? SIR_SECRET : OLD_SECRET, { timestamp: NOW + i });
      const event = verifier.verify({ headers: s.headers, body }, { now: NOW + i });
      equal(event.dedupeKey, `evt_${i}`);
    }
    throwsCode(h, "timestamp_too_old", () => verifier.verify(delivery(h, "sir"), { now: NOW + 61 }));
    verifier.free();
    throwsCode(h, "invalid_argument", () => verifier.verify(delivery(h, "sir"), { now: NOW }));
  });

  // parse, sign, explain.
  add("parse: decodes without any check", () => {
    for (const provider of PROVIDERS) {
      checkEvent(h.parse(provider, { headers: {}, body: bodies[provider] }), provider);
    }
    const comment = "comment=" + encodeURIComponent('{"job_id":7,"body":"Hi","ctime":"1700000000"}');
    const event = h.parse("gengo", { headers: new Headers(), body: comment });
    equal([event.type, event.dedupeKey, event.payload.body], ["comment", "comment:7:1700000000", "Hi"]);
  });
  add("sign: headers as each provider spells them", () => {
    equal(Object.keys(signed(h, "g2sentry").headers), ["Content-Type", "X-Signature"]);
    equal(Object.keys(signed(h, "contentspal").headers), ["Content-Type", "X-Webhook-Signature"]);
    equal(Object.keys(signed(h, "sir").headers), ["Content-Type", "X-SIR-Signature", "X-SIR-Timestamp"]);
    const g = signed(h, "gengo");
    equal(g.headers, { "Content-Type": "application/x-www-form-urlencoded" });
    equal(g.url, `https://hooks.test/cb?token=${encodeURIComponent(SECRET)}`);
    ok(signed(h, "sir").url === undefined, "no url for HMAC schemes");
  });
  add("sign: round trips for object, string and byte bodies", () => {
    const objects = {
      g2sentry: JSON.parse(bodies.g2sentry),
      contentspal: JSON.parse(bodies.contentspal),
      sir: JSON.parse(bodies.sir),
      gengo: { job: { job_id: "384985", status: "reviewable", eta: "", auto_approve: "0", credits: "0.05" } },
    };
    for (const provider of PROVIDERS) {
      for (const body of [objects[provider], bodies[provider], encoder.encode(bodies[provider])]) {
        const s = h.sign(provider, body, secretOf[provider], { timestamp: NOW });
        ok(typeof s.body === "string" || s.body instanceof Uint8Array, "body type");
        if (body instanceof Uint8Array) ok(s.body instanceof Uint8Array, "bytes stay bytes");
        const event = h.verify(provider, { headers: s.headers, body: s.body, url: s.url }, secretOf[provider], { now: NOW });
        checkEvent(event, provider);
      }
    }
  });
  add("sign: gengo object bodies are form-encoded, jobs and comments", () => {
    const s = h.sign("gengo", { comment: { job_id: 7, body: "a b&c", ctime: 1700000000 } }, SECRET, { url: "/cb?x=1" });
    ok(s.body.startsWith("comment=%7B"), `form body: ${s.body}`);
    ok(s.url.startsWith("/cb?x=1&token="), `url: ${s.url}`);
    const event = h.verify("gengo", { headers: {}, body: s.body, url: s.url }, SECRET);
    equal([event.type, event.payload.body], ["comment", "a b&c"]);
  });
  add("explain: no error when valid; the refusal and ranked causes when not", () => {
    equal(h.explain("g2sentry", delivery(h, "g2sentry"), SECRET, { now: NOW }), { error: null, causes: [] });
    const d = delivery(h, "g2sentry");
    const newline = h.explain("g2sentry", { ...d, body: d.body + "\n" }, SECRET, { now: NOW });
    equal(newline.error.code, "signature_mismatch");
    equal(newline.causes[0].code, "body_trailing_newline");
    const spaced = h.explain("g2sentry", d, SECRET + "\n", { now: NOW });
    equal(spaced.causes[0].code, "secret_whitespace");
    const noUrl = h.explain("gengo", { ...delivery(h, "gengo"), url: undefined }, SECRET);
    equal(noUrl.causes.map((cause) => cause.code), ["url_missing"]);
    const late = h.explain("sir", delivery(h, "sir"), SIR_SECRET, { now: NOW + 4000 });
    equal([late.error.code, late.causes[0].code], ["timestamp_too_old", "timestamp_skew"]);
    for (const diagnosis of [newline, spaced, noUrl, late]) {
      ok(typeof diagnosis.error.message === "string", "error shape");
      for (const cause of diagnosis.causes) {
        ok(typeof cause.code === "string" && typeof cause.message === "string", "cause shape");
        ok(!/DO-NOT-LEAK|whsec_abab/.test(cause.message + diagnosis.error.message), `a cause leaks a secret: ${cause.message}`);
      }
    }
  });
  add("explain: each cause, ranked first, through the module", () => {
    for (const { name, provider, delivery: given, secret, now, first } of explainScenarios(h)) {
      const diagnosis = h.explain(provider, given, secret, { now });
      ok(diagnosis.error !== null, `${name}: verified`);
      equal(diagnosis.causes[0]?.code, first, `${name}: first cause (all: ${diagnosis.causes.map((c) => c.code)})`);
      for (const cause of diagnosis.causes) ok(!cause.message.includes(String(secret).trim()), `${name}: leaks the secret`);
    }
  });
  // The negative side of "explain never guesses" (tests/explain.rs has the same natively):
  // each scenario again, but sent by someone with another secret of the same shape. A
  // cause reported only once undoing it makes the signature match must then be absent, and
  // with nothing confirmed the generic raw_body closes the list wherever the delivery has
  // its signature header.
  add("explain: look-alikes signed with another secret get no confirmed cause", () => {
    const confirmedOnly = ["body_trailing_newline", "body_line_endings", "body_bom", "body_latin1", "body_reserialized", "secret_prefix", "secret_decoded", "wrong_provider", "signature_header_renamed", "timestamp_skew", "timestamp_milliseconds", "timestamp_not_signed", "token_param_name", "token_double_encoded", "token_whitespace"];
    const visibleWithoutProof = ["secret_whitespace", "signature_base64", "prefix_missing", "prefix_unexpected"];
    const signatureHeader = { g2sentry: "x-signature", contentspal: "x-webhook-signature", sir: "x-sir-signature" };
    let checked = 0;
    for (const { name, provider, delivery: given, secret, now, first } of explainScenarios(h)) {
      if (!confirmedOnly.includes(first) && !visibleWithoutProof.includes(first)) continue;
      const other = anotherSecretLike(secret);
      ok(other !== secret, `${name}: the look-alike secret differs`);
      const diagnosis = h.explain(provider, given, other, { now });
      const codes = diagnosis.causes.map((cause) => cause.code);
      ok(diagnosis.error !== null, `${name} look-alike: verified`);
      if (confirmedOnly.includes(first)) ok(!codes.includes(first), `${name} look-alike: ${first} without proof: ${codes}`);
      const hasSignature = Object.keys(given.headers).some((header) => header.toLowerCase() === signatureHeader[provider]);
      if (hasSignature) equal(codes.at(-1), "raw_body", `${name} look-alike: something was confirmed (${codes})`);
      checked++;
    }
    equal(checked, confirmedOnly.length + visibleWithoutProof.length + 1, "look-alikes checked");
  });
  add("signedBytes: what each provider's HMAC covers", () => {
    const text = (bytes) => new TextDecoder().decode(bytes);
    equal(text(h.signedBytes("sir", delivery(h, "sir"))), `${NOW}.${bodies.sir}`);
    equal(text(h.signedBytes("g2sentry", delivery(h, "g2sentry"))), bodies.g2sentry);
    equal(h.signedBytes("gengo", delivery(h, "gengo")), null);
    throwsCode(h, "missing_timestamp", () => h.signedBytes("sir", { headers: {}, body: "{}" }));
  });
  add("detectProvider: from the headers, or gengo's form body", () => {
    for (const provider of PROVIDERS) equal(h.detectProvider(delivery(h, provider)), provider, provider);
    equal(h.detectProvider({ headers: {}, body: "{}" }), null);
  });
  add("explain: every header shape", () => {
    const d = delivery(h, "sir");
    for (const headers of [new Headers(d.headers), Object.entries(d.headers), d.headers, new Map(Object.entries(d.headers))]) {
      equal(h.explain("sir", { ...d, headers }, SIR_SECRET, { now: NOW }), { error: null, causes: [] });
    }
  });

  // verifyRequest: a real Fetch Request, body read once as bytes.
  add("verifyRequest: every provider", async () => {
    for (const provider of PROVIDERS) {
      const s = signed(h, provider);
      const request = new Request(s.url ?? "https://hooks.test/cb", { method: "POST", headers: s.headers, body: s.body });
      checkEvent(await h.verifyRequest(provider, request, secretOf[provider], { now: NOW }), provider);
      ok(request.bodyUsed, "body consumed");
    }
  });
  add("verifyRequest: refusals reject with WebhookError", async () => {
    const s = signed(h, "contentspal");
    const request = () => new Request("https://hooks.test/cb", { method: "POST", headers: s.headers, body: s.body });
    await rejectsCode(h, "signature_mismatch", h.verifyRequest("contentspal", request(), "wrong"));
    await rejectsCode(h, "body_too_large", h.verifyRequest("contentspal", request(), SECRET, { maxBodyBytes: 5 }));
    await rejectsCode(h, "invalid_argument", h.verifyRequest("contentspal", { headers: {} }, SECRET));
    await rejectsCode(h, "unknown_provider", h.verifyRequest("x", request(), SECRET));
  });

  // Cross-checks against the documented algorithms on Web Crypto.
  add("cross-check: random bodies and secrets agree with Web Crypto", async () => {
    for (const provider of HMAC_PROVIDERS) {
      for (let i = 0; i < 20; i++) {
        const body = randomBytes(Math.floor(Math.random() * 2048));
        const secret = i % 2 ? randomBytes(1 + Math.floor(Math.random() * 80)) : hex(randomBytes(24));
        const secretBytes = typeof secret === "string" ? encoder.encode(secret) : secret;
        const timestamp = NOW + Math.floor(Math.random() * 600) - 300;
        const headers = await referenceSignature(provider, secretBytes, body, timestamp);
        const opts = { now: NOW, maxBodyBytes: 4096 };
        // Random bodies are not JSON: a genuine one passes the proof and fails decoding.
        const genuine = verdict(h, () => h.verify(provider, { headers, body }, secret, opts));
        ok(genuine === "malformed_body" || genuine === "invalid_payload" || genuine === "ok", `${provider} genuine: ${genuine}`);
        const wrongKey = await referenceSignature(provider, randomBytes(16), body, timestamp);
        equal(verdict(h, () => h.verify(provider, { headers: wrongKey, body }, secret, opts)), "signature_mismatch", `${provider} wrong key`);
        // And hookproof's own signatures are what the reference computes.
        const mine = h.sign(provider, body, secret, { timestamp });
        for (const [name, value] of Object.entries(headers)) equal(mine.headers[name], value, `${provider} ${name}`);
      }
      // A JSON body, signed by the reference, fully verifies.
      const json = encoder.encode(bodies[provider]);
      const headers = await referenceSignature(provider, encoder.encode(secretOf[provider]), json, NOW);
      checkEvent(h.verify(provider, { headers, body: json }, secretOf[provider], { now: NOW }), provider);
    }
  });
  // Large bodies: verifyRequest hashes them with Web Crypto (from 16 or 128 KB, by runtime).
  // The reference is verify() on the wasm SHA-256: where the host has node:crypto (Node,
  // Deno), verify() would hash these natively (from 2 KB), so the native threshold is
  // forced off for the reference, and a spy on node:crypto proves no native HMAC made it.
  add("cross-check: verifyRequest on large bodies (Web Crypto) agrees with verify (wasm)", async () => {
    const wasmVerdict = wasmReference(h, hooks);
    const subtle = crypto.subtle;
    const realSign = subtle.sign;
    let signCalls = 0;
    let failSign = false;
    subtle.sign = function (...args) {
      signCalls++;
      if (failSign) return Promise.reject(new Error("Web Crypto unavailable"));
      return realSign.apply(this, args);
    };
    try {
      const requestVerdict = async (provider, headers, body, secret, now) => {
        const request = new Request("https://hooks.test/cb", { method: "POST", headers, body });
        try {
          await h.verifyRequest(provider, request, secret, { now, maxBodyBytes: 1 << 20 });
          return "ok";
        } catch (error) {
          return error instanceof h.WebhookError ? error.code : `not a WebhookError: ${error}`;
        }
      };
      for (const provider of HMAC_PROVIDERS) {
        const secretBytes = encoder.encode(secretOf[provider]);
        // The provider's example with a large field it does not document: it still decodes.
        const json = encoder.encode(JSON.stringify({ ...JSON.parse(bodies[provider]), padding: "p".repeat(140_000) }));
        const random = randomBytes(140_000 + Math.floor(Math.random() * 60_000));
        for (const body of [json, random]) {
          const tampered = body.slice();
          tampered[tampered.length - 2] ^= 1;
          const good = await referenceSignature(provider, secretBytes, body, NOW);
          for (const [what, headers, sent, secret, now] of crossCheckVariants(provider, good, body, tampered)) {
            const expectedVerdict = wasmVerdict(() => h.verify(provider, { headers, body: sent }, secret, { now, maxBodyBytes: 1 << 20 }));
            // Not vacuous: the genuine JSON delivery passes both ways.
            if (body === json && (what === "genuine" || what === "rotation")) equal(expectedVerdict, "ok", `${provider} ${what}`);
            const before = signCalls;
            equal(await requestVerdict(provider, headers, sent, secret, now), expectedVerdict, `${provider} ${what}`);
            // Header problems are refused before any hashing, as on the wasm path.
            const hashed = !what.endsWith("signature");
            equal(signCalls > before, hashed, `${provider} ${what}: hashed with Web Crypto`);
          }
        }
        // A Web Crypto failure falls back to the wasm hash, with the same verdicts.
        const good = await referenceSignature(provider, secretBytes, json, NOW);
        failSign = true;
        equal(await requestVerdict(provider, good, json, secretOf[provider], NOW), "ok", `${provider} fallback genuine`);
        equal(await requestVerdict(provider, good, json, "wrong-secret", NOW), "signature_mismatch", `${provider} fallback wrong`);
        failSign = false;
      }
    } finally {
      subtle.sign = realSign;
    }
  });
  add("cross-check: gengo token compare agrees with plain equality", () => {
    for (let i = 0; i < 30; i++) {
      const secret = hex(randomBytes(1 + (i % 20)));
      const token = i % 3 === 0 ? secret : hex(randomBytes(1 + (i % 20)));
      const url = `https://hooks.test/cb?token=${encodeURIComponent(token)}`;
      const want = token === secret ? "ok" : "signature_mismatch";
      equal(verdict(h, () => h.verify("gengo", { headers: {}, body: bodies.gengo, url }, secret)), want, `token ${i}`);
    }
  });

  add("WebhookError: instanceof, name, code", () => {
    const error = new h.WebhookError("x", "y");
    ok(error instanceof Error && error instanceof h.WebhookError, "instanceof");
    equal([error.name, error.code, error.message], ["WebhookError", "x", "y"]);
  });

  list.push(...secretWipingCases(h, hooks));
  list.push(...providerCases(h)); // every other provider: js-tests/providers.js
  return list;
}

// --- the shared hostile table ---------------------------------------------------------
// tests/vectors/hostile.json (its forms: tests/vectors/make_hostile.py), handed over by the
// harness as `hooks.hostileTable` (js-tests/run.js copies it next to the cases). Each row
// runs as an entries array and a generator (the first of repeated names counts, as in
// Rust), as a Map when its names are distinct, and as a record and a Fetch Headers when
// they are distinct in any case; a Fetch Headers joins repeated names with ", ", so it runs
// those rows only where the row says what that gives (wantFetch), and it cannot carry NUL
// or characters beyond U+00FF at all. `wantJs`: the package's answer where it differs by
// design (integers beyond 2^53 - 1).
function hostileRows(table) {
  const rows = [];
  for (const row of table.rows) {
    if (row.each === undefined) {
      rows.push(row);
      continue;
    }
    const { from, to, except = [] } = row.each.n;
    for (let n = from; n <= to; n++) {
      if (except.includes(n)) continue;
      rows.push(JSON.parse(JSON.stringify(row).replaceAll('"{n}"', String(n)).replaceAll("{n}", String(n))));
    }
  }
  return rows;
}

function runHostileTable(h, table) {
  ok(table && Array.isArray(table.rows), "the harness must pass the shared hostile table (hooks.hostileTable)");
  const key = (provider) => table.keys[provider];
  const signedHeaders = (provider, body) => Object.entries(h.sign(provider, body, key(provider), { timestamp: table.now }).headers);
  const signature = (provider, body) => signedHeaders(provider, body).find(([name]) => /signature/i.test(name))[1];
  const concat = (parts) => {
    const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    return bytes;
  };
  const form = (spec, provider, body) => {
    if (typeof spec === "string") return encoder.encode(spec);
    if (spec.repeat !== undefined) return encoder.encode(spec.repeat.repeat(spec.times));
    if (spec.concat !== undefined) return concat(spec.concat.map((part) => form(part, provider, body)));
    if (spec.bytes !== undefined) return Uint8Array.from(spec.bytes);
    if (spec.signature !== undefined) return encoder.encode(signature(provider, body));
    if (spec.hex !== undefined) return encoder.encode(signature(provider, body).split("=").pop());
    if (spec.slice !== undefined) return form(spec.slice, provider, body).slice(spec.from, spec.to);
    if (spec.upper !== undefined) return encoder.encode(new TextDecoder().decode(form(spec.upper, provider, body)).toUpperCase());
    throw new AssertionError(`unknown form ${JSON.stringify(spec)}`);
  };
  const rows = hostileRows(table);
  ok(rows.length > 150, `the table has ${rows.length} rows`);
  let runs = 0;
  for (const row of rows) {
    const { name, provider } = row;
    const body = form(row.body, provider, new Uint8Array());
    const headers = [];
    for (const item of row.headers) {
      if (Array.isArray(item)) headers.push([item[0], new TextDecoder().decode(form(item[1], provider, body))]);
      else if (item.filler !== undefined) for (let i = 0; i < item.filler; i++) headers.push([`x-filler-${i}`, "v"]);
      else if (item.signed !== undefined) headers.push(...signedHeaders(provider, body).filter(([header]) => header !== item.except));
      else throw new AssertionError(`unknown header item ${JSON.stringify(item)}`);
    }
    const want = row.wantJs ?? row.want;
    const names = headers.map(([header]) => header);
    const distinct = new Set(names).size === names.length;
    const distinctInAnyCase = new Set(names.map((header) => header.toLowerCase())).size === names.length;
    const fetchCarries = headers.every(([, value]) => !/[\0\r\n]|[^\x00-\xff]/.test(value));
    const shapes = [
      ["entries", () => headers.map((entry) => [...entry]), want],
      ["generator", () => (function* () { yield* headers; })(), want],
    ];
    if (distinct) shapes.push(["Map", () => new Map(headers), want]);
    if (distinctInAnyCase) shapes.push(["record", () => Object.fromEntries(headers), want]);
    if (fetchCarries && (distinctInAnyCase || row.wantFetch !== undefined)) {
      shapes.push(["Fetch Headers", () => new Headers(headers), distinctInAnyCase ? want : row.wantFetch]);
    }
    for (const [shape, make, wanted] of shapes) {
      const given = { headers: make(), body, url: row.url };
      equal(verdict(h, () => h.verify(provider, given, key(provider), { now: table.now })), wanted, `${name} (headers as ${shape})`);
      runs++;
    }
  }
  ok(runs >= rows.length * 2, `${runs} runs of ${rows.length} rows`);
}

// --- secret wiping (SECURITY.md) ----------------------------------------------------------
// "Key schedules are wiped from memory when a Verifier is freed; token digests likewise.
// The JS layer wipes the byte copies of the secrets it makes." Checked from outside: the
// whole wasm memory (hooks.wasmMemory, from the harness) is scanned for the secret's bytes
// and for its key material computed here (the HMAC inner and outer states, as the core
// keeps them; a token's SHA-256), and every byte copy of the secret the package hands to
// wasm, to Web Crypto or to node:crypto (spied on while it runs) must be zeros afterwards.

// SHA-256's compression function, only to compute the HMAC states the wasm memory is
// searched for (the library itself hashes with RustCrypto); checked against Web Crypto below.
const SHA256_K = Uint32Array.from({ length: 64 }, (_, i) => {
  const primes = [];
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return Math.floor((Math.cbrt(primes[i]) % 1) * 2 ** 32);
});
const SHA256_IV = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

function sha256Compress(state, block) {
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  const w = new Uint32Array(64);
  for (let i = 0; i < 16; i++) w[i] = (block[4 * i] << 24) | (block[4 * i + 1] << 16) | (block[4 * i + 2] << 8) | block[4 * i + 3];
  for (let i = 16; i < 64; i++) {
    const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
    const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
    w[i] = w[i - 16] + s0 + w[i - 7] + s1;
  }
  let [a, b, c, d, e, f, g, hh] = state;
  for (let i = 0; i < 64; i++) {
    const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + SHA256_K[i] + w[i]) >>> 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
    [hh, g, f, e, d, c, b, a] = [g, f, e, (d + t1) >>> 0, c, b, a, (t1 + t2) >>> 0];
  }
  return Uint32Array.from(state, (word, i) => word + [a, b, c, d, e, f, g, hh][i]);
}

// The state words as they lie in wasm memory (little-endian).
const stateBytes = (state) => new Uint8Array(Uint32Array.from(state).buffer);

// HMAC-SHA256's inner and outer states for a key of at most 64 bytes.
function hmacStates(key) {
  const states = [];
  for (const pad of [0x36, 0x5c]) {
    const block = new Uint8Array(64);
    block.set(key);
    states.push(stateBytes(sha256Compress(SHA256_IV, block.map((byte) => byte ^ pad))));
  }
  return states;
}

function indexOfBytes(haystack, needle) {
  const first = needle[0];
  for (let i = haystack.indexOf(first); i !== -1 && i + needle.length <= haystack.length; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

// Every 16-byte window of each pattern (at 8-byte steps): the allocator's bookkeeping may
// overwrite the start of a freed copy, and a part of a key is a leak too.
function windows(pattern) {
  const out = [];
  for (let at = 0; at + 16 <= pattern.length; at += 8) out.push(pattern.subarray(at, at + 16));
  if (pattern.length % 8 !== 0 && pattern.length > 16) out.push(pattern.subarray(pattern.length - 16));
  return out;
}

function foundInWasm(memory, patterns) {
  const bytes = new Uint8Array(memory.buffer);
  const found = [];
  for (const [what, pattern] of patterns) {
    for (const window of windows(pattern)) {
      const at = indexOfBytes(bytes, window);
      if (at !== -1) {
        found.push(`${what} at ${at}`);
        break;
      }
    }
  }
  return found;
}

// Runs `fn` with the copies of `secret` the package makes recorded: sources copied with
// Uint8Array#set (into wasm memory, or into a packed buffer), results of Uint8Array#slice,
// and keys given to Web Crypto's importKey or node:crypto's createSecretKey. `own`: the
// caller's arrays, which are theirs and left alone. Also counts how often the secret was
// copied into wasm memory (from a copy or from the caller's own array).
async function copiesMadeBy(memory, secret, own, fn) {
  const part = secret.subarray(0, 16);
  const copies = new Set();
  let intoWasm = 0;
  const holds = (array) => ArrayBuffer.isView(array) && indexOfBytes(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), part) !== -1;
  // Copies the host makes inside importKey, createSecretKey or createHmac are its own (Deno's
  // node:crypto, written in JavaScript, copies the key into a buffer per HMAC).
  let inHost = 0;
  const host = (fn) => {
    inHost++;
    try {
      return fn();
    } finally {
      inHost--;
    }
  };
  const record = (array) => {
    if (inHost === 0 && !own.includes(array) && holds(array)) copies.add(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  };
  const proto = Uint8Array.prototype;
  const realSet = proto.set;
  const realSlice = proto.slice;
  const subtle = crypto.subtle;
  const realImportKey = subtle.importKey;
  const nodeCrypto = globalThis.process?.getBuiltinModule?.("node:crypto");
  const realCreateSecretKey = nodeCrypto?.createSecretKey;
  const realCreateHmac = nodeCrypto?.createHmac;
  proto.set = function (source, offset) {
    record(source);
    if (this.buffer === memory.buffer && holds(source)) intoWasm++;
    return realSet.call(this, source, offset);
  };
  proto.slice = function (...args) {
    const result = realSlice.apply(this, args);
    record(result);
    return result;
  };
  subtle.importKey = function (format, keyData, ...rest) {
    record(keyData);
    return host(() => realImportKey.call(this, format, keyData, ...rest));
  };
  if (nodeCrypto !== undefined) {
    nodeCrypto.createSecretKey = function (key, ...rest) {
      record(key);
      return host(() => realCreateSecretKey.call(this, key, ...rest));
    };
    nodeCrypto.createHmac = function (...args) {
      return host(() => realCreateHmac.apply(this, args));
    };
  }
  try {
    await fn();
  } finally {
    proto.set = realSet;
    proto.slice = realSlice;
    subtle.importKey = realImportKey;
    if (nodeCrypto !== undefined) Object.assign(nodeCrypto, { createSecretKey: realCreateSecretKey, createHmac: realCreateHmac });
  }
  return { copies: [...copies], intoWasm };
}

function secretWipingCases(h, hooks) {
  const name = "secret wiping: no copy of a secret or its key material left in wasm memory or the package's buffers";
  return [
    {
      name,
      async run() {
        ok(typeof hooks.wasmMemory === "function", "the harness must pass hooks.wasmMemory");
        const memory = hooks.wasmMemory();
        ok(memory instanceof WebAssembly.Memory, "hooks.wasmMemory() is the module's memory");
        // The compression function above is SHA-256's: one padded block, against Web Crypto.
        const message = encoder.encode("hookproof wipes its keys");
        const block = new Uint8Array(64);
        block.set(message);
        block[message.length] = 0x80;
        block[63] = message.length * 8;
        const mine = sha256Compress(SHA256_IV, block);
        const theirs = new DataView(await crypto.subtle.digest("SHA-256", message));
        equal(Array.from(mine), Array.from({ length: 8 }, (_, i) => theirs.getUint32(4 * i)), "SHA-256 compression");

        const fresh = () => encoder.encode(`wipe-${hex(randomBytes(20))}`);
        const text = (bytes) => new TextDecoder().decode(bytes);
        const bigBody = JSON.stringify({ ...JSON.parse(bodies.g2sentry), padding: "p".repeat(200_000) });
        const patternsOf = async (provider, secret) => {
          const patterns = [["the secret", secret]];
          if (provider === "gengo" || provider === "meta") patterns.push(["the token digest", new Uint8Array(await crypto.subtle.digest("SHA-256", secret))]);
          else hmacStates(secret).forEach((state, i) => patterns.push([i ? "the HMAC outer state" : "the HMAC inner state", state]));
          return patterns;
        };

        // Not vacuous: while a Verifier lives, its key material is in wasm memory.
        for (const provider of ["g2sentry", "gengo"]) {
          const secret = fresh();
          const verifier = new h.Verifier(provider, text(secret));
          const held = foundInWasm(memory, (await patternsOf(provider, secret)).slice(1));
          ok(held.length > 0, `${provider}: the scan finds the key material of a live Verifier`);
          verifier.free();
        }

        // [what, provider, run(secret as given)], each with a fresh secret.
        const operations = [
          // The checks answered on GET: X's CRC is an HMAC under the consumer secret; Meta's
          // verify token is compared by digest (a wrong one in the URL: only ours is secret).
          ["getChallengeAnswer, X's CRC", "twitter", (secret) => h.getChallengeAnswer("twitter", "/cb?crc_token=crc-1", secret)],
          ["getChallengeAnswer, Meta's verify token", "meta", (secret) => h.getChallengeAnswer("meta", "/cb?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1", ["other", secret])],
          ["one-shot verify", "g2sentry", (secret) => verdict(h, () => h.verify("g2sentry", delivery(h, "g2sentry"), secret, { now: NOW }))],
          ["one-shot verify of a 200 KB body", "g2sentry", (secret) => verdict(h, () => h.verify("g2sentry", { headers: {}, body: bigBody }, secret))],
          ["one-shot verify, rotation", "sir", (secret) => verdict(h, () => h.verify("sir", delivery(h, "sir"), [secret, "other"], { now: NOW }))],
          ["one-shot verify, gengo", "gengo", (secret) => verdict(h, () => h.verify("gengo", delivery(h, "gengo"), secret))],
          [
            "Verifier: small and 200 KB bodies, then free()",
            "sir",
            (secret) => {
              const verifier = new h.Verifier("sir", secret);
              verdict(h, () => verifier.verify(delivery(h, "sir"), { now: NOW }));
              verdict(h, () => verifier.verify({ headers: delivery(h, "sir").headers, body: bigBody }, { now: NOW }));
              verifier.free();
            },
          ],
          [
            "Verifier freed before any large body",
            "contentspal",
            (secret) => {
              const verifier = new h.Verifier("contentspal", secret);
              verifier.free();
            },
          ],
          [
            "Verifier for gengo, then free()",
            "gengo",
            (secret) => {
              const verifier = new h.Verifier("gengo", secret);
              verdict(h, () => verifier.verify(delivery(h, "gengo")));
              verifier.free();
            },
          ],
          ["explain", "g2sentry", (secret) => h.explain("g2sentry", { ...delivery(h, "g2sentry"), body: bodies.g2sentry + "\n" }, secret, { now: NOW })],
          ["sign", "contentspal", (secret) => h.sign("contentspal", bodies.contentspal, secret)],
          [
            "verifyRequest, small and 200 KB bodies (Web Crypto)",
            "g2sentry",
            async (secret) => {
              for (const body of [bodies.g2sentry, bigBody]) {
                const request = new Request("https://hooks.test/cb", { method: "POST", headers: delivery(h, "g2sentry").headers, body });
                await h.verifyRequest("g2sentry", request, secret).catch(() => {});
              }
            },
          ],
        ];
        for (const [what, provider, operation] of operations) {
          for (const form of ["string", "Uint8Array"]) {
            const secret = fresh();
            const given = form === "string" ? text(secret) : secret.slice();
            const { copies, intoWasm } = await copiesMadeBy(memory, secret, form === "string" ? [] : [given], () => operation(given));
            // Not vacuous: the secret was seen going into wasm (so the spies see the package).
            ok(intoWasm > 0, `${what} (${form}): the secret was not seen going into wasm`);
            const unwiped = copies.filter((copy) => copy.some((byte) => byte !== 0));
            equal(unwiped.length, 0, `${what} (${form}): copies of the secret not wiped (of ${copies.length})`);
            if (form === "Uint8Array") equal(Array.from(given), Array.from(secret), `${what}: the caller's own bytes are left alone`);
            equal(foundInWasm(memory, await patternsOf(provider, secret)), [], `${what} (${form}): left in wasm memory`);
          }
        }
      },
    },
  ];
}

// verdict() on the wasm hash only: where the host has node:crypto, the package's native
// threshold is forced off (hooks.setNativeFrom, required there) and node:crypto.createHmac
// is spied on, so a reference that hashed natively fails instead of comparing two host
// libraries with each other.
function wasmReference(h, hooks) {
  const nodeCrypto = globalThis.process?.getBuiltinModule?.("node:crypto");
  if (nodeCrypto === undefined) return (fn) => verdict(h, fn);
  ok(typeof hooks.setNativeFrom === "function", "this host has node:crypto: the harness must pass hooks.setNativeFrom for a wasm reference");
  return (fn) => {
    const realCreateHmac = nodeCrypto.createHmac;
    let nativeCalls = 0;
    const counting = function (...args) {
      nativeCalls++;
      return realCreateHmac.apply(nodeCrypto, args);
    };
    nodeCrypto.createHmac = counting;
    ok(nodeCrypto.createHmac === counting, "node:crypto.createHmac can be spied on");
    hooks.setNativeFrom(Infinity);
    try {
      return verdict(h, fn);
    } finally {
      hooks.setNativeFrom();
      nodeCrypto.createHmac = realCreateHmac;
      ok(nativeCalls === 0, `the wasm reference hashed natively (${nativeCalls} node:crypto HMACs)`);
    }
  };
}

/** Runs every case in order; for runtimes without a test runner (workerd, Chromium). */
// Where the host has node:crypto (Node, Deno, Workers with nodejs_compat), Verifier#verify
// hashes large bodies natively: the same verdicts as the wasm hash, proven here with the
// threshold forced both ways. Registered by the Node and Deno harnesses.
export function nativeHmacCases(h, setNativeFrom) {
  const crypto = globalThis.process?.getBuiltinModule?.("node:crypto");
  return [
    {
      name: "cross-check: Verifier#verify with native HMAC agrees with the wasm hash",
      run() {
        ok(crypto !== undefined, "this host has node:crypto");
        const realCreateHmac = crypto.createHmac;
        let nativeCalls = 0;
        const counting = function (...args) {
          nativeCalls++;
          return realCreateHmac.apply(crypto, args);
        };
        // Count the native HMACs: on the module itself where it is writable (Node, Deno),
        // else (workerd's is frozen) through the lookup pkg/api.js makes on first use.
        let restore;
        try {
          crypto.createHmac = counting;
          if (crypto.createHmac !== counting) throw new Error("read-only");
          restore = () => (crypto.createHmac = realCreateHmac);
        } catch {
          const realGet = globalThis.process.getBuiltinModule;
          const wrapped = { ...crypto, createHmac: counting };
          globalThis.process.getBuiltinModule = (name) => (name === "node:crypto" ? wrapped : realGet.call(globalThis.process, name));
          restore = () => (globalThis.process.getBuiltinModule = realGet);
        }
        try {
          for (const provider of HMAC_PROVIDERS) {
            const json = JSON.stringify({ ...JSON.parse(bodies[provider]), padding: "p".repeat(5000) });
            for (const body of [json, bodies[provider], randomBytes(3000)]) {
              const good = h.sign(provider, body, secretOf[provider], { timestamp: NOW }).headers;
              const tampered = typeof body === "string" ? body.replace("p", "q") : Uint8Array.from(body, (b, i) => (i === 7 ? b ^ 1 : b));
              for (const [what, headers, sent, secret, now] of crossCheckVariants(provider, good, body, tampered)) {
                const run = (from) => {
                  setNativeFrom(from);
                  const verifier = new h.Verifier(provider, secret);
                  try {
                    return verdict(h, () => verifier.verify({ headers, body: sent }, { now }));
                  } finally {
                    verifier.free();
                  }
                };
                const wasm = run(Infinity);
                const before = nativeCalls;
                equal(run(0), wasm, `${provider} ${what}`);
                // Header problems are refused before any hashing, natively too.
                equal(nativeCalls > before, !what.endsWith("signature"), `${provider} ${what}: hashed natively`);
                if (body === json && (what === "genuine" || what === "rotation")) equal(wasm, "ok", `${provider} ${what}`);
              }
            }
          }
        } finally {
          restore();
          setNativeFrom();
        }
      },
    },
  ];
}

export async function runAll(h, only, list = cases(h)) {
  const results = [];
  for (const { name, run } of list) {
    if (only !== undefined && only !== name) continue;
    try {
      await run();
      results.push({ name, ok: true });
    } catch (error) {
      results.push({ name, ok: false, error: String(error && error.stack ? error.stack : error) });
    }
  }
  return results;
}
