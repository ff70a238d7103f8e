import type { DedupeStore } from "../adapters/core.js";

/** The Durable Object class (SQLite storage) to export from your Worker and bind. */
export class HookproofDedupe {
  constructor(ctx: any, env: any);
  hasOrSet(key: string, ttlSeconds: number): boolean;
  delete(key: string): void;
}
/** Exact dedupe over the HookproofDedupe binding; `shards` spreads keys over several objects. */
export function durableObjectStore(namespace: any, options?: { name?: string; shards?: number }): DedupeStore;
/** Approximate dedupe over Workers KV (eventually consistent, no compare-and-set). */
export function kvStore(kv: any, options?: { prefix?: string }): DedupeStore;
