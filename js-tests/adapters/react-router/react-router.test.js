// hookproof/remix in a real React Router 7 app (framework mode): `react-router build`,
// then `react-router-serve` (Express) on a free 127.0.0.1 port; resource routes in app/routes/.
import { spawn, spawnSync } from "node:child_process";
import { createServer as createNetServer } from "node:net";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { assert, fixedAppCases, test } from "../helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const bin = (name) => join(here, "node_modules", ".bin", name);

function freePort() {
  return new Promise((done) => {
    const probe = createNetServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

test("react-router (react-router build, react-router-serve): every case", async (t) => {
  const build = spawnSync(bin("react-router"), ["build"], { cwd: here, encoding: "utf8", timeout: 300_000 });
  assert.equal(build.status, 0, build.stdout + build.stderr);
  const port = await freePort();
  const server = spawn(bin("react-router-serve"), ["build/server/index.js"], { cwd: here, env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), NODE_ENV: "production" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  t.after(() => {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {}
  });
  await new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`react-router-serve did not start:\n${output}`)), 30_000);
    const onData = (chunk) => {
      output += chunk;
      if (/\[react-router-serve\]/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout.on("data", onData);
    server.stderr.on("data", onData);
    server.once("exit", (code) => reject(new Error(`react-router-serve exited ${code}:\n${output}`)));
  });
  await fixedAppCases(t, `http://127.0.0.1:${port}`);
});
