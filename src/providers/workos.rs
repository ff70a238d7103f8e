//! WorkOS.
//!
//! Source: workos.com/docs/events/data-syncing/webhooks (validating webhooks); workos-node
//! `src/webhooks/webhooks.ts`.
//!
//! - `WorkOS-Signature: t=<unix ms>, v1=<hex>`: HMAC-SHA256 of `<t>.<raw body>` keyed by the
//!   endpoint's secret. Window: ±180 s (the SDK's default), to the millisecond.
//! - Type: body `event`; id and dedupe key: body `id`.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "workos";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Literal(B(".")), Part::Body]),
        location: Locator::Header(B("WorkOS-Signature")),
        syntax: Syntax::List { separator: ',', key: B("v1") },
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::SignatureField(B("t")),
        unit: TimeUnit::Milliseconds,
        tolerance: 180,
    }),
    event: EventFields {
        kind: Field::Json(B("/event")),
        id: Field::Json(B("/id")),
        dedupe: Field::Json(B("/id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
