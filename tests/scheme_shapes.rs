//! The shapes of proof the second list of providers brought to the model, each where the
//! shared table (tests/providers.rs) cannot reach it: a signature inside the body over
//! chosen fields (Adyen), a positional `<timestamp>,<sig>,<sig>` header (Recurly), a
//! timestamp field of a `key=value` list (Calendly, Mux, WorkOS), an optional prefix
//! (Mollie), HTTP Basic credentials (Postmark), a signed header that is not a window
//! (Cashfree), and X's CRC answer. Published examples are in tests/vectors.

use hookproof::scheme::{Locator, Syntax};
use hookproof::{sign, verify, Delivery, ErrorCode, Event, Options, Provider, SignOptions};

const NOW: u64 = 1_700_000_000;
const SECRET: &str = "shape-secret";

type Headers = Vec<(String, String)>;

fn signed(provider: &str, body: &str, secret: &str, at: u64) -> (Headers, Vec<u8>) {
    let signed = sign(
        provider,
        body.as_bytes(),
        secret.as_bytes(),
        &SignOptions::at(at),
    )
    .unwrap();
    let body = signed.body.unwrap_or_else(|| body.as_bytes().to_vec());
    (signed.headers, body)
}

fn run(
    provider: &str,
    headers: &Headers,
    body: &[u8],
    secret: &str,
    now: u64,
) -> Result<Event, ErrorCode> {
    verify(
        provider,
        &Delivery::new(headers, body),
        &[secret],
        &Options::default(),
        now,
    )
    .map_err(|e| e.code())
}

fn replace(headers: &Headers, name: &str, value: &str) -> Headers {
    headers
        .iter()
        .map(|(n, v)| match n.eq_ignore_ascii_case(name) {
            true => (n.clone(), value.to_string()),
            false => (n.clone(), v.clone()),
        })
        .collect()
}

fn value<'h>(headers: &'h Headers, name: &str) -> &'h str {
    &headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .unwrap()
        .1
}

const ADYEN_KEY: &str = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";
const ADYEN_BODY: &str = r#"{"live":"false","notificationItems":[{"NotificationRequestItem":{"additionalData":{"authCode":"1234"},"amount":{"currency":"EUR","value":1130},"eventCode":"AUTHORISATION","merchantAccountCode":"TestMerchant","merchantReference":"ref-1","pspReference":"7914073381342284","success":"true"}}]}"#;

fn edit(body: &[u8], pointer: &str, to: Option<serde_json::Value>) -> Vec<u8> {
    let mut json: serde_json::Value = serde_json::from_slice(body).unwrap();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let object = json.pointer_mut(parent).unwrap().as_object_mut().unwrap();
    match to {
        Some(to) => object.insert(key.into(), to),
        None => object.remove(key),
    };
    serde_json::to_vec(&json).unwrap()
}

#[test]
fn adyen_signs_chosen_fields_of_the_body_and_only_those() {
    let item = "/notificationItems/0/NotificationRequestItem";
    let (headers, body) = signed("adyen", ADYEN_BODY, ADYEN_KEY, 0);
    let event = run("adyen", &headers, &body, ADYEN_KEY, 0).unwrap();
    assert_eq!(event.kind, "AUTHORISATION");
    assert_eq!(event.id.as_deref(), Some("7914073381342284"));
    assert_eq!(event.dedupe_key, "AUTHORISATION.7914073381342284");
    let signature = format!("{item}/additionalData/hmacSignature");
    // The signature's place: absent, or not base64 of 32 bytes.
    assert_eq!(
        run(
            "adyen",
            &headers,
            &edit(&body, &signature, None),
            ADYEN_KEY,
            0
        ),
        Err(ErrorCode::MissingSignature)
    );
    assert_eq!(
        run(
            "adyen",
            &headers,
            &edit(&body, &signature, Some("zz".into())),
            ADYEN_KEY,
            0
        ),
        Err(ErrorCode::MalformedSignature)
    );
    // Every signed field counts, the amount a number as sent, an absent originalReference empty.
    for (field, to) in [
        ("/pspReference", serde_json::json!("7914073381342285")),
        ("/amount/value", serde_json::json!(1131)),
        ("/amount/currency", serde_json::json!("USD")),
        ("/success", serde_json::json!("false")),
        ("/originalReference", serde_json::json!("8313842560770001")),
    ] {
        let tampered = edit(&body, &format!("{item}{field}"), Some(to));
        assert_eq!(
            run("adyen", &headers, &tampered, ADYEN_KEY, 0),
            Err(ErrorCode::SignatureMismatch),
            "{field}"
        );
    }
    // What Adyen does not sign is not proven: documented in src/providers/adyen.rs.
    let unsigned = edit(
        &body,
        &format!("{item}/additionalData/authCode"),
        Some("9999".into()),
    );
    assert!(run("adyen", &headers, &unsigned, ADYEN_KEY, 0).is_ok());
    // The key is hex, decoded: the same text used as bytes is another key.
    let as_text = hookproof::Verifier::new("adyen", &["not hex"], Options::default());
    assert_eq!(as_text.unwrap_err().code(), ErrorCode::InvalidSecret);
}

#[test]
fn recurly_reads_a_timestamp_then_any_number_of_signatures() {
    let body = r#"{"id":"rc1","object_type":"subscription","event_type":"renewed"}"#;
    let (headers, body) = signed("recurly", body, SECRET, NOW);
    let header = value(&headers, "recurly-signature").to_string();
    assert!(header.starts_with("1700000000000,"), "{header}");
    let event = run("recurly", &headers, &body, SECRET, NOW).unwrap();
    assert_eq!(event.kind, "subscription.renewed");
    let (ts, sig) = header.split_once(',').unwrap();
    // Rotation: any listed signature; unreadable entries are skipped while others remain.
    let rotated = replace(
        &headers,
        "recurly-signature",
        &format!("{ts},{},zz,{sig}", "ab".repeat(32)),
    );
    assert!(run("recurly", &rotated, &body, SECRET, NOW).is_ok());
    let wrong = replace(
        &headers,
        "recurly-signature",
        &format!("{ts},{}", "ab".repeat(32)),
    );
    assert_eq!(
        run("recurly", &wrong, &body, SECRET, NOW),
        Err(ErrorCode::SignatureMismatch)
    );
    let none = replace(&headers, "recurly-signature", ts);
    assert_eq!(
        run("recurly", &none, &body, SECRET, NOW),
        Err(ErrorCode::MissingSignature)
    );
    let garbled = replace(&headers, "recurly-signature", &format!("{ts},zz"));
    assert_eq!(
        run("recurly", &garbled, &body, SECRET, NOW),
        Err(ErrorCode::MalformedSignature)
    );
    let seconds = replace(&headers, "recurly-signature", &format!("17e11,{sig}"));
    assert_eq!(
        run("recurly", &seconds, &body, SECRET, NOW),
        Err(ErrorCode::MalformedTimestamp)
    );
    // Milliseconds: the window's edges to the millisecond.
    let at = |ms: u64| {
        let message = format!("{ms}.{}", String::from_utf8_lossy(&body));
        use hmac::{KeyInit, Mac};
        let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
        mac.update(message.as_bytes());
        let hex: String = mac
            .finalize()
            .into_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let headers = replace(&headers, "recurly-signature", &format!("{ms},{hex}"));
        run("recurly", &headers, &body, SECRET, NOW)
    };
    assert!(at(NOW * 1000 - 300_000).is_ok());
    assert!(at(NOW * 1000 + 300_000).is_ok());
    assert_eq!(
        at(NOW * 1000 - 300_001).map(|_| ()),
        Err(ErrorCode::TimestampTooOld)
    );
    assert_eq!(
        at(NOW * 1000 + 300_001).map(|_| ()),
        Err(ErrorCode::TimestampInFuture)
    );
}

#[test]
fn a_timestamp_field_of_a_list_is_required_and_well_formed() {
    for (provider, body) in [
        ("calendly", r#"{"event":"invitee.created","payload":{}}"#),
        ("mux", r#"{"type":"video.asset.ready","id":"e1"}"#),
        ("workos", r#"{"id":"event_1","event":"user.created"}"#),
    ] {
        let scheme = Provider::from_name(provider).unwrap().scheme();
        let (Some(signature), Some(timestamp)) = (scheme.signature(), &scheme.timestamp) else {
            panic!("{provider}")
        };
        let (Locator::Header(name), Locator::SignatureField(field), Syntax::List { separator, .. }) =
            (&signature.location, &timestamp.at, &signature.syntax)
        else {
            panic!("{provider}")
        };
        let (headers, body) = signed(provider, body, SECRET, NOW);
        assert!(
            run(provider, &headers, &body, SECRET, NOW).is_ok(),
            "{provider}"
        );
        let header = value(&headers, name).to_string();
        let prefix = format!("{field}=");
        let rest: Vec<&str> = header
            .split(*separator)
            .filter(|f| !f.trim().starts_with(&prefix))
            .collect();
        let missing = replace(&headers, name, &rest.join(&separator.to_string()));
        assert_eq!(
            run(provider, &missing, &body, SECRET, NOW),
            Err(ErrorCode::MissingTimestamp),
            "{provider}"
        );
        let odd = replace(
            &headers,
            name,
            &header.replacen(&prefix, &format!("{prefix}-"), 1),
        );
        assert_eq!(
            run(provider, &odd, &body, SECRET, NOW),
            Err(ErrorCode::MalformedTimestamp),
            "{provider}"
        );
    }
    // WorkOS writes `t=…, v1=…` with a space: the same header verifies.
    let (headers, body) = signed(
        "workos",
        r#"{"id":"event_1","event":"user.created"}"#,
        SECRET,
        NOW,
    );
    let spaced = value(&headers, "WorkOS-Signature").replace(',', ", ");
    assert!(run(
        "workos",
        &replace(&headers, "WorkOS-Signature", &spaced),
        &body,
        SECRET,
        NOW
    )
    .is_ok());
}

#[test]
fn mollie_takes_its_signature_with_or_without_the_prefix() {
    let body = r#"{"resource":"event","id":"event_1","type":"payment-link.paid"}"#;
    let (headers, body) = signed("mollie", body, SECRET, 0);
    let prefixed = value(&headers, "X-Mollie-Signature").to_string();
    assert!(prefixed.starts_with("sha256="));
    let bare = replace(&headers, "X-Mollie-Signature", &prefixed["sha256=".len()..]);
    for headers in [&headers, &bare] {
        assert_eq!(
            run("mollie", headers, &body, SECRET, 0).unwrap().dedupe_key,
            "event_1"
        );
    }
    let other = replace(
        &headers,
        "X-Mollie-Signature",
        &format!("sha1={}", &prefixed["sha256=".len()..]),
    );
    assert_eq!(
        run("mollie", &other, &body, SECRET, 0),
        Err(ErrorCode::MalformedSignature)
    );
}

#[test]
fn postmark_checks_basic_credentials_in_constant_form() {
    let body = r#"{"RecordType":"Bounce","MessageID":"m1"}"#;
    let (headers, body) = signed("postmark", body, "hook:pa55", 0);
    assert!(run("postmark", &headers, &body, "hook:pa55", 0).is_ok());
    assert_eq!(
        run("postmark", &headers, &body, "hook:other", 0),
        Err(ErrorCode::SignatureMismatch)
    );
    let bearer = replace(&headers, "Authorization", "Bearer aG9vazpwYTU1");
    assert_eq!(
        run("postmark", &bearer, &body, "hook:pa55", 0),
        Err(ErrorCode::MalformedSignature)
    );
    let garbled = replace(&headers, "Authorization", "Basic !!!");
    assert_eq!(
        run("postmark", &garbled, &body, "hook:pa55", 0),
        Err(ErrorCode::MalformedSignature)
    );
    let none: Headers = vec![];
    assert_eq!(
        run("postmark", &none, &body, "hook:pa55", 0),
        Err(ErrorCode::MissingSignature)
    );
}

#[test]
fn cashfree_signs_its_timestamp_header_without_a_window() {
    let body = r#"{"data":{},"type":"PAYMENT_SUCCESS_WEBHOOK"}"#;
    let mut options = SignOptions::at(0);
    options.id = Some("1617695238078".into());
    let signed = sign("cashfree", body.as_bytes(), SECRET.as_bytes(), &options).unwrap();
    let headers = signed.headers;
    // Years later it still verifies (no documented tolerance); the dedupe key catches a replay.
    assert!(run("cashfree", &headers, body.as_bytes(), SECRET, 4_000_000_000).is_ok());
    let moved = replace(&headers, "x-webhook-timestamp", "1617695238079");
    assert_eq!(
        run("cashfree", &moved, body.as_bytes(), SECRET, 0),
        Err(ErrorCode::SignatureMismatch)
    );
    let without: Headers = headers
        .iter()
        .filter(|(n, _)| n != "x-webhook-timestamp")
        .cloned()
        .collect();
    assert_eq!(
        run("cashfree", &without, body.as_bytes(), SECRET, 0),
        Err(ErrorCode::MissingSignature)
    );
}

#[test]
fn twitter_crc_answer_is_the_documented_hmac() {
    // python3 -c "import hmac,hashlib,base64; print(base64.b64encode(hmac.new(b'consumer-secret',
    //   b'challenge', hashlib.sha256).digest()))"
    let answer = hookproof::providers::twitter::crc_response(b"consumer-secret", "challenge");
    assert_eq!(
        answer,
        r#"{"response_token":"sha256=2RUZDVKjSpEV/C/r9ivMsVZJ4DFPAawjJFQQzY+6ba4="}"#
    );
}

#[test]
fn a_signature_inside_the_body_tells_its_provider() {
    let (headers, body) = signed("adyen", ADYEN_BODY, ADYEN_KEY, 0);
    let detect = |body: &[u8]| hookproof::detect_provider(&Delivery::new(&headers, body));
    assert_eq!(detect(&body), Some(Provider::Adyen));
    let mailgun =
        br#"{"signature":{"timestamp":"1","token":"t","signature":"00"},"event-data":{}}"#;
    assert_eq!(detect(mailgun), Some(Provider::Mailgun));
    // Without the signature's field, nothing says Adyen.
    let unsigned = edit(
        &body,
        "/notificationItems/0/NotificationRequestItem/additionalData/hmacSignature",
        None,
    );
    assert_eq!(detect(&unsigned), None);
}

#[test]
fn the_new_shapes_can_be_declared_in_json() {
    use hookproof::scheme::Scheme;
    // Recurly, Mollie and Adyen written as a user would: each equals the built-in proof.
    let recurly = Scheme::from_json(
        r#"{"name":"my-recurly","proof":{"signature":{"algorithm":"hmac-sha256",
            "signed":["timestamp",{"literal":"."},"body"],"location":{"header":"recurly-signature"},
            "syntax":{"positional":","},"encoding":"hex"}},
            "timestamp":{"at":{"signature-field":"timestamp"},"unit":"milliseconds","tolerance":300},
            "event":{"type":{"json-dot-json":["/object_type","/event_type"]},"id":{"json":"/id"},"dedupe":{"json":"/id"}}}"#,
    )
    .unwrap();
    let builtin = Provider::Recurly.scheme();
    assert_eq!(
        (&recurly.proof, &recurly.timestamp, &recurly.event),
        (&builtin.proof, &builtin.timestamp, &builtin.event)
    );
    let mollie = Scheme::from_json(
        r#"{"name":"my-mollie","proof":{"signature":{"algorithm":"hmac-sha256","signed":["body"],
            "location":{"header":"X-Mollie-Signature"},"syntax":{"optional-prefix":"sha256="},"encoding":"hex"}}}"#,
    )
    .unwrap();
    assert_eq!(mollie.proof, Provider::Mollie.scheme().proof);
    let part = Scheme::from_json(
        r#"{"name":"x","proof":{"signature":{"algorithm":"hmac-sha256","signed":[{"optional-json":"/a"}],
            "location":{"json":"/sig"},"encoding":"base64"}}}"#,
    )
    .unwrap();
    assert!(matches!(
        part.signature().unwrap().signed[0],
        hookproof::scheme::Part::OptionalJson(_)
    ));
    let error = Scheme::from_json(
        r#"{"name":"x","proof":{"signature":{"algorithm":"hmac-sha256","signed":["body"],
            "location":{"header":"h"},"syntax":{"positional":",,"},"encoding":"hex"}}}"#,
    )
    .unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidArgument);
    assert!(
        error.message().contains("positional"),
        "{}",
        error.message()
    );
}

#[test]
fn sign_reproduces_adyens_published_signature() {
    // docs.adyen.com's example: the item without its signature, signed with the documented key.
    let body = r#"{"live":"false","notificationItems":[{"NotificationRequestItem":{"amount":{"currency":"EUR","value":1130},"eventCode":"AUTHORISATION","merchantAccountCode":"TestMerchant","merchantReference":"TestPayment-1407325143704","pspReference":"7914073381342284","success":"true"}}]}"#;
    let (_, signed) = signed("adyen", body, ADYEN_KEY, 0);
    let json: serde_json::Value = serde_json::from_slice(&signed).unwrap();
    let at = "/notificationItems/0/NotificationRequestItem/additionalData/hmacSignature";
    assert_eq!(
        json.pointer(at).and_then(|v| v.as_str()),
        Some("coqCmt/IZ4E3CzPvMY8zTjQVL5hYJUiBRg8UU+iCWo0=")
    );
}
