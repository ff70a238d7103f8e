// For the load figures only (load.mjs), never for deliveries: the Node endpoint exactly as
// examples/node-server/server.js serves it (same HTTP layer, SQLite store, outbox), with the
// verification replaced, to show what hookproof itself costs:
//   VERIFIER=hookproof    hookproof's Verifier (the package), as the example uses it
//   VERIFIER=off          no proof at all: the body is parsed and trusted
//   VERIFIER=node-crypto  a hand-written G2 Sentry check on node:crypto (HMAC-SHA256 of the
//                         body, hex, timingSafeEqual)
import { createHmac, timingSafeEqual } from "node:crypto";
import { createEndpoint } from "../../examples/shared/callbacks.js";
import { serveEndpoint } from "../../examples/shared/node-http.js";
import { createDelivery, startDispatcher } from "../../examples/shared/outbox.js";
import { createFileStore } from "../../examples/node-server/store.js";
import * as hookproof from "../../pkg/node.js";

class WebhookError extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

function eventOf(provider, body) {
  let payload;
  try {
    payload = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch {
    throw new WebhookError("malformed_body");
  }
  if (!Number.isSafeInteger(payload.jobId) || typeof payload.eventType !== "string") throw new WebhookError("invalid_payload");
  return { provider, type: payload.eventType, id: null, dedupeKey: `${payload.jobId}:${payload.eventType}`, payload };
}

const mode = process.env.VERIFIER;
class Verifier {
  constructor(provider, secrets) {
    if (provider !== "g2sentry") throw new WebhookError("unsupported_provider");
    this.provider = provider;
    this.keys = secrets.map((secret) => Buffer.from(secret, "utf8"));
  }
  verify({ headers, body }) {
    if (mode === "node-crypto") {
      const given = String(headers["x-signature"] ?? "");
      if (!/^[0-9a-fA-F]{64}$/.test(given)) throw new WebhookError(given === "" ? "missing_signature" : "malformed_signature");
      const received = Buffer.from(given, "hex");
      const ok = this.keys.map((key) => timingSafeEqual(createHmac("sha256", key).update(body).digest(), received)).includes(true);
      if (!ok) throw new WebhookError("signature_mismatch");
    } else if (mode !== "off") throw new Error("VERIFIER must be off or node-crypto");
    return eventOf(this.provider, body);
  }
  free() {}
}

const store = createFileStore(process.env.DATABASE);
const dispatcher = startDispatcher({ outbox: store.outbox, delivery: createDelivery({ hookproof, env: process.env, handler: async () => {} }), log: () => {} });
const verifying = mode === "hookproof" ? hookproof : { Verifier, WebhookError };
const endpoint = createEndpoint({ hookproof: verifying, env: process.env, store, log: () => {}, onRecorded: () => dispatcher.wake() });
await serveEndpoint({ endpoint, env: process.env, host: "127.0.0.1", port: Number(process.env.PORT) });
process.once("SIGTERM", () => process.exit(0));
