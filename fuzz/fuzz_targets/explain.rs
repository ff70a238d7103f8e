//! `explain` on arbitrary deliveries: its variants (JSON re-formatting, charsets, line
//! endings) and lenient signature reading must never panic, and it must agree with verify.
#![no_main]
#[path = "split.rs"]
mod split;

use hookproof::{explain, verify, Delivery, Options, Provider};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (selector, header_text, body, url) = split::parts(data);
    let provider = Provider::ALL[usize::from(selector) % Provider::ALL.len()];
    let headers = split::headers(header_text);
    let url = String::from_utf8_lossy(url);
    let delivery = Delivery::new(&headers, body).with_url(&url);
    let secrets = ["fuzz-secret", " padded "];
    let diagnosis = explain(provider, &delivery, &secrets, &Options::default(), 1_700_000_000);
    let verified = verify(provider, &delivery, &secrets, &Options::default(), 1_700_000_000);
    assert_eq!(diagnosis.error.is_none(), verified.is_ok());
});
