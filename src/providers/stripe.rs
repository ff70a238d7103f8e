//! Stripe.
//!
//! Sources: docs.stripe.com/webhooks (signatures); stripe-node `src/Webhooks.ts`.
//!
//! - `Stripe-Signature: t=<unix>,v1=<hex>[,v1=<hex>…][,v0=…]`: only `v1` counts, any of them
//!   may match (several while a rolled secret is still live). A header without `v1` is
//!   `missing_signature`.
//! - Signed bytes: `<t>.<raw body>`, HMAC-SHA256 keyed by the whole `whsec_…` text.
//! - Window: ±300 s. Stripe's SDKs refuse only old timestamps; hookproof also refuses
//!   timestamps more than 300 s ahead.
//! - Type: body `type`; id and dedupe key: body `id` (`evt_…`), signed.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"id":"evt_1","type":"payment_intent.succeeded","object":"event"}"#;
//! let signed = sign("stripe", body, b"whsec_test", &SignOptions::at(1_700_000_000))?;
//! assert!(signed.headers[1].1.starts_with("t=1700000000,v1="));
//! let event = verify("stripe", &Delivery::new(&signed.headers, body), &["whsec_test"], &Options::default(), 1_700_000_000)?;
//! assert_eq!((event.kind.as_str(), event.dedupe_key.as_str()), ("payment_intent.succeeded", "evt_1"));
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "stripe";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Literal(B(".")), Part::Body]),
        location: Locator::Header(B("Stripe-Signature")),
        syntax: Syntax::List { separator: ',', key: B("v1") },
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::SignatureField(B("t")),
        unit: TimeUnit::Seconds,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::Json(B("/type")),
        id: Field::Json(B("/id")),
        dedupe: Field::Json(B("/id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
