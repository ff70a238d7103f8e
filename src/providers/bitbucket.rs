//! Bitbucket Cloud.
//!
//! Source: support.atlassian.com/bitbucket-cloud/docs/manage-webhooks/ ("Secure webhooks")
//! and support.atlassian.com/bitbucket-cloud/docs/event-payloads/ (headers).
//!
//! - `X-Hub-Signature: sha256=<hex>`: HMAC-SHA256 of the raw body, keyed by the webhook's
//!   secret as text.
//! - No timestamp: no replay window is possible.
//! - Type: header `X-Event-Key` (`repo:push`). Id: header `X-Request-UUID`, not signed, so the
//!   dedupe key is the hex SHA-256 of the body.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"push":{"changes":[]},"repository":{"full_name":"a/b"}}"#;
//! let mut signed = sign("bitbucket", body, b"bb-secret", &SignOptions::at(0))?;
//! signed.headers.push(("X-Event-Key".into(), "repo:push".into()));
//! let event = verify("bitbucket", &Delivery::new(&signed.headers, body), &["bb-secret"], &Options::default(), 0)?;
//! assert_eq!(event.kind, "repo:push");
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "bitbucket";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-Hub-Signature")),
        syntax: Syntax::Prefixed(B("sha256=")),
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Header(B("X-Event-Key")),
        id: Field::Header(B("X-Request-UUID")),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
