//! Delivery → proof → decode → event: the one path every provider goes through.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::delivery::Delivery;
use crate::error::{Error, ErrorCode};
use crate::event::Event;
use crate::options::Options;
use crate::proof::{self, Candidates, Key, Signed as SignedContent};
use crate::providers::{Provider, ProviderRef, Resolved};
use crate::scheme::{
    Locator, Part, Proof, Scheme, Signature, Syntax, TimeUnit, TokenAt, DIGEST_LEN,
};

/// A provider's secrets and options, prepared once for many verifications.
///
/// The key of every secret (an HMAC key schedule, a public key, a token digest) is
/// prepared in [`Verifier::new`], so each [`Verifier::verify`] only hashes the delivery.
/// Several secrets support rotation: every one is tried on every delivery, in constant
/// time.
///
/// ```
/// use hookproof::{sign, Delivery, Options, SignOptions, Verifier};
///
/// let verifier = Verifier::new("sir", &["whsec_new", "whsec_old"], Options::default())?;
/// let body = br#"{"id":"evt_1","type":"user.created","data":{}}"#;
/// let signed = sign("sir", body, b"whsec_old", &SignOptions::at(1_700_000_000))?;
/// let event = verifier.verify(&Delivery::new(&signed.headers, body), 1_700_000_010)?;
/// assert_eq!(event.dedupe_key, "evt_1");
/// # Ok::<(), hookproof::Error>(())
/// ```
#[derive(Clone)]
pub struct Verifier {
    resolved: Resolved,
    keys: proof::Keys,
    options: Options,
    /// The window in seconds: the scheme's documented one unless the options set another.
    tolerance: u64,
}

impl core::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // Never the keys: they are the secrets.
        f.debug_struct("Verifier")
            .field("provider", &self.resolved.scheme().name)
            .field("secrets", &self.keys.len())
            .field("options", &self.options)
            .finish()
    }
}

/// The window a scheme is checked with: [`Options::tolerance_seconds`] when it is not the
/// default 300 s, else the scheme's documented tolerance (300 s where none is documented).
pub(crate) fn tolerance(scheme: &Scheme, options: &Options) -> u64 {
    match &scheme.timestamp {
        Some(timestamp) if options.tolerance_seconds == Options::default().tolerance_seconds => {
            timestamp.tolerance
        }
        _ => options.tolerance_seconds,
    }
}

impl Verifier {
    /// Prepares `secrets` (at least one, none empty) for `provider`: a registered
    /// provider's name or alias, a [`Provider`], or a user's [`Scheme`]. For Ed25519 and
    /// ECDSA schemes the secrets are the sender's public keys.
    pub fn new<S: AsRef<[u8]>>(
        provider: impl ProviderRef,
        secrets: &[S],
        options: Options,
    ) -> Result<Verifier, Error> {
        let resolved = provider.resolve()?;
        let keys = proof::prepare_keys(&resolved.scheme().proof, secrets)?;
        let tolerance = tolerance(resolved.scheme(), &options);
        Ok(Verifier {
            resolved,
            keys,
            options,
            tolerance,
        })
    }

    /// The provider this verifier checks (`None` for a user-declared scheme).
    pub fn provider(&self) -> Option<Provider> {
        self.resolved.provider()
    }

    /// The scheme this verifier checks.
    pub fn scheme(&self) -> &Scheme {
        self.resolved.scheme()
    }

    /// The options this verifier applies.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Proves `delivery` genuine at time `now` (unix seconds), then decodes it. Where the
    /// delivery is the provider's check of the endpoint, [`Event::challenge`] holds the
    /// answer to send.
    pub fn verify(&self, delivery: &Delivery<'_>, now: u64) -> Result<Event, Error> {
        self.prove(delivery, now)?;
        self.decode(delivery)
    }

    fn decode(&self, delivery: &Delivery<'_>) -> Result<Event, Error> {
        let mut event = self.resolved.decode(delivery)?;
        let scheme = self.resolved.scheme();
        if scheme.challenge.is_some() {
            let zoom = |plain: &[u8]| -> String {
                match self.keys.first() {
                    Some(Key::Sha256(key)) => {
                        use hmac::Mac as _;
                        let mut mac = key.clone();
                        mac.update(plain);
                        base16ct::lower::encode_string(&mac.finalize().into_bytes())
                    }
                    _ => String::new(),
                }
            };
            event.challenge = crate::decode::challenge(scheme, delivery, Some(&zoom));
        }
        Ok(event)
    }

    /// Like [`Verifier::verify`], with the HMACs computed by the caller: for hosts with a
    /// faster native HMAC-SHA256 (Web Crypto on large bodies). `macs` holds one digest
    /// per secret, in the order the secrets were given, each over
    /// [`Verifier::signed_prefix`] followed by the body; another count is refused as
    /// `invalid_secret`. Every other check — headers, signature format, timestamp, window,
    /// the constant-time comparison — is the same. A scheme that is not an HMAC-SHA256 of
    /// a prefix and the body (a token, another algorithm, a signed URL) is checked as
    /// usual and `macs` is ignored.
    ///
    /// ```
    /// use hmac::{Hmac, KeyInit, Mac};
    /// use hookproof::{sign, Delivery, Options, SignOptions, Verifier};
    ///
    /// let body = br#"{"id":"evt_1","type":"user.created","data":{}}"#;
    /// let signed = sign("sir", body, b"whsec_k", &SignOptions::at(1_700_000_000))?;
    /// let verifier = Verifier::new("sir", &["whsec_k"], Options::default())?;
    /// let delivery = Delivery::new(&signed.headers, body);
    /// let prefix = verifier.signed_prefix(&delivery)?;
    /// assert_eq!(prefix, "1700000000.");
    /// // Whatever computes it, the MAC of prefix + body under each secret:
    /// let mut mac = Hmac::<sha2::Sha256>::new_from_slice(b"whsec_k").unwrap();
    /// mac.update(prefix.as_bytes());
    /// mac.update(body);
    /// let macs = [<[u8; 32]>::from(mac.finalize().into_bytes())];
    ///
    /// assert_eq!(verifier.verify_with_macs(&delivery, 1_700_000_000, &macs)?.dedupe_key, "evt_1");
    /// let wrong = [[0u8; 32]];
    /// assert!(verifier.verify_with_macs(&delivery, 1_700_000_000, &wrong).is_err());
    /// # Ok::<(), hookproof::Error>(())
    /// ```
    pub fn verify_with_macs(
        &self,
        delivery: &Delivery<'_>,
        now: u64,
        macs: &[[u8; DIGEST_LEN]],
    ) -> Result<Event, Error> {
        let hashable = proof::host_hashable(self.scheme());
        if hashable && macs.len() != self.keys.len() {
            return Err(Error::new(
                ErrorCode::InvalidSecret,
                format!(
                    "{} MAC(s) given for {} secret(s); pass one per secret",
                    macs.len(),
                    self.keys.len()
                ),
            ));
        }
        self.prove_with(delivery, now, hashable.then_some(macs))?;
        self.decode(delivery)
    }

    /// What the provider signed before the body of `delivery` (`"<timestamp>."` for SIR,
    /// empty for a body-only scheme), once the signature and timestamp have passed every
    /// check that needs no hashing: a caller computing the HMACs itself
    /// ([`Verifier::verify_with_macs`]) learns of a missing or malformed header before it
    /// hashes anything, as [`Verifier::verify`] does. Empty for a scheme a caller cannot
    /// hash itself (a token, another algorithm, a signed URL).
    pub fn signed_prefix(&self, delivery: &Delivery<'_>) -> Result<String, Error> {
        check_size(delivery.body, &self.options)?;
        let scheme = self.scheme();
        match (&scheme.proof, proof::host_hashable(scheme)) {
            (Proof::Signature(signature), true) => {
                let read = self.read_signature(scheme, signature, delivery, None)?;
                let signed = SignedContent {
                    delivery,
                    timestamp: read.timestamp.as_ref().map(|(text, _)| text.as_ref()),
                    json: None,
                };
                let prefix = proof::signed_prefix(signature, &signed)?;
                Ok(String::from_utf8_lossy(&prefix).into_owned())
            }
            _ => Ok(String::new()),
        }
    }

    /// Only the proof: size limit, signature (or token), timestamp window.
    pub fn prove(&self, delivery: &Delivery<'_>, now: u64) -> Result<(), Error> {
        self.prove_with(delivery, now, None)
    }

    /// The proof, with the HMACs computed here (`None`) or given by the caller.
    fn prove_with(
        &self,
        delivery: &Delivery<'_>,
        now: u64,
        given_macs: Option<&[[u8; DIGEST_LEN]]>,
    ) -> Result<(), Error> {
        check_size(delivery.body, &self.options)?;
        let scheme = self.scheme();
        match &scheme.proof {
            Proof::Signature(signature) => {
                let json = match proof::proof_reads_json(scheme) {
                    true => Some(
                        serde_json::from_slice::<serde_json::Value>(delivery.body)
                            .map_err(|e| Error::from_json(&scheme.name, &e))?,
                    ),
                    false => None,
                };
                let read = self.read_signature(scheme, signature, delivery, json.as_ref())?;
                let signed = SignedContent {
                    delivery,
                    timestamp: read.timestamp.as_ref().map(|(text, _)| text.as_ref()),
                    json: json.as_ref(),
                };
                let matched = match given_macs {
                    None => proof::any_signs(&self.keys, signature, &signed, &read.candidates)?,
                    Some(macs) => proof::any_digest_matches(macs, &read.candidates),
                };
                if !matched {
                    return Err(Error::new(
                        ErrorCode::SignatureMismatch,
                        format!(
                            "{} does not match the body under any of the {} secret(s) given",
                            proof::locator_name(&signature.location),
                            self.keys.len()
                        ),
                    ));
                }
                if let (Some((_, at)), Some(timestamp)) = (read.timestamp, &scheme.timestamp) {
                    proof::check_window(
                        proof::locator_name(&timestamp.at),
                        at,
                        now,
                        self.tolerance,
                    )?;
                }
                Ok(())
            }
            Proof::Token(place) => self.prove_token(place, delivery),
        }
    }

    fn prove_token(&self, place: &TokenAt, delivery: &Delivery<'_>) -> Result<(), Error> {
        let scheme = self.scheme();
        let token: Cow<str> = match place {
            TokenAt::Query => {
                let param = self.options.token_param.as_str();
                let url = delivery.url.ok_or_else(|| {
                    Error::new(
                        ErrorCode::MissingSignature,
                        format!(
                            "{} proves deliveries with a `{param}` parameter in the callback URL; pass the request URL",
                            scheme.name
                        ),
                    )
                })?;
                query_param(url, param).ok_or_else(|| {
                    Error::new(
                        ErrorCode::MissingSignature,
                        format!("the request URL has no `{param}` query parameter"),
                    )
                })?
            }
            TokenAt::Header(name) => Cow::Borrowed(
                delivery
                    .headers
                    .get(name)
                    .ok_or_else(|| missing_header(&scheme.name, name))?
                    .trim(),
            ),
            TokenAt::Basic => {
                let value = delivery
                    .headers
                    .get("Authorization")
                    .ok_or_else(|| missing_header(&scheme.name, "Authorization"))?;
                let encoded =
                    proof::strip_prefix_ignore_case(value.trim(), "Basic ").ok_or_else(|| {
                        Error::new(
                            ErrorCode::MalformedSignature,
                            "Authorization must be `Basic <base64 of user:password>`",
                        )
                    })?;
                use base64::Engine as _;
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(encoded.trim())
                    .map_err(|_| {
                        Error::new(
                            ErrorCode::MalformedSignature,
                            "Authorization's credentials are not base64",
                        )
                    })?;
                Cow::Owned(String::from_utf8_lossy(&bytes).into_owned())
            }
        };
        if !proof::any_token_matches(&self.keys, token.as_bytes()) {
            let what = match place {
                TokenAt::Query => format!("the URL's `{}` parameter", self.options.token_param),
                other => String::from(proof::token_place(other)),
            };
            return Err(Error::new(
                ErrorCode::SignatureMismatch,
                format!(
                    "{what} matches none of the {} secret(s) given",
                    self.keys.len()
                ),
            ));
        }
        Ok(())
    }
}

/// A signature scheme's values, read and checked: the candidates, and the timestamp (text
/// as signed, and its instant) where the scheme signs one.
pub(crate) struct ReadSignature<'a> {
    pub candidates: Candidates,
    pub timestamp: Option<(Cow<'a, str>, proof::Instant)>,
}

impl Verifier {
    /// Every check of the signature and timestamp that needs no hashing.
    fn read_signature<'a>(
        &self,
        scheme: &Scheme,
        signature: &Signature,
        delivery: &Delivery<'a>,
        json: Option<&'a serde_json::Value>,
    ) -> Result<ReadSignature<'a>, Error> {
        read_signature(scheme, signature, delivery, json)
    }
}

/// See [`Verifier::read_signature`]; also used by `explain`.
pub(crate) fn read_signature<'a>(
    scheme: &Scheme,
    signature: &Signature,
    delivery: &Delivery<'a>,
    json: Option<&'a serde_json::Value>,
) -> Result<ReadSignature<'a>, Error> {
    let location = proof::locator_name(&signature.location);
    let value = proof::locate(&signature.location, delivery, json)
        .ok_or_else(|| missing_header(&scheme.name, location))?;
    let candidates = proof::read_candidates(signature, &value, location)?;
    let timestamp = match (
        &scheme.timestamp,
        timestamp_text(scheme, signature, delivery, json)?,
    ) {
        (Some(timestamp), Some(raw)) => {
            let what = proof::locator_name(&timestamp.at);
            // A JSON timestamp in milliseconds must be a JSON number (Linear documents one);
            // one in seconds may also be a string of digits (Mailgun's example sends one).
            if let (Locator::Json(pointer), Some(json), TimeUnit::Milliseconds) =
                (&timestamp.at, json, timestamp.unit)
            {
                if !json
                    .pointer(pointer)
                    .is_some_and(serde_json::Value::is_number)
                {
                    return Err(Error::new(
                        ErrorCode::MalformedTimestamp,
                        format!("`{what}` must be a JSON number"),
                    ));
                }
            }
            let at = proof::parse_timestamp(what, timestamp.unit, &raw)?;
            Some((raw, at))
        }
        _ => None,
    };
    Ok(ReadSignature {
        candidates,
        timestamp,
    })
}

/// The timestamp's text as signed (trimmed), where the scheme has one; its absence is
/// `missing_timestamp`. The signature itself is not checked.
pub(crate) fn timestamp_text<'a>(
    scheme: &Scheme,
    signature: &Signature,
    delivery: &Delivery<'a>,
    json: Option<&'a serde_json::Value>,
) -> Result<Option<Cow<'a, str>>, Error> {
    let Some(timestamp) = &scheme.timestamp else {
        return Ok(None);
    };
    let what = proof::locator_name(&timestamp.at);
    let location = proof::locator_name(&signature.location);
    let raw: Option<Cow<'a, str>> = match &timestamp.at {
        Locator::SignatureField(key) => match proof::locate(&signature.location, delivery, json) {
            Some(Cow::Borrowed(value)) => {
                proof::list_field(&signature.syntax, value, key).map(Cow::Borrowed)
            }
            Some(Cow::Owned(value)) => proof::list_field(&signature.syntax, &value, key)
                .map(|text| Cow::Owned(String::from(text))),
            None => None,
        },
        other => proof::locate(other, delivery, json),
    };
    raw.map(Some).ok_or_else(|| {
        let place = match timestamp.at {
            Locator::SignatureField(_) => format!("no `{what}=` field in {location}"),
            Locator::Json(_) => format!("no `{what}` in the body"),
            _ => format!("no {what} header"),
        };
        Error::new(
            ErrorCode::MissingTimestamp,
            format!("{place}; {} signs a timestamp", scheme.name),
        )
    })
}

fn missing_header(provider: &str, header: &str) -> Error {
    let what = if header.starts_with('/') {
        format!("no `{header}` in the body")
    } else {
        format!("no {header} header")
    };
    Error::new(
        ErrorCode::MissingSignature,
        format!("{what}; {provider} signs every delivery with it"),
    )
}

/// The first value of query parameter `name` in a URL, a path or a bare query string.
pub(crate) fn query_param<'a>(url: &'a str, name: &str) -> Option<Cow<'a, str>> {
    let query = match url.split_once('?') {
        Some((_, query)) => query,
        None if !url.contains('/') && url.contains('=') => url,
        None => return None,
    };
    let query = query.split('#').next().unwrap_or("");
    form_urlencoded::parse(query.as_bytes())
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

fn check_size(body: &[u8], options: &Options) -> Result<(), Error> {
    if body.len() > options.max_body_bytes {
        return Err(Error::new(
            ErrorCode::BodyTooLarge,
            format!(
                "body is {} bytes; the limit is {} (Options::max_body_bytes)",
                body.len(),
                options.max_body_bytes
            ),
        ));
    }
    Ok(())
}

/// Proves a delivery genuine at `now` (unix seconds) and decodes it into an [`Event`].
///
/// `secrets` are tried in constant time, all of them (rotation). For repeated use with the
/// same secrets, a [`Verifier`] does the key preparation once.
///
/// ```
/// use hookproof::{verify, Delivery, Options, Payload};
///
/// let body = br#"{"jobId":5,"eventType":"JobAssigned","jobName":"Open House at 123 Main St","jobStatus":"Assigned"}"#;
/// let headers = [("x-signature", "6b4ab9a08b4ba4a9c37ea8a2e0d7ef0b29e0b01d2a3ba5fc24fc9b14e8c4fa97")];
/// let err = verify("g2sentry", &Delivery::new(&headers, body), &["secret"], &Options::default(), 0).unwrap_err();
/// assert_eq!(err.code(), hookproof::ErrorCode::SignatureMismatch);
/// ```
pub fn verify<S: AsRef<[u8]>>(
    provider: impl ProviderRef,
    delivery: &Delivery<'_>,
    secrets: &[S],
    options: &Options,
    now: u64,
) -> Result<Event, Error> {
    Verifier::new(provider, secrets, options.clone())?.verify(delivery, now)
}

/// Decodes a delivery **without any proof**: for tests, inspectors, and providers
/// configured to send unsigned deliveries. Only the size limit applies.
///
/// ```
/// use hookproof::{parse, Delivery, Options};
///
/// let body = br#"{"jobId":5,"eventType":"JobCompleted","jobStatus":"Completed"}"#;
/// let event = parse("g2sentry", &Delivery::new(&[("", "")], body), &Options::default())?;
/// assert_eq!(event.kind, "JobCompleted");
/// # Ok::<(), hookproof::Error>(())
/// ```
pub fn parse(
    provider: impl ProviderRef,
    delivery: &Delivery<'_>,
    options: &Options,
) -> Result<Event, Error> {
    let resolved = provider.resolve()?;
    check_size(delivery.body, options)?;
    let mut event = resolved.decode(delivery)?;
    // Echoed and fixed answers need no secret; Zoom's does, so only `verify` gives it.
    event.challenge = crate::decode::challenge(resolved.scheme(), delivery, None);
    Ok(event)
}

/// How to sign a test delivery.
///
/// ```
/// use hookproof::{sign, SignOptions};
///
/// let mut options = SignOptions::at(1_700_000_000);
/// options.url = Some("https://me.example/gengo?tenant=7".into());
/// let signed = sign("gengo", b"comment=%7B%7D", b"tok en", &options)?;
/// assert_eq!(signed.url.as_deref(), Some("https://me.example/gengo?tenant=7&token=tok+en"));
/// # Ok::<(), hookproof::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignOptions {
    /// The unix time to sign (only for schemes with a timestamp).
    pub timestamp: u64,
    /// The callback URL: where token schemes add the token (default `/`), and the URL
    /// schemes that sign one sign (Twilio, Square, HubSpot).
    pub url: Option<String>,
    /// The token's query parameter (token schemes; default `token`).
    pub token_param: String,
    /// The request method, for schemes that sign it (default `POST`).
    pub method: Option<String>,
    /// The delivery id, for schemes that sign one (Standard Webhooks' `webhook-id`,
    /// Twitch's message id, Mailgun's token); default: made from the body's digest.
    pub id: Option<String>,
}

impl SignOptions {
    /// Signs as at `timestamp` (unix seconds).
    pub fn at(timestamp: u64) -> SignOptions {
        SignOptions {
            timestamp,
            url: None,
            token_param: Options::default().token_param,
            method: None,
            id: None,
        }
    }
}

/// A signed test delivery: the headers to send (and, for token schemes, the URL).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signed {
    /// `Content-Type` and the proof headers, names as the provider spells them.
    pub headers: Vec<(String, String)>,
    /// The callback URL carrying the token, for token schemes.
    pub url: Option<String>,
    /// The body to send where the signature (or what it signs) goes inside it (Mailgun);
    /// `None` where the body is sent as given.
    pub body: Option<Vec<u8>>,
}

/// The timestamp as the scheme writes it.
fn timestamp_as_sent(unit: TimeUnit, seconds: u64) -> String {
    match unit {
        TimeUnit::Seconds => format!("{seconds}"),
        TimeUnit::Milliseconds => format!("{}", seconds.saturating_mul(1000)),
        TimeUnit::Rfc3339 => proof::format_rfc3339(seconds),
    }
}

/// Sets `value` at a JSON pointer, making the objects on the way.
fn set_pointer(root: &mut serde_json::Value, pointer: &str, value: serde_json::Value) {
    let mut at = root;
    let keys: Vec<&str> = pointer.split('/').skip(1).collect();
    for (index, key) in keys.iter().enumerate() {
        // An array element that exists is entered (Adyen's `/notificationItems/0/…`).
        if let (serde_json::Value::Array(items), Ok(position)) = (&*at, key.parse::<usize>()) {
            if position < items.len() {
                let serde_json::Value::Array(items) = at else {
                    return;
                };
                if index + 1 == keys.len() {
                    items[position] = value;
                    return;
                }
                at = &mut items[position];
                continue;
            }
        }
        if !at.is_object() {
            *at = serde_json::Value::Object(serde_json::Map::new());
        }
        let serde_json::Value::Object(map) = at else {
            return;
        };
        let key = key.replace("~1", "/").replace("~0", "~");
        if index + 1 == keys.len() {
            map.insert(key, value);
            return;
        }
        at = map.entry(key).or_insert(serde_json::Value::Null);
    }
}

/// Signs `body` the way the provider would, to make test deliveries. For Ed25519 and
/// ECDSA schemes `secret` is the private key (Ed25519: the 32-byte seed as hex or base64,
/// or Standard Webhooks' `whsk_`; P-256: the 32-byte scalar as hex or base64).
///
/// ```
/// use hookproof::{sign, verify, Delivery, Options, SignOptions};
///
/// let body = br#"{"jobId":5,"eventType":"JobStarted","jobStatus":"InProgress"}"#;
/// let signed = sign("g2sentry", body, b"cb-secret", &SignOptions::at(0))?;
/// assert_eq!(signed.headers[1].0, "X-Signature");
/// let event = verify("g2sentry", &Delivery::new(&signed.headers, body), &["cb-secret"], &Options::default(), 0)?;
/// assert_eq!(event.dedupe_key, "5:JobStarted");
/// # Ok::<(), hookproof::Error>(())
/// ```
pub fn sign(
    provider: impl ProviderRef,
    body: &[u8],
    secret: &[u8],
    options: &SignOptions,
) -> Result<Signed, Error> {
    let resolved = provider.resolve()?;
    let scheme = resolved.scheme();
    let mut headers = alloc::vec![(
        String::from("Content-Type"),
        String::from(scheme.content_type.as_ref())
    )];
    if secret.is_empty() {
        return Err(Error::new(
            ErrorCode::InvalidSecret,
            "a secret is empty; pass the secret configured with the provider",
        ));
    }
    let signature = match &scheme.proof {
        Proof::Signature(signature) => signature,
        Proof::Token(TokenAt::Query) => {
            let base = options.url.as_deref().unwrap_or("/");
            let separator = if base.contains('?') { '&' } else { '?' };
            // Tokens are compared as text after URL-decoding, so sign the secret's text.
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair(&options.token_param, &String::from_utf8_lossy(secret))
                .finish();
            return Ok(Signed {
                headers,
                url: Some(format!("{base}{separator}{query}")),
                body: None,
            });
        }
        Proof::Token(TokenAt::Header(name)) => {
            headers.push((
                String::from(name.as_ref()),
                String::from_utf8_lossy(secret).into_owned(),
            ));
            return Ok(Signed {
                headers,
                url: None,
                body: None,
            });
        }
        Proof::Token(TokenAt::Basic) => {
            use base64::Engine as _;
            let credentials = base64::engine::general_purpose::STANDARD.encode(secret);
            headers.push((
                String::from("Authorization"),
                format!("Basic {credentials}"),
            ));
            return Ok(Signed {
                headers,
                url: None,
                body: None,
            });
        }
    };
    use sha2::Digest as _;
    let default_id = || {
        let digest = sha2::Sha256::digest(body);
        format!("msg_{}", &base16ct::lower::encode_string(&digest)[..24])
    };
    let id = options.id.clone().unwrap_or_else(default_id);
    let timestamp = scheme
        .timestamp
        .as_ref()
        .map(|t| timestamp_as_sent(t.unit, options.timestamp));
    // Values the signed content reads that the sender makes: the timestamp header, id
    // headers, and (Mailgun) fields inside the body.
    let mut json: Option<serde_json::Value> = None;
    let reads_json = proof::proof_reads_json(scheme);
    // Whether sign wrote into the body (a Mailgun timestamp, token or signature): only then
    // is the body re-serialised, so a body that has them all is signed as given.
    let mut changed = false;
    if reads_json {
        json = Some(serde_json::from_slice(body).unwrap_or(serde_json::Value::Null));
    }
    if let (Some(spec), Some(text)) = (&scheme.timestamp, &timestamp) {
        match &spec.at {
            Locator::Header(name) | Locator::EitherHeader(name, _) => {
                headers.push((String::from(name.as_ref()), text.clone()))
            }
            Locator::Json(pointer) => {
                if let Some(json) = json.as_mut() {
                    if json.pointer(pointer).is_none() {
                        changed = true;
                        let value = match spec.unit {
                            TimeUnit::Milliseconds => {
                                serde_json::Value::from(options.timestamp.saturating_mul(1000))
                            }
                            _ => serde_json::Value::String(text.clone()),
                        };
                        set_pointer(json, pointer, value);
                    }
                }
            }
            Locator::SignatureField(_) => {}
        }
    }
    for part in signature.signed.iter() {
        match part {
            Part::Header(name) | Part::EitherHeader(name, _)
                if !headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) =>
            {
                headers.push((String::from(name.as_ref()), id.clone()))
            }
            Part::Json(pointer) => {
                if let Some(json) = json.as_mut() {
                    if json.pointer(pointer).is_none() {
                        changed = true;
                        set_pointer(json, pointer, serde_json::Value::String(id.clone()));
                    }
                }
            }
            _ => {}
        }
    }
    let timestamp_signed: Option<String> = match (&scheme.timestamp, &json) {
        (Some(spec), Some(json)) => match &spec.at {
            Locator::Json(pointer) => json
                .pointer(pointer)
                .and_then(proof::json_text)
                .map(Cow::into_owned),
            _ => timestamp.clone(),
        },
        _ => timestamp.clone(),
    };
    let method = options.method.as_deref().unwrap_or("POST");
    let body_sent: Option<Vec<u8>> = match (&json, &signature.location) {
        (Some(json), _) if reads_json && changed => serde_json::to_vec(json).ok(),
        _ => None,
    };
    let content = body_sent.as_deref().unwrap_or(body);
    let message = {
        let mut delivery = Delivery::new(&headers, content).with_method(method);
        if let Some(url) = options.url.as_deref() {
            delivery = delivery.with_url(url);
        }
        let signed = SignedContent {
            delivery: &delivery,
            timestamp: timestamp_signed.as_deref(),
            json: json.as_ref(),
        };
        proof::message(&signature.signed, &signed, 0)?.unwrap_or_default()
    };
    let (algorithm, bytes) = proof::sign_bytes(signature, secret, &message)?;
    let encoded = proof::encode(signature.encoding, &bytes);
    let value = match &signature.syntax {
        Syntax::Bare => encoded,
        Syntax::Prefixed(prefix) | Syntax::OptionalPrefix(prefix) => format!("{prefix}{encoded}"),
        Syntax::Positional(separator) => match &timestamp {
            Some(text) => format!("{text}{separator}{encoded}"),
            None => format!("{separator}{encoded}"),
        },
        Syntax::List { separator, key } => match (&scheme.timestamp, &timestamp) {
            (Some(spec), Some(text)) => match &spec.at {
                Locator::SignatureField(field) => {
                    format!("{field}={text}{separator}{key}={encoded}")
                }
                _ => format!("{key}={encoded}"),
            },
            _ => format!("{key}={encoded}"),
        },
        Syntax::Versioned(versions) => {
            let tag = versions
                .iter()
                .find(|version| version.algorithm == algorithm)
                .map_or("v1", |version| version.tag.as_ref());
            format!("{tag},{encoded}")
        }
    };
    let mut body_out = body_sent;
    match &signature.location {
        Locator::Header(name) | Locator::EitherHeader(name, _) => {
            // The signature first after Content-Type, as the seeds' senders order them.
            headers.insert(1, (String::from(name.as_ref()), value));
        }
        Locator::Json(pointer) => {
            if let Some(mut json) = json {
                set_pointer(&mut json, pointer, serde_json::Value::String(value));
                body_out = serde_json::to_vec(&json).ok();
            }
        }
        Locator::SignatureField(_) => {}
    }
    Ok(Signed {
        headers,
        url: None,
        body: body_out,
    })
}
