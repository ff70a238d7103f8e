// The same app as a Cloudflare Worker (workerd through wrangler dev).
import { app } from "./app.js";

export default app;
