//! Cashfree Payments.
//!
//! Source: cashfree.com/docs/payments/online/webhooks/signature-verification (and the same
//! algorithm on cashfree.com/docs/api-reference/webhooks/payloads-and-signatures).
//!
//! - `x-webhook-signature: <base64>`: HMAC-SHA256 of `<x-webhook-timestamp><raw body>`, no
//!   separator (the documents' `$timestamp.$payload` is PHP concatenation), keyed by the
//!   client secret (for partner webhooks, the partner API key) as text.
//! - `x-webhook-timestamp` is signed, but no tolerance is documented and its unit varies
//!   (the documents' example `1617695238078` is milliseconds): hookproof signs it as sent and
//!   checks no window. A replay is the same delivery, caught by the dedupe key: the hex
//!   SHA-256 of the body.
//! - Type: body `type` (`PAYMENT_SUCCESS_WEBHOOK`).
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"data":{"order":{"order_id":"o1"}},"event_time":"2026-01-01T00:00:00+05:30","type":"PAYMENT_SUCCESS_WEBHOOK"}"#;
//! let mut options = SignOptions::at(0);
//! options.id = Some("1617695238078".into());
//! let signed = sign("cashfree", body, b"client-secret", &options)?;
//! assert!(signed.headers.iter().any(|(n, v)| n == "x-webhook-timestamp" && v == "1617695238078"));
//! let event = verify("cashfree", &Delivery::new(&signed.headers, body), &["client-secret"], &Options::default(), 0)?;
//! assert_eq!(event.kind, "PAYMENT_SUCCESS_WEBHOOK");
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "cashfree";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Header(B("x-webhook-timestamp")), Part::Body]),
        location: Locator::Header(B("x-webhook-signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Base64,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/type")),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
