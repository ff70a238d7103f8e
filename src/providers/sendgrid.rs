//! SendGrid (Event Webhook, signed).
//!
//! Source: twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features.
//!
//! - `X-Twilio-Email-Event-Webhook-Signature`: base64 of an ECDSA P-256 (SHA-256) signature,
//!   DER, of `<X-Twilio-Email-Event-Webhook-Timestamp><raw body>`. The secret is the
//!   verification key SendGrid shows (base64 DER public key; PEM and hex also read).
//! - Timestamp: unix seconds; none documented for the window: hookproof's default ±300 s.
//! - A body is a batch of events: type the first one's `event`, dedupe key the body's
//!   digest (each event carries `sg_event_id`).

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "sendgrid";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::EcdsaP256,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Body]),
        location: Locator::Header(B("X-Twilio-Email-Event-Webhook-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Base64,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Header(B("X-Twilio-Email-Event-Webhook-Timestamp")),
        unit: TimeUnit::Seconds,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::FirstJson(B(&[B("/0/event")])),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
