//! Paddle Billing.
//!
//! Sources: developer.paddle.com/webhooks/signature-verification; PaddleHQ/paddle-node-sdk
//! `src/notifications/helpers/webhooks-validator.ts`; PaddleHQ/paddle-python-sdk
//! `paddle_billing/Notifications/Verifier.py`.
//!
//! - `Paddle-Signature: ts=<unix>;h1=<hex>[;h1=…]`: HMAC-SHA256 of `<ts>:<raw body>` keyed
//!   by the whole endpoint secret (`pdl_ntfset_…`) as text. Any `h1` may match (the Node
//!   SDK keeps only the last, the Python SDK tries all); unknown keys are ignored.
//! - Window: ±5 s (the SDKs' default, stated by the docs too; they check only the past).
//! - Type: body `event_type`; id and dedupe key: body `event_id`.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "paddle";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Literal(B(":")), Part::Body]),
        location: Locator::Header(B("Paddle-Signature")),
        syntax: Syntax::List { separator: ';', key: B("h1") },
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::SignatureField(B("ts")),
        unit: TimeUnit::Seconds,
        tolerance: 5,
    }),
    event: EventFields {
        kind: Field::Json(B("/event_type")),
        id: Field::Json(B("/event_id")),
        dedupe: Field::Json(B("/event_id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
