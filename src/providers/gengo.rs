//! Gengo translation API callbacks.
//!
//! - Gengo does not sign callbacks. The receiver registers a callback URL carrying a
//!   secret token in its query string (parameter [`Options::token_param`](crate::Options::token_param),
//!   default `token`); the proof is a constant-time comparison of that token with the
//!   secret. Pass the request URL with [`Delivery::with_url`](crate::Delivery::with_url).
//!   A missing URL or parameter is `missing_signature`, a wrong token `signature_mismatch`.
//! - The body is `application/x-www-form-urlencoded` with exactly one of `job` or
//!   `comment`, holding JSON. Both or neither is `malformed_body`; other parameters are
//!   ignored.
//! - Numbers arrive as numbers or numeric strings: `job_id`, `order_id`, `unit_count`,
//!   `credits`, `eta` and `ctime` decode to numbers; `eta` of `""` or `-1` (any negative)
//!   is `None`; `auto_approve` (`true`/`false`, `1`/`0`, `"1"`/`"0"`) is a `bool`. Text
//!   fields such as `slug` and `custom_data` stay strings (a number there becomes its
//!   text). Status `cancelled` is read as [`Status::Canceled`].
//! - Dedupe keys: `job:<job_id>:<status>` and `comment:<job_id>:<ctime>`.
//!
//! ```
//! use hookproof::providers::gengo::{self, Status};
//! use hookproof::{parse, Delivery, Payload};
//!
//! let body = gengo::form_body("job", r#"{"job_id":"384985","status":"reviewable","eta":"","auto_approve":"0","credits":"0.05"}"#);
//! let event = parse("gengo", &Delivery::new(&[("a", "b")], body.as_bytes()), &Default::default()).unwrap();
//! assert_eq!(event.dedupe_key, "job:384985:reviewable");
//! let Payload::Gengo(gengo::Payload::Job(job)) = event.payload else { unreachable!() };
//! assert_eq!((job.job_id, job.status, job.eta, job.auto_approve), (384985, Status::Reviewable, None, false));
//! assert_eq!(job.credits, Some(0.05));
//! ```

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::{String, ToString};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorCode};
use crate::event::Decoded;
use crate::scheme::{Proof, Scheme, TokenAt};

/// The provider's registry name.
pub const NAME: &str = "gengo";
/// Unsigned: a token in the callback URL's query string, compared in constant time.
pub const SCHEME: Scheme = Scheme {
    name: Cow::Borrowed(NAME),
    proof: Proof::Token(TokenAt::Query),
    timestamp: None,
    event: crate::scheme::EventFields::NONE,
    challenge: None,
    content_type: Cow::Borrowed("application/x-www-form-urlencoded"),
};
/// The payload is not the body: its JSON sits in a form parameter, and numeric strings
/// are normalised to numbers.
pub const PAYLOAD_IS_BODY: bool = false;

string_enum! {
    /// A job's `status`.
    pub enum Status {
        /// Waiting to be made available.
        Queued = "queued",
        /// Available to translators.
        Available = "available",
        /// A translator is working on it.
        Pending = "pending",
        /// Translated, waiting for review.
        Reviewable = "reviewable",
        /// Approved.
        Approved = "approved",
        /// Sent back for revision.
        Revising = "revising",
        /// Rejected.
        Rejected = "rejected",
        /// Canceled (`cancelled` is read as this too).
        Canceled = "canceled" | "cancelled",
        /// On hold.
        Hold = "hold",
    }
}

/// A Gengo callback: a job or a comment.
// A payload is decoded once and moved a few times; boxing the job would only add an
// allocation to every job callback.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(untagged)]
pub enum Payload {
    /// The `job` parameter.
    Job(Job),
    /// The `comment` parameter.
    Comment(Comment),
}

/// A job payload. Only `job_id` and `status` are required; absent fields are `None`
/// (`null` in JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Job {
    /// The job's id.
    #[serde(deserialize_with = "flex::integer")]
    pub job_id: u64,
    /// The order's id.
    #[serde(default, deserialize_with = "flex::opt_integer")]
    pub order_id: Option<u64>,
    /// A short title.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub slug: Option<String>,
    /// The source text.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub body_src: Option<String>,
    /// The translation, once there is one.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub body_tgt: Option<String>,
    /// Source language code.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub lc_src: Option<String>,
    /// Target language code.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub lc_tgt: Option<String>,
    /// Size in units.
    #[serde(default, deserialize_with = "flex::opt_integer")]
    pub unit_count: Option<u64>,
    /// `word` or `character`.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub unit_type: Option<String>,
    /// Quality tier.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub tier: Option<String>,
    /// Cost.
    #[serde(default, deserialize_with = "flex::opt_number")]
    pub credits: Option<f64>,
    /// Currency of `credits`.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub currency: Option<String>,
    /// Where the job is.
    pub status: Status,
    /// Estimated seconds to completion; `None` when Gengo sends `""` or `-1`.
    #[serde(default, deserialize_with = "flex::eta")]
    pub eta: Option<i64>,
    /// Creation time, unix seconds.
    #[serde(default, deserialize_with = "flex::opt_integer")]
    pub ctime: Option<u64>,
    /// The callback URL set for the job.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub callback_url: Option<String>,
    /// Whether the job is approved without review (absent reads as `false`).
    #[serde(default, deserialize_with = "flex::boolean")]
    pub auto_approve: bool,
    /// Whatever the customer attached to the job.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub custom_data: Option<String>,
    /// Source file URL.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub file_url_src: Option<String>,
    /// Translated file URL.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub file_url_tgt: Option<String>,
    /// Preview image URL.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub preview_url: Option<String>,
    /// Captcha image URL (for reviews).
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub captcha_url: Option<String>,
}

/// A translator's comment on a job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(optional_fields = nullable))]
pub struct Comment {
    /// The job commented on.
    #[serde(deserialize_with = "flex::integer")]
    pub job_id: u64,
    /// The comment's text.
    #[serde(deserialize_with = "flex::text")]
    pub body: String,
    /// When it was posted, unix seconds.
    #[serde(deserialize_with = "flex::integer")]
    pub ctime: u64,
    /// The job's custom data, if any.
    #[serde(default, deserialize_with = "flex::opt_text")]
    pub custom_data: Option<String>,
}

/// Builds a callback body the way Gengo sends it: `<kind>=<url-encoded JSON>`.
///
/// ```
/// assert_eq!(hookproof::providers::gengo::form_body("comment", r#"{"a":1}"#), "comment=%7B%22a%22%3A1%7D");
/// ```
pub fn form_body(kind: &str, json: &str) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair(kind, json)
        .finish()
}

/// The TypeScript event union: type `job` carries a `Job`, `comment` a `Comment`.
#[cfg(feature = "typescript")]
pub(crate) fn typescript_events() -> alloc::vec::Vec<crate::typescript::TsEvent> {
    use crate::typescript::TsEvent;
    alloc::vec![TsEvent::new("job", "null", String::from("Job")), TsEvent::new("comment", "null", String::from("Comment"))]
}

pub(crate) fn decode(body: &[u8]) -> Result<Decoded<Payload>, Error> {
    let mut found: Option<(Cow<'_, str>, Cow<'_, str>)> = None;
    for (key, value) in form_urlencoded::parse(body) {
        if key != "job" && key != "comment" {
            continue;
        }
        if found.is_some() {
            return Err(Error::new(
                ErrorCode::MalformedBody,
                "gengo body must hold exactly one `job` or `comment` parameter; found more",
            ));
        }
        found = Some((key, value));
    }
    let Some((key, json)) = found else {
        return Err(Error::new(
            ErrorCode::MalformedBody,
            "gengo body is not a form with a `job` or `comment` parameter",
        ));
    };
    let from_json = |e: serde_json::Error| Error::from_json(NAME, &e);
    if key == "job" {
        let job: Job = serde_json::from_slice(json.as_bytes()).map_err(from_json)?;
        Ok(Decoded {
            kind: String::from("job"),
            id: None,
            dedupe_key: format!("job:{}:{}", job.job_id, job.status),
            payload: Payload::Job(job),
        })
    } else {
        let comment: Comment = serde_json::from_slice(json.as_bytes()).map_err(from_json)?;
        Ok(Decoded {
            kind: String::from("comment"),
            id: None,
            dedupe_key: format!("comment:{}:{}", comment.job_id, comment.ctime),
            payload: Payload::Comment(comment),
        })
    }
}

/// Gengo's loosely typed scalars: one visitor reads any JSON scalar, and small functions
/// turn it into the field's type.
mod flex {
    use super::*;

    enum Scalar<'a> {
        Null,
        Bool(bool),
        Unsigned(u64),
        Signed(i64),
        Float(f64),
        Text(Cow<'a, str>),
    }

    struct ScalarVisitor;

    impl<'de> Visitor<'de> for ScalarVisitor {
        type Value = Scalar<'de>;
        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str("a number, a string or a boolean")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Scalar<'de>, E> {
            Ok(Scalar::Null)
        }
        fn visit_none<E: de::Error>(self) -> Result<Scalar<'de>, E> {
            Ok(Scalar::Null)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar<'de>, E> {
            Ok(Scalar::Bool(v))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar<'de>, E> {
            Ok(Scalar::Unsigned(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar<'de>, E> {
            Ok(Scalar::Signed(v))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar<'de>, E> {
            Ok(Scalar::Float(v))
        }
        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Scalar<'de>, E> {
            Ok(Scalar::Text(Cow::Borrowed(v)))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar<'de>, E> {
            Ok(Scalar::Text(Cow::Owned(v.to_string())))
        }
    }

    fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Scalar<'de>, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }

    fn invalid<E: de::Error>(expected: &str) -> E {
        E::custom(format!("expected {expected}"))
    }

    fn to_integer<E: de::Error>(value: Scalar<'_>) -> Result<Option<u64>, E> {
        const WHOLE: &str = "a whole non-negative number or numeric string";
        let from_float = |f: f64| {
            ((0.0..18_446_744_073_709_551_616.0).contains(&f) && (f as u64) as f64 == f)
                .then_some(f as u64)
        };
        let n = match value {
            Scalar::Null => return Ok(None),
            Scalar::Unsigned(n) => n,
            Scalar::Signed(n) => u64::try_from(n).map_err(|_| invalid(WHOLE))?,
            Scalar::Float(f) => from_float(f).ok_or_else(|| invalid(WHOLE))?,
            Scalar::Text(text) => {
                let text = text.trim();
                if text.is_empty() {
                    return Ok(None);
                }
                text.parse::<u64>()
                    .ok()
                    .or_else(|| json_float(text).and_then(from_float))
                    .ok_or_else(|| invalid(WHOLE))?
            }
            Scalar::Bool(_) => return Err(invalid(WHOLE)),
        };
        crate::raw::exact(n).map(Some)
    }

    /// A numeric string read with serde_json's number parser, which the crate carries
    /// anyway: `str::parse::<f64>` would add core's float parser to the wasm (~10 KB).
    fn json_float(text: &str) -> Option<f64> {
        serde_json::from_slice::<f64>(text.as_bytes()).ok().filter(|f| f.is_finite())
    }

    fn to_number<E: de::Error>(value: Scalar<'_>) -> Result<Option<f64>, E> {
        const NUMBER: &str = "a number or numeric string";
        match value {
            Scalar::Null => Ok(None),
            Scalar::Unsigned(n) => Ok(Some(n as f64)),
            Scalar::Signed(n) => Ok(Some(n as f64)),
            Scalar::Float(f) => Ok(Some(f)),
            Scalar::Text(text) => {
                let text = text.trim();
                if text.is_empty() {
                    return Ok(None);
                }
                json_float(text).map(Some).ok_or_else(|| invalid(NUMBER))
            }
            Scalar::Bool(_) => Err(invalid(NUMBER)),
        }
    }

    fn to_text<E: de::Error>(value: Scalar<'_>) -> Result<Option<String>, E> {
        match value {
            Scalar::Null => Ok(None),
            Scalar::Text(text) => Ok(Some(text.into_owned())),
            Scalar::Unsigned(n) => Ok(Some(n.to_string())),
            Scalar::Signed(n) => Ok(Some(n.to_string())),
            Scalar::Float(f) => Ok(serde_json::Number::from_f64(f).map(|n| n.to_string())),
            Scalar::Bool(b) => Ok(Some(b.to_string())),
        }
    }

    pub fn integer<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        to_integer(scalar(d)?)?.ok_or_else(|| invalid("a whole number, not empty"))
    }

    pub fn opt_integer<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        to_integer(scalar(d)?)
    }

    pub fn opt_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        to_number(scalar(d)?)
    }

    pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        to_text(scalar(d)?)?.ok_or_else(|| invalid("a string"))
    }

    pub fn opt_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        to_text(scalar(d)?)
    }

    /// `""`, `null` and negative values (Gengo sends `-1`) mean "no estimate".
    pub fn eta<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        let seconds = match scalar(d)? {
            Scalar::Signed(n) if n < 0 => return Ok(None),
            Scalar::Float(f) if f < 0.0 => return Ok(None),
            Scalar::Text(text) if text.trim().starts_with('-') => return Ok(None),
            other => to_integer(other)?,
        };
        seconds
            .map(|s| i64::try_from(s).map_err(|_| invalid("an eta in range")))
            .transpose()
    }

    pub fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
        const BOOLEAN: &str = "true/false, 1/0 or \"1\"/\"0\"";
        match scalar(d)? {
            Scalar::Null => Ok(false),
            Scalar::Bool(b) => Ok(b),
            Scalar::Unsigned(n) if n <= 1 => Ok(n == 1),
            Scalar::Text(text) => match text.trim() {
                "1" | "true" => Ok(true),
                "0" | "false" | "" => Ok(false),
                _ => Err(invalid(BOOLEAN)),
            },
            _ => Err(invalid(BOOLEAN)),
        }
    }
}
