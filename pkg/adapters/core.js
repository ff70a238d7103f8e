// The one webhook endpoint every framework adapter serves. An adapter only knows how its
// framework hands over a request (headers, URL, the raw body read up to a limit) and how
// it sends an answer back; everything else is here, so every framework answers alike:
//
//   401 { error: <code> }      the delivery is not proven genuine (signature, timestamp)
//   400 { error: <code> }      genuine, but the body is malformed or not the documented shape
//   413 { error: "body_too_large" }   past maxBodyBytes; nothing beyond it is kept
//   200 { duplicate: true }    a redelivery of an event the store has already seen
//   200 <challenge answer>     the provider's URL-verification handshake, where it has one
//   500 { error: "internal_error" }   the handler (or the store) threw; no detail
//   200 { received: true }     the handler ran (or whatever answer it returned)
//
// Answers never carry hints: explain()'s report goes only to the onError hook.
import { Verifier, WebhookError, explain } from "#hookproof";

/** hookproof's error codes and the answer each gets. Anything else is a 500. */
export const STATUS_OF_CODE = Object.freeze({
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
});

const DEFAULT_MAX_BODY = 1 << 20;
// Longer than any provider's retry schedule (Gengo retries for 12 h, G2 Sentry for about
// 1 h 13 min, Stripe for 3 days): a redelivery within it is recognised.
const DEFAULT_DEDUPE_TTL_SECONDS = 7 * 24 * 3600;

/**
 * A mistake in how the adapter is wired into the application (the body already parsed,
 * a bad option): thrown at start-up where it can be seen then, else on the first request.
 * Its message names the fix.
 */
export class HookproofSetupError extends Error {
  constructor(message) {
    super(message);
    this.name = "HookproofSetupError";
    this.code = "setup_error";
  }
}

const json = (status, value, headers = {}) => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  body: JSON.stringify(value),
});

const hex = (bytes) => Array.from(new Uint8Array(bytes), (byte) => byte.toString(16).padStart(2, "0")).join("");

async function hmacHex(secret, text) {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", typeof secret === "string" ? encoder.encode(secret) : secret, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return hex(await crypto.subtle.sign("HMAC", key, encoder.encode(text)));
}

/**
 * Handshakes some providers make to check an endpoint before (or while) they deliver, each
 * answered only after the delivery is verified like any other. Keyed by provider name; a
 * provider added later is answered through the `challenge` option until it is listed here.
 */
export const BUILT_IN_CHALLENGES = Object.freeze({
  // Events API: { type: "url_verification", challenge } is echoed back.
  slack: (event) => (event.payload?.type === "url_verification" && typeof event.payload.challenge === "string" ? json(200, { challenge: event.payload.challenge }) : null),
  // { event: "endpoint.url_validation", payload: { plainToken } }: answer the token and its
  // HMAC-SHA256 with the app's secret token, in hex.
  zoom: async (event, { secrets }) => {
    const plainToken = event.payload?.payload?.plainToken;
    if (event.payload?.event !== "endpoint.url_validation" || typeof plainToken !== "string") return null;
    return json(200, { plainToken, encryptedToken: await hmacHex(secrets[0], plainToken) });
  },
  // Interactions: a PING (type 1) is answered with a PONG (type 1).
  discord: (event) => (event.payload?.type === 1 ? json(200, { type: 1 }) : null),
});

// A verified delivery that is the provider's check of the endpoint carries the body to
// answer with: JSON (Discord's PING, Zoom's validation) is sent as JSON, anything else
// (Slack's and Twitch's echoed challenge) as text.
function packageChallenge(event) {
  if (typeof event.challenge !== "string") return null;
  let isJson = false;
  try {
    const parsed = JSON.parse(event.challenge);
    isJson = parsed !== null && typeof parsed === "object";
  } catch {
    isJson = false;
  }
  return { status: 200, headers: { "content-type": isJson ? "application/json; charset=utf-8" : "text/plain; charset=utf-8", "cache-control": "no-store" }, body: event.challenge };
}

function readWholeNumber(value, name, fallback) {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || Math.floor(value) !== value) {
    throw new HookproofSetupError(`${name} must be a non-negative whole number`);
  }
  return value;
}

function checkStore(store) {
  if (store === undefined || store === null) return null;
  if (typeof store.hasOrSet !== "function" || typeof store.delete !== "function") {
    throw new HookproofSetupError("store must have hasOrSet(key, ttlSeconds) and delete(key) (see hookproof/stores/memory for one)");
  }
  return store;
}

const describeError = (error) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

// The default onError: one line with the status and code. The delivery's content and
// explain()'s hints stay out of it (set onError to log them where only you read them).
function defaultOnError(report) {
  if (report.stage === "verify") {
    console.warn(`hookproof: refused a ${report.provider} delivery: ${report.status} ${report.code}`);
  } else {
    console.error(`hookproof: ${report.stage} failed for a ${report.provider} delivery (answered ${report.status}): ${describeError(report.error)}`);
  }
}

/**
 * Prepares the endpoint once (keys scheduled, options checked: a mistake throws here, at
 * start-up). Options:
 *
 *   provider          a provider name (or a declared scheme, as Verifier takes it)
 *   secret            one secret or several (rotation): string | Uint8Array | array
 *   handler(event, context)  your code; may return { status?, body?, headers? } to answer
 *   store             optional { hasOrSet(key, ttlSeconds), delete(key) } for dedupe
 *   dedupeTtlSeconds  how long a key is kept (default 7 days)
 *   maxBodyBytes, toleranceSeconds, tokenParam   as for Verifier
 *   challenge(event, context)  optional: an answer for a handshake, or null
 *   onError(report)   where refusals and failures are reported (default: one console line)
 */
export function createWebhookCore(options) {
  if (options === null || typeof options !== "object") throw new HookproofSetupError("options must be an object { provider, secret, handler }");
  const { provider, secret, handler, challenge, onError = defaultOnError } = options;
  if (typeof handler !== "function") throw new HookproofSetupError("options.handler must be a function (event, context) => answer | undefined");
  if (challenge !== undefined && typeof challenge !== "function") throw new HookproofSetupError("options.challenge must be a function (event, context) => answer | null");
  if (typeof onError !== "function") throw new HookproofSetupError("options.onError must be a function (report) => void");
  const store = checkStore(options.store);
  const maxBodyBytes = readWholeNumber(options.maxBodyBytes, "options.maxBodyBytes", DEFAULT_MAX_BODY);
  const dedupeTtlSeconds = readWholeNumber(options.dedupeTtlSeconds, "options.dedupeTtlSeconds", DEFAULT_DEDUPE_TTL_SECONDS);
  const verifyOptions = { maxBodyBytes };
  if (options.toleranceSeconds !== undefined) verifyOptions.toleranceSeconds = options.toleranceSeconds;
  if (options.tokenParam !== undefined) verifyOptions.tokenParam = options.tokenParam;
  if (secret === undefined || (Array.isArray(secret) && secret.length === 0)) {
    throw new HookproofSetupError("options.secret is missing (is the environment variable set?)");
  }
  const secrets = Array.isArray(secret) ? secret : [secret];
  // Throws WebhookError (unknown_provider, invalid_secret, ...) now, not per request.
  const verifier = new Verifier(provider, secret, verifyOptions);
  const providerLabel = typeof provider === "string" ? provider : (provider?.name ?? "declared");
  const builtInChallenge = typeof provider === "string" ? BUILT_IN_CHALLENGES[provider] : undefined;

  function report(fields) {
    try {
      onError({ provider: providerLabel, ...fields });
    } catch (error) {
      console.error(`hookproof: onError threw: ${describeError(error)}`);
    }
  }

  /**
   * One delivery. `request`: `{ headers, url?, body }` where body is the raw bytes (or a
   * string exactly as received), or null when more than maxBodyBytes arrived; `native` is
   * the framework's own request, handed to the handler as context.request. Resolves to
   * `{ status, headers, body }` with body a string; never rejects.
   */
  async function handle({ headers, url, body, native }) {
    if (body === null) {
      report({ stage: "verify", status: 413, code: "body_too_large", error: new WebhookError("body_too_large", `the body is larger than ${maxBodyBytes} bytes (maxBodyBytes)`), explain: () => null });
      return json(413, { error: "body_too_large" });
    }
    const delivery = { headers, body, url };
    let event;
    try {
      event = verifier.verify(delivery);
    } catch (error) {
      const status = error instanceof WebhookError ? (STATUS_OF_CODE[error.code] ?? 500) : 500;
      const code = error instanceof WebhookError && status !== 500 ? error.code : "internal_error";
      // explain() re-hashes the body many times: only when the hook asks for it.
      report({ stage: "verify", status, code, error, explain: () => explain(provider, delivery, secret, verifyOptions) });
      return json(status, { error: code });
    }
    const context = { request: native, secrets, provider: providerLabel };
    try {
      // Yours first; then the answer the package computed for a provider's handshake
      // (event.challenge, where the package declares one); then the table above.
      const handshake = (await challenge?.(event, context)) ?? packageChallenge(event) ?? (await builtInChallenge?.(event, context)) ?? null;
      if (handshake !== null) return answerOf(handshake);
    } catch (error) {
      report({ stage: "challenge", status: 500, code: "internal_error", error, event });
      return json(500, { error: "internal_error" });
    }

    const key = `${providerLabel}:${event.dedupeKey}`;
    if (store !== null) {
      let seen;
      try {
        seen = await store.hasOrSet(key, dedupeTtlSeconds);
      } catch (error) {
        // Without the store's word, answer 500: the provider retries later.
        report({ stage: "store", status: 500, code: "internal_error", error, event });
        return json(500, { error: "internal_error" });
      }
      if (seen) return json(200, { duplicate: true });
    }
    let result;
    try {
      result = await handler(event, context);
    } catch (error) {
      if (store !== null) {
        // Released, so that the provider's retry of this event is processed.
        try {
          await store.delete(key);
        } catch (deleteError) {
          report({ stage: "store", status: 500, code: "internal_error", error: deleteError, event });
        }
      }
      report({ stage: "handler", status: 500, code: "internal_error", error, event });
      return json(500, { error: "internal_error" });
    }
    return result === undefined || result === null ? json(200, { received: true }) : answerOf(result);
  }

  /**
   * The answer when the adapter could not read the delivery: a HookproofSetupError (the
   * body already parsed: its message names the fix) or the body stream failing. 500, no detail.
   */
  function setupFailure(error) {
    report({ stage: error instanceof HookproofSetupError ? "setup" : "read", status: 500, code: "internal_error", error });
    return json(500, { error: "internal_error" });
  }

  return { handle, setupFailure, maxBodyBytes, provider: providerLabel, verifier };
}

// A handler's (or challenge's) own answer: { status = 200, body, headers }, body an object
// (sent as JSON), a string (sent as is) or absent ({ received: true }; nothing for 204).
function answerOf(answer) {
  if (answer === null || typeof answer !== "object") return json(200, { received: true });
  const status = typeof answer.status === "number" ? answer.status : 200;
  if (typeof answer.body === "string") {
    return { status, headers: { "content-type": "text/plain; charset=utf-8", ...answer.headers }, body: answer.body };
  }
  if (answer.body === undefined) {
    return status === 204 || status === 304 ? { status, headers: { ...answer.headers }, body: "" } : json(status, { received: true }, answer.headers);
  }
  return json(status, answer.body, answer.headers);
}
