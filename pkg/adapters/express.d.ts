import type { IncomingMessage, ServerResponse } from "node:http";
import type { Provider } from "hookproof";
import type { WebhookOptions } from "./core.js";
export type { WebhookOptions, DedupeStore, Answer, ErrorReport, HandlerContext } from "./core.js";
export { HookproofSetupError } from "./core.js";

/** Express middleware (also a node:http request listener). Mount it before express.json(). */
export function webhook<P extends Provider, Req extends IncomingMessage = IncomingMessage>(options: WebhookOptions<P, Req>): (req: Req, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void>;
