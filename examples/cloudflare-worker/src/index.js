// A webhook callback endpoint on Cloudflare Workers. See README.md.
// The Worker verifies (stateless, in whichever isolate takes the request); the provider's
// Durable Object records (one strongly consistent SQLite database per provider).
import { DurableObject } from "cloudflare:workers";
import * as hookproof from "hookproof";
import { createEndpoint, fromFetchRequest, toFetchResponse } from "../../shared/callbacks.js";
import { createSqliteStore } from "../../shared/sqlite-store.js";
import { createDelivery, deliverDue } from "../../shared/outbox.js";
import { handleEvent } from "./handler.js";

// Each recorded event's outbox entry commits in the same transaction as its dedupe record;
// the object's alarm delivers from the outbox (at least once: an alarm whose handler fails
// or whose object is evicted runs again) and sets itself for the next entry due. Alarms
// rather than a Queue: the entries already live in this object's SQLite, in order per job,
// and an alarm needs no second product or binding; a Queue would copy each event into a
// second store and deliver without the per-job order.
export class CallbackStore extends DurableObject {
  #store;
  #delivery;

  constructor(ctx, env) {
    super(ctx, env);
    const sql = ctx.storage.sql;
    this.#store = createSqliteStore(
      {
        query: (statement, ...params) => sql.exec(statement, ...params).toArray(),
        transaction: (fn) => ctx.storage.transactionSync(fn),
      },
      { outbox: true },
    );
    // One instance of an object runs at a time: leases of an earlier one are stale.
    ctx.blockConcurrencyWhile(() => this.#store.outbox.recover());
  }

  #deliveryOf() {
    this.#delivery ??= createDelivery({ hookproof, env: this.env, handler: handleEvent });
    return this.#delivery;
  }

  // Called by RPC. The answer leaves the object only once the write is durable (the
  // runtime's output gate holds it until then), the alarm included.
  async record(entry, effect, message) {
    const outcome = await this.#store.record(entry, effect, message);
    if (outcome === "recorded") {
      const alarm = await this.ctx.storage.getAlarm();
      if (alarm === null || alarm > Date.now()) await this.ctx.storage.setAlarm(Date.now());
    }
    return outcome;
  }

  async alarm() {
    await deliverDue({ outbox: this.#store.outbox, delivery: this.#deliveryOf() });
    const next = await this.#store.outbox.nextDueAt();
    if (next !== null) await this.ctx.storage.setAlarm(Math.max(next, Date.now()));
  }

  eventsBefore(provider, bound, limit) {
    return this.#store.eventsBefore(provider, bound, limit);
  }

  event(provider, dedupeKey) {
    return this.#store.event(provider, dedupeKey);
  }

  delivery(provider, dedupeKey) {
    return this.#store.delivery(provider, dedupeKey);
  }

  dead() {
    return this.#store.dead();
  }

  async replay(provider, dedupeKey) {
    const replayed = await this.#store.replay(provider, dedupeKey);
    if (replayed) await this.ctx.storage.setAlarm(Date.now());
    return replayed;
  }

  async replaySince(provider, since) {
    const count = await this.#store.replaySince(provider, since);
    if (count > 0) await this.ctx.storage.setAlarm(Date.now());
    return count;
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
    // Delivered by the objects' alarms, not after the answer.
    outbox: "durable-object-alarms",
    record: (entry, effect, message) => storeOf(env, entry.provider).record(entry, effect, message),
    job: (provider, jobId) => storeOf(env, provider).job(provider, jobId),
    eventsBefore: (provider, bound, limit) => storeOf(env, provider).eventsBefore(provider, bound, limit),
    event: (provider, dedupeKey) => storeOf(env, provider).event(provider, dedupeKey),
    delivery: (provider, dedupeKey) => storeOf(env, provider).delivery(provider, dedupeKey),
    dead: async () => (await Promise.all(hookproof.providers().map((one) => storeOf(env, one).dead()))).flat(),
    replay: (provider, dedupeKey) => storeOf(env, provider).replay(provider, dedupeKey),
    replaySince: (provider, since) => storeOf(env, provider).replaySince(provider, since),
  };
}

// Past the body limit, what still arrives is read and dropped for at most this long and this
// much before the 413: `wrangler dev` breaks the answer (or the connection's next request)
// when a body is left unread, and a Worker cannot close the client's connection. In
// production the platform's request-size limit bounds a body before the Worker runs.
const DRAIN_PAST_LIMIT = { bytes: 8 << 20, ms: 2_000 };

// Built on the first request of each isolate and kept, so the Verifiers it holds schedule
// their keys once. Bindings and variables are the same for every request of an isolate.
let endpoint;

export default {
  async fetch(request, env, ctx) {
    endpoint ??= createEndpoint({ hookproof, env, store: storeFor(env) });
    // Slow work runs after the answer, within this request's lifetime.
    const runLater = (task) => ctx.waitUntil(task());
    return toFetchResponse(await endpoint.handle(fromFetchRequest(request, { drainPastLimit: DRAIN_PAST_LIMIT }), { runLater }));
  },
};
