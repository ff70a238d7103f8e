//! Adyen standard webhooks (notifications).
//!
//! Source: docs.adyen.com/development-resources/webhooks/secure-webhooks/verify-hmac-signatures.
//!
//! - The signature is inside the body: `notificationItems[0].NotificationRequestItem
//!   .additionalData.hmacSignature`, the base64 HMAC-SHA256 of the item's
//!   `pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success`
//!   (`value` and `currency` from `amount`; an absent `originalReference` signs as empty).
//! - Key: the HMAC key as Adyen shows it, 64 hex digits, **hex-decoded** (unlike most
//!   providers).
//! - Only those fields are signed: the rest of the body (other `additionalData`, `live`, a
//!   second item) is not proven. Adyen sends one item per JSON notification; hookproof checks
//!   the first.
//! - No timestamp: no replay window is possible.
//! - Type: the item's `eventCode` (`AUTHORISATION`); id: `pspReference`; dedupe key:
//!   `<eventCode>.<pspReference>`, both signed (Adyen's advice: deduplicate on these).
//!
//! ```
//! use hookproof::{verify, Delivery, Options};
//!
//! // The documents' example (key and signature as published).
//! let body = br#"{"live":"false","notificationItems":[{"NotificationRequestItem":{"additionalData":{"hmacSignature":"coqCmt/IZ4E3CzPvMY8zTjQVL5hYJUiBRg8UU+iCWo0="},"amount":{"currency":"EUR","value":1130},"eventCode":"AUTHORISATION","merchantAccountCode":"TestMerchant","merchantReference":"TestPayment-1407325143704","pspReference":"7914073381342284","success":"true"}}]}"#;
//! let key = ["44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"];
//! let none: [(&str, &str); 0] = [];
//! let event = verify("adyen", &Delivery::new(&none, body), &key, &Options::default(), 0)?;
//! assert_eq!(event.dedupe_key, "AUTHORISATION.7914073381342284");
//! # Ok::<(), hookproof::Error>(())
//! ```

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;


/// The provider's registry name.
pub const NAME: &str = "adyen";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Hex,
        signed: B(&[
            Part::Json(B("/notificationItems/0/NotificationRequestItem/pspReference")),
            Part::Literal(B(":")),
            Part::OptionalJson(B("/notificationItems/0/NotificationRequestItem/originalReference")),
            Part::Literal(B(":")),
            Part::Json(B("/notificationItems/0/NotificationRequestItem/merchantAccountCode")),
            Part::Literal(B(":")),
            Part::Json(B("/notificationItems/0/NotificationRequestItem/merchantReference")),
            Part::Literal(B(":")),
            Part::Json(B("/notificationItems/0/NotificationRequestItem/amount/value")),
            Part::Literal(B(":")),
            Part::Json(B("/notificationItems/0/NotificationRequestItem/amount/currency")),
            Part::Literal(B(":")),
            Part::Json(B("/notificationItems/0/NotificationRequestItem/eventCode")),
            Part::Literal(B(":")),
            Part::Json(B("/notificationItems/0/NotificationRequestItem/success")),
        ]),
        location: Locator::Json(B("/notificationItems/0/NotificationRequestItem/additionalData/hmacSignature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Base64,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::Json(B("/notificationItems/0/NotificationRequestItem/eventCode")),
        id: Field::Json(B("/notificationItems/0/NotificationRequestItem/pspReference")),
        dedupe: Field::JsonDotJson(
            B("/notificationItems/0/NotificationRequestItem/eventCode"),
            B("/notificationItems/0/NotificationRequestItem/pspReference"),
        ),
    },
    challenge: None,
    content_type: B("application/json"),
};
