//! `explain` ranks the cause of a failure first, confirms it by re-checking the signature,
//! and never names a secret.

mod common;
use base64::Engine as _;
use common::hex_decode;
use hookproof::{
    detect_provider, explain, sign, Delivery, Diagnosis, ErrorCode, Options, Provider, SignOptions,
};

const SECRET: &str = "whsec_00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const KEY: &str = "callback-key-9f8e7d";
const NOW: u64 = 1_778_404_320;
const BODY: &str = r#"{"id":"evt_1","type":"user.created","data":{"userId":"u1"}}"#;
const G2: &str =
    r#"{"jobId":5,"eventType":"JobStarted","jobName":"Open House","jobStatus":"InProgress"}"#;
const GENGO: &str = "job=%7B%22job_id%22%3A%2242%22%2C%22status%22%3A%22available%22%7D";

type Headers = Vec<(String, String)>;

fn signed_at(provider: &str, body: &[u8], secret: &[u8], at: u64) -> Headers {
    sign(provider, body, secret, &SignOptions::at(at))
        .unwrap()
        .headers
}

fn signed(provider: &str, body: &str, secret: &str) -> Headers {
    signed_at(provider, body.as_bytes(), secret.as_bytes(), NOW)
}

fn signature(headers: &Headers) -> String {
    headers
        .iter()
        .find(|(name, _)| name.to_ascii_lowercase().contains("signature"))
        .unwrap()
        .1
        .clone()
}

fn one(name: &str, value: String) -> Headers {
    vec![(name.to_owned(), value)]
}

struct Case {
    provider: &'static str,
    headers: Headers,
    body: Vec<u8>,
    url: Option<&'static str>,
    secret: Vec<u8>,
    now: u64,
}

impl Case {
    fn new(
        provider: &'static str,
        headers: Headers,
        body: impl Into<Vec<u8>>,
        secret: impl Into<Vec<u8>>,
    ) -> Case {
        Case {
            provider,
            headers,
            body: body.into(),
            url: None,
            secret: secret.into(),
            now: NOW,
        }
    }

    fn at_url(mut self, url: &'static str) -> Case {
        self.url = Some(url);
        self
    }

    fn diagnose(&self) -> Diagnosis {
        let mut delivery = Delivery::new(&self.headers, &self.body);
        if let Some(url) = self.url {
            delivery = delivery.with_url(url);
        }
        let diagnosis = explain(
            self.provider,
            &delivery,
            &[&self.secret],
            &Options::default(),
            self.now,
        );
        let secret = String::from_utf8_lossy(&self.secret);
        for cause in &diagnosis.causes {
            assert!(
                !cause.message.contains(secret.trim()),
                "{cause:?} names the secret"
            );
        }
        diagnosis
    }

    fn codes(&self) -> Vec<&'static str> {
        self.diagnose()
            .causes
            .iter()
            .map(|cause| cause.code)
            .collect()
    }
}

/// Every cause `explain` recognises, each produced the way it happens in the field.
fn every_cause() -> Vec<(&'static str, Case)> {
    let g2 = signed("g2sentry", G2, KEY);
    let pretty = "{\n  \"a\": \"x\",\n  \"b\": 1\n}";
    let unicode = "{\"name\":\"Zoë – “quoted”\",\"n\":1}";
    let mojibake: String = unicode.bytes().map(char::from).collect();
    let python = r#"{"name": "Zo\u00eb", "n": 1}"#;
    let bare_hex = &SECRET["whsec_".len()..];
    let base64 = base64::engine::general_purpose::STANDARD.encode(hex_decode(&signature(&g2)));
    let gengo = |url| Case::new("gengo", vec![], GENGO, "gT0k3n").at_url(url);
    vec![
        (
            "body_trailing_newline",
            Case::new("g2sentry", g2.clone(), format!("{G2}\n"), KEY),
        ),
        (
            "body_line_endings",
            Case::new(
                "g2sentry",
                signed("g2sentry", pretty, KEY),
                pretty.replace('\n', "\r\n"),
                KEY,
            ),
        ),
        (
            "body_bom",
            Case::new("g2sentry", g2.clone(), format!("\u{feff}{G2}"), KEY),
        ),
        (
            "body_latin1",
            Case::new(
                "contentspal",
                signed("contentspal", unicode, KEY),
                mojibake,
                KEY,
            ),
        ),
        (
            "body_reserialized",
            Case::new(
                "g2sentry",
                g2.clone(),
                G2.replace(',', ", ").replace("\":", "\": "),
                KEY,
            ),
        ),
        (
            "body_reserialized",
            Case::new(
                "contentspal",
                signed("contentspal", python, KEY),
                r#"{"name":"Zoë","n":1}"#,
                KEY,
            ),
        ),
        (
            "secret_whitespace",
            Case::new("g2sentry", g2.clone(), G2, format!("{KEY}\n")),
        ),
        (
            "secret_prefix",
            Case::new("sir", signed("sir", BODY, SECRET), BODY, bare_hex),
        ),
        (
            "secret_decoded",
            Case::new(
                "sir",
                signed_at("sir", BODY.as_bytes(), &hex_decode(bare_hex), NOW),
                BODY,
                SECRET,
            ),
        ),
        (
            "signature_base64",
            Case::new("g2sentry", one("X-Signature", base64), G2, KEY),
        ),
        (
            "prefix_missing",
            Case::new(
                "contentspal",
                one("X-Webhook-Signature", signature(&g2)),
                G2,
                KEY,
            ),
        ),
        (
            "prefix_unexpected",
            Case::new(
                "g2sentry",
                one("X-Signature", format!("sha256={}", signature(&g2))),
                G2,
                KEY,
            ),
        ),
        (
            "signature_length",
            Case::new(
                "g2sentry",
                one("X-Signature", signature(&g2)[..40].to_owned()),
                G2,
                KEY,
            ),
        ),
        (
            "signature_not_hex",
            Case::new("g2sentry", one("X-Signature", "z".repeat(64)), G2, KEY),
        ),
        (
            "wrong_provider",
            Case::new("contentspal", g2.clone(), G2, KEY),
        ),
        (
            "signature_header_renamed",
            Case::new(
                "g2sentry",
                one("X-Forwarded-Signature", signature(&g2)),
                G2,
                KEY,
            ),
        ),
        (
            "signature_header_missing",
            Case::new(
                "g2sentry",
                one("Content-Type", "application/json".into()),
                G2,
                KEY,
            ),
        ),
        (
            "timestamp_skew",
            Case::new(
                "sir",
                signed_at("sir", BODY.as_bytes(), SECRET.as_bytes(), NOW - 3600),
                BODY,
                SECRET,
            ),
        ),
        (
            "timestamp_milliseconds",
            Case::new(
                "sir",
                signed_at("sir", BODY.as_bytes(), SECRET.as_bytes(), NOW * 1000),
                BODY,
                SECRET,
            ),
        ),
        (
            "timestamp_not_signed",
            Case::new(
                "sir",
                vec![
                    (
                        "X-SIR-Signature".into(),
                        signature(&signed("contentspal", BODY, SECRET)),
                    ),
                    ("X-SIR-Timestamp".into(), NOW.to_string()),
                ],
                BODY,
                SECRET,
            ),
        ),
        ("token_param_name", gengo("/cb?key=gT0k3n")),
        (
            "token_double_encoded",
            Case {
                secret: b"gT0k3n x".to_vec(),
                ..gengo("/cb?token=gT0k3n%2520x")
            },
        ),
        ("token_whitespace", gengo("/cb?token=%20gT0k3n")),
        ("token_missing", gengo("/cb")),
        ("url_missing", Case::new("gengo", vec![], GENGO, "gT0k3n")),
        (
            "body_json",
            Case::new("gengo", vec![], "{}", "gT0k3n").at_url("/cb?token=gT0k3n"),
        ),
        (
            "raw_body",
            Case::new("g2sentry", signed("g2sentry", G2, "another"), G2, KEY),
        ),
    ]
}

#[test]
fn every_cause_ranks_first_where_it_is_the_cause() {
    for (cause, case) in every_cause() {
        let diagnosis = case.diagnose();
        assert!(diagnosis.error.is_some(), "{cause}: the delivery verified");
        assert_eq!(
            diagnosis.causes.first().map(|c| c.code),
            Some(cause),
            "{cause}: {:?}",
            diagnosis.causes
        );
    }
}

#[test]
fn a_valid_delivery_has_nothing_to_explain() {
    let diagnosis = Case::new("sir", signed("sir", BODY, SECRET), BODY, SECRET).diagnose();
    assert!(diagnosis.is_genuine());
    assert!(diagnosis.causes.is_empty());
}

#[test]
fn the_refusal_comes_with_its_causes() {
    let diagnosis = Case::new(
        "g2sentry",
        signed("g2sentry", G2, KEY),
        format!("{G2}\n"),
        KEY,
    )
    .diagnose();
    assert_eq!(
        diagnosis.error.unwrap().code(),
        ErrorCode::SignatureMismatch
    );
    // A change that two readings explain is told once (compact JSON is also the body
    // without its newline).
    assert_eq!(
        diagnosis.causes.iter().map(|c| c.code).collect::<Vec<_>>(),
        ["body_trailing_newline"]
    );
}

#[test]
fn the_generic_cause_only_when_nothing_specific_matches_and_last() {
    for (cause, case) in every_cause() {
        let codes = case.codes();
        if cause != "raw_body" {
            assert!(!codes.contains(&"raw_body"), "{cause}: {codes:?}");
        }
    }
    let padded = Case::new(
        "g2sentry",
        signed("g2sentry", G2, "another"),
        G2,
        format!("{KEY} "),
    );
    assert_eq!(
        padded.codes(),
        ["secret_whitespace", "raw_body"],
        "an unconfirmed observation, then the generic advice"
    );
}

#[test]
fn confirmed_causes_outrank_visible_ones() {
    // The prefix is missing *and* the body lost its newline: both are needed, both confirmed.
    let headers = signed("contentspal", &format!("{G2}\n"), KEY);
    let stripped = one(
        "X-Webhook-Signature",
        signature(&headers)["sha256=".len()..].to_owned(),
    );
    assert_eq!(
        Case::new("contentspal", stripped, G2, KEY).codes(),
        ["prefix_missing", "body_trailing_newline"]
    );
    // Missing, but another provider's header verifies: that is the cause, the header a hint.
    assert_eq!(
        Case::new("contentspal", signed("g2sentry", G2, KEY), G2, KEY).codes(),
        ["wrong_provider", "similar_header"]
    );
}

#[test]
fn skew_says_how_far_and_that_the_signature_matched() {
    let stale = Case::new(
        "sir",
        signed_at("sir", BODY.as_bytes(), SECRET.as_bytes(), NOW - 3600),
        BODY,
        SECRET,
    )
    .diagnose();
    assert_eq!(stale.error.unwrap().code(), ErrorCode::TimestampTooOld);
    assert!(
        stale.causes[0].message.contains("the signature matches"),
        "{:?}",
        stale.causes
    );
    assert!(stale.causes[0].message.contains("3600 s behind"));
}

#[test]
fn reformatting_covers_the_common_serializers() {
    let original = r#"{"b":[1,{}],"a":"é"}"#;
    let headers = signed("g2sentry", original, KEY);
    let received = [
        "{\n  \"b\": [\n    1,\n    {}\n  ],\n  \"a\": \"é\"\n}",
        "{\n    \"b\": [\n        1,\n        {}\n    ],\n    \"a\": \"é\"\n}",
        "{\n\t\"b\": [\n\t\t1,\n\t\t{}\n\t],\n\t\"a\": \"é\"\n}",
        r#"{"b": [1, {}], "a": "\u00e9"}"#,
    ];
    for body in received {
        let codes = Case::new("g2sentry", headers.clone(), body, KEY).codes();
        assert_eq!(
            codes.first(),
            Some(&"body_reserialized"),
            "{body}: {codes:?}"
        );
    }
    // Signed with sorted keys, received in another order.
    let sorted = signed("g2sentry", r#"{"a":"é","b":[1,{}]}"#, KEY);
    assert_eq!(
        Case::new("g2sentry", sorted, original, KEY).codes(),
        ["body_reserialized"]
    );
}

#[test]
fn work_is_bounded_on_hostile_bodies() {
    // Deep and wide: pretty-printing it would multiply its size; explain skips such layouts.
    let body = "[".repeat(120) + &"0,".repeat(50_000) + "0" + &"]".repeat(120);
    let case = Case::new("g2sentry", signed("g2sentry", G2, KEY), body, KEY);
    assert_eq!(case.codes(), ["raw_body"]);
    const { assert!(hookproof::MAX_HMACS_PER_SECRET <= 45) };
}

#[test]
fn detects_the_provider_from_headers_or_form() {
    let cases = [
        (signed("g2sentry", G2, KEY), G2, Some(Provider::G2Sentry)),
        (
            signed("contentspal", G2, KEY),
            G2,
            Some(Provider::ContentsPal),
        ),
        (signed("sir", BODY, SECRET), BODY, Some(Provider::Sir)),
        (vec![], GENGO, Some(Provider::Gengo)),
        (vec![], BODY, None),
    ];
    for (headers, body, expected) in cases {
        assert_eq!(
            detect_provider(&Delivery::new(&headers, body.as_bytes())),
            expected,
            "{headers:?}"
        );
    }
}

/// The same secret with every letter and digit changed (hex stays hex, a `whsec_` prefix and
/// whitespace stay): what a sender configured with another secret of the same shape sends.
fn another_secret_like(secret: &[u8]) -> Vec<u8> {
    let (prefix, rest) = match secret.strip_prefix(b"whsec_") {
        Some(rest) => (&b"whsec_"[..], rest),
        None => (&b""[..], secret),
    };
    let changed = rest.iter().map(|&byte| match byte {
        b'0'..=b'9' => b'0' + (byte - b'0' + 1) % 10,
        b'a'..=b'f' => b'a' + (byte - b'a' + 1) % 6,
        b'A'..=b'F' => b'A' + (byte - b'A' + 1) % 6,
        b'g'..=b'z' => b'g' + (byte - b'g' + 1) % 20,
        b'G'..=b'Z' => b'G' + (byte - b'G' + 1) % 20,
        other => other,
    });
    prefix.iter().copied().chain(changed).collect()
}

/// Causes that are reported only when undoing them makes the signature match, and those
/// that stay visible without proof (a format slip, whitespace in the secret): for a
/// look-alike, the former must be absent and the latter must not be confirmed.
const CONFIRMED_ONLY: &[&str] = &[
    "body_trailing_newline",
    "body_line_endings",
    "body_bom",
    "body_latin1",
    "body_reserialized",
    "secret_prefix",
    "secret_decoded",
    "wrong_provider",
    "signature_header_renamed",
    "timestamp_skew",
    "timestamp_milliseconds",
    "timestamp_not_signed",
    "token_param_name",
    "token_double_encoded",
    "token_whitespace",
];
const VISIBLE_WITHOUT_PROOF: &[&str] = &[
    "secret_whitespace",
    "signature_base64",
    "prefix_missing",
    "prefix_unexpected",
];

/// Whether `case` carries its provider's signature header: then, with nothing confirmed,
/// the generic `raw_body` closes the list (it is added only when nothing is confirmed).
fn has_signature_header(case: &Case) -> bool {
    let provider = Provider::ALL
        .iter()
        .find(|p| p.name() == case.provider)
        .unwrap();
    match provider.proof() {
        hookproof::scheme::Proof::Signature(signature) => match &signature.location {
            hookproof::scheme::Locator::Header(header) => case
                .headers
                .iter()
                .any(|(name, _)| name.eq_ignore_ascii_case(header)),
            _ => false,
        },
        hookproof::scheme::Proof::Token(_) => false,
    }
}

fn assert_nothing_confirmed(what: &str, cause: &str, case: &Case) {
    let diagnosis = case.diagnose();
    assert!(diagnosis.error.is_some(), "{what}: the look-alike verified");
    let codes: Vec<&str> = diagnosis.causes.iter().map(|c| c.code).collect();
    if CONFIRMED_ONLY.contains(&cause) {
        assert!(
            !codes.contains(&cause),
            "{what}: {cause} without proof: {codes:?}"
        );
    }
    if has_signature_header(case) {
        assert_eq!(
            codes.last(),
            Some(&"raw_body"),
            "{what}: something was confirmed: {codes:?}"
        );
    }
}

#[test]
fn look_alikes_signed_with_another_secret_get_no_confirmed_cause() {
    let mut checked = 0;
    for (cause, case) in every_cause() {
        if !CONFIRMED_ONLY.contains(&cause) && !VISIBLE_WITHOUT_PROOF.contains(&cause) {
            continue; // visible causes need no proof, so they have no look-alike
        }
        let look_alike = Case {
            secret: another_secret_like(&case.secret),
            ..case
        };
        assert_ne!(look_alike.secret, case.secret);
        assert_nothing_confirmed(&format!("{cause} look-alike"), cause, &look_alike);
        checked += 1;
    }
    assert_eq!(
        checked,
        CONFIRMED_ONLY.len() + VISIBLE_WITHOUT_PROOF.len() + 1
    );
}

#[test]
fn look_alikes_whose_body_changed_too_get_no_confirmed_cause() {
    // The body looks accidentally changed (a newline, CRLF, a BOM, re-serialized), but its
    // content differs from what was signed as well.
    let other = G2.replace("Open House", "Open Housf");
    let pretty = "{\n  \"a\": \"x\",\n  \"b\": 1\n}";
    let cases = [
        (
            "body_trailing_newline",
            Case::new(
                "g2sentry",
                signed("g2sentry", G2, KEY),
                format!("{other}\n"),
                KEY,
            ),
        ),
        (
            "body_line_endings",
            Case::new(
                "g2sentry",
                signed("g2sentry", pretty, KEY),
                pretty.replace('\n', "\r\n").replace('x', "y"),
                KEY,
            ),
        ),
        (
            "body_bom",
            Case::new(
                "g2sentry",
                signed("g2sentry", G2, KEY),
                format!("\u{feff}{other}"),
                KEY,
            ),
        ),
        (
            "body_reserialized",
            Case::new(
                "g2sentry",
                signed("g2sentry", G2, KEY),
                other.replace(',', ", ").replace("\":", "\": "),
                KEY,
            ),
        ),
        (
            "timestamp_skew",
            Case::new(
                "sir",
                signed_at("sir", BODY.as_bytes(), SECRET.as_bytes(), NOW - 3600),
                BODY.replace("u1", "u2"),
                SECRET,
            ),
        ),
    ];
    for (cause, case) in cases {
        assert_nothing_confirmed(&format!("{cause} with other content"), cause, &case);
    }
}

/// Schemes that share a signature header are told apart by their event fields, a header of
/// the provider's own first; a signature in the body counts where it is present.
#[test]
fn detects_providers_that_share_a_signature_header() {
    let with = |mut headers: Headers, extra: &[(&str, &str)]| {
        headers.extend(
            extra
                .iter()
                .map(|(name, value)| (String::from(*name), String::from(*value))),
        );
        headers
    };
    let page = r#"{"object":"page","entry":[]}"#;
    let issue = r#"{"action":"opened","id":1}"#;
    let notification = r#"{"topic":"conversation.user.created","id":"notif_1"}"#;
    let order = r#"{"meta":{"event_name":"order_created"},"data":{}}"#;
    let payment = r#"{"type":"PAYMENT_SUCCESS_WEBHOOK","data":{}}"#;
    let cases = [
        // X-Hub-Signature-256: GitHub names its event in a header, Meta in the body.
        (
            with(
                signed("github", issue, KEY),
                &[("X-GitHub-Event", "issues")],
            ),
            issue,
            Provider::GitHub,
        ),
        (signed("meta", page, KEY), page, Provider::Meta),
        // X-Hub-Signature: Bitbucket's X-Event-Key over Intercom's body `id`.
        (
            with(
                signed("bitbucket", issue, KEY),
                &[("X-Event-Key", "repo:push")],
            ),
            issue,
            Provider::Bitbucket,
        ),
        (
            signed("intercom", notification, KEY),
            notification,
            Provider::Intercom,
        ),
        // X-Signature: Lemon Squeezy's meta.event_name; G2 Sentry reads no event field.
        (
            signed("lemonsqueezy", order, KEY),
            order,
            Provider::LemonSqueezy,
        ),
        (signed("g2sentry", G2, KEY), G2, Provider::G2Sentry),
        (
            signed("cashfree", payment, KEY),
            payment,
            Provider::Cashfree,
        ),
    ];
    for (headers, body, expected) in cases {
        assert_eq!(
            detect_provider(&Delivery::new(&headers, body.as_bytes())),
            Some(expected),
            "{headers:?} {body}"
        );
    }
    // Signed inside the body (Mailgun): its signature field present is enough.
    let mailgun = sign(
        "mailgun",
        br#"{"signature":{"token":"t1"},"event-data":{"event":"delivered"}}"#,
        KEY.as_bytes(),
        &SignOptions::at(NOW),
    )
    .unwrap();
    let body = mailgun.body.unwrap();
    assert_eq!(
        detect_provider(&Delivery::new(&mailgun.headers, &body)),
        Some(Provider::Mailgun)
    );
}
