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
