// The Store of examples/shared/callbacks.js in memory: for tests and trying things out.
// Everything is lost when the process ends, so never acknowledge real deliveries with it.
export function createMemoryStore() {
  const log = []; // oldest first
  const seen = new Set();
  const jobs = new Map();
  return {
    // No await inside: JavaScript runs it to the end before any other request's code.
    async record(entry, effect) {
      const key = JSON.stringify([entry.provider, entry.dedupeKey]);
      if (seen.has(key)) return "duplicate";
      seen.add(key);
      log.push(entry);
      if (effect.jobId !== null) {
        const jobKey = JSON.stringify([entry.provider, effect.jobId]);
        const current = jobs.get(jobKey);
        if (current === undefined || effect.version >= current.version) {
          jobs.set(jobKey, { provider: entry.provider, jobId: effect.jobId, state: effect.state, version: effect.version, updatedAt: entry.receivedAt });
        }
      }
      return "recorded";
    },
    async eventsBefore(provider, bound, limit) {
      const inBound = (entry) =>
        bound === null ||
        entry.receivedAt < bound.at ||
        (entry.receivedAt === bound.at && (bound.sameAt === "all" || (bound.sameAt === "below" && entry.dedupeKey < bound.key)));
      return log
        .filter((entry) => entry.provider === provider && inBound(entry))
        .sort((a, b) => (a.receivedAt !== b.receivedAt ? (a.receivedAt > b.receivedAt ? -1 : 1) : a.dedupeKey > b.dedupeKey ? -1 : 1))
        .slice(0, limit);
    },
    async event(provider, dedupeKey) {
      return log.find((entry) => entry.provider === provider && entry.dedupeKey === dedupeKey) ?? null;
    },
    // No outbox: the work after the answer is not recorded, so there is nothing to replay.
    delivery: async () => null,
    dead: async () => [],
    replay: async () => false,
    replaySince: async () => 0,
    async job(provider, jobId) {
      return jobs.get(JSON.stringify([provider, jobId])) ?? null;
    },
  };
}
