//! Calendly.
//!
//! Source: developer.calendly.com/api-docs/overview/webhooks/webhook-signatures.
//!
//! - `Calendly-Webhook-Signature: t=<unix>,v1=<hex>`: HMAC-SHA256 of `<t>.<raw body>`, keyed
//!   by the webhook signing key as text (chosen when the subscription is made with a
//!   personal access token, generated for an OAuth app).
//! - Window: the documents' example refuses timestamps older than 3 minutes; hookproof: ±180 s.
//!   Any `v1` may match; a header without `v1` is `missing_signature`.
//! - Type: body `event` (`invitee.created`). No delivery id is documented: the dedupe key is
//!   the hex SHA-256 of the body (a retry resends it unchanged).
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"event":"invitee.created","created_at":"2026-01-01T00:00:00Z","payload":{}}"#;
//! let signed = sign("calendly", body, b"signing-key", &SignOptions::at(1_700_000_000))?;
//! assert!(signed.headers[1].1.starts_with("t=1700000000,v1="));
//! let event = verify("calendly", &Delivery::new(&signed.headers, body), &["signing-key"], &Options::default(), 1_700_000_180)?;
//! assert_eq!(event.kind, "invitee.created");
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "calendly";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Literal(B(".")), Part::Body]),
        location: Locator::Header(B("Calendly-Webhook-Signature")),
        syntax: Syntax::List { separator: ',', key: B("v1") },
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::SignatureField(B("t")),
        unit: TimeUnit::Seconds,
        tolerance: 180,
    }),
    event: EventFields {
        kind: Field::Json(B("/event")),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
