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
  /** The request URL (absolute, or path and query): signed by twilio, square and hubspot; gengo's token is read from it. */
  url?: string;
  /** The request method (`POST`): signed by hubspot. */
  method?: string;
}

/** Other names of providers (`svix`, `clerk` and `resend` are Standard Webhooks). */
export type ProviderAlias = "svix" | "clerk" | "resend";

/**
 * A scheme declared as data, for a provider hookproof does not ship: the same model the
 * built-in providers are written in (README, "Schemes you declare"). Checked when used: an
 * impossible one is an `invalid_argument` naming the field.
 */
export interface SchemeDeclaration {
  name: string;
  proof:
    | { signature: SignatureDeclaration }
    | { token: "query" | "basic" | { header: string } };
  timestamp?: { at: Locator; unit: "seconds" | "milliseconds" | "rfc3339"; tolerance?: number };
  event?: { type?: Field; id?: Field; dedupe?: Field };
  challenge?:
    | { echo: { when: Field; equals: string; echo: string } }
    | { fixed: { when: Field; equals: string; answer: string } }
    | "zoom-url-validation";
  content_type?: string;
}
export type Algorithm = "hmac-sha256" | "hmac-sha1" | "hmac-sha512" | "ed25519" | "ecdsa-p256";
export type Locator = { header: string } | { "either-header": [string, string] } | { json: string } | { "signature-field": string };
export type Field = "none" | "body-digest" | { header: string } | { json: string } | { "header-dot-json": [string, string] } | { "json-dot-json": [string, string] } | { "first-json": string[] };
export type Part =
  | "body" | "timestamp" | "url" | "url-any-port" | "method" | "sorted-form"
  | { literal: string } | { header: string } | { json: string } | { "optional-json": string };
export interface SignatureDeclaration {
  algorithm: Algorithm;
  key?: "text" | "hex" | "base64" | "standard-webhooks" | { "base64-after-prefix": string };
  signed: Part[];
  location: Locator;
  syntax?:
    | "bare" | { prefixed: string } | { "optional-prefix": string } | { list: { separator: string; key: string } }
    | { positional: string } | { versioned: { tag: string; algorithm: Algorithm }[] };
  encoding: "hex" | "base64";
}

export interface VerifyOptions {
  /** Unix seconds; default: the current time. */
  now?: number;
  /** Replay window in seconds, either direction; default (300): each provider's documented tolerance. */
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
  /** Where the delivery is the provider's check of the endpoint: the body to answer with. */
  challenge?: string;
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

export interface SignOptions {
  timestamp?: number;
  /** Where a token goes (gengo), or the URL signed (twilio, square, hubspot). */
  url?: string;
  tokenParam?: string;
  /** The method signed (hubspot); default POST. */
  method?: string;
  /** The delivery id signed (standardwebhooks' webhook-id, twitch); default from the body's digest. */
  id?: string;
}

export interface Signed {
  headers: Record<string, string>;
  body: string | Uint8Array;
  url?: string;
}

/** Proves a delivery genuine, then decodes it. Throws WebhookError. */
export function verify<P extends Provider>(provider: P, delivery: Delivery, secret: Secret | Secret[], options?: VerifyOptions): WebhookEvent<P>;
export function verify(provider: ProviderAlias | SchemeDeclaration, delivery: Delivery, secret: Secret | Secret[], options?: VerifyOptions): UnknownEvent<any>;
/** Decodes without any check (tests, inspectors). Throws WebhookError. */
export function parse<P extends Provider>(provider: P, delivery: Delivery, options?: VerifyOptions): WebhookEvent<P>;
export function parse(provider: ProviderAlias | SchemeDeclaration, delivery: Delivery, options?: VerifyOptions): UnknownEvent<any>;
/**
 * Reads the request body once, as bytes, and verifies it with `url = request.url`. Large
 * bodies are hashed with Web Crypto (same checks, same verdicts as `verify`).
 */
export function verifyRequest<P extends Provider>(provider: P, request: Request, secret: Secret | Secret[], options?: VerifyOptions): Promise<WebhookEvent<P>>;
export function verifyRequest(provider: ProviderAlias | SchemeDeclaration, request: Request, secret: Secret | Secret[], options?: VerifyOptions): Promise<UnknownEvent<any>>;
/** Signs a test delivery as the provider would (Ed25519/ECDSA: `secret` is the private key). */
export function sign(provider: Provider | ProviderAlias | SchemeDeclaration, body: string | Uint8Array | ArrayBuffer | object, secret: Secret, options?: SignOptions): Signed;
/**
 * Diagnoses a delivery: `{ error: null, causes: [] }` when it verifies, else the refusal and
 * its likely causes, most likely first. Off the verification path (it hashes the body up
 * to ~45 times per secret); log its output, never send it back to the caller.
 */
export function explain(provider: Provider | ProviderAlias | SchemeDeclaration, delivery: Delivery, secret: Secret | Secret[], options?: VerifyOptions): Diagnosis;
/** The exact bytes the provider's HMAC covers (SIR: `<timestamp>.<body>`), or null for gengo. Throws WebhookError. */
export function signedBytes(provider: Provider | ProviderAlias | SchemeDeclaration, delivery: Delivery): Uint8Array | null;
/** The provider whose headers (or Gengo form body) the delivery carries, or null. */
export function detectProvider(delivery: { headers?: HeadersLike; body?: Uint8Array | ArrayBuffer | string }): Provider | null;

/** The registered providers' canonical names (aliases not included). */
export function providers(): Provider[];
/**
 * The answer to a provider's `GET` check of the endpoint (Meta's `hub.challenge`, X's CRC),
 * or null when the request is not one or (Meta) its verify token is wrong: answer 403.
 */
export function getChallengeAnswer(provider: Provider, url: string, secret: Secret | Secret[]): { contentType: string; body: string } | null;

export class Verifier<P extends Provider = Provider> {
  /** Prepares the keys once. Throws WebhookError. */
  constructor(provider: P | SchemeDeclaration, secret: Secret | Secret[], options?: VerifyOptions);
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
