// hookproof/stores/redis: dedupe keys in Redis (`SET key 1 NX EX ttl`: atomic, shared by
// every instance, expired by Redis itself). Pass your connected client: `redis` (node-redis
// v4/v5) or `ioredis`; hookproof depends on neither.

/** `{ hasOrSet(key, ttlSeconds), delete(key) }` over a connected client; keys get `prefix`. */
export function redisStore(client, { prefix = "hookproof:dedupe:" } = {}) {
  if (client === null || typeof client !== "object" || typeof client.set !== "function" || typeof client.del !== "function") {
    throw new TypeError("redisStore(client): client must be a connected `redis` or `ioredis` client");
  }
  // node-redis takes SET's options as an object; ioredis as positional arguments.
  const isNodeRedis = typeof client.isOpen === "boolean";
  return {
    async hasOrSet(key, ttlSeconds) {
      const seconds = Math.max(1, Math.ceil(ttlSeconds));
      const reply = isNodeRedis
        ? await client.set(prefix + key, "1", { NX: true, EX: seconds })
        : await client.set(prefix + key, "1", "EX", seconds, "NX");
      return reply !== "OK";
    },
    async delete(key) {
      await client.del(prefix + key);
    },
  };
}
