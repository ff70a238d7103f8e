//! Property tests: `sign` then `verify` round-trips for arbitrary bodies, secrets and
//! timestamps, and changing any byte of body, signature or timestamp is refused.

use hookproof::{sign, Delivery, ErrorCode, Options, SignOptions, Verifier};
use proptest::prelude::*;

/// The proof alone is under test, so bodies are arbitrary bytes and `prove` is called
/// (decoding arbitrary bytes would fail on purpose).
fn prove(
    provider: &str,
    headers: &[(String, String)],
    body: &[u8],
    secret: &[u8],
    now: u64,
) -> Result<(), ErrorCode> {
    let verifier = Verifier::new(provider, &[secret], Options::default()).unwrap();
    verifier
        .prove(&Delivery::new(&headers, body), now)
        .map_err(|e| e.code())
}

fn hmac_providers() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("g2sentry"), Just("contentspal"), Just("sir")]
}

fn header_index(headers: &[(String, String)], name: &str) -> usize {
    headers
        .iter()
        .position(|(k, _)| k.eq_ignore_ascii_case(name))
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn sign_then_verify_round_trips(
        provider in hmac_providers(),
        body in proptest::collection::vec(any::<u8>(), 0..2048),
        secret in proptest::collection::vec(any::<u8>(), 1..96),
        timestamp in 0u64..=u64::MAX / 2,
        skew in 0u64..=300,
    ) {
        let signed = sign(provider, &body, &secret, &SignOptions::at(timestamp)).unwrap();
        prop_assert_eq!(prove(provider, &signed.headers, &body, &secret, timestamp + skew), Ok(()));
    }

    #[test]
    fn a_changed_body_byte_is_refused(
        provider in hmac_providers(),
        body in proptest::collection::vec(any::<u8>(), 1..512),
        secret in proptest::collection::vec(any::<u8>(), 1..64),
        index in any::<prop::sample::Index>(),
        flip in 1u8..=255,
    ) {
        let signed = sign(provider, &body, &secret, &SignOptions::at(1000)).unwrap();
        let mut changed = body.clone();
        changed[index.index(body.len())] ^= flip;
        prop_assert_eq!(prove(provider, &signed.headers, &changed, &secret, 1000), Err(ErrorCode::SignatureMismatch));
    }

    #[test]
    fn a_changed_signature_character_is_refused(
        provider in hmac_providers(),
        body in proptest::collection::vec(any::<u8>(), 0..256),
        secret in proptest::collection::vec(any::<u8>(), 1..64),
        index in 0usize..64,
        replacement in "[0-9a-f]",
    ) {
        let mut signed = sign(provider, &body, &secret, &SignOptions::at(1000)).unwrap();
        let header = if provider == "g2sentry" { "x-signature" } else if provider == "sir" { "x-sir-signature" } else { "x-webhook-signature" };
        let at = header_index(&signed.headers, header);
        let value = &mut signed.headers[at].1;
        let hex_start = value.len() - 64;
        let original = value.as_bytes()[hex_start + index] as char;
        prop_assume!(original.to_string() != replacement);
        value.replace_range(hex_start + index..hex_start + index + 1, &replacement);
        prop_assert_eq!(prove(provider, &signed.headers, &body, &secret, 1000), Err(ErrorCode::SignatureMismatch));
    }

    #[test]
    fn a_changed_timestamp_digit_is_refused(
        body in proptest::collection::vec(any::<u8>(), 0..256),
        secret in proptest::collection::vec(any::<u8>(), 1..64),
        timestamp in 1_000_000_000u64..9_999_999_999,
        index in 0usize..10,
        digit in 0u8..10,
    ) {
        let mut signed = sign("sir", &body, &secret, &SignOptions::at(timestamp)).unwrap();
        let at = header_index(&signed.headers, "x-sir-timestamp");
        let value = &mut signed.headers[at].1;
        let new_digit = char::from(b'0' + digit).to_string();
        prop_assume!(value[index..index + 1] != new_digit);
        value.replace_range(index..index + 1, &new_digit);
        // Whatever the new value, the old signature does not cover it.
        let changed: u64 = value.parse().unwrap();
        prop_assert_eq!(prove("sir", &signed.headers, &body, &secret, changed), Err(ErrorCode::SignatureMismatch));
    }

    #[test]
    fn another_secret_is_refused(
        provider in hmac_providers(),
        body in proptest::collection::vec(any::<u8>(), 0..256),
        secret in proptest::collection::vec(any::<u8>(), 1..64),
        other in proptest::collection::vec(any::<u8>(), 1..64),
    ) {
        prop_assume!(secret != other);
        let signed = sign(provider, &body, &secret, &SignOptions::at(5)).unwrap();
        prop_assert_eq!(prove(provider, &signed.headers, &body, &other, 5), Err(ErrorCode::SignatureMismatch));
    }

    #[test]
    fn gengo_tokens_round_trip_and_differ(
        token in "[ -~]{1,40}",
        other in "[ -~]{1,40}",
    ) {
        let mut options = SignOptions::at(0);
        options.url = Some("https://receiver.example/cb?x=1".into());
        let signed = sign("gengo", b"", token.as_bytes(), &options).unwrap();
        let url = signed.url.unwrap();
        let headers: [(&str, &str); 0] = [];
        let verifier = Verifier::new("gengo", &[token.as_bytes()], Options::default()).unwrap();
        prop_assert!(verifier.prove(&Delivery::new(&headers, b"").with_url(&url), 0).is_ok());
        if other != token {
            let verifier = Verifier::new("gengo", &[other.as_bytes()], Options::default()).unwrap();
            prop_assert_eq!(verifier.prove(&Delivery::new(&headers, b"").with_url(&url), 0).map_err(|e| e.code()), Err(ErrorCode::SignatureMismatch));
        }
    }

    #[test]
    fn arbitrary_input_never_panics(
        provider in prop_oneof![Just("g2sentry"), Just("contentspal"), Just("sir"), Just("gengo")],
        body in proptest::collection::vec(any::<u8>(), 0..512),
        signature in ".{0,80}",
        timestamp in ".{0,24}",
        url in ".{0,80}",
    ) {
        let headers = [
            ("X-Signature", signature.as_str()),
            ("X-Webhook-Signature", signature.as_str()),
            ("X-SIR-Signature", signature.as_str()),
            ("X-SIR-Timestamp", timestamp.as_str()),
        ];
        let delivery = Delivery::new(&headers, &body).with_url(&url);
        let _ = hookproof::verify(provider, &delivery, &["s"], &Options::default(), 0);
        let _ = hookproof::parse(provider, &delivery, &Options::default());
        let _ = hookproof::explain(provider, &delivery, &["s"], &Options::default(), 0);
    }
}
