//! Meta (WhatsApp Business, Instagram, Messenger webhooks).
//!
//! Source: developers.facebook.com/docs/graph-api/webhooks/getting-started (Validating
//! Payloads; Verification Requests).
//!
//! - `X-Hub-Signature-256: sha256=<hex>`: HMAC-SHA256 of the raw body keyed by the app
//!   secret. No timestamp: no replay window.
//! - Type: body `object` (`whatsapp_business_account`, `instagram`, `page`); the dedupe key
//!   is the body's digest.
//! - Subscription check: Meta sends a `GET` with `hub.mode=subscribe`,
//!   `hub.verify_token` and `hub.challenge`; [`subscription_answer`] gives the text to
//!   answer with when the token is the one configured.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;
use alloc::string::String;

/// The provider's registry name.
pub const NAME: &str = "meta";
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
        kind: Field::FirstJson(B(&[B("/object")])),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};

/// The answer to Meta's subscription check (`GET ?hub.mode=subscribe&hub.verify_token=…&
/// hub.challenge=…`): the challenge, when the mode is `subscribe` and the token equals
/// `verify_token` (compared in constant time); `None` otherwise (answer 403).
///
/// ```
/// use hookproof::providers::meta::subscription_answer;
///
/// let url = "/callbacks/meta?hub.mode=subscribe&hub.verify_token=tok&hub.challenge=1158201444";
/// assert_eq!(subscription_answer(url, "tok").as_deref(), Some("1158201444"));
/// assert_eq!(subscription_answer(url, "other"), None);
/// ```
pub fn subscription_answer(url: &str, verify_token: &str) -> Option<String> {
    use subtle::ConstantTimeEq;
    let param = |name| crate::verify::query_param(url, name);
    if param("hub.mode")? != "subscribe" {
        return None;
    }
    let token = param("hub.verify_token")?;
    use sha2::Digest as _;
    let given: [u8; 32] = sha2::Sha256::digest(token.as_bytes()).into();
    let wanted: [u8; 32] = sha2::Sha256::digest(verify_token.as_bytes()).into();
    if !bool::from(given.ct_eq(&wanted)) || verify_token.is_empty() {
        return None;
    }
    param("hub.challenge").map(|challenge| String::from(challenge.as_ref()))
}
