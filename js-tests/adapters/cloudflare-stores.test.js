// hookproof/stores/cloudflare in workerd (wrangler dev, Durable Objects with SQLite storage
// and KV simulated locally by miniflare), behind hookproof/hono, over HTTP.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, freePort, send, serverScope, signed, SIR_BODY, startServer, test } from "./helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const WRANGLER = join(here, "..", "node_modules", ".bin", "wrangler");

// wrangler dev in `scope`; `stop()` ends it (and any other server of the scope).
async function wranglerDev({ dir, scope }) {
  const port = await freePort();
  return startServer(scope, WRANGLER, ["dev", "--config", "wrangler-stores.toml", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false", "--persist-to", join(dir, "state")], {
    cwd: join(here, "runtimes"),
    env: { WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", XDG_CONFIG_HOME: join(dir, "config") },
    ready: (output) => (/Ready on http:\/\/127\.0\.0\.1:(\d+)/.exec(output) ? port : undefined),
  });
}

const sirEvent = (id) => SIR_BODY.replace("evt_abc123", id);

test("cloudflare stores in workerd: Durable Object exact under concurrency and across a restart; KV; release on failure", async (t) => {
  const scratch = serverScope(t, "hookproof-cf-");
  let base = await wranglerDev(scratch);

  for (const route of ["do", "do-sharded", "kv"]) {
    const first = await send(base, signed("sir", sirEvent(`evt_${route}_1`), { path: `/${route}` }));
    const again = await send(base, signed("sir", sirEvent(`evt_${route}_1`), { path: `/${route}` }));
    assert.deepEqual([first.json, again.json], [{ received: true }, { duplicate: true }], route);
  }
  for (const route of ["do", "do-sharded"]) {
    const racing = await Promise.all(Array.from({ length: 20 }, () => send(base, signed("sir", sirEvent(`evt_${route}_race`), { path: `/${route}` }))));
    assert.equal(racing.filter((answer) => answer.json?.received).length, 1, `${route}: one of 20 concurrent copies runs`);
    assert.equal(racing.filter((answer) => answer.json?.duplicate).length, 19, route);
  }
  const failed = await send(base, signed("sir", sirEvent("evt_flaky"), { path: "/do-flaky" }));
  assert.equal(failed.status, 500);
  const retried = await send(base, signed("sir", sirEvent("evt_flaky"), { path: "/do-flaky" }));
  assert.deepEqual(retried.json, { received: true }, "the key was released");

  await scratch.stop(); // the Durable Object's state stays in the folder
  base = await wranglerDev(scratch);
  const afterRestart = await send(base, signed("sir", sirEvent("evt_do_1"), { path: "/do" }));
  assert.deepEqual(afterRestart.json, { duplicate: true }, "the Durable Object kept the key across a restart");
  const events = (await send(base, { method: "GET", path: "/events" })).json;
  assert.deepEqual(events, [], "a fresh isolate: nothing ran after the restart");
});
