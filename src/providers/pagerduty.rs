//! PagerDuty (webhooks v3).
//!
//! Sources: github.com/PagerDuty/developer-docs `docs/webhooks/04-Signatures.md`;
//! PagerDuty/go-pagerduty `webhookv3/webhookv3.go` and its test.
//!
//! - `X-PagerDuty-Signature: v1=<hex>[,v1=<hex>…]`: HMAC-SHA256 of the raw body keyed by
//!   the subscription's secret; several `v1` during a rotation, any may match. A header
//!   without `v1` is `missing_signature` (go-pagerduty says malformed).
//! - No timestamp (no replay window). Type: `event.event_type`; id and dedupe key:
//!   `event.id`, signed.

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
