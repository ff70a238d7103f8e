//! Mux.
//!
//! Sources: mux.com/docs/core/verify-webhook-signatures; muxinc/mux-node-sdk
//! `src/resources/webhooks.ts` and `tests/api-resources/webhooks.test.ts`.
//!
//! - `Mux-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]`: HMAC-SHA256 of `<t>.<raw body>`, keyed by
//!   the endpoint's signing secret as text. "Currently, the only valid signature scheme is
//!   v1": any `v1` may match, other schemes (`v2`) are ignored; no `v1` is
//!   `missing_signature`, no `t=` is `missing_timestamp`.
//! - Window: ±300 s ("our SDKs allow a tolerance of 5 minutes"). mux-node checks only the
//!   past; hookproof also refuses timestamps more than 300 s ahead.
//! - Type: body `type` (`video.asset.ready`); id and dedupe key: body `id`, signed.
//!
//! ```
//! use hookproof::{verify, Delivery, ErrorCode, Options};
//!
//! // mux-node's published example: it verifies, and its body is not an event.
//! let headers = [("Mux-Signature", "t=1565125718,v1=854ece4c22acef7c66b57d4e504153bc512595e8e9c772ece2a68150548c19a7")];
//! let error = verify("mux", &Delivery::new(&headers, br#"{"test":"body"}"#), &["SuperSecret123"], &Options::default(), 1_565_125_718).unwrap_err();
//! assert_eq!(error.code(), ErrorCode::InvalidPayload);
//! ```

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
