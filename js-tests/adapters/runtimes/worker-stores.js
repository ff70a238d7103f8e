// hookproof/hono with the Cloudflare stores in workerd: /do uses the Durable Object store,
// /kv the KV store; /events lists what the handler ran for.
import { Hono } from "hono";
import { webhook } from "hookproof/hono";
import { durableObjectStore, kvStore } from "hookproof/stores/cloudflare";

export { HookproofDedupe } from "hookproof/stores/cloudflare";

const SIR_SECRET = "whsec_" + "3f".repeat(32);
const events = [];
let flaky = 0;
const handlers = new Map();

// Built on the first request: bindings arrive with it.
function handlerFor(name, env) {
  if (!handlers.has(name)) {
    const store = name === "kv" ? kvStore(env.KV) : durableObjectStore(env.DEDUPE, { shards: name === "do-sharded" ? 4 : 1 });
    handlers.set(name, webhook({ provider: "sir", secret: SIR_SECRET, store, onError: () => {}, handler: async (event) => {
      if (name === "do-flaky" && ++flaky === 1) throw new Error("first attempt fails");
      events.push({ route: name, id: event.id });
    } }));
  }
  return handlers.get(name);
}

const app = new Hono();
app.post("/:name", (c) => handlerFor(c.req.param("name"), c.env)(c));
app.get("/events", (c) => c.json(events));
export default app;
