import type { Diagnosis, Provider, Secret, Verifier, WebhookEvent, WebhookError } from "hookproof";

/** What Verifier takes as its provider: a name, or (where the package supports them) a declared scheme. */
export type ProviderOrScheme = ConstructorParameters<typeof Verifier>[0];

/** A dedupe store: `hasOrSet` resolves true when the key was already there (a redelivery). */
export interface DedupeStore {
  hasOrSet(key: string, ttlSeconds: number): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** What a handler or a challenge may answer; a string body is sent as text/plain, an object as JSON. */
export interface Answer {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface HandlerContext<Native> {
  /** The framework's own request (Express `req`, Fastify `request`, Hono `c`, the Fetch Request, `{ event, context }` for Lambda). */
  request: Native;
  /** The secrets the endpoint verifies with, as given. */
  secrets: Secret[];
  provider: string;
}

/** Reported to `onError`: refusals (stage "verify"), wiring mistakes ("setup"), failures. */
export interface ErrorReport {
  provider: string;
  stage: "verify" | "setup" | "read" | "challenge" | "store" | "handler";
  status: number;
  /** What the answer said: a hookproof error code, or "internal_error". */
  code: string;
  error: unknown;
  event?: WebhookEvent;
  /** For stage "verify": explain()'s diagnosis (computed on call: it re-hashes the body). Log it; never send it back. */
  explain?: () => Diagnosis | null;
}

export interface WebhookOptions<P extends Provider, Native> {
  /** A provider name (or a declared scheme, as `Verifier` takes it). */
  provider: P | ProviderOrScheme;
  /** One secret, or several during a rotation. */
  secret: Secret | Secret[];
  handler: (event: WebhookEvent<P>, context: HandlerContext<Native>) => void | Answer | Promise<void | Answer>;
  store?: DedupeStore;
  /** How long a dedupe key is kept; default 7 days. */
  dedupeTtlSeconds?: number;
  /** Larger bodies get 413 and are not read further; default 1 MiB. */
  maxBodyBytes?: number;
  toleranceSeconds?: number;
  tokenParam?: string;
  /** A handshake answer for a verified delivery, or null to go on to the handler. */
  challenge?: (event: WebhookEvent<P>, context: HandlerContext<Native>) => Answer | null | undefined | Promise<Answer | null | undefined>;
  /** Default: one console line with the status and code. */
  onError?: (report: ErrorReport) => void;
}

/** A wiring mistake (the body already parsed, a bad option); the message names the fix. */
export class HookproofSetupError extends Error {
  readonly code: "setup_error";
}

export interface CoreAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const STATUS_OF_CODE: Readonly<Record<string, number>>;
export const BUILT_IN_CHALLENGES: Readonly<Record<string, unknown>>;

export interface WebhookCore {
  handle(request: { headers?: unknown; url?: string; body: Uint8Array | string | null; native?: unknown }): Promise<CoreAnswer>;
  setupFailure(error: unknown): CoreAnswer;
  readonly maxBodyBytes: number;
  readonly provider: string;
}

/** The framework-independent endpoint the adapters share; build your own adapter on it. */
export function createWebhookCore<P extends Provider>(options: WebhookOptions<P, unknown>): WebhookCore;
export type { WebhookError };
