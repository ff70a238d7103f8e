// hookproof/stores/cloudflare: dedupe keys in Cloudflare Workers.
//
// durableObjectStore — exact: one Durable Object (SQLite storage) claims each key in a
// transaction, so a delivery and its redelivery arriving at once anywhere in the world are
// told apart. Export the class and bind it:
//
//   // worker.js
//   export { HookproofDedupe } from "hookproof/stores/cloudflare";
//   const store = (env) => durableObjectStore(env.DEDUPE);
//   # wrangler.toml
//   [[durable_objects.bindings]]
//   name = "DEDUPE"
//   class_name = "HookproofDedupe"
//   [[migrations]]
//   tag = "v1"
//   new_sqlite_classes = ["HookproofDedupe"]
//
// kvStore — approximate: Workers KV is eventually consistent and has no compare-and-set,
// so two copies arriving within about a minute at different locations may both pass. Use
// it only where running a handler twice is harmless; else the Durable Object.
import { DurableObject } from "cloudflare:workers";

// Expired rows are swept once in this many claims.
const SWEEP_EVERY = 1000;

/** The Durable Object behind durableObjectStore (SQLite storage backend). */
export class HookproofDedupe extends DurableObject {
  #claims = 0;

  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec("CREATE TABLE IF NOT EXISTS hookproof_dedupe (key TEXT PRIMARY KEY NOT NULL, expires_at INTEGER NOT NULL)");
  }

  /** True when the key is already held (a duplicate); else holds it for ttlSeconds. */
  hasOrSet(key, ttlSeconds) {
    const sql = this.ctx.storage.sql;
    const now = Date.now();
    const seen = this.ctx.storage.transactionSync(() => {
      sql.exec("DELETE FROM hookproof_dedupe WHERE key = ? AND expires_at <= ?", key, now);
      // rowsWritten is 0 when OR IGNORE kept an existing row.
      return sql.exec("INSERT OR IGNORE INTO hookproof_dedupe (key, expires_at) VALUES (?, ?)", key, now + ttlSeconds * 1000).rowsWritten === 0;
    });
    if (!seen && ++this.#claims % SWEEP_EVERY === 0) sql.exec("DELETE FROM hookproof_dedupe WHERE expires_at <= ?", now);
    return seen;
  }

  delete(key) {
    this.ctx.storage.sql.exec("DELETE FROM hookproof_dedupe WHERE key = ?", key);
  }
}

// A small, stable hash of the key: the shard it belongs to.
function shardOf(key, shards) {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return hash % shards;
}

/**
 * `{ hasOrSet, delete }` over a HookproofDedupe namespace binding. `shards` (default 1)
 * spreads keys over that many objects when one object's throughput is not enough.
 */
export function durableObjectStore(namespace, { name = "hookproof-dedupe", shards = 1 } = {}) {
  if (namespace === null || typeof namespace !== "object" || typeof namespace.idFromName !== "function") {
    throw new TypeError("durableObjectStore(namespace): pass the Durable Object binding of HookproofDedupe (env.DEDUPE)");
  }
  const stubOf = (key) => namespace.get(namespace.idFromName(shards > 1 ? `${name}:${shardOf(key, shards)}` : name));
  return {
    hasOrSet: (key, ttlSeconds) => stubOf(key).hasOrSet(key, ttlSeconds),
    delete: (key) => stubOf(key).delete(key),
  };
}

/** `{ hasOrSet, delete }` over a Workers KV namespace: approximate (see above). */
export function kvStore(kv, { prefix = "hookproof:dedupe:" } = {}) {
  if (kv === null || typeof kv !== "object" || typeof kv.get !== "function" || typeof kv.put !== "function") {
    throw new TypeError("kvStore(kv): pass a KV namespace binding (env.MY_KV)");
  }
  return {
    async hasOrSet(key, ttlSeconds) {
      if ((await kv.get(prefix + key)) !== null) return true;
      // KV's shortest expiry is 60 s.
      await kv.put(prefix + key, "1", { expirationTtl: Math.max(60, Math.ceil(ttlSeconds)) });
      return false;
    },
    async delete(key) {
      await kv.delete(prefix + key);
    },
  };
}
