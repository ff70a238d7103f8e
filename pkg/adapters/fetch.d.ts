import type { Provider } from "hookproof";
import type { WebhookOptions, WebhookCore } from "./core.js";
export type { WebhookOptions, DedupeStore, Answer, ErrorReport, HandlerContext } from "./core.js";
export { HookproofSetupError } from "./core.js";

/** `(request) => Promise<Response>` for Workers, Deno.serve, Bun.serve and other Fetch runtimes. */
export function webhook<P extends Provider>(options: WebhookOptions<P, Request>): (request: Request) => Promise<Response>;
export function handleFetchRequest(core: WebhookCore, request: Request, native?: unknown): Promise<Response>;
