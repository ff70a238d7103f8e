// Types of the hookproof API, written by hand; the payload types are generated from the
// Rust types in src/providers/*.rs (below). The core has checked every delivery against
// them before it returns.
// g2sentry, contentspal and sir payloads are the body's JSON as sent (so an optional field
// is absent when the provider left it out, and fields added later are kept beyond these
// types); gengo's is the Rust type's serialization (absent fields are null). An optional
// field is typed `?: T | null`.

export type HeadersLike =
  | Headers
  | Record<string, string | string[] | undefined>
  | Iterable<[string, string]>;

export interface Delivery {
  headers: HeadersLike;
  /** The raw body as received: signatures cover exactly these bytes. */
  body: Uint8Array | ArrayBuffer | string;
  /** The request URL (absolute, or path and query); gengo's token is read from it. */
  url?: string;
}

export interface VerifyOptions {
  /** Unix seconds; default: the current time. */
  now?: number;
  /** sir replay window in seconds, either direction; default 300. */
  toleranceSeconds?: number;
  /** Larger bodies are refused before any work; default 1 MiB. */
  maxBodyBytes?: number;
  /** gengo's URL token parameter; default "token". */
  tokenParam?: string;
}

export type Secret = string | Uint8Array;

// Generated from the Rust types (src/typescript.rs, ts-rs) by `make pkg`: `Provider` and
// `PayloadOf`/`EventOf` from the registry, one namespace of payload and event types per provider, and the
// core's error codes. A string enum's type lists the known values and also admits any
// other string: a provider may add values.
import type { CoreErrorCode, EventOf, Provider } from "./dist/types.js";
export type * from "./dist/types.js";

/**
 * A verified event: `{ provider, type, id, dedupeKey, payload }`. For one provider it is a
 * union discriminated by `type`: comparing `event.type` with a literal narrows `payload`
 * (SIR's `action.completed` to `data: { actionId, tokensDistributed }`, Gengo's `job` to a
 * job, ContentsPal's `changes` to `job.updated`), and editors complete the event names.
 *
 * Only the types this version knows are in the union. A provider may add types, and such
 * an event is still delivered at run time: it reaches the `default:` branch of a `switch`
 * on `event.type` (where TypeScript types it `never`; read it as `UnknownEvent<P>`).
 */
export type WebhookEvent<P extends Provider = Provider> = EventOf[P];

/** An event of a type this version does not know, as it arrives in a `default:` branch. */
export interface UnknownEvent<P extends Provider = Provider> {
  provider: P;
  type: string;
  /** The provider's delivery id where it sends one (sir's envelope id). */
  id: string | null;
  /** Equal for every redelivery of one event: store it to drop duplicates. */
  dedupeKey: string;
  payload: unknown;
}

export type ErrorCode =
  /** The core's codes, generated from Rust's `ErrorCode`. */
  | CoreErrorCode
  /** An argument of the wrong type or shape (JS layer only). */
  | "invalid_argument"
  /** The WebAssembly module is not initialised yet: `await ready()` (browsers only). */
  | "not_ready";

export class WebhookError extends Error {
  readonly code: ErrorCode;
}

/** One likely cause of a failure (`code` is stable; the README lists every code). */
export interface Hint { code: string; message: string }

/** What `explain` found. */
export interface Diagnosis {
  /** Why verification refused the delivery; null when it verifies. */
  error: { code: ErrorCode; message: string } | null;
  /** Likely causes, most likely first: confirmed by a signature re-check, then visible mistakes, then generic advice. */
  causes: Hint[];
}

export interface SignOptions { timestamp?: number; url?: string; tokenParam?: string }

export interface Signed {
  headers: Record<string, string>;
  body: string | Uint8Array;
  url?: string;
}

/** Proves a delivery genuine, then decodes it. Throws WebhookError. */
export function verify<P extends Provider>(provider: P, delivery: Delivery, secret: Secret | Secret[], options?: VerifyOptions): WebhookEvent<P>;
/** Decodes without any check (tests, inspectors). Throws WebhookError. */
export function parse<P extends Provider>(provider: P, delivery: Delivery, options?: VerifyOptions): WebhookEvent<P>;
/**
 * Reads the request body once, as bytes, and verifies it with `url = request.url`. Large
 * bodies are hashed with Web Crypto (same checks, same verdicts as `verify`).
 */
export function verifyRequest<P extends Provider>(provider: P, request: Request, secret: Secret | Secret[], options?: VerifyOptions): Promise<WebhookEvent<P>>;
/** Signs a test delivery as the provider would. */
export function sign(provider: Provider, body: string | Uint8Array | ArrayBuffer | object, secret: Secret, options?: SignOptions): Signed;
/**
 * Diagnoses a delivery: `{ error: null, causes: [] }` when it verifies, else the refusal and
 * its likely causes, most likely first. Off the verification path (it hashes the body up
 * to ~45 times per secret); log its output, never send it back to the caller.
 */
export function explain(provider: Provider, delivery: Delivery, secret: Secret | Secret[], options?: VerifyOptions): Diagnosis;
/** The exact bytes the provider's HMAC covers (SIR: `<timestamp>.<body>`), or null for gengo. Throws WebhookError. */
export function signedBytes(provider: Provider, delivery: Delivery): Uint8Array | null;
/** The provider whose headers (or Gengo form body) the delivery carries, or null. */
export function detectProvider(delivery: { headers?: HeadersLike; body?: Uint8Array | ArrayBuffer | string }): Provider | null;

export class Verifier<P extends Provider = Provider> {
  /** Prepares the keys once. Throws WebhookError. */
  constructor(provider: P, secret: Secret | Secret[], options?: VerifyOptions);
  verify(delivery: Delivery, options?: { now?: number }): WebhookEvent<P>;
  /** Releases the keys now rather than at garbage collection; their wasm memory is wiped. */
  free(): void;
  /** `using verifier = new Verifier(…)` frees it when the block ends. */
  [Symbol.dispose](): void;
}

/** Resolves when the module is usable; immediately everywhere but engines that refuse a synchronous compile. */
export function ready(): Promise<void>;

/** Size of the WebAssembly memory in bytes, for leak checks. */
export function memoryBytes(): number;
