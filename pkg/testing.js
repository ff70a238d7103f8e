// hookproof/testing: genuine (or deliberately broken) deliveries for your own test suite,
// signed as the provider signs them, so a handler is tested the way it will be called.
//
//   const request = signedRequest("sir", { id: "evt_1", type: "ping", ... }, process.env.SIR_SECRET);
//   const response = await app.fetch(request);                       // Fetch-style apps
//   const { path, headers, body } = signedDelivery("sir", body, secret);
//   await supertest(app).post(path).set(headers).send(body);          // Node-style apps
import { sign } from "#hookproof";

const CONTENT_TYPES = { gengo: "application/x-www-form-urlencoded" };

function flipOneByte(body) {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : new Uint8Array(body);
  if (bytes.length === 0) return new Uint8Array([0x20]);
  const index = Math.floor(bytes.length / 2);
  bytes[index] = bytes[index] === 0x30 ? 0x31 : 0x30;
  return bytes;
}

/**
 * The delivery as plain parts: `{ method, url, path, headers, body }`, headers a plain
 * record (Content-Type included), body a string or bytes exactly as signed. Options:
 *   url        the endpoint (default http://localhost/webhook); gengo's token is added to it
 *   timestamp  Unix seconds to sign at (default now): an old one tests the replay window
 *   headers    extra headers (added after the signed ones, so they may replace them)
 *   tamper     true: change one body byte after signing (the handler must answer 401)
 *   contentType  default application/json (gengo: application/x-www-form-urlencoded)
 */
export function signedDelivery(provider, body, secret, options = {}) {
  const { url = "http://localhost/webhook", timestamp, headers: extra = {}, tamper = false, contentType } = options;
  const signed = sign(provider, body, secret, { url, timestamp });
  const finalUrl = new URL(signed.url ?? url);
  // One Content-Type, never two spellings of it: yours, else the one sign() named, else
  // the provider's usual one.
  const headers = { ...signed.headers };
  const signedType = Object.keys(headers).find((name) => name.toLowerCase() === "content-type");
  if (contentType !== undefined && signedType !== undefined) delete headers[signedType];
  if (contentType !== undefined || signedType === undefined) headers["content-type"] = contentType ?? CONTENT_TYPES[provider] ?? "application/json";
  Object.assign(headers, extra);
  return {
    method: "POST",
    url: finalUrl.href,
    path: finalUrl.pathname + finalUrl.search,
    headers,
    body: tamper ? flipOneByte(signed.body) : signed.body,
  };
}

/** The same delivery as a Fetch `Request` (options as for signedDelivery). */
export function signedRequest(provider, body, secret, options = {}) {
  const delivery = signedDelivery(provider, body, secret, options);
  return new Request(delivery.url, { method: delivery.method, headers: delivery.headers, body: delivery.body });
}
