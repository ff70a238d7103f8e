// A webhook callback endpoint in Deno, served by Deno's node:http (see
// ../shared/node-http.js for why not Deno.serve). See README.md.
//   PORT (default 8787), HOST (default 127.0.0.1), STORE = "kv" (default) | "memory",
//   KV_PATH (default ./data/callbacks.kv), one secrets variable per provider, and the HTTP
//   limits of ../shared/node-http.js (HEADERS_TIMEOUT_MS, MAX_IN_FLIGHT, ...), and where
//   recorded events go (../shared/outbox.js: FORWARD_URL, FORWARD_SECRET, RETRY_SCHEDULE;
//   without FORWARD_URL, ./handler.js).
import * as hookproof from "hookproof";
import { createEndpoint } from "../shared/callbacks.js";
import { serveEndpoint } from "../shared/node-http.js";
import { createDelivery } from "../shared/outbox.js";
import { handleEvent } from "./handler.js";
import { createKvStore, createMemoryStore } from "./kv-store.js";

const env = Deno.env.toObject();
const memory = env.STORE === "memory";
const store = memory ? createMemoryStore() : await createKvStore(env.KV_PATH ?? "./data/callbacks.kv");

// Delivery from the outbox through KV queues (the memory store runs the handler after the
// answer instead). A local KV file has this one process: leases left by a crash are ended.
if (!memory) store.deliverWith(createDelivery({ hookproof, env, handler: handleEvent }), { recover: true });

const endpoint = createEndpoint({
  hookproof,
  env,
  store,
});

const host = env.HOST ?? "127.0.0.1";
const server = await serveEndpoint({ endpoint, env, host, port: Number(env.PORT ?? 8787) });
console.log(`listening on http://${host}:${server.address().port} (store: ${memory ? "memory" : "kv"})`);

// Finish the requests in flight, then close the store.
for (const signal of ["SIGINT", "SIGTERM"]) {
  Deno.addSignalListener(signal, () => {
    server.close(() => {
      store.close?.();
      Deno.exit(0);
    });
    server.closeIdleConnections();
  });
}
