//! Webflow.
//!
//! Source: developers.webflow.com/data/docs/working-with-webhooks (verifying requests:
//! `x-webflow-signature`, `x-webflow-timestamp`).
//!
//! - `x-webflow-signature: <hex>`: HMAC-SHA256 of `<x-webflow-timestamp>:<raw body>`, keyed by
//!   the OAuth app's client secret (or, for a webhook made through the API, its own secret)
//!   as text. Webhooks made in a site's dashboard are not signed.
//! - `x-webflow-timestamp`: Unix milliseconds. Window: "older than 5 minutes" may be a
//!   replay; hookproof: ±300 s at millisecond precision.
//! - Type: body `triggerType` (`form_submission`). No delivery id: the dedupe key is the hex
//!   SHA-256 of the body.
//! - The documents' example headers come without secret and body: not reproducible.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"triggerType":"form_submission","payload":{}}"#;
//! let signed = sign("webflow", body, b"client-secret", &SignOptions::at(1_663_849_649))?;
//! let event = verify("webflow", &Delivery::new(&signed.headers, body), &["client-secret"], &Options::default(), 1_663_849_949)?;
//! assert_eq!(event.kind, "form_submission");
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "webflow";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Literal(B(":")), Part::Body]),
        location: Locator::Header(B("x-webflow-signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Header(B("x-webflow-timestamp")),
        unit: TimeUnit::Milliseconds,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::Json(B("/triggerType")),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
