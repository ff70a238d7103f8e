//! Postmark.
//!
//! Source: postmarkapp.com/developer/webhooks/webhooks-overview ("Protecting your webhook":
//! basic HTTP authentication in the webhook URL).
//!
//! - Proof: HTTP Basic credentials, not a signature. Postmark signs nothing; the webhook URL
//!   carries `https://user:password@…`, which Postmark sends as `Authorization: Basic …`. The
//!   secret is `user:password`, compared in constant time.
//! - No timestamp: no replay window is possible.
//! - Type: body `RecordType` (`Delivery`, `Bounce`, `Open`, …); id: body `MessageID`. One
//!   message has many records, so the dedupe key is the hex SHA-256 of the body.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"RecordType":"Delivery","MessageID":"883953f4","Recipient":"a@example.com"}"#;
//! let signed = sign("postmark", body, b"hook:pa55", &SignOptions::at(0))?;
//! assert_eq!(signed.headers[1].1, "Basic aG9vazpwYTU1");
//! let event = verify("postmark", &Delivery::new(&signed.headers, body), &["hook:pa55"], &Options::default(), 0)?;
//! assert_eq!((event.kind.as_str(), event.id.as_deref()), ("Delivery", Some("883953f4")));
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "postmark";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Token(TokenAt::Basic),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/RecordType")),
        id: Field::Json(B("/MessageID")),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
