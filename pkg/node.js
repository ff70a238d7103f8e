// Node (ESM `import` and, through require(esm), `require`): read the module next to
// this file and instantiate it synchronously.
import { readFileSync } from "node:fs";
import { initSync } from "./dist/hookproof.js";
import { setInstance, setWebCryptoFrom } from "./api.js";

setInstance(initSync({ module: readFileSync(new URL("./dist/hookproof_bg.wasm", import.meta.url)) }));

// In Node, verifyRequest's Web Crypto path only breaks even with the wasm hash at 64 KB
// (its async hops are slow here, and vary with load) and wins at 1 MB (BENCHMARKS.md);
// 128 KB keeps a margin.
setWebCryptoFrom(131072);

export { verify, parse, verifyRequest, sign, explain, Verifier, WebhookError, memoryBytes } from "./api.js";
export const ready = () => Promise.resolve();
