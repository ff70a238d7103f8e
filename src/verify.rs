//! Delivery → proof → decode → event: the one path every provider goes through.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use crate::delivery::Delivery;
use crate::error::{Error, ErrorCode};
use crate::event::Event;
use crate::options::Options;
use crate::providers::{Provider, ProviderRef};
use crate::scheme::{self, HmacScheme, Key, Proof, DIGEST_LEN};

/// A provider's secrets and options, prepared once for many verifications.
///
/// The HMAC key schedule (or token digest) of every secret is computed in
/// [`Verifier::new`], so each [`Verifier::verify`] only hashes the delivery. Several
/// secrets support rotation: every one is tried on every delivery, in constant time.
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
    provider: Provider,
    keys: Vec<Key>,
    options: Options,
}

impl core::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // Never the keys: they are the secrets.
        f.debug_struct("Verifier")
            .field("provider", &self.provider)
            .field("secrets", &self.keys.len())
            .field("options", &self.options)
            .finish()
    }
}

impl Verifier {
    /// Prepares `secrets` (at least one, none empty) for `provider`.
    pub fn new<S: AsRef<[u8]>>(
        provider: impl ProviderRef,
        secrets: &[S],
        options: Options,
    ) -> Result<Verifier, Error> {
        let provider = provider.resolve()?;
        let keys = scheme::prepare_keys(provider.proof(), secrets)?;
        Ok(Verifier {
            provider,
            keys,
            options,
        })
    }

    /// The provider this verifier checks.
    pub fn provider(&self) -> Provider {
        self.provider
    }

    /// The options this verifier applies.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Proves `delivery` genuine at time `now` (unix seconds), then decodes it.
    pub fn verify(&self, delivery: &Delivery<'_>, now: u64) -> Result<Event, Error> {
        self.prove(delivery, now)?;
        self.provider.decode(delivery.body)
    }

    /// Like [`Verifier::verify`], with the HMACs computed by the caller: for hosts with a
    /// faster native HMAC-SHA256 (Web Crypto on large bodies). `macs` holds one digest
    /// per secret, in the order the secrets were given, each over
    /// [`Verifier::signed_prefix`] followed by the body; another count is refused as
    /// `invalid_secret`. Every other check — headers, signature format, timestamp, window,
    /// the constant-time comparison — is the same. A URL-token provider has no HMAC: its
    /// token is checked as usual and `macs` is ignored.
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
        let hmac = matches!(self.provider.proof(), Proof::HmacHex(_));
        if hmac && macs.len() != self.keys.len() {
            return Err(Error::new(
                ErrorCode::InvalidSecret,
                format!(
                    "{} MAC(s) given for {} secret(s); pass one per secret",
                    macs.len(),
                    self.keys.len()
                ),
            ));
        }
        self.prove_with(delivery, now, Some(macs))?;
        self.provider.decode(delivery.body)
    }

    /// What the provider signed before the body of `delivery` (`"<timestamp>."` for a
    /// timestamped scheme, empty otherwise), once the signature and timestamp headers have
    /// passed every check that needs no hashing: a caller computing the HMACs itself
    /// ([`Verifier::verify_with_macs`]) learns of a missing or malformed header before it
    /// hashes anything, as [`Verifier::verify`] does. Empty for a URL-token provider.
    pub fn signed_prefix(&self, delivery: &Delivery<'_>) -> Result<String, Error> {
        check_size(delivery.body, &self.options)?;
        match self.provider.proof() {
            Proof::HmacHex(hmac) => {
                let headers = self.read_hmac_headers(hmac, delivery)?;
                Ok(scheme::signed_parts(headers.timestamp.map(|(raw, _)| raw))
                    .iter()
                    .map(|part| String::from_utf8_lossy(part))
                    .collect())
            }
            Proof::UrlToken => Ok(String::new()),
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
        match self.provider.proof() {
            Proof::HmacHex(hmac) => {
                let HmacHeaders {
                    signature,
                    timestamp,
                } = self.read_hmac_headers(hmac, delivery)?;
                let signed_timestamp = timestamp.map(|(raw, _)| raw);
                let matched = match given_macs {
                    None => scheme::any_hmac_matches(
                        &self.keys,
                        signed_timestamp,
                        delivery.body,
                        &signature,
                    ),
                    Some(macs) => scheme::any_digest_matches(macs, &signature),
                };
                if !matched {
                    return Err(Error::new(
                        ErrorCode::SignatureMismatch,
                        format!(
                            "{} does not match the body under any of the {} secret(s) given",
                            hmac.signature_header,
                            self.keys.len()
                        ),
                    ));
                }
                if let (Some((_, seconds)), Some(header)) = (timestamp, hmac.timestamp_header) {
                    scheme::check_window(header, seconds, now, self.options.tolerance_seconds)?;
                }
                Ok(())
            }
            Proof::UrlToken => {
                let param = self.options.token_param.as_str();
                let url = delivery.url.ok_or_else(|| {
                    Error::new(
                        ErrorCode::MissingSignature,
                        format!(
                            "{} proves deliveries with a `{param}` parameter in the callback URL; pass the request URL",
                            self.provider
                        ),
                    )
                })?;
                let token = scheme::query_param(url, param).ok_or_else(|| {
                    Error::new(
                        ErrorCode::MissingSignature,
                        format!("the request URL has no `{param}` query parameter"),
                    )
                })?;
                if !scheme::any_token_matches(&self.keys, token.as_bytes()) {
                    return Err(Error::new(
                        ErrorCode::SignatureMismatch,
                        format!(
                            "the URL's `{param}` parameter matches none of the {} secret(s) given",
                            self.keys.len()
                        ),
                    ));
                }
                Ok(())
            }
        }
    }
}

/// An HMAC scheme's headers, read and checked: the signature's digest, and the timestamp
/// (trimmed text as signed, and seconds) where the scheme signs one.
struct HmacHeaders<'a> {
    signature: [u8; DIGEST_LEN],
    timestamp: Option<(&'a str, u64)>,
}

impl Verifier {
    /// Every check of the signature and timestamp headers that needs no hashing.
    fn read_hmac_headers<'a>(
        &self,
        hmac: &HmacScheme,
        delivery: &Delivery<'a>,
    ) -> Result<HmacHeaders<'a>, Error> {
        let signature_value = delivery
            .headers
            .get(hmac.signature_header)
            .ok_or_else(|| missing_header(self.provider, hmac.signature_header))?;
        let signature = scheme::parse_signature(hmac, signature_value)?;
        let timestamp = match hmac.timestamp_header {
            None => None,
            Some(header) => {
                let raw = delivery.headers.get(header).ok_or_else(|| {
                    Error::new(
                        ErrorCode::MissingTimestamp,
                        format!("no {header} header; {} signs a timestamp", self.provider),
                    )
                })?;
                let raw = raw.trim();
                Some((raw, scheme::parse_timestamp(header, raw)?))
            }
        };
        Ok(HmacHeaders {
            signature,
            timestamp,
        })
    }
}

fn missing_header(provider: Provider, header: &str) -> Error {
    Error::new(
        ErrorCode::MissingSignature,
        format!("no {header} header; {provider} signs every delivery with it"),
    )
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
    let provider = provider.resolve()?;
    check_size(delivery.body, options)?;
    provider.decode(delivery.body)
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
    /// The callback URL to add the token to (token schemes; default `/`).
    pub url: Option<String>,
    /// The token's query parameter (token schemes; default `token`).
    pub token_param: String,
}

impl SignOptions {
    /// Signs as at `timestamp` (unix seconds).
    pub fn at(timestamp: u64) -> SignOptions {
        SignOptions {
            timestamp,
            url: None,
            token_param: Options::default().token_param,
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
}

/// Signs `body` the way the provider would, to make test deliveries.
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
    let provider = provider.resolve()?;
    let key = Key::new(provider.proof(), secret)?;
    let mut headers = alloc::vec![(
        String::from("Content-Type"),
        String::from(provider.content_type())
    )];
    match (provider.proof(), &key) {
        (Proof::HmacHex(hmac), Key::Hmac(key)) => {
            let timestamp = hmac
                .timestamp_header
                .map(|_| format!("{}", options.timestamp));
            let digest = scheme::mac(key, timestamp.as_deref(), body);
            headers.push((
                String::from(hmac.signature_header),
                format!("{}{}", hmac.prefix, scheme::to_hex(&digest)),
            ));
            if let (Some(header), Some(timestamp)) = (hmac.timestamp_header, timestamp) {
                headers.push((String::from(header), timestamp));
            }
            Ok(Signed { headers, url: None })
        }
        _ => {
            let base = options.url.as_deref().unwrap_or("/");
            let separator = if base.contains('?') { '&' } else { '?' };
            // Tokens are compared as text after URL-decoding, so sign the secret's text.
            let query = form_urlencoded::Serializer::new(String::new())
                .append_pair(&options.token_param, &String::from_utf8_lossy(secret))
                .finish();
            Ok(Signed {
                headers,
                url: Some(format!("{base}{separator}{query}")),
            })
        }
    }
}
