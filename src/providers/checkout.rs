//! Checkout.com.
//!
//! Source: checkout.com/docs/developer-resources/webhooks (verify the signature).
//!
//! - `Cko-Signature`: hex HMAC-SHA256 of the raw body keyed by the webhook's secret key.
//!   No timestamp (no replay window).
//! - Type: body `type`; id and dedupe key: body `id`.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "checkout";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("Cko-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/type")),
        id: Field::Json(B("/id")),
        dedupe: Field::Json(B("/id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
