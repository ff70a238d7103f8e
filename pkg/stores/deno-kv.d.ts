import type { DedupeStore } from "../adapters/core.js";
/** Dedupe keys in Deno KV with an atomic check-and-set (`await Deno.openKv()`). */
export function denoKvStore(kv: any, options?: { prefix?: unknown[]; now?: () => number }): DedupeStore;
