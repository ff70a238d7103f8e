//! Helpers shared by the integration tests.

/// Bytes from hex digits (test fixtures only: panics on bad input).
pub fn hex_decode(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}
