//! Why did a delivery fail? Diagnosis on request, never on the verification path.
//!
//! [`explain`] re-runs verification and, when it fails, tries the usual mistakes one by
//! one (a changed body, a decorated secret, a wrong signature format, the wrong provider,
//! a clock off) and reports those that explain the failure. It hashes the body several
//! times, so call it from an inspector or an error log, not for every request. Its hints
//! say which variant matched, never a secret or a computed signature; still, do not send
//! them back to the caller of a webhook endpoint, where they would guide a forger.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use hmac::KeyInit;
use subtle::ConstantTimeEq;

use crate::delivery::Delivery;
use crate::error::{Error, ErrorCode};
use crate::options::Options;
use crate::providers::{Provider, ProviderRef};
use crate::scheme::{self, HmacScheme, HmacSha256, Proof, DIGEST_LEN};
use crate::verify::Verifier;

/// One likely cause of a failure: a stable code and a message for people.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Hint {
    /// The verification error's code (first hint) or a hint code such as
    /// `body_trailing_newline`, `prefix_missing`, `signature_base64`, `secret_whitespace`,
    /// `secret_decoded`, `wrong_provider`, `similar_header`, `timestamp_skew`,
    /// `timestamp_milliseconds`, `token_param_name`, `url_missing`, `raw_body`.
    pub code: &'static str,
    /// What is most likely wrong and what to do.
    pub message: String,
}

/// Explains why `delivery` fails to verify: empty when it verifies, otherwise the error
/// first, then every hint that accounts for it.
///
/// ```
/// use hookproof::{explain, sign, Delivery, Options, SignOptions};
///
/// let body = b"{\"jobId\":5,\"eventType\":\"JobStarted\",\"jobStatus\":\"InProgress\"}";
/// let signed = sign("g2sentry", body, b"s3cret", &SignOptions::at(0))?;
/// // A framework appended a newline to the body it handed over.
/// let received = [&body[..], b"\n"].concat();
/// let hints = explain("g2sentry", &Delivery::new(&signed.headers, &received), &["s3cret"], &Options::default(), 0);
/// assert_eq!(hints[0].code, "signature_mismatch");
/// assert!(hints.iter().any(|hint| hint.code == "body_trailing_newline"));
/// # Ok::<(), hookproof::Error>(())
/// ```
pub fn explain<S: AsRef<[u8]>>(
    provider: impl ProviderRef,
    delivery: &Delivery<'_>,
    secrets: &[S],
    options: &Options,
    now: u64,
) -> Vec<Hint> {
    let error = match Verifier::new(&provider, secrets, options.clone())
        .and_then(|verifier| verifier.verify(delivery, now).map(|_| ()))
    {
        Ok(()) => return Vec::new(),
        Err(error) => error,
    };
    let mut hints = alloc::vec![Hint {
        code: error.code().as_str(),
        message: String::from(error.message()),
    }];
    let Ok(provider) = provider.resolve() else {
        return hints;
    };
    let secrets: Vec<&[u8]> = secrets
        .iter()
        .map(AsRef::as_ref)
        .filter(|s| !s.is_empty())
        .collect();
    let mut diagnosis = Diagnosis {
        hints: &mut hints,
        delivery,
        secrets: &secrets,
        options,
        now,
    };
    match provider.proof() {
        Proof::HmacHex(hmac) => diagnosis.hmac(provider, hmac, &error),
        Proof::UrlToken => diagnosis.token(&error),
    }
    hints
}

struct Diagnosis<'a, 'd> {
    hints: &'a mut Vec<Hint>,
    delivery: &'a Delivery<'d>,
    secrets: &'a [&'a [u8]],
    options: &'a Options,
    now: u64,
}

impl Diagnosis<'_, '_> {
    fn hint(&mut self, code: &'static str, message: String) {
        self.hints.push(Hint { code, message });
    }

    fn hmac(&mut self, provider: Provider, scheme: &HmacScheme, error: &Error) {
        let headers = self.delivery.headers;
        let body = self.delivery.body;
        let timestamp = scheme
            .timestamp_header
            .and_then(|name| headers.get(name))
            .map(str::trim);

        let Some(value) = headers.get(scheme.signature_header) else {
            self.similar_headers(provider, scheme);
            return;
        };
        let digest = self.lenient_signature(scheme, value);
        let Some(digest) = digest else { return };

        let signs = |secret: &[u8], timestamp: Option<&str>, body: &[u8]| -> bool {
            let key = HmacSha256::new_from_slice(secret).unwrap_or_else(|_| unreachable!());
            bool::from(scheme::mac(&key, timestamp, body).ct_eq(&digest))
        };
        let any_secret = |timestamp: Option<&str>, body: &[u8]| {
            self.secrets.iter().any(|s| signs(s, timestamp, body))
        };
        let mut explained = any_secret(timestamp, body);

        match error.code() {
            ErrorCode::TimestampTooOld | ErrorCode::TimestampInFuture => {
                self.timestamp_skew(timestamp);
                return;
            }
            ErrorCode::SignatureMismatch | ErrorCode::MalformedSignature => {}
            _ => return,
        }

        for (variant, message) in body_variants(body) {
            if any_secret(timestamp, &variant) {
                self.hint("body_trailing_newline", message);
                explained = true;
            }
        }
        // Minifying also drops a trailing newline, already reported above.
        let minified = (!explained).then(|| minify_json(body)).flatten();
        if let Some(minified) = minified {
            if minified != body && any_secret(timestamp, &minified) {
                self.hint(
                    "body_reserialized",
                    String::from("the signature matches the body without its whitespace: the body was re-formatted after signing (a framework parsed and re-serialized it); pass the raw bytes"),
                );
                explained = true;
            }
        }
        for secret in self.secrets {
            let trimmed = trim_ascii(secret);
            if trimmed.len() != secret.len() {
                let matched = !trimmed.is_empty() && signs(trimmed, timestamp, body);
                explained |= matched;
                self.hint(
                    "secret_whitespace",
                    format!(
                        "a secret has surrounding whitespace{}; remove it (read from a file or env var with a newline?)",
                        if matched { " and the signature matches without it" } else { "" }
                    ),
                );
            }
            for (decoded, how) in decoded_secrets(secret) {
                if signs(&decoded, timestamp, body) {
                    explained = true;
                    self.hint(
                        "secret_decoded",
                        format!("the signature matches the secret {how}; {provider} keys HMAC with the secret's text as given, so the sender and this receiver disagree on the key: check which one the sender uses"),
                    );
                }
            }
        }
        if scheme.timestamp_header.is_some() && timestamp.is_some() && any_secret(None, body) {
            explained = true;
            self.hint(
                "timestamp_not_signed",
                format!("the signature matches the body alone, without `{}.` before it: the sender does not sign the timestamp (another provider?)", scheme.timestamp_header.unwrap_or("")),
            );
        }
        if !explained {
            self.other_providers(provider);
        }
        if !explained && !self.hints.iter().any(|h| h.code == "wrong_provider") {
            self.hint(
                "raw_body",
                format!("no variant of body or secret matches: check that this is the secret configured for this endpoint at {provider}, and that the body is the raw request bytes (not parsed and re-serialized, not decoded as text and re-encoded)"),
            );
        }
    }

    /// Reads the signature the way a sender might have mis-formatted it, saying how.
    fn lenient_signature(&mut self, scheme: &HmacScheme, value: &str) -> Option<[u8; DIGEST_LEN]> {
        let value = value.trim();
        let (rest, had_prefix) = match scheme::strip_prefix_ignore_case(value, scheme.prefix) {
            Some(rest) => (rest, !scheme.prefix.is_empty()),
            None => (value, false),
        };
        let rest = match rest.split_once('=') {
            Some((label, digits))
                if scheme.prefix.is_empty()
                    && label.len() < 10
                    && !label.is_empty()
                    && label.bytes().all(|b| b.is_ascii_alphanumeric()) =>
            {
                self.hint(
                    "prefix_unexpected",
                    format!(
                        "{} carries a `{label}=` prefix, but this provider sends bare hex",
                        scheme.signature_header
                    ),
                );
                digits
            }
            _ => rest,
        };
        if !scheme.prefix.is_empty() && !had_prefix {
            self.hint(
                "prefix_missing",
                format!(
                    "{} lacks the `{}` prefix",
                    scheme.signature_header, scheme.prefix
                ),
            );
        }
        let mut digest = [0u8; DIGEST_LEN];
        if rest.len() == DIGEST_LEN * 2 && base16ct::mixed::decode(rest, &mut digest).is_ok() {
            return Some(digest);
        }
        use base64::Engine as _;
        let engines = [
            base64::engine::general_purpose::STANDARD,
            base64::engine::general_purpose::URL_SAFE,
        ];
        for engine in engines {
            if let Ok(bytes) = engine
                .decode(rest.trim_end_matches('='))
                .or_else(|_| engine.decode(rest))
            {
                if let Ok(bytes) = <[u8; DIGEST_LEN]>::try_from(bytes.as_slice()) {
                    self.hint(
                        "signature_base64",
                        format!(
                            "{} is base64; this provider sends hex",
                            scheme.signature_header
                        ),
                    );
                    return Some(bytes);
                }
            }
        }
        if rest.len() != DIGEST_LEN * 2 {
            self.hint(
                "signature_length",
                format!("{} has {} characters where {} hex digits are expected: truncated, or another algorithm?", scheme.signature_header, rest.len(), DIGEST_LEN * 2),
            );
        }
        None
    }

    fn similar_headers(&mut self, provider: Provider, scheme: &HmacScheme) {
        let wanted = scheme.signature_header;
        let mut similar: Vec<String> = Vec::new();
        self.delivery.headers.for_each(&mut |name, _| {
            let lower = name.to_ascii_lowercase();
            if lower.contains("signature") || lower.ends_with("-sig") || lower.contains("hmac") {
                similar.push(String::from(name));
            }
            false
        });
        for name in similar {
            let owner = Provider::ALL.iter().find(|other| match other.proof() {
                Proof::HmacHex(s) => s.signature_header.eq_ignore_ascii_case(&name),
                Proof::UrlToken => false,
            });
            let whose = match owner {
                Some(other) if *other != provider => {
                    format!(" ({other}'s header: is this a {other} delivery?)")
                }
                _ => String::new(),
            };
            self.hint(
                "similar_header",
                format!("no {wanted} header, but {name} is present{whose}; a proxy may also have renamed or dropped it"),
            );
        }
    }

    fn other_providers(&mut self, provider: Provider) {
        for other in Provider::ALL.iter().copied().filter(|p| *p != provider) {
            let Ok(verifier) = Verifier::new(other, self.secrets, self.options.clone()) else {
                continue;
            };
            if verifier.prove(self.delivery, self.now).is_ok() {
                self.hint(
                    "wrong_provider",
                    format!("the delivery verifies as a {other} delivery: was the wrong provider chosen?"),
                );
            }
        }
    }

    fn timestamp_skew(&mut self, timestamp: Option<&str>) {
        let Some(seconds) = timestamp.and_then(|t| t.parse::<u64>().ok()) else {
            return;
        };
        if seconds > 100_000_000_000
            && (seconds / 1000).abs_diff(self.now) <= self.options.tolerance_seconds
        {
            self.hint(
                "timestamp_milliseconds",
                String::from("the timestamp looks like milliseconds; the scheme uses seconds (or `now` was given in the wrong unit)"),
            );
            return;
        }
        let (size, direction) = if seconds < self.now {
            (self.now - seconds, "behind")
        } else {
            (seconds - self.now, "ahead of")
        };
        self.hint(
            "timestamp_skew",
            format!("the signature is genuine; the timestamp is {size} s {direction} now (tolerance {} s). A replayed or long-queued delivery, a clock off on one side, or `now` in the wrong unit", self.options.tolerance_seconds),
        );
    }

    fn token(&mut self, error: &Error) {
        let param = self.options.token_param.as_str();
        let Some(url) = self.delivery.url else {
            self.hint(
                "url_missing",
                String::from("no request URL was given: pass the full URL or path with its query string (Node `req.url`, Fetch `request.url`)"),
            );
            return;
        };
        let query = url
            .split_once('?')
            .map(|(_, q)| q.split('#').next().unwrap_or(""))
            .unwrap_or("");
        for (name, value) in form_urlencoded::parse(query.as_bytes()) {
            let matches = self.secrets.iter().any(|s| *s == value.as_bytes());
            if name != param && matches {
                self.hint(
                    "token_param_name",
                    format!("the secret is in the `{name}` query parameter; set the token parameter option to `{name}`"),
                );
            }
            if name == param && !matches {
                let trimmed = value.trim();
                if trimmed != value && self.secrets.contains(&trimmed.as_bytes()) {
                    self.hint(
                        "token_whitespace",
                        String::from("the token matches once surrounding whitespace is removed"),
                    );
                }
                let twice: String = form_urlencoded::parse(alloc::format!("x={value}").as_bytes())
                    .next()
                    .map(|(_, v)| v.into_owned())
                    .unwrap_or_default();
                if twice != value && self.secrets.contains(&twice.as_bytes()) {
                    self.hint("token_double_encoded", String::from("the token matches once URL-decoded a second time: it was encoded twice when the callback URL was registered"));
                }
            }
        }
        for secret in self.secrets {
            if trim_ascii(secret).len() != secret.len() {
                self.hint(
                    "secret_whitespace",
                    String::from("a secret has surrounding whitespace; remove it"),
                );
            }
        }
        if error.code() == ErrorCode::MalformedBody && self.delivery.body.first() == Some(&b'{') {
            self.hint(
                "body_json",
                String::from("the body is JSON, but Gengo posts a form (`job=` or `comment=`); pass the raw request body, not a parsed one"),
            );
        }
    }
}

/// The body with a trailing newline added or removed, and why each would happen.
fn body_variants(body: &[u8]) -> Vec<(Vec<u8>, String)> {
    let mut variants = Vec::new();
    let trimmed = body
        .strip_suffix(b"\r\n")
        .or_else(|| body.strip_suffix(b"\n"));
    if let Some(trimmed) = trimmed {
        variants.push((
            trimmed.to_vec(),
            String::from("the signature matches the body without its trailing newline: something added one after signing (a proxy, a test fixture, an editor)"),
        ));
    } else {
        variants.push((
            [body, b"\n"].concat(),
            String::from("the signature matches the body with a trailing newline: the sender signed one, and something stripped it"),
        ));
    }
    variants
}

/// Candidate decodings of a secret that senders sometimes apply (Standard Webhooks style).
fn decoded_secrets(secret: &[u8]) -> Vec<(Vec<u8>, &'static str)> {
    use base64::Engine as _;
    let mut out = Vec::new();
    let text = core::str::from_utf8(secret).unwrap_or("");
    let bare = text.strip_prefix("whsec_").unwrap_or(text);
    if bare.len() != text.len() {
        out.push((bare.as_bytes().to_vec(), "without its `whsec_` prefix"));
    }
    if bare.len() % 2 == 0 && !bare.is_empty() {
        let mut bytes = alloc::vec![0u8; bare.len() / 2];
        if base16ct::mixed::decode(bare, &mut bytes).is_ok() {
            out.push((bytes, "hex-decoded"));
        }
    }
    if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(bare) {
        if !bytes.is_empty() {
            out.push((bytes, "base64-decoded"));
        }
    }
    out
}

fn trim_ascii(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

/// The JSON text without insignificant whitespace, keys in their order; `None` if the
/// body is not JSON.
fn minify_json(body: &[u8]) -> Option<Vec<u8>> {
    serde_json::from_slice::<serde::de::IgnoredAny>(body).ok()?;
    let mut out = Vec::with_capacity(body.len());
    let (mut in_string, mut escaped) = (false, false);
    for &byte in body {
        if in_string {
            out.push(byte);
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
        } else if !byte.is_ascii_whitespace() {
            in_string = byte == b'"';
            out.push(byte);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::minify_json;

    #[test]
    fn minify_keeps_strings_and_order() {
        let pretty = b"{\n  \"b\": \"x y\\\" z\",\n  \"a\": [1, 2]\n}\n";
        assert_eq!(
            minify_json(pretty).unwrap(),
            b"{\"b\":\"x y\\\" z\",\"a\":[1,2]}".to_vec()
        );
        assert!(minify_json(b"not json").is_none());
    }
}
