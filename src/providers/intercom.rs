//! Intercom.
//!
//! Source: developers.intercom.com/intercom-api-reference/v1.0/reference/signed-notifications.
//!
//! - `X-Hub-Signature: sha1=<hex>`: HMAC-SHA1 of the raw body (the JSON notification),
//!   keyed by the app's `hub_secret` (third parties say its client secret today). No
//!   timestamp (no replay window); no rotation documented.
//! - Type: body `topic`; id and dedupe key: body `id` (`notif_…`), signed.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "intercom";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha1,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-Hub-Signature")),
        syntax: Syntax::Prefixed(B("sha1=")),
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/topic")),
        id: Field::Json(B("/id")),
        dedupe: Field::Json(B("/id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
