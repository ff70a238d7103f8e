// `make bench`: runs the Node, Deno and workerd runners (each in its own process), adds
// the native criterion figures and the wasm sizes, and prints the tables as Markdown.
// Usage: node run.mjs <js-tests/node_modules/.bin> [--quick]
import { spawnSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { gzipSync, brotliCompressSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { startWranglerDev } from "../../js-tests/harness/wrangler-dev.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const bin = process.argv[2];
const quick = process.argv.includes("--quick");
const env = { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(root, "target", "deno"), WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" };

function runJson(command, args) {
  const result = spawnSync(command, args, { cwd: here, env, encoding: "utf8", maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").pop());
}

async function runWorkerd() {
  const { base, stop } = await startWranglerDev(join(bin, "wrangler"), { cwd: here, env, stdout: "ignore" });
  try {
    // Cold start seen from outside: the first request to a fresh isolate includes
    // instantiating the module; the second does not.
    const coldStart = performance.now();
    await (await fetch(`${base}/`)).text();
    const first = performance.now() - coldStart;
    const report = await (await fetch(`${base}/bench${quick ? "?quick" : ""}`)).json();
    const version = spawnSync(join(bin, "workerd"), ["--version"], { encoding: "utf8" }).stdout.trim();
    return { ...report, runtime: `workerd ${version.replace(/^workerd /, "")} (wrangler dev)`, firstRequestMs: first };
  } finally {
    stop();
  }
}

function criterion(dir) {
  const path = join(root, dir, "criterion");
  const read = (id) => {
    const file = join(path, id, "new", "estimates.json");
    return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).median.point_estimate / 1000 : null;
  };
  return read;
}

// Cold start: fresh processes, median of COLD_RUNS each.
const COLD_RUNS = quick ? 5 : 15;
function coldStart(command, args, mode) {
  const runs = Array.from({ length: COLD_RUNS }, () => runJson(command, [...args, "cold-child.mjs", mode]));
  const median = (key) => runs.map((run) => run[key]).sort((a, b) => a - b)[runs.length >> 1];
  return Object.fromEntries(Object.keys(runs[0]).map((key) => [key, median(key)]));
}
const denoArgs = ["run", "--node-modules-dir=manual", "--allow-read", "--allow-env"];
const cold = {
  node: { hookproof: coldStart(process.execPath, [], "hookproof"), wasm: coldStart(process.execPath, [], "wasm"), nodecrypto: coldStart(process.execPath, [], "nodecrypto") },
  deno: { hookproof: coldStart(join(bin, "deno"), denoArgs, "hookproof"), wasm: coldStart(join(bin, "deno"), denoArgs, "wasm"), nodecrypto: coldStart(join(bin, "deno"), denoArgs, "nodecrypto") },
};

// Chromium, where it is installed (make test installs it; make bench does not need it).
const chromiumCold = existsSync(process.env.CHROMIUM ?? "/usr/bin/chromium")
  ? runJson(process.execPath, ["chromium-cold.mjs", bin, String(COLD_RUNS)])
  : null;

const reports = [];
reports.push(runJson(process.execPath, ["node.mjs", ...(quick ? ["--quick"] : [])]));
reports.push(runJson(join(bin, "deno"), ["run", "--node-modules-dir=manual", "--allow-read", "--allow-env", "deno.mjs", ...(quick ? ["--quick"] : [])]));
reports.push(await runWorkerd());

const fmt = (us) => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(2)} µs`);
const sizeName = (size) => (size >= 1 << 20 ? `${size >> 20} MB` : size >= 1024 ? `${size >> 10} KB` : `${size} B`);
const out = [];
const print = (line = "") => out.push(line);

print(`Machine: ${(await import("node:os")).cpus()[0].model}, ${(await import("node:os")).cpus().length} cores. Command: \`make bench${quick ? " BENCH_FLAGS=--quick" : ""}\`.`);
print();
print("Median time per delivery (verify + decode) and the ratio to `hookproof Verifier#verify` (< 1 means faster than hookproof).");
for (const report of reports) {
  print();
  print(`### ${report.runtime}`);
  for (const scheme of ["hex", "sir"]) {
    const rows = report.rows.filter((r) => r.scheme === scheme);
    const sizes = [...new Set(rows.map((r) => r.size))];
    const names = [...new Set(rows.map((r) => r.name))];
    print();
    print(`${scheme === "hex" ? "HMAC-hex (g2sentry)" : "timestamped (sir)"} | ${sizes.map(sizeName).join(" | ")}`);
    print(`---|${sizes.map(() => "---").join("|")}`);
    for (const name of names) {
      const cells = sizes.map((size) => {
        const mine = rows.find((r) => r.size === size && r.name === "hookproof Verifier#verify");
        const row = rows.find((r) => r.size === size && r.name === name);
        if (!row) return "—";
        return name === "hookproof Verifier#verify" ? `**${fmt(row.medianUs)}**` : `${(row.medianUs / mine.medianUs).toFixed(2)}× (${fmt(row.medianUs)})`;
      });
      print(`${name} | ${cells.join(" | ")}`);
    }
  }
}

print();
print("### Hashing throughput on 1 MB (HMAC-SHA256, no decoding)");
print();
print("where | MB/s | ratio to native portable");
print("---|---|---");
const nativeSoft = criterion("target/bench-soft")("prove_1mib/g2sentry");
const nativeHw = criterion("target")("prove_1mib/g2sentry");
const mbps = (us) => (us ? (1 << 20) / 1e6 / (us / 1e6) : null);
const softMBps = mbps(nativeSoft);
if (nativeHw) print(`native Rust, sha2 default backend (SHA extensions if present) | ${mbps(nativeHw).toFixed(0)} | ${softMBps ? (mbps(nativeHw) / softMBps).toFixed(2) : "—"}`);
if (softMBps) print(`native Rust, portable (\`sha2_backend="soft"\`) | ${softMBps.toFixed(0)} | 1.00`);
for (const report of reports) print(`wasm in ${report.runtime} | ${report.hashMBps.toFixed(0)} | ${softMBps ? (report.hashMBps / softMBps).toFixed(2) : "—"}`);

const wasm = readFileSync(join(root, "pkg", "dist", "hookproof_bg.wasm"));
print();
print("### Size, start-up, memory");
print();
print(`wasm: ${wasm.length} B raw, ${gzipSync(wasm, { level: 9 }).length} B gzip, ${brotliCompressSync(wasm).length} B brotli.`);
print();
print("runtime | cold start | wasm memory before → after the run");
print("---|---|---");
for (const report of reports) {
  const start = report.coldStartMs !== undefined ? `${report.coldStartMs.toFixed(1)} ms (import + instantiate)` : `${report.firstRequestMs.toFixed(1)} ms (first request, fresh isolate)`;
  print(`${report.runtime} | ${start} | ${report.memoryBefore} → ${report.memoryAfter} B`);
}
print();
print(`### Cold start (fresh process, median of ${COLD_RUNS}; ms)`);
print();
print("runtime | module compile + instantiate | hookproof: import | new Verifier | first verify | total | node:crypto verifier: import | first verify | total | ratio");
print("---|---|---|---|---|---|---|---|---|---");
for (const [name, c] of Object.entries(cold)) {
  const f = (ms) => ms.toFixed(2);
  print(`${name === "node" ? `Node ${process.versions.node}` : "Deno"} | ${f(c.wasm.compileInstantiateMs)} | ${f(c.hookproof.importMs)} | ${f(c.hookproof.constructMs)} | ${f(c.hookproof.firstMs)} | **${f(c.hookproof.totalMs)}** | ${f(c.nodecrypto.importMs)} | ${f(c.nodecrypto.firstMs)} | ${f(c.nodecrypto.totalMs)} | ${(c.nodecrypto.totalMs / c.hookproof.totalMs).toFixed(2)}×`);
}
if (chromiumCold) {
  const f = (ms) => ms.toFixed(2);
  print(`${chromiumCold.runtime} (fresh context; import = fetch from 127.0.0.1 + compile + instantiate) | — | ${f(chromiumCold.importMs)} | ${f(chromiumCold.constructMs)} | ${f(chromiumCold.firstMs)} | **${f(chromiumCold.totalMs)}** | — | — | — | —`);
}
const workerd = reports.find((report) => report.firstRequestMs !== undefined);
if (workerd) print(`${workerd.runtime}: first request to a fresh isolate, over HTTP (import, instantiate, verify and all) | — | — | — | — | **${workerd.firstRequestMs.toFixed(2)}** | — | — | — | —`);
console.log(out.join("\n"));
