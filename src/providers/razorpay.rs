//! Razorpay.
//!
//! Source: razorpay.com/docs/webhooks/validate-test/ (validate webhooks; `x-razorpay-event-id`
//! for idempotency).
//!
//! - `X-Razorpay-Signature: <hex>`: HMAC-SHA256 of the raw body, keyed by the webhook secret
//!   (set when the webhook is made, not the API key secret) as text.
//! - No timestamp: no replay window is possible.
//! - Type: body `event` (`payment.captured`). Id: header `x-razorpay-event-id`, not signed,
//!   so the dedupe key is the hex SHA-256 of the body.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"entity":"event","event":"payment.captured","payload":{},"created_at":1}"#;
//! let signed = sign("razorpay", body, b"rzp-webhook-secret", &SignOptions::at(0))?;
//! let event = verify("razorpay", &Delivery::new(&signed.headers, body), &["rzp-webhook-secret"], &Options::default(), 0)?;
//! assert_eq!(event.kind, "payment.captured");
//! # Ok::<(), hookproof::Error>(())
//! ```

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
        id: Field::Header(B("x-razorpay-event-id")),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
