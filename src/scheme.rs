//! How a provider proves a delivery: the scheme as data, and the constant-time checks.
//!
//! Schemes are plain `const` values, so one generic implementation of verification,
//! signing and diagnosis ([`crate::explain`]) serves every provider.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use subtle::{Choice, ConstantTimeEq};

use crate::error::{Error, ErrorCode};

pub(crate) type HmacSha256 = Hmac<Sha256>;

/// Length in bytes of a SHA-256 digest (and so of every signature hookproof checks).
pub const DIGEST_LEN: usize = 32;

/// What proves that a delivery comes from the provider.
///
/// ```
/// use hookproof::{Proof, Provider};
///
/// let Proof::HmacHex(scheme) = Provider::Sir.proof() else { unreachable!() };
/// assert_eq!((scheme.signature_header, scheme.prefix), ("X-SIR-Signature", "sha256="));
/// assert_eq!(scheme.timestamp_header, Some("X-SIR-Timestamp"));
/// assert_eq!(Provider::Gengo.proof(), &Proof::UrlToken);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Proof {
    /// An HMAC-SHA256 of the body, hex-encoded in a header.
    HmacHex(HmacScheme),
    /// No signature: a shared token in the callback URL's query string, chosen by the
    /// receiver when it registered the URL. The parameter name is
    /// [`Options::token_param`](crate::Options::token_param).
    UrlToken,
}

/// An HMAC-SHA256 signature scheme.
///
/// The signed bytes are the raw body, or `<timestamp> "." <raw body>` when the scheme
/// has a timestamp header. The key is the secret's bytes as given (no hex or base64
/// decoding).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HmacScheme {
    /// The header carrying the signature.
    pub signature_header: &'static str,
    /// Text before the hex digits, such as `sha256=`; empty for none.
    pub prefix: &'static str,
    /// The header carrying the signed unix timestamp (seconds), if the scheme has one.
    pub timestamp_header: Option<&'static str>,
}

/// A secret prepared for repeated use: the HMAC key schedule, or a token's digest. Both
/// are wiped when dropped (the HMAC state by `hmac`'s `zeroize` feature).
#[derive(Clone)]
pub(crate) enum Key {
    Hmac(HmacSha256),
    TokenDigest([u8; DIGEST_LEN]),
}

impl Drop for Key {
    fn drop(&mut self) {
        if let Key::TokenDigest(digest) = self {
            zeroize::Zeroize::zeroize(digest);
        }
    }
}

impl Key {
    pub(crate) fn new(proof: &Proof, secret: &[u8]) -> Result<Key, Error> {
        if secret.is_empty() {
            return Err(Error::new(
                ErrorCode::InvalidSecret,
                "a secret is empty; pass the secret configured with the provider",
            ));
        }
        Ok(match proof {
            // HMAC accepts keys of any length, so this cannot fail.
            Proof::HmacHex(_) => {
                Key::Hmac(HmacSha256::new_from_slice(secret).unwrap_or_else(|_| unreachable!()))
            }
            Proof::UrlToken => Key::TokenDigest(Sha256::digest(secret).into()),
        })
    }
}

/// Prepares every secret, refusing an empty list or an empty secret.
pub(crate) fn prepare_keys<S: AsRef<[u8]>>(
    proof: &Proof,
    secrets: &[S],
) -> Result<Vec<Key>, Error> {
    if secrets.is_empty() {
        return Err(Error::new(
            ErrorCode::InvalidSecret,
            "no secret given; pass at least one",
        ));
    }
    secrets
        .iter()
        .map(|secret| Key::new(proof, secret.as_ref()))
        .collect()
}

/// What is signed before the body: the timestamp and a dot where the scheme signs one. The
/// one definition, for the HMAC computed here and the prefix given to callers that compute
/// it themselves (`Verifier::signed_prefix`).
pub(crate) fn signed_parts(timestamp: Option<&str>) -> [&[u8]; 2] {
    match timestamp {
        Some(timestamp) => [timestamp.as_bytes(), b"."],
        None => [b"", b""],
    }
}

/// HMAC-SHA256 of the signed parts and the body, keyed by a prepared key.
pub(crate) fn mac(key: &HmacSha256, timestamp: Option<&str>, body: &[u8]) -> [u8; DIGEST_LEN] {
    // Test-only: counts what is really hashed (src/explain/work_bounds.rs bounds it).
    #[cfg(all(test, feature = "std"))]
    crate::work_counter::hmac(timestamp.map_or(0, |t| t.len() + 1) + body.len());
    let mut mac = key.clone();
    for part in signed_parts(timestamp) {
        mac.update(part);
    }
    mac.update(body);
    mac.finalize().into_bytes().into()
}

/// True when any key signs the bytes as `expected`. Every key is tried, whatever the
/// outcome of the others, and digests are compared in constant time, so timing reveals
/// neither which secret matched nor how much of the signature was right.
pub(crate) fn any_hmac_matches(
    keys: &[Key],
    timestamp: Option<&str>,
    body: &[u8],
    expected: &[u8; DIGEST_LEN],
) -> bool {
    let mut matched = Choice::from(0);
    for key in keys {
        if let Key::Hmac(key) = key {
            matched |= mac(key, timestamp, body).ct_eq(expected);
        }
    }
    matched.into()
}

/// True when any of the digests equals `expected`; the same constant-time rules as
/// [`any_hmac_matches`], for digests computed outside (see `Verifier::verify_with_macs`).
pub(crate) fn any_digest_matches(
    digests: &[[u8; DIGEST_LEN]],
    expected: &[u8; DIGEST_LEN],
) -> bool {
    let mut matched = Choice::from(0);
    for digest in digests {
        matched |= digest.ct_eq(expected);
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

/// Reads `<prefix><64 hex digits>` (either case; the prefix case-insensitively).
pub(crate) fn parse_signature(scheme: &HmacScheme, value: &str) -> Result<[u8; DIGEST_LEN], Error> {
    let header = scheme.signature_header;
    let value = value.trim();
    let hex = strip_prefix_ignore_case(value, scheme.prefix).ok_or_else(|| {
        Error::new(
            ErrorCode::MalformedSignature,
            format!("{header} must start with `{}`", scheme.prefix),
        )
    })?;
    let mut digest = [0u8; DIGEST_LEN];
    let hex_form = || {
        if scheme.prefix.is_empty() {
            format!("{header} must be {} hex digits", DIGEST_LEN * 2)
        } else {
            format!(
                "{header} must be `{}` followed by {} hex digits",
                scheme.prefix,
                DIGEST_LEN * 2
            )
        }
    };
    if hex.len() != DIGEST_LEN * 2 {
        return Err(Error::new(
            ErrorCode::MalformedSignature,
            format!("{}; found {} characters", hex_form(), hex.len()),
        ));
    }
    base16ct::mixed::decode(hex, &mut digest).map_err(|_| {
        Error::new(
            ErrorCode::MalformedSignature,
            format!("{}; found a character that is not a hex digit", hex_form()),
        )
    })?;
    Ok(digest)
}

pub(crate) fn strip_prefix_ignore_case<'a>(value: &'a str, prefix: &str) -> Option<&'a str> {
    let head = value.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &value[prefix.len()..])
}

/// Reads a unix timestamp: ASCII digits only, fitting in 64 bits.
pub(crate) fn parse_timestamp(header: &str, value: &str) -> Result<u64, Error> {
    let value = value.trim();
    let malformed = |why: &str| {
        Error::new(
            ErrorCode::MalformedTimestamp,
            format!("{header} must be whole unix seconds in ASCII digits; {why}"),
        )
    };
    if value.is_empty() {
        return Err(malformed("it is empty"));
    }
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(malformed("found a character that is not a digit"));
    }
    value
        .parse::<u64>()
        .map_err(|_| malformed("the number does not fit in 64 bits"))
}

/// Checks a signed timestamp against `now`, allowing `tolerance` seconds either way.
pub(crate) fn check_window(
    header: &str,
    timestamp: u64,
    now: u64,
    tolerance: u64,
) -> Result<(), Error> {
    if now > timestamp && now - timestamp > tolerance {
        return Err(Error::new(
            ErrorCode::TimestampTooOld,
            format!(
                "{header} is {} s in the past, beyond the {tolerance} s tolerance (a replay, or a clock off)",
                now - timestamp
            ),
        ));
    }
    if timestamp > now && timestamp - now > tolerance {
        return Err(Error::new(
            ErrorCode::TimestampInFuture,
            format!(
                "{header} is {} s in the future, beyond the {tolerance} s tolerance (a clock off?)",
                timestamp - now
            ),
        ));
    }
    Ok(())
}

/// The first value of query parameter `name` in a URL, a path or a bare query string.
pub(crate) fn query_param<'a>(url: &'a str, name: &str) -> Option<alloc::borrow::Cow<'a, str>> {
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

/// Lower-case hex, as the providers send it.
pub(crate) fn to_hex(digest: &[u8; DIGEST_LEN]) -> String {
    base16ct::lower::encode_string(digest)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEME: HmacScheme = HmacScheme {
        signature_header: "X-Sig",
        prefix: "sha256=",
        timestamp_header: None,
    };

    #[test]
    fn signature_prefix_is_case_insensitive_and_hex_either_case() {
        let hex = "AB".repeat(32);
        assert_eq!(
            parse_signature(&SCHEME, &format!("SHA256={hex}")).unwrap(),
            [0xab; 32]
        );
    }

    #[test]
    fn timestamps_accept_only_digits() {
        for bad in [
            "",
            "+1",
            "-1",
            "1.5",
            "1e3",
            "0x10",
            "12a",
            "99999999999999999999",
        ] {
            let err = parse_timestamp("T", bad).unwrap_err();
            assert_eq!(err.code(), ErrorCode::MalformedTimestamp, "{bad}");
        }
        assert_eq!(parse_timestamp("T", " 1700000000 ").unwrap(), 1_700_000_000);
        assert_eq!(
            parse_timestamp("T", "18446744073709551615").unwrap(),
            u64::MAX
        );
    }

    #[test]
    fn window_edges_are_inclusive() {
        assert!(check_window("T", 700, 1000, 300).is_ok());
        assert!(check_window("T", 1300, 1000, 300).is_ok());
        assert_eq!(
            check_window("T", 699, 1000, 300).unwrap_err().code(),
            ErrorCode::TimestampTooOld
        );
        assert_eq!(
            check_window("T", 1301, 1000, 300).unwrap_err().code(),
            ErrorCode::TimestampInFuture
        );
    }

    #[test]
    fn query_param_reads_urls_paths_and_bare_queries() {
        assert_eq!(
            query_param("https://x.test/cb?a=1&token=s%20t#frag", "token").unwrap(),
            "s t"
        );
        assert_eq!(query_param("/cb?token=abc", "token").unwrap(), "abc");
        assert_eq!(query_param("token=abc", "token").unwrap(), "abc");
        assert!(query_param("/cb", "token").is_none());
        assert!(query_param("/cb?tokens=abc", "token").is_none());
    }
}
