//! JSON kept as the provider sent it.

use alloc::boxed::Box;
use alloc::string::String;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// A JSON value kept verbatim — the exact text the provider sent, key order and number
/// spelling included — for parts of a payload whose shape is not documented. It is not
/// parsed into a tree, which keeps decoding fast; [`RawJson::parse`] reads it on demand.
///
/// ```
/// use hookproof::RawJson;
///
/// let raw: RawJson = serde_json::from_str(r#"{"tier": "gold", "since": 2024}"#).unwrap();
/// assert_eq!(raw.get(), r#"{"tier": "gold", "since": 2024}"#);
/// let value: serde_json::Value = raw.parse().unwrap();
/// assert_eq!(value["since"], 2024);
/// ```
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RawJson(Box<RawValue>);

impl RawJson {
    /// The JSON text.
    pub fn get(&self) -> &str {
        self.0.get()
    }

    /// Deserializes the text into `T`.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_slice(self.0.get().as_bytes())
    }

    /// JSON `null`.
    pub fn null() -> RawJson {
        RawJson(RawValue::from_string(String::from("null")).unwrap_or_else(|_| unreachable!()))
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

// Any JSON value, as sent.
#[cfg(feature = "typescript")]
impl ts_rs::TS for RawJson {
    type WithoutGenerics = Self;
    type OptionInnerType = Self;
    fn name(_: &ts_rs::Config) -> String {
        String::from("unknown")
    }
    fn inline(cfg: &ts_rs::Config) -> String {
        Self::name(cfg)
    }
}

/// The largest integer a payload's integer fields accept. JavaScript numbers hold integers
/// exactly only up to 2^53 − 1, so the npm module (feature `wasm`) refuses a larger one with
/// `invalid_payload` rather than hand JavaScript a rounded number that disagrees with the
/// event's dedupe key; the Rust crate reads the whole `u64` range.
///
/// ```
/// assert!(hookproof::MAX_INTEGER >= (1 << 53) - 1);
/// ```
pub const MAX_INTEGER: u64 = if cfg!(feature = "wasm") {
    (1 << 53) - 1
} else {
    u64::MAX
};

/// `n` if no larger than [`MAX_INTEGER`], else a deserialization error naming the limit.
// Native builds compare against u64::MAX, which clippy rightly calls a no-op there.
#[allow(clippy::absurd_extreme_comparisons)]
pub(crate) fn exact<E: serde::de::Error>(n: u64) -> Result<u64, E> {
    if n > MAX_INTEGER {
        return Err(E::custom(alloc::format!(
            "integer {n} exceeds {MAX_INTEGER}, the largest JavaScript holds exactly"
        )));
    }
    Ok(n)
}

/// `#[serde(deserialize_with)]` for a `u64` field: [`exact`].
pub(crate) fn exact_u64<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    exact(u64::deserialize(d)?)
}
