//! Test-only: the work `explain` really does, counted by `crate::work_counter` in the one
//! function every HMAC goes through, against the README's figures, written here as
//! numbers: "for each of the first 8 secrets at most 45 HMAC-SHA256 computations, each
//! over at most four times the body's size". (The code's own constants are not used, so
//! raising one of them cannot raise the bound with it.)

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use crate::work_counter::{self, Work};
use crate::{explain, sign, Delivery, Options, SignOptions};

const FIRST_SECRETS: usize = 8;
const HMACS_PER_SECRET: usize = 45;
const GROWTH: usize = 4;
const NOW: u64 = 1_700_000_000;

/// What `explain` costs on this delivery with `count` secrets, none of them the signer's.
fn work_with(provider: &str, headers: &[(String, String)], body: &[u8], count: usize) -> Work {
    let secrets: Vec<String> = (0..count).map(|i| format!("not-the-key-{i}")).collect();
    work_counter::take();
    let diagnosis = explain(
        provider,
        &Delivery::new(&headers, body),
        &secrets,
        &Options::default(),
        NOW,
    );
    assert!(diagnosis.error.is_some());
    work_counter::take()
}

/// Deliveries that make `explain` search hard: signed with another key, so no variant
/// matches and every one is tried. (provider, signed body, received body)
fn hard_deliveries() -> Vec<(&'static str, String, String)> {
    let fields: Vec<String> = (0..400)
        .map(|i| format!(r#""field{i}":{{"n":{i},"s":"value {i}","a":[1,2,3]}}"#))
        .collect();
    let wide = format!(
        r#"{{"jobId":5,"eventType":"JobStarted","jobStatus":"New",{}}}"#,
        fields.join(",")
    );
    // Pretty-printing this would multiply its size many times: explain must skip it.
    let deep_and_wide = "[".repeat(120) + &"0,".repeat(50_000) + "0" + &"]".repeat(120);
    let mut pretty = String::new();
    for (i, field) in fields.iter().enumerate() {
        pretty.push_str(if i == 0 { "{\n  " } else { ",\n  " });
        pretty.push_str(field);
    }
    pretty.push_str("\n}\n");
    let sir = format!(
        r#"{{"id":"evt_1","type":"user.created","data":{{{}}}}}"#,
        fields.join(",")
    );
    Vec::from([
        ("g2sentry", wide.clone(), wide.clone()),
        ("g2sentry", wide.clone(), pretty.replace('\n', "\r\n")),
        ("contentspal", deep_and_wide.clone(), deep_and_wide),
        ("sir", sir.clone(), format!("\u{feff}{sir}\n")),
    ])
}

#[test]
fn explain_computes_at_most_45_hmacs_for_each_of_the_first_8_secrets() {
    for (provider, signed_body, received) in hard_deliveries() {
        let headers = sign(
            provider,
            signed_body.as_bytes(),
            b"the-signer's-key",
            &SignOptions::at(NOW),
        )
        .unwrap()
        .headers;
        let body = received.as_bytes();
        let mut diagnosis_of_first = None;
        for count in [1, 3, FIRST_SECRETS, 20] {
            let work = work_with(provider, &headers, body, count);
            // The verification itself tries every secret once, as verify() does; the
            // diagnosis after it is what the bound is about.
            let diagnosis = work.hmacs - count;
            let diagnosed = count.min(FIRST_SECRETS);
            assert!(
                work.hmacs <= count + HMACS_PER_SECRET * diagnosed,
                "{provider}, {count} secrets: {work:?}"
            );
            // Not vacuous: the search did run, for every diagnosed secret.
            assert!(
                diagnosis >= 2 * diagnosed,
                "{provider}, {count} secrets: {work:?}"
            );
            // Secrets past the eighth are not diagnosed at all.
            if count >= FIRST_SECRETS {
                assert_eq!(
                    *diagnosis_of_first.get_or_insert(diagnosis),
                    diagnosis,
                    "{provider}: {count} secrets cost more diagnosis than {FIRST_SECRETS}"
                );
            }
        }
    }
}

#[test]
fn each_hmac_covers_at_most_four_times_the_body() {
    for (provider, signed_body, received) in hard_deliveries() {
        let headers = sign(
            provider,
            signed_body.as_bytes(),
            b"the-signer's-key",
            &SignOptions::at(NOW),
        )
        .unwrap()
        .headers;
        // What the provider signs of this delivery: the body, or `<timestamp>.<body>`.
        let signed_len = received.len()
            + if provider == "sir" {
                NOW.to_string().len() + 1
            } else {
                0
            };
        let work = work_with(provider, &headers, received.as_bytes(), 2);
        assert!(
            received.len() >= 16 * 1024,
            "a body large enough for the ratio to tell"
        );
        assert!(
            work.largest <= GROWTH * signed_len,
            "{provider}: one HMAC over {} bytes for a {signed_len}-byte delivery",
            work.largest
        );
        assert!(
            work.bytes <= work.hmacs * GROWTH * signed_len,
            "{provider}: {work:?}"
        );
    }
}
