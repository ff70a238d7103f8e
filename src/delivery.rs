//! What arrived: headers, raw body bytes, and the URL it was sent to.

use crate::headers::Headers;

/// One received webhook request.
///
/// The body is the raw bytes as received: signatures cover exactly those bytes, so never
/// pass a re-serialized or re-encoded body. It may be invalid UTF-8.
///
/// ```
/// use hookproof::Delivery;
///
/// let headers = [("X-Signature", "00")];
/// let delivery = Delivery::new(&headers, br#"{"jobId":5}"#).with_url("/callbacks?token=t");
/// assert_eq!(delivery.url, Some("/callbacks?token=t"));
/// ```
#[derive(Clone, Copy)]
pub struct Delivery<'a> {
    /// The request headers.
    pub headers: &'a dyn Headers,
    /// The raw request body.
    pub body: &'a [u8],
    /// The request URL (absolute, or the path and query): read by the schemes that sign
    /// it (Twilio, Square, HubSpot) and by URL-token proofs (Gengo).
    pub url: Option<&'a str>,
    /// The request method (`POST`): read by the schemes that sign it (HubSpot).
    pub method: Option<&'a str>,
}

impl<'a> Delivery<'a> {
    /// A delivery without a URL.
    pub fn new(headers: &'a dyn Headers, body: &'a [u8]) -> Self {
        Delivery {
            headers,
            body,
            url: None,
            method: None,
        }
    }

    /// The same delivery, received at `url`.
    pub fn with_url(self, url: &'a str) -> Self {
        Delivery {
            url: Some(url),
            ..self
        }
    }

    /// The same delivery, received with this method (`POST`).
    ///
    /// ```
    /// let delivery = hookproof::Delivery::new(&[("a", "b")], b"").with_method("POST");
    /// assert_eq!(delivery.method, Some("POST"));
    /// ```
    pub fn with_method(self, method: &'a str) -> Self {
        Delivery {
            method: Some(method),
            ..self
        }
    }
}

impl core::fmt::Debug for Delivery<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut headers = f.debug_map();
        self.headers.for_each(&mut |name, value| {
            headers.entry(&name, &value);
            false
        });
        headers.finish()?;
        write!(
            f,
            " body: {} bytes, url: {:?}, method: {:?}",
            self.body.len(),
            self.url,
            self.method
        )
    }
}
