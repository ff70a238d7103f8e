// The HTTP layer of the Node and Deno endpoints, on `node:http` (Node, and Deno's own
// implementation of it): every resource a client can hold before proving anything has a
// limit, and a request refused early is answered at once and its connection closed.
//
// Why `node:http` in Deno too: `Deno.serve` (Deno 2.9) has no header, body or idle timeout
// and cannot close a connection whose body it refused (measured: connections that never
// finished their headers, an idle keep-alive connection and a cancelled oversized body were
// all still open after 70 s). Deno's `node:http` has all of them.
//
// Each limit has a default suited to a callback endpoint (deliveries are small and fast)
// and an environment variable that overrides it:
//
//   HEADERS_TIMEOUT_MS    10000  the request line and headers must arrive within this (408)
//   REQUEST_TIMEOUT_MS    20000  ... and the whole body within this, from the first byte (408)
//   KEEP_ALIVE_TIMEOUT_MS  5000  an idle keep-alive connection is closed after this
//   MAX_HEADERS              64  more header lines are refused (431)
//   MAX_HEADER_BYTES      16384  a larger request line + headers is refused (431)
//   MAX_IN_FLIGHT            64  requests being read or handled at once; past it 503 with
//                                Retry-After (this also bounds the memory bodies can take:
//                                MAX_IN_FLIGHT x the 1 MiB body limit)
//   MAX_CONNECTIONS        1024  open connections; past it a new one is closed at once
//   LINGER_MS              2000  after an early refusal (413, 408, 431, 503 ...), the answer
//   LINGER_BYTES          65536    is sent at once; what the client still sends is read and
//                                dropped (never kept) up to LINGER_BYTES, then no longer read,
//                                and the connection is closed once the request has ended or
//                                after LINGER_MS. (Closing at once, with request bytes unread,
//                                resets the connection, and the client may lose the answer.)
import { createServer } from "node:http";

export const LIMIT_DEFAULTS = {
  HEADERS_TIMEOUT_MS: 10_000,
  REQUEST_TIMEOUT_MS: 20_000,
  KEEP_ALIVE_TIMEOUT_MS: 5_000,
  MAX_HEADERS: 64,
  MAX_HEADER_BYTES: 16_384,
  MAX_IN_FLIGHT: 64,
  MAX_CONNECTIONS: 1024,
  LINGER_MS: 2_000,
  LINGER_BYTES: 64 << 10,
};

/** The limits from `env` (each a positive integer, else its default). */
export function limitsOf(env) {
  return Object.fromEntries(
    Object.entries(LIMIT_DEFAULTS).map(([name, fallback]) => {
      const value = Number(env[name]);
      return [name, Number.isSafeInteger(value) && value > 0 ? value : fallback];
    }),
  );
}

/** A refusal of the body itself, answered with `status` and `{ error: code }`. */
class BodyRefused extends Error {
  constructor(status, code) {
    super(code);
    this.status = status;
    this.code = code;
  }
}

// The raw bytes, exactly as sent; null (and nothing more kept) past `limit`. Rejects with
// BodyRefused when the body takes longer than `deadline` (ms since the epoch) or the client
// goes away before its end.
function readBody(request, limit, deadline) {
  if (Number(request.headers["content-length"]) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const timer = setTimeout(() => settle(reject, new BodyRefused(408, "body_timeout")), Math.max(0, deadline - Date.now()));
    const settle = (how, value) => {
      clearTimeout(timer);
      request.removeListener("data", onData);
      request.removeListener("end", onEnd);
      request.removeListener("close", onClose);
      how(value);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) settle(resolve, null);
      else chunks.push(chunk);
    };
    const onEnd = () => settle(resolve, Buffer.concat(chunks, size));
    const onClose = () => settle(reject, new BodyRefused(400, "body_incomplete"));
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("close", onClose);
    request.on("error", () => {}); // an aborted upload: "close" follows and settles
  });
}

/**
 * Serves `endpoint` (createEndpoint's) on `host:port` with the limits of `env`. Resolves to
 * the listening `node:http` server.
 */
export function serveEndpoint({ endpoint, env, host, port, log = console.log }) {
  const limits = limitsOf(env);
  let inFlight = 0;

  // Answers at once and closes the connection without reading the rest of the request:
  // what the client still sends is dropped (never kept), LINGER_BYTES at most, so that it
  // can read the answer; the connection is destroyed LINGER_MS after the answer at the latest.
  function answerAndClose(request, response, status, body, headers = {}, raw = false) {
    const socket = request.socket;
    let dropped = 0;
    const cutOff = setTimeout(() => socket.destroy(), limits.LINGER_MS);
    cutOff.unref?.();
    socket.once("close", () => clearTimeout(cutOff));
    const drop = (chunk) => {
      dropped += chunk.length;
      if (dropped <= limits.LINGER_BYTES) return;
      // Enough: stop reading. What else the client sends waits in the kernel's buffers (and
      // then in the client) until the cut-off.
      request.removeListener("data", drop);
      request.pause();
    };
    request.on("data", drop);
    request.on("error", () => {});
    // node:http ends a `connection: close` answer with socket.destroySoon(), which destroys
    // the socket as soon as the answer is written; with request bytes still unread that
    // sends a reset, and the client may lose the answer (an uploading client also fails on
    // a FIN it gets before it has sent everything). So the connection is closed gracefully
    // once the client has sent its request to the end, or cut off at the bounds above.
    const close = () => socket.end();
    socket.destroySoon = () => (request.complete ? close() : request.once("end", close));
    send(response, status, body, { ...headers, connection: "close" }, raw);
  }

  // `raw`: the body is text to send as is (a challenge's answer, its content-type in
  // `headers`); otherwise it is JSON.
  function send(response, status, body, headers = {}, raw = false) {
    if (response.headersSent || response.destroyed) return;
    const text = raw ? String(body) : JSON.stringify(body);
    response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
    response.end(text);
  }

  const server = createServer(
    {
      maxHeaderSize: limits.MAX_HEADER_BYTES,
      // How often node:http looks for connections past their header or request time (its
      // default, 30 s, would let them live up to 30 s longer).
      connectionsCheckingInterval: Math.max(250, Math.min(1000, Math.floor(limits.HEADERS_TIMEOUT_MS / 4))),
    },
    async (request, response) => {
      // One more than the limit is kept by node:http, so that too many can be told apart
      // from exactly the limit (past maxHeadersCount it drops the rest silently).
      if (request.rawHeaders.length / 2 > limits.MAX_HEADERS) {
        log(`request refused status=431 code=too_many_headers`);
        return answerAndClose(request, response, 431, { error: "too_many_headers" });
      }
      if (inFlight >= limits.MAX_IN_FLIGHT) {
        log(`request refused status=503 code=busy`);
        return answerAndClose(request, response, 503, { error: "busy" }, { "retry-after": "1" });
      }
      inFlight++;
      let done = false;
      const release = () => {
        if (!done) inFlight--;
        done = true;
      };
      response.once("close", release);
      const deadline = Date.now() + limits.REQUEST_TIMEOUT_MS;
      let bodyState = "unread";
      try {
        const answer = await endpoint.handle({
          method: request.method,
          // Absolute, as the provider called it: Twilio, Square and HubSpot sign the URL.
          // Behind a proxy set PUBLIC_URL to the address the provider is given.
          url: new URL(request.url, env.PUBLIC_URL || `http://${request.headers.host ?? `${host}:${port}`}`).href,
          headers: request.headers,
          readBody: async (limit) => {
            bodyState = "reading";
            try {
              const body = await readBody(request, limit, deadline);
              bodyState = body === null ? "refused" : "read";
              return body;
            } catch (error) {
              bodyState = "refused";
              throw error;
            }
          },
        });
        // Refused before the body was read to its end (413, 408, 503 not configured, 405…):
        // answer and close rather than read the rest. A body never read but already
        // complete (a GET) leaves the connection reusable.
        if (bodyState === "refused" || (bodyState === "unread" && !request.complete)) answerAndClose(request, response, answer.status, answer.body, answer.headers, answer.raw);
        else send(response, answer.status, answer.body, answer.headers, answer.raw);
      } finally {
        release();
      }
    },
  );
  // node:http's own request time limit is the backstop, after the endpoint's own (which
  // answers 408 with a body and a log line, then closes within LINGER_MS).
  server.requestTimeout = limits.REQUEST_TIMEOUT_MS + limits.LINGER_MS + 1000;
  server.headersTimeout = Math.min(limits.HEADERS_TIMEOUT_MS, limits.REQUEST_TIMEOUT_MS);
  server.keepAliveTimeout = limits.KEEP_ALIVE_TIMEOUT_MS;
  server.maxHeadersCount = limits.MAX_HEADERS + 1;
  // Whenever the server has ended its side of a connection (an idle keep-alive connection,
  // a time limit, a refusal), the client gets LINGER_MS to close its side; a client that
  // keeps it half-open would otherwise hold the connection for ever (node:http allows half-open
  // connections and only ends its own side).
  server.on("connection", (socket) => {
    socket.once("finish", () => setTimeout(() => socket.destroy(), limits.LINGER_MS).unref?.());
  });
  server.maxConnections = limits.MAX_CONNECTIONS;
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

export { BodyRefused };
