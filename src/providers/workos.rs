//! WorkOS.
//!
//! Sources: workos.com/docs/events/data-syncing/webhooks (validating webhooks); workos/workos-node
//! `src/webhooks/webhooks.ts` (`verifyHeader`).
//!
//! - `WorkOS-Signature: t=<unix ms>, v1=<hex>`: HMAC-SHA256 of `<t>.<raw body>` (the timestamp
//!   as sent, in milliseconds), keyed by the endpoint's secret as text. A header without `v1`
//!   is `missing_signature`.
//! - Window: the SDKs' default tolerance is 180 s (workos-node: 180 000 ms), past only;
//!   hookproof: ±180 s at millisecond precision.
//! - Type: body `event` (`user.created`); id and dedupe key: body `id` (`event_…`), signed.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"id":"event_01","event":"user.created","data":{}}"#;
//! let signed = sign("workos", body, b"wos-secret", &SignOptions::at(1_700_000_000))?;
//! assert!(signed.headers[1].1.starts_with("t=1700000000000,v1="));
//! let event = verify("workos", &Delivery::new(&signed.headers, body), &["wos-secret"], &Options::default(), 1_700_000_000)?;
//! assert_eq!((event.kind.as_str(), event.dedupe_key.as_str()), ("user.created", "event_01"));
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "workos";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Literal(B(".")), Part::Body]),
        location: Locator::Header(B("WorkOS-Signature")),
        syntax: Syntax::List { separator: ',', key: B("v1") },
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::SignatureField(B("t")),
        unit: TimeUnit::Milliseconds,
        tolerance: 180,
    }),
    event: EventFields {
        kind: Field::Json(B("/event")),
        id: Field::Json(B("/id")),
        dedupe: Field::Json(B("/id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
