//! How a provider proves a delivery, stated as data: the [`Scheme`] declaration.
//!
//! Every built-in provider is a `const` [`Scheme`]; a user builds the same type at run
//! time (or, in JavaScript, writes it as a plain object) for a provider hookproof does not
//! ship. One generic implementation (`src/proof.rs`) verifies, signs and diagnoses every
//! declaration, so a declaration is all a signature scheme needs.
//!
//! A declaration is checked when it is used ([`Scheme::check`]): an impossible one — no
//! signed content, a timestamp part without a timestamp, a list syntax without a key — is
//! refused as `invalid_argument`, naming the field.
//!
//! ```
//! use std::borrow::Cow;
//! use hookproof::scheme::{Algorithm, Encoding, EventFields, Field, KeyForm, Locator, Part, Proof, Scheme, Signature, Syntax, TimeUnit, Timestamp};
//! use hookproof::{sign, Delivery, Options, SignOptions, Verifier};
//!
//! // Slack's scheme, declared by hand (hookproof ships it as `slack`).
//! const SLACK: Scheme = Scheme {
//!     name: Cow::Borrowed("my-slack"),
//!     proof: Proof::Signature(Signature {
//!         algorithm: Algorithm::HmacSha256,
//!         key: KeyForm::Text,
//!         signed: Cow::Borrowed(&[Part::Literal(Cow::Borrowed("v0:")), Part::Timestamp, Part::Literal(Cow::Borrowed(":")), Part::Body]),
//!         location: Locator::Header(Cow::Borrowed("X-Slack-Signature")),
//!         syntax: Syntax::Prefixed(Cow::Borrowed("v0=")),
//!         encoding: Encoding::Hex,
//!     }),
//!     timestamp: Some(Timestamp { at: Locator::Header(Cow::Borrowed("X-Slack-Request-Timestamp")), unit: TimeUnit::Seconds, tolerance: 300 }),
//!     event: EventFields { kind: Field::Json(Cow::Borrowed("/type")), id: Field::None, dedupe: Field::BodyDigest },
//!     challenge: None,
//!     content_type: Cow::Borrowed("application/json"),
//! };
//!
//! let body = br#"{"type":"event_callback","event_id":"Ev1"}"#;
//! let signed = sign(&SLACK, body, b"8f742231b10e8888abcd99yyyzzz85a5", &SignOptions::at(1_531_420_618))?;
//! let verifier = Verifier::new(&SLACK, &["8f742231b10e8888abcd99yyyzzz85a5"], Options::default())?;
//! let event = verifier.verify(&Delivery::new(&signed.headers, body), 1_531_420_618)?;
//! assert_eq!(event.kind, "event_callback");
//! assert_eq!(event.provider, "my-slack");
//! # Ok::<(), hookproof::Error>(())
//! ```

use alloc::borrow::Cow;
use alloc::format;

use crate::error::{Error, ErrorCode};

/// Text in a declaration: borrowed in the built-in `const` declarations, owned in one made
/// at run time.
pub type Text = Cow<'static, str>;

/// Length in bytes of a SHA-256 digest (the MAC of the hex HMAC-SHA256 schemes).
pub const DIGEST_LEN: usize = 32;

/// A provider's whole scheme: its proof, timestamp, event fields and challenge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scheme {
    /// The name events carry (`provider`).
    pub name: Text,
    /// What proves a delivery genuine.
    pub proof: Proof,
    /// The signed timestamp, where the scheme has one (a replay window).
    pub timestamp: Option<Timestamp>,
    /// Where the event's type, id and dedupe key are found.
    pub event: EventFields,
    /// A request the provider sends before any event, and how to answer it.
    pub challenge: Option<Challenge>,
    /// The `Content-Type` the provider sends (for [`sign`](crate::sign)).
    pub content_type: Text,
}

/// What proves a delivery genuine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Proof {
    /// A signature over declared parts of the request.
    Signature(Signature),
    /// A shared token the sender repeats on every request, compared in constant time.
    Token(TokenAt),
}

/// A signature scheme: algorithm, key, signed content, and where and how it is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// The algorithm.
    pub algorithm: Algorithm,
    /// How the secret the receiver holds becomes the key.
    pub key: KeyForm,
    /// What is signed, in order, concatenated.
    pub signed: Cow<'static, [Part]>,
    /// Where the signature is.
    pub location: Locator,
    /// How the signature is written there.
    pub syntax: Syntax,
    /// How the signature's bytes are encoded.
    pub encoding: Encoding,
}

/// A signature algorithm (RustCrypto implementations only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    /// HMAC-SHA256 (32-byte MAC).
    HmacSha256,
    /// HMAC-SHA1 (20-byte MAC).
    HmacSha1,
    /// HMAC-SHA512 (64-byte MAC).
    HmacSha512,
    /// Ed25519 (RFC 8032, strict): the receiver holds the public key.
    Ed25519,
    /// ECDSA over P-256 with SHA-256: the receiver holds the public key; signatures in
    /// DER or as 64 bytes `r ‖ s`.
    EcdsaP256,
}

impl Algorithm {
    /// The length of the signature (or MAC) in bytes; ECDSA's DER form may be up to 72.
    pub const fn signature_len(self) -> usize {
        match self {
            Algorithm::HmacSha1 => 20,
            Algorithm::HmacSha256 => 32,
            Algorithm::HmacSha512 | Algorithm::Ed25519 | Algorithm::EcdsaP256 => 64,
        }
    }

    /// Whether the key is a public key (the sender signs with its private key).
    pub const fn is_public_key(self) -> bool {
        matches!(self, Algorithm::Ed25519 | Algorithm::EcdsaP256)
    }
}

/// How the secret the receiver holds becomes the key.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum KeyForm {
    /// HMAC: the secret's bytes exactly as given (the usual case, prefixes included).
    /// Public keys: the key as the provider shows it, hex or base64 of its raw bytes, or a
    /// PEM/DER SubjectPublicKeyInfo for ECDSA.
    #[default]
    Text,
    /// The secret after this prefix is base64 (the prefix optional), decoded.
    Base64AfterPrefix(Text),
    /// The secret is hex, decoded.
    Hex,
    /// The secret is base64, decoded.
    Base64,
    /// Standard Webhooks: `whsec_<base64>` is an HMAC-SHA256 key (entries `v1`),
    /// `whpk_<base64>` an Ed25519 public key (entries `v1a`).
    StandardWebhooks,
}

/// One piece of the signed content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Part {
    /// Fixed text.
    Literal(Text),
    /// The raw body.
    Body,
    /// The timestamp exactly as sent (trimmed).
    Timestamp,
    /// A header's value as sent (trimmed); required.
    Header(Text),
    /// The first of two headers present (Standard Webhooks' `webhook-id`/`svix-id`).
    EitherHeader(Text, Text),
    /// A string or number in the JSON body, at a JSON pointer, as text; required.
    Json(Text),
    /// Like [`Part::Json`], but nothing where the body has no string or number there
    /// (Adyen's `originalReference`, absent from most notifications, signs as empty).
    OptionalJson(Text),
    /// The request URL exactly as given in the delivery; required.
    Url,
    /// The request URL as given, or with its default port (`:443`, `:80`) added or
    /// removed: any form may match (Twilio's SDKs accept all three).
    UrlAnyPort,
    /// The request method (`POST`), upper case.
    Method,
    /// The form body's parameters as `name` + `value`, sorted by name (then value), each
    /// pair once (Twilio). Nothing when the URL carries `bodySHA256`, whose value must
    /// then be the hex SHA-256 of the body.
    SortedForm,
}

/// Where a value is found in a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Locator {
    /// A header (names are case-insensitive).
    Header(Text),
    /// The first header of the two present (Standard Webhooks' `webhook-*` and `svix-*`).
    EitherHeader(Text, Text),
    /// A JSON pointer into the body.
    Json(Text),
    /// A `key=value` field of the signature header (Stripe's `t`) with [`Syntax::List`];
    /// with [`Syntax::Positional`], the value's first field (the name is for messages).
    SignatureField(Text),
}

/// How a signature is written in its location.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Syntax {
    /// The encoded signature alone.
    #[default]
    Bare,
    /// A fixed prefix (case-insensitive), then the encoded signature.
    Prefixed(Text),
    /// The encoded signature, with or without this prefix (case-insensitive): for a
    /// provider whose documents and examples disagree on it (Mollie's `sha256=`).
    OptionalPrefix(Text),
    /// `key=value` fields split by `separator`; every field named `key` is a candidate
    /// (Stripe `t=…,v1=…,v1=…`, Paddle `ts=…;h1=…`).
    List {
        /// The field separator.
        separator: char,
        /// The signature fields' name.
        key: Text,
    },
    /// Space-separated `<version>,<signature>` entries (Standard Webhooks); entries of
    /// versions not listed are skipped.
    Versioned(Cow<'static, [Version]>),
    /// Fields split by this separator, without names: the first is not a signature (Recurly's
    /// `<timestamp>,<sig>,<sig>`, the timestamp read with [`Locator::SignatureField`]),
    /// every other one is a candidate.
    Positional(char),
}

/// One accepted version of a [`Syntax::Versioned`] list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// The tag before the comma (`v1`).
    pub tag: Text,
    /// The algorithm entries of this version use.
    pub algorithm: Algorithm,
}

/// How a signature's bytes are encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Hex, either case.
    Hex,
    /// Base64 (standard alphabet), padded or not.
    Base64,
}

/// A signed timestamp: where it is, its unit, the default window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timestamp {
    /// Where the timestamp is.
    pub at: Locator,
    /// How it is written.
    pub unit: TimeUnit,
    /// The default window in seconds, both directions (exactly ± accepted); an explicit
    /// [`Options::tolerance_seconds`](crate::Options::tolerance_seconds) other than the
    /// default 300 replaces it.
    pub tolerance: u64,
}

/// How a timestamp is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeUnit {
    /// Unix seconds, ASCII digits.
    Seconds,
    /// Unix milliseconds, ASCII digits (the window is checked to the millisecond).
    Milliseconds,
    /// RFC 3339 (`2021-07-25T10:00:00.123Z`, or with an offset); fractions count.
    Rfc3339,
}

/// Where a shared token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenAt {
    /// The callback URL's query parameter named by
    /// [`Options::token_param`](crate::Options::token_param) (Gengo).
    Query,
    /// A header (GitLab's `X-Gitlab-Token`).
    Header(Text),
    /// HTTP Basic credentials; the secret is `user:password`.
    Basic,
}

/// Where the event's type, id and dedupe key are.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct EventFields {
    /// The event type.
    pub kind: Field,
    /// The provider's id of the event or delivery.
    pub id: Field,
    /// The dedupe key: the same for every redelivery. Only from signed bytes.
    pub dedupe: Field,
}

impl EventFields {
    /// No field declared (a provider that decodes its events with code of its own).
    pub const NONE: EventFields = EventFields {
        kind: Field::None,
        id: Field::None,
        dedupe: Field::None,
    };
}

/// One value of an event.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Field {
    /// Not sent.
    #[default]
    None,
    /// A header's value.
    Header(Text),
    /// The first of two headers present.
    EitherHeader(Text, Text),
    /// A string or number in the JSON body, at a JSON pointer.
    Json(Text),
    /// A header and a JSON field joined by a dot when the field is present (GitHub's
    /// `X-GitHub-Event` and `action`: `issues.opened`).
    HeaderDotJson(Text, Text),
    /// The first JSON pointer present; none present is not an error (the type falls back
    /// to the scheme's name, the dedupe key to the body's digest).
    FirstJson(Cow<'static, [Text]>),
    /// Two JSON fields joined by a dot, the second left out where absent (Recurly's
    /// `object_type` and `event_type`: `account.created`).
    JsonDotJson(Text, Text),
    /// The hex SHA-256 of the body: the dedupe key where the provider's id is not signed.
    BodyDigest,
}

/// A request the provider sends to check the endpoint, and its answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Challenge {
    /// When `when` reads `equals`, answer with the JSON string at pointer `echo` as plain
    /// text (Slack `url_verification`, Twitch `webhook_callback_verification`).
    Echo {
        /// What tells the challenge.
        when: Field,
        /// Its value.
        equals: Text,
        /// The JSON pointer of the value to send back.
        echo: Text,
    },
    /// When `when` reads `equals`, answer with this fixed JSON (Discord's PING: `{"type":1}`).
    Fixed {
        /// What tells the challenge.
        when: Field,
        /// Its value.
        equals: Text,
        /// The answer.
        answer: Text,
    },
    /// Zoom's `endpoint.url_validation`: answer `{"plainToken", "encryptedToken"}`, the
    /// latter the hex HMAC-SHA256 of `plainToken` under the (first) secret.
    ZoomUrlValidation,
}

fn invalid(field: &str, why: &str) -> Error {
    Error::new(ErrorCode::InvalidArgument, format!("scheme.{field}: {why}"))
}

impl Scheme {
    /// Refuses a declaration that cannot be verified, naming the field.
    ///
    /// ```
    /// use hookproof::Provider;
    /// for provider in Provider::ALL {
    ///     provider.scheme().check().unwrap();
    /// }
    /// let mut broken = Provider::Sir.scheme().clone();
    /// broken.timestamp = None;
    /// let error = broken.check().unwrap_err();
    /// assert_eq!(error.code().as_str(), "invalid_argument");
    /// assert!(error.message().contains("scheme.timestamp"));
    /// ```
    pub fn check(&self) -> Result<(), Error> {
        if self.name.trim().is_empty() || self.name.contains('\n') {
            return Err(invalid("name", "must be non-empty text on one line"));
        }
        let signature = match &self.proof {
            Proof::Token(TokenAt::Header(name)) if name.trim().is_empty() => {
                return Err(invalid("proof.token.header", "must name a header"))
            }
            Proof::Token(_) => None,
            Proof::Signature(signature) => Some(signature),
        };
        if let Some(signature) = signature {
            if signature.signed.is_empty() {
                return Err(invalid("proof.signature.signed", "lists nothing to sign"));
            }
            for part in signature.signed.iter() {
                match part {
                    Part::Timestamp if self.timestamp.is_none() => {
                        return Err(invalid(
                            "timestamp",
                            "is absent, but proof.signature.signed lists the timestamp",
                        ))
                    }
                    Part::Header(name) | Part::Json(name) | Part::OptionalJson(name)
                        if name.trim().is_empty() =>
                    {
                        return Err(invalid(
                            "proof.signature.signed",
                            "names an empty header or pointer",
                        ))
                    }
                    _ => {}
                }
            }
            check_locator(&signature.location, "proof.signature.location")?;
            if matches!(signature.location, Locator::SignatureField(_)) {
                return Err(invalid(
                    "proof.signature.location",
                    "cannot be a field of the signature itself",
                ));
            }
            match &signature.syntax {
                Syntax::List { key, separator } if key.is_empty() || *separator == '=' => {
                    return Err(invalid(
                        "proof.signature.syntax.list",
                        "needs a key and a separator other than `=`",
                    ));
                }
                Syntax::Versioned(versions) if versions.is_empty() => {
                    return Err(invalid(
                        "proof.signature.syntax.versioned",
                        "lists no version",
                    ))
                }
                Syntax::Positional(separator) if *separator == '=' => {
                    return Err(invalid(
                        "proof.signature.syntax.positional",
                        "needs a separator other than `=`",
                    ))
                }
                _ => {}
            }
            if signature.key == KeyForm::StandardWebhooks
                && !matches!(signature.syntax, Syntax::Versioned(_))
            {
                return Err(invalid(
                    "proof.signature.key",
                    "standard-webhooks keys need the versioned syntax",
                ));
            }
        }
        if let Some(timestamp) = &self.timestamp {
            check_locator(&timestamp.at, "timestamp.at")?;
            if let Locator::SignatureField(_) = timestamp.at {
                let list = signature.is_some_and(|s| {
                    matches!(s.syntax, Syntax::List { .. } | Syntax::Positional(_))
                });
                if !list {
                    return Err(invalid(
                        "timestamp.at",
                        "a signature field needs the list or positional syntax",
                    ));
                }
            }
        }
        Ok(())
    }

    /// The signature scheme, for a signature proof.
    pub fn signature(&self) -> Option<&Signature> {
        match &self.proof {
            Proof::Signature(signature) => Some(signature),
            Proof::Token(_) => None,
        }
    }
}

fn check_locator(locator: &Locator, field: &str) -> Result<(), Error> {
    let empty = match locator {
        Locator::Header(name) | Locator::Json(name) | Locator::SignatureField(name) => {
            name.trim().is_empty()
        }
        Locator::EitherHeader(a, b) => a.trim().is_empty() || b.trim().is_empty(),
    };
    if empty {
        return Err(invalid(field, "names an empty header, pointer or field"));
    }
    Ok(())
}
