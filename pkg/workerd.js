// Cloudflare Workers (workerd): it forbids compiling wasm from bytes at run time, but a
// `.wasm` import is compiled at deploy time and arrives as a WebAssembly.Module. wrangler
// bundles this with no configuration.
import wasmModule from "./dist/hookproof_bg.wasm";
import { initSync } from "./dist/hookproof.js";
import { setInstance, setWebCryptoFrom } from "./api.js";

setInstance(initSync({ module: wasmModule }));

// workerd's Web Crypto answers with less latency than Node's or Deno's: verifyRequest
// gains from it from 16 KB (BENCHMARKS.md), not 64 KB.
setWebCryptoFrom(16384);

export { verify, parse, verifyRequest, sign, explain, detectProvider, signedBytes, providers, getChallengeAnswer, Verifier, WebhookError, memoryBytes } from "./api.js";
export const ready = () => Promise.resolve();
