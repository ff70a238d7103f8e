//! Twilio SendGrid Event Webhook (signed).
//!
//! Sources: twilio.com/docs/sendgrid/for-developers/tracking-events/getting-started-event-webhook-security-features;
//! sendgrid-nodejs `packages/eventwebhook` (and sendgrid-java, -python, -ruby, -csharp, -go: the
//! same test vector).
//!
//! - `X-Twilio-Email-Event-Webhook-Signature`: base64 of an ECDSA P-256 / SHA-256 signature
//!   (DER) over `<X-Twilio-Email-Event-Webhook-Timestamp><raw body>`, no separator.
//! - The secret is the verification key SendGrid shows: base64 of the DER
//!   SubjectPublicKeyInfo (PEM is accepted too). `sign` takes the private key's 32-byte
//!   scalar as hex or base64.
//! - The timestamp is Unix seconds; no tolerance is documented: hookproof uses ±300 s.
//! - The body is a JSON array of events. Type: the first event's `event` (`delivered`); the
//!   dedupe key is the hex SHA-256 of the body (each event's `sg_event_id` is inside it).
//!
//! ```
//! use hookproof::{verify, Delivery, Options};
//!
//! // The SDKs' test vector: genuine, and its body is one event object.
//! let headers = [
//!     ("X-Twilio-Email-Event-Webhook-Signature", "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0="),
//!     ("X-Twilio-Email-Event-Webhook-Timestamp", "1588788367"),
//! ];
//! let key = ["MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA=="];
//! let body = br#"{"category":"example_payload","event":"test_event","message_id":"message_id"}"#;
//! let event = verify("sendgrid", &Delivery::new(&headers, body), &key, &Options::default(), 1_588_788_367)?;
//! assert_eq!(event.provider.to_string(), "sendgrid");
//! # Ok::<(), hookproof::Error>(())
//! ```

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
        kind: Field::FirstJson(B(&[B("/0/event"), B("/event")])),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
