//! `explain` names the likely cause of a failure, and never a secret.

use hookproof::{explain, sign, Delivery, Hint, Options, SignOptions};

const SECRET: &str = "whsec_00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const KEY: &str = "callback-key-9f8e7d";
const NOW: u64 = 1_778_404_320;
const BODY: &[u8] = br#"{"id":"evt_1","type":"user.created","data":{"userId":"u1"}}"#;

fn signed(provider: &str, body: &[u8], secret: &[u8], at: u64) -> Vec<(String, String)> {
    sign(provider, body, secret, &SignOptions::at(at))
        .unwrap()
        .headers
}

fn hints(provider: &str, headers: &[(String, String)], body: &[u8], secrets: &[&str]) -> Vec<Hint> {
    let hints = explain(
        provider,
        &Delivery::new(&headers, body),
        secrets,
        &Options::default(),
        NOW,
    );
    for hint in &hints {
        for secret in secrets {
            assert!(!hint.message.contains(secret.trim()), "{hint:?}");
        }
    }
    hints
}

fn codes(hints: &[Hint]) -> Vec<&'static str> {
    hints.iter().map(|h| h.code).collect()
}

#[test]
fn a_valid_delivery_has_nothing_to_explain() {
    assert!(hints(
        "sir",
        &signed("sir", BODY, SECRET.as_bytes(), NOW),
        BODY,
        &[SECRET]
    )
    .is_empty());
}

#[test]
fn trailing_newline_either_way() {
    let headers = signed("sir", BODY, SECRET.as_bytes(), NOW);
    let with_newline = [BODY, b"\n"].concat();
    assert_eq!(
        codes(&hints("sir", &headers, &with_newline, &[SECRET])),
        ["signature_mismatch", "body_trailing_newline"]
    );
    let headers = signed("sir", &with_newline, SECRET.as_bytes(), NOW);
    assert_eq!(
        codes(&hints("sir", &headers, BODY, &[SECRET])),
        ["signature_mismatch", "body_trailing_newline"]
    );
}

#[test]
fn reformatted_json() {
    let headers = signed(
        "g2sentry",
        br#"{"jobId":5,"eventType":"JobStarted","jobStatus":"InProgress"}"#,
        KEY.as_bytes(),
        0,
    );
    let pretty =
        b"{\n  \"jobId\": 5,\n  \"eventType\": \"JobStarted\",\n  \"jobStatus\": \"InProgress\"\n}";
    assert!(codes(&hints("g2sentry", &headers, pretty, &[KEY])).contains(&"body_reserialized"));
}

#[test]
fn secret_with_whitespace() {
    let headers = signed("sir", BODY, SECRET.as_bytes(), NOW);
    let padded = format!("{SECRET}\n");
    let hints = hints("sir", &headers, BODY, &[&padded]);
    assert_eq!(codes(&hints), ["signature_mismatch", "secret_whitespace"]);
    assert!(hints[1].message.contains("matches without it"));
}

#[test]
fn secret_decoded_standard_webhooks_style() {
    let hex = &SECRET["whsec_".len()..];
    let decoded: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    let headers = signed("sir", BODY, &decoded, NOW);
    let found = hints("sir", &headers, BODY, &[SECRET]);
    assert!(
        found
            .iter()
            .any(|h| h.code == "secret_decoded" && h.message.contains("hex-decoded")),
        "{found:?}"
    );
}

#[test]
fn prefix_missing_and_unexpected() {
    let mut headers = signed("contentspal", BODY, KEY.as_bytes(), 0);
    headers[1].1 = headers[1].1.trim_start_matches("sha256=").to_owned();
    assert_eq!(
        codes(&hints("contentspal", &headers, BODY, &[KEY])),
        ["malformed_signature", "prefix_missing"]
    );

    let mut headers = signed("g2sentry", BODY, KEY.as_bytes(), 0);
    headers[1].1 = format!("sha256={}", headers[1].1);
    assert_eq!(
        codes(&hints("g2sentry", &headers, BODY, &[KEY])),
        ["malformed_signature", "prefix_unexpected"]
    );
}

#[test]
fn base64_signature() {
    use base64::Engine as _;
    let mut headers = signed("g2sentry", BODY, KEY.as_bytes(), 0);
    let digest: Vec<u8> = (0..64)
        .step_by(2)
        .map(|i| u8::from_str_radix(&headers[1].1[i..i + 2], 16).unwrap())
        .collect();
    headers[1].1 = base64::engine::general_purpose::STANDARD.encode(digest);
    assert_eq!(
        codes(&hints("g2sentry", &headers, BODY, &[KEY])),
        ["malformed_signature", "signature_base64"]
    );
}

#[test]
fn wrong_provider_and_similar_header() {
    let headers = signed("g2sentry", BODY, KEY.as_bytes(), 0);
    let found = hints("contentspal", &headers, BODY, &[KEY]);
    assert_eq!(codes(&found), ["missing_signature", "similar_header"]);
    assert!(found[1].message.contains("g2sentry"));

    let mut headers = signed("contentspal", BODY, KEY.as_bytes(), 0);
    headers.push(("X-SIR-Timestamp".into(), NOW.to_string()));
    headers[1].0 = "X-SIR-Signature".into();
    let found = hints("sir", &headers, BODY, &[KEY]);
    assert!(codes(&found).contains(&"timestamp_not_signed"), "{found:?}");
}

#[test]
fn stale_and_millisecond_timestamps() {
    let headers = signed("sir", BODY, SECRET.as_bytes(), NOW - 3600);
    let found = hints("sir", &headers, BODY, &[SECRET]);
    assert_eq!(codes(&found), ["timestamp_too_old", "timestamp_skew"]);
    assert!(found[1].message.contains("3600 s behind"));

    let headers = signed("sir", BODY, SECRET.as_bytes(), NOW * 1000);
    assert_eq!(
        codes(&hints("sir", &headers, BODY, &[SECRET])),
        ["timestamp_in_future", "timestamp_milliseconds"]
    );
}

#[test]
fn nothing_matches_says_check_secret_and_raw_body() {
    let headers = signed("sir", BODY, b"another", NOW);
    assert_eq!(
        codes(&hints("sir", &headers, BODY, &[SECRET])),
        ["signature_mismatch", "raw_body"]
    );
}

#[test]
fn gengo_token_hints() {
    let empty: [(&str, &str); 0] = [];
    let body = b"job=%7B%7D";
    let options = Options::default();
    let run = |url: Option<&str>, secret: &str| {
        let mut delivery = Delivery::new(&empty, body);
        if let Some(url) = url {
            delivery = delivery.with_url(url);
        }
        codes(&explain("gengo", &delivery, &[secret], &options, 0))
    };
    assert_eq!(run(None, "tok"), ["missing_signature", "url_missing"]);
    assert_eq!(
        run(Some("/cb?key=tok"), "tok"),
        ["missing_signature", "token_param_name"]
    );
    assert_eq!(
        run(Some("/cb?token=tok%2520x"), "tok x"),
        ["signature_mismatch", "token_double_encoded"]
    );
}
