// A webhook callback endpoint on node:http (no framework). See README.md.
//   PORT (default 8787), HOST (default 127.0.0.1), STORE = "sqlite" (default) | "memory",
//   DATABASE (default ./data/callbacks.db), one secrets variable per provider, and the
//   HTTP limits of ../shared/node-http.js (HEADERS_TIMEOUT_MS, MAX_IN_FLIGHT, ...).
import * as hookproof from "hookproof";
import { createEndpoint, MAX_BODY_BYTES } from "../shared/callbacks.js";
import { serveEndpoint } from "../shared/node-http.js";
import { createFileStore, createMemoryStore } from "./store.js";

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? "127.0.0.1";
const store = process.env.STORE === "memory" ? createMemoryStore() : createFileStore(process.env.DATABASE ?? "data/callbacks.db");

const endpoint = createEndpoint({
  hookproof,
  env: process.env,
  store,
});

const server = await serveEndpoint({ endpoint, env: process.env, host, port });
console.log(`listening on http://${host}:${server.address().port} (store: ${process.env.STORE === "memory" ? "memory" : "sqlite"}, body limit ${MAX_BODY_BYTES} bytes)`);

// Finish the requests in flight, then close the database.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    server.close(() => {
      store.close?.();
      process.exit(0);
    });
    // Idle keep-alive connections would hold close() until they time out.
    server.closeIdleConnections();
  });
}
