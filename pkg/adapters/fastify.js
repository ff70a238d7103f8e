// hookproof/fastify: a Fastify plugin whose route gets the raw bytes. Fastify parses JSON
// bodies by default, so the plugin replaces the parsers inside its own encapsulated
// context (your other routes keep theirs) with one that keeps the bytes as a Buffer.
//
//   app.register(webhookPlugin, { path: "/webhooks/sir", provider: "sir", secret: process.env.SIR_SECRET, handler });
import { createWebhookCore, HookproofSetupError } from "./core.js";

export { HookproofSetupError };

const PARSED_BODY_FIX =
  "hookproof: Fastify parsed this request's body (its JSON or another content-type parser ran), so the exact bytes the provider signed are gone and every signature would fail. Register the route with hookproof's plugin — app.register(webhookPlugin, { path, provider, secret, handler }) — which keeps the raw bytes, or add a raw parser in the route's context: app.addContentTypeParser(\"*\", { parseAs: \"buffer\" }, (req, body, done) => done(null, body)).";

function send(reply, { status, headers, body }) {
  reply.code(status).headers(headers);
  return reply.send(body);
}

function bodyOf(request) {
  const { body } = request;
  if (body === undefined || body === null) return new Uint8Array(0);
  if (Buffer.isBuffer(body)) return body;
  throw new HookproofSetupError(PARSED_BODY_FIX);
}

/**
 * A route handler for a context whose parser keeps the body as a Buffer (the plugin's, or
 * your own). Given a parsed body it answers 500 and reports the fix.
 */
export function webhookRoute(options) {
  const core = createWebhookCore(options);
  return routeOf(core);
}

function routeOf(core) {
  return async function hookproofRoute(request, reply) {
    let answer;
    try {
      const body = bodyOf(request);
      answer = body.length > core.maxBodyBytes ? await core.handle({ body: null }) : await core.handle({ headers: request.headers, url: request.url, body, native: request });
    } catch (error) {
      answer = core.setupFailure(error);
    }
    return send(reply, answer);
  };
}

/** The plugin: options are the core's plus `path` (default "/") and `method` (default POST). */
export async function webhookPlugin(fastify, options) {
  const { path = "/", method = "POST", ...rest } = options;
  const core = createWebhookCore(rest);
  fastify.removeAllContentTypeParsers();
  // Fastify stops reading past bodyLimit (and refuses a larger Content-Length at once).
  fastify.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: core.maxBodyBytes }, (request, body, done) => done(null, body));
  fastify.setErrorHandler(async (error, request, reply) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE" || error.statusCode === 413) {
      if (request.raw.httpVersionMajor === 1) reply.header("connection", "close");
      return send(reply, await core.handle({ body: null }));
    }
    return send(reply, core.setupFailure(error));
  });
  fastify.route({ method, url: path, bodyLimit: core.maxBodyBytes, handler: routeOf(core) });
}
