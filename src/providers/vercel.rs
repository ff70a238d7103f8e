//! Vercel.
//!
//! Source: vercel.com/docs/observability/webhooks-overview (securing webhooks).
//!
//! - `x-vercel-signature`: hex HMAC-SHA1 of the raw body keyed by the webhook secret (the
//!   integration's client secret). No timestamp: no replay window.
//! - Type: body `type`; id and dedupe key: body `id`.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "vercel";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha1,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("x-vercel-signature")),
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
