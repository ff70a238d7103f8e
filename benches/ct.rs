//! `make bench-ct`: dudect's test (Welch's t over many timings) that the signature check
//! does not leak how much of a forged signature was right. Left: signatures right in every
//! byte but the last; right: wrong from the first byte. |t| < 4.5 means no leak detected.
//! A measurement, not a test: run on a quiet machine.
use dudect_bencher::ctbench::{run_benches_console, BenchMetadata, BenchName, BenchOpts};
use dudect_bencher::rand::RngExt;
use dudect_bencher::{BenchRng, Class, CtRunner};
use hookproof::{sign, Delivery, Options, SignOptions, Verifier};

const BODY: &[u8] =
    br#"{"jobId":5,"eventType":"JobStarted","jobName":"Open House","jobStatus":"InProgress"}"#;

fn signature_compare(runner: &mut CtRunner, rng: &mut BenchRng) {
    let signed = sign("g2sentry", BODY, b"ct-secret", &SignOptions::at(0)).unwrap();
    let genuine = signed.headers[1].1.clone();
    // Wrong only in the last byte, or wrong from the first: both are refused.
    let flip = |at: usize| {
        let mut hex = genuine.clone().into_bytes();
        hex[at] = if hex[at] == b'0' { b'1' } else { b'0' };
        String::from_utf8(hex).unwrap()
    };
    let late = vec![("X-Signature".to_owned(), flip(63))];
    let early = vec![("X-Signature".to_owned(), flip(0))];
    let verifier = Verifier::new("g2sentry", &["ct-secret"], Options::default()).unwrap();
    for _ in 0..200_000 {
        let (class, headers) = if rng.random::<bool>() {
            (Class::Left, &late)
        } else {
            (Class::Right, &early)
        };
        runner.run_one(class, || {
            verifier.verify(&Delivery::new(headers, BODY), 0).is_err()
        });
    }
}

fn main() {
    // `cargo test --all-targets` runs a bench target's `main` too, without `--bench`. A
    // measurement that cannot fail does not belong in `make test`: only `cargo bench` (and
    // `make bench-ct`, which passes `--bench`) measures.
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("ct: a measurement, not a test; run it with `make bench-ct`");
        return;
    }
    let benches = vec![BenchMetadata {
        name: BenchName("signature_compare"),
        seed: None,
        benchfn: signature_compare,
    }];
    run_benches_console(BenchOpts::default(), benches).expect("write the results");
}
