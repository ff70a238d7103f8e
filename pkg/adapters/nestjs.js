// hookproof/nestjs: a handler for a NestJS controller method, on the Express platform (the
// default) or Fastify. Nest parses JSON bodies; create the app with `rawBody: true` so the
// exact bytes are kept as req.rawBody (the rest of the app still gets parsed bodies).
//
//   const app = await NestFactory.create(AppModule, { rawBody: true });
//
//   @Controller("webhooks")
//   export class WebhooksController {
//     private readonly sir = webhookHandler({ provider: "sir", secret: process.env.SIR_SECRET, handler: (event) => this.jobs.apply(event) });
//     @Post("sir") sir(@Req() req, @Res() res) { return this.sir(req, res); }
//   }
import { createWebhookCore, HookproofSetupError } from "./core.js";
import { closingHeaders, dropRestOfNodeBody, readNodeBody } from "./body.js";

export { HookproofSetupError };

const NO_RAW_BODY_FIX =
  "hookproof: Nest parsed this request's body and kept no raw copy, so the exact bytes the provider signed are gone and every signature would fail. Create the app with NestFactory.create(AppModule, { rawBody: true }) (Express or Fastify platform): Nest then keeps req.rawBody for hookproof and still parses bodies for the rest of the app.";

const isFastifyReply = (res) => typeof res?.code === "function" && typeof res.send === "function" && res.raw !== undefined;

async function bodyOf(req, limit) {
  if (req.rawBody !== undefined && req.rawBody !== null) {
    const raw = Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.from(req.rawBody);
    return raw.length > limit ? null : raw;
  }
  const stream = req.raw ?? req; // FastifyRequest or IncomingMessage
  if (req.body !== undefined || req._body === true || stream.readableEnded) {
    if (Buffer.isBuffer(req.body)) return req.body.length > limit ? null : req.body;
    throw new HookproofSetupError(NO_RAW_BODY_FIX);
  }
  // bodyParser: false — nothing parsed: read the stream itself.
  return readNodeBody(stream, limit);
}

/** `(req, res) => Promise<void>` for a controller method with @Req() and @Res(). */
export function webhookHandler(options) {
  const core = createWebhookCore(options);
  return async function hookproofNest(req, res) {
    let answer;
    try {
      const body = await bodyOf(req, core.maxBodyBytes);
      answer = await core.handle({ headers: req.headers, url: req.originalUrl ?? req.url, body, native: req });
    } catch (error) {
      answer = core.setupFailure(error);
    }
    if (isFastifyReply(res)) {
      res.code(answer.status).headers(answer.headers);
      return res.send(answer.body);
    }
    if (answer.status === 413) dropRestOfNodeBody(req);
    res.writeHead(answer.status, answer.status === 413 ? closingHeaders(req, answer.headers) : answer.headers);
    res.end(answer.body);
  };
}
