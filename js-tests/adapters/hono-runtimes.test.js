// hookproof/hono in Deno (Deno.serve, deno from npm) and in workerd (wrangler dev), each
// serving runtimes/app.js on 127.0.0.1; the cases are sent over HTTP from here.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, G2_BODY, send, signed, SIR_BODY, test } from "./helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const TOOLS = join(here, "..", "node_modules", ".bin");

function freePort() {
  return new Promise((done) => {
    const probe = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

// Starts `command`, resolves with the base URL once `ready(output)` returns a port.
function startServer(t, command, args, { cwd, env, ready }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  t.after(() => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
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

const RUNTIMES = {
  async deno(t) {
    const dir = mkdtempSync(join(tmpdir(), "hookproof-deno-"));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const root = join(here, "..", "..");
    return startServer(t, join(TOOLS, "deno"), ["run", "--quiet", "--no-remote", "--node-modules-dir=manual", `--allow-read=${root}`, "--allow-net=127.0.0.1", join(here, "runtimes", "deno-server.js")], {
      cwd: here,
      env: { DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(dir, "deno-dir") },
      ready: (output) => /listening (\d+)/.exec(output)?.[1],
    });
  },
  async workerd(t) {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), "hookproof-wrangler-"));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    return startServer(t, join(TOOLS, "wrangler"), ["dev", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false", "--persist-to", join(dir, "state")], {
      cwd: join(here, "runtimes"),
      env: { WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", XDG_CONFIG_HOME: join(dir, "config") },
      ready: (output) => (/Ready on http:\/\/127\.0\.0\.1:(\d+)/.exec(output) ? port : undefined),
    });
  },
};

const get = async (base, path) => (await send(base, { method: "GET", path })).json;

for (const [runtime, start] of Object.entries(RUNTIMES)) {
  test(`hono in ${runtime}: genuine, tampered, duplicate, handler error, oversized, malformed, gengo, pre-parsed`, async (t) => {
    const base = await start(t);

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

    await t.test("a body a middleware already read: 500, the fix reported", async () => {
      const answer = await send(base, signed("sir", SIR_BODY, { path: "/parsed" }));
      assert.deepEqual([answer.status, answer.json], [500, { error: "internal_error" }]);
      const report = (await get(base, "/reports")).at(-1);
      assert.equal(report.stage, "setup");
      assert.equal(report.name, "HookproofSetupError");
      assert.match(report.message, /before anything reads its body/);
    });
  });
}
