//! Known-answer tests: deliveries signed by an independent implementation (Python's
//! `hmac`, see tests/vectors/make_vectors.py) must verify, decode to the expected event,
//! and be reproduced byte for byte by `hookproof::sign`.

mod common;
use common::hex_decode;
use hookproof::{sign, verify, Delivery, Options, Provider, SignOptions};
use serde_json::Value;

const VECTORS: &str = include_str!("vectors/vectors.json");

struct Vector {
    provider: String,
    secrets: Vec<String>,
    body: Vec<u8>,
    headers: Vec<(String, String)>,
    url: Option<String>,
    method: Option<String>,
    now: u64,
    expect: Value,
    /// How `sign` reproduces the headers: `false` where it cannot (a signature over another
    /// form of the URL, a timestamp with digits `sign` does not write), else overrides.
    sign: Value,
}

fn vectors() -> Vec<Vector> {
    let all: Vec<Value> = serde_json::from_str(VECTORS).expect("vectors.json parses");
    all.into_iter()
        .map(|v| {
            let text = |key: &str| v.get(key).and_then(Value::as_str).map(String::from);
            let body = match text("body") {
                Some(body) => body.into_bytes(),
                None => hex_decode(&text("body_hex").expect("body or body_hex")),
            };
            let secrets = match v.get("secrets") {
                Some(list) => list
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_owned())
                    .collect(),
                None => vec![text("secret").unwrap()],
            };
            Vector {
                provider: text("provider").unwrap(),
                secrets,
                body,
                headers: v["headers"]
                    .as_object()
                    .unwrap()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
                    .collect(),
                url: text("url"),
                method: text("method"),
                sign: v.get("sign").cloned().unwrap_or(Value::Null),
                now: v.get("now").and_then(Value::as_u64).unwrap_or(0),
                expect: v["expect"].clone(),
            }
        })
        .collect()
}

#[test]
fn every_provider_has_vectors() {
    let vectors = vectors();
    for provider in Provider::ALL {
        assert!(
            vectors.iter().any(|v| v.provider == provider.name()),
            "{provider}"
        );
    }
}

#[test]
fn independent_signatures_verify_and_decode() {
    for (i, v) in vectors().iter().enumerate() {
        let mut delivery = Delivery::new(&v.headers, &v.body);
        if let Some(url) = &v.url {
            delivery = delivery.with_url(url);
        }
        if let Some(method) = &v.method {
            delivery = delivery.with_method(method);
        }
        let result = verify(
            v.provider.as_str(),
            &delivery,
            &v.secrets,
            &Options::default(),
            v.now,
        );
        match v.expect.get("error").and_then(Value::as_str) {
            Some(code) => assert_eq!(result.unwrap_err().code().as_str(), code, "vector {i}"),
            None => {
                let event = result.unwrap_or_else(|e| panic!("vector {i} ({}): {e}", v.provider));
                let json = serde_json::to_value(&event).unwrap();
                assert_eq!(json["type"], v.expect["type"], "vector {i}");
                assert_eq!(json["dedupeKey"], v.expect["dedupeKey"], "vector {i}");
                let provider = v.expect.get("provider").and_then(Value::as_str);
                assert_eq!(
                    json["provider"],
                    provider.unwrap_or(&v.provider),
                    "vector {i}"
                );
            }
        }
    }
}

#[test]
fn sign_reproduces_the_independent_signatures() {
    for (i, v) in vectors().iter().enumerate() {
        if v.sign == Value::Bool(false) {
            continue;
        }
        let given = |key: &str| v.sign.get(key).and_then(Value::as_str).map(String::from);
        let secret = given("secret").unwrap_or_else(|| v.secrets.last().unwrap().clone());
        let timestamp = v
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("x-sir-timestamp"))
            .map(|(_, t)| t.parse().unwrap())
            .or_else(|| v.sign.get("timestamp").and_then(Value::as_u64))
            .unwrap_or(0);
        let mut options = SignOptions::at(timestamp);
        options.url = Some(given("url").unwrap_or_else(|| "https://receiver.example/gengo".into()));
        options.id = given("id");
        let signed = sign(v.provider.as_str(), &v.body, secret.as_bytes(), &options).unwrap();
        for (name, value) in &v.headers {
            // Headers that describe the event rather than prove it; sign makes the proof.
            let descriptive = [
                "x-webhook-event",
                "x-github-event",
                "x-github-delivery",
                "x-shopify-topic",
                "x-shopify-webhook-id",
                "x-gitlab-event",
                "x-wc-webhook-topic",
                "x-event-key",
                "sentry-hook-resource",
                "twitch-eventsub-message-type",
                "twitch-eventsub-subscription-type",
            ];
            if descriptive.iter().any(|d| name.eq_ignore_ascii_case(d)) {
                continue;
            }
            let ours = signed
                .headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name));
            assert_eq!(
                ours.map(|(_, v)| v.to_ascii_lowercase()),
                Some(value.to_ascii_lowercase()),
                "vector {i} {name}"
            );
        }
        let token_scheme = signed.url.is_some();
        assert_eq!(
            signed.url.is_some(),
            token_scheme && v.url.is_some(),
            "vector {i}"
        );
        if token_scheme {
            assert_eq!(signed.url, v.url, "vector {i}");
        }
    }
}

#[test]
fn vectors_file_is_what_the_script_prints() {
    let output = std::process::Command::new("python3")
        .arg("make_vectors.py")
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vectors"))
        .output()
        .expect("python3 runs (the vectors come from an independent implementation)");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        VECTORS,
        "regenerate vectors.json"
    );
}
