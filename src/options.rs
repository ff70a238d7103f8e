//! Verification settings.

use alloc::string::String;

/// Settings for verification. `Default` gives the documented defaults.
///
/// ```
/// let options = hookproof::Options::default();
/// assert_eq!(options.tolerance_seconds, 300);
/// assert_eq!(options.max_body_bytes, 1 << 20);
/// assert_eq!(options.token_param, "token");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// How far a signed timestamp may be from "now", in either direction (default 300 s).
    pub tolerance_seconds: u64,
    /// Larger bodies are refused before any hashing (default 1 MiB).
    pub max_body_bytes: usize,
    /// The callback URL's query parameter that carries a token proof (default `token`).
    pub token_param: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            tolerance_seconds: 300,
            max_body_bytes: 1 << 20,
            token_param: String::from("token"),
        }
    }
}

/// The current unix time in seconds, read from the system clock.
///
/// The core never reads a clock itself: every verification takes "now" as an argument.
/// This is a convenience for native `std` programs; on `wasm32-unknown-unknown` the
/// system clock panics, so it does not exist there (the JavaScript layer passes
/// `Date.now()`).
///
/// ```
/// assert!(hookproof::unix_now() > 1_700_000_000);
/// ```
#[cfg(all(feature = "std", not(target_arch = "wasm32")))]
pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0)
}
