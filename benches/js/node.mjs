// Node runner: prints one JSON report on stdout.
import * as nodeCrypto from "node:crypto";
import { Buffer } from "node:buffer";
import { Webhook } from "standardwebhooks";
import { runAll, wasmHashThroughput } from "./harness.mjs";

const quick = process.argv.includes("--quick");
// Cold start: importing the entry compiles and instantiates the module synchronously.
const loadStart = performance.now();
const hookproof = await import("../../pkg/node.js");
const coldStartMs = performance.now() - loadStart;
// The entry's own copy of the API module (same URL), to force verifyRequest's hash.
const { setNativeFrom, setWebCryptoFrom } = await import("../../pkg/api.js");

const now = Math.floor(Date.now() / 1000);
const memoryBefore = hookproof.memoryBytes();
const rows = await runAll(
  { nodeCrypto, Buffer, subtle: globalThis.crypto.subtle, hookproof, setWebCryptoFrom, setNativeFrom, Webhook, now },
  quick ? { rounds: 3, batchMs: 5, sizes: [256, 4096] } : { rounds: 7 },
);
const hashMBps = wasmHashThroughput(hookproof, setNativeFrom);
console.log(JSON.stringify({ runtime: `Node ${process.versions.node}`, rows, hashMBps, coldStartMs, memoryBefore, memoryAfter: hookproof.memoryBytes() }));
