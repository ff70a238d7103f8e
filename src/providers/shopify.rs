//! Shopify.
//!
//! Source: shopify.dev/docs/apps/build/webhooks/verify-deliveries.
//!
//! - `X-Shopify-Hmac-SHA256: <base64>`, HMAC-SHA256 of the raw body keyed by the app's
//!   client secret (text). After a secret rotation the old secret may sign for up to an
//!   hour: pass both.
//! - No timestamp: no replay window.
//! - Type: `X-Shopify-Topic`; id: `X-Shopify-Webhook-Id` (not signed, so the dedupe key is
//!   the hex SHA-256 of the body).

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "shopify";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-Shopify-Hmac-SHA256")),
        syntax: Syntax::Bare,
        encoding: Encoding::Base64,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Header(B("X-Shopify-Topic")),
        id: Field::Header(B("X-Shopify-Webhook-Id")),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
