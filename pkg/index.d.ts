// Types of the hookproof API. Payload shapes mirror the Rust types in src/providers/*.rs,
// field for field; the core has checked every delivery against them before it returns.
// g2sentry, contentspal and sir payloads are the body's JSON as sent (so an optional field
// is absent when the provider left it out, and fields added later are kept beyond these
// types); gengo's is the Rust type's serialization (absent fields are null). An optional
// field is typed `?: T | null`.

export type Provider = "g2sentry" | "contentspal" | "sir" | "gengo";

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

/** Values the provider may add later arrive as sent, hence the `string & {}` arm. */
type Open<T extends string> = T | (string & {});

export namespace g2sentry {
  type EventType = Open<"JobAssigned" | "JobStarted" | "JobCompleted" | "JobWithdrawed" | "NewJob" | "JobGuardianRate" | "JobClientRate">;
  type JobStatus = Open<"New" | "Assigned" | "InProgress" | "Completed" | "Canceled">;
  interface Payload {
    jobId: number;
    eventType: EventType;
    jobName?: string | null;
    jobStatus: JobStatus;
    guardianPhone?: string | null;
  }
}

export namespace contentspal {
  type EventType = Open<"job.created" | "job.updated" | "job.deleted">;
  interface Customer { name?: string | null; email?: string | null; phone?: string | null }
  interface Insurance {
    claimNumber?: string | null; company?: string | null; lossType?: string | null; policyNumber?: string | null;
    agent?: string | null; phone?: string | null; email?: string | null;
  }
  interface Job {
    id: string; name?: string | null; status?: string | null; customer?: Customer | null; insurance?: Insurance | null;
    ownerUserId?: string | null; createdAt?: string | null; updatedAt?: string | null;
  }
  interface Change { field: string; oldValue: unknown; newValue: unknown }
  interface Payload {
    event: EventType;
    timestamp: string;
    organizationId: string;
    job: Job;
    changes?: Change[] | null;
  }
}

export namespace sir {
  type EventType = Open<
    | "action.completed" | "action.failed" | "action.reversed"
    | "transaction.completed" | "transaction.reversed"
    | "redemption.approved" | "redemption.rejected" | "redemption.completed"
    | "token_pool.low_balance" | "token_pool.depleted" | "token_pool.refilled"
    | "token_pool_request.approved" | "token_pool_request.rejected"
    | "user.created" | "user.upgraded"
    | "campaign.activated" | "campaign.paused" | "campaign.completed" | "campaign.budget_reached"
    | "bulk_job.started" | "bulk_job.completed" | "bulk_job.failed"
    | "partner.status_changed" | "api_key.expiring"
  >;
  interface ActionCompleted { actionId: string; tokensDistributed: number }
  interface Ping { type: string; message?: string | null; webhookId?: string | null; timestamp?: string | null }
  interface Envelope {
    id: string | null;
    type: EventType;
    createdAt?: string | null;
    /** Typed for action.completed and the test ping; any other data as sent. */
    data: ActionCompleted | Ping | unknown;
  }
  /** The envelope, or a bare `{"type":"ping",…}` test body. */
  type Payload = Envelope | Ping;
}

export namespace gengo {
  type Status = Open<"queued" | "available" | "pending" | "reviewable" | "approved" | "revising" | "rejected" | "canceled" | "hold">;
  interface Job {
    job_id: number; order_id?: number | null; slug?: string | null; body_src?: string | null; body_tgt?: string | null;
    lc_src?: string | null; lc_tgt?: string | null; unit_count?: number | null; unit_type?: string | null; tier?: string | null;
    credits?: number | null; currency?: string | null; status: Status;
    /** Seconds to completion; null when Gengo sends "" or -1. */
    eta: number | null;
    ctime?: number | null; callback_url?: string | null; auto_approve: boolean; custom_data?: string | null;
    file_url_src?: string | null; file_url_tgt?: string | null; preview_url?: string | null; captcha_url?: string | null;
  }
  interface Comment { job_id: number; body: string; ctime: number; custom_data?: string | null }
  type Payload = Job | Comment | null;
}

export interface PayloadOf {
  g2sentry: g2sentry.Payload;
  contentspal: contentspal.Payload;
  sir: sir.Payload;
  gengo: gengo.Payload;
}

export interface WebhookEvent<P extends Provider = Provider> {
  provider: P;
  /** g2sentry eventType, contentspal event, sir type, gengo "job" or "comment". */
  type: string;
  /** The provider's delivery id where it sends one (sir's envelope id). */
  id: string | null;
  /** Equal for every redelivery of one event: store it to drop duplicates. */
  dedupeKey: string;
  payload: PayloadOf[P];
}

export type ErrorCode =
  | "unknown_provider" | "invalid_secret" | "body_too_large" | "missing_signature"
  | "malformed_signature" | "signature_mismatch" | "missing_timestamp"
  | "malformed_timestamp" | "timestamp_too_old" | "timestamp_in_future"
  | "malformed_body" | "invalid_payload"
  /** An argument of the wrong type or shape (JS layer only). */
  | "invalid_argument"
  /** The WebAssembly module is not initialised yet: `await ready()` (browsers only). */
  | "not_ready";

export class WebhookError extends Error {
  readonly code: ErrorCode;
}

export interface Hint { code: string; message: string }

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
/** Empty when the delivery verifies; otherwise the error, then likely causes. */
export function explain(provider: Provider, delivery: Delivery, secret: Secret | Secret[], options?: VerifyOptions): Hint[];

export class Verifier<P extends Provider = Provider> {
  /** Prepares the keys once. Throws WebhookError. */
  constructor(provider: P, secret: Secret | Secret[], options?: VerifyOptions);
  verify(delivery: Delivery, options?: { now?: number }): WebhookEvent<P>;
  /** Releases the keys now rather than at garbage collection. */
  free(): void;
}

/** Resolves when the module is usable; immediately everywhere but engines that refuse a synchronous compile. */
export function ready(): Promise<void>;

/** Size of the WebAssembly memory in bytes, for leak checks. */
export function memoryBytes(): number;
