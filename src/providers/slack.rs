//! Slack.
//!
//! Sources: api.slack.com/authentication/verifying-requests-from-slack; slack_sdk
//! `signature/__init__.py`; api.slack.com/events/url_verification.
//!
//! - `X-Slack-Signature: v0=<hex>`, HMAC-SHA256 of `v0:<X-Slack-Request-Timestamp>:<raw
//!   body>` keyed by the signing secret's text (not hex-decoded).
//! - Window: ±300 s.
//! - Bodies are JSON (Events API) or a form (slash commands, as a JSON object of its
//!   fields). Type: the event's `event.type`, else `type`, else a command's `command`.
//!   Dedupe: `event_id`, else `trigger_id`, else the body's digest (all signed).
//! - `url_verification`: [`Event::challenge`](crate::Event::challenge) holds the `challenge`
//!   to answer with (plain text).

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "slack";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[
            Part::Literal(B("v0:")),
            Part::Timestamp,
            Part::Literal(B(":")),
            Part::Body,
        ]),
        location: Locator::Header(B("X-Slack-Signature")),
        syntax: Syntax::Prefixed(B("v0=")),
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Header(B("X-Slack-Request-Timestamp")),
        unit: TimeUnit::Seconds,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::FirstJson(B(&[B("/event/type"), B("/type"), B("/command")])),
        id: Field::FirstJson(B(&[B("/event_id")])),
        dedupe: Field::FirstJson(B(&[B("/event_id"), B("/trigger_id")])),
    },
    challenge: Some(Challenge::Echo {
        when: Field::Json(B("/type")),
        equals: B("url_verification"),
        echo: B("/challenge"),
    }),
    content_type: B("application/json"),
};
