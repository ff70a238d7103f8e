//! Each provider's verify + decode on arbitrary headers, body and URL: any outcome but a
//! panic is fine; a signed delivery of the same body must verify when its body decodes.
#![no_main]
#[path = "split.rs"]
mod split;

use hookproof::{parse, sign, verify, Delivery, Options, SignOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = split::Input::new(data);
    let (provider, body) = (input.provider, input.body);
    let delivery = input.delivery();
    let secrets = ["fuzz-secret", "whsec_other"];
    let _ = verify(provider, &delivery, &secrets, &Options::default(), 1_700_000_000);
    let decoded = parse(provider, &delivery, &Options::default());

    // Signing then verifying the same body agrees with decoding it alone.
    let signed = sign(provider, body, b"fuzz-secret", &SignOptions { url: Some("/cb".into()), ..SignOptions::at(1_700_000_000) }).unwrap();
    let mut genuine = Delivery::new(&signed.headers, body);
    if let Some(url) = signed.url.as_deref() {
        genuine = genuine.with_url(url);
    }
    let verified = verify(provider, &genuine, &secrets, &Options::default(), 1_700_000_000);
    assert_eq!(verified.is_ok(), decoded.is_ok(), "a signed delivery verifies exactly when its body decodes");
});
