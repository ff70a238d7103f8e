// hookproof/stores/memory: dedupe keys in this process's memory. For tests, one-process
// servers and trying things out: keys are lost on restart and not shared between
// instances, so a redelivery to another instance is processed again.

/** `{ hasOrSet(key, ttlSeconds), delete(key) }`; `maxKeys` bounds memory (oldest dropped first). */
export function memoryStore({ maxKeys = 100_000, now = () => Date.now() } = {}) {
  const expiries = new Map(); // key -> expiry (ms); insertion order = age
  return {
    async hasOrSet(key, ttlSeconds) {
      const time = now();
      const expiry = expiries.get(key);
      if (expiry !== undefined && expiry > time) return true;
      expiries.delete(key);
      expiries.set(key, time + ttlSeconds * 1000);
      while (expiries.size > maxKeys) expiries.delete(expiries.keys().next().value);
      return false;
    },
    async delete(key) {
      expiries.delete(key);
    },
  };
}
