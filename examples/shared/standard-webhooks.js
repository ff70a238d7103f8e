// Signing a forwarded delivery as Standard Webhooks does (github.com/standard-webhooks):
// hookproof's own `sign("standardwebhooks", …)`, the same scheme the package verifies, so the
// endpoints carry no signing code of their own. `webhook-signature: v1,<base64 HMAC-SHA256
// of "<id>.<timestamp>.<body>">`, keyed with the base64-decoded part of a `whsec_` secret.

/**
 * A signer for one `whsec_` secret: `sign(id, timestampSeconds, bodyText)` resolves to the
 * three headers of a Standard Webhooks delivery. Throws at once on a malformed secret.
 * `hookproof` is the package as the example imported it (its runtime's entry).
 */
export function standardWebhooksSigner(hookproof, secret) {
  if (typeof secret !== "string" || !secret.startsWith("whsec_")) throw new Error("FORWARD_SECRET must be a whsec_ secret (base64 after the prefix)");
  const sign = (id, timestamp, body) => {
    const { headers } = hookproof.sign("standardwebhooks", body, secret, { timestamp, id });
    return { "webhook-id": headers["webhook-id"], "webhook-timestamp": headers["webhook-timestamp"], "webhook-signature": headers["webhook-signature"] };
  };
  // A secret the scheme cannot use (not base64 after the prefix) fails here, at start-up.
  sign("check", 0, "");
  return async (id, timestamp, body) => sign(id, timestamp, body);
}
