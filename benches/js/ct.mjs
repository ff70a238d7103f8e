// `make bench-ct`, the wasm half: dudect's test run on the npm module in Node. Signatures
// right in every byte but the last (left) and wrong from the first byte (right), each
// verified by the same Verifier in random order; Welch's t over the timings, also with the
// slowest tails cropped at dudect's percentiles. |t| < 4.5: no leak detected.
//   node benches/js/ct.mjs [samples per class]
import { sign, Verifier } from "../../pkg/node.js";

const SAMPLES = Number(process.argv[2] ?? 200_000);
const BODY = '{"jobId":5,"eventType":"JobStarted","jobName":"Open House","jobStatus":"InProgress"}';
const genuine = sign("g2sentry", BODY, "ct-secret", { timestamp: 0 }).headers["X-Signature"];
const flip = (at) => genuine.slice(0, at) + (genuine[at] === "0" ? "1" : "0") + genuine.slice(at + 1);
const deliveries = [
  { headers: { "x-signature": flip(63) }, body: BODY },
  { headers: { "x-signature": flip(0) }, body: BODY },
];
const verifier = new Verifier("g2sentry", "ct-secret");
const once = (delivery) => {
  const start = process.hrtime.bigint();
  try {
    verifier.verify(delivery, { now: 0 });
  } catch {}
  return Number(process.hrtime.bigint() - start);
};
for (let i = 0; i < 20_000; i++) once(deliveries[i & 1]); // warm up the JIT

const times = [[], []];
for (let i = 0; i < 2 * SAMPLES; i++) {
  const which = Math.random() < 0.5 ? 0 : 1;
  times[which].push(once(deliveries[which]));
}

function welch(a, b) {
  const stats = (xs) => {
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
    return { mean, variance, n: xs.length };
  };
  const x = stats(a);
  const y = stats(b);
  return (x.mean - y.mean) / Math.sqrt(x.variance / x.n + y.variance / y.n);
}

// dudect crops at percentiles of the pooled timings: 1 - 0.5^(10 (i + 1) / 100).
const pooled = [...times[0], ...times[1]].sort((p, q) => p - q);
const results = [["uncropped", welch(times[0], times[1])]];
for (const i of [0, 10, 30, 50, 90]) {
  const p = 1 - 0.5 ** ((10 * (i + 1)) / 100);
  const limit = pooled[Math.floor(p * (pooled.length - 1))];
  const keep = (xs) => xs.filter((x) => x <= limit);
  results.push([`cropped at p${(p * 100).toFixed(1)}`, welch(keep(times[0]), keep(times[1]))]);
}
const max = Math.max(...results.map(([, t]) => Math.abs(t)));
const median = (xs) => [...xs].sort((p, q) => p - q)[xs.length >> 1];
console.log(`wasm (Node ${process.versions.node}) signature_compare: n = ${times[0].length} + ${times[1].length}, median ${median(times[0])} ns / ${median(times[1])} ns`);
for (const [name, t] of results) console.log(`  t ${name}: ${t.toFixed(2)}`);
console.log(`  max |t| = ${max.toFixed(2)} (${max < 4.5 ? "no leak detected" : "LEAK SUSPECTED"})`);
