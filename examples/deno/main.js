// A webhook callback endpoint on Deno.serve. See README.md.
//   PORT (default 8787), HOST (default 127.0.0.1), STORE = "kv" (default) | "memory",
//   KV_PATH (default ./data/callbacks.kv), and one secrets variable per provider.
import * as hookproof from "hookproof";
import { createEndpoint, fromFetchRequest, toFetchResponse } from "../shared/callbacks.js";
import { createKvStore, createMemoryStore } from "./kv-store.js";

const env = Deno.env.toObject();
const memory = env.STORE === "memory";
const store = memory ? createMemoryStore() : await createKvStore(env.KV_PATH ?? "./data/callbacks.kv");

const endpoint = createEndpoint({
  hookproof,
  env,
  store,
});

const server = Deno.serve(
  {
    hostname: env.HOST ?? "127.0.0.1",
    port: Number(env.PORT ?? 8787),
    onListen: ({ hostname, port }) => console.log(`listening on http://${hostname}:${port} (store: ${memory ? "memory" : "kv"})`),
  },
  async (request) => toFetchResponse(await endpoint.handle(fromFetchRequest(request))),
);

// Finish the requests in flight, then close the store.
for (const signal of ["SIGINT", "SIGTERM"]) {
  Deno.addSignalListener(signal, async () => {
    await server.shutdown();
    store.close?.();
    Deno.exit(0);
  });
}
