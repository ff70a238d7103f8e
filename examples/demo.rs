//! Signs a sample delivery for each provider (as the provider would), verifies it, and
//! prints the decoded event; then shows a tampered delivery refused and explained.
//!
//! Run with `make demo` or `cargo run --example demo`.

use hookproof::providers::gengo;
use hookproof::{explain, sign, unix_now, Delivery, Options, SignOptions, Verifier};

struct Sample {
    provider: &'static str,
    secret: &'static str,
    body: String,
}

fn samples() -> Vec<Sample> {
    vec![
        Sample {
            provider: "g2sentry",
            secret: "g2-callback-secret",
            body: r#"{"jobId":5,"eventType":"JobStarted","jobName":"Open House at 123 Main St","jobStatus":"InProgress","guardianPhone":"+12345678901"}"#.into(),
        },
        Sample {
            provider: "contentspal",
            secret: "contentspal-signing-secret",
            body: r#"{"event":"job.updated","timestamp":"2026-03-03T14:30:00.000Z","organizationId":"abc123","job":{"id":"job-uuid","name":"Smith Residence - Fire Damage","status":"inventory","ownerUserId":"user-uuid","createdAt":"2026-03-01T10:00:00.000Z","updatedAt":"2026-03-03T14:30:00.000Z"},"changes":[{"field":"jobName","oldValue":"Smith Residence","newValue":"Smith Residence - Fire Damage"}]}"#.into(),
        },
        Sample {
            provider: "sir",
            secret: "whsec_6a1f0c9e2b7d4a8f5e3c1b9d7f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b3d5f7a",
            body: r#"{"id":"evt_abc123","type":"action.completed","createdAt":"2026-05-10T09:12:00Z","data":{"actionId":"act_42","tokensDistributed":25}}"#.into(),
        },
        Sample {
            provider: "gengo",
            secret: "gengo-url-token",
            body: gengo::form_body(
                "job",
                r#"{"job_id":"384985","order_id":"232","slug":"00123","body_src":"Hello","lc_src":"en","lc_tgt":"fr","unit_count":"1","credits":"0.05","currency":"USD","status":"reviewable","eta":"","ctime":"1388632254","auto_approve":"0","custom_data":"42"}"#,
            ),
        },
    ]
}

fn main() -> Result<(), hookproof::Error> {
    let now = unix_now();
    for sample in samples() {
        let mut sign_options = SignOptions::at(now);
        sign_options.url = Some("https://receiver.example/callbacks/gengo".into());
        let signed = sign(
            sample.provider,
            sample.body.as_bytes(),
            sample.secret.as_bytes(),
            &sign_options,
        )?;
        let mut delivery = Delivery::new(&signed.headers, sample.body.as_bytes());
        if let Some(url) = &signed.url {
            delivery = delivery.with_url(url);
        }

        let verifier = Verifier::new(sample.provider, &[sample.secret], Options::default())?;
        let event = verifier.verify(&delivery, now)?;
        println!(
            "== {} ({} byte body) — verified",
            sample.provider,
            sample.body.len()
        );
        for (name, value) in &signed.headers {
            println!("   {name}: {value}");
        }
        if let Some(url) = &signed.url {
            println!("   url: {url}");
        }
        println!(
            "{}",
            serde_json::to_string_pretty(&event).expect("events serialize")
        );
    }

    println!("== a SIR delivery whose body a framework re-formatted after signing");
    let sample = &samples()[2];
    let signed = sign(
        "sir",
        sample.body.as_bytes(),
        sample.secret.as_bytes(),
        &SignOptions::at(now),
    )?;
    let reformatted = sample.body.replace(",\"", ", \"").replace("\":", "\": ");
    let delivery = Delivery::new(&signed.headers, reformatted.as_bytes());
    let diagnosis = explain("sir", &delivery, &[sample.secret], &Options::default(), now);
    if let Some(error) = &diagnosis.error {
        println!("   refused: {error}");
    }
    for (rank, cause) in diagnosis.causes.iter().enumerate() {
        println!("   {}. {}: {}", rank + 1, cause.code, cause.message);
    }
    Ok(())
}
