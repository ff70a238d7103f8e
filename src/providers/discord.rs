//! Discord interactions.
//!
//! Sources: github.com/discord/discord-api-docs `developers/interactions/overview.mdx`
//! ("Validating Security Request Headers"); discord/discord-interactions-js `src/index.ts`
//! (`verifyKey`).
//!
//! - `X-Signature-Ed25519`: hex of the Ed25519 signature of `<X-Signature-Timestamp as
//!   sent><raw body>` (no separator). The secret is the application's public key, hex.
//!   Verification is strict (RFC 8032): a non-canonical signature is a mismatch. To sign
//!   test deliveries, pass the private key's 32-byte seed as hex.
//! - Window: none documented (neither official library checks the age): hookproof's
//!   default ±300 s.
//! - Type: body `type` (`1` is PING); id and dedupe key: body `id`, signed.
//! - PING: [`Event::challenge`](crate::Event::challenge) is `{"type":1}`, the required
//!   answer.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "discord";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::Ed25519,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Body]),
        location: Locator::Header(B("X-Signature-Ed25519")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Header(B("X-Signature-Timestamp")),
        unit: TimeUnit::Seconds,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::Json(B("/type")),
        id: Field::Json(B("/id")),
        dedupe: Field::Json(B("/id")),
    },
    challenge: Some(Challenge::Fixed {
        when: Field::Json(B("/type")),
        equals: B("1"),
        answer: B(r#"{"type":1}"#),
    }),
    content_type: B("application/json"),
};
