// Packs ./pkg, installs the tarball into a scratch project, and runs the shared cases in
// each real runtime named on the command line (default: all). Every runtime reports
// "<runtime>: N passed, M failed"; one that cannot start counts as a failure. The last
// line is the total: "N passed, M failed".
//
//   node js-tests/run.js [node] [deno] [workerd] [chromium]
//
// Naming fewer than the four fails the run (each one left out counts as a failure) unless
// HOOKPROOF_PARTIAL_RUNTIMES=1 says the subset is on purpose.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const scratch = join(here, ".scratch");
const bin = join(here, "node_modules", ".bin");

const RUNTIMES = { node: runNode, deno: runDeno, workerd: runWorkerd, chromium: runChromium };
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(RUNTIMES);

function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

function prepareScratch() {
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const packed = JSON.parse(sh("npm", ["pack", join(root, "pkg"), "--pack-destination", scratch, "--json"], { cwd: root }));
  const tarball = packed[0].filename;
  writeFileSync(
    join(scratch, "package.json"),
    JSON.stringify({ name: "scratch", private: true, type: "module", dependencies: { hookproof: `file:./${tarball}` } }, null, 2),
  );
  sh("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: scratch });
  for (const file of ["cases.js", "providers.js"]) cpSync(join(here, file), join(scratch, file));
  // The hostile table's one source (tests/hostile.rs reads it natively), as a module every
  // runtime imports without JSON-module support.
  const hostile = readFileSync(join(root, "tests", "vectors", "hostile.json"), "utf8");
  writeFileSync(join(scratch, "hostile-table.js"), `// Copied from tests/vectors/hostile.json by run.js.\nexport default ${hostile};\n`);
  for (const file of readdirSync(join(here, "harness"))) cpSync(join(here, "harness", file), join(scratch, file), { recursive: true });
  console.log(`installed ${tarball} (${packed[0].size} bytes packed) into ${scratch}`);
}

// Runs a child to completion, echoing its output, and returns what it printed.
function run(command, args, options = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: scratch, stdio: ["ignore", "pipe", "pipe"], ...options });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk) => {
      out += chunk;
      process.stderr.write(chunk);
    });
    child.on("error", (error) => resolvePromise({ code: -1, out: out + String(error) }));
    child.on("close", (code) => resolvePromise({ code, out }));
  });
}

async function runNode() {
  const { code, out } = await run(process.execPath, ["--test", "--test-reporter=spec", "node.test.js", "node-only.test.js"]);
  const pass = Number(/^ℹ pass (\d+)$/m.exec(out)?.[1] ?? 0);
  const fail = Number(/^ℹ fail (\d+)$/m.exec(out)?.[1] ?? 0);
  console.log(`node: ${pass} passed, ${fail} failed`);
  return { passed: pass, failed: fail + (code !== 0 && fail === 0 ? 1 : 0) };
}

async function runDeno() {
  const env = { ...process.env, DENO_DIR: join(scratch, ".deno"), DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" };
  // The hand-written index.d.ts, checked by Deno's TypeScript against a typed use of the API.
  // narrowing.ts: event types narrow payloads; its @ts-expect-error lines must each fail.
  const check = await run(join(bin, "deno"), ["check", "--no-remote", "--node-modules-dir=manual", "types.ts", "narrowing.ts"], { env });
  const typesOk = check.code === 0;
  console.log(`${typesOk ? "ok" : "not ok"} - deno check: index.d.ts types the API and narrows events`);
  const { code, out } = await run(
    join(bin, "deno"),
    ["test", "--no-remote", "--no-check", "--node-modules-dir=manual", `--allow-read=${scratch}`, "deno.test.js"],
    { env },
  );
  const summary = /(\d+) passed(?: \(\d+ steps?\))? \| (\d+) failed/.exec(out);
  if (!summary) return { passed: 0, failed: 1 };
  const passed = Number(summary[1]) + (typesOk ? 1 : 0);
  const failed = Number(summary[2]) + (typesOk ? 0 : 1);
  console.log(`deno: ${passed} passed, ${failed} failed`);
  return { passed, failed: failed + (code !== 0 && failed === 0 ? 1 : 0) };
}

async function runWorkerd() {
  const { code, out } = await run(process.execPath, ["workerd.run.js", join(bin, "wrangler")]);
  return parseOwn(out, "workerd", code);
}

async function runChromium() {
  const { code, out } = await run(process.execPath, ["chromium.run.js", here]);
  return parseOwn(out, "chromium", code);
}

function parseOwn(out, name, code) {
  const match = new RegExp(`^${name}: (\\d+) passed, (\\d+) failed$`, "m").exec(out);
  if (!match) return { passed: 0, failed: 1 };
  const failed = Number(match[2]);
  return { passed: Number(match[1]), failed: failed + (code !== 0 && failed === 0 ? 1 : 0) };
}

prepareScratch();
let passed = 0;
let failed = 0;
const lines = [];
for (const name of wanted) {
  const runtime = RUNTIMES[name];
  if (!runtime) throw new Error(`unknown runtime ${name}; expected ${Object.keys(RUNTIMES).join(", ")}`);
  console.log(`\n=== ${name} ===`);
  let result;
  try {
    result = await runtime();
  } catch (error) {
    console.error(`${name} could not run: ${error.stack ?? error}`);
    result = { passed: 0, failed: 1 };
  }
  if (result.passed === 0 && result.failed === 0) result.failed = 1; // started nothing: a failure
  lines.push(`${name}: ${result.passed} passed, ${result.failed} failed`);
  passed += result.passed;
  failed += result.failed;
}
// A run that leaves a runtime out (JS_RUNTIMES set in the environment, or arguments) is
// a failure, so `make test` cannot go green on fewer than the four by accident. The one
// opt-out is explicit: HOOKPROOF_PARTIAL_RUNTIMES=1, for iterating on one runtime locally.
const missing = Object.keys(RUNTIMES).filter((name) => !wanted.includes(name));
lines.push(`runtimes run: ${wanted.join(", ")}`);
if (missing.length > 0) {
  if (process.env.HOOKPROOF_PARTIAL_RUNTIMES === "1") {
    lines.push(`not run (HOOKPROOF_PARTIAL_RUNTIMES=1): ${missing.join(", ")}`);
  } else {
    lines.push(`not run: ${missing.join(", ")} — a failure; set HOOKPROOF_PARTIAL_RUNTIMES=1 to run a subset on purpose`);
    failed += missing.length;
  }
}
console.log("\n" + lines.join("\n"));
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
