// hookproof/next: a Next.js App Router route handler (app/.../route.js). Route handlers get
// the Request with its body unread, so the exact bytes are there.
//
//   // app/webhooks/sir/route.js
//   import { webhook } from "hookproof/next";
//   export const POST = webhook({ provider: "sir", secret: process.env.SIR_SECRET, handler: async (event) => { ... } });
import { createWebhookCore, HookproofSetupError } from "./core.js";
import { handleFetchRequest } from "./fetch.js";

export { HookproofSetupError };

/** `POST(request, context) => Promise<Response>`; the handler's context.request is the NextRequest. */
export function webhook(options) {
  const core = createWebhookCore(options);
  return (request) => handleFetchRequest(core, request);
}
