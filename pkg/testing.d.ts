import type { Provider, Secret } from "hookproof";

export interface SignedRequestOptions {
  /** The endpoint; default http://localhost/webhook. gengo's token is added to its query. */
  url?: string;
  /** Unix seconds to sign at; default now. */
  timestamp?: number;
  /** Extra headers, after the signed ones (so they may replace them). */
  headers?: Record<string, string>;
  /** Change one body byte after signing: the endpoint must refuse it. */
  tamper?: boolean;
  contentType?: string;
}

export interface SignedDelivery {
  method: "POST";
  url: string;
  /** Path and query, for supertest-style `post(path)`. */
  path: string;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** A delivery signed as `provider` signs it, as plain parts (Node-style tests). */
export function signedDelivery(provider: Provider, body: string | Uint8Array | object, secret: Secret, options?: SignedRequestOptions): SignedDelivery;
/** The same delivery as a Fetch Request (Fetch-style apps: Hono's app.fetch, Workers, Next route handlers). */
export function signedRequest(provider: Provider, body: string | Uint8Array | object, secret: Secret, options?: SignedRequestOptions): Request;
