//! Lemon Squeezy.
//!
//! Sources: docs.lemonsqueezy.com/help/webhooks/signing-requests; lmsqueezy/laravel
//! `src/Http/Middleware/VerifyWebhookSignature.php`, `src/Http/Controllers/WebhookController.php`.
//!
//! - `X-Signature: <hex>`: HMAC-SHA256 of the raw body ("HMAC hex digest"; SHA-256 per the
//!   laravel package), keyed by the webhook's signing secret as text.
//! - No timestamp: no replay window is possible. No rotation, no delivery id documented.
//! - Type: body `meta.event_name` (`order_created`). Dedupe key: the hex SHA-256 of the body
//!   (a retry resends the same body).
//! - Pitfall: the laravel package checks only when a secret is configured, failing open
//!   without one; hookproof refuses to build a verifier without a secret.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"meta":{"event_name":"order_created"},"data":{"id":"1"}}"#;
//! let signed = sign("lemonsqueezy", body, b"ls-secret", &SignOptions::at(0))?;
//! let event = verify("lemonsqueezy", &Delivery::new(&signed.headers, body), &["ls-secret"], &Options::default(), 0)?;
//! assert_eq!(event.kind, "order_created");
//! assert_eq!(event.dedupe_key.len(), 64);
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "lemonsqueezy";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/meta/event_name")),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
