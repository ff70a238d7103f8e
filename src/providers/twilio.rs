//! Twilio.
//!
//! Sources: twilio.com/docs/usage/webhooks/webhooks-security; twilio/twilio-python
//! `twilio/request_validator.py`; twilio/twilio-node `src/webhooks/webhooks.ts`.
//!
//! - `X-Twilio-Signature`: base64 HMAC-SHA1 keyed by the auth token, of the full request
//!   URL (query included) followed by each POST parameter as `name` + `value`, sorted by
//!   name then value, each pair once. Blank values are kept (`name` + nothing). A JSON
//!   body: the URL carries `bodySHA256=<hex SHA-256 of the body>`, which must match, and
//!   the signature covers the URL alone.
//! - The URL: pass it as Twilio requested it ([`Delivery::with_url`](crate::Delivery::with_url)).
//!   As the SDKs do, it also matches with its default port (`:443`/`:80`) added or removed.
//!   Behind a proxy, rebuild the public URL.
//! - No timestamp, no delivery id in the cited sources: no replay window; dedupe on
//!   `MessageSid`, else `CallSid`, else the body's digest (all signed). Type: the
//!   provider's name.
//! - Only the primary auth token signs; rotation is the receiver's (pass both tokens).

use crate::scheme::*;
use alloc::borrow::Cow::Borrowed as B;

/// The provider's registry name.
pub const NAME: &str = "twilio";
/// The declaration.
pub const SCHEME: Scheme = Scheme {
    name: B(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha1,
        key: KeyForm::Text,
        signed: B(&[Part::UrlAnyPort, Part::SortedForm]),
        location: Locator::Header(B("X-Twilio-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Base64,
    }),
    timestamp: None,
    event: EventFields {
        kind: Field::None,
        id: Field::FirstJson(B(&[B("/MessageSid"), B("/CallSid")])),
        dedupe: Field::FirstJson(B(&[B("/MessageSid"), B("/CallSid")])),
    },
    challenge: None,
    content_type: B("application/x-www-form-urlencoded"),
};
