//! G2 Sentry Partner API job callbacks.
//!
//! - Proof: `X-Signature` is the hex HMAC-SHA256 of the raw body, keyed by the callback
//!   secret's UTF-8 bytes; no prefix, no timestamp. Either hex case is accepted.
//! - No timestamp and no delivery id are sent, so no replay window is possible: G2 Sentry
//!   retries with the same payload, keyed by (`jobId`, `eventType`), which is the
//!   [`dedupeKey`](crate::Event::dedupe_key) (`"<jobId>:<eventType>"`).
//! - Deliveries are not ordered: `jobStatus` is the truth, not arrival order.
//!
//! ```
//! use hookproof::providers::g2sentry::{EventType, JobStatus};
//! use hookproof::{parse, Delivery, Payload};
//!
//! let body = br#"{"jobId":5,"eventType":"JobStarted","jobName":"Open House","jobStatus":"InProgress","guardianPhone":"+12345678901"}"#;
//! let event = parse("g2sentry", &Delivery::new(&[("a", "b")], body), &Default::default()).unwrap();
//! assert_eq!(event.dedupe_key, "5:JobStarted");
//! let Payload::G2Sentry(job) = event.payload else { unreachable!() };
//! assert_eq!((job.event_type, job.job_status), (EventType::JobStarted, JobStatus::InProgress));
//! ```

use alloc::format;
use alloc::string::String;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::event::Decoded;
use crate::scheme::{Algorithm, Encoding, KeyForm, Locator, Part, Proof, Scheme, Signature, Syntax};
use alloc::borrow::Cow::Borrowed;

/// The provider's registry name.
pub const NAME: &str = "g2sentry";
/// Hex HMAC-SHA256 of the body in `X-Signature`; no timestamp. Events are typed
/// ([`decode`]), so the declaration's event fields stay empty.
pub const SCHEME: Scheme = Scheme {
    name: Borrowed(NAME),
    proof: Proof::Signature(Signature {
        algorithm: Algorithm::HmacSha256,
        key: KeyForm::Text,
        signed: Borrowed(&[Part::Body]),
        location: Locator::Header(Borrowed("X-Signature")),
        syntax: Syntax::Bare,
        encoding: Encoding::Hex,
    }),
    timestamp: None,
    event: crate::scheme::EventFields::NONE,
    challenge: None,
    content_type: Borrowed("application/json"),
};
/// The payload is the body's JSON document itself (the job object): once it decodes, a
/// JSON consumer can take the body as sent, unknown fields included.
pub const PAYLOAD_IS_BODY: bool = true;

string_enum! {
    /// The callback's `eventType`.
    pub enum EventType {
        /// A guardian was assigned (`jobStatus` becomes `Assigned`).
        JobAssigned = "JobAssigned",
        /// The guardian started (`InProgress`).
        JobStarted = "JobStarted",
        /// The job is done (`Completed`).
        JobCompleted = "JobCompleted",
        /// The guardian withdrew; the job is open again (`New`). Spelled as G2 Sentry does.
        JobWithdrawed = "JobWithdrawed",
        /// Defined by the API but never sent as a callback.
        NewJob = "NewJob",
        /// Defined by the API but never sent as a callback.
        JobGuardianRate = "JobGuardianRate",
        /// Defined by the API but never sent as a callback.
        JobClientRate = "JobClientRate",
    }
}

string_enum! {
    /// The job's `jobStatus` after the event.
    pub enum JobStatus {
        /// Open, no guardian.
        New = "New",
        /// A guardian is assigned.
        Assigned = "Assigned",
        /// Under way.
        InProgress = "InProgress",
        /// Done.
        Completed = "Completed",
        /// Cancelled by the partner (no callback is sent for it). One L, as sent.
        Canceled = "Canceled",
    }
}

/// The callback body: the job after the event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct Job {
    /// The job's id.
    #[serde(deserialize_with = "crate::raw::exact_u64")]
    pub job_id: u64,
    /// What happened.
    pub event_type: EventType,
    /// The job's name or description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_name: Option<String>,
    /// The job's status now.
    pub job_status: JobStatus,
    /// The guardian's masked E.164 number (with `JobAssigned` and `JobStarted`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guardian_phone: Option<String>,
}

/// A G2 Sentry payload is the job object.
pub type Payload = Job;

/// The TypeScript event union: each known `eventType` narrows `payload.eventType`. The
/// documents fix nothing else per event (the payload's `jobStatus` is the truth).
#[cfg(feature = "typescript")]
pub(crate) fn typescript_events() -> alloc::vec::Vec<crate::typescript::TsEvent> {
    EventType::KNOWN
        .iter()
        .map(|kind| crate::typescript::TsEvent::new(kind, "null", format!("Job & {{ eventType: \"{kind}\" }}")))
        .collect()
}

pub(crate) fn decode(body: &[u8]) -> Result<Decoded<Job>, Error> {
    let job: Job = serde_json::from_slice(body).map_err(|e| Error::from_json(NAME, &e))?;
    Ok(Decoded {
        kind: String::from(job.event_type.as_str()),
        id: None,
        dedupe_key: format!("{}:{}", job.job_id, job.event_type),
        payload: job,
    })
}
