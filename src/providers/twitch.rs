//! Twitch EventSub.
//!
//! Sources: dev.twitch.tv/docs/eventsub/handling-webhook-events (headers, RFC 3339,
//! "Guarding against replay attacks"); twitchdev/twitch-cli
//! `internal/events/trigger/forward_event.go`.
//!
//! - `Twitch-Eventsub-Message-Signature: sha256=<hex>`: HMAC-SHA256 of `<message id><timestamp
//!   as sent><raw body>` (no separators) keyed by the subscription's secret. The
//!   timestamp is signed exactly as received, never re-formatted.
//! - Timestamp: `Twitch-Eventsub-Message-Timestamp`, RFC 3339 with nanoseconds. Window:
//!   ±600 s ("older than 10 minutes"), fractions of a second counted.
//! - Type: `Twitch-Eventsub-Subscription-Type`; id and dedupe key:
//!   `Twitch-Eventsub-Message-Id` (signed, resent unchanged).
//! - `webhook_callback_verification`: [`Event::challenge`](crate::Event::challenge) holds the
//!   body's `challenge` to answer with (plain text).

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "twitch";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[
            Part::Header(B("Twitch-Eventsub-Message-Id")),
            Part::Timestamp,
            Part::Body,
        ]),
        location: Locator::Header(B("Twitch-Eventsub-Message-Signature")),
        syntax: Syntax::Prefixed(B("sha256=")),
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Header(B("Twitch-Eventsub-Message-Timestamp")),
        unit: TimeUnit::Rfc3339,
        tolerance: 600,
    }),
    event: EventFields {
        kind: Field::Header(B("Twitch-Eventsub-Subscription-Type")),
        id: Field::Header(B("Twitch-Eventsub-Message-Id")),
        dedupe: Field::Header(B("Twitch-Eventsub-Message-Id")),
    },
    challenge: Some(Challenge::Echo {
        when: Field::Header(B("Twitch-Eventsub-Message-Type")),
        equals: B("webhook_callback_verification"),
        echo: B("/challenge"),
    }),
    content_type: B("application/json"),
};
