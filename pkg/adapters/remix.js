// hookproof/remix: a React Router v7 (or Remix) resource route's action.
//
//   // app/routes/webhooks.sir.js  (no default export: a resource route)
//   import { webhook } from "hookproof/remix";
//   export const action = webhook({ provider: "sir", secret: process.env.SIR_SECRET, handler: async (event) => { ... } });
import { HookproofSetupError } from "./core.js";
import { routeWebhook } from "./fetch-route.js";

export { HookproofSetupError };

/** `(event) => Promise<Response>` where event.request is the Fetch Request; the handler's context.request is that event. */
export const webhook = routeWebhook;
