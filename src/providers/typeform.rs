//! Typeform.
//!
//! Source: typeform.com/developers/webhooks/secure-your-webhooks.
//!
//! - `Typeform-Signature: sha256=<base64>`: HMAC-SHA256 of the raw body, keyed by the
//!   webhook's `secret` as text.
//! - No timestamp: no replay window is possible. No rotation is documented.
//! - The cited page names no event fields; the payloads Typeform sends carry `event_type`
//!   (`form_response`) and `event_id`, which hookproof reads as the type and the id and
//!   dedupe key (signed). No published example.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"event_id":"01H","event_type":"form_response","form_response":{}}"#;
//! let signed = sign("typeform", body, b"tf-secret", &SignOptions::at(0))?;
//! assert!(signed.headers[1].1.starts_with("sha256="));
//! let event = verify("typeform", &Delivery::new(&signed.headers, body), &["tf-secret"], &Options::default(), 0)?;
//! assert_eq!((event.kind.as_str(), event.dedupe_key.as_str()), ("form_response", "01H"));
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "typeform";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("Typeform-Signature")),
        syntax: Syntax::Prefixed(B("sha256=")),
        encoding: Encoding::Base64,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/event_type")),
        id: Field::Json(B("/event_id")),
        dedupe: Field::Json(B("/event_id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
