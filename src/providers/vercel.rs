//! Vercel.
//!
//! Source: vercel.com/docs/webhooks/webhooks-api (securing webhooks: `x-vercel-signature`).
//!
//! - `x-vercel-signature: <hex>`: HMAC-SHA1 of the raw body, keyed by the webhook's secret
//!   (or, for an integration's webhooks, its client secret) as text.
//! - No timestamp: no replay window is possible.
//! - Type: body `type` (`deployment.created`); id and dedupe key: body `id`, signed.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"id":"evt_1","type":"deployment.created","createdAt":1,"payload":{}}"#;
//! let signed = sign("vercel", body, b"vc-secret", &SignOptions::at(0))?;
//! assert_eq!(signed.headers[1].1.len(), 40);
//! let event = verify("vercel", &Delivery::new(&signed.headers, body), &["vc-secret"], &Options::default(), 0)?;
//! assert_eq!((event.kind.as_str(), event.dedupe_key.as_str()), ("deployment.created", "evt_1"));
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "vercel";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha1,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("x-vercel-signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/type")),
        id: Field::Json(B("/id")),
        dedupe: Field::Json(B("/id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
