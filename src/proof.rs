//! The one implementation behind every [`Scheme`]: keys, signed content, signature
//! candidates, constant-time comparison, the replay window, and signing.
//!
//! The hot path of a bare or prefixed HMAC scheme allocates nothing: header values are
//! borrowed, the signature decodes into a fixed buffer, and the parts are fed to a clone of
//! the prepared HMAC state one by one.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use base64::Engine as _;
use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256, Sha512};
use subtle::{Choice, ConstantTimeEq};

use crate::delivery::Delivery;
use crate::error::{Error, ErrorCode};
use crate::scheme::{
    Algorithm, Encoding, KeyForm, Locator, Part, Proof, Scheme, Signature, Syntax, TimeUnit,
    TokenAt, DIGEST_LEN,
};

pub(crate) type HmacSha256 = Hmac<Sha256>;

/// The longest signature any algorithm writes (ECDSA's DER form).
const MAX_SIGNATURE: usize = 72;

/// A decoded signature: fixed storage, no allocation.
#[derive(Clone, Copy)]
pub(crate) struct Sig {
    bytes: [u8; MAX_SIGNATURE],
    len: usize,
}

impl Sig {
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    pub(crate) fn from_slice(bytes: &[u8]) -> Option<Sig> {
        if bytes.len() > MAX_SIGNATURE {
            return None;
        }
        let mut sig = Sig {
            bytes: [0; MAX_SIGNATURE],
            len: bytes.len(),
        };
        sig.bytes[..bytes.len()].copy_from_slice(bytes);
        Some(sig)
    }
}

/// A secret prepared for repeated use. HMAC states and token digests are wiped when
/// dropped (`hmac`'s `zeroize` feature; the digest below).
#[derive(Clone)]
pub(crate) enum Key {
    Sha256(HmacSha256),
    Sha1(Hmac<Sha1>),
    Sha512(Hmac<Sha512>),
    Ed25519(ed25519_dalek::VerifyingKey),
    P256(p256::ecdsa::VerifyingKey),
    TokenDigest([u8; DIGEST_LEN]),
}

impl Drop for Key {
    fn drop(&mut self) {
        if let Key::TokenDigest(digest) = self {
            zeroize::Zeroize::zeroize(digest);
        }
    }
}

fn bad_key(why: &str) -> Error {
    Error::new(
        ErrorCode::InvalidSecret,
        format!("a secret is not a valid key: {why}"),
    )
}

fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    base64::engine::general_purpose::STANDARD
        .decode(text)
        .or_else(|_| base64::engine::general_purpose::STANDARD_NO_PAD.decode(text))
        .ok()
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    if text.len() % 2 != 0 {
        return None;
    }
    let mut bytes = alloc::vec![0u8; text.len() / 2];
    if base16ct::mixed::decode(text, &mut bytes).is_err() {
        // What was decoded before the first non-hex digit may be part of a secret key.
        zeroize::Zeroize::zeroize(bytes.as_mut_slice());
        return None;
    }
    Some(bytes)
}

/// Hex or base64 of exactly `len` bytes, as a provider shows a raw key.
fn raw_key(text: &str, len: usize) -> Option<Vec<u8>> {
    decode_hex(text)
        .filter(|bytes| bytes.len() == len)
        .or_else(|| decode_base64(text).filter(|bytes| bytes.len() == len))
}

/// The algorithm a key of this scheme uses: the declared one, or for Standard Webhooks
/// the one its prefix names.
fn key_algorithm(signature: &Signature, secret: &[u8]) -> Algorithm {
    if signature.key == KeyForm::StandardWebhooks && secret.starts_with(b"whpk_") {
        Algorithm::Ed25519
    } else if signature.key == KeyForm::StandardWebhooks {
        Algorithm::HmacSha256
    } else {
        signature.algorithm
    }
}

/// A key's bytes: the secret itself, or what was decoded from it, which is as secret and
/// so is wiped when dropped.
struct KeyBytes<'s>(Cow<'s, [u8]>);

impl core::ops::Deref for KeyBytes<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl Drop for KeyBytes<'_> {
    fn drop(&mut self) {
        if let Cow::Owned(bytes) = &mut self.0 {
            zeroize::Zeroize::zeroize(bytes.as_mut_slice());
        }
    }
}

/// The key bytes a secret stands for (HMAC keys decoded as the key form says).
fn key_material<'s>(form: &KeyForm, secret: &'s [u8]) -> Result<KeyBytes<'s>, Error> {
    let text = || core::str::from_utf8(secret).map_err(|_| bad_key("not UTF-8 text"));
    Ok(KeyBytes(match form {
        KeyForm::Text => Cow::Borrowed(secret),
        KeyForm::Hex => Cow::Owned(decode_hex(text()?).ok_or_else(|| bad_key("not hex"))?),
        KeyForm::Base64 => Cow::Owned(decode_base64(text()?).ok_or_else(|| bad_key("not base64"))?),
        KeyForm::Base64AfterPrefix(prefix) => {
            let text = text()?;
            let bare = text.strip_prefix(prefix.as_ref()).unwrap_or(text);
            Cow::Owned(decode_base64(bare).ok_or_else(|| {
                bad_key("not base64 after its prefix (pass the secret exactly as shown)")
            })?)
        }
        KeyForm::StandardWebhooks => {
            let text = text()?;
            let bare = ["whsec_", "whpk_"]
                .iter()
                .find_map(|prefix| text.strip_prefix(prefix))
                .unwrap_or(text);
            Cow::Owned(decode_base64(bare).ok_or_else(|| {
                bad_key("not base64 after `whsec_`/`whpk_` (pass the secret exactly as shown)")
            })?)
        }
    }))
}

/// The DER SubjectPublicKeyInfo header of an uncompressed P-256 key (id-ecPublicKey,
/// prime256v1): what precedes the SEC1 point in the form SendGrid shows.
const P256_SPKI_HEADER: [u8; 26] = [
    0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a,
    0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
];

fn p256_public_key(secret: &[u8]) -> Result<p256::ecdsa::VerifyingKey, Error> {
    let text = core::str::from_utf8(secret).map_err(|_| bad_key("not text"))?;
    let body: String = text
        .lines()
        .filter(|line| !line.starts_with("-----"))
        .collect::<Vec<_>>()
        .concat();
    let bytes = decode_hex(&body)
        .or_else(|| decode_base64(&body))
        .ok_or_else(|| bad_key("an ECDSA public key must be PEM, base64 or hex"))?;
    let point = bytes.strip_prefix(&P256_SPKI_HEADER[..]).unwrap_or(&bytes);
    p256::ecdsa::VerifyingKey::from_sec1_bytes(point).map_err(|_| bad_key("not a P-256 public key"))
}

impl Key {
    pub(crate) fn new(proof: &Proof, secret: &[u8]) -> Result<Key, Error> {
        if secret.is_empty() {
            return Err(Error::new(
                ErrorCode::InvalidSecret,
                "a secret is empty; pass the secret configured with the provider",
            ));
        }
        let signature = match proof {
            Proof::Token(_) => return Ok(Key::TokenDigest(Sha256::digest(secret).into())),
            Proof::Signature(signature) => signature,
        };
        // HMAC accepts keys of any length, so `new_from_slice` cannot fail.
        Ok(match key_algorithm(signature, secret) {
            Algorithm::HmacSha256 => Key::Sha256(
                HmacSha256::new_from_slice(&key_material(&signature.key, secret)?)
                    .unwrap_or_else(|_| unreachable!()),
            ),
            Algorithm::HmacSha1 => Key::Sha1(
                Hmac::new_from_slice(&key_material(&signature.key, secret)?)
                    .unwrap_or_else(|_| unreachable!()),
            ),
            Algorithm::HmacSha512 => Key::Sha512(
                Hmac::new_from_slice(&key_material(&signature.key, secret)?)
                    .unwrap_or_else(|_| unreachable!()),
            ),
            Algorithm::Ed25519 => {
                let text = core::str::from_utf8(secret).map_err(|_| bad_key("not text"))?;
                let text = text.strip_prefix("whpk_").unwrap_or(text);
                let bytes: [u8; 32] = raw_key(text, 32)
                    .and_then(|bytes| bytes.try_into().ok())
                    .ok_or_else(|| {
                        bad_key("an Ed25519 public key must be 32 bytes as hex or base64")
                    })?;
                Key::Ed25519(
                    ed25519_dalek::VerifyingKey::from_bytes(&bytes)
                        .map_err(|_| bad_key("not an Ed25519 public key"))?,
                )
            }
            Algorithm::EcdsaP256 => Key::P256(p256_public_key(secret)?),
        })
    }

    fn algorithm(&self) -> Option<Algorithm> {
        Some(match self {
            Key::Sha256(_) => Algorithm::HmacSha256,
            Key::Sha1(_) => Algorithm::HmacSha1,
            Key::Sha512(_) => Algorithm::HmacSha512,
            Key::Ed25519(_) => Algorithm::Ed25519,
            Key::P256(_) => Algorithm::EcdsaP256,
            Key::TokenDigest(_) => return None,
        })
    }
}

/// The keys of a [`Verifier`](crate::Verifier), in one heap block wiped whole when dropped.
///
/// A `Key` is an enum as large as its largest variant (an HMAC-SHA512 state), and it is
/// built on the stack and then copied into the block in full, so the bytes its variant does
/// not use (a token digest's, or an HMAC-SHA1 state's) come with it: whatever that stack
/// slot held before, which within one call can be key material of the same secret. Seen
/// in the wasm build: `explain` of a G2 Sentry delivery built HMAC-SHA256 keys, then a
/// Gengo `Verifier` (other providers are tried), whose token-digest `Key` brought the
/// secret's HMAC outer state along in its unused bytes; dropped, it left it on the heap.
/// `Key`'s own drop wipes only its variant's fields; this wipes every byte of the block.
/// Its capacity is fixed when it is made, so no reallocation leaves a copy behind either.
#[derive(Clone)]
pub(crate) struct Keys(Vec<Key>);

impl core::ops::Deref for Keys {
    type Target = [Key];

    fn deref(&self) -> &[Key] {
        &self.0
    }
}

impl Drop for Keys {
    fn drop(&mut self) {
        // Each key's own drop first (it wipes the state it holds), then the whole block,
        // padding and unused variant space included.
        self.0.clear();
        zeroize::Zeroize::zeroize(self.0.spare_capacity_mut());
    }
}

/// Prepares every secret, refusing an empty list or an empty secret.
pub(crate) fn prepare_keys<S: AsRef<[u8]>>(proof: &Proof, secrets: &[S]) -> Result<Keys, Error> {
    if secrets.is_empty() {
        return Err(Error::new(
            ErrorCode::InvalidSecret,
            "no secret given; pass at least one",
        ));
    }
    // Made first, so the keys before a refused one are wiped too.
    let mut keys = Keys(Vec::with_capacity(secrets.len()));
    for secret in secrets {
        keys.0.push(Key::new(proof, secret.as_ref())?);
    }
    Ok(keys)
}

// --- reading a request ----------------------------------------------------------------

/// A value found in a request: borrowed from a header, or made from the JSON body.
pub(crate) fn locate<'a>(
    locator: &Locator,
    delivery: &Delivery<'a>,
    json: Option<&'a serde_json::Value>,
) -> Option<Cow<'a, str>> {
    match locator {
        Locator::Header(name) => delivery.headers.get(name).map(|v| Cow::Borrowed(v.trim())),
        Locator::EitherHeader(first, second) => delivery
            .headers
            .get(first)
            .or_else(|| delivery.headers.get(second))
            .map(|v| Cow::Borrowed(v.trim())),
        Locator::Json(pointer) => json_text(json?.pointer(pointer)?),
        Locator::SignatureField(_) => None,
    }
}

/// A JSON string's content or a number's digits, as text.
pub(crate) fn json_text(value: &serde_json::Value) -> Option<Cow<'_, str>> {
    match value {
        serde_json::Value::String(text) => Some(Cow::Borrowed(text)),
        // Integers only: a timestamp, id or type is never a fraction, and formatting one
        // would bring float printing into the module.
        serde_json::Value::Number(number) => match (number.as_u64(), number.as_i64()) {
            (Some(n), _) => Some(Cow::Owned(format!("{n}"))),
            (None, Some(n)) => Some(Cow::Owned(format!("{n}"))),
            _ => None,
        },
        _ => None,
    }
}

/// The name of a locator, for messages.
pub(crate) fn locator_name(locator: &Locator) -> &str {
    match locator {
        Locator::Header(name)
        | Locator::EitherHeader(name, _)
        | Locator::Json(name)
        | Locator::SignatureField(name) => name,
    }
}

/// Whether the scheme's proof reads the body as JSON (Mailgun, Linear).
pub(crate) fn proof_reads_json(scheme: &Scheme) -> bool {
    let timestamp = matches!(
        scheme.timestamp.as_ref().map(|t| &t.at),
        Some(Locator::Json(_))
    );
    timestamp
        || scheme.signature().is_some_and(|signature| {
            matches!(signature.location, Locator::Json(_))
                || signature
                    .signed
                    .iter()
                    .any(|part| matches!(part, Part::Json(_) | Part::OptionalJson(_)))
        })
}

/// One entry of a signature value: its version tag (`v1`, or "" where the syntax has
/// none) and its encoded text.
fn entries<'v>(syntax: &'v Syntax, value: &'v str) -> impl Iterator<Item = (&'v str, &'v str)> {
    let (separator, mode) = match syntax {
        Syntax::Bare | Syntax::Prefixed(_) | Syntax::OptionalPrefix(_) => ('\u{0}', 0),
        Syntax::List { separator, .. } => (*separator, 1),
        Syntax::Versioned(_) => (' ', 2),
        Syntax::Positional(separator) => (*separator, 3),
    };
    let whole = core::iter::once(value).filter(move |_| mode == 0);
    let split = value
        .split(separator)
        .filter(move |_| mode != 0)
        .map(str::trim)
        // A positional value's first field is not a signature (Recurly's timestamp).
        .skip(usize::from(mode == 3))
        .filter(|entry| !entry.is_empty());
    whole
        .map(|value| ("", value))
        .chain(split.filter_map(move |entry| {
            if mode == 3 {
                return Some(("", entry));
            }
            let (tag, text) = entry.split_once(if mode == 1 { '=' } else { ',' })?;
            Some((tag.trim(), text.trim()))
        }))
}

/// A field of a `key=value` signature list (Stripe's `t`).
pub(crate) fn list_field<'v>(syntax: &Syntax, value: &'v str, key: &str) -> Option<&'v str> {
    let separator = match syntax {
        Syntax::List { separator, .. } => separator,
        Syntax::Positional(separator) => {
            return value
                .split(*separator)
                .next()
                .map(str::trim)
                .filter(|first| !first.is_empty())
        }
        _ => return None,
    };
    value
        .split(*separator)
        .filter_map(|entry| entry.trim().split_once('='))
        .find(|(name, _)| name.trim() == key)
        .map(|(_, text)| text.trim())
}

/// Decodes one encoded signature of the expected algorithm, or `None`.
fn decode_signature(encoding: Encoding, algorithm: Algorithm, text: &str) -> Option<Sig> {
    let mut sig = Sig {
        bytes: [0; MAX_SIGNATURE],
        len: 0,
    };
    let expected = algorithm.signature_len();
    match encoding {
        Encoding::Hex => {
            if text.len() % 2 != 0 || text.len() / 2 > MAX_SIGNATURE {
                return None;
            }
            sig.len = text.len() / 2;
            base16ct::mixed::decode(text, &mut sig.bytes[..sig.len]).ok()?;
        }
        Encoding::Base64 => {
            let mut buffer = [0u8; MAX_SIGNATURE + 3];
            let engine = if text.ends_with('=') {
                &base64::engine::general_purpose::STANDARD
            } else {
                &base64::engine::general_purpose::STANDARD_NO_PAD
            };
            let len = engine.decode_slice(text, &mut buffer).ok()?;
            if len > MAX_SIGNATURE {
                return None;
            }
            sig.bytes[..len].copy_from_slice(&buffer[..len]);
            sig.len = len;
        }
    }
    let der = algorithm == Algorithm::EcdsaP256 && sig.len > 8 && sig.bytes[0] == 0x30;
    (sig.len == expected || der).then_some(sig)
}

/// The accepted entries of a signature value, decoded: what verification compares.
/// `Err` carries the refusal when none is usable (see the policy in SCHEMES.md).
/// One for a bare or prefixed signature (no allocation on that hot path), a list for the
/// list syntaxes.
pub(crate) enum Candidates {
    One([(Option<Algorithm>, Sig); 1]),
    Many(Vec<(Option<Algorithm>, Sig)>),
}

/// Signatures beyond this many in one header are ignored (a rotation sends two or three).
const MAX_CANDIDATES: usize = 8;

impl Candidates {
    pub(crate) fn iter(&self) -> impl Iterator<Item = &(Option<Algorithm>, Sig)> {
        match self {
            Candidates::One(one) => one.iter(),
            Candidates::Many(many) => many.iter(),
        }
    }
}

/// Reads the signature value into candidates, as the declared syntax says.
pub(crate) fn read_candidates(
    signature: &Signature,
    value: &str,
    what: &str,
) -> Result<Candidates, Error> {
    let value = value.trim();
    let text = match &signature.syntax {
        Syntax::Prefixed(prefix) => strip_prefix_ignore_case(value, prefix).ok_or_else(|| {
            Error::new(
                ErrorCode::MalformedSignature,
                format!("{what} must start with `{prefix}`"),
            )
        })?,
        Syntax::OptionalPrefix(prefix) => strip_prefix_ignore_case(value, prefix).unwrap_or(value),
        _ => value,
    };
    let mut seen = 0;
    let mut found: Option<(Option<Algorithm>, Sig)> = None;
    let mut many = Vec::new();
    let single = matches!(
        signature.syntax,
        Syntax::Bare | Syntax::Prefixed(_) | Syntax::OptionalPrefix(_)
    );
    for (tag, encoded) in entries(&signature.syntax, text) {
        let algorithm = match &signature.syntax {
            Syntax::Bare
            | Syntax::Prefixed(_)
            | Syntax::OptionalPrefix(_)
            | Syntax::Positional(_) => Some(signature.algorithm),
            Syntax::List { key, .. } => (tag == key.as_ref()).then_some(signature.algorithm),
            Syntax::Versioned(versions) => versions
                .iter()
                .find(|version| version.tag == tag)
                .map(|version| version.algorithm),
        };
        let Some(algorithm) = algorithm else { continue };
        seen += 1;
        if let Some(sig) = decode_signature(signature.encoding, algorithm, encoded) {
            if single {
                found = Some((Some(algorithm), sig));
            } else if many.len() < MAX_CANDIDATES {
                many.push((Some(algorithm), sig));
            }
        }
    }
    if seen == 0 {
        let code = match signature.syntax {
            Syntax::List { .. } | Syntax::Positional(_) => ErrorCode::MissingSignature,
            _ => ErrorCode::MalformedSignature,
        };
        let why = match &signature.syntax {
            Syntax::List { key, .. } => format!("{what} has no `{key}=` entry"),
            Syntax::Positional(separator) => {
                format!("{what} has no signature after its first `{separator}`")
            }
            Syntax::Versioned(versions) => {
                let tags: Vec<&str> = versions.iter().map(|v| v.tag.as_ref()).collect();
                format!("{what} has no entry of version {}", tags.join(" or "))
            }
            _ => format!("{what} is empty"),
        };
        return Err(Error::new(code, why));
    }
    let out = match found {
        Some(one) => Candidates::One([one]),
        None if !many.is_empty() => Candidates::Many(many),
        None => {
            return Err(Error::new(
                ErrorCode::MalformedSignature,
                format!("{what} must be {}", describe_form(signature)),
            ))
        }
    };
    Ok(out)
}

/// The signature's expected form, for messages: `sha256=` followed by 64 hex digits.
pub(crate) fn describe_form(signature: &Signature) -> String {
    let len = signature.algorithm.signature_len();
    let digits = match signature.encoding {
        Encoding::Hex => format!("{} hex digits", len * 2),
        Encoding::Base64 => format!("base64 of {len} bytes"),
    };
    match &signature.syntax {
        Syntax::Bare => digits,
        Syntax::Prefixed(prefix) => format!("`{prefix}` followed by {digits}"),
        Syntax::OptionalPrefix(prefix) => format!("{digits}, `{prefix}` before them or not"),
        Syntax::Positional(separator) => {
            format!("a first field, then `{separator}`-separated signatures of {digits}")
        }
        Syntax::List { key, .. } => format!("a list whose `{key}=` entries are {digits}"),
        Syntax::Versioned(_) => format!("`<version>,<signature>` entries of {digits}"),
    }
}

pub(crate) fn strip_prefix_ignore_case<'a>(value: &'a str, prefix: &str) -> Option<&'a str> {
    let head = value.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &value[prefix.len()..])
}

// --- signed content ---------------------------------------------------------------------

/// What a verification has read that the signed parts may need.
pub(crate) struct Signed<'a, 'd> {
    pub delivery: &'a Delivery<'d>,
    pub timestamp: Option<&'a str>,
    pub json: Option<&'a serde_json::Value>,
}

/// How many forms of the signed content to try: three where the URL may carry its default
/// port or not, else one.
pub(crate) fn variants(parts: &[Part]) -> usize {
    if parts.iter().any(|part| matches!(part, Part::UrlAnyPort)) {
        3
    } else {
        1
    }
}

/// The URL with its default port added (variant 1) or removed (variant 2); `None` where
/// that form is the URL as given.
fn url_variant(url: &str, variant: usize) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let port = match scheme.to_ascii_lowercase().as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => return None,
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match variant {
        1 if !authority.contains(':') => Some(format!("{scheme}://{authority}{port}{tail}")),
        2 => authority
            .strip_suffix(port)
            .map(|host| format!("{scheme}://{host}{tail}")),
        _ => None,
    }
}

fn required<'v>(value: Option<Cow<'v, str>>, what: &str) -> Result<Cow<'v, str>, Error> {
    value.ok_or_else(|| {
        Error::new(
            ErrorCode::MissingSignature,
            format!("{what} is signed but absent; pass it with the delivery"),
        )
    })
}

/// Feeds the signed content, part by part, to `sink`. `Ok(false)`: this variant does not
/// exist (the URL has no such form), skip it.
pub(crate) fn feed(
    parts: &[Part],
    signed: &Signed<'_, '_>,
    variant: usize,
    sink: &mut dyn FnMut(&[u8]),
) -> Result<bool, Error> {
    let delivery = signed.delivery;
    for part in parts {
        match part {
            Part::Literal(text) => sink(text.as_bytes()),
            Part::Body => sink(delivery.body),
            Part::Timestamp => sink(signed.timestamp.unwrap_or("").as_bytes()),
            Part::Header(name) => {
                let value = delivery.headers.get(name).map(|v| Cow::Borrowed(v.trim()));
                sink(required(value, name)?.as_bytes())
            }
            Part::EitherHeader(first, second) => {
                let value = delivery
                    .headers
                    .get(first)
                    .or_else(|| delivery.headers.get(second))
                    .map(|v| Cow::Borrowed(v.trim()));
                sink(required(value, first)?.as_bytes())
            }
            Part::Json(pointer) => {
                let value = signed
                    .json
                    .and_then(|json| json.pointer(pointer))
                    .and_then(json_text);
                sink(required(value, pointer)?.as_bytes())
            }
            Part::OptionalJson(pointer) => {
                let value = signed
                    .json
                    .and_then(|json| json.pointer(pointer))
                    .and_then(json_text);
                sink(value.as_deref().unwrap_or("").as_bytes())
            }
            Part::Url | Part::UrlAnyPort => {
                let url = required(delivery.url.map(Cow::Borrowed), "the request URL")?;
                if variant == 0 {
                    sink(url.as_bytes());
                } else {
                    match url_variant(&url, variant) {
                        Some(other) => sink(other.as_bytes()),
                        None => return Ok(false),
                    }
                }
            }
            Part::Method => {
                let method = required(delivery.method.map(Cow::Borrowed), "the request method")?;
                sink(method.to_ascii_uppercase().as_bytes())
            }
            Part::SortedForm => {
                let url = delivery.url.unwrap_or("");
                if let Some(hash) = crate::verify::query_param(url, "bodySHA256") {
                    let actual = base16ct::lower::encode_string(&Sha256::digest(delivery.body));
                    if !bool::from(
                        actual
                            .as_bytes()
                            .ct_eq(hash.to_ascii_lowercase().as_bytes()),
                    ) {
                        return Err(Error::new(
                            ErrorCode::SignatureMismatch,
                            "the URL's bodySHA256 is not the SHA-256 of the body",
                        ));
                    }
                    continue;
                }
                let mut pairs: Vec<(Cow<str>, Cow<str>)> =
                    form_urlencoded::parse(delivery.body).collect();
                pairs.sort();
                pairs.dedup();
                for (name, value) in pairs {
                    sink(name.as_bytes());
                    sink(value.as_bytes());
                }
            }
        }
    }
    Ok(true)
}

/// The signed content of one variant as one buffer (public-key algorithms need it whole).
pub(crate) fn message(
    parts: &[Part],
    signed: &Signed<'_, '_>,
    variant: usize,
) -> Result<Option<Vec<u8>>, Error> {
    let mut out = Vec::new();
    let exists = feed(parts, signed, variant, &mut |bytes| {
        out.extend_from_slice(bytes)
    })?;
    Ok(exists.then_some(out))
}

fn mac_of<M: Mac + Clone>(
    key: &M,
    parts: &[Part],
    signed: &Signed<'_, '_>,
    variant: usize,
) -> Result<Option<hmac::digest::Output<M>>, Error> {
    let mut mac = key.clone();
    // Test-only: counts what is really hashed (src/explain/work_bounds.rs bounds it).
    #[cfg(all(test, feature = "std"))]
    let mut hashed = 0;
    let exists = feed(parts, signed, variant, &mut |bytes| {
        #[cfg(all(test, feature = "std"))]
        {
            hashed += bytes.len();
        }
        mac.update(bytes)
    })?;
    #[cfg(all(test, feature = "std"))]
    if exists {
        crate::work_counter::hmac(hashed);
    }
    Ok(exists.then(|| mac.finalize().into_bytes()))
}

/// Whether `key` signs one variant of the content as `sig`; HMACs compared in constant
/// time.
fn key_signs(
    key: &Key,
    parts: &[Part],
    signed: &Signed<'_, '_>,
    variant: usize,
    sig: &Sig,
) -> Result<Choice, Error> {
    let sig = sig.as_bytes();
    let no = Choice::from(0);
    Ok(match key {
        Key::Sha256(key) => {
            mac_of(key, parts, signed, variant)?.map_or(no, |m| m.as_slice().ct_eq(sig))
        }
        Key::Sha1(key) => {
            mac_of(key, parts, signed, variant)?.map_or(no, |m| m.as_slice().ct_eq(sig))
        }
        Key::Sha512(key) => {
            mac_of(key, parts, signed, variant)?.map_or(no, |m| m.as_slice().ct_eq(sig))
        }
        Key::Ed25519(key) => {
            let Some(message) = message(parts, signed, variant)? else {
                return Ok(no);
            };
            let Ok(bytes) = <[u8; 64]>::try_from(sig) else {
                return Ok(no);
            };
            let signature = ed25519_dalek::Signature::from_bytes(&bytes);
            Choice::from(u8::from(key.verify_strict(&message, &signature).is_ok()))
        }
        Key::P256(key) => {
            use p256::ecdsa::signature::Verifier as _;
            let Some(message) = message(parts, signed, variant)? else {
                return Ok(no);
            };
            let signature = p256::ecdsa::Signature::from_slice(sig)
                .or_else(|_| p256::ecdsa::Signature::from_der(sig));
            let ok = signature.is_ok_and(|signature| key.verify(&message, &signature).is_ok());
            Choice::from(u8::from(ok))
        }
        Key::TokenDigest(_) => no,
    })
}

/// Whether `key` signs any variant of the content as `sig` (for diagnosis; errors are a
/// no).
pub(crate) fn key_signs_any_variant(
    key: &Key,
    parts: &[Part],
    signed: &Signed<'_, '_>,
    sig: &Sig,
) -> bool {
    (0..variants(parts))
        .any(|variant| key_signs(key, parts, signed, variant, sig).is_ok_and(bool::from))
}

/// True when any key signs the content as any candidate. Every key, candidate and variant
/// is tried whatever the others gave, so timing tells neither which secret matched nor how
/// much of a signature was right.
pub(crate) fn any_signs(
    keys: &[Key],
    signature: &Signature,
    signed: &Signed<'_, '_>,
    candidates: &Candidates,
) -> Result<bool, Error> {
    let mut matched = Choice::from(0);
    for variant in 0..variants(&signature.signed) {
        for key in keys {
            for (algorithm, sig) in candidates.iter() {
                if *algorithm == key.algorithm() {
                    matched |= key_signs(key, &signature.signed, signed, variant, sig)?;
                }
            }
        }
    }
    Ok(matched.into())
}

/// True when any of the digests given by the caller equals a candidate (HMAC-SHA256 over
/// the prefix and body; see `Verifier::verify_with_macs`).
pub(crate) fn any_digest_matches(digests: &[[u8; DIGEST_LEN]], candidates: &Candidates) -> bool {
    let mut matched = Choice::from(0);
    for digest in digests {
        for (_, sig) in candidates.iter() {
            matched |= digest.ct_eq(sig.as_bytes());
        }
    }
    matched.into()
}

/// True when any key's token equals `token`. Comparing fixed-length digests keeps the
/// time independent of the token's length and content.
pub(crate) fn any_token_matches(keys: &[Key], token: &[u8]) -> bool {
    let digest: [u8; DIGEST_LEN] = Sha256::digest(token).into();
    let mut matched = Choice::from(0);
    for key in keys {
        if let Key::TokenDigest(expected) = key {
            matched |= digest.ct_eq(expected);
        }
    }
    matched.into()
}

/// Whether the scheme is an HMAC-SHA256 over `<prefix parts> <body>` with the secret as
/// its key: then a host can compute the MAC itself from [`signed_prefix`].
pub(crate) fn host_hashable(scheme: &Scheme) -> bool {
    let Some(signature) = scheme.signature() else {
        return false;
    };
    let parts = &signature.signed;
    signature.algorithm == Algorithm::HmacSha256
        && signature.key == KeyForm::Text
        && matches!(parts.last(), Some(Part::Body))
        && parts[..parts.len() - 1].iter().all(|part| {
            matches!(
                part,
                Part::Literal(_) | Part::Timestamp | Part::Header(_) | Part::EitherHeader(..)
            )
        })
}

/// What is signed before the body, for a [`host_hashable`] scheme.
pub(crate) fn signed_prefix(
    signature: &Signature,
    signed: &Signed<'_, '_>,
) -> Result<Vec<u8>, Error> {
    let parts = &signature.signed;
    let head = &parts[..parts.len().saturating_sub(1)];
    let mut out = Vec::new();
    feed(head, signed, 0, &mut |bytes| out.extend_from_slice(bytes))?;
    Ok(out)
}

// --- timestamps -----------------------------------------------------------------------

/// A timestamp read from its text: whole seconds, and the fraction in nanoseconds (for
/// milliseconds and RFC 3339).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Instant {
    pub seconds: u64,
    pub nanos: u32,
}

/// Reads a timestamp in the declared unit; unix ones are ASCII digits only.
pub(crate) fn parse_timestamp(what: &str, unit: TimeUnit, value: &str) -> Result<Instant, Error> {
    let value = value.trim();
    let form = match unit {
        TimeUnit::Seconds => "whole unix seconds in ASCII digits",
        TimeUnit::Milliseconds => "whole unix milliseconds in ASCII digits",
        TimeUnit::Rfc3339 => "an RFC 3339 date-time with `Z` or an offset",
    };
    let malformed = |why: &str| {
        Error::new(
            ErrorCode::MalformedTimestamp,
            format!("{what} must be {form}; {why}"),
        )
    };
    if value.is_empty() {
        return Err(malformed("it is empty"));
    }
    if unit == TimeUnit::Rfc3339 {
        return parse_rfc3339(value).ok_or_else(|| malformed("it is not one"));
    }
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(malformed("found a character that is not a digit"));
    }
    let number = value
        .parse::<u64>()
        .map_err(|_| malformed("the number does not fit in 64 bits"))?;
    Ok(match unit {
        TimeUnit::Milliseconds => Instant {
            seconds: number / 1000,
            nanos: (number % 1000) as u32 * 1_000_000,
        },
        _ => Instant {
            seconds: number,
            nanos: 0,
        },
    })
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day since 1970-01-01 (the inverse of [`days_from_civil`]).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

fn parse_rfc3339(text: &str) -> Option<Instant> {
    let bytes = text.as_bytes();
    let digits = |range: core::ops::Range<usize>| -> Option<i64> {
        let slice = bytes.get(range)?;
        slice
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| slice.iter().fold(0i64, |n, d| n * 10 + i64::from(d - b'0')))
    };
    if bytes.len() < 20
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !matches!(bytes[10], b'T' | b't' | b' ')
        || bytes[13] != b':'
        || bytes[16] != b':'
    {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (hour, minute, second) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    let month_days = [
        31,
        28 + i64::from(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)),
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month)
        || day < 1
        || day > month_days[(month - 1) as usize]
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut at = 19;
    let mut nanos: u32 = 0;
    if bytes.get(at) == Some(&b'.') {
        at += 1;
        let start = at;
        while bytes.get(at).is_some_and(u8::is_ascii_digit) {
            if at - start < 9 {
                nanos = nanos * 10 + u32::from(bytes[at] - b'0');
            }
            at += 1;
        }
        let count = at - start;
        if count == 0 {
            return None;
        }
        for _ in count..9 {
            nanos *= 10;
        }
    }
    let offset = match bytes.get(at..)? {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let parts = [*h1, *h2, *m1, *m2];
            if !parts.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let hours = i64::from((h1 - b'0') * 10 + (h2 - b'0'));
            let minutes = i64::from((m1 - b'0') * 10 + (m2 - b'0'));
            if hours > 23 || minutes > 59 {
                return None;
            }
            let total = hours * 3600 + minutes * 60;
            if *sign == b'+' {
                total
            } else {
                -total
            }
        }
        _ => return None,
    };
    let seconds =
        days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second.min(59)
            - offset;
    Some(Instant {
        seconds: u64::try_from(seconds).ok()?,
        nanos,
    })
}

/// `seconds` as RFC 3339 in UTC (`2021-07-25T10:00:00Z`), as a provider sends it.
pub(crate) fn format_rfc3339(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64;
    let rest = seconds % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Checks a signed timestamp against `now`, `tolerance` seconds either way (exactly ±
/// accepted), at the timestamp's own precision: a fraction past the edge is refused.
pub(crate) fn check_window(what: &str, at: Instant, now: u64, tolerance: u64) -> Result<(), Error> {
    const NANOS: u128 = 1_000_000_000;
    let signed = u128::from(at.seconds) * NANOS + u128::from(at.nanos);
    let now_ns = u128::from(now) * NANOS;
    let limit = u128::from(tolerance) * NANOS;
    if now_ns > signed && now_ns - signed > limit {
        return Err(Error::new(
            ErrorCode::TimestampTooOld,
            format!(
                "{what} is {} s in the past, beyond the {tolerance} s tolerance (a replay, or a clock off)",
                now.saturating_sub(at.seconds)
            ),
        ));
    }
    if signed > now_ns && signed - now_ns > limit {
        return Err(Error::new(
            ErrorCode::TimestampInFuture,
            format!(
                "{what} is {} s in the future, beyond the {tolerance} s tolerance (a clock off?)",
                at.seconds.saturating_sub(now)
            ),
        ));
    }
    Ok(())
}

// --- signing --------------------------------------------------------------------------

/// Signs the content with the sender's key: an HMAC secret, or a private key (Ed25519:
/// the 32-byte seed as hex or base64, or Standard Webhooks' `whsk_`; P-256: the 32-byte
/// scalar as hex or base64). Returns the algorithm used and the raw signature.
pub(crate) fn sign_bytes(
    signature: &Signature,
    secret: &[u8],
    message: &[u8],
) -> Result<(Algorithm, Vec<u8>), Error> {
    if secret.is_empty() {
        return Err(Error::new(ErrorCode::InvalidSecret, "the secret is empty"));
    }
    let standard_private =
        signature.key == KeyForm::StandardWebhooks && secret.starts_with(b"whsk_");
    let algorithm = if standard_private {
        Algorithm::Ed25519
    } else {
        key_algorithm(signature, secret)
    };
    fn hmac<M: Mac + KeyInit>(key: &[u8], message: &[u8]) -> Vec<u8> {
        let mut mac = <M as KeyInit>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
        mac.update(message);
        mac.finalize().into_bytes().to_vec()
    }
    let text = || core::str::from_utf8(secret).map_err(|_| bad_key("not text"));
    let bytes = match algorithm {
        Algorithm::HmacSha256 => {
            hmac::<HmacSha256>(&key_material(&signature.key, secret)?, message)
        }
        Algorithm::HmacSha1 => hmac::<Hmac<Sha1>>(&key_material(&signature.key, secret)?, message),
        Algorithm::HmacSha512 => {
            hmac::<Hmac<Sha512>>(&key_material(&signature.key, secret)?, message)
        }
        Algorithm::Ed25519 => {
            use ed25519_dalek::Signer as _;
            let text = text()?;
            let seed: [u8; 32] = match text.strip_prefix("whsk_") {
                Some(rest) => decode_base64(rest)
                    .filter(|bytes| bytes.len() == 64 || bytes.len() == 32)
                    .map(|bytes| bytes[..32].to_vec()),
                None => raw_key(text, 32),
            }
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or_else(|| {
                bad_key("an Ed25519 private key must be its 32-byte seed as hex or base64")
            })?;
            let key = ed25519_dalek::SigningKey::from_bytes(&seed);
            key.sign(message).to_bytes().to_vec()
        }
        Algorithm::EcdsaP256 => {
            use p256::ecdsa::signature::Signer as _;
            let scalar = raw_key(text()?, 32)
                .ok_or_else(|| bad_key("a P-256 private key must be 32 bytes as hex or base64"))?;
            let key = p256::ecdsa::SigningKey::from_slice(&scalar)
                .map_err(|_| bad_key("not a P-256 private key"))?;
            let signed: p256::ecdsa::Signature = key.sign(message);
            signed.to_der().as_bytes().to_vec()
        }
    };
    Ok((algorithm, bytes))
}

/// The signature encoded as the scheme writes one entry.
pub(crate) fn encode(encoding: Encoding, bytes: &[u8]) -> String {
    match encoding {
        Encoding::Hex => base16ct::lower::encode_string(bytes),
        Encoding::Base64 => base64::engine::general_purpose::STANDARD.encode(bytes),
    }
}

/// The algorithm of a token proof never applies; this names where a token goes.
pub(crate) fn token_place(token: &TokenAt) -> &str {
    match token {
        TokenAt::Query => "query",
        TokenAt::Header(name) => name,
        TokenAt::Basic => "Authorization",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trips_and_reads_offsets_and_fractions() {
        for seconds in [0, 1_627_207_200, 1_700_000_000, 4_102_444_800] {
            let text = format_rfc3339(seconds);
            assert_eq!(
                parse_rfc3339(&text),
                Some(Instant { seconds, nanos: 0 }),
                "{text}"
            );
        }
        assert_eq!(format_rfc3339(1_627_207_200), "2021-07-25T10:00:00Z");
        assert_eq!(
            parse_rfc3339("2021-07-25T12:00:00.5+02:00"),
            Some(Instant {
                seconds: 1_627_207_200,
                nanos: 500_000_000
            })
        );
        assert_eq!(
            parse_rfc3339("2021-07-25T10:00:00.123456789Z")
                .unwrap()
                .nanos,
            123_456_789
        );
        for bad in [
            "2021-07-25T10:00:00",
            "2021-13-01T00:00:00Z",
            "2021-02-30T00:00:00Z",
            "2021-07-25T10:00:00.Z",
            "x021-07-25T10:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn window_edges_are_inclusive_at_the_timestamps_precision() {
        let at = |seconds, nanos| Instant { seconds, nanos };
        assert!(check_window("T", at(700, 0), 1000, 300).is_ok());
        assert!(check_window("T", at(1300, 0), 1000, 300).is_ok());
        let code = |i, now| check_window("T", i, now, 300).unwrap_err().code();
        assert_eq!(code(at(699, 0), 1000), ErrorCode::TimestampTooOld);
        assert_eq!(code(at(1301, 0), 1000), ErrorCode::TimestampInFuture);
        // Fractions: 699.5 is 300.5 s old; 1300.5 is 300.5 s ahead.
        assert_eq!(code(at(699, 500_000_000), 1000), ErrorCode::TimestampTooOld);
        assert_eq!(
            code(at(1300, 500_000_000), 1000),
            ErrorCode::TimestampInFuture
        );
        assert!(check_window("T", at(700, 500_000_000), 1000, 300).is_ok());
    }

    #[test]
    fn url_variants_add_or_drop_the_default_port() {
        let url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assert_eq!(
            url_variant(url, 1).unwrap(),
            "https://mycompany.com:443/myapp.php?foo=1&bar=2"
        );
        assert_eq!(url_variant(url, 2), None);
        assert_eq!(url_variant("http://h:80/x", 2).unwrap(), "http://h/x");
        assert_eq!(url_variant("http://h:8080/x", 1), None);
    }
}
