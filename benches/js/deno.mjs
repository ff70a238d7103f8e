// Deno runner (`deno run`): prints one JSON report on stdout.
import * as nodeCrypto from "node:crypto";
import { Buffer } from "node:buffer";
import { Webhook } from "standardwebhooks";
import { runAll, wasmHashThroughput } from "./harness.mjs";

const quick = Deno.args.includes("--quick");
const loadStart = performance.now();
const hookproof = await import("../../pkg/inline.js");
await hookproof.ready();
const coldStartMs = performance.now() - loadStart;
// The entry's own copy of the API module (same URL), to force verifyRequest's hash.
const { setNativeFrom, setWebCryptoFrom } = await import("../../pkg/api.js");

const now = Math.floor(Date.now() / 1000);
const memoryBefore = hookproof.memoryBytes();
const rows = await runAll(
  { nodeCrypto, Buffer, subtle: crypto.subtle, hookproof, setWebCryptoFrom, setNativeFrom, Webhook, now },
  quick ? { rounds: 3, batchMs: 5, sizes: [256, 4096] } : { rounds: 7 },
);
const hashMBps = wasmHashThroughput(hookproof, setNativeFrom);
console.log(JSON.stringify({ runtime: `Deno ${Deno.version.deno} (V8 ${Deno.version.v8})`, rows, hashMBps, coldStartMs, memoryBefore, memoryAfter: hookproof.memoryBytes() }));
