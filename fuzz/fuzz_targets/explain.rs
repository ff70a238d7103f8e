//! `explain` on arbitrary deliveries: its variants (JSON re-formatting, charsets, line
//! endings) and lenient signature reading must never panic, and it must agree with verify.
#![no_main]
#[path = "split.rs"]
mod split;

use hookproof::{explain, verify, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = split::Input::new(data);
    let provider = input.provider;
    let delivery = input.delivery();
    let secrets = ["fuzz-secret", " padded "];
    let diagnosis = explain(provider, &delivery, &secrets, &Options::default(), 1_700_000_000);
    let verified = verify(provider, &delivery, &secrets, &Options::default(), 1_700_000_000);
    assert_eq!(diagnosis.error.is_none(), verified.is_ok());
});
