// Node (ESM `import` and, through require(esm), `require`): read the module next to
// this file and instantiate it synchronously.
import { readFileSync } from "node:fs";
import { initSync } from "./dist/hookproof.js";
import { setInstance } from "./api.js";

setInstance(initSync({ module: readFileSync(new URL("./dist/hookproof_bg.wasm", import.meta.url)) }));

export { verify, parse, verifyRequest, sign, explain, detectProvider, signedBytes, providers, getChallengeAnswer, Verifier, WebhookError, memoryBytes } from "./api.js";
export const ready = () => Promise.resolve();
