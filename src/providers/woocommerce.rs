//! WooCommerce.
//!
//! Source: github.com/woocommerce/woocommerce `plugins/woocommerce/includes/class-wc-webhook.php`
//! (`generate_signature`, `get_new_delivery_id`, the delivery headers).
//!
//! - `X-WC-Webhook-Signature: <base64>`: HMAC-SHA256 of the raw body (WooCommerce's default;
//!   the `woocommerce_webhook_hash_algorithm` filter can change it), keyed by the webhook's
//!   secret after `wp_specialchars_decode(secret, ENT_QUOTES)`: pass the secret as typed, with
//!   `&`, not `&amp;`.
//! - No timestamp: no replay window is possible. No rotation is documented.
//! - Type: header `X-WC-Webhook-Topic` (`order.created`); id: header
//!   `X-WC-Webhook-Delivery-ID`, which is not signed, so the dedupe key is the hex SHA-256 of
//!   the body instead.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"id":73,"status":"processing"}"#;
//! let mut signed = sign("woocommerce", body, b"wc-secret", &SignOptions::at(0))?;
//! signed.headers.push(("X-WC-Webhook-Topic".into(), "order.created".into()));
//! let event = verify("woocommerce", &Delivery::new(&signed.headers, body), &["wc-secret"], &Options::default(), 0)?;
//! assert_eq!(event.kind, "order.created");
//! # Ok::<(), hookproof::Error>(())
//! ```

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
