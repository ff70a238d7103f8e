//! A [`Scheme`] from its JSON form (what JavaScript passes for a declared scheme), read by
//! hand from a `serde_json::Value` rather than derived: the derive's visitors cost the
//! WebAssembly module several times this code. Every refusal is `invalid_argument` naming
//! the field (`scheme.proof.signature.encoding: …`).

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use serde_json::{Map, Value};

use crate::error::{Error, ErrorCode};
use crate::scheme::{
    Algorithm, Challenge, Encoding, EventFields, Field, KeyForm, Locator, Part, Proof, Scheme,
    Signature, Syntax, Text, TimeUnit, Timestamp, TokenAt, Version,
};

fn bad(path: &str, why: &str) -> Error {
    Error::new(ErrorCode::InvalidArgument, format!("scheme.{path}: {why}"))
}

fn text(value: &Value, path: &str) -> Result<Text, Error> {
    value
        .as_str()
        .map(|text| Cow::Owned(String::from(text)))
        .ok_or_else(|| bad(path, "must be a string"))
}

fn pair(value: &Value, path: &str) -> Result<(Text, Text), Error> {
    match value.as_array().map(Vec::as_slice) {
        Some([a, b]) => Ok((text(a, path)?, text(b, path)?)),
        _ => Err(bad(path, "must be two strings")),
    }
}

fn object<'v>(
    value: &'v Value,
    path: &str,
    known: &[&str],
) -> Result<&'v Map<String, Value>, Error> {
    let map = value
        .as_object()
        .ok_or_else(|| bad(path, "must be an object"))?;
    if let Some(unknown) = map.keys().find(|key| !known.contains(&key.as_str())) {
        let shown: String = unknown.chars().take(40).collect();
        return Err(bad(
            path,
            &format!(
                "unknown field `{shown}`; expected one of {}",
                known.join(", ")
            ),
        ));
    }
    Ok(map)
}

/// An externally tagged value: a bare string, or an object of one key.
fn tagged<'v>(value: &'v Value, path: &str) -> Result<(&'v str, Option<&'v Value>), Error> {
    if let Some(tag) = value.as_str() {
        return Ok((tag, None));
    }
    match value.as_object() {
        Some(map) if map.len() == 1 => {
            let (tag, inner) = map.iter().next().unwrap_or_else(|| unreachable!());
            Ok((tag.as_str(), Some(inner)))
        }
        _ => Err(bad(path, "must be a string or an object with one key")),
    }
}

fn unknown(path: &str, tag: &str, expected: &str) -> Error {
    let shown: String = tag.chars().take(40).collect();
    bad(
        path,
        &format!("unknown variant `{shown}`; expected {expected}"),
    )
}

fn algorithm(value: &Value, path: &str) -> Result<Algorithm, Error> {
    Ok(match value.as_str() {
        Some("hmac-sha256") => Algorithm::HmacSha256,
        Some("hmac-sha1") => Algorithm::HmacSha1,
        Some("hmac-sha512") => Algorithm::HmacSha512,
        Some("ed25519") => Algorithm::Ed25519,
        Some("ecdsa-p256") => Algorithm::EcdsaP256,
        Some(other) => {
            return Err(unknown(
                path,
                other,
                "hmac-sha256, hmac-sha1, hmac-sha512, ed25519 or ecdsa-p256",
            ))
        }
        None => return Err(bad(path, "must be a string")),
    })
}

fn locator(value: &Value, path: &str) -> Result<Locator, Error> {
    let (tag, inner) = tagged(value, path)?;
    let inner = inner.ok_or_else(|| bad(path, "must be an object such as { header: \"…\" }"))?;
    Ok(match tag {
        "header" => Locator::Header(text(inner, path)?),
        "json" => Locator::Json(text(inner, path)?),
        "signature-field" => Locator::SignatureField(text(inner, path)?),
        "either-header" => {
            let (a, b) = pair(inner, path)?;
            Locator::EitherHeader(a, b)
        }
        other => {
            return Err(unknown(
                path,
                other,
                "header, either-header, json or signature-field",
            ))
        }
    })
}

fn field(value: Option<&Value>, path: &str) -> Result<Field, Error> {
    let Some(value) = value else {
        return Ok(Field::None);
    };
    let (tag, inner) = tagged(value, path)?;
    let need = || inner.ok_or_else(|| bad(path, "needs a value"));
    Ok(match tag {
        "none" => Field::None,
        "body-digest" => Field::BodyDigest,
        "header" => Field::Header(text(need()?, path)?),
        "json" => Field::Json(text(need()?, path)?),
        "either-header" => {
            let (a, b) = pair(need()?, path)?;
            Field::EitherHeader(a, b)
        }
        "header-dot-json" => {
            let (a, b) = pair(need()?, path)?;
            Field::HeaderDotJson(a, b)
        }
        "json-dot-json" => {
            let (a, b) = pair(need()?, path)?;
            Field::JsonDotJson(a, b)
        }
        "first-json" => Field::FirstJson(Cow::Owned(
            need()?
                .as_array()
                .ok_or_else(|| bad(path, "must be a list of JSON pointers"))?
                .iter()
                .map(|pointer| text(pointer, path))
                .collect::<Result<_, _>>()?,
        )),
        other => {
            return Err(unknown(
                path,
                other,
                "none, body-digest, header, either-header, json, header-dot-json, json-dot-json or first-json",
            ))
        }
    })
}

fn part(value: &Value, path: &str) -> Result<Part, Error> {
    let (tag, inner) = tagged(value, path)?;
    let need = || inner.ok_or_else(|| bad(path, "needs a value"));
    Ok(match tag {
        "body" => Part::Body,
        "timestamp" => Part::Timestamp,
        "url" => Part::Url,
        "url-any-port" => Part::UrlAnyPort,
        "method" => Part::Method,
        "sorted-form" => Part::SortedForm,
        "literal" => Part::Literal(text(need()?, path)?),
        "header" => Part::Header(text(need()?, path)?),
        "json" => Part::Json(text(need()?, path)?),
        "optional-json" => Part::OptionalJson(text(need()?, path)?),
        "either-header" => {
            let (a, b) = pair(need()?, path)?;
            Part::EitherHeader(a, b)
        }
        other => return Err(unknown(path, other, "body, timestamp, url, url-any-port, method, sorted-form, literal, header, either-header, json or optional-json")),
    })
}

fn signature(value: &Value) -> Result<Signature, Error> {
    let path = "proof.signature";
    let map = object(
        value,
        path,
        &[
            "algorithm",
            "key",
            "signed",
            "location",
            "syntax",
            "encoding",
        ],
    )?;
    let get = |key: &str| {
        map.get(key)
            .ok_or_else(|| bad(&format!("{path}.{key}"), "is missing"))
    };
    let key = match map.get("key") {
        None => KeyForm::Text,
        Some(value) => match tagged(value, "proof.signature.key")? {
            ("text", None) => KeyForm::Text,
            ("hex", None) => KeyForm::Hex,
            ("base64", None) => KeyForm::Base64,
            ("standard-webhooks", None) => KeyForm::StandardWebhooks,
            ("base64-after-prefix", Some(prefix)) => {
                KeyForm::Base64AfterPrefix(text(prefix, "proof.signature.key")?)
            }
            (other, _) => {
                return Err(unknown(
                    "proof.signature.key",
                    other,
                    "text, hex, base64, standard-webhooks or base64-after-prefix",
                ))
            }
        },
    };
    let signed = get("signed")?
        .as_array()
        .ok_or_else(|| bad("proof.signature.signed", "must be a list of parts"))?
        .iter()
        .map(|value| part(value, "proof.signature.signed"))
        .collect::<Result<Vec<_>, _>>()?;
    let syntax = match map.get("syntax") {
        None => Syntax::Bare,
        Some(value) => {
            let path = "proof.signature.syntax";
            match tagged(value, path)? {
                ("bare", None) => Syntax::Bare,
                ("prefixed", Some(prefix)) => Syntax::Prefixed(text(prefix, path)?),
                ("optional-prefix", Some(prefix)) => Syntax::OptionalPrefix(text(prefix, path)?),
                ("positional", Some(separator)) => {
                    let separator = separator.as_str().unwrap_or("");
                    let mut chars = separator.chars();
                    let (Some(separator), None) = (chars.next(), chars.next()) else {
                        return Err(bad(
                            "proof.signature.syntax.positional",
                            "must be one character",
                        ));
                    };
                    Syntax::Positional(separator)
                }
                ("list", Some(list)) => {
                    let list = object(list, "proof.signature.syntax.list", &["separator", "key"])?;
                    let separator = list.get("separator").and_then(Value::as_str).unwrap_or("");
                    let mut chars = separator.chars();
                    let (Some(separator), None) = (chars.next(), chars.next()) else {
                        return Err(bad(
                            "proof.signature.syntax.list.separator",
                            "must be one character",
                        ));
                    };
                    let key = text(
                        list.get("key").unwrap_or(&Value::Null),
                        "proof.signature.syntax.list.key",
                    )?;
                    Syntax::List { separator, key }
                }
                ("versioned", Some(versions)) => Syntax::Versioned(Cow::Owned(
                    versions
                        .as_array()
                        .ok_or_else(|| bad(path, "versioned must be a list of { tag, algorithm }"))?
                        .iter()
                        .map(|version| {
                            let path = "proof.signature.syntax.versioned";
                            let version = object(version, path, &["tag", "algorithm"])?;
                            Ok(Version {
                                tag: text(version.get("tag").unwrap_or(&Value::Null), path)?,
                                algorithm: algorithm(
                                    version.get("algorithm").unwrap_or(&Value::Null),
                                    path,
                                )?,
                            })
                        })
                        .collect::<Result<_, Error>>()?,
                )),
                (other, _) => {
                    return Err(unknown(
                        path,
                        other,
                        "bare, prefixed, optional-prefix, list, positional or versioned",
                    ))
                }
            }
        }
    };
    let encoding = match get("encoding")?.as_str() {
        Some("hex") => Encoding::Hex,
        Some("base64") => Encoding::Base64,
        Some(other) => return Err(unknown("proof.signature.encoding", other, "hex or base64")),
        None => return Err(bad("proof.signature.encoding", "must be a string")),
    };
    Ok(Signature {
        algorithm: algorithm(get("algorithm")?, "proof.signature.algorithm")?,
        key,
        signed: Cow::Owned(signed),
        location: locator(get("location")?, "proof.signature.location")?,
        syntax,
        encoding,
    })
}

impl Scheme {
    /// Reads a declaration from its JSON form — the shape `pkg/index.d.ts` types as
    /// `SchemeDeclaration` — and checks it ([`Scheme::check`]).
    ///
    /// ```
    /// let json = r#"{"name":"acme","proof":{"signature":{"algorithm":"hmac-sha256","signed":["body"],"location":{"header":"X-Acme-Signature"},"encoding":"hex"}}}"#;
    /// let scheme = hookproof::Scheme::from_json(json)?;
    /// assert_eq!(scheme.name, "acme");
    /// let error = hookproof::Scheme::from_json(r#"{"name":"acme","proof":{"signature":{"algorithm":"md5"}}}"#).unwrap_err();
    /// assert!(error.message().starts_with("scheme.proof.signature"), "{}", error.message());
    /// # Ok::<(), hookproof::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Scheme, Error> {
        let value: Value = serde_json::from_str(json).map_err(|cause| {
            Error::new(
                ErrorCode::InvalidArgument,
                format!("scheme: not JSON: {cause}"),
            )
        })?;
        let map = object(&value, "", &["name", "proof", "timestamp", "event", "challenge", "content_type"])
            .map_err(|_| bad("", "must be an object { name, proof, timestamp?, event?, challenge?, content_type? } with no other fields"))?;
        let proof = match tagged(map.get("proof").unwrap_or(&Value::Null), "proof")? {
            ("signature", Some(value)) => Proof::Signature(signature(value)?),
            ("token", Some(value)) => Proof::Token(match tagged(value, "proof.token")? {
                ("query", None) => TokenAt::Query,
                ("basic", None) => TokenAt::Basic,
                ("header", Some(name)) => TokenAt::Header(text(name, "proof.token.header")?),
                (other, _) => return Err(unknown("proof.token", other, "query, basic or header")),
            }),
            (other, _) => return Err(unknown("proof", other, "signature or token")),
        };
        let timestamp = match map.get("timestamp") {
            None | Some(Value::Null) => None,
            Some(value) => {
                let spec = object(value, "timestamp", &["at", "unit", "tolerance"])?;
                let unit = match spec.get("unit").and_then(Value::as_str) {
                    Some("seconds") => TimeUnit::Seconds,
                    Some("milliseconds") => TimeUnit::Milliseconds,
                    Some("rfc3339") => TimeUnit::Rfc3339,
                    _ => {
                        return Err(bad(
                            "timestamp.unit",
                            "must be seconds, milliseconds or rfc3339",
                        ))
                    }
                };
                let tolerance = match spec.get("tolerance") {
                    None => 300,
                    Some(value) => value
                        .as_u64()
                        .ok_or_else(|| bad("timestamp.tolerance", "must be whole seconds"))?,
                };
                Some(Timestamp {
                    at: locator(spec.get("at").unwrap_or(&Value::Null), "timestamp.at")?,
                    unit,
                    tolerance,
                })
            }
        };
        let event = match map.get("event") {
            None => EventFields::NONE,
            Some(value) => {
                let fields = object(value, "event", &["type", "id", "dedupe"])?;
                EventFields {
                    kind: field(fields.get("type"), "event.type")?,
                    id: field(fields.get("id"), "event.id")?,
                    dedupe: field(fields.get("dedupe"), "event.dedupe")?,
                }
            }
        };
        let challenge = match map.get("challenge") {
            None | Some(Value::Null) => None,
            Some(value) => Some(match tagged(value, "challenge")? {
                ("zoom-url-validation", None) => Challenge::ZoomUrlValidation,
                (kind @ ("echo" | "fixed"), Some(inner)) => {
                    let path = format!("challenge.{kind}");
                    let answer_key = if kind == "echo" { "echo" } else { "answer" };
                    let inner = object(inner, &path, &["when", "equals", answer_key])?;
                    let when = field(inner.get("when"), &path)?;
                    let equals = text(inner.get("equals").unwrap_or(&Value::Null), &path)?;
                    let answer = text(inner.get(answer_key).unwrap_or(&Value::Null), &path)?;
                    match kind {
                        "echo" => Challenge::Echo {
                            when,
                            equals,
                            echo: answer,
                        },
                        _ => Challenge::Fixed {
                            when,
                            equals,
                            answer,
                        },
                    }
                }
                (other, _) => {
                    return Err(unknown(
                        "challenge",
                        other,
                        "echo, fixed or zoom-url-validation",
                    ))
                }
            }),
        };
        let scheme = Scheme {
            name: text(map.get("name").unwrap_or(&Value::Null), "name")?,
            proof,
            timestamp,
            event,
            challenge,
            content_type: match map.get("content_type") {
                None => Cow::Borrowed("application/json"),
                Some(value) => text(value, "content_type")?,
            },
        };
        scheme.check()?;
        Ok(scheme)
    }
}
