//! Dropbox.
//!
//! Source: dropbox.com/developers/reference/webhooks.
//!
//! - `X-Dropbox-Signature`: hex HMAC-SHA256 of the raw body keyed by the app secret. No
//!   timestamp (no replay window). The endpoint check is a `GET ?challenge=…` to echo: it
//!   carries no proof and needs no library.
//! - Notifications list accounts only: type the provider's name, dedupe key the body's
//!   digest.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "dropbox";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-Dropbox-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::None,
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
