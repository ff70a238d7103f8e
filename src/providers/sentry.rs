//! Sentry (integration platform).
//!
//! Source: docs.sentry.io/organization/integrations/integration-platform/webhooks/
//! (verifying the signature).
//!
//! - `Sentry-Hook-Signature`: hex HMAC-SHA256 of the raw body keyed by the integration's
//!   client secret. The `Sentry-Hook-Timestamp` header is not signed, so it cannot make a
//!   replay window.
//! - Type: `Sentry-Hook-Resource` and the body's `action` (`issue.created`); the dedupe key
//!   is the body's digest.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "sentry";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("Sentry-Hook-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::HeaderDotJson(B("Sentry-Hook-Resource"), B("/action")),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
