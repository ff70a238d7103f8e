// workerd runner: the loop runs inside the Worker (wrangler dev); GET /bench answers the
// JSON report. workerd's clock ticks in whole milliseconds, so batches are long.
import * as nodeCrypto from "node:crypto";
import { Buffer } from "node:buffer";
import { Webhook } from "standardwebhooks";
import * as hookproof from "../../pkg/workerd.js";
// The entry's own copy of the API module, to force verifyRequest's hash.
import { setNativeFrom, setWebCryptoFrom } from "../../pkg/api.js";
import { runAll, wasmHashThroughput } from "./harness.mjs";

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname !== "/bench") return new Response("ok");
    const quick = url.searchParams.has("quick");
    const now = Math.floor(Date.now() / 1000);
    const memoryBefore = hookproof.memoryBytes();
    const rows = await runAll(
      { nodeCrypto, Buffer, subtle: crypto.subtle, hookproof, setWebCryptoFrom, setNativeFrom, Webhook, now },
      quick ? { rounds: 3, batchMs: 20, sizes: [256, 4096] } : { rounds: 7, batchMs: 60 },
    );
    const hashMBps = wasmHashThroughput(hookproof, setNativeFrom);
    return Response.json({ runtime: "workerd", rows, hashMBps, memoryBefore, memoryAfter: hookproof.memoryBytes() });
  },
};
