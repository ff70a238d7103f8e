//! GitLab.
//!
//! Source: docs.gitlab.com/user/project/integrations/webhooks (Secret token; delivery
//! headers).
//!
//! - Unsigned: the secret token is repeated in `X-Gitlab-Token` on every request,
//!   compared in constant time. Nothing covers the body: anyone who learns the token can
//!   forge deliveries, and no replay window is possible.
//! - Type: `X-Gitlab-Event` (`Push Hook`); id: `X-Gitlab-Event-UUID`. Nothing is signed,
//!   so the dedupe key is the body's digest.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "gitlab";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Token(TokenAt::Header(B("X-Gitlab-Token"))),
    timestamp: None,
    event: EventFields {
        kind: Field::Header(B("X-Gitlab-Event")),
        id: Field::Header(B("X-Gitlab-Event-UUID")),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
