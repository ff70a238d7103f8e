import type { DedupeStore } from "../adapters/core.js";
/** Dedupe keys in this process's memory (lost on restart, not shared). `maxKeys` default 100 000. */
export function memoryStore(options?: { maxKeys?: number; now?: () => number }): DedupeStore;
