//! Why did a delivery fail? Diagnosis on request, never on the verification path.
//!
//! [`explain`] re-runs verification and, when it fails, re-checks the signature against
//! the usual accidents one by one — the body changed on the way (a newline, line endings,
//! a byte-order mark, a charset, JSON re-serialized), a decorated or decoded secret, a
//! signature in the wrong format or under another header, the wrong provider, a clock off
//! — and reports the causes, most likely first. A cause is *confirmed* when the signature
//! matches once it is undone; such causes rank first, then what is visibly wrong without
//! such proof, then, only when nothing specific was found, the generic advice.
//!
//! Work is bounded: for each of the first [`MAX_SECRETS`] secrets at most
//! [`MAX_HMACS_PER_SECRET`] HMAC-SHA256 computations, each over at most four times the
//! body's size (a re-formatted body that would grow more is skipped). Still, call it from
//! an inspector or an error log, not for every request. Causes say which variant matched,
//! never a secret or a computed signature; do not send them back to the caller of a
//! webhook endpoint all the same, where they would guide a forger.

mod variants;
// Test-only: explain's work counted, against the README's figures.
#[cfg(all(test, feature = "std"))]
mod work_bounds;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use sha2::{Digest, Sha256};

use crate::delivery::Delivery;
use crate::error::{Error, ErrorCode};
use crate::options::Options;
use crate::proof::{self, Sig};
use crate::providers::{Provider, ProviderRef, Resolved};
use crate::scheme::{
    Encoding, Field, Locator, Part, Proof, Scheme, Signature, Syntax, TimeUnit, TokenAt, DIGEST_LEN,
};
use crate::verify::Verifier;

/// Secrets beyond this many are not diagnosed (a rotation has two or three).
pub const MAX_SECRETS: usize = 8;

/// The most HMACs [`explain`] computes per secret: the delivery as is, each body variant,
/// at most four secret variants, the body without the timestamp, and one proof under each
/// of at most three other providers whose signature header the delivery carries. A scheme
/// that signs the URL in several forms (Twilio's default port) computes each of these once
/// per form, so three times as many.
pub const MAX_HMACS_PER_SECRET: usize =
    1 + variants::MAX_TEXT_VARIANTS + variants::MAX_JSON_VARIANTS + 4 + 1 + 3;

/// One likely cause of a failure: a stable code and a message for people.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Hint {
    /// A stable cause code, such as `body_reserialized` or `secret_whitespace` (the
    /// README lists them all).
    pub code: &'static str,
    /// What is most likely wrong and what to do.
    pub message: String,
}

/// What [`explain`] found: the refusal (`None` when the delivery verifies) and its likely
/// causes, most likely first.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Diagnosis {
    /// Why verification refused the delivery; `None` when it is genuine.
    pub error: Option<Error>,
    /// Likely causes, ranked: confirmed by a signature re-check first, then visible
    /// mistakes, then (only if nothing specific was found) generic advice.
    pub causes: Vec<Hint>,
}

impl Diagnosis {
    /// True when the delivery verified.
    pub fn is_genuine(&self) -> bool {
        self.error.is_none()
    }

    /// The most likely cause, if any was found.
    pub fn first_cause(&self) -> Option<&Hint> {
        self.causes.first()
    }
}

/// How sure a cause is; causes are ranked by it, then by the order they were found in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Likelihood {
    /// The signature matches once this is undone.
    Confirmed,
    /// Visibly wrong in the delivery, though no re-check proves it is the whole story.
    Visible,
    /// Worth a look: present, but the signature does not match without it either.
    Possible,
    /// Nothing specific found.
    Generic,
}

/// Explains why `delivery` fails to verify: no error and no causes when it verifies,
/// otherwise the refusal and the likely causes, most likely first.
///
/// ```
/// use hookproof::{explain, sign, Delivery, ErrorCode, Options, SignOptions};
///
/// let body = b"{\"jobId\":5,\"eventType\":\"JobStarted\",\"jobStatus\":\"InProgress\"}";
/// let signed = sign("g2sentry", body, b"s3cret", &SignOptions::at(0))?;
/// // A framework appended a newline to the body it handed over.
/// let received = [&body[..], b"\n"].concat();
/// let diagnosis = explain("g2sentry", &Delivery::new(&signed.headers, &received), &["s3cret"], &Options::default(), 0);
/// assert_eq!(diagnosis.error.unwrap().code(), ErrorCode::SignatureMismatch);
/// assert_eq!(diagnosis.causes[0].code, "body_trailing_newline");
/// # Ok::<(), hookproof::Error>(())
/// ```
pub fn explain<S: AsRef<[u8]>>(
    provider: impl ProviderRef,
    delivery: &Delivery<'_>,
    secrets: &[S],
    options: &Options,
    now: u64,
) -> Diagnosis {
    let error = match Verifier::new(&provider, secrets, options.clone())
        .and_then(|verifier| verifier.verify(delivery, now).map(|_| ()))
    {
        Ok(()) => {
            return Diagnosis {
                error: None,
                causes: Vec::new(),
            }
        }
        Err(error) => error,
    };
    let mut found = Vec::new();
    if let Ok(provider) = provider.resolve() {
        let secrets: Vec<&[u8]> = secrets
            .iter()
            .map(AsRef::as_ref)
            .filter(|s| !s.is_empty())
            .take(MAX_SECRETS)
            .collect();
        let mut diagnosis = Search {
            found: &mut found,
            delivery,
            secrets: &secrets,
            options,
            now,
        };
        let scheme = provider.scheme();
        match &scheme.proof {
            Proof::Signature(signature) => diagnosis.hmac(&provider, signature, &error),
            Proof::Token(TokenAt::Query) => diagnosis.token(&error),
            Proof::Token(place) => diagnosis.token_elsewhere(scheme, place),
        }
    }
    // By likelihood, and within one the order the search found them in (a few dozen at
    // most: one pass per level costs less code than a sort).
    let mut causes = Vec::with_capacity(found.len());
    for level in [
        Likelihood::Confirmed,
        Likelihood::Visible,
        Likelihood::Possible,
        Likelihood::Generic,
    ] {
        causes.extend(
            found
                .iter()
                .filter(|(likelihood, _)| *likelihood == level)
                .map(|(_, hint)| hint.clone()),
        );
    }
    Diagnosis {
        error: Some(error),
        causes,
    }
}

/// The provider whose scheme the delivery's headers (or, for a provider that signs
/// nothing, such as Gengo, its body's format) belong to, for tools that are handed a delivery without being told its provider. A scheme
/// with more of its headers present wins (SIR's timestamp and signature over a lone
/// signature header); between schemes that share those headers, the one whose event
/// fields (type, id, dedupe key: headers or body fields) are present (GitHub's
/// `X-GitHub-Event` over Meta, Bitbucket's `X-Event-Key` over Intercom). A signature in
/// the body (Mailgun, Adyen) counts where its field is present.
///
/// ```
/// use hookproof::{detect_provider, Delivery, Provider};
///
/// let headers = [("X-SIR-Signature", "sha256=00"), ("X-SIR-Timestamp", "1")];
/// assert_eq!(detect_provider(&Delivery::new(&headers, b"{}")), Some(Provider::Sir));
/// let none: [(&str, &str); 0] = [];
/// assert_eq!(detect_provider(&Delivery::new(&none, b"job=%7B%7D")), Some(Provider::Gengo));
/// assert_eq!(detect_provider(&Delivery::new(&none, b"{}")), None);
/// ```
pub fn detect_provider(delivery: &Delivery<'_>) -> Option<Provider> {
    let headers = delivery.headers;
    // Parsed once, for the schemes that read body fields (Mailgun's and Adyen's signature,
    // event fields).
    let json: Option<serde_json::Value> = serde_json::from_slice(delivery.body).ok();
    let in_body = |pointer: &str| {
        json.as_ref()
            .and_then(|value| value.pointer(pointer))
            .is_some()
    };
    let present = |locator: &Locator| match locator {
        Locator::Header(name) => headers.get(name).is_some(),
        Locator::EitherHeader(a, b) => headers.get(a).is_some() || headers.get(b).is_some(),
        // A signature inside the body is seen when the body has text there.
        Locator::Json(pointer) => json
            .as_ref()
            .and_then(|json| json.pointer(pointer))
            .is_some_and(serde_json::Value::is_string),
        Locator::SignatureField(_) => false,
    };
    // (headers, body fields) present: a provider's own header is a stronger sign than a
    // body field such as `/id`, which many schemes read.
    let field_present = |field: &Field| match field {
        Field::None | Field::BodyDigest => (0, 0),
        Field::Header(name) | Field::HeaderDotJson(name, _) => {
            (usize::from(headers.get(name).is_some()), 0)
        }
        Field::EitherHeader(a, b) => (
            usize::from(headers.get(a).is_some() || headers.get(b).is_some()),
            0,
        ),
        Field::Json(pointer) | Field::JsonDotJson(pointer, _) => (0, usize::from(in_body(pointer))),
        Field::FirstJson(pointers) => (
            0,
            usize::from(pointers.iter().any(|pointer| in_body(pointer))),
        ),
    };
    let event_fields = |scheme: &Scheme| {
        let fields = &scheme.event;
        [&fields.kind, &fields.id, &fields.dedupe]
            .into_iter()
            .map(&field_present)
            .fold((0, 0), |(h, j), (dh, dj)| (h + dh, j + dj))
    };
    let by_headers = Provider::ALL
        .iter()
        .rev()
        .filter_map(|&provider| {
            let scheme = provider.scheme();
            match &scheme.proof {
                Proof::Signature(signature) => {
                    if !present(&signature.location) {
                        return None;
                    }
                    let timestamp = scheme.timestamp.as_ref().and_then(|t| match &t.at {
                        at @ (Locator::Header(_) | Locator::EitherHeader(..)) => Some(present(at)),
                        _ => None,
                    });
                    let score = match timestamp {
                        Some(false) => 1,
                        Some(true) => 3,
                        None => 2,
                    };
                    Some(((score, event_fields(scheme)), provider))
                }
                Proof::Token(TokenAt::Header(name)) => headers
                    .get(name)
                    .map(|_| ((2, event_fields(scheme)), provider)),
                // HTTP Basic credentials say little alone: the weakest sign, and only with
                // the scheme's event fields present (Postmark's RecordType).
                Proof::Token(TokenAt::Basic) => headers
                    .get("authorization")
                    .filter(|value| value.len() > 6 && value[..6].eq_ignore_ascii_case("basic "))
                    .map(|_| ((0, event_fields(scheme)), provider))
                    .filter(|((_, fields), _)| *fields != (0, 0)),
                Proof::Token(TokenAt::Query) => None,
            }
        })
        .max_by_key(|(score, _)| *score)
        .map(|(_, provider)| provider);
    // A provider that signs nothing is told by its body: it is in that provider's format
    // when it decodes, or fails only on the payload's shape.
    by_headers.or_else(|| {
        Provider::ALL.iter().copied().find(|provider| {
            provider.proof() == &Proof::Token(TokenAt::Query)
                && match provider.decode(delivery) {
                    Ok(_) => true,
                    Err(error) => error.code() == ErrorCode::InvalidPayload,
                }
        })
    })
}

/// The exact bytes the provider's HMAC covers for this delivery — `<timestamp>.<body>` for
/// SIR, the body itself for G2 Sentry and ContentsPal — so a person can compare them with
/// what their own code hashes. `None` for a provider that signs nothing (Gengo). Unlike
/// verification, the signature header is not read at all; the timestamp header is taken
/// as the scheme signs it (trimmed), and its absence is `missing_timestamp`.
///
/// ```
/// use hookproof::{signed_bytes, Delivery};
///
/// let headers = [("X-SIR-Timestamp", " 1700000000 ")];
/// let signed = signed_bytes("sir", &Delivery::new(&headers, b"{}"))?;
/// assert_eq!(signed.as_deref(), Some(&b"1700000000.{}"[..]));
/// assert_eq!(signed_bytes("gengo", &Delivery::new(&headers, b"job=x"))?, None);
/// # Ok::<(), hookproof::Error>(())
/// ```
pub fn signed_bytes(
    provider: impl ProviderRef,
    delivery: &Delivery<'_>,
) -> Result<Option<Vec<u8>>, Error> {
    let resolved = provider.resolve()?;
    let scheme = resolved.scheme();
    let Some(signature) = scheme.signature() else {
        return Ok(None);
    };
    let json: Option<serde_json::Value> = proof::proof_reads_json(scheme)
        .then(|| serde_json::from_slice(delivery.body).ok())
        .flatten();
    let timestamp = crate::verify::timestamp_text(scheme, signature, delivery, json.as_ref())?;
    let signed = proof::Signed {
        delivery,
        timestamp: timestamp.as_deref(),
        json: json.as_ref(),
    };
    Ok(Some(
        proof::message(&signature.signed, &signed, 0)?.unwrap_or_default(),
    ))
}

struct Search<'a, 'd> {
    found: &'a mut Vec<(Likelihood, Hint)>,
    delivery: &'a Delivery<'d>,
    secrets: &'a [&'a [u8]],
    options: &'a Options,
    now: u64,
}

/// A signature header's value as the sender may have mis-formatted it, with what was off.
struct Lenient {
    candidates: Vec<Sig>,
    format: Vec<Hint>,
}

/// Whether `secret` signs the delivery (with this body and timestamp) as any candidate.
fn secret_signs(
    signature: &Signature,
    parts: &[Part],
    secret: &[u8],
    delivery: &Delivery<'_>,
    timestamp: Option<&str>,
    json: Option<&serde_json::Value>,
    candidates: &[Sig],
) -> bool {
    let Ok(key) = proof::Key::new(&Proof::Signature(signature.clone()), secret) else {
        return false;
    };
    let signed = proof::Signed {
        delivery,
        timestamp,
        json,
    };
    candidates
        .iter()
        .any(|sig| proof::key_signs_any_variant(&key, parts, &signed, sig))
}

impl Search<'_, '_> {
    fn add(&mut self, likelihood: Likelihood, code: &'static str, message: String) {
        self.found.push((likelihood, Hint { code, message }));
    }

    fn any_confirmed(&self) -> bool {
        self.found
            .iter()
            .any(|(likelihood, _)| *likelihood == Likelihood::Confirmed)
    }

    fn hmac(&mut self, provider: &Resolved, signature: &Signature, error: &Error) {
        let scheme = provider.scheme();
        let delivery = self.delivery;
        let body = delivery.body;
        let json: Option<serde_json::Value> = proof::proof_reads_json(scheme)
            .then(|| serde_json::from_slice(body).ok())
            .flatten();
        let json = json.as_ref();
        let timestamp = crate::verify::timestamp_text(scheme, signature, delivery, json)
            .ok()
            .flatten();
        let timestamp = timestamp.as_deref();
        let parts: &[Part] = &signature.signed;

        let Some(value) = proof::locate(&signature.location, delivery, json) else {
            self.signature_elsewhere(provider, signature, timestamp, json);
            return;
        };
        let Lenient { candidates, format } = lenient_signature(signature, &value);
        if candidates.is_empty() {
            for hint in format {
                self.add(Likelihood::Visible, hint.code, hint.message);
            }
            self.other_providers(provider);
            return;
        }
        let signs = |secret: &[u8], timestamp: Option<&str>, body: &[u8], parts: &[Part]| {
            let variant = Delivery { body, ..*delivery };
            secret_signs(
                signature,
                parts,
                secret,
                &variant,
                timestamp,
                json,
                &candidates,
            )
        };
        let any_secret = |timestamp: Option<&str>, body: &[u8]| {
            self.secrets
                .iter()
                .any(|s| signs(s, timestamp, body, parts))
        };

        if matches!(
            error.code(),
            ErrorCode::TimestampTooOld | ErrorCode::TimestampInFuture
        ) {
            self.timestamp_skew(scheme, timestamp);
            return;
        }
        if any_secret(timestamp, body) {
            // Only the format was off (the signature itself is right).
            for hint in format {
                self.add(Likelihood::Confirmed, hint.code, hint.message);
            }
            self.timestamp_skew_if_outside(scheme, timestamp);
            return;
        }
        if !matches!(
            error.code(),
            ErrorCode::SignatureMismatch | ErrorCode::MalformedSignature
        ) {
            return;
        }

        let format_at = self.found.len();
        let mut body_variants = variants::text_variants(body);
        body_variants.extend(variants::json_variants(body));
        // Different changes can lead to the same bytes: each is checked (and told) once.
        let mut tried: Vec<[u8; DIGEST_LEN]> = alloc::vec![Sha256::digest(body).into()];
        for variant in body_variants {
            let fingerprint: [u8; DIGEST_LEN] = Sha256::digest(&variant.bytes).into();
            if tried.contains(&fingerprint) {
                continue;
            }
            tried.push(fingerprint);
            if any_secret(timestamp, &variant.bytes) {
                self.add(Likelihood::Confirmed, variant.code, variant.message);
            }
        }
        let name = &scheme.name;
        for &secret in self.secrets {
            // Stripe's API keys are not webhook signing secrets (those are `whsec_…`).
            if provider.provider() == Some(Provider::Stripe)
                && [&b"sk_"[..], b"rk_", b"pk_"]
                    .iter()
                    .any(|p| secret.starts_with(p))
            {
                self.add(Likelihood::Visible, "secret_api_key", String::from("a secret is a Stripe API key (`sk_`/`rk_`/`pk_`); webhooks are signed with the endpoint's signing secret, `whsec_…`, shown on the endpoint's page"));
            }
            let trimmed = secret.trim_ascii();
            if trimmed.len() != secret.len() {
                let matched = !trimmed.is_empty() && signs(trimmed, timestamp, body, parts);
                let (likelihood, how) = if matched {
                    (
                        Likelihood::Confirmed,
                        " and the signature matches without it",
                    )
                } else {
                    (Likelihood::Possible, "")
                };
                self.add(likelihood, "secret_whitespace", format!("a secret has leading or trailing whitespace{how}; remove it (read from a file or an env var with a newline?)"));
            }
            for (mut variant, code, how) in secret_variants(trimmed) {
                let matched = signs(&variant, timestamp, body, parts);
                // A variant is the secret, decorated or decoded.
                zeroize::Zeroize::zeroize(variant.as_mut_slice());
                if matched {
                    self.add(Likelihood::Confirmed, code, format!("the signature matches the secret {how}; {name} keys HMAC-SHA256 with the secret's text exactly as the provider shows it, so the sender and this receiver disagree on the key: check which one the sender uses"));
                }
            }
        }
        let timestamped = parts.iter().any(|part| matches!(part, Part::Timestamp));
        if let (true, Some(spec), Some(_)) = (timestamped, &scheme.timestamp, timestamp) {
            if self
                .secrets
                .iter()
                .any(|s| signs(s, None, body, &[Part::Body]))
            {
                let name = proof::locator_name(&spec.at);
                self.add(Likelihood::Confirmed, "timestamp_not_signed", format!("the signature matches the body alone, without `<{name}>.` before it: the sender does not sign the timestamp (another provider's scheme?)"));
            }
        }
        if !self.any_confirmed() {
            self.other_providers(provider);
        }
        // The format was visibly off; confirmed if the rest is now explained.
        let likelihood = if self.any_confirmed() {
            Likelihood::Confirmed
        } else {
            Likelihood::Visible
        };
        for (offset, hint) in format.into_iter().enumerate() {
            self.found.insert(format_at + offset, (likelihood, hint));
        }
        if !self.any_confirmed() {
            self.add(Likelihood::Generic, "raw_body", format!("no variant of the body or the secret matches: check that this is the secret configured for this endpoint at {name}, and that the body is the raw request bytes (not parsed and re-serialized, not decoded as text and re-encoded)"));
        }
    }

    /// No signature header: renamed by a proxy, another provider's, or dropped.
    fn signature_elsewhere(
        &mut self,
        provider: &Resolved,
        signature: &Signature,
        timestamp: Option<&str>,
        json: Option<&serde_json::Value>,
    ) {
        let wanted = proof::locator_name(&signature.location);
        let owner = |name: &str| {
            Provider::ALL.iter().copied().find(|other| {
                other
                    .scheme()
                    .signature()
                    .is_some_and(|s| match &s.location {
                        Locator::Header(header) => header.eq_ignore_ascii_case(name),
                        Locator::EitherHeader(a, b) => {
                            a.eq_ignore_ascii_case(name) || b.eq_ignore_ascii_case(name)
                        }
                        _ => false,
                    })
            })
        };
        // Another provider's header is that provider's business (other_providers).
        let mut renamed = Vec::new();
        let mut similar = Vec::new();
        let mut count = 0;
        let delivery = self.delivery;
        let secrets = self.secrets;
        delivery.headers.for_each(&mut |name, value| {
            count += 1;
            let candidates = lenient_signature(signature, value).candidates;
            let matches = owner(name).is_none()
                && !candidates.is_empty()
                && secrets.iter().any(|secret| {
                    secret_signs(
                        signature,
                        &signature.signed,
                        secret,
                        delivery,
                        timestamp,
                        json,
                        &candidates,
                    )
                });
            if matches {
                renamed.push(String::from(name));
            } else {
                let lower = name.to_ascii_lowercase();
                if lower.contains("signature") || lower.ends_with("-sig") || lower.contains("hmac")
                {
                    similar.push(String::from(name));
                }
            }
            count >= 256
        });
        self.other_providers(provider);
        for name in &renamed {
            self.add(Likelihood::Confirmed, "signature_header_renamed", format!("no {wanted} header, but {name} carries a signature that matches: a proxy or gateway renamed the header; read it from {name} or fix the proxy"));
        }
        for name in &similar {
            let whose = match owner(name) {
                Some(other) if Some(other) != provider.provider() => {
                    format!(" ({other}'s header: is this a {other} delivery?)")
                }
                _ => String::new(),
            };
            self.add(
                Likelihood::Visible,
                "similar_header",
                format!("no {wanted} header, but {name} is present{whose}"),
            );
        }
        if renamed.is_empty() && similar.is_empty() {
            self.add(Likelihood::Visible, "signature_header_missing", format!("the delivery has no {wanted} header at all: a proxy or framework dropped it, the headers were not passed on, or the sender does not sign (ContentsPal signs only when a secret is configured there)"));
        }
    }

    /// Other providers the delivery verifies as. Only those whose proof the delivery
    /// carries are tried (a missing header costs no hashing), and at most three signature
    /// providers, which bounds the HMACs (`MAX_HMACS_PER_SECRET`).
    fn other_providers(&mut self, provider: &Resolved) {
        let headers = self.delivery.headers;
        let mut tried = 0;
        let mut seen: Vec<&Proof> = alloc::vec![&provider.scheme().proof];
        for other in Provider::ALL.iter().copied() {
            // A proof identical to one already tried (Lemon Squeezy's is G2 Sentry's) would
            // only repeat its verdict: the first provider in the registry stands for it.
            if Some(other) == provider.provider() || tried >= 3 || seen.contains(&other.proof()) {
                continue;
            }
            seen.push(other.proof());
            let carried = match &other.scheme().proof {
                Proof::Signature(signature) => match &signature.location {
                    Locator::Header(name) => headers.get(name).is_some(),
                    Locator::EitherHeader(a, b) => {
                        headers.get(a).is_some() || headers.get(b).is_some()
                    }
                    _ => false,
                },
                Proof::Token(TokenAt::Header(name)) => headers.get(name).is_some(),
                Proof::Token(_) => true,
            };
            if !carried {
                continue;
            }
            let Ok(verifier) = Verifier::new(other, self.secrets, self.options.clone()) else {
                continue;
            };
            if other.scheme().signature().is_some() {
                tried += 1;
            }
            if verifier.prove(self.delivery, self.now).is_ok() {
                self.add(Likelihood::Confirmed, "wrong_provider", format!("the delivery verifies as a {other} delivery: was the wrong provider chosen?"));
            }
        }
    }

    fn timestamp_skew_if_outside(&mut self, scheme: &Scheme, timestamp: Option<&str>) {
        let Some(at) = self.instant(scheme, timestamp) else {
            return;
        };
        let tolerance = crate::verify::tolerance(scheme, self.options);
        if proof::check_window("", at, self.now, tolerance).is_err() {
            self.timestamp_skew(scheme, timestamp);
        }
    }

    fn instant(&self, scheme: &Scheme, timestamp: Option<&str>) -> Option<proof::Instant> {
        let unit = scheme.timestamp.as_ref()?.unit;
        proof::parse_timestamp("", unit, timestamp?).ok()
    }

    fn timestamp_skew(&mut self, scheme: &Scheme, timestamp: Option<&str>) {
        let Some(at) = self.instant(scheme, timestamp) else {
            return;
        };
        let seconds = at.seconds;
        let tolerance = crate::verify::tolerance(scheme, self.options);
        let unit = scheme.timestamp.as_ref().map(|t| t.unit);
        if unit == Some(TimeUnit::Seconds)
            && seconds > 100_000_000_000
            && (seconds / 1000).abs_diff(self.now) <= tolerance
        {
            self.add(Likelihood::Confirmed, "timestamp_milliseconds", String::from("the signature matches; the timestamp is in milliseconds where the scheme uses seconds (or `now` was given in the wrong unit)"));
            return;
        }
        let (size, direction) = if seconds < self.now {
            (self.now - seconds, "behind")
        } else {
            (seconds - self.now, "ahead of")
        };
        self.add(Likelihood::Confirmed, "timestamp_skew", format!("the signature matches; the timestamp is {size} s {direction} now (tolerance {tolerance} s): a replayed or long-queued delivery, a clock off on one side, or `now` in the wrong unit"));
    }

    /// A token in a header or in Basic credentials: absent, or padded.
    fn token_elsewhere(&mut self, scheme: &Scheme, place: &TokenAt) {
        let name = proof::token_place(place);
        match self.delivery.headers.get(name) {
            None => self.add(Likelihood::Visible, "token_missing", format!("the delivery has no {name} header: {} sends its token there; check that the proxy passes it on", scheme.name)),
            Some(value) => {
                let trimmed = value.trim();
                if self.secrets.iter().any(|s| s.trim_ascii() == trimmed.as_bytes() && s.len() != trimmed.len()) {
                    self.add(Likelihood::Confirmed, "secret_whitespace", String::from("the token matches once the secret's surrounding whitespace is removed"));
                }
            }
        }
    }

    fn token(&mut self, error: &Error) {
        let param = self.options.token_param.as_str();
        let Some(url) = self.delivery.url else {
            self.add(Likelihood::Visible, "url_missing", String::from("no request URL was given: pass the full URL or path with its query string (Node `req.url`, Fetch `request.url`)"));
            return;
        };
        let query = url
            .split_once('?')
            .map(|(_, q)| q.split('#').next().unwrap_or(""))
            .unwrap_or("");
        let mut named = false;
        for (name, value) in form_urlencoded::parse(query.as_bytes()) {
            let matches = self.secrets.iter().any(|s| *s == value.as_bytes());
            named |= name == param;
            if name != param && matches {
                self.add(Likelihood::Confirmed, "token_param_name", format!("the secret is in the `{name}` query parameter, not `{param}`; set the token parameter option to `{name}`"));
            }
            if name == param && !matches {
                let trimmed = value.trim();
                if trimmed != value && self.secrets.contains(&trimmed.as_bytes()) {
                    self.add(
                        Likelihood::Confirmed,
                        "token_whitespace",
                        String::from("the token matches once surrounding whitespace is removed"),
                    );
                }
                let twice: String = form_urlencoded::parse(format!("x={value}").as_bytes())
                    .next()
                    .map(|(_, v)| v.into_owned())
                    .unwrap_or_default();
                if twice != value && self.secrets.contains(&twice.as_bytes()) {
                    self.add(Likelihood::Confirmed, "token_double_encoded", String::from("the token matches once URL-decoded a second time: it was encoded twice when the callback URL was registered"));
                }
            }
        }
        if !named && !self.any_confirmed() {
            self.add(Likelihood::Visible, "token_missing", format!("the URL has no `{param}` query parameter: register the callback URL with `?{param}=<secret>`, and pass the URL with its query string"));
        }
        for secret in self.secrets {
            if secret.trim_ascii().len() != secret.len() {
                self.add(
                    Likelihood::Possible,
                    "secret_whitespace",
                    String::from("a secret has leading or trailing whitespace; remove it"),
                );
            }
        }
        if error.code() == ErrorCode::MalformedBody && self.delivery.body.first() == Some(&b'{') {
            self.add(Likelihood::Visible, "body_json", String::from("the body is JSON, but Gengo posts a form (`job=` or `comment=`); pass the raw request body, not a parsed one"));
        }
    }
}

/// Reads a signature value leniently: a prefix missing or unexpected, base64 instead of
/// hex (or the reverse). Each deviation is a hint; the candidates, if any reading yields
/// one. List and versioned syntaxes are read strictly.
fn lenient_signature(signature: &Signature, value: &str) -> Lenient {
    let mut format = Vec::new();
    let header = proof::locator_name(&signature.location);
    let prefix = match &signature.syntax {
        Syntax::Bare => "",
        Syntax::Prefixed(prefix) => prefix.as_ref(),
        Syntax::OptionalPrefix(prefix) => prefix.as_ref(),
        Syntax::List { .. } | Syntax::Versioned(_) | Syntax::Positional(_) => {
            let candidates = match proof::read_candidates(signature, value, header) {
                Ok(candidates) => candidates.iter().map(|(_, sig)| *sig).collect(),
                Err(error) => {
                    format.push(Hint {
                        code: "signature_malformed",
                        message: String::from(error.message()),
                    });
                    Vec::new()
                }
            };
            return Lenient { candidates, format };
        }
    };
    let (native_name, other_name) = match signature.encoding {
        Encoding::Hex => ("hex", "base64"),
        Encoding::Base64 => ("base64", "hex"),
    };
    let value = value.trim();
    let (rest, had_prefix) = match proof::strip_prefix_ignore_case(value, prefix) {
        Some(rest) => (rest, !prefix.is_empty()),
        None => (value, false),
    };
    let rest = match rest.split_once('=') {
        Some((label, digits))
            if prefix.is_empty()
                && label.len() < 10
                && !label.is_empty()
                && label.bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            format.push(Hint {
                code: "prefix_unexpected",
                message: format!(
                    "{header} carries a `{label}=` prefix, but this provider sends bare {native_name}"
                ),
            });
            digits
        }
        _ => rest,
    };
    let optional = matches!(signature.syntax, Syntax::OptionalPrefix(_));
    if !prefix.is_empty() && !had_prefix && !optional {
        format.push(Hint {
            code: "prefix_missing",
            message: format!("{header} lacks the `{prefix}` prefix"),
        });
    }
    let len = signature.algorithm.signature_len();
    let as_hex = || {
        let mut bytes = alloc::vec![0u8; len];
        (rest.len() == len * 2 && base16ct::mixed::decode(rest, &mut bytes).is_ok())
            .then(|| Sig::from_slice(&bytes))
            .flatten()
    };
    let as_base64 = || {
        use base64::Engine as _;
        [
            base64::engine::general_purpose::STANDARD,
            base64::engine::general_purpose::URL_SAFE,
        ]
        .iter()
        .find_map(|engine| {
            engine
                .decode(rest.trim_end_matches('='))
                .or_else(|_| engine.decode(rest))
                .ok()
                .filter(|bytes| bytes.len() == len)
        })
        .and_then(|bytes| Sig::from_slice(&bytes))
    };
    let (native, other, other_code) = match signature.encoding {
        Encoding::Hex => (as_hex(), as_base64(), "signature_base64"),
        Encoding::Base64 => (as_base64(), as_hex(), "signature_hex"),
    };
    if let Some(sig) = native {
        return Lenient {
            candidates: alloc::vec![sig],
            format,
        };
    }
    if let Some(sig) = other {
        format.push(Hint {
            code: other_code,
            message: format!("{header} is {other_name}; this provider sends {native_name}"),
        });
        return Lenient {
            candidates: alloc::vec![sig],
            format,
        };
    }
    let (right_length, expected) = match signature.encoding {
        Encoding::Hex => (rest.len() == len * 2, format!("{} hex digits", len * 2)),
        Encoding::Base64 => (
            rest.trim_end_matches('=').len() == (len * 4).div_ceil(3),
            format!("base64 of {len} bytes"),
        ),
    };
    if !right_length {
        format.push(Hint { code: "signature_length", message: format!("{header} has {} characters where {expected} are expected: truncated, or another algorithm?", rest.len()) });
    } else {
        format.push(Hint {
            code: "signature_not_hex",
            message: format!(
                "{header} has {} characters but not all are {native_name} digits",
                rest.len()
            ),
        });
    }
    Lenient {
        candidates: Vec::new(),
        format,
    }
}

/// Keys a sender might use in place of the secret as given: its `whsec_` prefix dropped
/// or added, hex- or base64-decoded (Standard Webhooks style). At most four. Each is as
/// secret as the secret: the caller wipes them.
fn secret_variants(secret: &[u8]) -> Vec<(Vec<u8>, &'static str, &'static str)> {
    use base64::Engine as _;
    let mut out = Vec::new();
    let text = core::str::from_utf8(secret).unwrap_or("");
    let bare = text.strip_prefix("whsec_");
    match bare {
        Some(bare) => out.push((
            bare.as_bytes().to_vec(),
            "secret_prefix",
            "without its `whsec_` prefix",
        )),
        None if !text.is_empty() => out.push((
            // Sized up front: a `format!` would grow it, leaving copies unwiped.
            [&b"whsec_"[..], text.as_bytes()].concat(),
            "secret_prefix",
            "with `whsec_` before it (the whole secret as, for one, SIR shows it)",
        )),
        None => {}
    }
    let bare = bare.unwrap_or(text);
    if bare.len() % 2 == 0 && !bare.is_empty() {
        let mut bytes = alloc::vec![0u8; bare.len() / 2];
        if base16ct::mixed::decode(bare, &mut bytes).is_ok() {
            out.push((bytes, "secret_decoded", "hex-decoded"));
        } else {
            // What was decoded before the first non-hex digit.
            zeroize::Zeroize::zeroize(bytes.as_mut_slice());
        }
    }
    if let Ok(bytes) = base64::engine::general_purpose::STANDARD.decode(bare) {
        if !bytes.is_empty() {
            out.push((bytes, "secret_decoded", "base64-decoded"));
        }
    }
    out
}
