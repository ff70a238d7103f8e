//! Signature and timestamp header values: prefixes, hex, timestamps. Arbitrary values
//! must be refused with a malformed/mismatch/window code, never panic.
#![no_main]

use hookproof::{verify, Delivery, ErrorCode, Options};
use libfuzzer_sys::fuzz_target;

const BODY: &[u8] = br#"{"id":"evt_1","type":"user.created","data":{}}"#;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (signature, timestamp) = text.split_once('\n').unwrap_or((&text, "1700000000"));
    for (provider, headers) in [
        ("sir", vec![("X-SIR-Signature", signature), ("X-SIR-Timestamp", timestamp)]),
        ("contentspal", vec![("X-Webhook-Signature", signature)]),
        ("g2sentry", vec![("X-Signature", signature)]),
    ] {
        let error = verify(provider, &Delivery::new(&headers, BODY), &["k"], &Options::default(), 1_700_000_000)
            .err()
            .map(|e| e.code());
        // A random value matching an HMAC is out of reach; anything else is a refusal.
        assert!(matches!(
            error,
            Some(ErrorCode::MalformedSignature | ErrorCode::SignatureMismatch | ErrorCode::MalformedTimestamp | ErrorCode::MissingSignature)
        ), "{provider}: {error:?}");
    }
});
