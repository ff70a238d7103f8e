// hookproof/next in a real Next.js App Router app: `next build`, then `next start` on a
// free 127.0.0.1 port; the route files are in app/, their options in ../routes/endpoints.js.
import { spawn, spawnSync } from "node:child_process";
import { createServer as createNetServer } from "node:net";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { assert, fixedAppCases, test } from "../helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const NEXT = join(here, "node_modules", ".bin", "next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function freePort() {
  return new Promise((done) => {
    const probe = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

test("next (App Router, next build && next start): every case", async (t) => {
  const build = spawnSync(NEXT, ["build"], { cwd: here, env, encoding: "utf8", timeout: 300_000 });
  assert.equal(build.status, 0, build.stdout + build.stderr);
  assert.match(build.stdout, /ƒ \/sir\b/, "the webhook routes are dynamic");
  const port = await freePort();
  const server = spawn(NEXT, ["start", "--hostname", "127.0.0.1", "--port", String(port)], { cwd: here, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  t.after(() => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
  });
  await new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`next start did not get ready:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      if (/Ready in/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout.on("data", onData);
    server.stderr.on("data", onData);
    server.once("exit", (code) => reject(new Error(`next start exited ${code}:\n${output}`)));
  });
  await fixedAppCases(t, `http://127.0.0.1:${port}`);
});
