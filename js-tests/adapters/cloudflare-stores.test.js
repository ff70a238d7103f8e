// hookproof/stores/cloudflare in workerd (wrangler dev, Durable Objects with SQLite storage
// and KV simulated locally by miniflare), behind hookproof/hono, over HTTP.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { assert, freePort, send, signed, SIR_BODY, startServer, test } from "./helpers.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const WRANGLER = join(here, "..", "node_modules", ".bin", "wrangler");

async function wranglerDev(t, dir) {
  const port = await freePort();
  const stop = [];
  const base = await startServer({ after: (fn) => stop.push(fn) }, WRANGLER, ["dev", "--config", "wrangler-stores.toml", "--ip", "127.0.0.1", "--port", String(port), "--show-interactive-dev-session=false", "--persist-to", join(dir, "state")], {
    cwd: join(here, "runtimes"),
    env: { WRANGLER_SEND_METRICS: "false", WRANGLER_SEND_ERROR_REPORTS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", XDG_CONFIG_HOME: join(dir, "config") },
    ready: (output) => (/Ready on http:\/\/127\.0\.0\.1:(\d+)/.exec(output) ? port : undefined),
  });
  const close = async () => {
    for (const fn of stop.splice(0)) fn();
    await new Promise((done) => setTimeout(done, 1500));
  };
  t.after(close);
  return { base, close };
}

const sirEvent = (id) => SIR_BODY.replace("evt_abc123", id);

test("cloudflare stores in workerd: Durable Object exact under concurrency and across a restart; KV; release on failure", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "hookproof-cf-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  let server = await wranglerDev(t, dir);

  for (const route of ["do", "do-sharded", "kv"]) {
    const first = await send(server.base, signed("sir", sirEvent(`evt_${route}_1`), { path: `/${route}` }));
    const again = await send(server.base, signed("sir", sirEvent(`evt_${route}_1`), { path: `/${route}` }));
    assert.deepEqual([first.json, again.json], [{ received: true }, { duplicate: true }], route);
  }
  for (const route of ["do", "do-sharded"]) {
    const racing = await Promise.all(Array.from({ length: 20 }, () => send(server.base, signed("sir", sirEvent(`evt_${route}_race`), { path: `/${route}` }))));
    assert.equal(racing.filter((answer) => answer.json?.received).length, 1, `${route}: one of 20 concurrent copies runs`);
    assert.equal(racing.filter((answer) => answer.json?.duplicate).length, 19, route);
  }
  const failed = await send(server.base, signed("sir", sirEvent("evt_flaky"), { path: "/do-flaky" }));
  assert.equal(failed.status, 500);
  const retried = await send(server.base, signed("sir", sirEvent("evt_flaky"), { path: "/do-flaky" }));
  assert.deepEqual(retried.json, { received: true }, "the key was released");

  await server.close();
  server = await wranglerDev(t, dir);
  const afterRestart = await send(server.base, signed("sir", sirEvent("evt_do_1"), { path: "/do" }));
  assert.deepEqual(afterRestart.json, { duplicate: true }, "the Durable Object kept the key across a restart");
  const events = (await send(server.base, { method: "GET", path: "/events" })).json;
  assert.deepEqual(events, [], "a fresh isolate: nothing ran after the restart");
});
