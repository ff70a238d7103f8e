//! Square.
//!
//! Sources: developer.squareup.com/docs/webhooks/step3validate; square/square-python-sdk
//! `src/square/utils/webhooks_helper.py` and its test.
//!
//! - `x-square-hmacsha256-signature`: base64 HMAC-SHA256 of `<notification URL><raw body>`
//!   keyed by the subscription's signature key as text. The URL must be exactly the one
//!   configured: pass it ([`Delivery::with_url`](crate::Delivery::with_url)).
//! - The SHA-1 `x-square-signature` is not accepted. No timestamp: no replay window.
//! - Type: body `type`; id and dedupe key: body `event_id`.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "square";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Url, Part::Body]),
        location: Locator::Header(B("x-square-hmacsha256-signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Base64,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/type")),
        id: Field::Json(B("/event_id")),
        dedupe: Field::Json(B("/event_id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
