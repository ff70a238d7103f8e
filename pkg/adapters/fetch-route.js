// The route-handler shape shared by SvelteKit, React Router / Remix and Astro: the handler
// gets an event or context object whose `request` is a Fetch Request, and returns a Response.
import { createWebhookCore } from "./core.js";
import { handleFetchRequest } from "./fetch.js";

export function routeWebhook(options) {
  const core = createWebhookCore(options);
  return (event) => handleFetchRequest(core, event.request, event);
}
