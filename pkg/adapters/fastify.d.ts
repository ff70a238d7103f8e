import type { Provider } from "hookproof";
import type { WebhookOptions } from "./core.js";
export type { WebhookOptions, DedupeStore, Answer, ErrorReport, HandlerContext } from "./core.js";
export { HookproofSetupError } from "./core.js";

export interface WebhookPluginOptions<P extends Provider> extends WebhookOptions<P, any> {
  /** The route's path; default "/". */
  path?: string;
  /** Default "POST". */
  method?: string;
}

/** `app.register(webhookPlugin, { path, provider, secret, handler })`: a route with its own raw-bytes parser. */
export function webhookPlugin<P extends Provider>(fastify: any, options: WebhookPluginOptions<P>): Promise<void>;
/** A route handler for a context whose parser keeps bodies as Buffers. */
export function webhookRoute<P extends Provider>(options: WebhookOptions<P, any>): (request: any, reply: any) => Promise<unknown>;
