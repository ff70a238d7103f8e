// The durable default for Deno: Deno KV (SQLite underneath when local, FoundationDB on
// Deno Deploy). A delivery is recorded by one atomic commit that checks the dedupe key is
// new and the job state unchanged since it was read; a commit that loses a race is retried
// after a fresh read, so neither dedupe nor "an older event never overwrites a newer one"
// can be broken by concurrent deliveries.
import { newestFirst } from "../shared/callbacks.js";

export { createMemoryStore } from "../shared/memory-store.js";

const ATTEMPTS = 10;

export async function createKvStore(path) {
  const directory = path.slice(0, path.lastIndexOf("/"));
  if (directory !== "") await Deno.mkdir(directory, { recursive: true });
  const kv = await Deno.openKv(path);
  return {
    async record(entry, effect) {
      const dedupeKey = ["dedupe", entry.provider, entry.dedupeKey];
      const jobKey = effect.jobId === null ? null : ["jobs", entry.provider, effect.jobId];
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const current = jobKey === null ? null : await kv.get(jobKey);
        const commit = kv
          .atomic()
          .check({ key: dedupeKey, versionstamp: null })
          .set(dedupeKey, entry.receivedAt)
          // Newest first when listed in reverse: time, then the dedupe key for ties.
          .set(["events", entry.provider, Date.parse(entry.receivedAt), entry.dedupeKey], entry);
        if (current !== null) {
          commit.check(current);
          if (current.value === null || effect.version >= current.value.version) {
            commit.set(jobKey, { provider: entry.provider, jobId: effect.jobId, state: effect.state, version: effect.version, updatedAt: entry.receivedAt });
          }
        }
        if ((await commit.commit()).ok) return "recorded";
        if ((await kv.get(dedupeKey)).versionstamp !== null) return "duplicate";
      }
      throw new Error(`job state kept changing; gave up after ${ATTEMPTS} attempts`);
    },

    async events(provider) {
      // Keys sort by provider first: every provider's list, merged newest first.
      const prefix = provider === undefined ? ["events"] : ["events", provider];
      return newestFirst([await Array.fromAsync(kv.list({ prefix }, { reverse: true }), (item) => item.value)]);
    },

    async job(provider, jobId) {
      return (await kv.get(["jobs", provider, jobId])).value;
    },

    close: () => kv.close(),
  };
}
