// hookproof/stores/deno-kv: dedupe keys in Deno KV (local file or Deno Deploy), claimed
// with an atomic check-and-set. KV's expireIn deletes late (it is a hint), so the expiry
// is also stored in the value and checked here.

/** `{ hasOrSet(key, ttlSeconds), delete(key) }` over `kv` (from `Deno.openKv()`). */
export function denoKvStore(kv, { prefix = ["hookproof", "dedupe"], now = () => Date.now() } = {}) {
  if (kv === null || typeof kv !== "object" || typeof kv.atomic !== "function") {
    throw new TypeError("denoKvStore(kv): kv must be a Deno.Kv (await Deno.openKv())");
  }
  return {
    async hasOrSet(key, ttlSeconds) {
      const kvKey = [...prefix, key];
      for (;;) {
        const entry = await kv.get(kvKey);
        const time = now();
        if (entry.value !== null && entry.value > time) return true;
        const expiresAt = time + ttlSeconds * 1000;
        // Fails if another request claimed (or renewed) the key since the read: read again.
        const result = await kv.atomic().check(entry).set(kvKey, expiresAt, { expireIn: ttlSeconds * 1000 }).commit();
        if (result.ok) return false;
      }
    },
    async delete(key) {
      await kv.delete([...prefix, key]);
    },
  };
}
