// Starts a server process on a free 127.0.0.1 port and waits until it answers: `wrangler
// dev` for the workerd test run (workerd.run.js) and `make bench` (benches/js/run.mjs), and
// the example endpoints under test (js-tests/examples).
import { spawn } from "node:child_process";
import { createServer } from "node:net";

export function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `command args` (with `port` in its environment as PORT) in its own process group
 * and resolves to `{ base, stop, output }` once `GET base + readyPath` answers 2xx; rejects
 * (with the process stopped) if it exits first or does not answer within 60 s. `stop()`
 * ends the whole group and resolves once the leader has exited; `output()` is everything
 * it printed so far when `stdout` is "capture".
 */
export async function startServer(command, args, { port, cwd, env = process.env, readyPath = "/", stdout = "inherit" } = {}) {
  port ??= await freePort();
  const capture = stdout === "capture";
  const child = spawn(command, args, {
    cwd,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", capture ? "pipe" : stdout, capture ? "pipe" : "inherit"],
    detached: true,
  });
  let printed = "";
  if (capture) {
    child.stdout.on("data", (chunk) => (printed += chunk));
    child.stderr.on("data", (chunk) => (printed += chunk));
  }
  let exited = false;
  const exit = new Promise((resolve) => child.on("exit", () => resolve((exited = true))));
  const stop = async () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
    await exit;
  };
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  try {
    for (;;) {
      if (exited) throw new Error(`${command} exited before serving:\n${printed}`);
      if (Date.now() - started > 60_000) throw new Error(`${command} did not answer within 60 s:\n${printed}`);
      try {
        if ((await fetch(base + readyPath)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop, output: () => printed };
}

/** `wrangler dev` in `cwd` on a free port; `args` are added to its command line. */
export async function startWranglerDev(wrangler, { args = [], logLevel = "warn", env = process.env, ...options } = {}) {
  const port = await freePort();
  return startServer(
    wrangler,
    ["dev", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false", "--log-level", logLevel, ...args],
    { ...options, port, env: { ...env, WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" } },
  );
}
