//! Checkout.com.
//!
//! Source: checkout.com/docs/developer-resources/webhooks/manage-webhooks (authenticating
//! webhook notifications: `Cko-Signature`).
//!
//! - `Cko-Signature: <hex>`: HMAC-SHA256 of the raw body, keyed by the webhook's secret key
//!   as text. Checkout.com can also send a fixed `Authorization` header value of the
//!   merchant's choosing; hookproof checks the signature, which covers the body.
//! - No timestamp: no replay window is possible.
//! - Type: body `type` (`payment_approved`); id and dedupe key: body `id` (`evt_…`), signed.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"id":"evt_1","type":"payment_approved","created_on":"2026-01-01T00:00:00Z","data":{}}"#;
//! let signed = sign("checkout", body, b"cko-secret", &SignOptions::at(0))?;
//! let event = verify("checkout", &Delivery::new(&signed.headers, body), &["cko-secret"], &Options::default(), 0)?;
//! assert_eq!((event.kind.as_str(), event.dedupe_key.as_str()), ("payment_approved", "evt_1"));
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "checkout";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("Cko-Signature")),
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
