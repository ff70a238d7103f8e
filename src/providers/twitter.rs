//! X (Twitter) Account Activity webhooks.
//!
//! Source: developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks.
//!
//! - `x-twitter-webhooks-signature: sha256=<base64>`: HMAC-SHA256 of the raw body, keyed by
//!   the app's consumer secret (API secret key) as text.
//! - No timestamp: no replay window is possible.
//! - The CRC check is a `GET ?crc_token=…`; its answer is
//!   `{"response_token": "sha256=<base64 HMAC-SHA256 of crc_token under the consumer secret>"}`,
//!   which [`crc_response`] computes.
//! - The body names its kind by which array it carries (`tweet_create_events`, …): the type is
//!   `twitter`, the dedupe key the hex SHA-256 of the body.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"for_user_id":"2244994945","tweet_create_events":[{"id_str":"1"}]}"#;
//! let signed = sign("twitter", body, b"consumer-secret", &SignOptions::at(0))?;
//! assert!(signed.headers[1].1.starts_with("sha256="));
//! let event = verify("twitter", &Delivery::new(&signed.headers, body), &["consumer-secret"], &Options::default(), 0)?;
//! assert_eq!(event.kind, "twitter");
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;
use alloc::string::String;

/// The provider's registry name.
pub const NAME: &str = "twitter";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("x-twitter-webhooks-signature")),
        syntax: Syntax::Prefixed(B("sha256=")),
        encoding: Encoding::Base64,
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

/// The JSON answer to a CRC check (`GET ?crc_token=…`):
/// `{"response_token":"sha256=<base64 HMAC-SHA256(consumer secret, crc_token)>"}`.
///
/// ```
/// let answer = hookproof::providers::twitter::crc_response(b"consumer-secret", "challenge");
/// assert!(answer.starts_with(r#"{"response_token":"sha256="#));
/// ```
pub fn crc_response(consumer_secret: &[u8], crc_token: &str) -> String {
    use hmac::{KeyInit, Mac};
    let mut mac = crate::proof::HmacSha256::new_from_slice(consumer_secret)
        .unwrap_or_else(|_| unreachable!());
    mac.update(crc_token.as_bytes());
    let token = crate::proof::encode(Encoding::Base64, &mac.finalize().into_bytes());
    alloc::format!("{{\"response_token\":\"sha256={token}\"}}")
}
