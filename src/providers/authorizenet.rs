//! Authorize.Net.
//!
//! Source: developer.authorize.net/api/reference/features/webhooks.html ("Webhook Notification
//! Verification").
//!
//! - `X-ANET-Signature: sha512=<HEX>`: HMAC-SHA512 of the raw body, keyed by the merchant's
//!   Signature Key as text (the 128 hex digits as shown, not decoded: the documents do not
//!   say; in the developer community's thread "HMAC SHA-512 hash not matching in webhook
//!   callback", community.developer.cybersource.com, the hex-decoded key fails and the
//!   key's UTF-8 bytes match). Authorize.Net writes the hex in upper case; either case is
//!   accepted.
//! - No timestamp: no replay window is possible.
//! - Type: body `eventType` (`net.authorize.payment.authcapture.created`); id and dedupe key:
//!   body `notificationId`, signed.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"notificationId":"d0e8e7fe","eventType":"net.authorize.payment.authcapture.created","eventDate":"2026-01-01T00:00:00Z","payload":{}}"#;
//! let signed = sign("authorizenet", body, b"SIGNATUREKEY", &SignOptions::at(0))?;
//! let upper = signed.headers[1].1.replace("sha512=", "").to_ascii_uppercase();
//! let headers = [("X-ANET-Signature", format!("sha512={upper}"))];
//! let event = verify("authorizenet", &Delivery::new(&headers, body), &["SIGNATUREKEY"], &Options::default(), 0)?;
//! assert_eq!(event.dedupe_key, "d0e8e7fe");
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "authorizenet";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha512,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-ANET-Signature")),
        syntax: Syntax::Prefixed(B("sha512=")),
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/eventType")),
        id: Field::Json(B("/notificationId")),
        dedupe: Field::Json(B("/notificationId")),
    },
    challenge: None,
    content_type: B("application/json"),
};
