// Cloudflare Workers (workerd): it forbids compiling wasm from bytes at run time, but a
// `.wasm` import is compiled at deploy time and arrives as a WebAssembly.Module. wrangler
// bundles this with no configuration.
import wasmModule from "./dist/hookproof_bg.wasm";
import { initSync } from "./dist/hookproof.js";
import { setInstance, setWebCryptoFrom } from "./api.js";

setInstance(initSync({ module: wasmModule }));

// workerd: its Web Crypto is cheap to call; it overtakes the wasm hash between 1 and 4 KB.
setWebCryptoFrom(2048);

export { verify, parse, verifyRequest, sign, explain, Verifier, WebhookError, memoryBytes } from "./api.js";
export const ready = () => Promise.resolve();
