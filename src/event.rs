//! The uniform envelope every provider's delivery decodes into.

use alloc::string::String;
use serde::Serialize;

use crate::providers::{Payload, Provider};

/// A verified (or merely parsed) delivery, in one shape for every provider.
///
/// Serializes with the JavaScript names: `provider`, `type`, `id`, `dedupeKey`, `payload`.
///
/// ```
/// use hookproof::{parse, Delivery, Options, Provider};
///
/// let body = br#"{"id":"evt_7","type":"campaign.paused","data":{"campaignId":"c1"}}"#;
/// let event = parse("sir", &Delivery::new(&[("content-type", "application/json")], body), &Options::default())?;
/// assert_eq!(event.provider, Provider::Sir);
/// assert_eq!((event.kind.as_str(), event.id.as_deref()), ("campaign.paused", Some("evt_7")));
/// let json = serde_json::to_string(&event).unwrap();
/// assert!(json.starts_with(r#"{"provider":"sir","type":"campaign.paused","id":"evt_7","dedupeKey":"evt_7","payload":{"#));
/// # Ok::<(), hookproof::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// Who sent it.
    pub provider: Provider,
    /// The provider's event type (G2 Sentry `eventType`, ContentsPal `event`, SIR `type`,
    /// Gengo `job` or `comment`).
    #[serde(rename = "type")]
    pub kind: String,
    /// The provider's own delivery id, where it sends one (SIR's envelope `id`).
    pub id: Option<String>,
    /// The same for every redelivery of one event and different between events: store it
    /// to drop duplicates.
    pub dedupe_key: String,
    /// The provider's decoded body.
    pub payload: Payload,
}

/// What a provider module's decoder returns; the registry wraps it into an [`Event`].
pub(crate) struct Decoded<P> {
    pub kind: String,
    pub id: Option<String>,
    pub dedupe_key: String,
    pub payload: P,
}
