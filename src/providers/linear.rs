//! Linear.
//!
//! Sources: linear/linear `packages/sdk/src/webhooks/client.ts` and its tests,
//! `packages/sdk/CHANGELOG.md`.
//!
//! - `Linear-Signature`: hex HMAC-SHA256 of the raw body keyed by the webhook's signing
//!   secret.
//! - Timestamp: the body's `webhookTimestamp` (signed), a JSON number of unix
//!   milliseconds; the unsigned `linear-timestamp` header is never read (the SDK's
//!   changelog fixes a replay through it). Window: ±60 s, to the millisecond. A body
//!   without it is `missing_timestamp` (the SDK skips the check).
//! - Type: body `type`; the dedupe key is the body's digest (`webhookId` names the
//!   webhook, not the delivery).

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "linear";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("Linear-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Json(B("/webhookTimestamp")),
        unit: TimeUnit::Milliseconds,
        tolerance: 60,
    }),
    event: EventFields {
        kind: Field::Json(B("/type")),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
