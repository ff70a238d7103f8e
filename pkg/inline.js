// Browsers, bundlers and Deno: the module's bytes are embedded in this package, so there
// is nothing to fetch and no file permission to ask for, and initialisation is synchronous
// wherever the engine compiles synchronously (Chromium, Firefox, Deno do for this size).
// An engine that refuses gets an asynchronous compile instead: then `await ready()`
// before the first call, or calls throw WebhookError("not_ready").
import { wasmBase64 } from "./dist/hookproof_bg.wasm.js";
import init, { initSync } from "./dist/hookproof.js";
import { setInstance, setNotReady } from "./api.js";

function decode(base64) {
  // Native where the engine has it (Chromium 140+, Firefox 133+, Safari 18.2+, recent V8s).
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

const bytes = decode(wasmBase64);
let pending;
try {
  setInstance(initSync({ module: bytes }));
  pending = Promise.resolve();
} catch (syncError) {
  setNotReady(
    `hookproof's WebAssembly module is still compiling (this engine refused a synchronous compile: ${syncError.message}); await ready() before the first call`,
  );
  pending = init({ module_or_path: bytes }).then(setInstance, (error) => {
    setNotReady(`hookproof's WebAssembly module failed to load: ${error.message}`);
    throw error;
  });
}

/** Resolves once the module is usable (at once where it compiled synchronously). */
export const ready = () => pending;

export { verify, parse, verifyRequest, sign, explain, detectProvider, signedBytes, providers, getChallengeAnswer, Verifier, WebhookError, memoryBytes } from "./api.js";
