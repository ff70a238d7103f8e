//! Postmark.
//!
//! Source: postmarkapp.com/support/article/1069-how-do-i-secure-my-webhooks (basic HTTP
//! authentication in the webhook URL).
//!
//! - Unsigned: Postmark sends the credentials put in the webhook URL as HTTP Basic
//!   `Authorization`; the secret is `user:password`, compared in constant time. No replay
//!   window.
//! - Type: body `RecordType`; id: `MessageID`; dedupe key: the body's digest.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "postmark";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Token(TokenAt::Basic),
    timestamp: None,
    event: EventFields {
        kind: Field::FirstJson(B(&[B("/RecordType")])),
        id: Field::FirstJson(B(&[B("/MessageID")])),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
