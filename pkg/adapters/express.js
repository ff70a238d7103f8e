// hookproof/express: Express 4 and 5 (and plain node:http: the middleware also runs as a
// `(req, res)` request listener). It reads the raw body itself, so mount it before (or
// instead of) express.json() on its route.
//
//   app.post("/webhooks/sir", webhook({ provider: "sir", secret: process.env.SIR_SECRET, handler }));
//   app.use(express.json()); // after: other routes keep their parser
import { createWebhookCore, HookproofSetupError } from "./core.js";
import { closingHeaders, dropRestOfNodeBody, readNodeBody } from "./body.js";

export { HookproofSetupError };

const PARSED_BODY_FIX =
  "hookproof: this request's body was already parsed (by express.json(), express.urlencoded(), express.text() or another body parser), so the exact bytes the provider signed are gone and every signature would fail. Register the webhook route before app.use(express.json()) — app.post(path, webhook(options)) first — or mount the parser only on the routes that need it. express.raw({ type: \"*/*\" }) in front of the route works too: its Buffer is the raw body.";

/** The raw body of a Node request as the core takes it: bytes, null past the limit, or a setup error. */
export async function nodeRequestBody(req, limit) {
  // express.raw() leaves the exact bytes as a Buffer: use them.
  if (Buffer.isBuffer(req.body)) return req.body.length > limit ? null : req.body;
  // body-parser marks what it parsed with _body. Express 4's parsers also set an empty
  // req.body on requests they skip (another content type): that stream is still unread.
  const skippedByParser = isEmptyObject(req.body) && !req.readableEnded;
  if (req._body === true || req.readableEnded || (req.body !== undefined && !skippedByParser)) {
    throw new HookproofSetupError(PARSED_BODY_FIX);
  }
  return readNodeBody(req, limit);
}

const isEmptyObject = (value) => typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype && Object.keys(value).length === 0;

/** Sends a core answer on a Node ServerResponse. */
export function sendNodeAnswer(req, res, answer) {
  if (answer.status === 413) dropRestOfNodeBody(req);
  res.writeHead(answer.status, answer.status === 413 ? closingHeaders(req, answer.headers) : answer.headers);
  res.end(answer.body);
}

/** Full URL of a Node request (gengo reads its token from the query). */
export const nodeRequestUrl = (req) => req.originalUrl ?? req.url;

/** Express middleware (or node:http listener) for one provider's endpoint. */
export function webhook(options) {
  const core = createWebhookCore(options);
  return async function hookproofWebhook(req, res) {
    let answer;
    try {
      const body = await nodeRequestBody(req, core.maxBodyBytes);
      answer = await core.handle({ headers: req.headers, url: nodeRequestUrl(req), body, native: req });
    } catch (error) {
      answer = core.setupFailure(error);
    }
    sendNodeAnswer(req, res, answer);
  };
}
