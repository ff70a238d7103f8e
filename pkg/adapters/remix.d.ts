import type { Provider } from "hookproof";
import type { WebhookOptions } from "./core.js";
export type { WebhookOptions, DedupeStore, Answer, ErrorReport, HandlerContext } from "./core.js";
export { HookproofSetupError } from "./core.js";

/** The route handler: `event.request` is the Fetch Request; the handler's context.request is `event`. */
export function webhook<P extends Provider, E extends { request: Request } = { request: Request }>(options: WebhookOptions<P, E>): (event: E) => Promise<Response>;
