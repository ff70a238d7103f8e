//! The one error type: a stable machine code plus a human message.

use alloc::borrow::Cow;
use alloc::format;
use core::fmt;

/// Why a delivery was refused. The string form ([`ErrorCode::as_str`]) is stable API:
/// the JavaScript layer exposes it as `WebhookError#code`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// The provider name is not in the registry.
    UnknownProvider,
    /// No secret was given, or a secret is empty.
    InvalidSecret,
    /// The body is larger than `Options::max_body_bytes`; nothing was hashed.
    BodyTooLarge,
    /// The signature header (or Gengo's URL token) is absent.
    MissingSignature,
    /// The signature is present but not of the scheme's form (prefix, hex, length).
    MalformedSignature,
    /// The signature is well formed but no secret produces it (or the Gengo token is wrong).
    SignatureMismatch,
    /// The scheme signs a timestamp header and it is absent.
    MissingTimestamp,
    /// The timestamp is not plain ASCII digits fitting in 64 bits.
    MalformedTimestamp,
    /// The timestamp is older than the tolerance window allows.
    TimestampTooOld,
    /// The timestamp is further in the future than the tolerance window allows.
    TimestampInFuture,
    /// The body is not of the provider's format (not JSON, not a form, no `job`/`comment`).
    MalformedBody,
    /// The body parses but required fields are missing or of the wrong type.
    InvalidPayload,
    /// An argument cannot be used: a user-declared scheme that is impossible (the message
    /// names the field), or a value of the wrong type from JavaScript.
    InvalidArgument,
}

impl ErrorCode {
    /// The twelve stable codes a delivery (or a secret) is refused with, in declaration
    /// order. [`ErrorCode::InvalidArgument`] is apart: it reports the caller's mistake (an
    /// impossible user-declared scheme), never a delivery's, as `invalid_argument` does in
    /// the JavaScript layer.
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::UnknownProvider,
        ErrorCode::InvalidSecret,
        ErrorCode::BodyTooLarge,
        ErrorCode::MissingSignature,
        ErrorCode::MalformedSignature,
        ErrorCode::SignatureMismatch,
        ErrorCode::MissingTimestamp,
        ErrorCode::MalformedTimestamp,
        ErrorCode::TimestampTooOld,
        ErrorCode::TimestampInFuture,
        ErrorCode::MalformedBody,
        ErrorCode::InvalidPayload,
    ];

    /// The stable snake_case code.
    ///
    /// ```
    /// assert_eq!(hookproof::ErrorCode::TimestampTooOld.as_str(), "timestamp_too_old");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::UnknownProvider => "unknown_provider",
            ErrorCode::InvalidSecret => "invalid_secret",
            ErrorCode::BodyTooLarge => "body_too_large",
            ErrorCode::MissingSignature => "missing_signature",
            ErrorCode::MalformedSignature => "malformed_signature",
            ErrorCode::SignatureMismatch => "signature_mismatch",
            ErrorCode::MissingTimestamp => "missing_timestamp",
            ErrorCode::MalformedTimestamp => "malformed_timestamp",
            ErrorCode::TimestampTooOld => "timestamp_too_old",
            ErrorCode::TimestampInFuture => "timestamp_in_future",
            ErrorCode::MalformedBody => "malformed_body",
            ErrorCode::InvalidPayload => "invalid_payload",
            ErrorCode::InvalidArgument => "invalid_argument",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A refused delivery: a stable [`ErrorCode`] and a message for people.
///
/// Messages are built only from public facts (header names, lengths, offsets, limits):
/// never from a secret, and never echoing a received signature.
///
/// ```
/// use hookproof::{verify, Delivery, ErrorCode, Options};
///
/// let headers: [(&str, &str); 0] = [];
/// let delivery = Delivery::new(&headers, b"{}");
/// let err = verify("g2sentry", &delivery, &["secret"], &Options::default(), 0).unwrap_err();
/// assert_eq!(err.code(), ErrorCode::MissingSignature);
/// assert!(err.message().contains("X-Signature"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    code: ErrorCode,
    message: Cow<'static, str>,
}

impl Error {
    pub(crate) fn new(code: ErrorCode, message: impl Into<Cow<'static, str>>) -> Self {
        Error {
            code,
            message: message.into(),
        }
    }

    pub(crate) fn unknown_provider(name: &str) -> Self {
        // Provider names are public, but keep the echo short in case a caller passes junk.
        let shown: alloc::string::String = name.chars().take(40).collect();
        Error::new(
            ErrorCode::UnknownProvider,
            format!(
                "unknown provider \"{shown}\"; expected one of {}",
                crate::Provider::names_joined()
            ),
        )
    }

    pub(crate) fn invalid_payload(provider: &str, cause: &serde_json::Error) -> Self {
        // serde_json names the field and type, and at most a short quoted body value: body
        // data, never a secret (secrets only ever enter HMAC keys and token digests).
        Error::new(
            ErrorCode::InvalidPayload,
            format!("{provider} payload does not have the documented shape: {cause}"),
        )
    }

    pub(crate) fn malformed_json(provider: &str, cause: &serde_json::Error) -> Self {
        Error::new(
            ErrorCode::MalformedBody,
            format!("{provider} body is not valid JSON: {cause}"),
        )
    }

    /// Turns a serde_json failure into `malformed_body` (syntax) or `invalid_payload` (shape).
    pub(crate) fn from_json(provider: &str, cause: &serde_json::Error) -> Self {
        use serde_json::error::Category;
        match cause.classify() {
            Category::Data => Error::invalid_payload(provider, cause),
            Category::Syntax | Category::Eof | Category::Io => {
                Error::malformed_json(provider, cause)
            }
        }
    }

    /// The stable machine code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// A human explanation; safe to log (contains no secret).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl core::error::Error for Error {}

/// As `{ "code": "…", "message": "…" }`, the shape JavaScript receives.
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut fields = serializer.serialize_struct("Error", 2)?;
        fields.serialize_field("code", self.code.as_str())?;
        fields.serialize_field("message", &*self.message)?;
        fields.end()
    }
}
