//! Gengo's form decoder (percent-encoding, `job` / `comment`, JSON inside, flexible
//! numbers): any body decodes or is refused with a body code.
#![no_main]

use hookproof::{parse, Delivery, ErrorCode, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let none: [(&str, &str); 0] = [];
    if let Err(error) = parse("gengo", &Delivery::new(&none, data), &Options::default()) {
        assert!(matches!(error.code(), ErrorCode::MalformedBody | ErrorCode::InvalidPayload | ErrorCode::BodyTooLarge), "{error:?}");
    }
});
