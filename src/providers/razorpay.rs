//! Razorpay.
//!
//! Source: razorpay.com/docs/webhooks/validate-test/.
//!
//! - `X-Razorpay-Signature`: hex HMAC-SHA256 of the raw body keyed by the webhook secret.
//!   No timestamp (no replay window).
//! - Type: body `event`; id: `X-Razorpay-Event-Id` (unsigned): the dedupe key is the body's
//!   digest.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "razorpay";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-Razorpay-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/event")),
        id: Field::Header(B("X-Razorpay-Event-Id")),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
