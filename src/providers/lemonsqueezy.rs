//! Lemon Squeezy.
//!
//! Sources: docs.lemonsqueezy.com/help/webhooks/signing-requests; lmsqueezy/laravel
//! `src/Http/Middleware/VerifyWebhookSignature.php`, `src/Http/Controllers/WebhookController.php`.
//!
//! - `X-Signature: <hex>`: HMAC-SHA256 of the raw body keyed by the webhook's signing
//!   secret. No timestamp (no replay window); no delivery id: the dedupe key is the body's
//!   digest. Type: `meta.event_name`.
//! - The same header name as G2 Sentry's: detection picks G2 Sentry; name the provider.

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
