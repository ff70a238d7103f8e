// Starts `wrangler dev` on a free 127.0.0.1 port and waits until it answers: shared by the
// workerd test run (workerd.run.js) and `make bench` (benches/js/run.mjs).
import { spawn } from "node:child_process";
import { createServer } from "node:net";

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Resolves to `{ base, stop }` once `GET base + readyPath` answers 2xx; rejects (with
 * wrangler stopped) if it exits first or does not answer within 60 s. `stop()` ends the
 * whole process group, workerd included.
 */
export async function startWranglerDev(wrangler, { cwd, env = process.env, readyPath = "/", stdout = "inherit" } = {}) {
  const port = await freePort();
  const child = spawn(
    wrangler,
    ["dev", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false", "--log-level", "warn"],
    {
      cwd,
      env: { ...env, WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
      stdio: ["ignore", stdout, "inherit"],
      detached: true,
    },
  );
  let exited = false;
  child.on("exit", () => (exited = true));
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  };
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  try {
    for (;;) {
      if (exited) throw new Error("wrangler dev exited before serving");
      if (Date.now() - started > 60_000) throw new Error("wrangler dev did not answer within 60 s");
      try {
        if ((await fetch(base + readyPath)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 250));
    }
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}
