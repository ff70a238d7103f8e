//! Webflow.
//!
//! Source: developers.webflow.com/data/docs/working-with-webhooks (validating request
//! signatures).
//!
//! - `x-webflow-signature`: hex HMAC-SHA256 of `<x-webflow-timestamp>:<raw body>` keyed by
//!   the webhook's secret (an OAuth app's client secret). Timestamp: unix milliseconds,
//!   window ±300 s (the docs' five minutes).
//! - Type: body `triggerType`; the dedupe key is the body's digest.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "webflow";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Literal(B(":")), Part::Body]),
        location: Locator::Header(B("x-webflow-signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Header(B("x-webflow-timestamp")),
        unit: TimeUnit::Milliseconds,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::FirstJson(B(&[B("/triggerType")])),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
