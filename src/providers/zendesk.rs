//! Zendesk.
//!
//! Sources: developer.zendesk.com/documentation/webhooks/verifying/ (current);
//! developer.zendesk.com/documentation/event-connectors/webhooks/verifying/ (older version,
//! with the only published example).
//!
//! - `X-Zendesk-Webhook-Signature: <base64>` HMAC-SHA256, keyed by the signing secret as text
//!   (it looks like base64, but the published example only reproduces undecoded), and
//!   `X-Zendesk-Webhook-Signature-Timestamp` (ISO 8601, `2021-07-25T10:00:00Z`).
//! - **Signed bytes: `<raw body><timestamp as sent>`.** The current page says
//!   `TIMESTAMP + BODY`; the older page says `(BODY)(TIMESTAMP)`, and its published example
//!   reproduces only in that order, so hookproof follows the example. Which order Zendesk
//!   sends today takes one real delivery to settle.
//! - Window: none documented; hookproof uses ±300 s.
//! - Type and id: not in the cited pages. Event-subscription webhooks carry body `type`
//!   (`zen:event-type:…`) and `id`, read as the type and the id and dedupe key (signed);
//!   trigger webhooks carry a body of the user's own design: without them the type is
//!   `zendesk` and the dedupe key the hex SHA-256 of the body.
//!
//! ```
//! use hookproof::{verify, Delivery, Options};
//!
//! // The published example, two seconds after its timestamp.
//! let headers = [
//!     ("X-Zendesk-Webhook-Signature", "tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw="),
//!     ("X-Zendesk-Webhook-Signature-Timestamp", "2021-07-25T10:00:00Z"),
//! ];
//! let secret = ["HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA="];
//! let event = verify("zendesk", &Delivery::new(&headers, br#"{"say": "hello"}"#), &secret, &Options::default(), 1_627_207_202)?;
//! assert_eq!(event.kind, "zendesk");
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "zendesk";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body, Part::Timestamp]),
        location: Locator::Header(B("X-Zendesk-Webhook-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Base64,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Header(B("X-Zendesk-Webhook-Signature-Timestamp")),
        unit: TimeUnit::Rfc3339,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::FirstJson(B(&[B("/type")])),
        id: Field::FirstJson(B(&[B("/id")])),
        dedupe: Field::FirstJson(B(&[B("/id")])),
    },
    challenge: None,
    content_type: B("application/json"),
};
