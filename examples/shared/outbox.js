// From recorded to handled: every recorded event has an outbox entry written in the same
// atomic commit as its dedupe record (see the stores), and is delivered from there at least
// once, in order of arrival per job — to FORWARD_URL as a Standard Webhooks delivery, or to
// the example's in-process handler. A failed attempt is retried with backoff and jitter; after
// the last one the entry is dead-lettered (kept, replayable), never dropped.
//
//   FORWARD_URL      where to forward (unset: the in-process handler runs instead)
//   FORWARD_SECRET   whsec_… secret the forwarded deliveries are signed with
//   RETRY_SCHEDULE   seconds to wait before each retry, comma-separated; by default the
//                    Standard Webhooks schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h
//                    (eight attempts in all, about a day and a half)
import { standardWebhooksSigner } from "./standard-webhooks.js";

export const DEFAULT_RETRY_SCHEDULE = [5, 300, 1800, 7200, 18000, 36000, 36000];
// A Retry-After longer than this is capped: the schedule's longest wait.
const MAX_WAIT_SECONDS = 36000;
const ATTEMPT_TIMEOUT_MS = 15_000;

/** The retry schedule (seconds before each retry) from RETRY_SCHEDULE, else the default. */
export function retryScheduleOf(value) {
  if (typeof value !== "string" || value.trim() === "") return DEFAULT_RETRY_SCHEDULE;
  const seconds = value.split(",").map((part) => Number(part.trim()));
  if (seconds.some((one) => !Number.isFinite(one) || one < 0)) throw new Error("RETRY_SCHEDULE must be comma-separated seconds");
  return seconds;
}

// Retry-After as seconds, or an HTTP date; null when absent or unreadable.
function retryAfterSeconds(value, nowMs) {
  if (value === null || value === undefined) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, (at - nowMs) / 1000) : null;
}

// A header-safe webhook-id: the provider and the dedupe key, anything outside printable
// ASCII percent-encoded.
export function webhookIdOf(provider, dedupeKey) {
  return `${provider}:${dedupeKey}`.replace(/[^\x21-\x7e]/g, (char) => encodeURIComponent(char));
}

/** The group whose events are delivered in order of arrival: the job, or the event alone. */
export const jobKeyOf = (entry, effect) => (effect.jobId === null ? `event:${entry.dedupeKey}` : `job:${effect.jobId}`);

/** The forwarded body of an accepted event (fixed when recorded: each attempt sends it). */
export function forwardBodyOf(event, receivedAt) {
  return JSON.stringify({
    type: `${event.provider}.${event.type}`,
    timestamp: receivedAt,
    data: { provider: event.provider, type: event.type, id: event.id, dedupeKey: event.dedupeKey, receivedAt, payload: event.payload },
  });
}

/**
 * How to deliver one outbox entry, from the configuration: `attempt(entry)` makes one
 * attempt and resolves to `{ at, status, error, retryAfter }` (status null for the
 * handler), `decide(entry, result, nowMs)` to `{ state: "delivered" | "pending" | "dead",
 * nextAttemptAt }`. `entry` is `{ provider, dedupeKey, body, attempts }` (attempts made before).
 */
export function createDelivery({ hookproof, env, handler, log = console.log }) {
  const schedule = retryScheduleOf(env.RETRY_SCHEDULE);
  const url = env.FORWARD_URL || null;
  const sign = url === null ? null : standardWebhooksSigner(hookproof, env.FORWARD_SECRET);

  async function attempt(entry) {
    const at = new Date().toISOString();
    try {
      if (url === null) {
        await handler(JSON.parse(entry.body));
        return { at, status: null, error: null, retryAfter: null };
      }
      const headers = await sign(webhookIdOf(entry.provider, entry.dedupeKey), Math.floor(Date.now() / 1000), entry.body);
      const response = await fetch(url, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: entry.body,
        redirect: "manual",
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return { at, status: response.status, error: null, retryAfter: retryAfterSeconds(response.headers.get("retry-after"), Date.now()) };
    } catch (error) {
      // The error's kind only: a handler's message could carry anything.
      return { at, status: null, error: error?.cause?.code ?? error?.name ?? "Error", retryAfter: null };
    }
  }

  function decide(entry, result, nowMs) {
    const ok = result.error === null && (result.status === null || (result.status >= 200 && result.status < 300));
    if (ok) return { state: "delivered", nextAttemptAt: null };
    const made = entry.attempts + 1;
    // 410 Gone: the receiver says it will never take this; no more attempts.
    if (result.status === 410 || made > schedule.length) return { state: "dead", nextAttemptAt: null };
    const base = schedule[made - 1];
    // Up to 20 % later, so that retries of many entries spread out.
    const scheduled = base * (1 + Math.random() * 0.2);
    const wait = result.retryAfter === null ? scheduled : Math.min(Math.max(result.retryAfter, scheduled), MAX_WAIT_SECONDS);
    return { state: "pending", nextAttemptAt: nowMs + Math.round(wait * 1000) };
  }

  return {
    attempt,
    decide,
    describe: () => (url === null ? "the in-process handler" : `${new URL(url).origin} (Standard Webhooks)`),
    log,
  };
}

/**
 * The delivery loop over an outbox a store keeps in a table (SQLite, Postgres), which
 * survives restarts: `outbox.claim(nowMs, limit, leaseMs)` returns due entries (the earliest
 * pending of each job, none leased) and leases them; `outbox.settle(entry, result, decision)`
 * records the attempt and the new state; `outbox.nextDueAt()` is the earliest time anything
 * may be due, or null. A crash mid-attempt leaves the lease to expire: the entry is tried
 * again (at least once); `outbox.recover()`, where a store has it, ends the leases of a
 * process that died before this one started. `wake()` after a commit starts the next round
 * at once.
 */
export function startDispatcher({ outbox, delivery, leaseMs = 60_000, batch = 16, idleMs = 1000, log = console.log }) {
  let stopped = false;
  let wakeUp = () => {};
  let woken = false;

  const done = (async () => {
    await outbox.recover?.();
    while (!stopped) {
      try {
        woken = false;
        if ((await deliverDue({ outbox, delivery, leaseMs, batch, log, rounds: 1 })) > 0) continue;
        const next = await outbox.nextDueAt();
        // At least 50 ms: an entry due but held by another process is not claimable either.
        const wait = next === null ? idleMs : Math.min(idleMs, Math.max(50, next - Date.now()));
        if (!woken) await new Promise((resolve) => ((wakeUp = resolve), setTimeout(resolve, wait)));
      } catch (error) {
        log(`outbox error ${error?.name ?? "Error"}: ${error?.message ?? error}`);
        await new Promise((resolve) => setTimeout(resolve, idleMs));
      }
    }
  })();

  return {
    wake() {
      woken = true;
      wakeUp();
    },
    async stop() {
      stopped = true;
      wakeUp();
      await done;
    },
  };
}

/**
 * Claims what is due (at most `batch` at a time, for at most `rounds` rounds), makes one
 * attempt at each and settles it. Resolves to how many attempts were made. The delivery
 * loop above and the Worker's Durable Object alarm both run it.
 */
export async function deliverDue({ outbox, delivery, leaseMs = 60_000, batch = 16, rounds = Infinity, log = console.log }) {
  let made = 0;
  for (let round = 0; round < rounds; round++) {
    const due = await outbox.claim(Date.now(), batch, leaseMs);
    if (due.length === 0) break;
    await Promise.all(
      due.map(async (entry) => {
        const result = await delivery.attempt(entry);
        const decision = delivery.decide(entry, result, Date.now());
        await outbox.settle(entry, result, decision);
        const detail = result.status !== null ? `status=${result.status}` : result.error !== null ? `error=${result.error}` : "handled";
        log(`outbox ${decision.state} provider=${entry.provider} dedupeKey=${entry.dedupeKey} attempt=${entry.attempts + 1} ${detail}`);
      }),
    );
    made += due.length;
  }
  return made;
}
