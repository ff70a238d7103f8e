// hookproof/h3: an h3 event handler (Nuxt server routes, Nitro). h3 1.x runs on Node's
// request (event.node.req); h3 2.x hands a Fetch Request (event.req): both are read raw.
//
//   // server/api/webhooks/sir.post.js (Nuxt)
//   import { webhook } from "hookproof/h3";
//   export default webhook({ provider: "sir", secret: process.env.SIR_SECRET, handler: async (event) => { ... } });
import { createWebhookCore, HookproofSetupError } from "./core.js";
import { closingHeaders, dropRestOfNodeBody, readNodeBody } from "./body.js";
import { handleFetchRequest } from "./fetch.js";

export { HookproofSetupError };

const PARSED_BODY_FIX =
  "hookproof: this request's body was already consumed (a Connect/Express body parser in front of h3, or the stream read by other code), so the exact bytes the provider signed are gone. Remove the parser from the webhook's route: hookproof reads the raw body itself (h3's own readBody/readRawBody before it are fine: h3 keeps the raw bytes).";

// h3 1.x keeps the raw bytes of a body its readBody/readRawBody has read under this symbol.
const H3_RAW_BODY = Symbol.for("h3RawBody");

async function nodeBody(req, limit) {
  const cached = req[H3_RAW_BODY];
  if (cached !== undefined) {
    const bytes = await cached;
    if (bytes === undefined || bytes === null) return new Uint8Array(0);
    const buffer = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
    return buffer.length > limit ? null : buffer;
  }
  if (req.readableEnded || (req.body !== undefined && !Buffer.isBuffer(req.body))) throw new HookproofSetupError(PARSED_BODY_FIX);
  if (Buffer.isBuffer(req.body)) return req.body.length > limit ? null : req.body;
  return readNodeBody(req, limit);
}

/** The event handler; the handler's context.request is h3's event. */
export function webhook(options) {
  const core = createWebhookCore(options);
  const handler = async (event) => {
    if (typeof event.req?.arrayBuffer === "function" && typeof event.req.headers?.get === "function") {
      return handleFetchRequest(core, event.req, event); // h3 2.x: a Fetch Request
    }
    const { req, res } = event.node;
    let answer;
    try {
      const body = await nodeBody(req, core.maxBodyBytes);
      answer = await core.handle({ headers: req.headers, url: req.originalUrl ?? req.url, body, native: event });
    } catch (error) {
      answer = core.setupFailure(error);
    }
    if (answer.status === 413) dropRestOfNodeBody(req);
    res.statusCode = answer.status;
    for (const [name, value] of Object.entries(answer.status === 413 ? closingHeaders(req, answer.headers) : answer.headers)) res.setHeader(name, value);
    return answer.body;
  };
  // What h3 1.x's defineEventHandler marks: no implicit-conversion warning.
  handler.__is_handler__ = true;
  return handler;
}
