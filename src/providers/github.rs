//! GitHub.
//!
//! Source: docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries.
//!
//! - `X-Hub-Signature-256: sha256=<hex>`, HMAC-SHA256 of the raw body keyed by the secret's
//!   text. The legacy `X-Hub-Signature` (`sha1=`) alone is `missing_signature`.
//! - No timestamp: no replay window is possible.
//! - Type: `<X-GitHub-Event>.<action>` (`issues.opened`), or the header alone where the
//!   body has no `action` (`push`). Id: `X-GitHub-Delivery`, a GUID kept on redelivery —
//!   but not signed, so the dedupe key is the hex SHA-256 of the body instead (a
//!   redelivery carries the same body).
//! - Only JSON deliveries decode (the `application/x-www-form-urlencoded` `payload=` form
//!   verifies, but its event is not decoded).
//!
//! ```
//! use hookproof::{verify, Delivery, ErrorCode, Options};
//!
//! // The published example: its body is not an event, so it verifies and fails to decode.
//! let headers = [("X-Hub-Signature-256", "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"), ("X-GitHub-Event", "ping")];
//! let error = verify("github", &Delivery::new(&headers, b"Hello, World!"), &["It's a Secret to Everybody"], &Options::default(), 0).unwrap_err();
//! assert_eq!(error.code(), ErrorCode::MalformedBody);
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "github";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-Hub-Signature-256")),
        syntax: Syntax::Prefixed(B("sha256=")),
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::HeaderDotJson(B("X-GitHub-Event"), B("/action")),
        id: Field::Header(B("X-GitHub-Delivery")),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
