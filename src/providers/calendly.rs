//! Calendly.
//!
//! Source: developer.calendly.com/api-docs/ZG9jOjM2MzE2MDM4-webhook-signatures.
//!
//! - `Calendly-Webhook-Signature: t=<unix>,v1=<hex>`: HMAC-SHA256 of `<t>.<raw body>` keyed
//!   by the webhook signing key. Window: ±180 s (the docs' three minutes).
//! - Type: body `event`; the dedupe key is the body's digest.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "calendly";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Literal(B(".")), Part::Body]),
        location: Locator::Header(B("Calendly-Webhook-Signature")),
        syntax: Syntax::List { separator: ',', key: B("v1") },
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::SignatureField(B("t")),
        unit: TimeUnit::Seconds,
        tolerance: 180,
    }),
    event: EventFields {
        kind: Field::Json(B("/event")),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
