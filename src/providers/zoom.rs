//! Zoom.
//!
//! Sources: github.com/zoom/webhook-sample `index.js`; zoom/rivet-javascript
//! `meetings/meetings.mjs` (`isEventVerified`);
//! developers.zoom.us/changelog/platform/webhook-url-validation.
//!
//! - `x-zm-signature: v0=<hex>`: HMAC-SHA256 of `v0:<x-zm-request-timestamp>:<raw body>`
//!   keyed by the app's Secret Token. The official samples hash a re-serialised body;
//!   hookproof hashes the raw bytes Zoom sent.
//! - Window: none documented (the samples check none; the unit is undocumented):
//!   hookproof's default ±300 s in unix seconds.
//! - Type: body `event`; no delivery id is documented, so the dedupe key is the body's
//!   digest.
//! - `endpoint.url_validation`: [`Event::challenge`](crate::Event::challenge) holds the JSON
//!   answer `{"plainToken", "encryptedToken"}`, the latter the hex HMAC-SHA256 of
//!   `plainToken` under the first secret.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "zoom";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[
            Part::Literal(B("v0:")),
            Part::Timestamp,
            Part::Literal(B(":")),
            Part::Body,
        ]),
        location: Locator::Header(B("x-zm-signature")),
        syntax: Syntax::Prefixed(B("v0=")),
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Header(B("x-zm-request-timestamp")),
        unit: TimeUnit::Seconds,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::Json(B("/event")),
        id: Field::None,
        dedupe: Field::BodyDigest,
    },
    challenge: Some(Challenge::ZoomUrlValidation),
    content_type: B("application/json"),
};
