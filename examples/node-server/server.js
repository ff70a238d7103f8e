// A webhook callback endpoint on node:http (no framework). See README.md.
//   PORT (default 8787), HOST (default 127.0.0.1), STORE = "sqlite" (default) | "memory",
//   DATABASE (default ./data/callbacks.db), or DATABASE_URL=postgres://… for Postgres
//   (several processes may share it), one secrets variable per provider
//   (<PROVIDER>_SECRET), PUBLIC_URL (the base providers call, where a proxy is in front),
//   the HTTP limits of ../shared/node-http.js (HEADERS_TIMEOUT_MS, MAX_IN_FLIGHT, ...), and
//   where recorded events go (../shared/outbox.js: FORWARD_URL, FORWARD_SECRET,
//   RETRY_SCHEDULE; without FORWARD_URL, ./handler.js).
import * as hookproof from "hookproof";
import { createEndpoint, MAX_BODY_BYTES } from "../shared/callbacks.js";
import { serveEndpoint } from "../shared/node-http.js";
import { createDelivery, startDispatcher } from "../shared/outbox.js";
import { handleEvent } from "./handler.js";
import { createFileStore, createMemoryStore } from "./store.js";
import { createPgStore } from "./pg-store.js";

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? "127.0.0.1";
const kind = process.env.STORE === "memory" ? "memory" : /^postgres(ql)?:/.test(process.env.DATABASE_URL ?? "") ? "postgres" : "sqlite";
const store = kind === "memory" ? createMemoryStore() : kind === "postgres" ? await createPgStore(process.env.DATABASE_URL) : createFileStore(process.env.DATABASE ?? "data/callbacks.db");

// Delivery from the outbox (the SQLite store has one; the memory store runs the handler
// after the answer instead).
const dispatcher = store.outbox === undefined ? null : startDispatcher({ outbox: store.outbox, delivery: createDelivery({ hookproof, env: process.env, handler: handleEvent }) });

const endpoint = createEndpoint({
  hookproof,
  env: process.env,
  store,
  onRecorded: () => dispatcher?.wake(),
});

const server = await serveEndpoint({ endpoint, env: process.env, host, port });
console.log(`listening on http://${host}:${server.address().port} (store: ${kind}, body limit ${MAX_BODY_BYTES} bytes)`);

// Finish the requests in flight, then close the database.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(async () => {
      await dispatcher?.stop();
      await store.close?.();
      process.exit(0);
    });
    // Idle keep-alive connections would hold close() until they time out.
    server.closeIdleConnections();
  });
}
