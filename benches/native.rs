//! Native baseline for the wasm benchmarks (`make bench`): the same core, the same
//! deliveries. Run once with the default sha2 backend (SHA extensions when the CPU has
//! them) and once with `--cfg sha2_backend="soft"` (the portable code wasm runs).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use hookproof::{sign, Delivery, Options, SignOptions, Verifier};

const SECRET: &[u8] = b"bench-secret-0123456789";
const NOW: u64 = 1_778_404_320;
pub const SIZES: [usize; 6] = [256, 1024, 4096, 16384, 65536, 1 << 20];

/// A G2 Sentry / SIR-shaped JSON body of exactly `size` bytes (the same recipe as the JS
/// harness in benches/js/deliveries.mjs).
fn body(provider: &str, size: usize) -> Vec<u8> {
    let head = if provider == "sir" {
        r#"{"id":"evt_bench","type":"action.completed","createdAt":"2026-05-10T09:12:00Z","data":{"actionId":"act_1","tokensDistributed":25,"note":""#
    } else {
        r#"{"jobId":5,"eventType":"JobAssigned","jobStatus":"Assigned","jobName":""#
    };
    let tail = if provider == "sir" { "\"}}" } else { "\"}" };
    let pad = size.saturating_sub(head.len() + tail.len());
    let mut out = String::with_capacity(size);
    out.push_str(head);
    out.extend(std::iter::repeat_n('x', pad));
    out.push_str(tail);
    out.into_bytes()
}

fn verify_and_decode(c: &mut Criterion) {
    for provider in ["g2sentry", "sir"] {
        let mut group = c.benchmark_group(format!("verify_decode/{provider}"));
        let verifier = Verifier::new(
            provider,
            &[SECRET],
            Options {
                max_body_bytes: 2 << 20,
                ..Options::default()
            },
        )
        .unwrap();
        for size in SIZES {
            let body = body(provider, size);
            let headers = sign(provider, &body, SECRET, &SignOptions::at(NOW))
                .unwrap()
                .headers;
            group.throughput(Throughput::Bytes(size as u64));
            group.bench_with_input(BenchmarkId::from_parameter(size), &body, |b, body| {
                b.iter(|| {
                    verifier
                        .verify(&Delivery::new(&headers, body), NOW)
                        .unwrap()
                })
            });
        }
        group.finish();
    }
}

fn hash_throughput(c: &mut Criterion) {
    let mut group = c.benchmark_group("prove_1mib");
    let verifier = Verifier::new(
        "g2sentry",
        &[SECRET],
        Options {
            max_body_bytes: 2 << 20,
            ..Options::default()
        },
    )
    .unwrap();
    let body = body("g2sentry", 1 << 20);
    let headers = sign("g2sentry", &body, SECRET, &SignOptions::at(NOW))
        .unwrap()
        .headers;
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("g2sentry", |b| {
        b.iter(|| {
            verifier
                .prove(&Delivery::new(&headers, &body), NOW)
                .unwrap()
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
    targets = verify_and_decode, hash_throughput
}
criterion_main!(benches);
