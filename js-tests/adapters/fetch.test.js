// hookproof/fetch: a `(Request) => Response` handler, served in Node by @hono/node-server's
// Fetch bridge (undici's Request and Response) on 127.0.0.1.
import { serve } from "@hono/node-server";
import { webhook } from "hookproof/fetch";
import { adapterSuite } from "./helpers.js";

function serveFetch(path, handler) {
  return new Promise((resolve) => {
    const fetch = (request) => (new URL(request.url).pathname === path ? handler(request) : new Response("not found", { status: 404 }));
    const server = serve({ fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
      resolve({ base: `http://127.0.0.1:${info.port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

adapterSuite("fetch", {
  start: ({ path, ...options }) => serveFetch(path, webhook(options)),
  preParsed: async ({ path, ...options }) => {
    const handler = webhook(options);
    const server = await serveFetch(path, async (request) => {
      await request.json(); // the mistake: the body read before hookproof gets the request
      return handler(request);
    });
    return { ...server, fix: /before anything reads its body/ };
  },
});
