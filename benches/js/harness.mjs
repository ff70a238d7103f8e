// A small, careful timing loop: warm-up, calibrated batches, contenders interleaved round
// by round (so drift and GC hit them all alike), medians of per-call times.

import { contenders, makeDeliveries, standardWebhooksContender } from "./deliveries.mjs";

const now = () => performance.now();

async function runBatch(fn, isAsync, delivery, iterations) {
  const start = now();
  if (isAsync) {
    for (let i = 0; i < iterations; i++) await fn(delivery);
  } else {
    for (let i = 0; i < iterations; i++) fn(delivery);
  }
  return now() - start;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs every contender on every delivery. `runtime` is what contenders() takes plus
 * optional `Webhook` (standardwebhooks). Returns rows
 * `{ scheme, size, name, medianUs }`. `batchMs` must dwarf the clock's resolution
 * (workerd's clock ticks in whole milliseconds).
 */
export async function runAll(runtime, { rounds = 5, batchMs = 20, sizes = null } = {}) {
  const nowSeconds = runtime.now;
  const deliveries = makeDeliveries(runtime.hookproof, nowSeconds).filter((d) => !sizes || sizes.includes(d.size));
  const all = contenders(runtime);
  if (runtime.Webhook) all.push(standardWebhooksContender(runtime.Webhook, nowSeconds));
  const rows = [];
  for (const delivery of deliveries) {
    const prepared = [];
    for (const contender of all) {
      if (contender.scheme && contender.scheme !== delivery.scheme) continue;
      const fn = contender.async ? await contender.prepareAsync(delivery) : contender.prepare(delivery);
      // Every contender must accept the genuine delivery, or its timing means nothing.
      const event = await fn(delivery);
      if (!event || typeof event !== "object") throw new Error(`${contender.name} returned no event`);
      // Calibrate the batch size from a short warm-up.
      let iterations = 1;
      let spent = await runBatch(fn, contender.async, delivery, iterations);
      while (spent < batchMs / 4 && iterations < 1e7) {
        iterations *= 4;
        spent = await runBatch(fn, contender.async, delivery, iterations);
      }
      iterations = Math.max(1, Math.round((iterations * batchMs) / Math.max(spent, 0.001)));
      prepared.push({ contender, fn, iterations, samples: [] });
    }
    for (let round = 0; round < rounds; round++) {
      for (const p of prepared) {
        const spent = await runBatch(p.fn, p.contender.async, delivery, p.iterations);
        p.samples.push((spent * 1000) / p.iterations);
      }
    }
    for (const p of prepared) {
      rows.push({ scheme: delivery.scheme, size: delivery.size, name: p.contender.name, medianUs: median(p.samples) });
    }
  }
  return rows;
}

/** Hashing throughput in MB/s: a well-formed but wrong signature makes the core hash the whole body and stop before decoding. */
export function wasmHashThroughput(hookproof, setNativeFrom, { size = 1 << 20, rounds = 5 } = {}) {
  // The wasm hash itself: Verifier#verify's native HMAC (large bodies) turned off.
  setNativeFrom?.(Infinity);
  const body = new Uint8Array(size).fill(120);
  const verifier = new hookproof.Verifier("g2sentry", "bench-secret-0123456789", { maxBodyBytes: 2 << 20 });
  const delivery = { headers: { "x-signature": "0".repeat(64) }, body };
  const once = () => {
    try {
      verifier.verify(delivery, { now: 0 });
    } catch (error) {
      if (error.code !== "signature_mismatch") throw error;
    }
  };
  for (let i = 0; i < 3; i++) once();
  const samples = [];
  for (let round = 0; round < rounds; round++) {
    const start = now();
    let n = 0;
    while (now() - start < 100) {
      once();
      n++;
    }
    samples.push((now() - start) / n);
  }
  setNativeFrom?.();
  return size / 1e6 / (median(samples) / 1000);
}
