//! Recurly (JSON webhooks).
//!
//! Sources: docs.recurly.com/recurly-subscriptions/docs/signature-verification; recurly-client-ruby
//! `lib/recurly/webhooks.rb` (`verify_signature`, `DEFAULT_TOLERANCE = 5 * 60 * 1000`).
//!
//! - `recurly-signature: <unix ms>,<hex>[,<hex>…]`: a timestamp, then one or more signatures
//!   (several during a key rotation; any may match), each the HMAC-SHA256 of
//!   `<timestamp>.<raw body>`, keyed by the endpoint's secret key as text. A header with a
//!   timestamp and no signature is `missing_signature`.
//! - Window: 5 minutes either way (the Ruby client compares the absolute difference);
//!   hookproof: ±300 s at millisecond precision.
//! - XML webhooks are not signed; only JSON ones are this scheme.
//! - Type: `<object_type>.<event_type>` (`account.created`); id and dedupe key: body `id`,
//!   signed.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"id":"rc1","object_type":"account","site_id":"s","event_type":"created","event_time":"2026-01-01T00:00:00Z","uuid":"u"}"#;
//! let signed = sign("recurly", body, b"endpoint-key", &SignOptions::at(1_700_000_000))?;
//! assert!(signed.headers[1].1.starts_with("1700000000000,"));
//! let event = verify("recurly", &Delivery::new(&signed.headers, body), &["endpoint-key"], &Options::default(), 1_700_000_300)?;
//! assert_eq!((event.kind.as_str(), event.dedupe_key.as_str()), ("account.created", "rc1"));
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "recurly";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Timestamp, Part::Literal(B(".")), Part::Body]),
        location: Locator::Header(B("recurly-signature")),
        syntax: Syntax::Positional(','),
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::SignatureField(B("timestamp")),
        unit: TimeUnit::Milliseconds,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::JsonDotJson(B("/object_type"), B("/event_type")),
        id: Field::Json(B("/id")),
        dedupe: Field::Json(B("/id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
