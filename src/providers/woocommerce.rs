//! WooCommerce.
//!
//! Source: github.com/woocommerce/woocommerce `plugins/woocommerce/includes/class-wc-webhook.php`.
//!
//! - `X-WC-Webhook-Signature: <base64>`: HMAC-SHA256 (the default of the
//!   `woocommerce_webhook_hash_algorithm` filter) of the raw body, keyed by the webhook's
//!   secret after `wp_specialchars_decode`: pass the secret with HTML entities such as
//!   `&amp;` already decoded.
//! - No timestamp (no replay window). Type: `X-WC-Webhook-Topic`; id:
//!   `X-WC-Webhook-Delivery-ID` (unsigned, so the dedupe key is the body's digest).

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "woocommerce";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-WC-Webhook-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Base64,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Header(B("X-WC-Webhook-Topic")),
        id: Field::Header(B("X-WC-Webhook-Delivery-ID")),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
