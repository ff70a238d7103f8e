// hookproof/sveltekit: a SvelteKit endpoint (src/routes/.../+server.js).
//
//   import { webhook } from "hookproof/sveltekit";
//   export const POST = webhook({ provider: "sir", secret: env.SIR_SECRET, handler: async (event, { request: requestEvent }) => { ... } });
import { HookproofSetupError } from "./core.js";
import { routeWebhook } from "./fetch-route.js";

export { HookproofSetupError };

/** `(event) => Promise<Response>` where event.request is the Fetch Request; the handler's context.request is that event. */
export const webhook = routeWebhook;
