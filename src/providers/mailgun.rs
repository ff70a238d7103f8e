//! Mailgun.
//!
//! Sources: documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks;
//! mailgun/mailgun-php `tests/Api/WebhookTest.php`, `src/Api/Webhook.php`.
//!
//! - No signature header: the JSON body carries `signature: {timestamp, token,
//!   signature}`; `signature` is the hex HMAC-SHA256 of `<timestamp><token>` keyed by the
//!   HTTP webhook signing key. `event-data` is not covered by the signature.
//! - Timestamp: unix seconds, a number or a string of digits. Window: none documented
//!   ("don't be too aggressive"): hookproof's default ±300 s.
//! - Type: `event-data.event`; id: `event-data.id` (unsigned); dedupe key: the signed
//!   `token`, as the docs suggest.
//! - Not covered: subaccounts' `parent-signature`, the older form-encoded deliveries.
//! - [`sign`](crate::sign) writes `signature` (and a timestamp and token where the body has
//!   none) into the body: send [`Signed::body`](crate::Signed::body).

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "mailgun";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Json(B("/signature/timestamp")), Part::Json(B("/signature/token"))]),
        location: Locator::Json(B("/signature/signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Json(B("/signature/timestamp")),
        unit: TimeUnit::Seconds,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::FirstJson(B(&[B("/event-data/event")])),
        id: Field::FirstJson(B(&[B("/event-data/id")])),
        dedupe: Field::Json(B("/signature/token")),
    },
    challenge: None,
    content_type: B("application/json"),
};
