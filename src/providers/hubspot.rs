//! HubSpot (signature v3).
//!
//! Sources: developers.hubspot.com/changelog/introducing-version-3-of-webhook-signatures;
//! HubSpot/hubspot-api-python `hubspot/utils/signature.py` and its test; hubspot-api-php
//! `lib/Utils/Signature.php`.
//!
//! - `X-HubSpot-Signature-v3`: base64 HMAC-SHA256 of `<method><full request URI><raw
//!   body><X-HubSpot-Request-Timestamp>` (no separators) keyed by the app's client
//!   secret. Pass the method and URL ([`Delivery::with_method`](crate::Delivery::with_method),
//!   [`Delivery::with_url`](crate::Delivery::with_url)) exactly as requested. The v1/v2
//!   `X-HubSpot-Signature` alone is `missing_signature`.
//! - Timestamp: unix milliseconds; window ±300 000 ms, exactly 300 000 accepted (as the PHP
//!   SDK; the Python SDK refuses exactly 300 s; neither checks the future).
//! - Type: the first item's `subscriptionType`, id its `eventId`; a body is a batch, so the
//!   dedupe key is the body's digest.

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "hubspot";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: B(&[Part::Method, Part::Url, Part::Body, Part::Timestamp]),
        location: Locator::Header(B("X-HubSpot-Signature-v3")),
        syntax: Syntax::Bare,
        encoding: Encoding::Base64,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Header(B("X-HubSpot-Request-Timestamp")),
        unit: TimeUnit::Milliseconds,
        tolerance: 300,
    }),
    event: EventFields {
        kind: Field::FirstJson(B(&[B("/0/subscriptionType"), B("/subscriptionType")])),
        id: Field::FirstJson(B(&[B("/0/eventId"), B("/eventId")])),
        dedupe: Field::BodyDigest,
    },
    challenge: None,
    content_type: B("application/json"),
};
