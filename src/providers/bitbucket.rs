//! Bitbucket Cloud.
//!
//! Source: support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/ (secure webhooks).
//!
//! - `X-Hub-Signature: sha256=<hex>`: HMAC-SHA256 of the raw body keyed by the webhook's
//!   secret. (Intercom uses the same header with `sha1=`: name the provider.) No timestamp.
//! - Type: `X-Event-Key` (`repo:push`); id: `X-Request-UUID` (unsigned): the dedupe key is
//!   the body's digest.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "bitbucket";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-Hub-Signature")),
        syntax: Syntax::Prefixed(B("sha256=")),
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Header(B("X-Event-Key")),
        id: Field::Header(B("X-Request-UUID")),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
