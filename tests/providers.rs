//! Every provider of the registry, through the same checks: genuine, tampered, wrong
//! secret, rotation, missing and malformed signature, both window edges (exactly ±
//! tolerance accepted, one unit more refused), and the challenges. The published examples
//! are in tests/vectors (known_answers.rs); the cases here are made with `sign`, which
//! those vectors pin to independent implementations.

use hookproof::scheme::{Locator, Proof, Syntax, TimeUnit};
use hookproof::{sign, verify, Delivery, ErrorCode, Event, Options, Provider, SignOptions};

const NOW: u64 = 1_700_000_000;
const OTHER: &str = "another-secret-entirely";
const DISCORD_SEED: &str = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
const DISCORD_PUBLIC: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const SW_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
/// Adyen's documented example HMAC key (hex, decoded into the key).
const ADYEN_KEY: &str = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
const SG_PRIVATE: &str = "1f2e3d4c5b6a79880123456789abcdef0123456789abcdef0123456789abcdef";
const SG_PUBLIC: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE74gMjvgWiBeWwYjlcbAaxvcMUmJ0VtrkhnWO/9nGPd1c28EeJIg6ElmCQqlYdblqiFT2S/+ayaM4ELgfFU9U5Q==";
const SG_OTHER: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE9YBDE1P0qKoCdX+cpkB7aIVxlqWe0X6xYiRZk6WVhg/kBf6DArpvrn7a2nchMsHo+GwiMW3JzwOAY/EQxMR+lA==";
const SW_OTHER: &str = "whsec_b3RoZXItc2VjcmV0LW90aGVyLXNlY3JldA==";

/// One provider's test delivery: body, signing key, verification key, URL.
struct Fixture {
    provider: Provider,
    body: Vec<u8>,
    signing: &'static str,
    verifying: &'static str,
    other: &'static str,
    url: Option<&'static str>,
}

fn fixture(provider: Provider) -> Fixture {
    let json = |text: &str| text.as_bytes().to_vec();
    let (body, signing, verifying, other) = match provider.name() {
        "g2sentry" => (
            json(r#"{"jobId":5,"eventType":"JobStarted","jobStatus":"InProgress"}"#),
            "s3cret",
            "s3cret",
            OTHER,
        ),
        "contentspal" => (
            json(
                r#"{"event":"job.created","timestamp":"2026-03-03T14:30:00.000Z","organizationId":"o","job":{"id":"j"}}"#,
            ),
            "s3cret",
            "s3cret",
            OTHER,
        ),
        "sir" => (
            json(r#"{"id":"evt_1","type":"user.created","data":{}}"#),
            "whsec_abc",
            "whsec_abc",
            OTHER,
        ),
        "gengo" => (
            json("job=%7B%22job_id%22%3A1%2C%22status%22%3A%22available%22%7D"),
            "tok",
            "tok",
            OTHER,
        ),
        "standardwebhooks" => (
            json(r#"{"type":"user.created","data":{}}"#),
            SW_SECRET,
            SW_SECRET,
            SW_OTHER,
        ),
        "discord" => (
            json(r#"{"type":2,"id":"99","data":{}}"#),
            DISCORD_SEED,
            DISCORD_PUBLIC,
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        ),
        "twilio" => (
            json("CallSid=CA1&From=%2B1415&Digits=12"),
            "authtoken",
            "authtoken",
            OTHER,
        ),
        "mailgun" => (
            json(
                r#"{"signature":{"token":"tok123"},"event-data":{"event":"delivered","id":"e1"}}"#,
            ),
            "key-1",
            "key-1",
            OTHER,
        ),
        "linear" => (
            json(&format!(
                r#"{{"type":"Issue","action":"create","webhookTimestamp":{}}}"#,
                NOW * 1000
            )),
            "lin",
            "lin",
            OTHER,
        ),
        "pagerduty" => (
            json(r#"{"event":{"id":"01B","event_type":"incident.triggered"}}"#),
            "pd",
            "pd",
            OTHER,
        ),
        "intercom" => (
            json(r#"{"topic":"conversation.user.created","id":"notif_1"}"#),
            "hub",
            "hub",
            OTHER,
        ),
        "lemonsqueezy" => (
            json(r#"{"meta":{"event_name":"order_created"},"data":{}}"#),
            "ls",
            "ls",
            OTHER,
        ),
        "telegram" => (
            json(r#"{"update_id":10000,"message":{}}"#),
            "tg",
            "tg",
            OTHER,
        ),
        "sendgrid" => (
            json(r#"[{"event":"delivered","sg_event_id":"e1"}]"#),
            SG_PRIVATE,
            SG_PUBLIC,
            SG_OTHER,
        ),
        "postmark" => (
            json(r#"{"RecordType":"Delivery","MessageID":"m1"}"#),
            "hook:pa55",
            "hook:pa55",
            "hook:other",
        ),
        "recurly" => (
            json(r#"{"id":"rc1","object_type":"account","event_type":"created"}"#),
            "s3cret",
            "s3cret",
            OTHER,
        ),
        "authorizenet" => (
            json(
                r#"{"notificationId":"n1","eventType":"net.authorize.payment.authcapture.created"}"#,
            ),
            "s3cret",
            "s3cret",
            OTHER,
        ),
        "adyen" => (
            json(
                r#"{"live":"false","notificationItems":[{"NotificationRequestItem":{"amount":{"currency":"EUR","value":1130},"eventCode":"AUTHORISATION","merchantAccountCode":"TestMerchant","merchantReference":"ref-1","pspReference":"7914073381342284","success":"true"}}]}"#,
            ),
            ADYEN_KEY,
            ADYEN_KEY,
            "11223344D785FBAE710E7F943F307971BB61B21281C98C9129B3D4018A57B2EB",
        ),
        "hubspot" => (
            json(r#"[{"eventId":1,"subscriptionType":"contact.creation"}]"#),
            "hs",
            "hs",
            OTHER,
        ),
        _ => (
            json(
                r#"{"id":"evt_9","type":"thing.happened","event_type":"thing.happened","event_id":"evt_9","event":"thing.happened","object":"page"}"#,
            ),
            "s3cret",
            "s3cret",
            OTHER,
        ),
    };
    Fixture {
        provider,
        body,
        signing,
        verifying,
        other,
        url: Some("https://receiver.example/callbacks/x?token=tok"),
    }
}

struct Sent {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    url: String,
}

fn send(f: &Fixture, at: u64) -> Sent {
    let mut options = SignOptions::at(at);
    options.url = f.url.map(String::from);
    if f.provider.name() == "gengo" {
        options.url = Some("https://receiver.example/callbacks/x".into());
    }
    let signed = sign(f.provider, &f.body, f.signing.as_bytes(), &options).unwrap();
    Sent {
        url: signed.url.clone().unwrap_or_else(|| f.url.unwrap().into()),
        body: signed.body.clone().unwrap_or_else(|| f.body.clone()),
        headers: signed.headers,
    }
}

fn check(f: &Fixture, sent: &Sent, secrets: &[&str], now: u64) -> Result<Event, hookproof::Error> {
    let delivery = Delivery::new(&sent.headers, &sent.body)
        .with_url(&sent.url)
        .with_method("POST");
    verify(f.provider, &delivery, secrets, &Options::default(), now)
}

fn code(result: Result<Event, hookproof::Error>) -> ErrorCode {
    result.map(|_| ()).unwrap_err().code()
}

fn signature_header(provider: Provider) -> Option<String> {
    match &provider.scheme().proof {
        Proof::Signature(signature) => match &signature.location {
            Locator::Header(name) | Locator::EitherHeader(name, _) => Some(name.to_string()),
            _ => None,
        },
        Proof::Token(hookproof::scheme::TokenAt::Header(name)) => Some(name.to_string()),
        Proof::Token(_) => None,
    }
}

#[test]
fn genuine_wrong_secret_and_rotation() {
    for &provider in Provider::ALL {
        let f = fixture(provider);
        let sent = send(&f, NOW);
        let event =
            check(&f, &sent, &[f.verifying], NOW).unwrap_or_else(|e| panic!("{provider}: {e}"));
        assert_eq!(event.provider, provider);
        assert!(!event.dedupe_key.is_empty(), "{provider}");
        assert_eq!(
            code(check(&f, &sent, &[f.other], NOW)),
            ErrorCode::SignatureMismatch,
            "{provider}"
        );
        check(&f, &sent, &[f.other, f.verifying], NOW)
            .unwrap_or_else(|e| panic!("{provider} rotation: {e}"));
        check(&f, &sent, &[f.verifying, f.other], NOW)
            .unwrap_or_else(|e| panic!("{provider} rotation: {e}"));
    }
}

#[test]
fn a_tampered_body_is_a_mismatch_where_the_body_is_signed() {
    for &provider in Provider::ALL {
        let f = fixture(provider);
        let mut sent = send(&f, NOW);
        if matches!(provider.proof(), Proof::Token(_)) || provider.name() == "mailgun" {
            // A token (and Mailgun's signature, over timestamp and token) covers no body.
            continue;
        }
        // Change one byte inside the body, keeping it of the same format.
        let at = sent
            .body
            .iter()
            .rposition(|b| b.is_ascii_digit() || b.is_ascii_lowercase())
            .unwrap();
        sent.body[at] = if sent.body[at] == b'1' { b'2' } else { b'1' };
        assert_eq!(
            code(check(&f, &sent, &[f.verifying], NOW)),
            ErrorCode::SignatureMismatch,
            "{provider}"
        );
    }
}

#[test]
fn missing_and_malformed_signatures() {
    for &provider in Provider::ALL {
        let f = fixture(provider);
        let sent = send(&f, NOW);
        let Some(header) = signature_header(provider) else {
            continue;
        };
        let without: Vec<(String, String)> = sent
            .headers
            .iter()
            .filter(|(name, _)| !name.eq_ignore_ascii_case(&header))
            .cloned()
            .collect();
        let stripped = Sent {
            headers: without.clone(),
            body: sent.body.clone(),
            url: sent.url.clone(),
        };
        assert_eq!(
            code(check(&f, &stripped, &[f.verifying], NOW)),
            ErrorCode::MissingSignature,
            "{provider}"
        );
        let Some(signature) = provider.scheme().signature() else {
            continue;
        };
        let value = sent
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(&header))
            .unwrap()
            .1
            .clone();
        let malformed = match &signature.syntax {
            Syntax::Bare => String::from("zz"),
            Syntax::Prefixed(prefix) => format!("{prefix}zz"),
            Syntax::List { separator, key } => {
                let keep: Vec<&str> = value
                    .split(*separator)
                    .filter(|f| !f.starts_with(&format!("{key}=")))
                    .collect();
                format!("{}{separator}{key}=zz", keep.join(&separator.to_string()))
            }
            Syntax::Versioned(_) => String::from("v1,zz"),
            Syntax::OptionalPrefix(_) => String::from("zz"),
            Syntax::Positional(separator) => {
                format!("{}{separator}zz", value.split(*separator).next().unwrap())
            }
        };
        let mut headers = without;
        headers.push((header.clone(), malformed));
        let bad = Sent {
            headers,
            body: sent.body.clone(),
            url: sent.url.clone(),
        };
        assert_eq!(
            code(check(&f, &bad, &[f.verifying], NOW)),
            ErrorCode::MalformedSignature,
            "{provider}"
        );
    }
}

#[test]
fn window_edges_are_exactly_the_tolerance_both_ways() {
    for &provider in Provider::ALL {
        let Some(timestamp) = &provider.scheme().timestamp else {
            continue;
        };
        if provider.name() == "linear" {
            continue; // its timestamp is in the body: see linear_window_is_60_s_to_the_millisecond
        }
        let f = fixture(provider);
        let tolerance = timestamp.tolerance;
        let sent = send(&f, NOW);
        for now in [NOW - tolerance, NOW + tolerance] {
            check(&f, &sent, &[f.verifying], now)
                .unwrap_or_else(|e| panic!("{provider} at {now}: {e}"));
        }
        assert_eq!(
            code(check(&f, &sent, &[f.verifying], NOW + tolerance + 1)),
            ErrorCode::TimestampTooOld,
            "{provider}"
        );
        assert_eq!(
            code(check(&f, &sent, &[f.verifying], NOW - tolerance - 1)),
            ErrorCode::TimestampInFuture,
            "{provider}"
        );
    }
}

/// Sets a header's value.
fn with_header(sent: &Sent, name: &str, value: String) -> Vec<(String, String)> {
    let mut headers: Vec<(String, String)> = sent
        .headers
        .iter()
        .filter(|(n, _)| !n.eq_ignore_ascii_case(name))
        .cloned()
        .collect();
    headers.push((name.into(), value));
    headers
}

#[test]
fn missing_and_malformed_timestamps() {
    for &provider in Provider::ALL {
        let Some(timestamp) = &provider.scheme().timestamp else {
            continue;
        };
        let Locator::Header(name) = &timestamp.at else {
            continue;
        };
        let f = fixture(provider);
        let sent = send(&f, NOW);
        let without = Sent {
            headers: sent
                .headers
                .iter()
                .filter(|(n, _)| !n.eq_ignore_ascii_case(name))
                .cloned()
                .collect(),
            body: sent.body.clone(),
            url: sent.url.clone(),
        };
        assert_eq!(
            code(check(&f, &without, &[f.verifying], NOW)),
            ErrorCode::MissingTimestamp,
            "{provider}"
        );
        let bad = Sent {
            headers: with_header(&sent, name, "12:00".into()),
            body: sent.body.clone(),
            url: sent.url.clone(),
        };
        assert_eq!(
            code(check(&f, &bad, &[f.verifying], NOW)),
            ErrorCode::MalformedTimestamp,
            "{provider}"
        );
    }
    // Stripe's timestamp is a field of its signature header.
    let f = fixture(Provider::Stripe);
    let sent = send(&f, NOW);
    let value = sent.headers[1].1.clone();
    let v1 = value.split(',').nth(1).unwrap().to_string();
    let headers = with_header(&sent, "Stripe-Signature", v1.clone());
    let missing = Sent {
        headers,
        body: sent.body.clone(),
        url: sent.url.clone(),
    };
    assert_eq!(
        code(check(&f, &missing, &[f.verifying], NOW)),
        ErrorCode::MissingTimestamp
    );
    let headers = with_header(&sent, "Stripe-Signature", format!("t=17e8,{v1}"));
    let bad = Sent {
        headers,
        body: sent.body.clone(),
        url: sent.url.clone(),
    };
    assert_eq!(
        code(check(&f, &bad, &[f.verifying], NOW)),
        ErrorCode::MalformedTimestamp
    );
}

#[test]
fn linear_window_is_60_s_to_the_millisecond() {
    let secret = "lin";
    let at = |ms: u64| {
        let body = format!(r#"{{"type":"Issue","webhookTimestamp":{ms}}}"#);
        let signed = sign(
            "linear",
            body.as_bytes(),
            secret.as_bytes(),
            &SignOptions::at(0),
        )
        .unwrap();
        let delivery = Delivery::new(&signed.headers, body.as_bytes());
        verify("linear", &delivery, &[secret], &Options::default(), NOW).map(|_| ())
    };
    let now_ms = NOW * 1000;
    assert!(at(now_ms - 60_000).is_ok());
    assert!(at(now_ms + 60_000).is_ok());
    assert_eq!(
        at(now_ms - 60_001).unwrap_err().code(),
        ErrorCode::TimestampTooOld
    );
    assert_eq!(
        at(now_ms + 60_001).unwrap_err().code(),
        ErrorCode::TimestampInFuture
    );
    // A string is not the documented JSON number; no timestamp at all is refused too.
    let body = format!(r#"{{"type":"Issue","webhookTimestamp":"{now_ms}"}}"#);
    let signed = sign(
        "linear",
        body.as_bytes(),
        secret.as_bytes(),
        &SignOptions::at(0),
    )
    .unwrap();
    let error = verify(
        "linear",
        &Delivery::new(&signed.headers, body.as_bytes()),
        &[secret],
        &Options::default(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(error.code(), ErrorCode::MalformedTimestamp);
    let body = br#"{"type":"Issue"}"#;
    let signed = sign("linear", body, secret.as_bytes(), &SignOptions::at(0)).unwrap();
    let error = verify(
        "linear",
        &Delivery::new(&signed.headers, body),
        &[secret],
        &Options::default(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(error.code(), ErrorCode::MissingTimestamp);
}

#[test]
fn hubspot_and_twitch_count_fractions_of_a_second() {
    use hmac::{Hmac, KeyInit, Mac};
    let b64 = |bytes: &[u8]| {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(bytes)
    };
    // HubSpot: milliseconds in a header.
    let body = br#"[{"eventId":1,"subscriptionType":"contact.creation"}]"#;
    let url = "https://receiver.example/hs";
    let hubspot = |ms: u64| {
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(b"hs").unwrap();
        mac.update(format!("POST{url}").as_bytes());
        mac.update(body);
        mac.update(ms.to_string().as_bytes());
        let headers = [
            ("X-HubSpot-Signature-v3", b64(&mac.finalize().into_bytes())),
            ("X-HubSpot-Request-Timestamp", ms.to_string()),
        ];
        let delivery = Delivery::new(&headers, body)
            .with_url(url)
            .with_method("post");
        verify("hubspot", &delivery, &["hs"], &Options::default(), NOW).map(|_| ())
    };
    assert!(hubspot(NOW * 1000 - 300_000).is_ok());
    assert_eq!(
        hubspot(NOW * 1000 - 300_001).unwrap_err().code(),
        ErrorCode::TimestampTooOld
    );
    assert_eq!(
        hubspot(NOW * 1000 + 300_001).unwrap_err().code(),
        ErrorCode::TimestampInFuture
    );
    // Twitch: RFC 3339 with nanoseconds, signed exactly as sent.
    let body = br#"{"subscription":{"type":"channel.follow"},"event":{}}"#;
    let twitch = |timestamp: &str| {
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(b"twitch-secret").unwrap();
        mac.update(b"msg-1");
        mac.update(timestamp.as_bytes());
        mac.update(body);
        let hex: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let headers = [
            ("Twitch-Eventsub-Message-Id", "msg-1".to_string()),
            ("Twitch-Eventsub-Message-Timestamp", timestamp.to_string()),
            ("Twitch-Eventsub-Message-Signature", format!("sha256={hex}")),
            (
                "Twitch-Eventsub-Subscription-Type",
                "channel.follow".to_string(),
            ),
        ];
        verify(
            "twitch",
            &Delivery::new(&headers, body),
            &["twitch-secret"],
            &Options::default(),
            NOW,
        )
        .map(|e| e.dedupe_key)
    };
    // NOW is 2023-11-14T22:13:20Z; 600 s earlier is 22:03:20.
    assert_eq!(twitch("2023-11-14T22:03:20.000000000Z").unwrap(), "msg-1");
    assert_eq!(
        twitch("2023-11-14T22:03:19.999999999Z").unwrap_err().code(),
        ErrorCode::TimestampTooOld
    );
    assert!(twitch("2023-11-14T22:23:20Z").is_ok());
    assert_eq!(
        twitch("2023-11-14T22:23:20.000000001Z").unwrap_err().code(),
        ErrorCode::TimestampInFuture
    );
    assert!(twitch("2023-11-14T23:13:20.123456780+01:00").is_ok());
    assert_eq!(
        twitch("2023-11-14 nope").unwrap_err().code(),
        ErrorCode::MalformedTimestamp
    );
}

#[test]
fn challenges_carry_their_answer() {
    // Slack url_verification.
    let body = br#"{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}"#;
    let signed = sign("slack", body, b"slack-secret", &SignOptions::at(NOW)).unwrap();
    let event = verify(
        "slack",
        &Delivery::new(&signed.headers, body),
        &["slack-secret"],
        &Options::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(event.kind, "url_verification");
    assert_eq!(
        event.challenge.as_deref(),
        Some("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")
    );
    // Discord PING.
    let body = br#"{"type":1,"id":"1","application_id":"2"}"#;
    let signed = sign(
        "discord",
        body,
        DISCORD_SEED.as_bytes(),
        &SignOptions::at(NOW),
    )
    .unwrap();
    let event = verify(
        "discord",
        &Delivery::new(&signed.headers, body),
        &[DISCORD_PUBLIC],
        &Options::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(event.challenge.as_deref(), Some(r#"{"type":1}"#));
    // Twitch webhook_callback_verification.
    let body = br#"{"challenge":"pogchamp-kappa-360noscope-vohiyo","subscription":{"type":"channel.follow"}}"#;
    let mut signed = sign("twitch", body, b"twitch-secret", &SignOptions::at(NOW)).unwrap();
    signed.headers.push((
        "Twitch-Eventsub-Message-Type".into(),
        "webhook_callback_verification".into(),
    ));
    signed.headers.push((
        "Twitch-Eventsub-Subscription-Type".into(),
        "channel.follow".into(),
    ));
    let event = verify(
        "twitch",
        &Delivery::new(&signed.headers, body),
        &["twitch-secret"],
        &Options::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(
        event.challenge.as_deref(),
        Some("pogchamp-kappa-360noscope-vohiyo")
    );
    // Zoom endpoint.url_validation: encryptedToken = hex HMAC-SHA256(secret, plainToken).
    let body = br#"{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,"event":"endpoint.url_validation"}"#;
    let signed = sign("zoom", body, b"zoom-token", &SignOptions::at(NOW)).unwrap();
    let event = verify(
        "zoom",
        &Delivery::new(&signed.headers, body),
        &["zoom-token"],
        &Options::default(),
        NOW,
    )
    .unwrap();
    let answer: serde_json::Value =
        serde_json::from_str(event.challenge.as_deref().unwrap()).unwrap();
    use hmac::{Hmac, KeyInit, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(b"zoom-token").unwrap();
    mac.update(b"qgg8vlvZRS6UYooatFL8Aw");
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(answer["plainToken"], "qgg8vlvZRS6UYooatFL8Aw");
    assert_eq!(answer["encryptedToken"], hex.as_str());
    // An ordinary event has none.
    let body = br#"{"type":"event_callback","event_id":"Ev1","event":{"type":"message"}}"#;
    let signed = sign("slack", body, b"slack-secret", &SignOptions::at(NOW)).unwrap();
    let event = verify(
        "slack",
        &Delivery::new(&signed.headers, body),
        &["slack-secret"],
        &Options::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(
        (
            event.kind.as_str(),
            event.dedupe_key.as_str(),
            event.challenge
        ),
        ("message", "Ev1", None)
    );
}

#[test]
fn standard_webhooks_reads_svix_headers_and_skips_unknown_versions() {
    let body = br#"{"test": 2432232314}"#;
    let headers = [
        ("svix-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
        ("svix-timestamp", "1614265330"),
        (
            "svix-signature",
            "v2,abcd v1,Zm9v v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        ),
    ];
    let event = verify(
        "clerk",
        &Delivery::new(&headers, body),
        &[SW_SECRET],
        &Options::default(),
        1_614_265_330,
    )
    .unwrap();
    assert_eq!(event.provider, Provider::StandardWebhooks);
    // Only unknown versions: malformed; a well-formed v1 that does not match: mismatch.
    let only_v2 = [headers[0], headers[1], ("svix-signature", "v2,abcd")];
    let error = verify(
        "svix",
        &Delivery::new(&only_v2, body),
        &[SW_SECRET],
        &Options::default(),
        1_614_265_330,
    )
    .unwrap_err();
    assert_eq!(error.code(), ErrorCode::MalformedSignature);
    // The secret used undecoded (its text as the key) does not verify: it is a key error.
    let error = verify(
        "resend",
        &Delivery::new(&headers, body),
        &["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
        &Options::default(),
        1_614_265_330,
    );
    assert!(
        error.is_ok(),
        "the prefix is optional; the base64 is the key"
    );
    // v1a: svix-server's published Ed25519 example, and signing with its whsk_ key.
    let v1a = [
        ("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
        ("webhook-timestamp", "1614265330"),
        ("webhook-signature", "v1,bm90LWl0 v1a,hnO3f9T8Ytu9HwrXslvumlUpqtNVqkhqw/enGzPCXe5BdqzCInXqYXFymVJaA7AZdpXwVLPo3mNl8EM+m7TBAg=="),
    ];
    let public = "whpk_1SiA4o9hyqTCpIqC5V9HUakiiaeACeqfZTInDBbOir4=";
    verify(
        "standardwebhooks",
        &Delivery::new(&v1a, body),
        &[public],
        &Options::default(),
        1_614_265_330,
    )
    .unwrap();
    let mut tampered = v1a;
    tampered[0].1 = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    let error = verify(
        "standardwebhooks",
        &Delivery::new(&tampered, body),
        &[public],
        &Options::default(),
        1_614_265_330,
    )
    .unwrap_err();
    assert_eq!(
        error.code(),
        ErrorCode::SignatureMismatch,
        "the spec's pitfall: the v1a example is over the svix message"
    );
}

#[test]
fn stripe_and_paddle_accept_any_listed_signature() {
    let body = br#"{"id":"evt_1","type":"charge.succeeded"}"#;
    let signed = sign("stripe", body, b"whsec_new", &SignOptions::at(NOW)).unwrap();
    let value = &signed.headers[1].1;
    let v1 = value.split(',').nth(1).unwrap();
    let header = format!("t={NOW},v1={},{v1},v0=abc", "0".repeat(64));
    let headers = [("Stripe-Signature", header.as_str())];
    verify(
        "stripe",
        &Delivery::new(&headers, body),
        &["whsec_new"],
        &Options::default(),
        NOW,
    )
    .unwrap();
    let only_v0 = [("Stripe-Signature", format!("t={NOW},v0={}", "0".repeat(64)))];
    let error = verify(
        "stripe",
        &Delivery::new(&only_v0, body),
        &["whsec_new"],
        &Options::default(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(error.code(), ErrorCode::MissingSignature);
    // Paddle's Python SDK example: three secrets, a dummy h1, the third secret matches.
    let headers = [("Paddle-Signature", "ts=1696195954;h1=dummy;h1=d96299976a6eb066f484d7fde011ac56fc32b38fc9940bc419d6e537fdc6ef02")];
    let secrets = [
        "pdl_ntf_01hbpjmytsa32fhr36nqgc3kgb_TjIG2BXbm83HPXqNfziwe506sBEdqL/4",
        "pdl_ntf_01hbpjmytsa32fhr36nqgc3kgb_vB/yIOnTOCWIvpBadM5jzBZPHc7OmdSo",
        "pdl_ntf_01hbpjmytsa32fhr36nqgc3kgb_WvRO0eL4Bj9rgYYIBZY6wZhG4EHy9jzh",
    ];
    let delivery = Delivery::new(&headers, b"hello-world");
    let proved = hookproof::Verifier::new("paddle", &secrets, Options::default())
        .unwrap()
        .prove(&delivery, 1_696_195_954);
    assert!(proved.is_ok(), "{proved:?}");
    let proved = hookproof::Verifier::new("paddle", &secrets[..2], Options::default())
        .unwrap()
        .prove(&delivery, 1_696_195_954);
    assert_eq!(proved.unwrap_err().code(), ErrorCode::SignatureMismatch);
}

#[test]
fn url_schemes_need_the_url_and_token_schemes_their_token() {
    let f = fixture(Provider::Square);
    let sent = send(&f, NOW);
    let delivery = Delivery::new(&sent.headers, &sent.body);
    let error = verify(
        "square",
        &delivery,
        &[f.verifying],
        &Options::default(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(error.code(), ErrorCode::MissingSignature);
    assert!(error.message().contains("URL"), "{}", error.message());
    let moved = delivery.with_url("https://receiver.example/other");
    assert_eq!(
        verify("square", &moved, &[f.verifying], &Options::default(), NOW)
            .unwrap_err()
            .code(),
        ErrorCode::SignatureMismatch
    );
    // GitLab: the token header, compared whole.
    let body = br#"{"object_kind":"push"}"#;
    let headers = [
        ("X-Gitlab-Token", "tok en"),
        ("X-Gitlab-Event", "Push Hook"),
    ];
    let event = verify(
        "gitlab",
        &Delivery::new(&headers, body),
        &["tok en"],
        &Options::default(),
        NOW,
    )
    .unwrap();
    assert_eq!(event.kind, "Push Hook");
    let error = verify(
        "gitlab",
        &Delivery::new(&headers, body),
        &["tok"],
        &Options::default(),
        NOW,
    )
    .unwrap_err();
    assert_eq!(error.code(), ErrorCode::SignatureMismatch);
}

#[test]
fn the_window_tolerance_is_each_providers_unless_the_options_say_otherwise() {
    let f = fixture(Provider::Paddle);
    let sent = send(&f, NOW);
    assert!(check(&f, &sent, &[f.verifying], NOW + 5).is_ok());
    assert_eq!(
        code(check(&f, &sent, &[f.verifying], NOW + 6)),
        ErrorCode::TimestampTooOld
    );
    let wide = Options {
        tolerance_seconds: 60,
        ..Options::default()
    };
    let delivery = Delivery::new(&sent.headers, &sent.body);
    assert!(verify("paddle", &delivery, &[f.verifying], &wide, NOW + 60).is_ok());
    assert_eq!(
        TimeUnit::Seconds,
        Provider::Paddle.scheme().timestamp.as_ref().unwrap().unit
    );
}

#[test]
fn zendesks_older_example_verifies_only_in_the_older_order() {
    use hookproof::scheme::Part;
    use std::borrow::Cow;
    let headers = [
        (
            "X-Zendesk-Webhook-Signature",
            "tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=",
        ),
        (
            "X-Zendesk-Webhook-Signature-Timestamp",
            "2021-07-25T10:00:00Z",
        ),
    ];
    let body = br#"{"say": "hello"}"#;
    let secret = "HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=";
    let delivery = Delivery::new(&headers, body);
    let now = 1_627_207_200; // 2021-07-25T10:00:00Z
                             // The built-in follows the current documentation (timestamp, then body).
    let error = verify("zendesk", &delivery, &[secret], &Options::default(), now).unwrap_err();
    assert_eq!(error.code(), ErrorCode::SignatureMismatch);
    // The same scheme declared with the older page's order reproduces its example.
    let mut older = Provider::Zendesk.scheme().clone();
    older.name = Cow::Borrowed("zendesk-older");
    let hookproof::scheme::Proof::Signature(signature) = &mut older.proof else {
        unreachable!()
    };
    signature.signed = Cow::Owned(vec![Part::Body, Part::Timestamp]);
    let event = verify(&older, &delivery, &[secret], &Options::default(), now).unwrap();
    assert_eq!(event.provider, "zendesk-older");
}

#[test]
fn slack_declared_by_hand_gives_the_built_in_verdicts() {
    use hookproof::scheme::*;
    use std::borrow::Cow::Borrowed as B;
    let declared = Scheme {
        name: B("my-slack"),
        proof: Proof::Signature(Signature {
            algorithm: Algorithm::HmacSha256,
            key: KeyForm::Text,
            signed: B(&[
                Part::Literal(B("v0:")),
                Part::Timestamp,
                Part::Literal(B(":")),
                Part::Body,
            ]),
            location: Locator::Header(B("X-Slack-Signature")),
            syntax: Syntax::Prefixed(B("v0=")),
            encoding: Encoding::Hex,
        }),
        timestamp: Some(Timestamp {
            at: Locator::Header(B("X-Slack-Request-Timestamp")),
            unit: TimeUnit::Seconds,
            tolerance: 300,
        }),
        event: EventFields {
            kind: Field::FirstJson(B(&[B("/event/type"), B("/type"), B("/command")])),
            id: Field::FirstJson(B(&[B("/event_id")])),
            dedupe: Field::FirstJson(B(&[B("/event_id"), B("/trigger_id")])),
        },
        challenge: Some(Challenge::Echo {
            when: Field::Json(B("/type")),
            equals: B("url_verification"),
            echo: B("/challenge"),
        }),
        content_type: B("application/json"),
    };
    let secret = "8f742231b10e8888abcd99yyyzzz85a5";
    let bodies: [&[u8]; 3] = [
        b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c",
        br#"{"type":"event_callback","event_id":"Ev1","event":{"type":"message"}}"#,
        br#"{"type":"url_verification","challenge":"abc"}"#,
    ];
    for body in bodies {
        let signed = sign(
            "slack",
            body,
            secret.as_bytes(),
            &SignOptions::at(1_531_420_618),
        )
        .unwrap();
        let mut variants = vec![signed.headers.clone()];
        let mut bad = signed.headers.clone();
        bad[1].1 = bad[1].1.replace("v0=", "v0=0");
        variants.push(bad);
        variants.push(signed.headers[..2].to_vec());
        for headers in &variants {
            for (secrets, now) in [
                (secret, 1_531_420_618),
                ("wrong", 1_531_420_618),
                (secret, 1_531_420_919),
                (secret, 1_531_420_317),
            ] {
                let delivery = Delivery::new(headers, body);
                let built_in = verify("slack", &delivery, &[secrets], &Options::default(), now);
                let mine = verify(&declared, &delivery, &[secrets], &Options::default(), now);
                match (built_in, mine) {
                    (Ok(a), Ok(b)) => {
                        assert_eq!(
                            (a.kind, a.dedupe_key, a.challenge),
                            (b.kind, b.dedupe_key, b.challenge)
                        );
                        assert_eq!(b.provider, "my-slack");
                    }
                    (Err(a), Err(b)) => assert_eq!(a.code(), b.code()),
                    (a, b) => panic!("verdicts differ: {a:?} / {b:?}"),
                }
            }
        }
    }
    // The built-in is that very declaration, but for its name.
    let mut named = declared.clone();
    named.name = B("slack");
    assert_eq!(&named, Provider::Slack.scheme());
}

#[test]
fn impossible_declarations_are_refused_naming_the_field() {
    let mut scheme = Provider::Stripe.scheme().clone();
    scheme.timestamp = None;
    let error = hookproof::Verifier::new(&scheme, &["k"], Options::default()).unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert!(
        error.message().starts_with("scheme.timestamp"),
        "{}",
        error.message()
    );
    let mut scheme = Provider::Stripe.scheme().clone();
    let hookproof::scheme::Proof::Signature(signature) = &mut scheme.proof else {
        unreachable!()
    };
    signature.signed = std::borrow::Cow::Owned(vec![]);
    let error = sign(&scheme, b"{}", b"k", &SignOptions::at(0)).unwrap_err();
    assert!(
        error.message().starts_with("scheme.proof.signature.signed"),
        "{}",
        error.message()
    );
}

#[test]
fn declarations_in_their_json_form_read_as_the_same_scheme() {
    let json = r#"{
      "name": "slack",
      "proof": { "signature": {
        "algorithm": "hmac-sha256",
        "signed": [{ "literal": "v0:" }, "timestamp", { "literal": ":" }, "body"],
        "location": { "header": "X-Slack-Signature" },
        "syntax": { "prefixed": "v0=" },
        "encoding": "hex" } },
      "timestamp": { "at": { "header": "X-Slack-Request-Timestamp" }, "unit": "seconds", "tolerance": 300 },
      "event": { "type": { "first-json": ["/event/type", "/type", "/command"] }, "id": { "first-json": ["/event_id"] },
                 "dedupe": { "first-json": ["/event_id", "/trigger_id"] } },
      "challenge": { "echo": { "when": { "json": "/type" }, "equals": "url_verification", "echo": "/challenge" } }
    }"#;
    assert_eq!(
        &hookproof::Scheme::from_json(json).unwrap(),
        Provider::Slack.scheme()
    );
    for (bad, field) in [
        (
            r#"{"name":"x","proof":{"signature":{"algorithm":"md5","signed":["body"],"location":{"header":"X"},"encoding":"hex"}}}"#,
            "scheme.proof.signature.algorithm",
        ),
        (
            r#"{"name":"x","proof":{"signature":{"algorithm":"hmac-sha256","signed":["timestamp"],"location":{"header":"X"},"encoding":"hex"}}}"#,
            "scheme.timestamp",
        ),
        (
            r#"{"name":"x","proof":{"signature":{"algorithm":"hmac-sha256","signed":["body"],"encoding":"hex"}}}"#,
            "scheme.proof.signature.location",
        ),
        (
            r#"{"name":"x","proof":{"token":"query"},"extra":1}"#,
            "scheme.",
        ),
        (
            r#"{"name":"x","proof":{"signature":{"algorithm":"hmac-sha256","signed":["body"],"location":{"header":"X"},"syntax":{"list":{"separator":",,","key":"v1"}},"encoding":"hex"}}}"#,
            "scheme.proof.signature.syntax.list.separator",
        ),
    ] {
        let error = hookproof::Scheme::from_json(bad).unwrap_err();
        assert_eq!(error.code(), ErrorCode::InvalidArgument);
        assert!(
            error.message().starts_with(field),
            "{bad}: {}",
            error.message()
        );
    }
}

#[test]
fn explain_names_a_stripe_api_key_given_as_the_secret() {
    let body = br#"{"id":"evt_1","type":"charge.succeeded"}"#;
    let signed = sign("stripe", body, b"whsec_real", &SignOptions::at(NOW)).unwrap();
    let diagnosis = hookproof::explain(
        "stripe",
        &Delivery::new(&signed.headers, body),
        &["sk_test_51abc"],
        &Options::default(),
        NOW,
    );
    assert_eq!(
        diagnosis.error.unwrap().code(),
        ErrorCode::SignatureMismatch
    );
    assert!(
        diagnosis
            .causes
            .iter()
            .any(|cause| cause.code == "secret_api_key"),
        "{:?}",
        diagnosis.causes
    );
    // Every provider's failures are diagnosed without a panic, and name no secret.
    for &provider in Provider::ALL {
        let f = fixture(provider);
        let sent = send(&f, NOW);
        let delivery = Delivery::new(&sent.headers, &sent.body)
            .with_url(&sent.url)
            .with_method("POST");
        let diagnosis = hookproof::explain(
            provider,
            &delivery,
            &[f.other],
            &Options::default(),
            NOW + 100_000,
        );
        assert!(diagnosis.error.is_some(), "{provider}");
        for cause in &diagnosis.causes {
            assert!(!cause.message.contains(f.other), "{provider}: {cause:?}");
        }
    }
}
