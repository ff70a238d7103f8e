//! The uniform envelope every provider's delivery decodes into.

use alloc::borrow::Cow;
use alloc::string::String;
use serde::{Serialize, Serializer};

use crate::providers::{Payload, Provider};

/// Who sent an event: a built-in provider, or a scheme the user declared (by its name).
///
/// ```
/// use hookproof::{Provider, Sender};
///
/// let sender = Sender::Provider(Provider::Sir);
/// assert_eq!(sender, Provider::Sir);
/// assert_eq!(sender, "sir");
/// assert_eq!(Sender::Declared("acme".into()).name(), "acme");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Sender {
    /// A provider of the registry.
    Provider(Provider),
    /// A user-declared [`Scheme`](crate::scheme::Scheme), by its name.
    Declared(Cow<'static, str>),
}

impl Sender {
    /// The name events carry.
    pub fn name(&self) -> &str {
        match self {
            Sender::Provider(provider) => provider.name(),
            Sender::Declared(name) => name,
        }
    }

    /// The built-in provider, if it is one.
    pub fn provider(&self) -> Option<Provider> {
        match self {
            Sender::Provider(provider) => Some(*provider),
            Sender::Declared(_) => None,
        }
    }
}

impl PartialEq<Provider> for Sender {
    fn eq(&self, other: &Provider) -> bool {
        self.provider() == Some(*other)
    }
}

impl PartialEq<&str> for Sender {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

impl core::fmt::Display for Sender {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Sender {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// A verified (or merely parsed) delivery, in one shape for every provider.
///
/// Serializes with the JavaScript names: `provider`, `type`, `id`, `dedupeKey`, `payload`
/// (and `challenge` where there is one).
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
    pub provider: Sender,
    /// The provider's event type (G2 Sentry `eventType`, ContentsPal `event`, SIR `type`,
    /// Gengo `job` or `comment`, Stripe `type`, GitHub `<X-GitHub-Event>.<action>`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// The provider's own delivery id, where it sends one (SIR's envelope `id`).
    pub id: Option<String>,
    /// The same for every redelivery of one event and different between events: store it
    /// to drop duplicates. Made only of signed bytes.
    pub dedupe_key: String,
    /// The provider's decoded body.
    pub payload: Payload,
    /// Where the delivery is the provider's check of the endpoint (Slack's
    /// `url_verification`, Discord's PING, Twitch's `webhook_callback_verification`,
    /// Zoom's `endpoint.url_validation`): the body to answer with, status 200.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub challenge: Option<String>,
}

/// What a provider module's decoder returns; the registry wraps it into an [`Event`].
pub(crate) struct Decoded<P> {
    pub kind: String,
    pub id: Option<String>,
    pub dedupe_key: String,
    pub payload: P,
}
