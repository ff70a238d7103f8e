//! Zendesk.
//!
//! Sources: developer.zendesk.com/documentation/webhooks/verifying/ (current);
//! developer.zendesk.com/documentation/event-connectors/webhooks/verifying/ (older).
//!
//! - `X-Zendesk-Webhook-Signature`: base64 HMAC-SHA256 keyed by the signing secret as
//!   text (it looks like base64 but is not decoded), of `<X-Zendesk-Webhook-Signature-Timestamp
//!   as sent><raw body>`: the order of the current documentation and its code samples.
//!   **The documents disagree**: the older page gives body then timestamp, and its only
//!   published example reproduces only so (tests/providers.rs verifies it with a declared
//!   scheme of that order). Which order Zendesk sends takes one real delivery to settle.
//! - Timestamp: ISO 8601 (`2021-07-25T10:00:00Z`); none documented for the window:
//!   hookproof's default ±300 s.
//! - Event type and delivery id are not in the cited pages: type `type` where the body has
//!   one, else the provider's name; dedupe key: the body's digest.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "zendesk";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Body]),
        location: Locator::Header(B("X-Zendesk-Webhook-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Base64,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Header(B("X-Zendesk-Webhook-Signature-Timestamp")),
        unit: TimeUnit::Rfc3339,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::FirstJson(B(&[B("/type")])),
        id: Field::FirstJson(B(&[B("/id")])),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
