// Shared by the targets: one input split into the parts of a delivery.

/// `(selector, headers text, body, url)`: the first byte selects, then three parts
/// separated by 0xFF bytes (absent parts are empty).
pub fn parts(data: &[u8]) -> (u8, &[u8], &[u8], &[u8]) {
    let (&selector, rest) = data.split_first().unwrap_or((&0, &[]));
    let mut pieces = rest.splitn(3, |&b| b == 0xFF);
    let a = pieces.next().unwrap_or(&[]);
    let b = pieces.next().unwrap_or(&[]);
    let c = pieces.next().unwrap_or(&[]);
    (selector, a, b, c)
}

/// Header lines `name: value` from lossily decoded text.
pub fn headers(text: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(text)
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.to_owned(), value.trim_start().to_owned()))
        .collect()
}

/// A delivery for one of the providers, from fuzz input: owns what `Delivery` borrows.
pub struct Input<'a> {
    pub provider: hookproof::Provider,
    pub headers: Vec<(String, String)>,
    pub body: &'a [u8],
    pub url: String,
}

impl<'a> Input<'a> {
    pub fn new(data: &'a [u8]) -> Input<'a> {
        let (selector, header_text, body, url) = parts(data);
        let all = hookproof::Provider::ALL;
        Input {
            provider: all[usize::from(selector) % all.len()],
            headers: headers(header_text),
            body,
            url: String::from_utf8_lossy(url).into_owned(),
        }
    }

    pub fn delivery(&self) -> hookproof::Delivery<'_> {
        hookproof::Delivery::new(&self.headers, self.body).with_url(&self.url)
    }
}
