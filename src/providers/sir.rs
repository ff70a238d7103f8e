//! SIR Giving Partner API webhooks.
//!
//! - Proof: `X-SIR-Signature: sha256=<hex>`, the HMAC-SHA256 of `<X-SIR-Timestamp>.<raw
//!   body>`. The key is the whole `whsec_…` secret as UTF-8 bytes, prefix included; it is
//!   not hex- or base64-decoded (unlike Standard Webhooks).
//! - Replay window: `X-SIR-Timestamp` (unix seconds) must be within
//!   [`Options::tolerance_seconds`](crate::Options::tolerance_seconds) of now, in either
//!   direction (`timestamp_too_old`, `timestamp_in_future`). The signature is checked
//!   first, so a window error always means a genuine but stale (or early) delivery.
//! - Deliveries are retried; the envelope `id` is the [`dedupeKey`](crate::Event::dedupe_key).
//! - The test ping's body shape is documented only loosely: an envelope of type
//!   `partner.status_changed` whose `data` has `"type": "ping"` decodes to [`Data::Ping`],
//!   and a bare `{"type":"ping",…}` body without an envelope decodes to
//!   [`Payload::Ping`] (type `ping`, no id, dedupe key `ping:<webhookId>:<timestamp>`).
//!
//! ```
//! use hookproof::providers::sir::{Data, EventType, Payload as SirPayload};
//! use hookproof::{parse, Delivery, Payload};
//!
//! let body = br#"{"id":"evt_1","type":"action.completed","createdAt":"2026-05-10T09:12:00Z","data":{"actionId":"act_9","tokensDistributed":40}}"#;
//! let event = parse("sir", &Delivery::new(&[("a", "b")], body), &Default::default()).unwrap();
//! assert_eq!((event.id.as_deref(), event.dedupe_key.as_str()), (Some("evt_1"), "evt_1"));
//! let Payload::Sir(SirPayload::Envelope(envelope)) = event.payload else { unreachable!() };
//! assert_eq!(envelope.kind, EventType::ActionCompleted);
//! assert!(matches!(envelope.data, Data::ActionCompleted(ref done) if done.tokens_distributed == 40.0));
//! ```

use alloc::format;
use alloc::string::String;
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorCode};
use crate::event::Decoded;
use crate::raw::RawJson;
use crate::scheme::{
    Algorithm, Encoding, KeyForm, Locator, Part, Proof, Scheme, Signature, Syntax, TimeUnit,
    Timestamp,
};
use alloc::borrow::Cow::Borrowed;

/// The provider's registry name.
pub const NAME: &str = "sir";
/// `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>`, timestamp in `X-SIR-Timestamp`
/// (unix seconds, ±300 s).
pub const SCHEME: Scheme = Scheme {
    name: Borrowed(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: Borrowed(&[Part::Timestamp, Part::Literal(Borrowed(".")), Part::Body]),
        location: Locator::Header(Borrowed("X-SIR-Signature")),
        syntax: Syntax::Prefixed(Borrowed("sha256=")),
        encoding: Encoding::Hex,
    }),
    timestamp: Some(Timestamp {
        at: Locator::Header(Borrowed("X-SIR-Timestamp")),
        unit: TimeUnit::Seconds,
        tolerance: 300,
    }),
    event: crate::scheme::EventFields::NONE,
    challenge: None,
    content_type: Borrowed("application/json"),
};
/// The payload is the body's JSON document itself (the envelope): once it decodes, a JSON
/// consumer can take the body as sent, unknown fields included.
pub const PAYLOAD_IS_BODY: bool = true;

string_enum! {
    /// The envelope's `type`.
    pub enum EventType {
        /// An action processed successfully and tokens were distributed.
        ActionCompleted = "action.completed",
        /// Action processing failed.
        ActionFailed = "action.failed",
        /// An action was fully or partially reversed.
        ActionReversed = "action.reversed",
        /// A token distribution transaction succeeded.
        TransactionCompleted = "transaction.completed",
        /// A token distribution transaction was reversed.
        TransactionReversed = "transaction.reversed",
        /// A redemption request was approved.
        RedemptionApproved = "redemption.approved",
        /// A redemption request was rejected.
        RedemptionRejected = "redemption.rejected",
        /// A redemption was fulfilled.
        RedemptionCompleted = "redemption.completed",
        /// A token pool fell below its threshold.
        TokenPoolLowBalance = "token_pool.low_balance",
        /// A token pool is empty.
        TokenPoolDepleted = "token_pool.depleted",
        /// A token pool was topped up.
        TokenPoolRefilled = "token_pool.refilled",
        /// A token pool allocation request was approved.
        TokenPoolRequestApproved = "token_pool_request.approved",
        /// A token pool allocation request was rejected.
        TokenPoolRequestRejected = "token_pool_request.rejected",
        /// A partner user was created.
        UserCreated = "user.created",
        /// A partner user was upgraded to a full SIR account.
        UserUpgraded = "user.upgraded",
        /// A campaign became active.
        CampaignActivated = "campaign.activated",
        /// A campaign was paused.
        CampaignPaused = "campaign.paused",
        /// A campaign ended.
        CampaignCompleted = "campaign.completed",
        /// A campaign hit its budget.
        CampaignBudgetReached = "campaign.budget_reached",
        /// Bulk processing started.
        BulkJobStarted = "bulk_job.started",
        /// Bulk processing finished.
        BulkJobCompleted = "bulk_job.completed",
        /// Bulk processing failed.
        BulkJobFailed = "bulk_job.failed",
        /// The partner status changed; also the test ping.
        PartnerStatusChanged = "partner.status_changed",
        /// An API key approaches its `expiresAt`.
        ApiKeyExpiring = "api_key.expiring",
    }
}

/// A SIR delivery: the documented envelope, or a bare test ping.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Payload {
    /// `{id, type, createdAt, data}`.
    Envelope(Envelope),
    /// A bare `{"type":"ping",…}` body.
    Ping(Ping),
}

/// The event envelope.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct Envelope {
    /// The event id (`evt_…`), stable across retries.
    pub id: String,
    /// The event type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// When the event happened (ISO-8601, kept as sent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// The event's data.
    pub data: Data,
}

/// An envelope's `data`, typed where SIR documents the shape.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Data {
    /// `action.completed` data.
    ActionCompleted(ActionCompleted),
    /// `partner.status_changed` data of the test ping.
    Ping(Ping),
    /// Any other type's data (or data not of the documented shape), kept as sent.
    Other(RawJson),
}

/// `action.completed` data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct ActionCompleted {
    /// The action's id.
    pub action_id: String,
    /// How many tokens were distributed.
    pub tokens_distributed: f64,
}

/// The test ping sent by `POST /v1/partner/webhooks/:id/test`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct Ping {
    /// Always `ping`.
    #[serde(rename = "type")]
    pub kind: String,
    /// A human message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The webhook's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webhook_id: Option<String>,
    /// When the ping was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<String>,
}

/// The wire form, lenient enough to tell an envelope from a bare ping.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Wire {
    id: Option<String>,
    #[serde(rename = "type")]
    kind: Option<String>,
    created_at: Option<String>,
    data: Option<RawJson>,
    message: Option<String>,
    webhook_id: Option<String>,
    timestamp: Option<String>,
}

/// The TypeScript event union: each envelope type with its `data` (`action.completed`'s
/// documented shape, `unknown` where SIR documents none), and the bare test ping.
#[cfg(feature = "typescript")]
pub(crate) fn typescript_events() -> alloc::vec::Vec<crate::typescript::TsEvent> {
    use crate::typescript::TsEvent;
    let mut events: alloc::vec::Vec<TsEvent> = EventType::KNOWN
        .iter()
        .map(|&kind| {
            let data = match EventType::from_text(kind) {
                EventType::ActionCompleted => "ActionCompleted",
                EventType::PartnerStatusChanged => "Ping | unknown",
                _ => "unknown",
            };
            TsEvent::new(kind, "string", format!("Envelope & {{ type: \"{kind}\"; data: {data} }}"))
        })
        .collect();
    events.push(TsEvent::new("ping", "null", String::from("Ping & { type: \"ping\" }")));
    events
}

pub(crate) fn decode(body: &[u8]) -> Result<Decoded<Payload>, Error> {
    let wire: Wire = serde_json::from_slice(body).map_err(|e| Error::from_json(NAME, &e))?;
    let missing = |field: &str| {
        Error::new(
            ErrorCode::InvalidPayload,
            format!("{NAME} payload does not have the documented shape: missing field `{field}`"),
        )
    };
    let kind = wire.kind.ok_or_else(|| missing("type"))?;
    let Some(id) = wire.id else {
        if kind != "ping" {
            return Err(missing("id"));
        }
        let dedupe_key = format!(
            "ping:{}:{}",
            wire.webhook_id.as_deref().unwrap_or(""),
            wire.timestamp.as_deref().unwrap_or("")
        );
        return Ok(Decoded {
            kind,
            id: None,
            dedupe_key,
            payload: Payload::Ping(Ping {
                kind: String::from("ping"),
                message: wire.message,
                webhook_id: wire.webhook_id,
                timestamp: wire.timestamp,
            }),
        });
    };
    let kind_typed = EventType::from_text(&kind);
    // `data` is documented on every envelope; an absent one is `null` here, not refused
    // (in JS, whose payload is the body as sent, it stays absent).
    let data = typed_data(&kind_typed, wire.data.unwrap_or_else(RawJson::null));
    Ok(Decoded {
        kind,
        dedupe_key: id.clone(),
        id: Some(id.clone()),
        payload: Payload::Envelope(Envelope {
            id,
            kind: kind_typed,
            created_at: wire.created_at,
            data,
        }),
    })
}

/// Types the data where the shape is documented; anything else stays as sent.
fn typed_data(kind: &EventType, data: RawJson) -> Data {
    let typed = match kind {
        EventType::ActionCompleted => data.parse().ok().map(Data::ActionCompleted),
        EventType::PartnerStatusChanged => data
            .parse::<Ping>()
            .ok()
            .filter(|ping| ping.kind == "ping")
            .map(Data::Ping),
        _ => None,
    };
    typed.unwrap_or(Data::Other(data))
}
