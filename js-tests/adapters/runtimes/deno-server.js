// Deno.serve on 127.0.0.1, a free port; prints "listening <port>" once ready.
import { app } from "./app.js";

Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: ({ port }) => console.log(`listening ${port}`) }, app.fetch);
