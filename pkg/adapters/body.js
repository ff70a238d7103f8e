// Reading the raw body, exactly as it arrived, up to a limit: the bytes or null once more
// than `limit` arrive (nothing past the limit is kept, and no more is read).

/** A Node IncomingMessage (or any Readable of Buffers). */
export function readNodeBody(request, limit) {
  if (Number(request.headers?.["content-length"]) > limit) return Promise.resolve(null);
  // Already read by someone else: adapters check this first and name the fix.
  if (request.readableEnded) return Promise.reject(new Error("the request body was already read"));
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        cleanUp();
        request.pause();
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanUp();
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (error) => {
      cleanUp();
      reject(error);
    };
    const cleanUp = () => {
      request.off("data", onData);
      request.off("end", onEnd);
      request.off("error", onError);
    };
    request.on("data", onData);
    request.on("end", onEnd);
    request.on("error", onError);
  });
}

/** Headers for a 413 on Node: HTTP/1 is told the connection will close (HTTP/2 has no such header). */
export const closingHeaders = (request, headers) => (request.httpVersionMajor === 1 ? { ...headers, connection: "close" } : headers);

/**
 * After a 413 on Node: what the client still sends is read and discarded (never kept), and
 * the connection is closed once it stops sending (or after `graceMs`). Destroying the
 * socket at once would reset it before the client has read the answer.
 */
export function dropRestOfNodeBody(request, graceMs = 10_000) {
  const socket = request.socket;
  if (!socket || request.readableEnded) return;
  const cutOff = setTimeout(() => socket.destroy(), graceMs);
  cutOff.unref?.();
  request.on("end", () => clearTimeout(cutOff));
  request.on("error", () => clearTimeout(cutOff));
  request.resume();
}

// Past the limit nothing more is kept. In workerd a body left unread — cancelled, or
// drained after the answer — breaks the answer ("Your worker restarted mid-request", a 503
// in wrangler dev): there the rest is read and dropped before answering (the platform
// bounds what can arrive). Elsewhere reading just stops: cancelling would make Node
// bridges (React Router's, for one) destroy the socket before the answer is written, and
// Node's server discards what is left unread once the answer is sent.
const isWorkerd = () => globalThis.navigator?.userAgent === "Cloudflare-Workers";

/** A Fetch Request (Workers, Deno, Bun, Node's undici, any framework built on them). */
export async function readFetchBody(request, limit) {
  if (request.body === null || request.body === undefined) return new Uint8Array(0);
  const reader = request.body.getReader();
  const stop = async () => {
    if (isWorkerd()) {
      while (!(await reader.read()).done);
    } else {
      reader.releaseLock();
    }
    return null;
  };
  if (Number(request.headers.get("content-length")) > limit) return stop();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      chunks.length = 0;
      return stop();
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Whether a Fetch Request's body was already read (by a middleware, a validator, ...). */
export const fetchBodyUsed = (request) => request.bodyUsed === true;

/** A core answer as a Fetch Response. */
export function toResponse({ status, headers, body }) {
  return new Response(status === 204 || status === 304 ? null : body, { status, headers });
}
