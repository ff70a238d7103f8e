// A test Worker: wrangler bundles it with the installed package (its "workerd" export
// condition) and serves it from workerd on 127.0.0.1.
//   GET  /cases          -> the case names
//   GET  /run?name=...   -> runs one shared case inside workerd
//   POST /hook/<provider> -> verifyRequest on the real incoming request
import * as hookproof from "hookproof";
import { cases, runAll } from "./cases.js";
import hostileTable from "./hostile-table.js";
// The same module instance the entry uses (same file), for its test-only internals.
import { wasmMemoryForTests as wasmMemory } from "./node_modules/hookproof/api.js";

// What the shared cases need from the harness (see cases.js).
const hooks = { hostileTable, wasmMemory };

export const SECRETS = { g2sentry: "worker-secret", contentspal: "worker-secret", sir: "whsec_worker", gengo: "worker-token" };

export default {
  async fetch(request) {
    const url = new URL(request.url);
    if (url.pathname === "/cases") return Response.json(cases(hookproof, hooks).map((c) => c.name));
    if (url.pathname === "/run") {
      const [result] = await runAll(hookproof, url.searchParams.get("name"), cases(hookproof, hooks));
      return Response.json(result ?? { ok: false, error: "no such case" });
    }
    if (url.pathname.startsWith("/hook/")) {
      const provider = url.pathname.slice("/hook/".length);
      try {
        const event = await hookproof.verifyRequest(provider, request, SECRETS[provider] ?? "none");
        return Response.json({ ok: true, event });
      } catch (error) {
        const known = error instanceof hookproof.WebhookError;
        return Response.json({ ok: false, known, code: error.code, message: error.message }, { status: known ? 401 : 500 });
      }
    }
    return new Response("not found", { status: 404 });
  },
};
