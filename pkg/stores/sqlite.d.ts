import type { DedupeStore } from "../adapters/core.js";
/** Dedupe keys in a SQLite table of `db` (better-sqlite3, node:sqlite or bun:sqlite); created if missing. */
export function sqliteStore(db: { prepare(sql: string): any; exec(sql: string): any; transaction?: any }, options?: { table?: string; now?: () => number }): DedupeStore;
