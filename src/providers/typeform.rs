//! Typeform.
//!
//! Source: typeform.com/developers/webhooks/secure-your-webhooks.
//!
//! - `Typeform-Signature: sha256=<base64>`: HMAC-SHA256 of the raw body keyed by the
//!   webhook's `secret`. No timestamp (no replay window); no rotation documented.
//! - The cited page names no event fields: type `event_type` and dedupe `event_id` where
//!   the body has them (Typeform's payloads do), else the provider's name and the body's
//!   digest.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "typeform";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("Typeform-Signature")),
        syntax: Syntax::Prefixed(B("sha256=")),
        encoding: Encoding::Base64,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::FirstJson(B(&[B("/event_type")])),
        id: Field::FirstJson(B(&[B("/event_id")])),
        dedupe: Field::FirstJson(B(&[B("/event_id")])),
    },
    challenge: None,
    content_type: B("application/json"),
};
