//! The JavaScript boundary (wasm-bindgen). Its only caller is `pkg/api.js`, which
//! validates arguments, picks the scheme's header values out of whatever header shape the
//! user has, and turns the replies below into events or `WebhookError`s.
//!
//! Every function answers with one string: an event in the compact form of
//! [`event_reply`], a hint list or signed delivery as JSON, or `!<code>\n<message>` for a
//! refusal. One string per call keeps boundary crossings and JS allocations to a minimum,
//! and nothing here throws, so no failure unwinds through the glue. Nothing here may panic either: the
//! release profile aborts on panic, which would surface in JS as a wasm trap.

use alloc::boxed::Box;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use serde::Serialize;
use serde_json::value::RawValue;
use wasm_bindgen::prelude::*;

use crate::providers::{gengo, Resolved};
use crate::scheme::{Challenge, Field, Locator, Part, Proof, Scheme, TokenAt};
use crate::{
    Delivery, Error, ErrorCode, Event, Headers, Options, Provider, SignOptions, Verifier,
    DIGEST_LEN,
};

// The npm package's module (`--no-default-features --features wasm`) links no std (see
// Cargo.toml): it brings its own allocator and a panic handler that traps. Nothing here
// panics on input; the handler exists because the language requires one. Builds with std
// (default features, tests) have both already.
#[cfg(not(any(feature = "std", test)))]
#[global_allocator]
static ALLOCATOR: dlmalloc::GlobalDlmalloc = dlmalloc::GlobalDlmalloc;

#[cfg(not(any(feature = "std", test)))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}

fn refusal(error: &Error) -> String {
    format!("!{}\n{}", error.code().as_str(), error.message())
}

fn serialize_failed(cause: serde_json::Error) -> String {
    format!("!invalid_payload\ncould not serialize the result: {cause}")
}

fn to_json<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(serialize_failed)
}

fn to_reply<T: Serialize>(result: Result<T, Error>) -> String {
    match result {
        Ok(value) => to_json(&value).unwrap_or_else(|refused| refused),
        Err(error) => refusal(&error),
    }
}

/// An event as JSON, for the rare one [`event_reply`] cannot send in its compact form.
/// Not `Event` itself: serializing it would put every provider's payload serializer into
/// the module, for payloads JS takes from the body anyway.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Envelope<'a> {
    provider: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    id: Option<&'a str>,
    dedupe_key: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    payload: Option<Box<RawValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    challenge: Option<&'a str>,
}

/// An event, in the cheapest form for `api.js` to take apart:
///
/// `=<type>\n<dedupeKey>\n<-, or + and the id>\n<payload JSON, or nothing>`
///
/// An event with a challenge answer goes out as plain JSON (rare: once per endpoint).
///
/// The envelope's strings are read with `indexOf`/`slice`, which costs a fraction of a
/// `JSON.parse`. A string with a newline of its own would break that; such an event (none
/// is known) goes out as plain JSON instead. The payload is left out where it is the
/// body's own JSON document: `api.js` parses the body it already holds, so neither a
/// re-serialization here nor a copy of the body back across the boundary is paid for, and
/// fields this version does not know reach the user instead of being dropped. The typed
/// decoding has already proved the body's shape.
fn event_reply(result: Result<Event, Error>, body: &[u8]) -> String {
    let event = match result {
        Ok(event) => event,
        Err(error) => return refusal(&error),
    };
    let payload = match event.payload.derived_json(body) {
        None => None,
        Some(Ok(json)) => Some(json),
        Some(Err(cause)) => return serialize_failed(cause),
    };
    let id = event.id.as_deref();
    let fields = [Some(event.kind.as_str()), Some(&event.dedupe_key), id];
    if event.challenge.is_some() || fields.iter().flatten().any(|field| field.contains('\n')) {
        let payload = match payload.map(RawValue::from_string).transpose() {
            Ok(payload) => payload,
            Err(cause) => return serialize_failed(cause),
        };
        let envelope = Envelope {
            provider: event.provider.name(),
            kind: &event.kind,
            id,
            dedupe_key: &event.dedupe_key,
            payload,
            challenge: event.challenge.as_deref(),
        };
        return to_json(&envelope).unwrap_or_else(|refused| refused);
    }
    // "=", three newlines, the id marker, and the strings themselves.
    const MARKS: usize = 5;
    let mut reply = String::with_capacity(
        MARKS
            + event.kind.len()
            + event.dedupe_key.len()
            + id.map_or(0, str::len)
            + payload.as_deref().map_or(0, str::len),
    );
    for field in ["=", &event.kind, "\n", &event.dedupe_key, "\n"] {
        reply.push_str(field);
    }
    match id {
        Some(id) => {
            reply.push('+');
            reply.push_str(id);
        }
        None => reply.push('-'),
    }
    reply.push('\n');
    reply.push_str(payload.as_deref().unwrap_or(""));
    reply
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

/// Runs `work` on secret bytes as the JS glue hands them over (its own copy in wasm
/// memory, owned here: a borrowed `&[u8]` would be freed by the glue as is), in a frame of
/// its own below this one; then wipes the bytes and scrubs the stack `work` used, where
/// moves of a key schedule or a token digest leave copies no `zeroize` reaches.
/// (SECURITY.md; js-tests/cases.js, "secret wiping", scans the wasm memory for them.)
fn with_secrets<T>(mut secrets: Vec<u8>, work: impl FnOnce(&[u8]) -> T) -> T {
    let result = below(|| work(&secrets));
    zeroize::Zeroize::zeroize(secrets.as_mut_slice());
    scrub_stack();
    result
}

#[inline(never)]
fn below<T>(work: impl FnOnce() -> T) -> T {
    work()
}

/// Overwrites with zeros the stack below the caller, where the calls it made had their
/// frames. The deepest path measured, `explain` on JSON nested to serde_json's limit, uses
/// about 9 KiB; a verification about 4 KiB.
#[inline(never)]
fn scrub_stack() {
    let area = [0u8; 16 * 1024];
    // Observed, so the zeros are really written.
    core::hint::black_box(&area);
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

/// A provider's name or alias, or a user's declaration as JSON (it starts with `{`).
fn resolve(provider: &str) -> Result<Resolved, Error> {
    if provider.trim_start().starts_with('{') {
        return Scheme::from_json(provider).map(|scheme| Resolved::Declared(Box::new(scheme)));
    }
    Provider::from_name(provider).map(Resolved::Provider)
}

/// Every header a scheme reads — the signature's first, the timestamp's second (either
/// slot may be empty), then the others once each: JS extracts only those values.
fn header_names(scheme: &Scheme) -> Vec<String> {
    let mut names = alloc::vec![String::new(), String::new()];
    let mut rest: Vec<&str> = Vec::new();
    fn place(locator: &Locator) -> (Option<&str>, Option<&str>) {
        match locator {
            Locator::Header(name) => (Some(name), None),
            Locator::EitherHeader(a, b) => (Some(a), Some(b)),
            _ => (None, None),
        }
    }
    match &scheme.proof {
        Proof::Signature(signature) => {
            let (main, other) = place(&signature.location);
            names[0] = String::from(main.unwrap_or(""));
            rest.extend(other);
            for part in signature.signed.iter() {
                match part {
                    Part::Header(name) => rest.push(name),
                    Part::EitherHeader(a, b) => rest.extend([a.as_ref(), b.as_ref()]),
                    _ => {}
                }
            }
        }
        Proof::Token(TokenAt::Header(name)) => names[0] = String::from(name.as_ref()),
        Proof::Token(TokenAt::Basic) => names[0] = String::from("Authorization"),
        Proof::Token(TokenAt::Query) => {}
    }
    if let Some(timestamp) = &scheme.timestamp {
        let (main, other) = place(&timestamp.at);
        names[1] = String::from(main.unwrap_or(""));
        rest.extend(other);
    }
    let mut fields = alloc::vec![&scheme.event.kind, &scheme.event.id, &scheme.event.dedupe];
    if let Some(Challenge::Echo { when, .. } | Challenge::Fixed { when, .. }) = &scheme.challenge {
        fields.push(when);
    }
    for field in fields {
        match field {
            Field::Header(name) | Field::HeaderDotJson(name, _) => rest.push(name),
            Field::EitherHeader(a, b) => rest.extend([a.as_ref(), b.as_ref()]),
            _ => {}
        }
    }
    for name in rest {
        if !names.iter().any(|known| known.eq_ignore_ascii_case(name)) {
            names.push(String::from(name));
        }
    }
    names
}

/// What `api.js` needs of a scheme, one item a line: the canonical name (`svix` →
/// `standardwebhooks`; a declaration's own name), `h` when a host may compute the HMAC
/// itself (HMAC-SHA256 of a prefix and the body, keyed by the secret's bytes) else `-`,
/// then the headers the scheme reads ([`header_names`]; the first two may be empty).
#[wasm_bindgen]
pub fn scheme(provider: &str) -> String {
    match resolve(provider) {
        Ok(resolved) => {
            let scheme = resolved.scheme();
            let hashable = if crate::proof::host_hashable(scheme) {
                "h"
            } else {
                "-"
            };
            let mut reply = format!("{}\n{hashable}", scheme.name);
            for name in header_names(scheme) {
                reply.push('\n');
                reply.push_str(&name);
            }
            reply
        }
        Err(error) => refusal(&error),
    }
}

/// The registered providers' names, comma-separated, for `api.js`'s messages.
#[wasm_bindgen]
pub fn providers() -> String {
    Provider::names_joined()
}

/// Meta's subscription check (a `GET` with `hub.mode`, `hub.verify_token`, `hub.challenge`):
/// the challenge to answer with, or `undefined` (answer 403). See
/// [`crate::providers::meta::subscription_answer`].
/// The token arrives as bytes, so it is wiped (with the stack the comparison used) as a
/// secret is.
#[wasm_bindgen(js_name = metaSubscriptionAnswer)]
pub fn meta_subscription_answer(url: &str, verify_token: Vec<u8>) -> Option<String> {
    with_secrets(verify_token, |token| {
        let token = core::str::from_utf8(token).ok()?;
        crate::providers::meta::subscription_answer(url, token)
    })
}

/// X's CRC check: the JSON body to answer a `GET ?crc_token=…` with, keyed by the consumer
/// secret. See [`crate::providers::twitter::crc_response`].
/// The secret is wiped afterwards, and the stack the HMAC's key schedule used.
#[wasm_bindgen(js_name = twitterCrcResponse)]
pub fn twitter_crc_response(consumer_secret: Vec<u8>, crc_token: &str) -> String {
    with_secrets(consumer_secret, |secret| {
        crate::providers::twitter::crc_response(secret, crc_token)
    })
}

/// A [`Verifier`] held by JS: keys are prepared once, in the constructor.
#[wasm_bindgen]
pub struct Core {
    verifier: Verifier,
    /// The headers JS passes values of, in [`header_names`]' order.
    names: Vec<String>,
}

/// The header values JS picked out, as a lookup table by the scheme's names: the first
/// two as arguments, any others as a JSON array (so the seeds' path allocates nothing).
struct Picked<'a> {
    names: &'a [String],
    first: [Option<&'a str>; 2],
    others: Vec<Option<String>>,
}

impl Headers for Picked<'_> {
    fn for_each<'a>(&'a self, visit: &mut dyn FnMut(&'a str, &'a str) -> bool) {
        for (index, name) in self.names.iter().enumerate() {
            let value = match index {
                0 | 1 => self.first[index],
                _ => self.others.get(index - 2).and_then(|v| v.as_deref()),
            };
            if let (false, Some(value)) = (name.is_empty(), value) {
                if visit(name, value) {
                    return;
                }
            }
        }
    }
}

fn others(extra: Option<&str>) -> Result<Vec<Option<String>>, String> {
    match extra {
        None => Ok(Vec::new()),
        Some(json) => serde_json::from_str(json)
            .map_err(|cause| format!("!invalid_argument\nheader values are not a list: {cause}")),
    }
}

/// Freeing a Core (JS `free()`) wipes its keys in place (`Key`'s drop) and then the stack
/// its verifications used: HMAC state copies a verification's `finalize` left there.
impl Drop for Core {
    fn drop(&mut self) {
        scrub_stack();
    }
}

#[wasm_bindgen]
impl Core {
    /// Throws the refusal string (never anything else) when the provider or a secret is
    /// refused; `api.js` turns it into a `WebhookError`.
    #[wasm_bindgen(constructor)]
    pub fn new(
        provider: &str,
        secrets: Vec<u8>,
        lengths: &[u32],
        tolerance_seconds: f64,
        max_body_bytes: f64,
        token_param: String,
    ) -> Result<Core, String> {
        with_secrets(secrets, |secrets| {
            Core::prepare(
                provider,
                secrets,
                lengths,
                tolerance_seconds,
                max_body_bytes,
                token_param,
            )
        })
    }

    /// The hot path: only the scheme's header values cross the boundary, not the whole
    /// header collection. `extra`: the values of the headers after the first two, as a
    /// JSON array (`null` for absent ones), or nothing.
    #[allow(clippy::too_many_arguments)]
    pub fn verify(
        &self,
        body: &[u8],
        signature: Option<String>,
        timestamp: Option<String>,
        extra: Option<String>,
        url: Option<String>,
        method: Option<String>,
        now: f64,
    ) -> String {
        let others = match others(extra.as_deref()) {
            Ok(others) => others,
            Err(refused) => return refused,
        };
        let headers = self.picked(signature.as_deref(), timestamp.as_deref(), others);
        let delivery = Delivery {
            headers: &headers,
            body,
            url: url.as_deref(),
            method: method.as_deref(),
        };
        event_reply(self.verifier.verify(&delivery, whole(now)), body)
    }

    /// [`Core::verify`] with the HMACs computed by JS (Web Crypto, for large bodies):
    /// `macs` is one 32-byte digest per secret, concatenated. For the schemes `scheme`
    /// marks `h` only: others are checked as usual and `macs` ignored.
    #[wasm_bindgen(js_name = verifyWithMacs)]
    pub fn verify_with_macs(
        &self,
        body: &[u8],
        signature: Option<String>,
        timestamp: Option<String>,
        extra: Option<String>,
        now: f64,
        macs: &[u8],
    ) -> String {
        if macs.len() % DIGEST_LEN != 0 {
            return String::from("!invalid_argument\nMACs must be 32 bytes each");
        }
        let digests: Vec<[u8; DIGEST_LEN]> = macs
            .chunks_exact(DIGEST_LEN)
            .map(|chunk| {
                let mut digest = [0; DIGEST_LEN];
                digest.copy_from_slice(chunk);
                digest
            })
            .collect();
        let others = match others(extra.as_deref()) {
            Ok(others) => others,
            Err(refused) => return refused,
        };
        let headers = self.picked(signature.as_deref(), timestamp.as_deref(), others);
        let delivery = Delivery::new(&headers, body);
        event_reply(
            self.verifier
                .verify_with_macs(&delivery, whole(now), &digests),
            body,
        )
    }

    /// What JS must put before the body when it computes the HMACs itself, or the refusal
    /// the headers earn before any hashing (missing or malformed signature or timestamp).
    /// Prefixed `=`, so a prefix is never taken for a refusal. The body stays in JS: only
    /// its size would be checked here, and `api.js` has checked it already.
    #[wasm_bindgen(js_name = signedPrefix)]
    pub fn signed_prefix(
        &self,
        signature: Option<String>,
        timestamp: Option<String>,
        extra: Option<String>,
    ) -> String {
        let others = match others(extra.as_deref()) {
            Ok(others) => others,
            Err(refused) => return refused,
        };
        let headers = self.picked(signature.as_deref(), timestamp.as_deref(), others);
        match self.verifier.signed_prefix(&Delivery::new(&headers, &[])) {
            Ok(prefix) => format!("={prefix}"),
            Err(error) => refusal(&error),
        }
    }
}

impl Core {
    /// [`Core::new`] on secrets the caller wipes.
    fn prepare(
        provider: &str,
        secrets: &[u8],
        lengths: &[u32],
        tolerance_seconds: f64,
        max_body_bytes: f64,
        token_param: String,
    ) -> Result<Core, String> {
        let secrets = split_secrets(secrets, lengths).map_err(|e| refusal(&e))?;
        let options = options(tolerance_seconds, max_body_bytes, token_param);
        let resolved = resolve(provider).map_err(|e| refusal(&e))?;
        let names = header_names(resolved.scheme());
        Verifier::new(resolved, &secrets, options)
            .map(|verifier| Core { verifier, names })
            .map_err(|e| refusal(&e))
    }

    fn picked<'a>(
        &'a self,
        signature: Option<&'a str>,
        timestamp: Option<&'a str>,
        others: Vec<Option<String>>,
    ) -> Picked<'a> {
        Picked {
            names: &self.names,
            first: [signature, timestamp],
            others,
        }
    }
}

/// A one-shot `verify`: the keys prepared, the delivery verified and the keys dropped (and
/// wiped) in one call, so a single verification pays one boundary crossing and no JS
/// object, not three crossings and a `Verifier`.
#[wasm_bindgen(js_name = verifyOnce)]
#[allow(clippy::too_many_arguments)]
pub fn verify_once(
    provider: &str,
    secrets: Vec<u8>,
    lengths: &[u32],
    tolerance_seconds: f64,
    max_body_bytes: f64,
    token_param: Option<String>,
    body: &[u8],
    signature: Option<String>,
    timestamp: Option<String>,
    extra: Option<String>,
    url: Option<String>,
    method: Option<String>,
    now: f64,
) -> String {
    // `None`: the default parameter, without a string crossing the boundary.
    let token_param = token_param.unwrap_or_else(|| Options::default().token_param);
    // The keys are dropped (and wiped) inside, before the stack is scrubbed.
    with_secrets(secrets, |secrets| {
        match Core::prepare(
            provider,
            secrets,
            lengths,
            tolerance_seconds,
            max_body_bytes,
            token_param,
        ) {
            Ok(core) => core.verify(body, signature, timestamp, extra, url, method, now),
            Err(refused) => refused,
        }
    })
}

/// Decodes without any proof; only the size limit applies. `headers_json`: the delivery's
/// headers as `[name, value]` pairs, for schemes whose event fields are headers.
#[wasm_bindgen]
pub fn parse(
    provider: &str,
    body: &[u8],
    max_body_bytes: f64,
    headers_json: Option<String>,
) -> String {
    let headers: Vec<(String, String)> = headers_json
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    let options = Options {
        max_body_bytes: max_body_bytes as usize,
        ..Options::default()
    };
    let resolved = match resolve(provider) {
        Ok(resolved) => resolved,
        Err(error) => return refusal(&error),
    };
    event_reply(
        crate::parse(resolved, &Delivery::new(&headers, body), &options),
        body,
    )
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
    method: Option<String>,
    secrets: Vec<u8>,
    lengths: &[u32],
    tolerance_seconds: f64,
    max_body_bytes: f64,
    token_param: String,
    now: f64,
) -> String {
    with_secrets(secrets, |secrets| {
        let headers: Vec<(String, String)> = match serde_json::from_slice(headers_json.as_bytes()) {
            Ok(headers) => headers,
            Err(cause) => {
                return format!("!invalid_argument\nheaders are not name/value pairs: {cause}")
            }
        };
        let secrets = match split_secrets(secrets, lengths) {
            Ok(secrets) => secrets,
            Err(error) => return refusal(&error),
        };
        let resolved = match resolve(provider) {
            Ok(resolved) => resolved,
            // Like `crate::explain`: an unknown name is the diagnosis, not a failure of it.
            Err(error) => {
                return to_reply(Ok(crate::Diagnosis {
                    error: Some(error),
                    causes: Vec::new(),
                }))
            }
        };
        let delivery = Delivery {
            headers: &headers,
            body,
            url: url.as_deref(),
            method: method.as_deref(),
        };
        let options = options(tolerance_seconds, max_body_bytes, token_param);
        to_reply(Ok(crate::explain(
            resolved,
            &delivery,
            &secrets,
            &options,
            whole(now),
        )))
    })
}

/// What the provider signed for this delivery: `=` and the bytes before the body (the
/// caller holds the body) where the body comes last, `*` and all the signed bytes as hex
/// otherwise, `-` for a provider that signs nothing, or a refusal.
#[wasm_bindgen(js_name = signedPrefix)]
pub fn signed_prefix(
    provider: &str,
    headers_json: &str,
    body: &[u8],
    url: Option<String>,
    method: Option<String>,
) -> String {
    let headers: Vec<(String, String)> = serde_json::from_str(headers_json).unwrap_or_default();
    let resolved = match resolve(provider) {
        Ok(resolved) => resolved,
        Err(error) => return refusal(&error),
    };
    let body_last = resolved
        .scheme()
        .signature()
        .is_some_and(|signature| matches!(signature.signed.last(), Some(Part::Body)));
    let delivery = Delivery {
        headers: &headers,
        body,
        url: url.as_deref(),
        method: method.as_deref(),
    };
    match crate::signed_bytes(resolved, &delivery) {
        Ok(Some(bytes)) if body_last && bytes.len() >= body.len() => format!(
            "={}",
            String::from_utf8_lossy(&bytes[..bytes.len() - body.len()])
        ),
        Ok(Some(bytes)) => format!("*{}", base16ct::lower::encode_string(&bytes)),
        Ok(None) => String::from("-"),
        Err(error) => refusal(&error),
    }
}

/// The provider a delivery's headers (or, for one that signs nothing, its body) belong to, or "" for none.
/// Headers come as in [`explain`].
#[wasm_bindgen(js_name = detectProvider)]
pub fn detect_provider(headers_json: &str, body: &[u8]) -> String {
    let headers: Vec<(String, String)> = serde_json::from_str(headers_json).unwrap_or_default();
    crate::detect_provider(&Delivery::new(&headers, body))
        .map(|provider| String::from(provider.name()))
        .unwrap_or_default()
}

#[derive(Serialize)]
struct SignedReply<'a> {
    headers: &'a [(String, String)],
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
}

/// Signs a test delivery the way the provider would.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn sign(
    provider: &str,
    body: &[u8],
    secret: Vec<u8>,
    timestamp: f64,
    url: Option<String>,
    token_param: String,
    method: Option<String>,
    id: Option<String>,
) -> String {
    let options = SignOptions {
        timestamp: whole(timestamp),
        url,
        token_param,
        method,
        id,
    };
    let resolved = match resolve(provider) {
        Ok(resolved) => resolved,
        Err(error) => return refusal(&error),
    };
    with_secrets(secret, |secret| {
        match crate::sign(resolved, body, secret, &options) {
            Ok(signed) => {
                let body = signed.body.as_deref().map(String::from_utf8_lossy);
                to_reply(Ok(SignedReply {
                    headers: &signed.headers,
                    url: signed.url.as_deref(),
                    body: body.as_deref(),
                }))
            }
            Err(error) => refusal(&error),
        }
    })
}

/// Gengo's form body (`<kind>=<url-encoded JSON>`), so `sign` encodes object bodies
/// exactly as the Rust side does.
#[wasm_bindgen(js_name = gengoForm)]
pub fn gengo_form(kind: &str, json: &str) -> String {
    gengo::form_body(kind, json)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    const BODY: &[u8] = br#"{"id":"evt_1","type":"user.created","data":{}}"#;
    const NOW: f64 = 1_700_000_000.0;

    fn sir_core() -> Core {
        let secrets = b"whsec_oldwhsec_new";
        Core::new(
            "sir",
            secrets.to_vec(),
            &[9, 9],
            300.0,
            1024.0,
            String::from("token"),
        )
        .unwrap()
    }

    fn sir_headers(secret: &[u8], timestamp: u64) -> (String, String) {
        let signed = crate::sign("sir", BODY, secret, &SignOptions::at(timestamp)).unwrap();
        (signed.headers[1].1.clone(), signed.headers[2].1.clone())
    }

    #[wasm_bindgen_test]
    fn scheme_names_the_headers_js_must_extract() {
        assert_eq!(scheme("g2sentry"), "g2sentry\nh\nX-Signature\n");
        assert_eq!(scheme("sir"), "sir\nh\nX-SIR-Signature\nX-SIR-Timestamp");
        assert_eq!(scheme("gengo"), "gengo\n-\n\n");
        assert!(scheme("acme").starts_with("!unknown_provider\n"));
        assert!(scheme("{").starts_with("!invalid_argument\nscheme: "));
    }

    #[wasm_bindgen_test]
    fn verify_replies_with_the_compact_envelope() {
        let (signature, timestamp) = sir_headers(b"whsec_new", 1_700_000_000);
        let reply = sir_core().verify(
            BODY,
            Some(signature),
            Some(timestamp),
            None,
            None,
            None,
            NOW,
        );
        // type, dedupe key, id; no payload: JS parses the body itself.
        assert_eq!(reply, "=user.created\nevt_1\n+evt_1\n");
        let body =
            br#"{"jobId":5,"eventType":"JobStarted","jobStatus":"InProgress","addedLater":1}"#;
        assert_eq!(
            parse("g2sentry", body, 1024.0, None),
            "=JobStarted\n5:JobStarted\n-\n"
        );
    }

    #[wasm_bindgen_test]
    fn derived_payloads_follow_the_envelope() {
        let body = gengo_form("job", r#"{"job_id":"7","status":"approved"}"#);
        let reply = parse("gengo", body.as_bytes(), 1024.0, None);
        let (envelope, payload) = reply.split_at(reply.find('{').unwrap());
        assert_eq!(envelope, "=job\njob:7:approved\n-\n");
        let payload: serde_json::Value = serde_json::from_str(payload).unwrap();
        assert_eq!(payload["job_id"], 7);
    }

    #[wasm_bindgen_test]
    fn newlines_in_the_envelope_fall_back_to_json() {
        let body = br#"{"id":"evt\n1","type":"user.created","data":{}}"#;
        let event: serde_json::Value =
            serde_json::from_str(&parse("sir", body, 1024.0, None)).unwrap();
        assert_eq!(event["id"], "evt\n1");
        assert_eq!(event["provider"], "sir");
        assert!(event.get("payload").is_none(), "{event}");

        // With a derived payload, the payload rides along in the JSON.
        let body = gengo_form("job", r#"{"job_id":1,"status":"odd\nstatus"}"#);
        let event: serde_json::Value =
            serde_json::from_str(&parse("gengo", body.as_bytes(), 1024.0, None)).unwrap();
        assert_eq!(event["dedupeKey"], "job:1:odd\nstatus");
        assert_eq!(event["payload"]["job_id"], 1);
    }

    #[wasm_bindgen_test]
    fn macs_from_js_are_checked_like_our_own() {
        use hmac::{Hmac, KeyInit, Mac};
        let core = sir_core();
        let (signature, timestamp) = sir_headers(b"whsec_new", 1_700_000_000);
        let prefix = core.signed_prefix(
            Some(signature.clone()),
            Some(format!(" {timestamp} ")),
            None,
        );
        assert_eq!(prefix, "=1700000000.");
        let prefix = &prefix[1..];
        // Header problems are refused before anything is hashed.
        let refused = core.signed_prefix(
            Some(String::from("sha256=zz")),
            Some(timestamp.clone()),
            None,
        );
        assert!(refused.starts_with("!malformed_signature\n"), "{refused}");
        let refused = core.signed_prefix(Some(signature.clone()), None, None);
        assert!(refused.starts_with("!missing_timestamp\n"), "{refused}");
        let mut macs = Vec::new();
        for secret in [&b"whsec_old"[..], b"whsec_new"] {
            let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret).unwrap();
            mac.update(prefix.as_bytes());
            mac.update(BODY);
            macs.extend_from_slice(&mac.finalize().into_bytes());
        }
        let verify = |macs: &[u8]| {
            core.verify_with_macs(
                BODY,
                Some(signature.clone()),
                Some(timestamp.clone()),
                None,
                NOW,
                macs,
            )
        };
        assert_eq!(verify(&macs), "=user.created\nevt_1\n+evt_1\n");
        assert!(verify(&macs[..32]).starts_with("!invalid_secret\n"));
        assert!(verify(&macs[..40]).starts_with("!invalid_argument\n"));
        macs[0] ^= 1;
        macs[32] ^= 1;
        assert!(verify(&macs).starts_with("!signature_mismatch\n"));
    }

    #[wasm_bindgen_test]
    fn declarations_cross_as_json_and_name_their_fields() {
        let declaration = r#"{"name":"acme","proof":{"signature":{"algorithm":"hmac-sha256","signed":["body"],"location":{"header":"X-Acme"},"encoding":"hex"}},"event":{"type":{"json":"/kind"}}}"#;
        assert_eq!(scheme(declaration), "acme\nh\nX-Acme\n");
        let signed: serde_json::Value = serde_json::from_str(&sign(
            declaration,
            b"{\"kind\":\"k\"}",
            b"s".to_vec(),
            0.0,
            None,
            String::new(),
            None,
            None,
        ))
        .unwrap();
        let value = signed["headers"][1][1].as_str().map(String::from).unwrap();
        let core = Core::new(
            declaration,
            b"s".to_vec(),
            &[1],
            300.0,
            1024.0,
            String::new(),
        )
        .unwrap();
        let reply = core.verify(
            b"{\"kind\":\"k\"}",
            Some(value),
            None,
            None,
            None,
            None,
            0.0,
        );
        assert!(reply.starts_with("=k\n"), "{reply}");
        let broken = r#"{"name":"acme","proof":{"signature":{"algorithm":"md5"}}}"#;
        assert!(scheme(broken).starts_with("!invalid_argument\nscheme.proof.signature"));
        // Headers beyond the first two cross as one JSON array.
        let core = Core::new("github", b"s".to_vec(), &[1], 300.0, 1024.0, String::new()).unwrap();
        let signed = crate::sign("github", b"{}", b"s", &SignOptions::at(0)).unwrap();
        let reply = core.verify(
            b"{}",
            Some(signed.headers[1].1.clone()),
            None,
            Some(String::from(r#"["push",null]"#)),
            None,
            None,
            0.0,
        );
        assert!(reply.starts_with("=push\n"), "{reply}");
    }

    #[wasm_bindgen_test]
    fn refusals_are_code_newline_message() {
        let core = sir_core();
        let (signature, timestamp) = sir_headers(b"whsec_other", 1_700_000_000);
        let reply = core.verify(
            BODY,
            Some(signature.clone()),
            Some(timestamp),
            None,
            None,
            None,
            NOW,
        );
        assert!(reply.starts_with("!signature_mismatch\n"), "{reply}");
        assert!(!reply.contains("whsec_new"));
        let reply = core.verify(BODY, Some(signature), None, None, None, None, NOW);
        assert!(reply.starts_with("!missing_timestamp\n"), "{reply}");
        let reply = core.verify(BODY, None, None, None, None, None, NOW);
        assert!(reply.starts_with("!missing_signature\n"), "{reply}");
        let reply = core.verify(&[b' '; 1025], None, None, None, None, None, NOW);
        assert!(reply.starts_with("!body_too_large\n"), "{reply}");
    }

    #[wasm_bindgen_test]
    fn odd_numbers_from_js_saturate_instead_of_trapping() {
        let (signature, timestamp) = sir_headers(b"whsec_new", 1_700_000_000);
        for now in [f64::NAN, f64::INFINITY, -1.0, 1e300] {
            let reply = sir_core().verify(
                BODY,
                Some(signature.clone()),
                Some(timestamp.clone()),
                None,
                None,
                None,
                now,
            );
            assert!(reply.starts_with("!timestamp_"), "{now}: {reply}");
        }
        assert!(Core::new("sir", b"k".to_vec(), &[1], f64::NAN, -5.0, String::new()).is_ok());
    }

    #[wasm_bindgen_test]
    fn secret_lengths_that_do_not_add_up_are_refused() {
        for lengths in [&[5u32, 9][..], &[20], &[3], &[u32::MAX, 1], &[]] {
            let error = Core::new(
                "sir",
                b"whsec_new".to_vec(),
                lengths,
                300.0,
                1024.0,
                String::new(),
            )
            .err()
            .unwrap();
            assert!(
                error.starts_with("!invalid_secret\n"),
                "{lengths:?}: {error}"
            );
        }
        let error = Core::new("nope", b"k".to_vec(), &[1], 300.0, 1024.0, String::new())
            .err()
            .unwrap();
        assert!(error.starts_with("!unknown_provider\n"));
    }

    #[wasm_bindgen_test]
    fn gengo_token_comes_from_the_url() {
        let core = Core::new(
            "gengo",
            b"tok".to_vec(),
            &[3],
            300.0,
            4096.0,
            String::from("token"),
        )
        .unwrap();
        let body = gengo_form("job", r#"{"job_id":1,"status":"approved"}"#);
        let verify_at = |url: &str| {
            core.verify(
                body.as_bytes(),
                None,
                None,
                None,
                Some(url.into()),
                None,
                0.0,
            )
        };
        let ok = verify_at("/cb?token=tok");
        assert!(ok.starts_with("=job\n"), "{ok}");
        let wrong = verify_at("/cb?token=x");
        assert!(wrong.starts_with("!signature_mismatch\n"));
    }

    #[wasm_bindgen_test]
    fn parse_sign_and_explain_replies() {
        assert!(parse("sir", BODY, 1024.0, None).starts_with('='));
        assert!(parse("sir", BODY, 3.0, None).starts_with("!body_too_large\n"));
        assert!(parse("sir", b"{", 1024.0, None).starts_with("!malformed_body\n"));

        let signed: serde_json::Value = serde_json::from_str(&sign(
            "gengo",
            b"job=x",
            b"tok".to_vec(),
            0.0,
            None,
            String::from("t"),
            None,
            None,
        ))
        .unwrap();
        assert_eq!(signed["url"], "/?t=tok");
        assert!(sign(
            "g2sentry",
            b"{}",
            Vec::new(),
            0.0,
            None,
            String::new(),
            None,
            None
        )
        .starts_with("!invalid_secret\n"));

        let (signature, timestamp) = sir_headers(b"whsec_new", 1_700_000_000);
        let headers = serde_json::to_string(&[
            ["x-sir-signature", &signature],
            ["x-sir-timestamp", &timestamp],
        ])
        .unwrap();
        let explain_at = |now: f64| {
            explain(
                "sir",
                &headers,
                BODY,
                None,
                None,
                b"whsec_new".to_vec(),
                &[9],
                300.0,
                1024.0,
                String::from("token"),
                now,
            )
        };
        assert_eq!(explain_at(NOW), r#"{"error":null,"causes":[]}"#);
        let late = explain_at(NOW + 1e4);
        assert!(
            late.starts_with(r#"{"error":{"code":"timestamp_too_old","#),
            "{late}"
        );
        assert!(
            late.contains(r#""causes":[{"code":"timestamp_skew""#),
            "{late}"
        );
        assert_eq!(detect_provider(&headers, BODY), "sir");
        assert_eq!(
            signed_prefix("sir", &headers, b"", None, None),
            format!("={timestamp}.")
        );
        assert_eq!(signed_prefix("gengo", &headers, b"", None, None), "-");
        assert!(signed_prefix("sir", "[]", b"", None, None).starts_with("!missing_timestamp\n"));
        assert_eq!(detect_provider("[]", b"comment=%7B%7D"), "gengo");
        assert_eq!(detect_provider("[]", BODY), "");
        let junk = explain(
            "sir",
            "{",
            BODY,
            None,
            None,
            b"k".to_vec(),
            &[1],
            300.0,
            1024.0,
            String::new(),
            NOW,
        );
        assert!(junk.starts_with("!invalid_argument\n"));
    }
}
