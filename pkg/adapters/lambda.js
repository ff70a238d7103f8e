// hookproof/lambda: AWS Lambda behind API Gateway (REST API: payload format 1.0; HTTP
// API: 1.0 or 2.0) or a Lambda function URL (2.0). The body arrives in the event as a
// string, base64-encoded when isBase64Encoded is true (binary or non-text content types):
// the adapter decodes it to the exact bytes that were sent.
//
//   export const handler = webhook({ provider: "sir", secret: process.env.SIR_SECRET, handler: async (event) => { ... } });
import { createWebhookCore, HookproofSetupError } from "./core.js";

export { HookproofSetupError };

const NOT_PROXY_FIX =
  "hookproof: the Lambda event's body is not a string, so it was parsed before the function got it (an API Gateway non-proxy integration with a mapping template, or a test event written as an object). Use a Lambda proxy integration (REST API), an HTTP API or a function URL: they pass the body as sent, as a string (base64 when isBase64Encoded).";

function headersOf(event) {
  // 1.0 has both forms; multiValueHeaders keeps repeated headers, headers keeps the last.
  const headers = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) if (typeof value === "string") headers[name.toLowerCase()] = value;
  for (const [name, values] of Object.entries(event.multiValueHeaders ?? {})) {
    if (Array.isArray(values) && values.length > 0) headers[name.toLowerCase()] = values[0];
  }
  return headers;
}

function queryOf(event) {
  if (typeof event.rawQueryString === "string") return event.rawQueryString;
  // 1.0 carries the query decoded only: encode it again.
  const params = new URLSearchParams();
  const multi = event.multiValueQueryStringParameters;
  if (multi) {
    for (const [name, values] of Object.entries(multi)) for (const value of values ?? []) params.append(name, value);
  } else {
    for (const [name, value] of Object.entries(event.queryStringParameters ?? {})) if (value !== null && value !== undefined) params.append(name, value);
  }
  return params.toString();
}

function urlOf(event, headers) {
  const path = event.rawPath ?? event.path ?? "/";
  const host = event.requestContext?.domainName ?? headers.host ?? "localhost";
  const query = queryOf(event);
  return `https://${host}${path}${query === "" ? "" : `?${query}`}`;
}

// Base64 decodes to 3 bytes per 4 characters: a body whose encoding is longer than the
// limit allows is refused before decoding.
function bodyOf(event, limit) {
  const { body } = event;
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body !== "string") throw new HookproofSetupError(NOT_PROXY_FIX);
  if (event.isBase64Encoded === true) {
    if (Math.floor((body.length * 3) / 4) - 2 > limit) return null;
    const bytes = Buffer.from(body, "base64");
    return bytes.length > limit ? null : bytes;
  }
  if (body.length > limit) return null; // UTF-8 is never shorter than the UTF-16 length
  const bytes = Buffer.from(body, "utf8");
  return bytes.length > limit ? null : bytes;
}

/** A Lambda handler `(event, context) => Promise<result>`; the result suits 1.0 and 2.0. */
export function webhook(options) {
  const core = createWebhookCore(options);
  return async function hookproofLambda(event, context) {
    let answer;
    try {
      if (event === null || typeof event !== "object") throw new HookproofSetupError("hookproof: the Lambda event is not an API Gateway or function URL request event");
      const headers = headersOf(event);
      const body = bodyOf(event, core.maxBodyBytes);
      answer = await core.handle({ headers, url: urlOf(event, headers), body, native: { event, context } });
    } catch (error) {
      answer = core.setupFailure(error);
    }
    return { statusCode: answer.status, headers: answer.headers, body: answer.body, isBase64Encoded: false };
  };
}
