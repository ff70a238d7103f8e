//! PagerDuty webhooks v3.
//!
//! Sources: github.com/PagerDuty/developer-docs `docs/webhooks/04-Signatures.md`
//! (developer.pagerduty.com/docs/webhooks/webhook-signatures); PagerDuty/go-pagerduty
//! `webhookv3/webhookv3.go` and its test.
//!
//! - `X-PagerDuty-Signature: v1=<hex>[,v1=<hex>…]`: HMAC-SHA256 of the raw body, keyed by
//!   the subscription's secret as text. Several `v1` entries come during a zero-downtime
//!   rotation; any may match; other versions are ignored.
//! - A header without `v1` is `missing_signature` (go-pagerduty calls it malformed; hookproof
//!   treats it as Stripe's: no signature of the accepted version).
//! - No timestamp: no replay window is possible.
//! - Type: body `event.event_type`; id and dedupe key: body `event.id`, signed.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"event":{"id":"01BW","event_type":"incident.triggered","data":{}}}"#;
//! let signed = sign("pagerduty", body, b"pd-secret", &SignOptions::at(0))?;
//! assert!(signed.headers[1].1.starts_with("v1="));
//! let event = verify("pagerduty", &Delivery::new(&signed.headers, body), &["pd-secret"], &Options::default(), 0)?;
//! assert_eq!((event.kind.as_str(), event.dedupe_key.as_str()), ("incident.triggered", "01BW"));
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "pagerduty";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-PagerDuty-Signature")),
        syntax: Syntax::List { separator: ',', key: B("v1") },
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/event/event_type")),
        id: Field::Json(B("/event/id")),
        dedupe: Field::Json(B("/event/id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
