// A webhook callback endpoint on node:http (no framework). See README.md.
//   PORT (default 8787), HOST (default 127.0.0.1), STORE = "sqlite" (default) | "memory",
//   DATABASE (default ./data/callbacks.db), PUBLIC_URL (the base providers call, where a
//   proxy is in front), and one secrets variable per provider (<PROVIDER>_SECRET).
import { createServer } from "node:http";
import * as hookproof from "hookproof";
import { createEndpoint, MAX_BODY_BYTES } from "../shared/callbacks.js";
import { createFileStore, createMemoryStore } from "./store.js";

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? "127.0.0.1";
const publicUrl = process.env.PUBLIC_URL;
const store = process.env.STORE === "memory" ? createMemoryStore() : createFileStore(process.env.DATABASE ?? "data/callbacks.db");

const endpoint = createEndpoint({
  hookproof,
  env: process.env,
  store,
});

// The raw bytes, exactly as sent; null (and no more reading) past `limit`.
function readBody(request, limit) {
  if (Number(request.headers["content-length"]) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners("data");
        resolve(null);
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks, size)));
    request.on("error", reject);
  });
}

const server = createServer(async (request, response) => {
  const answer = await endpoint.handle({
    method: request.method,
    // Absolute, as the provider called it: Twilio, Square and HubSpot sign the URL. Behind
    // a proxy set PUBLIC_URL to the address the provider is given (scheme, host, port).
    url: new URL(request.url, publicUrl ?? `http://${request.headers.host ?? `${host}:${port}`}`).href,
    headers: request.headers,
    readBody: (limit) => readBody(request, limit),
  });
  // An oversized body is answered at once, and what the client still sends is dropped
  // unread (never buffered); the connection closes once the client has stopped sending, or
  // after 30 s. Closing it on unread data would reset it before the client reads the answer.
  if (answer.status === 413) {
    response.shouldKeepAlive = true; // not yet: Node would close with data unread
    const cutOff = setTimeout(() => request.socket.destroy(), 30_000);
    request.on("end", () => {
      clearTimeout(cutOff);
      request.socket.end();
    });
    request.resume();
  }
  response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
  response.end(answer.raw ? answer.body : JSON.stringify(answer.body));
});
server.requestTimeout = 30_000;
server.listen(port, host, () => console.log(`listening on http://${host}:${server.address().port} (store: ${process.env.STORE === "memory" ? "memory" : "sqlite"}, body limit ${MAX_BODY_BYTES} bytes)`));

// Finish the requests in flight, then close the database.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => server.close(() => {
    store.close?.();
    process.exit(0);
  }));
}
