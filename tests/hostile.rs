//! The hostile-input table (SECURITY.md shows it): each input is answered by its stable
//! error code or a documented success, never a panic. The same table runs through the npm
//! package in every JS runtime (js-tests/cases.js, "hostile table").

use hookproof::{sign, verify, Delivery, ErrorCode, Options, SignOptions};

const KEY: &str = "hostile-key";
const SIR_KEY: &str = "whsec_hostile";
const NOW: u64 = 1_700_000_000;
const G2: &str = r#"{"jobId":5,"eventType":"JobStarted","jobName":"x","jobStatus":"InProgress"}"#;
const SIR: &str = r#"{"id":"evt_1","type":"user.created","data":{}}"#;
const CONTENTSPAL: &str = r#"{"event":"job.created","timestamp":"2026-03-03T14:30:00.000Z","organizationId":"o","job":{"id":"j"}}"#;

type Headers = Vec<(String, String)>;

fn signed(provider: &str, body: &[u8], key: &str) -> Headers {
    sign(provider, body, key.as_bytes(), &SignOptions::at(NOW))
        .unwrap()
        .headers
}

fn g2_with_signature(value: &str) -> Headers {
    vec![("X-Signature".into(), value.into())]
}

fn sir_with_timestamp(timestamp: &str) -> Headers {
    let mut headers = signed("sir", SIR.as_bytes(), SIR_KEY);
    headers.retain(|(name, _)| name != "X-SIR-Timestamp");
    headers.push(("X-SIR-Timestamp".into(), timestamp.into()));
    headers
}

/// `Ok(())` for a documented success, else the code.
fn outcome(
    provider: &str,
    headers: &Headers,
    body: &[u8],
    url: Option<&str>,
) -> Result<(), ErrorCode> {
    let key = match provider {
        "sir" => SIR_KEY,
        _ => KEY,
    };
    let mut delivery = Delivery::new(headers, body);
    if let Some(url) = url {
        delivery = delivery.with_url(url);
    }
    verify(provider, &delivery, &[key], &Options::default(), NOW)
        .map(|_| ())
        .map_err(|e| e.code())
}

fn check(name: &str, got: Result<(), ErrorCode>, want: Result<(), ErrorCode>) {
    assert_eq!(got, want, "{name}");
}

use ErrorCode::*;

#[test]
fn oversized_inputs() {
    let big = vec![b' '; (1 << 20) + 1];
    check(
        "body over 1 MiB",
        outcome("g2sentry", &signed("g2sentry", &big, KEY), &big, None),
        Err(BodyTooLarge),
    );
    let huge_signature = "a".repeat(1 << 20);
    check(
        "1 MiB signature header",
        outcome(
            "g2sentry",
            &g2_with_signature(&huge_signature),
            G2.as_bytes(),
            None,
        ),
        Err(MalformedSignature),
    );
    let mut many: Headers = (0..10_000)
        .map(|i| (format!("x-filler-{i}"), "v".into()))
        .collect();
    check(
        "10,000 headers, no signature",
        outcome("g2sentry", &many, G2.as_bytes(), None),
        Err(MissingSignature),
    );
    many.extend(signed("g2sentry", G2.as_bytes(), KEY));
    check(
        "10,000 headers, signature last",
        outcome("g2sentry", &many, G2.as_bytes(), None),
        Ok(()),
    );
}

#[test]
fn repeated_signature_headers_first_counts() {
    let mut headers = g2_with_signature(&"0".repeat(64));
    headers.extend(signed("g2sentry", G2.as_bytes(), KEY));
    check(
        "wrong first, right second",
        outcome("g2sentry", &headers, G2.as_bytes(), None),
        Err(SignatureMismatch),
    );
    headers.reverse();
    check(
        "right first, wrong second",
        outcome("g2sentry", &headers, G2.as_bytes(), None),
        Ok(()),
    );
}

#[test]
fn malformed_signatures() {
    for length in (0..=130).filter(|&n| n != 64) {
        let value = "a".repeat(length);
        check(
            &format!("{length} hex digits"),
            outcome("g2sentry", &g2_with_signature(&value), G2.as_bytes(), None),
            Err(MalformedSignature),
        );
    }
    let good = signed("g2sentry", G2.as_bytes(), KEY)[1].1.clone();
    let cases = [
        ("a non-hex letter", format!("g{}", &good[1..])),
        ("a NUL", format!("\0{}", &good[1..])),
        ("a non-ASCII letter", format!("é{}", &good[2..])),
        ("full-width digits", "０".repeat(64)),
        ("a space inside", format!("{} {}", &good[..32], &good[33..])),
        ("a prefix where none is sent", format!("sha256={good}")),
    ];
    for (name, value) in cases {
        check(
            name,
            outcome("g2sentry", &g2_with_signature(&value), G2.as_bytes(), None),
            Err(MalformedSignature),
        );
    }
    let contentspal = signed("contentspal", CONTENTSPAL.as_bytes(), KEY)
        .into_iter()
        .find(|(name, _)| name == "X-Webhook-Signature")
        .unwrap()
        .1;
    let hex = contentspal.trim_start_matches("sha256=");
    for (name, value) in [
        ("prefix at the end", format!("{hex}sha256=")),
        ("prefix twice", format!("sha256=sha256={hex}")),
        ("no prefix", hex.to_owned()),
    ] {
        let headers = vec![("X-Webhook-Signature".into(), value)];
        check(
            name,
            outcome("contentspal", &headers, CONTENTSPAL.as_bytes(), None),
            Err(MalformedSignature),
        );
    }
    let upper = vec![(
        "X-Webhook-Signature".into(),
        format!("SHA256={}", hex.to_uppercase()),
    )];
    check(
        "upper-case prefix and hex (documented: accepted)",
        outcome("contentspal", &upper, CONTENTSPAL.as_bytes(), None),
        Ok(()),
    );
}

#[test]
fn timestamps() {
    for (name, value) in [
        ("a plus sign", "+1700000000"),
        ("a minus sign", "-1700000000"),
        ("an exponent", "1.7e9"),
        ("a fraction", "1700000000.5"),
        ("full-width digits", "１７００００００００"),
        ("40 digits", "1700000000170000000017000000001700000000"),
        ("a space inside", "1700 000000"),
        ("hex", "0x6553f100"),
        ("empty", ""),
    ] {
        check(
            name,
            outcome("sir", &sir_with_timestamp(value), SIR.as_bytes(), None),
            Err(MalformedTimestamp),
        );
    }
    // Documented: surrounding whitespace is trimmed, and the trimmed text is what is signed.
    check(
        "surrounding spaces",
        outcome(
            "sir",
            &sir_with_timestamp(" 1700000000 "),
            SIR.as_bytes(),
            None,
        ),
        Ok(()),
    );
    // Leading zeros are digits; the signature covers the text as sent, so a re-signed one
    // verifies and the value is read in decimal.
    let mut headers = sign("sir", b"{}", SIR_KEY.as_bytes(), &SignOptions::at(NOW))
        .unwrap()
        .headers;
    headers.retain(|(name, _)| name != "X-SIR-Timestamp");
    headers.push(("X-SIR-Timestamp".into(), format!("0{NOW}")));
    check(
        "leading zero, signed without it",
        outcome("sir", &headers, b"{}", None),
        Err(SignatureMismatch),
    );
}

#[test]
fn hostile_bodies() {
    let body_cases: Vec<(&str, Vec<u8>, Result<(), ErrorCode>)> = vec![
        (
            "invalid UTF-8",
            b"{\"jobId\":5,\"eventType\":\"\xff\xfe\",\"jobStatus\":\"New\"}".to_vec(),
            Err(MalformedBody),
        ),
        (
            "nested 100,000 deep (an array, not the object)",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            Err(InvalidPayload),
        ),
        (
            "nested 100,000 deep in an unknown field (documented: skipped, never recursed into)",
            format!(
                r#"{{"jobId":5,"eventType":"JobStarted","jobStatus":"New","x":{}{}}}"#,
                "[".repeat(100_000),
                "]".repeat(100_000)
            )
            .into_bytes(),
            Ok(()),
        ),
        (
            "a duplicate known key",
            br#"{"jobId":5,"jobId":6,"eventType":"JobStarted","jobStatus":"New"}"#.to_vec(),
            Err(InvalidPayload),
        ),
        (
            "a duplicate unknown key (documented: ignored)",
            br#"{"jobId":5,"eventType":"JobStarted","jobStatus":"New","x":1,"x":2}"#.to_vec(),
            Ok(()),
        ),
        (
            "1e400",
            br#"{"jobId":1e400,"eventType":"JobStarted","jobStatus":"New"}"#.to_vec(),
            Err(MalformedBody),
        ),
        (
            "1e400 in an unknown field (documented: skipped)",
            br#"{"jobId":5,"eventType":"JobStarted","jobStatus":"New","x":1e400}"#.to_vec(),
            Ok(()),
        ),
        (
            "2^64",
            br#"{"jobId":18446744073709551616,"eventType":"JobStarted","jobStatus":"New"}"#
                .to_vec(),
            Err(InvalidPayload),
        ),
        (
            "a negative id",
            br#"{"jobId":-5,"eventType":"JobStarted","jobStatus":"New"}"#.to_vec(),
            Err(InvalidPayload),
        ),
        ("not an object", b"[]".to_vec(), Err(InvalidPayload)),
        ("empty", b"".to_vec(), Err(MalformedBody)),
    ];
    for (name, body, want) in body_cases {
        check(
            name,
            outcome("g2sentry", &signed("g2sentry", &body, KEY), &body, None),
            want,
        );
    }
}

#[test]
fn gengo_forms() {
    let job = "job=%7B%22job_id%22%3A1%2C%22status%22%3A%22available%22%7D";
    let comment = "comment=%7B%22job_id%22%3A1%2C%22body%22%3A%22x%22%2C%22ctime%22%3A1%7D";
    let url = Some("/cb?token=hostile-key");
    let none: Headers = vec![];
    for (name, body, want) in [
        (
            "both job and comment",
            format!("{job}&{comment}"),
            Err(MalformedBody),
        ),
        ("neither", "other=1".to_owned(), Err(MalformedBody)),
        ("job twice", format!("{job}&{job}"), Err(MalformedBody)),
        (
            "broken percent-encoding",
            "job=%ZZ%7B".to_owned(),
            Err(MalformedBody),
        ),
        (
            "a truncated escape",
            "job=%7".to_owned(),
            Err(MalformedBody),
        ),
        (
            "other parameters too (documented: ignored)",
            format!("x=1&{job}&y=%FF"),
            Ok(()),
        ),
    ] {
        check(name, outcome("gengo", &none, body.as_bytes(), url), want);
    }
    check(
        "token twice, right one first (documented: first counts)",
        outcome(
            "gengo",
            &none,
            job.as_bytes(),
            Some("/cb?token=hostile-key&token=x"),
        ),
        Ok(()),
    );
    check(
        "token twice, wrong one first",
        outcome(
            "gengo",
            &none,
            job.as_bytes(),
            Some("/cb?token=x&token=hostile-key"),
        ),
        Err(SignatureMismatch),
    );
    check(
        "broken percent-encoding in the token",
        outcome("gengo", &none, job.as_bytes(), Some("/cb?token=%ZZ")),
        Err(SignatureMismatch),
    );
}
