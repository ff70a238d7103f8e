// A test Worker with `nodejs_compat` (wrangler-compat.toml): there the package reaches
// node:crypto, and Verifier#verify hashes large bodies natively. Runs the native
// cross-check inside workerd.
//   GET /cases -> the case names; GET /run?name=... -> runs one
import * as hookproof from "hookproof";
// The same module instance the entry uses (same file), for its internal threshold.
import { setNativeFrom } from "./node_modules/hookproof/api.js";
import { nativeHmacCases, runAll } from "./cases.js";

export default {
  async fetch(request) {
    const url = new URL(request.url);
    const list = nativeHmacCases(hookproof, setNativeFrom);
    if (url.pathname === "/cases") return Response.json(list.map((c) => c.name));
    if (url.pathname === "/run") {
      const [result] = await runAll(hookproof, url.searchParams.get("name"), list);
      return Response.json(result ?? { ok: false, error: "no such case" });
    }
    return new Response("not found", { status: 404 });
  },
};
