//! Mollie next-gen webhooks.
//!
//! Sources: docs.mollie.com/reference/webhooks-new (next-gen webhooks) and
//! docs.mollie.com/reference/webhooks-best-practices ("How to verify HMAC signature").
//!
//! - `X-Mollie-Signature`: the hex HMAC-SHA256 of the raw body, keyed by the webhook
//!   subscription's shared secret as text. The documents' samples compare the bare hex
//!   digest; receivers in the wild read `sha256=<hex>`: hookproof accepts both, and `sign`
//!   writes the prefixed form.
//! - Classic webhooks (a payment's `webhookUrl`, a form body `id=tr_…`) are not signed at all:
//!   Mollie's advice is to fetch the object by id. They are not this scheme.
//! - No timestamp: no replay window is possible.
//! - Type: body `type` (`payment-link.paid`); id and dedupe key: body `id` (`event_…`), signed.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"resource":"event","id":"event_1","type":"payment-link.paid","entityId":"pl_1"}"#;
//! let signed = sign("mollie", body, b"shared-secret", &SignOptions::at(0))?;
//! let bare = signed.headers[1].1.trim_start_matches("sha256=").to_owned();
//! let headers = [("X-Mollie-Signature", bare.as_str())];
//! let event = verify("mollie", &Delivery::new(&headers, body), &["shared-secret"], &Options::default(), 0)?;
//! assert_eq!((event.kind.as_str(), event.dedupe_key.as_str()), ("payment-link.paid", "event_1"));
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "mollie";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-Mollie-Signature")),
        syntax: Syntax::OptionalPrefix(B("sha256=")),
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/type")),
        id: Field::Json(B("/id")),
        dedupe: Field::Json(B("/id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
