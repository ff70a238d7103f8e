//! Telegram Bot API webhooks.
//!
//! Source: core.telegram.org/bots/api#setwebhook (`secret_token`) and #update.
//!
//! - Proof: a token, not a signature. `setWebhook`'s `secret_token` (1–256 characters of
//!   `A-Z a-z 0-9 _ -`) comes back in `X-Telegram-Bot-Api-Secret-Token` on every request,
//!   compared in constant time. The body is not signed.
//! - No timestamp: no replay window is possible.
//! - Type: `telegram` (an Update names its kind by which optional field it carries). Id and
//!   dedupe key: body `update_id`. The token proves the sender, not the bytes, so the key is
//!   only as good as the sender.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"update_id":10000,"message":{"message_id":1,"text":"hi"}}"#;
//! let signed = sign("telegram", body, b"my_secret-token", &SignOptions::at(0))?;
//! assert_eq!(signed.headers[1], ("X-Telegram-Bot-Api-Secret-Token".into(), "my_secret-token".into()));
//! let event = verify("telegram", &Delivery::new(&signed.headers, body), &["my_secret-token"], &Options::default(), 0)?;
//! assert_eq!(event.dedupe_key, "10000");
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "telegram";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Token(TokenAt::Header(B("X-Telegram-Bot-Api-Secret-Token"))),
    timestamp: None,
    event: EventFields {
        kind: Field::None,
        id: Field::Json(B("/update_id")),
        dedupe: Field::Json(B("/update_id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
