//! Decoding by declaration: the body's JSON as sent (or a form as a JSON object of its
//! fields), with the event's type, id and dedupe key found where the scheme says.

use alloc::borrow::Cow;
use alloc::format;
use alloc::string::String;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::delivery::Delivery;
use crate::error::{Error, ErrorCode};
use crate::event::Decoded;
use crate::proof::json_text;
use crate::raw::RawJson;
use crate::scheme::{Field, Scheme};

/// The body as JSON: the document itself, or a form's fields (the last value of a repeated
/// name) as an object of strings.
pub(crate) fn body_json(scheme: &Scheme, body: &[u8]) -> Result<(RawJson, Value), Error> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace()).copied();
    // A form (Slack's slash commands, Twilio): `name=value&…` in form characters only.
    let form = body.contains(&b'=')
        && body
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"%+=&._~*-".contains(b));
    if form && !matches!(first, Some(b'{') | Some(b'[')) {
        let mut object = serde_json::Map::new();
        for (name, value) in form_urlencoded::parse(body) {
            object.insert(name.into_owned(), Value::String(value.into_owned()));
        }
        let value = Value::Object(object);
        let text = serde_json::to_string(&value).map_err(|e| Error::from_json(&scheme.name, &e))?;
        let raw = serde_json::from_str(&text).map_err(|e| Error::from_json(&scheme.name, &e))?;
        return Ok((raw, value));
    }
    let raw: RawJson =
        serde_json::from_slice(body).map_err(|e| Error::from_json(&scheme.name, &e))?;
    let value: Value =
        serde_json::from_str(raw.get()).map_err(|e| Error::from_json(&scheme.name, &e))?;
    Ok((raw, value))
}

/// A field's text, `None` where it is not sent; `Err` where the declaration names it and
/// the delivery lacks it.
pub(crate) fn field(
    scheme: &Scheme,
    field: &Field,
    what: &str,
    delivery: &Delivery<'_>,
    json: &Value,
) -> Result<Option<String>, Error> {
    let missing = |name: &str| {
        Error::new(
            ErrorCode::InvalidPayload,
            format!(
                "{} delivery does not have the documented shape: no {what} at `{name}`",
                scheme.name
            ),
        )
    };
    let pointer = |pointer: &str| {
        json.pointer(pointer)
            .and_then(json_text)
            .map(Cow::into_owned)
    };
    Ok(Some(match field {
        Field::None => return Ok(None),
        Field::Header(name) => delivery
            .headers
            .get(name)
            .map(|v| String::from(v.trim()))
            .ok_or_else(|| missing(name))?,
        Field::EitherHeader(first, second) => delivery
            .headers
            .get(first)
            .or_else(|| delivery.headers.get(second))
            .map(|v| String::from(v.trim()))
            .ok_or_else(|| missing(first))?,
        Field::Json(at) => pointer(at).ok_or_else(|| missing(at))?,
        Field::HeaderDotJson(name, at) => {
            let head = delivery
                .headers
                .get(name)
                .map(str::trim)
                .ok_or_else(|| missing(name))?;
            match pointer(at) {
                Some(tail) => format!("{head}.{tail}"),
                None => String::from(head),
            }
        }
        Field::FirstJson(pointers) => match pointers.iter().find_map(|at| pointer(at)) {
            Some(value) => value,
            None => return Ok(None),
        },
        Field::JsonDotJson(first, second) => {
            let head = pointer(first).ok_or_else(|| missing(first))?;
            match pointer(second) {
                Some(tail) => format!("{head}.{tail}"),
                None => head,
            }
        }
        Field::BodyDigest => base16ct::lower::encode_string(&Sha256::digest(delivery.body)),
    }))
}

/// Decodes a delivery as the scheme's event fields say.
pub(crate) fn located(scheme: &Scheme, delivery: &Delivery<'_>) -> Result<Decoded<RawJson>, Error> {
    let (payload, json) = body_json(scheme, delivery.body)?;
    let event = &scheme.event;
    // A type in a header that is absent falls back to the scheme's name (the proof has
    // passed; `sign` makes only the proof's headers); one in the body is its shape.
    let from_header = matches!(
        event.kind,
        Field::Header(_) | Field::EitherHeader(..) | Field::HeaderDotJson(..)
    );
    let kind = match field(scheme, &event.kind, "event type", delivery, &json) {
        Err(_) if from_header => None,
        other => other?,
    }
    .unwrap_or_else(|| String::from(scheme.name.as_ref()));
    // An id is informational (the dedupe key is what counts): an absent one is no error.
    let id = field(scheme, &event.id, "id", delivery, &json).unwrap_or(None);
    let dedupe_key = match field(scheme, &event.dedupe, "dedupe key", delivery, &json)? {
        Some(key) => key,
        None => base16ct::lower::encode_string(&Sha256::digest(delivery.body)),
    };
    Ok(Decoded {
        kind,
        id,
        dedupe_key,
        payload,
    })
}

/// Computes Zoom's `encryptedToken` of a `plainToken` with the verifier's secret.
pub(crate) type ZoomKey<'a> = &'a dyn Fn(&[u8]) -> String;

/// The answer to a provider's endpoint check, where the delivery is one. `zoom_key`
/// computes Zoom's `encryptedToken`.
pub(crate) fn challenge(
    scheme: &Scheme,
    delivery: &Delivery<'_>,
    zoom_key: Option<ZoomKey<'_>>,
) -> Option<String> {
    use crate::scheme::Challenge;
    let challenge = scheme.challenge.as_ref()?;
    let (_, json) = body_json(scheme, delivery.body).ok()?;
    let is = |when: &Field, equals: &str| {
        field(scheme, when, "challenge", delivery, &json)
            .ok()
            .flatten()
            .is_some_and(|value| value == equals)
    };
    match challenge {
        Challenge::Echo { when, equals, echo } => {
            if !is(when, equals) {
                return None;
            }
            json.pointer(echo).and_then(json_text).map(Cow::into_owned)
        }
        Challenge::Fixed {
            when,
            equals,
            answer,
        } => is(when, equals).then(|| String::from(answer.as_ref())),
        Challenge::ZoomUrlValidation => {
            if json.pointer("/event").and_then(Value::as_str) != Some("endpoint.url_validation") {
                return None;
            }
            let plain = json
                .pointer("/payload/plainToken")
                .and_then(Value::as_str)?;
            let encrypted = zoom_key?(plain.as_bytes());
            let answer = serde_json::json!({ "plainToken": plain, "encryptedToken": encrypted });
            serde_json::to_string(&answer).ok()
        }
    }
}
