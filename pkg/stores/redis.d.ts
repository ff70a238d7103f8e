import type { DedupeStore } from "../adapters/core.js";
/** Dedupe keys in Redis with SET NX EX, through a connected `redis` or `ioredis` client. */
export function redisStore(client: { set(...args: any[]): Promise<unknown>; del(...args: any[]): Promise<unknown> }, options?: { prefix?: string }): DedupeStore;
