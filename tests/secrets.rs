//! No secret, in any form a sender might use, ever appears in an error, a `Debug` output or
//! an `explain` cause — for every provider and every error path.

use hookproof::{explain, sign, verify, Delivery, Options, Provider, SignOptions, Verifier};

const NOW: u64 = 1_700_000_000;

/// A name, headers, body and URL.
type Case<'a> = (&'a str, &'a [(String, String)], &'a [u8], Option<&'a str>);
const SECRET: &str = "Zq9-SECRET-do-not-print-7Kx";
const SIR_SECRET: &str = "whsec_5ec12e75ec12e75ec12e75ec12e75ec12e75ec12e75ec12e75ec12e75ec1";
/// Standard Webhooks keys are base64 after `whsec_`.
const SW_SECRET: &str = "whsec_U2VjcmV0LWRvLW5vdC1wcmludC1aeDk3S3FtUTRyVw==";
/// Discord signs with an Ed25519 private key (the seed) and is verified with the public key.
const DISCORD_SEED: &str = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
/// SendGrid signs with an ECDSA P-256 private key; the receiver holds the public key.
const SENDGRID_PRIVATE: &str = "1f2e3d4c5b6a79880123456789abcdef0123456789abcdef0123456789abcdef";
const SENDGRID_PUBLIC: &str = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE74gMjvgWiBeWwYjlcbAaxvcMUmJ0VtrkhnWO/9nGPd1c28EeJIg6ElmCQqlYdblqiFT2S/+ayaM4ELgfFU9U5Q==";
const DISCORD_PUBLIC: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

const ADYEN_SECRET: &str = "5EC12E75EC12E75EC12E75EC12E75EC12E75EC12E75EC12E75EC12E75EC12E75";

fn body(provider: Provider) -> &'static str {
    match provider.name() {
        "g2sentry" => r#"{"jobId":5,"eventType":"JobStarted","jobStatus":"InProgress"}"#,
        "contentspal" => {
            r#"{"event":"job.created","timestamp":"2026-03-03T14:30:00.000Z","organizationId":"o","job":{"id":"j"}}"#
        }
        "sir" => r#"{"id":"evt_1","type":"user.created","data":{}}"#,
        _ => "job=%7B%22job_id%22%3A1%2C%22status%22%3A%22available%22%7D",
    }
}

/// The secret, and what leaks would look like: its hex and base64 forms, the bare part.
fn forbidden(secret: &str) -> Vec<String> {
    use base64::Engine as _;
    let hex: String = secret.bytes().map(|b| format!("{b:02x}")).collect();
    let bare = secret.trim_start_matches("whsec_");
    vec![
        secret.to_owned(),
        bare[..16].to_owned(),
        hex[..24].to_owned(),
        base64::engine::general_purpose::STANDARD.encode(secret)[..16].to_owned(),
    ]
}

fn assert_clean(what: &str, text: &str, secret: &str) {
    for needle in forbidden(secret) {
        assert!(!text.contains(&needle), "{what} shows the secret: {text}");
    }
}

#[test]
fn every_error_path_of_every_provider_is_clean() {
    for &provider in Provider::ALL {
        let (signing, secret) = match provider.name() {
            "sir" => (SIR_SECRET, SIR_SECRET),
            "standardwebhooks" => (SW_SECRET, SW_SECRET),
            "discord" => (DISCORD_SEED, DISCORD_PUBLIC),
            // Adyen's HMAC key is hex, decoded.
            "adyen" => (ADYEN_SECRET, ADYEN_SECRET),
            "sendgrid" => (SENDGRID_PRIVATE, SENDGRID_PUBLIC),
            _ => (SECRET, SECRET),
        };
        let good_body = body(provider).as_bytes();
        let signed = sign(
            provider,
            good_body,
            signing.as_bytes(),
            &SignOptions {
                url: Some("/cb".into()),
                ..SignOptions::at(NOW)
            },
        )
        .unwrap();
        let url = signed.url.clone().unwrap_or_default();
        let headers = signed.headers.clone();
        let mangled: Vec<(String, String)> = headers
            .iter()
            .map(|(n, v)| (n.clone(), format!("{v}0")))
            .collect();
        let no_headers: Vec<(String, String)> = vec![];
        let big = vec![b' '; (1 << 20) + 1];
        let deliveries: Vec<Case> = vec![
            ("genuine", &headers, good_body, Some(&url)),
            ("tampered", &headers, b"{\"jobId\":6}", Some(&url)),
            ("mangled headers", &mangled, good_body, Some("/cb?token=x")),
            ("no headers", &no_headers, good_body, None),
            ("too large", &headers, &big, Some(&url)),
            ("not JSON", &headers, b"not json", Some(&url)),
        ];
        for (name, headers, body, url) in deliveries {
            let mut delivery = Delivery::new(&headers, body);
            if let Some(url) = url {
                delivery = delivery.with_url(url);
            }
            for secrets in [vec![secret], vec!["wrong", secret], vec![" padded "]] {
                if let Err(error) = verify(
                    provider,
                    &delivery,
                    &secrets,
                    &Options::default(),
                    NOW + 100_000,
                ) {
                    assert_clean(name, &format!("{error} {error:?}"), secret);
                }
                let diagnosis = explain(
                    provider,
                    &delivery,
                    &secrets,
                    &Options::default(),
                    NOW + 100_000,
                );
                assert_clean(name, &format!("{diagnosis:?}"), secret);
            }
        }
        let verifier = Verifier::new(provider, &[secret], Options::default()).unwrap();
        assert_clean("Verifier's Debug", &format!("{verifier:?}"), secret);
        let empty = Verifier::new(provider, &[""], Options::default()).unwrap_err();
        assert_eq!(empty.code().as_str(), "invalid_secret");
    }
}
