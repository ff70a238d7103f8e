// The callback endpoint every example serves, independent of the runtime: routing, the
// answer for each outcome, secrets from configuration, and what an accepted event changes.
// Each example supplies the three runtime-specific parts: how the body is read (with a
// limit), where events are stored (a `Store`, below), and how work runs after the answer.
//
//   POST /callbacks/{provider}       verify, record once, answer
//   GET  /                           liveness
//   and the operator API of ./operator.js (/events, /jobs, /dead, /replay) behind ADMIN_TOKEN
//
// A Store has three methods, each returning a promise:
//   record(entry, effect, message) -> "recorded" | "duplicate"
//       Atomically: if no event with entry.dedupeKey is recorded for entry.provider, append
//       entry to the log, apply effect to the job state and, if the store has an outbox,
//       add message ({ body }: what is delivered onwards, ./outbox.js) to it; else change
//       nothing. A store with an outbox delivers from it; without one, `afterRecorded`
//       runs after the answer (not durably: for tests and trying things out).
//   job(provider, jobId) -> { provider, jobId, state, version, updatedAt } | null
//   and what the operator API reads and changes (./operator.js).

import { forwardBodyOf } from "./outbox.js";
import { createOperatorApi } from "./operator.js";

/**
 * The configuration variables that hold a provider's secrets (comma-separated, for
 * rotation), the first one set winning: `<PROVIDER>_SECRET` for every provider (the
 * package's `providers()`), and the older name Gengo's examples used (`GENGO_TOKEN`).
 */
export function secretVariablesOf(provider) {
  const variable = `${provider.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_SECRET`;
  return provider === "gengo" ? [variable, "GENGO_TOKEN"] : [variable];
}

// Meta's subscription check (GET hub.challenge) is answered with a verify token of the
// operator's choosing, not the app secret that signs deliveries.
const META_FAMILY = ["meta", "whatsapp", "instagram", "messenger"];
export function verifyTokenVariableOf(provider) {
  return `${provider.toUpperCase()}_VERIFY_TOKEN`;
}

/** The four first providers, whose events change job state (effectOf); others are logged. */
export const JOB_PROVIDERS = ["g2sentry", "contentspal", "sir", "gengo"];

/** The default body limit, as hookproof's own. */
export const MAX_BODY_BYTES = 1 << 20;

// hookproof's error codes -> the answer. 401 tells the provider its delivery was not
// accepted as genuine; 400, that it was genuine but unusable.
const STATUS_OF_CODE = {
  missing_signature: 401,
  malformed_signature: 401,
  signature_mismatch: 401,
  missing_timestamp: 401,
  malformed_timestamp: 401,
  timestamp_too_old: 401,
  timestamp_in_future: 401,
  malformed_body: 400,
  invalid_payload: 400,
  body_too_large: 413,
};

// G2 Sentry sends no time and promises no order; the payload's jobStatus is the truth. The
// one order its documents fix is the job's lifecycle: assigned, possibly withdrawn (back to
// New) before it starts, started, completed. A delivery never moves a job back along it,
// so a JobAssigned that arrives after JobStarted leaves the job InProgress.
const G2SENTRY_LIFECYCLE = { Assigned: 1, New: 2, InProgress: 3, Completed: 4, Canceled: 4 };

/**
 * What an accepted event changes in the job state: `{ jobId, state, version }`, or
 * `jobId: null` for an event that concerns no job. A stored state is replaced only by an
 * effect whose `version` is at least its own, so an older event never overwrites a newer
 * one whatever order they arrive in.
 */
export function effectOf(event, receivedAtMs) {
  const { payload } = event;
  switch (event.provider) {
    case "g2sentry":
      // The job id from the dedupe key (`<jobId>:<eventType>`): exact even where the
      // number is beyond what a JavaScript number holds.
      return {
        jobId: event.dedupeKey.slice(0, event.dedupeKey.indexOf(":")),
        state: { status: payload.jobStatus, name: payload.jobName, lastEvent: event.type },
        version: G2SENTRY_LIFECYCLE[payload.jobStatus] ?? 0,
      };
    case "contentspal":
      // The dispatch time orders events; a deleted job stays deleted unless a newer event
      // says otherwise.
      return {
        jobId: payload.job.id,
        state: {
          status: event.type === "job.deleted" ? "deleted" : (payload.job.status ?? null),
          name: payload.job.name ?? null,
          lastEvent: event.type,
          at: payload.timestamp,
        },
        version: timeOf(payload.timestamp),
      };
    case "sir": {
      // Only action events are documented with a subject (data.actionId); other types keep
      // the latest event per kind (`campaign`, `token_pool`, ...), ordered by createdAt.
      const data = payload.data ?? {};
      const at = payload.createdAt ?? payload.timestamp;
      return {
        jobId: typeof data.actionId === "string" ? data.actionId : event.type.split(".")[0],
        state: { status: event.type, data, at: at ?? null },
        version: timeOf(at),
      };
    }
    case "gengo": {
      if (event.type !== "job") return { jobId: null, state: null, version: 0 };
      // Gengo sends no event time and its statuses loop (revising -> reviewable), so the
      // latest delivery received wins; its retries repeat the same status, which dedupes.
      // The payload is the job itself (or, for type "comment", the comment).
      return {
        jobId: event.dedupeKey.split(":")[1],
        state: { status: payload.status, lastEvent: "job" },
        version: receivedAtMs,
      };
    }
    default:
      return { jobId: null, state: null, version: 0 };
  }
}

function timeOf(iso) {
  const ms = typeof iso === "string" ? Date.parse(iso) : NaN;
  return Number.isFinite(ms) ? ms : 0;
}

/** The secrets in a configuration value: comma-separated, each trimmed, empty ones dropped. */
export function secretsOf(value) {
  if (typeof value !== "string") return [];
  return value
    .split(",")
    .map((secret) => secret.trim())
    .filter((secret) => secret !== "");
}

function reply(status, body, extraHeaders = {}) {
  return { status, body, headers: extraHeaders };
}

// A challenge's answer as computed by the package: JSON (Discord, Zoom) or plain text
// (Slack, Twitch), sent as is.
function challengeReply(answer) {
  let json = false;
  try {
    json = typeof JSON.parse(answer) === "object";
  } catch {}
  return { status: 200, body: answer, headers: { "content-type": json ? "application/json" : "text/plain" }, raw: true };
}

/**
 * The endpoint. `hookproof` is the imported package, `env` the configuration (an object
 * of strings), `store` a Store, `runLater(promiseFactory)` runs work after the answer,
 * `log(line)` writes one line.
 *
 * `handle(request)` takes `{ method, url, headers, readBody(limit) }` where `url` is the
 * path and query (or an absolute URL) and `readBody` resolves to the body's bytes, or to
 * null once more than `limit` bytes arrive (it keeps nothing past them, and reads no further),
 * or rejects with an error that has a numeric `status` and a string `code` (the HTTP
 * layer's refusal: a body too slow or cut off), which is the answer. It resolves to
 * `{ status, body, headers, raw }`, `body` being JSON-serialisable, or, with `raw`, a
 * string to send as is (a challenge's answer, its content-type in `headers`). Its second argument may
 * replace `runLater` for one request (a Worker's `ctx.waitUntil` is per request).
 */
// After the answer by default: a later tick, and a failure is logged, never thrown.
const defaultRunLater = (task) => setTimeout(() => task().catch((error) => console.error(`after-record task failed: ${error?.message ?? error}`)), 0);

export function createEndpoint({ hookproof, env, store, runLater = defaultRunLater, log = console.log, maxBodyBytes = MAX_BODY_BYTES, afterRecorded = defaultAfterRecorded, onRecorded = () => {} }) {
  // Every provider the package knows is routed.
  const PROVIDERS = hookproof.providers();
  const operator = createOperatorApi({ env, store, reply, providers: PROVIDERS, onReplayed: onRecorded });
  // One Verifier per provider, prepared on first use and kept while its variable is
  // unchanged: keys are scheduled once, not per request.
  const verifiers = new Map();

  function verifierOf(provider) {
    const variables = secretVariablesOf(provider);
    const variable = variables.find((name) => secretsOf(env[name]).length > 0) ?? variables[0];
    const value = env[variable];
    const cached = verifiers.get(provider);
    if (cached !== undefined && cached.value === value) return cached.verifier;
    const secrets = secretsOf(value);
    if (secrets.length === 0) {
      log(`callback not configured provider=${provider}: set ${variables.join(" or ")} (comma-separated secrets)`);
      return null;
    }
    try {
      const verifier = new hookproof.Verifier(provider, secrets, { maxBodyBytes });
      cached?.verifier.free();
      verifiers.set(provider, { value, verifier });
      return verifier;
    } catch (error) {
      log(`callback not configured provider=${provider}: ${variable} is refused (${error.code ?? "error"})`);
      return null;
    }
  }

  async function callback(provider, request, url, later) {
    const verifier = verifierOf(provider);
    if (verifier === null) return reply(503, { error: "not_configured" }, { "retry-after": "60" });

    let body;
    try {
      body = await request.readBody(maxBodyBytes);
    } catch (error) {
      // The HTTP layer's own refusals of a body (too slow, cut off): a status and a code.
      if (typeof error?.status !== "number" || typeof error.code !== "string") throw error;
      log(`callback refused provider=${provider} status=${error.status} code=${error.code}`);
      return reply(error.status, { error: error.code });
    }
    if (body === null) {
      log(`callback refused provider=${provider} status=413 code=body_too_large`);
      return reply(413, { error: "body_too_large" });
    }

    let event;
    try {
      event = verifier.verify({ headers: request.headers, body, url, method: request.method });
    } catch (error) {
      if (!(error instanceof hookproof.WebhookError)) throw error;
      const status = STATUS_OF_CODE[error.code] ?? 500;
      // The code alone: messages and explain() hints stay out of logs and answers.
      log(`callback refused provider=${provider} status=${status} code=${error.code}`);
      return reply(status, { error: error.code });
    }

    // The provider checking the endpoint (Slack url_verification, Discord PING, Twitch
    // webhook_callback_verification, Zoom endpoint.url_validation): a genuine delivery
    // whose answer is computed by the package. Nothing to record.
    if (typeof event.challenge === "string") {
      log(`callback challenge answered provider=${provider} type=${event.type}`);
      return challengeReply(event.challenge);
    }

    const receivedAt = Date.now();
    const entry = {
      provider,
      type: event.type,
      id: event.id,
      dedupeKey: event.dedupeKey,
      receivedAt: new Date(receivedAt).toISOString(),
    };
    // Durably recorded, together with its effect, before the 2xx: a provider that does
    // not retry (ContentsPal) has handed the event over once it gets the answer.
    const outcome = await store.record(entry, effectOf(event, receivedAt), { body: forwardBodyOf(event, entry.receivedAt) });
    log(`callback ${outcome} provider=${provider} type=${event.type} dedupeKey=${event.dedupeKey}`);
    if (outcome === "recorded") {
      if (store.outbox === undefined) later(() => afterRecorded(event, log));
      onRecorded();
    }
    return reply(200, { outcome });
  }

  // Meta's hub.challenge and X's CRC are GETs: the answer from the package, or 403.
  function getChallenge(provider, url) {
    const variable = META_FAMILY.includes(provider) ? verifyTokenVariableOf(provider) : secretVariablesOf(provider)[0];
    const secrets = secretsOf(env[variable]);
    if (secrets.length === 0) {
      log(`callback not configured provider=${provider}: set ${variable} (comma-separated secrets)`);
      return reply(503, { error: "not_configured" }, { "retry-after": "60" });
    }
    const answer = hookproof.getChallengeAnswer(provider, url, secrets);
    if (answer === null) {
      log(`callback challenge refused provider=${provider} status=403`);
      return reply(403, { error: "challenge_refused" });
    }
    log(`callback challenge answered provider=${provider}`);
    return { status: 200, body: answer.body, headers: { "content-type": answer.contentType }, raw: true };
  }

  async function handle(request, { runLater: later = runLater } = {}) {
    const url = new URL(request.url, "http://localhost");
    const parts = url.pathname.split("/").filter((part) => part !== "");
    const reading = request.method === "GET" || request.method === "HEAD";
    const onlyGet = reply(405, { error: "method_not_allowed" }, { allow: "GET" });
    try {
      if (parts[0] === "callbacks" && parts.length === 2) {
        const provider = parts[1];
        if (!PROVIDERS.includes(provider)) return reply(404, { error: "unknown_provider" });
        if (reading && (META_FAMILY.includes(provider) || provider === "twitter")) return getChallenge(provider, request.url);
        if (request.method !== "POST") return reply(405, { error: "method_not_allowed" }, { allow: "POST" });
        return await callback(provider, request, request.url, later);
      }
      const operated = await operator.route(request, url, parts);
      if (operated !== null) return operated;
      if (parts.length === 0) return reading ? reply(200, { service: "hookproof callbacks", providers: PROVIDERS }) : onlyGet;
      return reply(404, { error: "not_found" });
    } catch (error) {
      // A store that fails must not acknowledge: 500 makes a retrying provider deliver again.
      log(`callback error path=${url.pathname} ${error?.name ?? "Error"}: ${error?.message ?? error}`);
      return reply(500, { error: "internal_error" });
    }
  }

  return { handle };
}

// Where slow work goes: notifications, calls to other systems. It runs after the answer,
// so it must not be the only record of anything (the store is).
async function defaultAfterRecorded(event, log) {
  log(`processed provider=${event.provider} type=${event.type} dedupeKey=${event.dedupeKey}`);
}

// --- Fetch runtimes (Workers, Deno) ---------------------------------------------------------

/**
 * A Fetch `Request` as `handle` takes it; the body is read once, up to the limit. Past the
 * limit the body is cancelled, unless `drainPastLimit: { bytes, ms }` asks for the rest to be
 * read and dropped first, for at most that many bytes and milliseconds (the Worker's
 * workaround for `wrangler dev`; see its README).
 */
export function fromFetchRequest(request, { drainPastLimit } = {}) {
  return {
    method: request.method,
    url: request.url,
    headers: request.headers,
    readBody: (limit) => readLimited(request, limit, drainPastLimit),
  };
}

// Past the limit nothing more is kept. By default the stream is cancelled at once. With
// `drain`, what still arrives is read and dropped, within its bounds, before the answer:
// in `wrangler dev` a body left unread (cancelled, or drained after the answer) breaks that
// answer or the connection's next request ("Your worker restarted mid-request"), and a
// Worker cannot close the client's connection.
async function readLimited(request, limit, drain) {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const refuse = async () => {
    if (drain !== undefined) {
      const until = Date.now() + drain.ms;
      let dropped = 0;
      let timer;
      const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve({ done: true, timedOut: true }), drain.ms)));
      try {
        while (dropped <= drain.bytes && Date.now() < until) {
          const { done, value } = await Promise.race([reader.read(), timeout]);
          if (done) break;
          dropped += value.byteLength;
        }
      } finally {
        clearTimeout(timer);
      }
    }
    reader.cancel().catch(() => {});
    return null;
  };
  if (Number(request.headers.get("content-length")) > limit) return refuse();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) return refuse();
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** `handle`'s answer as a Fetch `Response`. */
export function toFetchResponse({ status, body, headers, raw }) {
  if (raw) return new Response(body, { status, headers });
  return Response.json(body, { status, headers });
}
