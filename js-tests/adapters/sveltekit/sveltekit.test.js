// hookproof/sveltekit in a real SvelteKit app: `vite build` with adapter-node, then the
// built server (`node build`) on a free 127.0.0.1 port; routes in src/routes/*/+server.js.
import { spawn, spawnSync } from "node:child_process";
import { createServer as createNetServer } from "node:net";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { assert, fixedAppCases, test } from "../helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));

function freePort() {
  return new Promise((done) => {
    const probe = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

test("sveltekit (vite build, adapter-node): every case", async (t) => {
  const build = spawnSync(join(here, "node_modules", ".bin", "vite"), ["build"], { cwd: here, encoding: "utf8", timeout: 300_000 });
  assert.equal(build.status, 0, build.stdout + build.stderr);
  const port = await freePort();
  const server = spawn(process.execPath, ["build"], { cwd: here, env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  t.after(() => server.kill("SIGTERM"));
  await new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`the SvelteKit server did not start:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      if (/Listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout.on("data", onData);
    server.stderr.on("data", onData);
    server.once("exit", (code) => reject(new Error(`the SvelteKit server exited ${code}:\n${output}`)));
  });
  await fixedAppCases(t, `http://127.0.0.1:${port}`);
});
