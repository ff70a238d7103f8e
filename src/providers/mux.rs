//! Mux.
//!
//! Sources: mux.com/docs/core/verify-webhook-signatures; muxinc/mux-node-sdk
//! `src/resources/webhooks.ts` and its tests.
//!
//! - `Mux-Signature: t=<unix>,v1=<hex>[,v1=…]`: HMAC-SHA256 of `<t>.<raw body>` keyed by
//!   the endpoint's signing secret (text). Any `v1` may match; other schemes are ignored;
//!   none is `missing_signature`.
//! - Window: ±300 s (the SDKs' 5 minutes; mux-node checks only the past).
//! - Type: body `type`; id and dedupe key: body `id`.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "mux";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Literal(B(".")), Part::Body]),
        location: Locator::Header(B("Mux-Signature")),
        syntax: Syntax::List { separator: ',', key: B("v1") },
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::SignatureField(B("t")),
        unit: TimeUnit::Seconds,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::Json(B("/type")),
        id: Field::Json(B("/id")),
        dedupe: Field::Json(B("/id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
