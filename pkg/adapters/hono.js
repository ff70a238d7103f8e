// hookproof/hono: a Hono handler (Node through @hono/node-server, Deno, Bun, Workers).
// It reads c.req.raw's bytes itself, so no validator or c.req.json() may run before it.
//
//   app.post("/webhooks/sir", webhook({ provider: "sir", secret: env.SIR_SECRET, handler }));
import { createWebhookCore, HookproofSetupError } from "./core.js";
import { handleFetchRequest } from "./fetch.js";

export { HookproofSetupError };

/**
 * `(c) => Promise<Response>` for one provider's endpoint. The handler's context has
 * `request` = Hono's Context `c` (c.env, c.var, ...).
 */
export function webhook(options) {
  const core = createWebhookCore(options);
  return (c) => handleFetchRequest(core, c.req.raw, c);
}
