//! ContentsPal organization webhooks.
//!
//! - Proof: `X-Webhook-Signature: sha256=<hex>`, the HMAC-SHA256 of the raw body keyed by
//!   the signing secret's UTF-8 bytes. The hex case is not documented: both are accepted.
//! - ContentsPal sends the header only when the organization configured a secret. Given a
//!   secret, hookproof always requires it: a missing header is `missing_signature`, never a
//!   pass. To accept unsigned deliveries, call [`parse`](crate::parse) deliberately.
//! - No timestamp header and no delivery id; deliveries are not retried. The body's own
//!   `timestamp` is signed, so the dedupe key is `"<event>:<job.id>:<timestamp>"`.
//!
//! ```
//! use hookproof::providers::contentspal::EventType;
//! use hookproof::{parse, Delivery, Payload};
//!
//! let body = br#"{"event":"job.deleted","timestamp":"2026-03-03T14:30:00.000Z","organizationId":"abc123","job":{"id":"job-uuid"}}"#;
//! let event = parse("contentspal", &Delivery::new(&[("a", "b")], body), &Default::default()).unwrap();
//! assert_eq!(event.kind, "job.deleted");
//! let Payload::ContentsPal(payload) = event.payload else { unreachable!() };
//! assert_eq!(payload.event, EventType::JobDeleted);
//! ```

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::event::Decoded;
use crate::raw::RawJson;
use crate::scheme::{Algorithm, Encoding, KeyForm, Locator, Part, Proof, Scheme, Signature, Syntax};
use alloc::borrow::Cow::Borrowed;

/// The provider's registry name.
pub const NAME: &str = "contentspal";
/// `sha256=` + hex HMAC-SHA256 of the body in `X-Webhook-Signature`; no timestamp.
pub const SCHEME: Scheme = Scheme {
    name: Borrowed(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: Borrowed(&[Part::Body]),
        location: Locator::Header(Borrowed("X-Webhook-Signature")),
        syntax: Syntax::Prefixed(Borrowed("sha256=")),
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: crate::scheme::EventFields::NONE,
    challenge: None,
    content_type: Borrowed("application/json"),
};
/// The payload is the body's JSON document itself (the event object): once it decodes, a
/// JSON consumer can take the body as sent, unknown fields included.
pub const PAYLOAD_IS_BODY: bool = true;

string_enum! {
    /// The body's `event` (also sent in the `X-Webhook-Event` header).
    pub enum EventType {
        /// A job was created in the organization.
        JobCreated = "job.created",
        /// A watched field (`jobName`, `settings.customer`, `settings.insurance`) changed.
        JobUpdated = "job.updated",
        /// A job was deleted.
        JobDeleted = "job.deleted",
    }
}

/// The whole webhook body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct Payload {
    /// What happened.
    pub event: EventType,
    /// When the event was dispatched (ISO-8601, kept as sent).
    pub timestamp: String,
    /// The organization's id.
    pub organization_id: String,
    /// The job the event is about.
    pub job: Job,
    /// What changed (`job.updated` only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<Vec<Change>>,
}

/// A job. Only `id` is required: which fields a `job.deleted` body carries is not
/// documented, so the others are optional.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct Job {
    /// The job's id.
    pub id: String,
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Status, e.g. `inventory`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Customer contact details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// Insurance claim details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurance: Option<Insurance>,
    /// The owning user's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_user_id: Option<String>,
    /// Creation time (ISO-8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Last update time (ISO-8601).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

/// A job's customer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Customer {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// A job's insurance claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct Insurance {
    /// Claim number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_number: Option<String>,
    /// Insurer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    /// Kind of loss, e.g. `fire`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loss_type: Option<String>,
    /// Policy number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_number: Option<String>,
    /// Agent's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// Agent's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Agent's e-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// One changed field of a `job.updated` event. Values are strings or whole objects.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct Change {
    /// The watched field, e.g. `settings.customer`.
    pub field: String,
    /// The value before, verbatim (`None` when absent or `null`).
    #[serde(default)]
    pub old_value: Option<RawJson>,
    /// The value after, verbatim (`None` when absent or `null`).
    #[serde(default)]
    pub new_value: Option<RawJson>,
}

/// The TypeScript event union: `changes` exists on `job.updated` only.
#[cfg(feature = "typescript")]
pub(crate) fn typescript_events() -> alloc::vec::Vec<crate::typescript::TsEvent> {
    EventType::KNOWN
        .iter()
        .map(|&kind| {
            let changes = if kind == EventType::JobUpdated.as_str() { "" } else { "; changes?: never" };
            crate::typescript::TsEvent::new(kind, "null", format!("Payload & {{ event: \"{kind}\"{changes} }}"))
        })
        .collect()
}

pub(crate) fn decode(body: &[u8]) -> Result<Decoded<Payload>, Error> {
    let payload: Payload = serde_json::from_slice(body).map_err(|e| Error::from_json(NAME, &e))?;
    Ok(Decoded {
        kind: String::from(payload.event.as_str()),
        id: None,
        dedupe_key: format!("{}:{}:{}", payload.event, payload.job.id, payload.timestamp),
        payload,
    })
}
