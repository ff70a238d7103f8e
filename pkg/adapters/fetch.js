// hookproof/fetch: any runtime whose handlers take a Fetch Request and return a Response
// (Cloudflare Workers, Deno.serve, Bun.serve, Node through @hono/node-server or undici).
//
//   import { webhook } from "hookproof/fetch";
//   export default { fetch: webhook({ provider: "sir", secret: env.SIR_SECRET, handler: async (event) => { ... } }) };
import { createWebhookCore, HookproofSetupError } from "./core.js";
import { readFetchBody, toResponse } from "./body.js";

export { HookproofSetupError };

/** The core's handling of one Fetch Request (shared by the Fetch-based adapters). */
export async function handleFetchRequest(core, request, native = request) {
  if (request.bodyUsed) {
    const error = new HookproofSetupError(
      "hookproof: the request body was already read (request.json(), request.text(), a body parser or a validator) before hookproof's handler got it, so the bytes the provider signed are gone. Give hookproof's handler the request before anything reads its body.",
    );
    return toResponse(core.setupFailure(error));
  }
  const body = await readFetchBody(request, core.maxBodyBytes);
  return toResponse(await core.handle({ headers: request.headers, url: request.url, body, native }));
}

/** `(request) => Promise<Response>` for one provider's endpoint. Options: see README. */
export function webhook(options) {
  const core = createWebhookCore(options);
  return (request) => handleFetchRequest(core, request);
}
