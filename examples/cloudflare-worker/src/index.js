// A webhook callback endpoint on Cloudflare Workers. See README.md.
// The Worker verifies (stateless, in whichever isolate takes the request); the provider's
// Durable Object records (one strongly consistent SQLite database per provider).
import { DurableObject } from "cloudflare:workers";
import * as hookproof from "hookproof";
import { createEndpoint, fromFetchRequest, newestFirst, toFetchResponse } from "../../shared/callbacks.js";
import { createSqliteStore } from "../../shared/sqlite-store.js";

export class CallbackStore extends DurableObject {
  #store;

  constructor(ctx, env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    this.#store = createSqliteStore({
      query: (statement, ...params) => sql.exec(statement, ...params).toArray(),
      transaction: (fn) => ctx.storage.transactionSync(fn),
    });
  }

  // Called by RPC. The answer leaves the object only once the write is durable (the
  // runtime's output gate holds it until then).
  record(entry, effect) {
    return this.#store.record(entry, effect);
  }

  events(provider) {
    return this.#store.events(provider);
  }

  job(provider, jobId) {
    return this.#store.job(provider, jobId);
  }
}

function storeOf(env, provider) {
  return env.CALLBACKS.get(env.CALLBACKS.idFromName(provider));
}

// The endpoint's Store, routed to each provider's object.
function storeFor(env) {
  return {
    record: (entry, effect) => storeOf(env, entry.provider).record(entry, effect),
    job: (provider, jobId) => storeOf(env, provider).job(provider, jobId),
    async events(provider) {
      const lists = await Promise.all((provider === undefined ? hookproof.providers() : [provider]).map((one) => storeOf(env, one).events(one)));
      return newestFirst(lists);
    },
  };
}

// Built on the first request of each isolate and kept, so the Verifiers it holds schedule
// their keys once. Bindings and variables are the same for every request of an isolate.
let endpoint;

export default {
  async fetch(request, env, ctx) {
    endpoint ??= createEndpoint({ hookproof, env, store: storeFor(env) });
    // Slow work runs after the answer, within this request's lifetime.
    const runLater = (task) => ctx.waitUntil(task());
    return toFetchResponse(await endpoint.handle(fromFetchRequest(request), { runLater }));
  },
};
