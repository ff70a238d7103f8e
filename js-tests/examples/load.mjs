// Load figures for the endpoints (`make bench-endpoints`; BENCHMARKS.md holds the latest):
// deliveries per second each accepts at concurrency 1, 16 and 64 with its durable store,
// and the latency of each (p50, p99). Every request is a new genuine G2 Sentry delivery,
// so every one is a durable write (with its outbox entry). The Node/SQLite endpoint also runs
// with verification switched off and with a hand-written node:crypto verifier
// (bench-server.mjs), so the table shows what hookproof itself costs. Client and server
// share the machine.
//
//   node js-tests/examples/load.mjs [seconds per cell, default 3]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Agent, request } from "node:http";
import * as hookproof from "../../pkg/node.js";
import { startServer } from "../harness/wrangler-dev.js";
import { TARGETS } from "./targets.js";

const here = resolve(fileURLToPath(import.meta.url), "..");
const SECONDS = Number(process.argv[2] ?? 3);
const SECRET = "g2-load-secret";
const CONCURRENCY = [1, 16, 64];
// Quiet limits: the load is many requests, all genuine; the in-flight limit is raised so that
// concurrency 64 measures the store, not the 503s.
const ENV = { G2SENTRY_SECRET: SECRET, MAX_IN_FLIGHT: "256" };
let nextJob = 1;

function post(agent, base) {
  const { hostname, port } = new URL(base);
  const body = JSON.stringify({ jobId: nextJob++, eventType: "JobAssigned", jobName: "Load", jobStatus: "Assigned" });
  const signed = hookproof.sign("g2sentry", body, SECRET);
  return new Promise((resolvePost, reject) => {
    const started = performance.now();
    const sent = request({ hostname, port, path: "/callbacks/g2sentry", method: "POST", agent, headers: signed.headers }, (response) => {
      response.resume();
      response.on("end", () => (response.statusCode === 200 ? resolvePost(performance.now() - started) : reject(new Error(`answered ${response.statusCode}`))));
    });
    sent.on("error", reject);
    sent.end(signed.body);
  });
}

async function measure(base, concurrency) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  // Warm: connections opened, code paths compiled.
  await Promise.all(Array.from({ length: concurrency }, () => post(agent, base)));
  const latencies = [];
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) latencies.push(await post(agent, base));
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { perSecond: Math.round(latencies.length / SECONDS), p50: at(0.5), p99: at(0.99) };
}

const byName = (part) => TARGETS.find((target) => target.name.includes(part));
const benchServer = (verifier) => ({
  name: `node-server (SQLite file), verifier: ${verifier}`,
  start: ({ env, state }) =>
    startServer(process.execPath, [join(here, "bench-server.mjs")], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, VERIFIER: verifier, DATABASE: join(state, "bench.db") }, stdout: "capture" }),
});
const ROWS = [
  benchServer("hookproof"),
  benchServer("node-crypto"),
  benchServer("off"),
  { ...byName("node-server (SQLite file)"), name: "node-server (SQLite file), as shipped (logs each delivery)" },
  byName("node-server (Postgres)"),
  byName("deno (Deno KV)"),
  byName("cloudflare-worker"),
];

const lines = ["| endpoint (store) | " + CONCURRENCY.map((c) => `c=${c}: /s · p50 · p99`).join(" | ") + " |", "|---|" + CONCURRENCY.map(() => "---|").join("")];
for (const target of ROWS) {
  const state = mkdtempSync(join(tmpdir(), "hookproof-load-"));
  const server = await target.start({ env: ENV, state });
  const cells = [];
  try {
    for (const concurrency of CONCURRENCY) {
      const { perSecond, p50, p99 } = await measure(server.base, concurrency);
      cells.push(`${perSecond} · ${p50.toFixed(1)} ms · ${p99.toFixed(1)} ms`);
    }
  } finally {
    await server.stop();
    target.cleanup?.(state);
    rmSync(state, { recursive: true, force: true });
  }
  lines.push(`| ${target.name} | ${cells.join(" | ")} |`);
  console.error(lines.at(-1));
}
console.log(lines.join("\n"));
