//! Sentry integration platform.
//!
//! Source: docs.sentry.io/integrations/integration-platform/webhooks/ (headers, "Verifying the
//! Signature").
//!
//! - `Sentry-Hook-Signature: <hex>`: HMAC-SHA256 of the body, keyed by the integration's
//!   client secret as text. Sentry's sample hashes `JSON.stringify(request.body)`; hookproof
//!   hashes the raw body, which is what that reproduces for the compact JSON Sentry sends.
//! - `Sentry-Hook-Timestamp` is sent but not signed, so it proves nothing: no replay window.
//! - Type: `<Sentry-Hook-Resource>.<action>` (`issue.created`), or the header alone. Id:
//!   header `Request-ID`, not signed, so the dedupe key is the hex SHA-256 of the body.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"action":"created","data":{"issue":{"id":"1"}}}"#;
//! let mut signed = sign("sentry", body, b"client-secret", &SignOptions::at(0))?;
//! signed.headers.push(("Sentry-Hook-Resource".into(), "issue".into()));
//! let event = verify("sentry", &Delivery::new(&signed.headers, body), &["client-secret"], &Options::default(), 0)?;
//! assert_eq!(event.kind, "issue.created");
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "sentry";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("Sentry-Hook-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::HeaderDotJson(B("Sentry-Hook-Resource"), B("/action")),
        id: Field::Header(B("Request-ID")),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
