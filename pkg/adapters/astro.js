// hookproof/astro: an Astro API route (src/pages/....js) on an SSR adapter.
//
//   import { webhook } from "hookproof/astro";
//   export const prerender = false;
//   export const POST = webhook({ provider: "sir", secret: import.meta.env.SIR_SECRET, handler: async (event) => { ... } });
import { HookproofSetupError } from "./core.js";
import { routeWebhook } from "./fetch-route.js";

export { HookproofSetupError };

/** `(event) => Promise<Response>` where event.request is the Fetch Request; the handler's context.request is that event. */
export const webhook = routeWebhook;
