//! Telegram Bot API.
//!
//! Source: core.telegram.org/bots/api#setwebhook (`secret_token`).
//!
//! - Unsigned: the `secret_token` given to `setWebhook` is repeated in
//!   `X-Telegram-Bot-Api-Secret-Token` on every update, compared in constant time. Nothing
//!   covers the body; no replay window.
//! - Type: the provider's name; id and dedupe key: the update's `update_id` (in the body,
//!   unsigned like everything here: it is what Telegram documents for duplicates).

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
