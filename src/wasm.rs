//! The JavaScript boundary (wasm-bindgen). Its only caller is `pkg/api.js`, which
//! validates arguments, picks the scheme's header values out of whatever header shape the
//! user has, and turns the replies below into events or `WebhookError`s.
//!
//! Every function answers with one string: an event, hint list or signed delivery as
//! JSON, or `!<code>\n<message>` for a refusal. One string per call keeps boundary
//! crossings and JS allocations to a minimum (`JSON.parse` is fast), and nothing here
//! throws, so no failure unwinds through the glue. Nothing here may panic either: the
//! release profile aborts on panic, which would surface in JS as a wasm trap.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::providers::gengo;
use crate::{Delivery, Error, ErrorCode, Options, Proof, Provider, SignOptions, Verifier};

fn refusal(error: &Error) -> String {
    format!("!{}\n{}", error.code().as_str(), error.message())
}

fn to_reply<T: Serialize>(result: Result<T, Error>) -> String {
    match result {
        Ok(value) => serde_json::to_string(&value).unwrap_or_else(|cause| {
            format!("!invalid_payload\ncould not serialize the result: {cause}")
        }),
        Err(error) => refusal(&error),
    }
}

/// JS numbers arrive as `f64`; `api.js` has already checked they are whole and
/// non-negative, and `as` saturates instead of panicking on anything else.
fn whole(value: f64) -> u64 {
    value as u64
}

fn options(tolerance_seconds: f64, max_body_bytes: f64, token_param: String) -> Options {
    Options {
        tolerance_seconds: whole(tolerance_seconds),
        max_body_bytes: max_body_bytes as usize,
        token_param,
    }
}

/// Secrets arrive concatenated with their lengths, so a whole rotation list costs two
/// copies across the boundary instead of one per secret.
fn split_secrets<'a>(bytes: &'a [u8], lengths: &[u32]) -> Result<Vec<&'a [u8]>, Error> {
    let mut rest = bytes;
    let mut secrets = Vec::with_capacity(lengths.len());
    for &length in lengths {
        let length = length as usize;
        if length > rest.len() {
            break;
        }
        let (secret, tail) = rest.split_at(length);
        secrets.push(secret);
        rest = tail;
    }
    if secrets.len() != lengths.len() || !rest.is_empty() {
        return Err(Error::new(
            ErrorCode::InvalidSecret,
            "secret lengths do not add up to the bytes passed",
        ));
    }
    Ok(secrets)
}

/// The header names a provider's proof reads, as `<signature>\n<timestamp>` (either may
/// be empty; both are for a URL token), so that JS extracts only those values.
#[wasm_bindgen]
pub fn scheme(provider: &str) -> String {
    match Provider::from_name(provider) {
        Ok(provider) => match provider.proof() {
            Proof::HmacHex(hmac) => format!(
                "{}\n{}",
                hmac.signature_header,
                hmac.timestamp_header.unwrap_or("")
            ),
            Proof::UrlToken => String::from("\n"),
        },
        Err(error) => refusal(&error),
    }
}

/// A [`Verifier`] held by JS: keys are prepared once, in the constructor.
#[wasm_bindgen]
pub struct Core {
    verifier: Verifier,
}

#[wasm_bindgen]
impl Core {
    /// Throws the refusal string (never anything else) when the provider or a secret is
    /// refused; `api.js` turns it into a `WebhookError`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        provider: &str,
        secrets: &[u8],
        lengths: &[u32],
        tolerance_seconds: f64,
        max_body_bytes: f64,
        token_param: String,
    ) -> Result<Core, String> {
        let secrets = split_secrets(secrets, lengths).map_err(|e| refusal(&e))?;
        let options = options(tolerance_seconds, max_body_bytes, token_param);
        Verifier::new(provider, &secrets, options)
            .map(|verifier| Core { verifier })
            .map_err(|e| refusal(&e))
    }

    /// The hot path: only the proof's header values cross the boundary, not the whole
    /// header collection.
    pub fn verify(
        &self,
        body: &[u8],
        signature: Option<String>,
        timestamp: Option<String>,
        url: Option<String>,
        now: f64,
    ) -> String {
        // Unused slots keep an empty name, which no scheme header matches.
        let mut headers = [("", ""); 2];
        if let Proof::HmacHex(hmac) = self.verifier.provider().proof() {
            if let Some(signature) = signature.as_deref() {
                headers[0] = (hmac.signature_header, signature);
            }
            if let (Some(name), Some(timestamp)) = (hmac.timestamp_header, timestamp.as_deref()) {
                headers[1] = (name, timestamp);
            }
        }
        let delivery = Delivery {
            headers: &headers,
            body,
            url: url.as_deref(),
        };
        to_reply(self.verifier.verify(&delivery, whole(now)))
    }
}

/// Decodes without any proof; only the size limit applies.
#[wasm_bindgen]
pub fn parse(provider: &str, body: &[u8], max_body_bytes: f64) -> String {
    let headers: [(&str, &str); 0] = [];
    let options = Options {
        max_body_bytes: max_body_bytes as usize,
        ..Options::default()
    };
    to_reply(crate::parse(
        provider,
        &Delivery::new(&headers, body),
        &options,
    ))
}

/// Diagnoses a failing delivery. Headers come as a JSON array of `[name, value]` pairs:
/// diagnosis looks at all of them (similar names), and it is not on the hot path.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn explain(
    provider: &str,
    headers_json: &str,
    body: &[u8],
    url: Option<String>,
    secrets: &[u8],
    lengths: &[u32],
    tolerance_seconds: f64,
    max_body_bytes: f64,
    token_param: String,
    now: f64,
) -> String {
    let headers: Vec<(String, String)> = match serde_json::from_str(headers_json) {
        Ok(headers) => headers,
        Err(cause) => {
            return format!("!invalid_argument\nheaders are not name/value pairs: {cause}")
        }
    };
    let secrets = match split_secrets(secrets, lengths) {
        Ok(secrets) => secrets,
        Err(error) => return refusal(&error),
    };
    let delivery = Delivery {
        headers: &headers,
        body,
        url: url.as_deref(),
    };
    let options = options(tolerance_seconds, max_body_bytes, token_param);
    to_reply(Ok(crate::explain(
        provider,
        &delivery,
        &secrets,
        &options,
        whole(now),
    )))
}

#[derive(Serialize)]
struct SignedReply<'a> {
    headers: &'a [(String, String)],
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// Signs a test delivery the way the provider would.
#[wasm_bindgen]
pub fn sign(
    provider: &str,
    body: &[u8],
    secret: &[u8],
    timestamp: f64,
    url: Option<String>,
    token_param: String,
) -> String {
    let options = SignOptions {
        timestamp: whole(timestamp),
        url,
        token_param,
    };
    match crate::sign(provider, body, secret, &options) {
        Ok(signed) => to_reply(Ok(SignedReply {
            headers: &signed.headers,
            url: signed.url.as_deref(),
        })),
        Err(error) => refusal(&error),
    }
}

/// Gengo's form body (`<kind>=<url-encoded JSON>`), so `sign` encodes object bodies
/// exactly as the Rust side does.
#[wasm_bindgen(js_name = gengoForm)]
pub fn gengo_form(kind: &str, json: &str) -> String {
    gengo::form_body(kind, json)
}
