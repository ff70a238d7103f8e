//! Intercom.
//!
//! Source: developers.intercom.com/intercom-api-reference/v1.0/reference/signed-notifications.
//!
//! - `X-Hub-Signature: sha1=<hex>`: HMAC-SHA1 of the raw body (the JSON notification),
//!   keyed by the app's secret as text (`hub_secret` in the v1.0 reference; the app's
//!   client secret today).
//! - No timestamp: no replay window is possible. No rotation is documented.
//! - Type: body `topic` (`conversation.user.created`); id and dedupe key: body `id`
//!   (`notif_…`), signed.
//! - The documents' example header comes without its key, so it cannot be reproduced.
//!
//! ```
//! use hookproof::{sign, verify, Delivery, Options, SignOptions};
//!
//! let body = br#"{"type":"notification_event","id":"notif_1","topic":"conversation.user.created","data":{}}"#;
//! let signed = sign("intercom", body, b"client-secret", &SignOptions::at(0))?;
//! assert!(signed.headers[1].1.starts_with("sha1="));
//! let event = verify("intercom", &Delivery::new(&signed.headers, body), &["client-secret"], &Options::default(), 0)?;
//! assert_eq!((event.kind.as_str(), event.dedupe_key.as_str()), ("conversation.user.created", "notif_1"));
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "intercom";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha1,
        key: KeyForm::Text,
        signed: B(&[Part::Body]),
        location: Locator::Header(B("X-Hub-Signature")),
        syntax: Syntax::Prefixed(B("sha1=")),
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/topic")),
        id: Field::Json(B("/id")),
        dedupe: Field::Json(B("/id")),
    },
    challenge: None,
    content_type: B("application/json"),
};
