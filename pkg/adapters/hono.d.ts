import type { Provider } from "hookproof";
import type { WebhookOptions } from "./core.js";
export type { WebhookOptions, DedupeStore, Answer, ErrorReport, HandlerContext } from "./core.js";
export { HookproofSetupError } from "./core.js";

/** A Hono handler: `app.post(path, webhook(options))`. The handler's context.request is Hono's `c`. */
// `c` is typed loosely so that this file does not depend on hono's own types.
export function webhook<P extends Provider, C extends { req: { raw: Request } } = { req: { raw: Request } }>(options: WebhookOptions<P, C>): (c: C) => Promise<Response>;
