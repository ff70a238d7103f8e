// Signing a forwarded delivery as Standard Webhooks does (github.com/standard-webhooks):
// `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, keyed with the
// base64-decoded part of a `whsec_` secret. Web Crypto, so Node, Deno and workerd run it alike.
//
// It moves to hookproof's own `sign("standardwebhooks", …)` once that scheme is in the
// package; until then this is its one place.

const encoder = new TextEncoder();

function keyBytesOf(secret) {
  if (typeof secret !== "string" || !secret.startsWith("whsec_")) throw new Error("FORWARD_SECRET must be a whsec_ secret (base64 after the prefix)");
  const text = atob(secret.slice("whsec_".length));
  if (text.length < 16) throw new Error("FORWARD_SECRET must hold at least 16 bytes");
  return Uint8Array.from(text, (char) => char.charCodeAt(0));
}

/**
 * A signer for one `whsec_` secret: `sign(id, timestampSeconds, bodyText)` resolves to the
 * three headers of a Standard Webhooks delivery. Throws at once on a malformed secret.
 */
export function standardWebhooksSigner(secret) {
  const key = crypto.subtle.importKey("raw", keyBytesOf(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return async function sign(id, timestamp, body) {
    const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await key, encoder.encode(`${id}.${timestamp}.${body}`)));
    let binary = "";
    for (const byte of mac) binary += String.fromCharCode(byte);
    return { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": `v1,${btoa(binary)}` };
  };
}
