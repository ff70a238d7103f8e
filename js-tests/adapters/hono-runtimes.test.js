// hookproof/hono in Deno (Deno.serve, deno from npm) and in workerd (wrangler dev), each
// serving runtimes/app.js on 127.0.0.1; the cases are sent over HTTP from here.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fixedAppCases, freePort, serverScope, startServer, test } from "./helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const TOOLS = join(here, "..", "node_modules", ".bin");

const RUNTIMES = {
  async deno(t) {
    const { dir, scope } = serverScope(t, "hookproof-deno-");
    const root = join(here, "..", "..");
    return startServer(scope, join(TOOLS, "deno"), ["run", "--quiet", "--no-remote", "--node-modules-dir=manual", `--allow-read=${root}`, "--allow-net=127.0.0.1", join(here, "runtimes", "deno-server.js")], {
      cwd: here,
      env: { DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(dir, "deno-dir") },
      ready: (output) => /listening (\d+)/.exec(output)?.[1],
    });
  },
  async workerd(t) {
    const port = await freePort();
    const { dir, scope } = serverScope(t, "hookproof-wrangler-");
    return startServer(scope, join(TOOLS, "wrangler"), ["dev", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false", "--persist-to", join(dir, "state")], {
      cwd: join(here, "runtimes"),
      env: { WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", XDG_CONFIG_HOME: join(dir, "config") },
      ready: (output) => (/Ready on http:\/\/127\.0\.0\.1:(\d+)/.exec(output) ? port : undefined),
    });
  },
};

for (const [runtime, start] of Object.entries(RUNTIMES)) {
  test(`hono in ${runtime}: genuine, tampered, duplicate, handler error, oversized, malformed, gengo, challenge, pre-parsed`, async (t) => {
    const base = await start(t);

    await fixedAppCases(t, base);
  });
}
