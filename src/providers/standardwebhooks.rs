//! Standard Webhooks (also Svix, Clerk and Resend: aliases `svix`, `clerk`, `resend`).
//!
//! Sources: github.com/standard-webhooks/standard-webhooks `spec/standard-webhooks.md` and
//! its `libraries/`; docs.svix.com/receiving/verifying-payloads/how-manual; svix/svix-webhooks
//! `server/svix-server/src/worker.rs` (`sign_msg`, asymmetric signing).
//!
//! - Signed bytes: `<webhook-id>.<webhook-timestamp as sent>.<raw body>`; Svix sends the
//!   same values as `svix-id`, `svix-timestamp`, `svix-signature`, read when the
//!   `webhook-*` ones are absent.
//! - `webhook-signature` is space-separated `<version>,<base64>` entries; any may match (the
//!   sender's rotation). `v1` is HMAC-SHA256 keyed by the base64 after `whsec_`; `v1a` is
//!   Ed25519 verified with `whpk_` + base64 of the public key (the reference libraries skip
//!   `v1a`). Entries of other versions are skipped; none of a known version is
//!   `malformed_signature`. Sign `v1a` with `whsk_` (base64 of seed ‖ public key, as
//!   svix-server lays it out) or the 32-byte seed.
//! - Window: ±300 s (the reference libraries'; the spec names no number).
//! - Type: body `type` (the provider's name where the body has none). Id and dedupe key:
//!   `webhook-id`, which is signed.
//!
//! ```
//! use hookproof::{verify, Delivery, Options};
//!
//! // The spec's published example.
//! let headers = [
//!     ("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
//!     ("webhook-timestamp", "1614265330"),
//!     ("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
//! ];
//! let body = br#"{"test": 2432232314}"#;
//! let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
//! let event = verify("svix", &Delivery::new(&headers, body), &[secret], &Options::default(), 1_614_265_330)?;
//! assert_eq!(event.dedupe_key, "msg_p5jXN8AQM9LWM0D4loKWxJek");
//! assert_eq!(event.kind, "standardwebhooks"); // the example body has no `type`
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "standardwebhooks";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::StandardWebhooks,
        signed: B(&[
            Part::EitherHeader(B("webhook-id"), B("svix-id")),
            Part::Literal(B(".")),
            Part::Timestamp,
            Part::Literal(B(".")),
            Part::Body,
        ]),
        location: Locator::EitherHeader(B("webhook-signature"), B("svix-signature")),
        syntax: Syntax::Versioned(B(&[
            Version { tag: B("v1"), algorithm: Algorithm::HmacSha256 },
            Version { tag: B("v1a"), algorithm: Algorithm::Ed25519 },
        ])),
        encoding: Encoding::Base64,
    }),
    timestamp: Some(Timestamp {
        at: Locator::EitherHeader(B("webhook-timestamp"), B("svix-timestamp")),
        unit: TimeUnit::Seconds,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::FirstJson(B(&[B("/type")])),
        id: Field::EitherHeader(B("webhook-id"), B("svix-id")),
        dedupe: Field::EitherHeader(B("webhook-id"), B("svix-id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
