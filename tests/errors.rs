//! Every error code is reachable, each bad input gets the right code, and no message
//! carries a secret.

use std::collections::BTreeSet;

use hookproof::{parse, sign, verify, Delivery, Error, ErrorCode, Options, SignOptions};

const SECRET: &str = "super-secret-value-0123456789";
const NOW: u64 = 1_778_404_320;
const G2_BODY: &[u8] =
    br#"{"jobId":5,"eventType":"JobAssigned","jobName":"Open House","jobStatus":"Assigned"}"#;
const SIR_BODY: &[u8] =
    br#"{"id":"evt_1","type":"user.created","createdAt":"2026-05-10T09:12:00Z","data":{}}"#;

fn headers_for(provider: &str, body: &[u8], timestamp: u64) -> Vec<(String, String)> {
    sign(
        provider,
        body,
        SECRET.as_bytes(),
        &SignOptions::at(timestamp),
    )
    .unwrap()
    .headers
}

fn check(
    provider: &str,
    headers: &[(String, String)],
    body: &[u8],
    url: Option<&str>,
    options: &Options,
) -> Error {
    let mut delivery = Delivery::new(&headers, body);
    if let Some(url) = url {
        delivery = delivery.with_url(url);
    }
    let error = verify(provider, &delivery, &[SECRET], options, NOW).unwrap_err();
    assert!(!error.message().contains(SECRET), "{error}");
    assert!(!error.to_string().contains(SECRET), "{error}");
    error
}

fn replace(headers: &[(String, String)], name: &str, value: &str) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                if k.eq_ignore_ascii_case(name) {
                    value.into()
                } else {
                    v.clone()
                },
            )
        })
        .collect()
}

fn without(headers: &[(String, String)], name: &str) -> Vec<(String, String)> {
    headers
        .iter()
        .filter(|(k, _)| !k.eq_ignore_ascii_case(name))
        .cloned()
        .collect()
}

/// (label, code, error) for every bad input this suite knows.
fn cases() -> Vec<(&'static str, ErrorCode, Error)> {
    let opts = Options::default();
    let g2 = headers_for("g2sentry", G2_BODY, 0);
    let sir = headers_for("sir", SIR_BODY, NOW);
    let sig = g2[1].1.clone();
    let gengo_body = b"job=%7B%22job_id%22%3A1%2C%22status%22%3A%22queued%22%7D";
    let mut cases = vec![];
    let mut add = |label, code, error| cases.push((label, code, error));

    let empty: [(&str, &str); 0] = [];
    add(
        "unknown provider",
        ErrorCode::UnknownProvider,
        verify("acme", &Delivery::new(&empty, b"{}"), &[SECRET], &opts, NOW).unwrap_err(),
    );
    add(
        "empty secret",
        ErrorCode::InvalidSecret,
        verify("g2sentry", &Delivery::new(&g2, G2_BODY), &[""], &opts, NOW).unwrap_err(),
    );
    let none: [&str; 0] = [];
    add(
        "no secrets",
        ErrorCode::InvalidSecret,
        verify("sir", &Delivery::new(&sir, SIR_BODY), &none, &opts, NOW).unwrap_err(),
    );
    let small = Options {
        max_body_bytes: 10,
        ..Options::default()
    };
    add(
        "body too large",
        ErrorCode::BodyTooLarge,
        check("g2sentry", &g2, G2_BODY, None, &small),
    );
    add(
        "missing signature",
        ErrorCode::MissingSignature,
        check(
            "g2sentry",
            &without(&g2, "x-signature"),
            G2_BODY,
            None,
            &opts,
        ),
    );
    add(
        "gengo without url",
        ErrorCode::MissingSignature,
        check("gengo", &[], gengo_body, None, &opts),
    );
    add(
        "gengo url without token",
        ErrorCode::MissingSignature,
        check("gengo", &[], gengo_body, Some("/cb?other=1"), &opts),
    );
    add(
        "g2sentry with sha256= prefix",
        ErrorCode::MalformedSignature,
        check(
            "g2sentry",
            &replace(&g2, "x-signature", &format!("sha256={sig}")),
            G2_BODY,
            None,
            &opts,
        ),
    );
    add(
        "not hex",
        ErrorCode::MalformedSignature,
        check(
            "g2sentry",
            &replace(&g2, "x-signature", &"zz".repeat(32)),
            G2_BODY,
            None,
            &opts,
        ),
    );
    add(
        "short hex",
        ErrorCode::MalformedSignature,
        check(
            "g2sentry",
            &replace(&g2, "x-signature", &sig[..62]),
            G2_BODY,
            None,
            &opts,
        ),
    );
    add(
        "contentspal without prefix",
        ErrorCode::MalformedSignature,
        check(
            "contentspal",
            &[("X-Webhook-Signature".into(), sig.clone())],
            G2_BODY,
            None,
            &opts,
        ),
    );
    add(
        "wrong signature",
        ErrorCode::SignatureMismatch,
        check(
            "g2sentry",
            &replace(&g2, "x-signature", &"ab".repeat(32)),
            G2_BODY,
            None,
            &opts,
        ),
    );
    add(
        "wrong secret",
        ErrorCode::SignatureMismatch,
        verify(
            "g2sentry",
            &Delivery::new(&g2, G2_BODY),
            &["other"],
            &opts,
            NOW,
        )
        .unwrap_err(),
    );
    add(
        "wrong gengo token",
        ErrorCode::SignatureMismatch,
        check(
            "gengo",
            &[],
            gengo_body,
            Some("https://r.example/cb?token=nope"),
            &opts,
        ),
    );
    add(
        "missing timestamp",
        ErrorCode::MissingTimestamp,
        check(
            "sir",
            &without(&sir, "x-sir-timestamp"),
            SIR_BODY,
            None,
            &opts,
        ),
    );
    for bad in [
        "-5",
        "+1778404320",
        "1778404320.5",
        "1e9",
        "0x6a",
        "soon",
        "",
        "99999999999999999999999",
    ] {
        add(
            "malformed timestamp",
            ErrorCode::MalformedTimestamp,
            check(
                "sir",
                &replace(&sir, "x-sir-timestamp", bad),
                SIR_BODY,
                None,
                &opts,
            ),
        );
    }
    let old = headers_for("sir", SIR_BODY, NOW - 301);
    add(
        "too old",
        ErrorCode::TimestampTooOld,
        check("sir", &old, SIR_BODY, None, &opts),
    );
    let future = headers_for("sir", SIR_BODY, NOW + 301);
    add(
        "in future",
        ErrorCode::TimestampInFuture,
        check("sir", &future, SIR_BODY, None, &opts),
    );
    let not_json = b"{\"jobId\":5,";
    add(
        "truncated json",
        ErrorCode::MalformedBody,
        check(
            "g2sentry",
            &headers_for("g2sentry", not_json, 0),
            not_json,
            None,
            &opts,
        ),
    );
    let gengo_url = format!("/cb?token={SECRET}");
    add(
        "gengo body not a form",
        ErrorCode::MalformedBody,
        check("gengo", &[], b"{\"job\":1}", Some(&gengo_url), &opts),
    );
    add(
        "gengo job not json",
        ErrorCode::MalformedBody,
        check("gengo", &[], b"job=not-json", Some(&gengo_url), &opts),
    );
    add(
        "gengo both job and comment",
        ErrorCode::MalformedBody,
        check(
            "gengo",
            &[],
            b"job=%7B%7D&comment=%7B%7D",
            Some(&gengo_url),
            &opts,
        ),
    );
    let wrong_type = br#"{"jobId":"five","eventType":"JobAssigned","jobStatus":"Assigned"}"#;
    add(
        "jobId a string",
        ErrorCode::InvalidPayload,
        check(
            "g2sentry",
            &headers_for("g2sentry", wrong_type, 0),
            wrong_type,
            None,
            &opts,
        ),
    );
    let no_id = br#"{"type":"user.created","data":{}}"#;
    add(
        "sir without id",
        ErrorCode::InvalidPayload,
        check("sir", &headers_for("sir", no_id, NOW), no_id, None, &opts),
    );
    add(
        "gengo job without status",
        ErrorCode::InvalidPayload,
        check(
            "gengo",
            &[],
            b"job=%7B%22job_id%22%3A1%7D",
            Some(&gengo_url),
            &opts,
        ),
    );
    cases
}

#[test]
fn each_bad_input_gets_its_code() {
    for (label, expected, error) in cases() {
        assert_eq!(error.code(), expected, "{label}: {error}");
        assert!(!error.message().is_empty(), "{label}");
    }
}

#[test]
fn every_code_is_reached() {
    let reached: BTreeSet<&str> = cases().iter().map(|(_, _, e)| e.code().as_str()).collect();
    for code in ErrorCode::ALL {
        assert!(
            reached.contains(code.as_str()),
            "{code} is never produced by the suite"
        );
    }
}

#[test]
fn codes_are_stable_snake_case() {
    let codes: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(
        codes,
        [
            "unknown_provider",
            "invalid_secret",
            "body_too_large",
            "missing_signature",
            "malformed_signature",
            "signature_mismatch",
            "missing_timestamp",
            "malformed_timestamp",
            "timestamp_too_old",
            "timestamp_in_future",
            "malformed_body",
            "invalid_payload",
        ]
    );
}

#[test]
fn proof_is_checked_before_the_body_is_parsed() {
    // A body that is not JSON with a wrong signature is a signature problem, not a body one.
    let headers = [("X-Signature", "ab".repeat(32))];
    let error = verify(
        "g2sentry",
        &Delivery::new(&headers, b"garbage"),
        &[SECRET],
        &Options::default(),
        0,
    )
    .unwrap_err();
    assert_eq!(error.code(), ErrorCode::SignatureMismatch);
}

#[test]
fn size_is_checked_before_anything_else() {
    let options = Options {
        max_body_bytes: 4,
        ..Options::default()
    };
    let empty: [(&str, &str); 0] = [];
    let error = verify(
        "sir",
        &Delivery::new(&empty, b"12345"),
        &[SECRET],
        &options,
        0,
    )
    .unwrap_err();
    assert_eq!(error.code(), ErrorCode::BodyTooLarge);
    let error = parse("sir", &Delivery::new(&empty, b"12345"), &options).unwrap_err();
    assert_eq!(error.code(), ErrorCode::BodyTooLarge);
}

#[test]
fn a_stale_timestamp_is_reported_only_for_genuine_signatures() {
    let mut headers = headers_for("sir", SIR_BODY, NOW - 1000);
    headers = replace(
        &headers,
        "x-sir-signature",
        &format!("sha256={}", "00".repeat(32)),
    );
    let error = check("sir", &headers, SIR_BODY, None, &Options::default());
    assert_eq!(error.code(), ErrorCode::SignatureMismatch);
}

#[test]
fn the_tolerance_is_configurable() {
    let headers = headers_for("sir", SIR_BODY, NOW - 1000);
    let wide = Options {
        tolerance_seconds: 1000,
        ..Options::default()
    };
    assert!(verify(
        "sir",
        &Delivery::new(&headers, SIR_BODY),
        &[SECRET],
        &wide,
        NOW
    )
    .is_ok());
    let narrow = Options {
        tolerance_seconds: 999,
        ..Options::default()
    };
    let error = verify(
        "sir",
        &Delivery::new(&headers, SIR_BODY),
        &[SECRET],
        &narrow,
        NOW,
    )
    .unwrap_err();
    assert_eq!(error.code(), ErrorCode::TimestampTooOld);
    assert!(error.message().contains("1000 s"), "{error}");
}

#[test]
fn macs_computed_elsewhere_get_every_other_check() {
    use hmac::{Hmac, KeyInit, Mac};
    use hookproof::Verifier;
    let verifier = Verifier::new("sir", &[SECRET, "older"], Options::default()).unwrap();
    let headers = headers_for("sir", SIR_BODY, NOW);
    let delivery = Delivery::new(&headers, SIR_BODY);
    let prefix = verifier.signed_prefix(&delivery).unwrap();
    let mac_of = |secret: &str| -> [u8; 32] {
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(prefix.as_bytes());
        mac.update(SIR_BODY);
        mac.finalize().into_bytes().into()
    };
    let right = [mac_of("older"), mac_of(SECRET)];
    let zero = [0u8; 32];
    assert!(verifier.verify_with_macs(&delivery, NOW, &right).is_ok());
    // One MAC per secret, no more, no less.
    let error = verifier
        .verify_with_macs(&delivery, NOW, &right[..1])
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidSecret);
    // Wrong MACs are a mismatch; genuine ones outside the window are too old, as in verify.
    let error = verifier
        .verify_with_macs(&delivery, NOW, &[zero, zero])
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::SignatureMismatch);
    let error = verifier
        .verify_with_macs(&delivery, NOW + 10_000, &right)
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::TimestampTooOld);
    // Header problems come first, and signed_prefix reports them before any hashing.
    let no_timestamp = &headers[..2].to_vec();
    let delivery = Delivery::new(no_timestamp, SIR_BODY);
    let error = verifier
        .verify_with_macs(&delivery, NOW, &right)
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::MissingTimestamp);
    assert_eq!(
        verifier.signed_prefix(&delivery).unwrap_err().code(),
        ErrorCode::MissingTimestamp
    );
}

#[test]
fn url_token_providers_ignore_given_macs() {
    use hookproof::Verifier;
    let verifier = Verifier::new("gengo", &["tok"], Options::default()).unwrap();
    let body = hookproof::providers::gengo::form_body("job", r#"{"job_id":1,"status":"approved"}"#);
    let delivery = Delivery::new(&[("a", "b")], body.as_bytes()).with_url("/cb?token=tok");
    assert_eq!(verifier.signed_prefix(&delivery).unwrap(), "");
    assert!(verifier.verify_with_macs(&delivery, NOW, &[]).is_ok());
}
