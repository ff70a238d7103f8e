import type { Provider } from "hookproof";
import type { WebhookOptions } from "./core.js";
export type { WebhookOptions, DedupeStore, Answer, ErrorReport, HandlerContext } from "./core.js";
export { HookproofSetupError } from "./core.js";

/** An h3 event handler (1.x on Node, 2.x on Fetch); the handler's context.request is h3's event. */
export function webhook<P extends Provider, E = any>(options: WebhookOptions<P, E>): (event: E) => Promise<unknown>;
