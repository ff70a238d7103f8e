// One cold start, in a fresh process (Node or Deno): prints JSON timings in ms.
//   <runtime> cold-child.mjs hookproof   import + new Verifier + first verify
//   <runtime> cold-child.mjs wasm        the module's own compile + instantiate (initSync)
//   <runtime> cold-child.mjs nodecrypto  a hand-written node:crypto verifier, same steps
const mode = (globalThis.Deno ? Deno.args : process.argv.slice(2))[0];
const BODY = '{"jobId":5,"eventType":"JobStarted","jobName":"Open House","jobStatus":"InProgress"}';
// HMAC-SHA256 of BODY under "cold-secret", so every mode verifies a genuine delivery.
const SIGNATURE = "09ede9a591602785f33453e01d26d273c212cc573caeee2fb4589db308668abb";
const headers = { "x-signature": SIGNATURE };
const t0 = performance.now();
let result;
if (mode === "hookproof") {
  // Each runtime's own entry: node.js reads the .wasm file, Deno's (inline.js) decodes it.
  const { Verifier } = await import(globalThis.Deno ? "../../pkg/inline.js" : "../../pkg/node.js");
  const t1 = performance.now();
  const verifier = new Verifier("g2sentry", "cold-secret");
  const t2 = performance.now();
  const event = verifier.verify({ headers, body: BODY });
  const t3 = performance.now();
  if (event.dedupeKey !== "5:JobStarted") throw new Error("not verified");
  result = { importMs: t1 - t0, constructMs: t2 - t1, firstMs: t3 - t2, totalMs: t3 - t0 };
} else if (mode === "wasm") {
  const { readFileSync } = await import("node:fs");
  const { initSync } = await import("../../pkg/dist/hookproof.js");
  const bytes = readFileSync(new URL("../../pkg/dist/hookproof_bg.wasm", import.meta.url));
  const t1 = performance.now();
  initSync({ module: bytes });
  result = { compileInstantiateMs: performance.now() - t1 };
} else {
  const crypto = await import("node:crypto");
  const t1 = performance.now();
  const { Buffer } = await import("node:buffer");
  const key = Buffer.from("cold-secret");
  const expected = crypto.createHmac("sha256", key).update(BODY).digest();
  const given = Buffer.from(headers["x-signature"], "hex");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw new Error("not verified");
  const payload = JSON.parse(BODY);
  const t2 = performance.now();
  if (payload.jobId !== 5) throw new Error("not parsed");
  result = { importMs: t1 - t0, firstMs: t2 - t1, totalMs: t2 - t0 };
}
console.log(JSON.stringify(result));
