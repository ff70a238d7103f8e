// Cloudflare Workers (workerd): it forbids compiling wasm from bytes at run time, but a
// `.wasm` import is compiled at deploy time and arrives as a WebAssembly.Module. wrangler
// bundles this with no configuration.
import wasmModule from "./dist/hookproof_bg.wasm";
import { initSync } from "./dist/hookproof.js";
import { setInstance } from "./api.js";

setInstance(initSync({ module: wasmModule }));

export { verify, parse, verifyRequest, sign, explain, Verifier, WebhookError, memoryBytes } from "./api.js";
export const ready = () => Promise.resolve();
