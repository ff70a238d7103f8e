import type { Provider } from "hookproof";
import type { WebhookOptions } from "./core.js";
export type { WebhookOptions, DedupeStore, Answer, ErrorReport, HandlerContext } from "./core.js";
export { HookproofSetupError } from "./core.js";

/** For a controller method taking @Req() and @Res(); create the app with { rawBody: true }. */
export function webhookHandler<P extends Provider>(options: WebhookOptions<P, any>): (req: any, res: any) => Promise<unknown>;
