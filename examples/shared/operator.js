// The operator API of every example, behind `Authorization: Bearer <ADMIN_TOKEN>` (compared
// in constant time). While ADMIN_TOKEN is not configured, these routes answer 404.
//
//   GET  /events?provider=&after=&limit=   { events, next }: newest first, a page of `limit`
//                                          (default 100, at most 1000); ?after=<next> goes on
//   GET  /events/{provider}:{dedupeKey}    the event and its delivery: state, attempts
//   GET  /jobs/{provider}/{jobId}          the latest state of one job
//   GET  /dead                             dead-lettered entries
//   POST /replay/{provider}:{dedupeKey}    deliver that event again
//   POST /replay?provider=&since=<ISO>     deliver again every event of the provider since then
//
// A store adds, to the three methods of ./callbacks.js (promises all):
//   eventsBefore(provider, bound, limit) -> entry[]  newest first (receivedAt, then dedupeKey,
//       descending), only those before `bound` (null: from the newest): received before
//       bound.at, or at bound.at and, by bound.sameAt, "all" of them, "none", or those
//       "below" bound.key
//   event(provider, dedupeKey) -> entry | null
//   delivery(provider, dedupeKey) -> { state, attempts: [{ attempt, at, status, error }] } | null
//   dead() -> [{ provider, dedupeKey, attempts }]
//   replay(provider, dedupeKey) -> boolean     pending again, its schedule from the start
//   replaySince(provider, sinceIso) -> number  how many were made pending again

const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
const encoder = new TextEncoder();

function headerOf(headers, name) {
  if (typeof headers.get === "function") return headers.get(name);
  const value = headers[name];
  return Array.isArray(value) ? value[0] : (value ?? null);
}

// The cursor: where the last page ended, as opaque text.
const cursorOf = (entry) => btoa(JSON.stringify([entry.receivedAt, entry.provider, entry.dedupeKey])).replace(/=+$/, "");
function positionOf(cursor, providers) {
  try {
    const [at, provider, key] = JSON.parse(atob(cursor));
    if (typeof at === "string" && providers.includes(provider) && typeof key === "string") return { at, provider, key };
  } catch {}
  return null;
}

// Newest first across providers: receivedAt, then provider, then dedupe key, descending.
const before = (a, b) => (a.receivedAt !== b.receivedAt ? a.receivedAt > b.receivedAt : a.provider !== b.provider ? a.provider > b.provider : a.dedupeKey > b.dedupeKey);

/** One page of events, newest first, from every provider's list (or one). */
export async function pageOf(store, { provider, after, limit }, providers) {
  const position = after === null ? null : positionOf(after, providers);
  if (after !== null && position === null) return null;
  const chosen = provider === undefined ? providers : [provider];
  const lists = await Promise.all(
    chosen.map((one) => {
      if (position === null) return store.eventsBefore(one, null, limit + 1);
      const sameAt = one < position.provider ? "all" : one === position.provider ? "below" : "none";
      return store.eventsBefore(one, { at: position.at, sameAt, key: position.key }, limit + 1);
    }),
  );
  const merged = lists.flat().sort((a, b) => (before(a, b) ? -1 : 1));
  const events = merged.slice(0, limit);
  return { events, next: merged.length > limit ? cursorOf(events[events.length - 1]) : null };
}

function idOf(text, providers) {
  const colon = text.indexOf(":");
  if (colon < 0) return null;
  const provider = text.slice(0, colon);
  return providers.includes(provider) ? { provider, dedupeKey: text.slice(colon + 1) } : null;
}

/**
 * `route(request, url, parts)` answers an operator route ({ status, body, headers }), or
 * resolves to null for any other path.
 */
export function createOperatorApi({ env, store, reply, providers, onReplayed = () => {} }) {
  const token = typeof env.ADMIN_TOKEN === "string" && env.ADMIN_TOKEN !== "" ? env.ADMIN_TOKEN : null;
  // HMAC verification compares in constant time: the expected token's MAC under a key of
  // this process, checked against the presented token.
  const key = token === null ? null : crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  const expected = key === null ? null : key.then((k) => crypto.subtle.sign("HMAC", k, encoder.encode(token)));

  async function authorized(headers) {
    const value = headerOf(headers, "authorization");
    if (typeof value !== "string" || !value.startsWith("Bearer ")) return false;
    return crypto.subtle.verify("HMAC", await key, await expected, encoder.encode(value.slice("Bearer ".length)));
  }

  const OPERATOR = new Set(["events", "jobs", "dead", "replay"]);

  async function route(request, url, parts) {
    if (!OPERATOR.has(parts[0])) return null;
    if (token === null) return reply(404, { error: "not_found" });
    if (!(await authorized(request.headers))) return reply(401, { error: "unauthorized" }, { "www-authenticate": "Bearer" });
    const reading = request.method === "GET" || request.method === "HEAD";
    const only = (method) => reply(405, { error: "method_not_allowed" }, { allow: method });
    const decoded = (part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return null;
      }
    };

    if (parts[0] === "events" && parts.length === 1) {
      if (!reading) return only("GET");
      const provider = url.searchParams.get("provider") ?? undefined;
      if (provider !== undefined && !providers.includes(provider)) return reply(404, { error: "unknown_provider" });
      const limitText = url.searchParams.get("limit");
      const limit = limitText === null ? DEFAULT_PAGE : Number(limitText);
      if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE) return reply(400, { error: "invalid_limit" });
      const page = await pageOf(store, { provider, after: url.searchParams.get("after"), limit }, providers);
      return page === null ? reply(400, { error: "invalid_cursor" }) : reply(200, page);
    }
    if (parts[0] === "events" && parts.length === 2) {
      if (!reading) return only("GET");
      const id = idOf(decoded(parts[1]) ?? "", providers);
      if (id === null) return reply(404, { error: "unknown_event" });
      const entry = await store.event(id.provider, id.dedupeKey);
      if (entry === null) return reply(404, { error: "unknown_event" });
      return reply(200, { ...entry, delivery: await store.delivery(id.provider, id.dedupeKey) });
    }
    if (parts[0] === "jobs" && parts.length === 3) {
      const [, provider, jobId] = parts;
      if (!providers.includes(provider)) return reply(404, { error: "unknown_provider" });
      if (!reading) return only("GET");
      const id = decoded(jobId);
      const job = id === null ? null : await store.job(provider, id);
      return job === null ? reply(404, { error: "unknown_job" }) : reply(200, job);
    }
    if (parts[0] === "dead" && parts.length === 1) {
      if (!reading) return only("GET");
      return reply(200, { dead: await store.dead() });
    }
    if (parts[0] === "replay" && parts.length === 2) {
      if (request.method !== "POST") return only("POST");
      const id = idOf(decoded(parts[1]) ?? "", providers);
      if (id === null || !(await store.replay(id.provider, id.dedupeKey))) return reply(404, { error: "unknown_event" });
      onReplayed();
      return reply(202, { replayed: 1 });
    }
    if (parts[0] === "replay" && parts.length === 1) {
      if (request.method !== "POST") return only("POST");
      const provider = url.searchParams.get("provider");
      const since = url.searchParams.get("since");
      if (!providers.includes(provider)) return reply(404, { error: "unknown_provider" });
      const sinceMs = since === null ? NaN : Date.parse(since);
      if (!Number.isFinite(sinceMs)) return reply(400, { error: "invalid_since" });
      const replayed = await store.replaySince(provider, new Date(sinceMs).toISOString());
      if (replayed > 0) onReplayed();
      return reply(202, { replayed });
    }
    return reply(404, { error: "not_found" });
  }

  return { route };
}
