// The durable default for Deno: Deno KV (SQLite underneath when local, FoundationDB on
// Deno Deploy). A delivery is recorded by one atomic commit that checks the dedupe key is
// new and the job state unchanged since it was read; a commit that loses a race is retried
// after a fresh read, so neither dedupe nor "an older event never overwrites a newer one"
// can be broken by concurrent deliveries.
//
// The outbox: the same commit writes the event's outbox entry (listed per job, in order of
// arrival) and enqueues a message "this job has work" (`kv.enqueue`, so the message exists
// exactly when the entry does). The queue handler takes a lease on the job, delivers its
// entries oldest first, and for a retry enqueues the job again with the wait as `delay`.
// After a crash, the restarted process enqueues every job that still has entries.
import { jobKeyOf } from "../shared/outbox.js";

export { createMemoryStore } from "../shared/memory-store.js";

const ATTEMPTS = 10;
// Longer than one attempt can take (15 s): a lease older than this is a dead handler's.
const LEASE_MS = 30_000;
// Orders a job's entries that arrive in the same millisecond in this process.
let arrivals = 0;

export async function createKvStore(path) {
  const directory = path.slice(0, path.lastIndexOf("/"));
  if (directory !== "") await Deno.mkdir(directory, { recursive: true });
  const kv = await Deno.openKv(path);
  return {
    // Delivered from KV queues (deliverWith below), not after the answer.
    outbox: "kv-queue",

    async record(entry, effect, message) {
      const dedupeKey = ["dedupe", entry.provider, entry.dedupeKey];
      const group = jobKeyOf(entry, effect);
      const outboxKey = ["outbox", entry.provider, group, Date.parse(entry.receivedAt), arrivals++, entry.dedupeKey];
      const jobKey = effect.jobId === null ? null : ["jobs", entry.provider, effect.jobId];
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const current = jobKey === null ? null : await kv.get(jobKey);
        const commit = kv
          .atomic()
          .check({ key: dedupeKey, versionstamp: null })
          .set(dedupeKey, entry.receivedAt)
          // Newest first when listed in reverse: time, then the dedupe key for ties.
          .set(["events", entry.provider, Date.parse(entry.receivedAt), entry.dedupeKey], entry)
          .set(outboxKey, { provider: entry.provider, dedupeKey: entry.dedupeKey, body: message.body, attempts: 0, nextAttemptAt: 0 })
          .set(["pending", entry.provider, entry.dedupeKey], outboxKey)
          .enqueue({ provider: entry.provider, group });
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

    async eventsBefore(provider, bound, limit) {
      const prefix = ["events", provider];
      if (bound === null) return Array.fromAsync(kv.list({ prefix }, { reverse: true, limit }), (item) => item.value);
      const ms = Date.parse(bound.at);
      // Keys are [.., ms, dedupeKey]; `end` is exclusive, and [.., ms] sorts before [.., ms, x].
      const end = bound.sameAt === "all" ? [...prefix, ms + 1] : bound.sameAt === "none" ? [...prefix, ms] : [...prefix, ms, bound.key];
      return Array.fromAsync(kv.list({ start: prefix, end }, { reverse: true, limit }), (item) => item.value);
    },

    async event(provider, dedupeKey) {
      const at = (await kv.get(["dedupe", provider, dedupeKey])).value;
      return at === null ? null : (await kv.get(["events", provider, Date.parse(at), dedupeKey])).value;
    },

    async delivery(provider, dedupeKey) {
      const pending = (await kv.get(["pending", provider, dedupeKey])).value;
      const outcome = (await kv.get(["outcome", provider, dedupeKey])).value;
      if (pending === null && outcome === null) return null;
      const attempts = await Array.fromAsync(kv.list({ prefix: ["attempts", provider, dedupeKey] }), (item) => item.value);
      return { state: pending !== null ? "pending" : outcome.state, attempts };
    },

    async dead() {
      const dead = [];
      for await (const { key, value } of kv.list({ prefix: ["outcome"] })) if (value.state === "dead") dead.push({ provider: key[1], dedupeKey: key[2], attempts: value.attempts });
      return dead;
    },

    // A delivered or dead event gets a new outbox entry (at the end of its job's list) and
    // a message, in one commit; one still pending stays as it is.
    async replay(provider, dedupeKey) {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const outcome = await kv.get(["outcome", provider, dedupeKey]);
        if (outcome.value === null) return (await kv.get(["pending", provider, dedupeKey])).value !== null;
        const { group, body } = outcome.value;
        const key = ["outbox", provider, group, Date.now(), arrivals++, dedupeKey];
        const committed = await kv
          .atomic()
          .check(outcome)
          .delete(outcome.key)
          .set(key, { provider, dedupeKey, body, attempts: 0, nextAttemptAt: 0 })
          .set(["pending", provider, dedupeKey], key)
          .enqueue({ provider, group })
          .commit();
        if (committed.ok) return true;
      }
      throw new Error(`outcome kept changing; gave up after ${ATTEMPTS} attempts`);
    },

    async replaySince(provider, since) {
      let count = 0;
      for await (const { value } of kv.list({ start: ["events", provider, Date.parse(since)], end: ["events", provider, Number.MAX_SAFE_INTEGER] })) {
        if ((await kv.get(["outcome", provider, value.dedupeKey])).value !== null && (await this.replay(provider, value.dedupeKey))) count++;
      }
      return count;
    },

    async job(provider, jobId) {
      return (await kv.get(["jobs", provider, jobId])).value;
    },

    /**
     * Delivers from the outbox with `delivery` (../shared/outbox.js's createDelivery).
     * `recover`: end every lease first and enqueue every job with entries left (a local KV
     * file has one process; on Deno Deploy leases of other isolates are live and expire by
     * themselves, and the platform's queue delivers again what a dead isolate held).
     */
    async deliverWith(delivery, { recover = false, log = console.log } = {}) {
      if (recover) {
        for await (const lease of kv.list({ prefix: ["lease"] })) await kv.delete(lease.key);
        // Measured: a local KV does not deliver again a message whose handler died with the
        // process, so every job with entries left gets a message of its own (a duplicate
        // finds nothing, or a lease).
        const groups = new Set();
        for await (const { key } of kv.list({ prefix: ["outbox"] })) groups.add(JSON.stringify([key[1], key[2]]));
        for (const group of groups) {
          const [provider, name] = JSON.parse(group);
          await kv.enqueue({ provider, group: name });
        }
      }
      await kv.listenQueue((message) => deliverJob(kv, delivery, message, log));
    },

    close: () => kv.close(),
  };
}

async function deliverJob(kv, delivery, { provider, group }, log) {
  const leaseKey = ["lease", provider, group];
  const lease = await kv.get(leaseKey);
  const now = Date.now();
  if (lease.value !== null && lease.value > now) {
    // Another handler has the job (and delivers what it finds after its current entry):
    // look again in a second, in case it finished just before this entry was written.
    await kv.enqueue({ provider, group }, { delay: Math.min(lease.value - now + 100, 1000) });
    return;
  }
  if (!(await kv.atomic().check(lease).set(leaseKey, now + LEASE_MS).commit()).ok) {
    await kv.enqueue({ provider, group }, { delay: 1000 });
    return;
  }
  try {
    for (;;) {
      const [first] = await Array.fromAsync(kv.list({ prefix: ["outbox", provider, group] }, { limit: 1 }));
      if (first === undefined) return;
      const entry = first.value;
      if (entry.nextAttemptAt > Date.now()) {
        await kv.enqueue({ provider, group }, { delay: entry.nextAttemptAt - Date.now() });
        return;
      }
      const result = await delivery.attempt(entry);
      const decision = delivery.decide(entry, result, Date.now());
      const attempts = entry.attempts + 1;
      const commit = kv.atomic().check(first).set(["attempts", provider, entry.dedupeKey, Date.now(), attempts], { attempt: attempts, ...result });
      if (decision.state === "pending") {
        commit.set(first.key, { ...entry, attempts, nextAttemptAt: decision.nextAttemptAt }).enqueue({ provider, group }, { delay: Math.max(0, decision.nextAttemptAt - Date.now()) });
      } else {
        commit
          .delete(first.key)
          .delete(["pending", provider, entry.dedupeKey])
          .set(["outcome", provider, entry.dedupeKey], { state: decision.state, attempts, body: entry.body, group });
      }
      await commit.commit();
      const detail = result.status !== null ? `status=${result.status}` : result.error !== null ? `error=${result.error}` : "handled";
      log(`outbox ${decision.state} provider=${provider} dedupeKey=${entry.dedupeKey} attempt=${attempts} ${detail}`);
      if (decision.state === "pending") return;
    }
  } finally {
    await kv.delete(leaseKey);
  }
}
