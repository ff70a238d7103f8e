import type { Provider } from "hookproof";
import type { WebhookOptions } from "./core.js";
export type { WebhookOptions, DedupeStore, Answer, ErrorReport, HandlerContext } from "./core.js";
export { HookproofSetupError } from "./core.js";

/** An App Router route handler: `export const POST = webhook(options)`. */
export function webhook<P extends Provider>(options: WebhookOptions<P, Request>): (request: Request, context?: unknown) => Promise<Response>;
