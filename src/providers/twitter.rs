//! X (Twitter) Account Activity API.
//!
//! Source: developer.x.com/en/docs/x-api/enterprise/account-activity-api/guides/securing-webhooks.
//!
//! - `x-twitter-webhooks-signature: sha256=<base64>`: HMAC-SHA256 of the raw body keyed by
//!   the app's consumer secret. No timestamp (no replay window).
//! - The CRC check (`GET ?crc_token=…`): [`crc_response`] computes the
//!   `{"response_token": "sha256=<base64>"}` to answer with.
//! - Type: the provider's name; dedupe key: the body's digest.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

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
        kind: Field::FirstJson(B(&[B("/event_type")])),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};

/// The answer to X's CRC check: `{"response_token":"sha256=<base64 HMAC-SHA256 of
/// crc_token under the consumer secret>"}`.
///
/// ```
/// let answer = hookproof::providers::twitter::crc_response(b"consumer-secret", "crc-token");
/// assert!(answer.starts_with(r#"{"response_token":"sha256="#));
/// ```
pub fn crc_response(consumer_secret: &[u8], crc_token: &str) -> alloc::string::String {
    use base64::Engine as _;
    use hmac::{KeyInit, Mac};
    let mut mac = crate::proof::HmacSha256::new_from_slice(consumer_secret)
        .unwrap_or_else(|_| unreachable!());
    mac.update(crc_token.as_bytes());
    let token = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    alloc::format!(r#"{{"response_token":"sha256={token}"}}"#)
}
