//! Dropbox.
//!
//! Source: dropbox.com/developers/reference/webhooks ("Verification request", "Receiving
//! notifications").
//!
//! - `X-Dropbox-Signature: <hex>`: HMAC-SHA256 of the raw body, keyed by the app secret as text.
//! - No timestamp: no replay window is possible.
//! - The body only says that something changed (`{"list_folder": {"accounts": […]}, "delta":
//!   {…}}`): the type is `dropbox`, the dedupe key the hex SHA-256 of the body.
//! - The verification request is a `GET ?challenge=…`, unsigned, to echo as plain text; it
//!   carries no body to verify, so an endpoint answers it before calling hookproof.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"list_folder":{"accounts":["dbid:AAH4f99"]},"delta":{"users":[12345678]}}"#;
//! let signed = sign("dropbox", body, b"app-secret", &SignOptions::at(0))?;
//! let event = verify("dropbox", &Delivery::new(&signed.headers, body), &["app-secret"], &Options::default(), 0)?;
//! assert_eq!(event.kind, "dropbox");
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "dropbox";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-Dropbox-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::None,
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
