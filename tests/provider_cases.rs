//! One table over the providers: for each, a genuine delivery made by `sign` verifies and
//! decodes to the expected type and dedupe key; a tampered body, a wrong secret, a missing
//! or malformed signature, a missing or malformed timestamp, and both window edges give
//! the documented error; rotation (several secrets) passes whichever signed. Then the
//! providers' published examples, verified and (for HMACs) reproduced by `sign`.
//!
//! A provider is added by adding a [`Sample`] row; `every_declared_provider_has_a_sample`
//! keeps the table complete.

use hookproof::scheme::{Locator, Proof, Syntax, TokenAt};
use hookproof::{sign, verify, Delivery, ErrorCode, Options, Provider, SignOptions};

const NOW: u64 = 1_700_000_000;

/// SendGrid's SDK test key pair (sendgrid-go `eventwebhook_test.go`): the private scalar,
/// its public key as SendGrid shows it, and the SDKs' "failing" public key.
const P256_PRIVATE: &str = "442666004487d0dc53dccc977e1cccadf1a2fe0062f9bd3f7afbacd07674d5ed";
const P256_PUBLIC: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA==";
const P256_OTHER: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqTxd43gyp8IOEto2LdIfjRQrIbsd4SXZkLW6jDutdhXSJCWHw8REntlo7aNDthvj+y7GjUuFDb/R1NGe1OPzpA==";

/// One provider's row.
struct Sample {
    provider: &'static str,
    body: &'static str,
    /// Headers the provider sends beside the proof (event type, delivery id).
    headers: &'static [(&'static str, &'static str)],
    /// What signs (an HMAC secret, a token, a private key) and what verifies.
    sign_key: &'static str,
    verify_key: &'static str,
    /// A verifying key that is not the right one.
    wrong_key: &'static str,
    kind: &'static str,
    /// `None`: the hex SHA-256 of the body.
    dedupe: Option<&'static str>,
    /// A text of the body inside the signed bytes, and its replacement.
    tamper: (&'static str, &'static str),
}

const HMAC: &str = "Zq9-provider-secret";
const OTHER: &str = "a-different-secret";
const ADYEN_KEY: &str = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
const ADYEN_OTHER: &str = "11223344D785FBAE710E7F943F307971BB61B21281C98C9129B3D4018A57B2EB";

const fn hmac(
    provider: &'static str,
    body: &'static str,
    headers: &'static [(&'static str, &'static str)],
    kind: &'static str,
    dedupe: Option<&'static str>,
    tamper: (&'static str, &'static str),
) -> Sample {
    Sample {
        provider,
        body,
        headers,
        sign_key: HMAC,
        verify_key: HMAC,
        wrong_key: OTHER,
        kind,
        dedupe,
        tamper,
    }
}

const SAMPLES: &[Sample] = &[
    hmac(
        "intercom",
        r#"{"type":"notification_event","id":"notif_1","topic":"conversation.user.created","data":{}}"#,
        &[],
        "conversation.user.created",
        Some("notif_1"),
        ("user", "admin"),
    ),
    hmac(
        "calendly",
        r#"{"event":"invitee.created","created_at":"2026-01-01T00:00:00Z","payload":{}}"#,
        &[],
        "invitee.created",
        None,
        ("created", "canceled"),
    ),
    hmac(
        "typeform",
        r#"{"event_id":"01H","event_type":"form_response","form_response":{}}"#,
        &[],
        "form_response",
        Some("01H"),
        ("01H", "01J"),
    ),
    hmac(
        "pagerduty",
        r#"{"event":{"id":"01BW","event_type":"incident.triggered","data":{}}}"#,
        &[],
        "incident.triggered",
        Some("01BW"),
        ("triggered", "resolved"),
    ),
    hmac(
        "mux",
        r#"{"type":"video.asset.ready","id":"e1","data":{}}"#,
        &[],
        "video.asset.ready",
        Some("e1"),
        ("ready", "error"),
    ),
    hmac(
        "woocommerce",
        r#"{"id":73,"status":"processing"}"#,
        &[
            ("X-WC-Webhook-Topic", "order.created"),
            ("X-WC-Webhook-Delivery-ID", "d1"),
        ],
        "order.created",
        None,
        ("73", "74"),
    ),
    hmac(
        "zendesk",
        r#"{"type":"zen:event-type:user.created","id":"z1","detail":{}}"#,
        &[],
        "zen:event-type:user.created",
        Some("z1"),
        ("z1", "z2"),
    ),
    hmac(
        "lemonsqueezy",
        r#"{"meta":{"event_name":"order_created"},"data":{"id":"1"}}"#,
        &[],
        "order_created",
        None,
        ("order_created", "order_refunded"),
    ),
    hmac(
        "workos",
        r#"{"id":"event_01","event":"user.created","data":{}}"#,
        &[],
        "user.created",
        Some("event_01"),
        ("user", "role"),
    ),
    hmac(
        "sentry",
        r#"{"action":"created","data":{"issue":{"id":"1"}}}"#,
        &[("Sentry-Hook-Resource", "issue"), ("Request-ID", "r1")],
        "issue.created",
        None,
        ("created", "resolved"),
    ),
    hmac(
        "vercel",
        r#"{"id":"evt_1","type":"deployment.created","payload":{}}"#,
        &[],
        "deployment.created",
        Some("evt_1"),
        ("created", "error"),
    ),
    hmac(
        "bitbucket",
        r#"{"push":{"changes":[]},"repository":{"full_name":"a/b"}}"#,
        &[("X-Event-Key", "repo:push"), ("X-Request-UUID", "u1")],
        "repo:push",
        None,
        ("a/b", "a/c"),
    ),
    Sample {
        provider: "telegram",
        body: r#"{"update_id":10000,"message":{"message_id":1,"text":"hi"}}"#,
        headers: &[],
        sign_key: "my_secret-token",
        verify_key: "my_secret-token",
        wrong_key: "another_token",
        kind: "telegram",
        dedupe: Some("10000"),
        tamper: ("", ""),
    },
    hmac(
        "webflow",
        r#"{"triggerType":"form_submission","payload":{}}"#,
        &[],
        "form_submission",
        None,
        ("form", "site"),
    ),
    hmac(
        "razorpay",
        r#"{"entity":"event","event":"payment.captured","payload":{}}"#,
        &[("x-razorpay-event-id", "ev1")],
        "payment.captured",
        None,
        ("captured", "failed"),
    ),
    hmac(
        "mollie",
        r#"{"resource":"event","id":"event_1","type":"payment-link.paid"}"#,
        &[],
        "payment-link.paid",
        Some("event_1"),
        ("paid", "open"),
    ),
    hmac(
        "recurly",
        r#"{"id":"rc1","object_type":"account","event_type":"created"}"#,
        &[],
        "account.created",
        Some("rc1"),
        ("created", "deleted"),
    ),
    hmac(
        "checkout",
        r#"{"id":"evt_1","type":"payment_approved","data":{}}"#,
        &[],
        "payment_approved",
        Some("evt_1"),
        ("approved", "declined"),
    ),
    hmac(
        "authorizenet",
        r#"{"notificationId":"n1","eventType":"net.authorize.payment.authcapture.created","payload":{}}"#,
        &[],
        "net.authorize.payment.authcapture.created",
        Some("n1"),
        ("n1", "n2"),
    ),
    Sample {
        provider: "adyen",
        body: r#"{"live":"false","notificationItems":[{"NotificationRequestItem":{"amount":{"currency":"EUR","value":1130},"eventCode":"AUTHORISATION","merchantAccountCode":"TestMerchant","merchantReference":"ref-1","pspReference":"7914073381342284","success":"true"}}]}"#,
        headers: &[],
        sign_key: ADYEN_KEY,
        verify_key: ADYEN_KEY,
        wrong_key: ADYEN_OTHER,
        kind: "AUTHORISATION",
        dedupe: Some("AUTHORISATION.7914073381342284"),
        tamper: ("1130", "11300"),
    },
    hmac(
        "cashfree",
        r#"{"data":{"order":{"order_id":"o1"}},"type":"PAYMENT_SUCCESS_WEBHOOK"}"#,
        &[],
        "PAYMENT_SUCCESS_WEBHOOK",
        None,
        ("o1", "o2"),
    ),
    Sample {
        provider: "postmark",
        body: r#"{"RecordType":"Delivery","MessageID":"883953f4"}"#,
        headers: &[],
        sign_key: "hook:pa55",
        verify_key: "hook:pa55",
        wrong_key: "hook:guess",
        kind: "Delivery",
        dedupe: None,
        tamper: ("", ""),
    },
    Sample {
        provider: "sendgrid",
        body: r#"[{"email":"a@example.com","event":"delivered","sg_event_id":"s1","timestamp":1700000000}]"#,
        headers: &[],
        sign_key: P256_PRIVATE,
        verify_key: P256_PUBLIC,
        wrong_key: P256_OTHER,
        kind: "delivered",
        dedupe: None,
        tamper: ("delivered", "bounce"),
    },
    hmac(
        "dropbox",
        r#"{"list_folder":{"accounts":["dbid:AAH4f99"]},"delta":{"users":[12345678]}}"#,
        &[],
        "dropbox",
        None,
        ("AAH4f99", "AAH4f98"),
    ),
    hmac(
        "twitter",
        r#"{"for_user_id":"2244994945","tweet_create_events":[{"id_str":"1"}]}"#,
        &[],
        "twitter",
        None,
        ("2244994945", "2244994946"),
    ),
];

/// A delivery as made by `sign`, with the sample's own headers.
struct Made {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

fn make(sample: &Sample, at: u64) -> Made {
    let signed = sign(
        sample.provider,
        sample.body.as_bytes(),
        sample.sign_key.as_bytes(),
        &SignOptions::at(at),
    )
    .unwrap_or_else(|e| panic!("{}: sign: {e}", sample.provider));
    let mut headers = signed.headers;
    for (name, value) in sample.headers {
        headers.push((name.to_string(), value.to_string()));
    }
    let body = signed
        .body
        .unwrap_or_else(|| sample.body.as_bytes().to_vec());
    Made { headers, body }
}

fn run(
    sample: &Sample,
    headers: &[(String, String)],
    body: &[u8],
    secrets: &[&str],
    now: u64,
) -> Result<hookproof::Event, hookproof::Error> {
    verify(
        sample.provider,
        &Delivery::new(&headers, body),
        secrets,
        &Options::default(),
        now,
    )
}

fn code(result: Result<hookproof::Event, hookproof::Error>) -> Option<ErrorCode> {
    result.err().map(|e| e.code())
}

fn without(headers: &[(String, String)], name: &str) -> Vec<(String, String)> {
    headers
        .iter()
        .filter(|(n, _)| !n.eq_ignore_ascii_case(name))
        .cloned()
        .collect()
}

fn with(headers: &[(String, String)], name: &str, value: String) -> Vec<(String, String)> {
    let mut out = without(headers, name);
    out.push((name.to_string(), value));
    out
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> &'h str {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} header"))
}

/// The JSON body with the value at `pointer` replaced (or removed with `None`).
fn edit_json(body: &[u8], pointer: &str, value: Option<&str>) -> Vec<u8> {
    let mut json: serde_json::Value = serde_json::from_slice(body).unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let object = json.pointer_mut(parent).unwrap().as_object_mut().unwrap();
    match value {
        Some(value) => object.insert(key.to_string(), serde_json::Value::from(value)),
        None => object.remove(key),
    };
    serde_json::to_vec(&json).unwrap()
}

#[test]
fn every_declared_provider_has_a_sample() {
    for provider in Provider::ALL {
        let name = provider.name();
        if ["g2sentry", "contentspal", "sir", "gengo"].contains(&name) {
            continue; // The seed providers' tables: tests/known_answers.rs and the others.
        }
        assert!(
            SAMPLES.iter().any(|s| s.provider == name),
            "{name} has no row in SAMPLES"
        );
    }
}

#[test]
fn genuine_deliveries_verify_and_decode() {
    for sample in SAMPLES {
        let made = make(sample, NOW);
        let event = run(sample, &made.headers, &made.body, &[sample.verify_key], NOW)
            .unwrap_or_else(|e| panic!("{}: {e}", sample.provider));
        assert_eq!(event.kind, sample.kind, "{}", sample.provider);
        assert_eq!(event.provider.to_string(), sample.provider);
        match sample.dedupe {
            Some(key) => assert_eq!(event.dedupe_key, key, "{}", sample.provider),
            None => {
                use sha2::Digest as _;
                let digest = sha2::Sha256::digest(&made.body);
                let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
                assert_eq!(event.dedupe_key, hex, "{}", sample.provider);
            }
        }
    }
}

#[test]
fn a_tampered_body_is_a_mismatch() {
    for sample in SAMPLES {
        let made = make(sample, NOW);
        let body = String::from_utf8(made.body.clone()).unwrap();
        let (from, to) = sample.tamper;
        if from.is_empty() {
            // A token proof signs nothing: an edited body still carries the right token.
            let edited = body.replacen('1', "2", 1);
            assert!(run(
                sample,
                &made.headers,
                edited.as_bytes(),
                &[sample.verify_key],
                NOW
            )
            .is_ok());
            continue;
        }
        assert!(
            body.contains(from),
            "{}: tamper text not in body",
            sample.provider
        );
        let tampered = body.replacen(from, to, 1);
        assert_eq!(
            code(run(
                sample,
                &made.headers,
                tampered.as_bytes(),
                &[sample.verify_key],
                NOW
            )),
            Some(ErrorCode::SignatureMismatch),
            "{}",
            sample.provider
        );
    }
}

#[test]
fn a_wrong_secret_is_a_mismatch_and_rotation_passes_either_way() {
    for sample in SAMPLES {
        let made = make(sample, NOW);
        assert_eq!(
            code(run(
                sample,
                &made.headers,
                &made.body,
                &[sample.wrong_key],
                NOW
            )),
            Some(ErrorCode::SignatureMismatch),
            "{}",
            sample.provider
        );
        for secrets in [
            [sample.wrong_key, sample.verify_key],
            [sample.verify_key, sample.wrong_key],
        ] {
            run(sample, &made.headers, &made.body, &secrets, NOW)
                .unwrap_or_else(|e| panic!("{} rotation: {e}", sample.provider));
        }
    }
}

#[test]
fn a_missing_or_malformed_signature_is_reported_as_such() {
    for sample in SAMPLES {
        let provider = Provider::from_name(sample.provider).unwrap();
        let made = make(sample, NOW);
        let secrets = [sample.verify_key];
        let signature = match provider.proof() {
            Proof::Signature(signature) => signature,
            Proof::Token(TokenAt::Header(name)) => {
                let headers = without(&made.headers, name);
                assert_eq!(
                    code(run(sample, &headers, &made.body, &secrets, NOW)),
                    Some(ErrorCode::MissingSignature)
                );
                continue;
            }
            Proof::Token(_) => {
                let headers = without(&made.headers, "Authorization");
                assert_eq!(
                    code(run(sample, &headers, &made.body, &secrets, NOW)),
                    Some(ErrorCode::MissingSignature)
                );
                let bearer = with(&made.headers, "Authorization", "Bearer aG9vazpwYTU1".into());
                assert_eq!(
                    code(run(sample, &bearer, &made.body, &secrets, NOW)),
                    Some(ErrorCode::MalformedSignature)
                );
                continue;
            }
        };
        // The signature's text with its encoded bytes replaced by `zz` (not hex, not base64
        // of the right length), keeping whatever else the syntax writes.
        let garble = |value: &str| -> String {
            match &signature.syntax {
                Syntax::Bare | Syntax::OptionalPrefix(_) => "zz".into(),
                Syntax::Prefixed(prefix) => format!("{prefix}zz"),
                Syntax::List { separator, key } => {
                    let kept: Vec<&str> = value
                        .split(*separator)
                        .filter(|field| !field.trim().starts_with(&format!("{key}=")))
                        .collect();
                    format!("{}{separator}{key}=zz", kept.join(&separator.to_string()))
                }
                Syntax::Positional(separator) => {
                    format!("{}{separator}zz", value.split(*separator).next().unwrap())
                }
                Syntax::Versioned(versions) => format!("{},zz", versions[0].tag),
            }
        };
        let (missing, malformed) = match &signature.location {
            Locator::Header(name) => {
                let value = header(&made.headers, name).to_string();
                (
                    (without(&made.headers, name), made.body.clone()),
                    (with(&made.headers, name, garble(&value)), made.body.clone()),
                )
            }
            Locator::Json(pointer) => (
                (made.headers.clone(), edit_json(&made.body, pointer, None)),
                (
                    made.headers.clone(),
                    edit_json(&made.body, pointer, Some("zz")),
                ),
            ),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            code(run(sample, &missing.0, &missing.1, &secrets, NOW)),
            Some(ErrorCode::MissingSignature),
            "{} missing",
            sample.provider
        );
        assert_eq!(
            code(run(sample, &malformed.0, &malformed.1, &secrets, NOW)),
            Some(ErrorCode::MalformedSignature),
            "{} malformed",
            sample.provider
        );
    }
}

#[test]
fn timestamps_missing_malformed_and_both_window_edges() {
    for sample in SAMPLES {
        let provider = Provider::from_name(sample.provider).unwrap();
        let Some(timestamp) = &provider.scheme().timestamp else {
            continue;
        };
        let made = make(sample, NOW);
        let secrets = [sample.verify_key];
        let tolerance = timestamp.tolerance;
        let at = |now| code(run(sample, &made.headers, &made.body, &secrets, now));
        assert_eq!(at(NOW + tolerance), None, "{} old edge", sample.provider);
        assert_eq!(at(NOW - tolerance), None, "{} future edge", sample.provider);
        assert_eq!(
            at(NOW + tolerance + 1),
            Some(ErrorCode::TimestampTooOld),
            "{}",
            sample.provider
        );
        assert_eq!(
            at(NOW - tolerance - 1),
            Some(ErrorCode::TimestampInFuture),
            "{}",
            sample.provider
        );
        let Some(signature) = provider.scheme().signature() else {
            continue;
        };
        let (missing, malformed) = match (&timestamp.at, &signature.location, &signature.syntax) {
            (Locator::Header(name), _, _) => (
                Some(without(&made.headers, name)),
                with(&made.headers, name, "yesterday".into()),
            ),
            (
                Locator::SignatureField(field),
                Locator::Header(name),
                Syntax::List { separator, .. },
            ) => {
                let value = header(&made.headers, name);
                let kept: Vec<&str> = value
                    .split(*separator)
                    .filter(|f| !f.trim().starts_with(&format!("{field}=")))
                    .collect();
                let odd = value.replacen(&format!("{field}="), &format!("{field}=x"), 1);
                (
                    Some(with(&made.headers, name, kept.join(&separator.to_string()))),
                    with(&made.headers, name, odd),
                )
            }
            (Locator::SignatureField(_), Locator::Header(name), Syntax::Positional(_)) => {
                // Without its first field the value has no signature left: nothing to test.
                (
                    None,
                    with(
                        &made.headers,
                        name,
                        format!("x{}", header(&made.headers, name)),
                    ),
                )
            }
            other => panic!("{other:?}"),
        };
        if let Some(missing) = missing {
            assert_eq!(
                code(run(sample, &missing, &made.body, &secrets, NOW)),
                Some(ErrorCode::MissingTimestamp),
                "{} missing timestamp",
                sample.provider
            );
        }
        assert_eq!(
            code(run(sample, &malformed, &made.body, &secrets, NOW)),
            Some(ErrorCode::MalformedTimestamp),
            "{} malformed timestamp",
            sample.provider
        );
    }
}

/// A provider's published example: exact headers and body, the key, and when it verifies.
struct Example {
    provider: &'static str,
    source: &'static str,
    headers: &'static [(&'static str, &'static str)],
    body: &'static str,
    secret: &'static str,
    now: u64,
    /// The unix time the example was signed at, for `sign` to reproduce it (HMACs only:
    /// ECDSA signatures are randomised).
    signed_at: Option<u64>,
}

const EXAMPLES: &[Example] = &[
    Example {
        provider: "mux",
        source: "mux-node-sdk tests/api-resources/webhooks.test.ts",
        headers: &[("Mux-Signature", "t=1565125718,v1=854ece4c22acef7c66b57d4e504153bc512595e8e9c772ece2a68150548c19a7")],
        body: r#"{"test":"body"}"#,
        secret: "SuperSecret123",
        now: 1_565_125_718,
        signed_at: Some(1_565_125_718),
    },
    Example {
        provider: "mux",
        source: "mux-node-sdk tests/api-resources/webhooks.test.ts (nested body)",
        headers: &[("Mux-Signature", "t=1565125718,v1=bd315c24bce1c2b8ad325696f26530c8ef7d7d830afb7c1381903705d04607be")],
        body: r#"{"test":{"nested":{"nanos":718234, "seconds":1691711005}}}"#,
        secret: "SuperSecret123",
        now: 1_565_125_718,
        signed_at: Some(1_565_125_718),
    },
    Example {
        provider: "pagerduty",
        source: "go-pagerduty webhookv3/webhookv3_test.go",
        headers: &[("X-PagerDuty-Signature", "v1=0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd")],
        body: PAGERDUTY_BODY,
        secret: "lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8lJqRnkKl2iB1anSb0Z+IK",
        now: 0,
        signed_at: Some(0),
    },
    Example {
        provider: "zendesk",
        source: "developer.zendesk.com/documentation/event-connectors/webhooks/verifying/ (body + timestamp)",
        headers: &[
            ("X-Zendesk-Webhook-Signature", "tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw="),
            ("X-Zendesk-Webhook-Signature-Timestamp", "2021-07-25T10:00:00Z"),
        ],
        body: r#"{"say": "hello"}"#,
        secret: "HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=",
        now: 1_627_207_200,
        signed_at: Some(1_627_207_200),
    },
    Example {
        provider: "sendgrid",
        source: "sendgrid-nodejs/-java/-csharp/-go/-ruby eventwebhook tests",
        headers: &[
            ("X-Twilio-Email-Event-Webhook-Signature", "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0="),
            ("X-Twilio-Email-Event-Webhook-Timestamp", "1588788367"),
        ],
        body: r#"{"category":"example_payload","event":"test_event","message_id":"message_id"}"#,
        secret: P256_PUBLIC,
        now: 1_588_788_367,
        signed_at: None,
    },
    Example {
        provider: "sendgrid",
        source: "sendgrid-ruby spec/fixtures/event_webhook.rb (a real event array, CRLF-terminated)",
        headers: &[
            ("X-Twilio-Email-Event-Webhook-Signature", "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM="),
            ("X-Twilio-Email-Event-Webhook-Timestamp", "1600112502"),
        ],
        body: "[{\"email\":\"hello@world.com\",\"event\":\"dropped\",\"reason\":\"Bounced Address\",\"sg_event_id\":\"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA\",\"sg_message_id\":\"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0\",\"smtp-id\":\"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>\",\"timestamp\":1600112492}]\r\n",
        secret: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==",
        now: 1_600_112_502,
        signed_at: None,
    },
    Example {
        provider: "adyen",
        source: "docs.adyen.com/development-resources/webhooks/secure-webhooks/verify-hmac-signatures",
        headers: &[],
        body: r#"{"live":"false","notificationItems":[{"NotificationRequestItem":{"additionalData":{"hmacSignature":"coqCmt/IZ4E3CzPvMY8zTjQVL5hYJUiBRg8UU+iCWo0="},"amount":{"currency":"EUR","value":1130},"eventCode":"AUTHORISATION","merchantAccountCode":"TestMerchant","merchantReference":"TestPayment-1407325143704","pspReference":"7914073381342284","success":"true"}}]}"#,
        secret: ADYEN_KEY,
        now: 0,
        signed_at: Some(0),
    },
];

const PAGERDUTY_BODY: &str = r#"{"event":{"id":"01BWDWL3NYY7LUFPZCC28QUCMK","event_type":"incident.priority_updated","resource_type":"incident","occurred_at":"2021-04-26T17:36:27.458Z","agent":{"html_url":"https://acme.pagerduty.com/users/PLH1HKV","id":"PLH1HKV","self":"https://api.pagerduty.com/users/PLH1HKV","summary":"Tenex Engineer","type":"user_reference"},"client":null,"data":{"id":"PGR0VU2","type":"incident","self":"https://api.pagerduty.com/incidents/PGR0VU2","html_url":"https://acme.pagerduty.com/incidents/PGR0VU2","number":2,"status":"triggered","title":"A little bump in the road","service":{"html_url":"https://acme.pagerduty.com/services/PF9KMXH","id":"PF9KMXH","self":"https://api.pagerduty.com/services/PF9KMXH","summary":"API Service","type":"service_reference"},"assignees":[{"html_url":"https://acme.pagerduty.com/users/PTUXL6G","id":"PTUXL6G","self":"https://api.pagerduty.com/users/PTUXL6G","summary":"User 123","type":"user_reference"}],"escalation_policy":{"html_url":"https://acme.pagerduty.com/escalation_policies/PUS0KTE","id":"PUS0KTE","self":"https://api.pagerduty.com/escalation_policies/PUS0KTE","summary":"Default","type":"escalation_policy_reference"},"teams":[{"html_url":"https://acme.pagerduty.com/teams/PFCVPS0","id":"PFCVPS0","self":"https://api.pagerduty.com/teams/PFCVPS0","summary":"Engineering","type":"team_reference"}],"priority":{"html_url":"https://acme.pagerduty.com/account/incident_priorities","id":"PSO75BM","self":"https://api.pagerduty.com/priorities/PSO75BM","summary":"P1","type":"priority_reference"},"urgency":"high","conference_bridge":{"conference_number":1000,"conference_url":"https://example.com"},"resolve_reason":null}}}"#;

#[test]
fn published_examples_prove_genuine() {
    for example in EXAMPLES {
        let provider = Provider::from_name(example.provider).unwrap();
        let delivery = Delivery::new(&example.headers, example.body.as_bytes());
        provider_verifier(provider, example.secret)
            .prove(&delivery, example.now)
            .unwrap_or_else(|e| panic!("{} ({}): {e}", example.provider, example.source));
        // One byte off in the body, and the example fails.
        let mut altered = example.body.as_bytes().to_vec();
        match altered.iter().position(|b| b.is_ascii_digit()) {
            Some(at) => {
                altered[at] = if altered[at] == b'9' {
                    b'8'
                } else {
                    altered[at] + 1
                }
            }
            None => altered.push(b' '),
        }
        let delivery = Delivery::new(&example.headers, &altered);
        assert!(
            provider_verifier(provider, example.secret)
                .prove(&delivery, example.now)
                .is_err(),
            "{} ({}) passes altered",
            example.provider,
            example.source
        );
    }
}

fn provider_verifier(provider: Provider, secret: &str) -> hookproof::Verifier {
    hookproof::Verifier::new(provider, &[secret], Options::default()).unwrap()
}

#[test]
fn sign_reproduces_the_published_hmac_examples() {
    for example in EXAMPLES {
        let Some(at) = example.signed_at else {
            continue;
        };
        let provider = Provider::from_name(example.provider).unwrap();
        let signature = provider.scheme().signature().unwrap();
        let body = match &signature.location {
            // The signature goes inside the body: sign the body without it.
            Locator::Json(pointer) => edit_json(example.body.as_bytes(), pointer, None),
            _ => example.body.as_bytes().to_vec(),
        };
        let signed = sign(
            provider,
            &body,
            example.secret.as_bytes(),
            &SignOptions::at(at),
        )
        .unwrap();
        match &signature.location {
            Locator::Header(name) => {
                let expected = example.headers.iter().find(|(n, _)| n == name).unwrap().1;
                assert_eq!(
                    header(&signed.headers, name),
                    expected,
                    "{}",
                    example.source
                );
            }
            Locator::Json(pointer) => {
                let ours: serde_json::Value =
                    serde_json::from_slice(&signed.body.unwrap()).unwrap();
                let theirs: serde_json::Value = serde_json::from_str(example.body).unwrap();
                assert_eq!(
                    ours.pointer(pointer),
                    theirs.pointer(pointer),
                    "{}",
                    example.source
                );
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn twitter_crc_answer_is_the_documented_hmac() {
    // Computed independently: python3 -c "import hmac,hashlib,base64;
    // print(base64.b64encode(hmac.new(b'consumer-secret', b'challenge', hashlib.sha256).digest()))"
    let answer = hookproof::providers::twitter::crc_response(b"consumer-secret", "challenge");
    let expected = format!(r#"{{"response_token":"sha256={}"}}"#, TWITTER_CRC);
    assert_eq!(answer, expected);
}

const TWITTER_CRC: &str = "2RUZDVKjSpEV/C/r9ivMsVZJ4DFPAawjJFQQzY+6ba4=";
