//! What a body may have looked like when it was signed, given what arrived: each variant
//! undoes one common change made between sender and receiver. Diagnosis re-checks the
//! signature against each; none is ever trusted without that check.

use alloc::string::String;
use alloc::vec::Vec;

/// A candidate signed body and the sentence that says what changed it.
pub(crate) struct Variant {
    pub(crate) code: &'static str,
    pub(crate) bytes: Vec<u8>,
    pub(crate) message: String,
}

/// How many JSON layouts are tried at most (see [`JSON_LAYOUTS`] and [`StringForm`]).
pub(crate) const MAX_JSON_VARIANTS: usize = JSON_LAYOUTS.len() * 2 * 3;
/// Every variant other than JSON re-serializations: trailing newline, two line-ending
/// conversions, the BOM, Latin-1.
pub(crate) const MAX_TEXT_VARIANTS: usize = 5;

/// No variant grows past this many times the body (plus a little): a deeply nested,
/// wide document pretty-printed would otherwise cost memory and hashing out of proportion.
const GROWTH_LIMIT: usize = 4;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Objects with more members than this are not tried with their keys sorted.
const SORT_LIMIT: usize = 256;

/// Byte-level changes: a trailing newline, line endings, a byte-order mark, a charset.
pub(crate) fn text_variants(body: &[u8]) -> Vec<Variant> {
    let mut out = Vec::new();
    let mut push = |code, bytes: Vec<u8>, message: &str| {
        if bytes != body {
            out.push(Variant {
                code,
                bytes,
                message: String::from(message),
            });
        }
    };
    match body.strip_suffix(b"\r\n").or_else(|| body.strip_suffix(b"\n")) {
        Some(trimmed) => push("body_trailing_newline", trimmed.to_vec(), "the signature matches the body without its trailing newline: something added one after signing (a proxy, a test fixture, an editor, a log copy)"),
        None => push("body_trailing_newline", [body, b"\n"].concat(), "the signature matches the body with a trailing newline: the sender signed one and something stripped it"),
    }
    if contains(body, b"\r\n") {
        push("body_line_endings", replace(body, b"\r\n", b"\n"), "the signature matches the body with LF line endings: its line endings were converted to CRLF after signing (a Windows tool, a textarea, a git setting)");
    }
    if body.contains(&b'\n') && !contains(body, b"\r\n") {
        push("body_line_endings", replace(body, b"\n", b"\r\n"), "the signature matches the body with CRLF line endings: the sender signed CRLF and its line endings were converted to LF after");
    }
    match body.strip_prefix(BOM) {
        Some(rest) => push("body_bom", rest.to_vec(), "the signature matches the body without its UTF-8 byte-order mark: one was added after signing (an editor or a charset conversion)"),
        None => push("body_bom", [BOM, body].concat(), "the signature matches the body with a UTF-8 byte-order mark: the sender signed one and something stripped it (a text decoder does by default)"),
    }
    if let Some(original) = undo_latin1(body) {
        push("body_latin1", original, "the signature matches this body read back as Windows-1252/Latin-1 bytes: the UTF-8 body was decoded as Latin-1 and re-encoded as UTF-8 (a charset default); read it as bytes");
    }
    out
}

/// Undoes "UTF-8 bytes decoded as Windows-1252 (or Latin-1), then encoded as UTF-8": each
/// character maps back to the one byte it was decoded from. `None` when the text has no
/// non-ASCII character or one outside those charsets.
fn undo_latin1(body: &[u8]) -> Option<Vec<u8>> {
    let text = core::str::from_utf8(body).ok()?;
    if text.is_ascii() {
        return None;
    }
    text.chars()
        .map(|c| match c as u32 {
            // Latin-1 decodes every byte to the same code point.
            code @ 0..=0xFF => Some(code as u8),
            _ => WINDOWS_1252_HIGH
                .iter()
                .position(|&mapped| mapped == c)
                .map(|index| 0x80 + index as u8),
        })
        .collect()
}

/// Windows-1252's characters for bytes 0x80..=0x9F ('\0' where it has none).
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘',
    '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

fn replace(body: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() + body.len() / 16);
    let mut rest = body;
    while !rest.is_empty() {
        if rest.starts_with(from) {
            out.extend_from_slice(to);
            rest = &rest[from.len()..];
        } else {
            out.push(rest[0]);
            rest = &rest[1..];
        }
    }
    out
}

// --- JSON re-serialization ------------------------------------------------------------------

/// Separators and indentation of the serializers senders and frameworks use.
struct Layout {
    name: &'static str,
    item: &'static str,
    key: &'static str,
    indent: Option<&'static str>,
}

const JSON_LAYOUTS: [Layout; 5] = [
    Layout {
        name: "compact JSON (JSON.stringify, serde_json)",
        item: ",",
        key: ":",
        indent: None,
    },
    Layout {
        name: "JSON with Python's default `, ` and `: ` separators",
        item: ", ",
        key: ": ",
        indent: None,
    },
    Layout {
        name: "JSON pretty-printed with 2 spaces",
        item: ",",
        key: ": ",
        indent: Some("  "),
    },
    Layout {
        name: "JSON pretty-printed with 4 spaces",
        item: ",",
        key: ": ",
        indent: Some("    "),
    },
    Layout {
        name: "JSON pretty-printed with tabs",
        item: ",",
        key: ": ",
        indent: Some("\t"),
    },
];

#[derive(Clone, Copy, PartialEq)]
enum StringForm {
    AsIs,
    /// Non-ASCII as `\uXXXX` (Python's `ensure_ascii`, the default of `json.dumps`).
    Escaped,
    /// `\uXXXX` escapes of non-ASCII characters written as the characters.
    Unescaped,
}

/// The body re-serialized in each common layout, keys in received or sorted order,
/// non-ASCII as received, escaped or unescaped. Empty when the body is not JSON.
pub(crate) fn json_variants(body: &[u8]) -> Vec<Variant> {
    let mut out = Vec::new();
    // serde_json is the judge of what is JSON (and refuses nesting past 128 levels), so
    // the small tree below only ever reads well-formed input.
    if serde_json::from_slice::<serde::de::IgnoredAny>(body).is_err() {
        return out;
    }
    let Some(tree) = Parser { text: body, at: 0 }.value() else {
        return out;
    };
    let limit = body.len() * GROWTH_LIMIT + 4096;
    let has_non_ascii = !body.is_ascii();
    let has_escapes = contains(body, b"\\u");
    for sort in [false, true] {
        for form in [StringForm::AsIs, StringForm::Escaped, StringForm::Unescaped] {
            if (form == StringForm::Escaped && !has_non_ascii)
                || (form == StringForm::Unescaped && !has_escapes)
            {
                continue;
            }
            for layout in &JSON_LAYOUTS {
                let mut bytes = Vec::with_capacity(body.len());
                let style = Style {
                    layout,
                    sort,
                    form,
                    limit,
                };
                if !style.write(&tree, 0, &mut bytes) || bytes == body {
                    continue;
                }
                let mut how = String::from(layout.name);
                if sort {
                    how.push_str(", keys sorted");
                }
                match form {
                    StringForm::AsIs => {}
                    StringForm::Escaped => how.push_str(", non-ASCII escaped as \\uXXXX"),
                    StringForm::Unescaped => {
                        how.push_str(", \\uXXXX escapes written as characters")
                    }
                }
                out.push(Variant {
                    code: "body_reserialized",
                    bytes,
                    message: alloc::format!("the signature matches this body re-serialized as {how}: the sender signed that text and it was re-formatted after (a framework parsed the JSON and serialized it again); verify the raw bytes as received"),
                });
            }
        }
    }
    out
}

/// A JSON value as the slices of the text it came from.
enum Node<'a> {
    /// A number, `true`, `false`, `null` or a string (quotes included), verbatim.
    Scalar(&'a [u8]),
    Array(Vec<Node<'a>>),
    Object(Vec<(&'a [u8], Node<'a>)>),
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn skip_space(&mut self) {
        while self.text.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.text.get(self.at) == Some(&byte);
        self.at += usize::from(found);
        found
    }

    fn value(&mut self) -> Option<Node<'a>> {
        self.skip_space();
        match *self.text.get(self.at)? {
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Some(Node::Object(members));
                }
                loop {
                    self.skip_space();
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    members.push((key, self.value()?));
                    if self.eat(b'}') {
                        return Some(Node::Object(members));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Some(Node::Array(items));
                }
                loop {
                    items.push(self.value()?);
                    if self.eat(b']') {
                        return Some(Node::Array(items));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'"' => self.string().map(Node::Scalar),
            _ => {
                let start = self.at;
                while self
                    .text
                    .get(self.at)
                    .is_some_and(|b| !matches!(b, b',' | b']' | b'}') && !b.is_ascii_whitespace())
                {
                    self.at += 1;
                }
                (self.at > start).then(|| Node::Scalar(&self.text[start..self.at]))
            }
        }
    }

    /// A string token, quotes included.
    fn string(&mut self) -> Option<&'a [u8]> {
        let start = self.at;
        if self.text.get(self.at) != Some(&b'"') {
            return None;
        }
        self.at += 1;
        loop {
            match *self.text.get(self.at)? {
                b'\\' => self.at += 2,
                b'"' => {
                    self.at += 1;
                    return Some(&self.text[start..self.at]);
                }
                _ => self.at += 1,
            }
        }
    }
}

struct Style<'l> {
    layout: &'l Layout,
    sort: bool,
    form: StringForm,
    limit: usize,
}

impl Style<'_> {
    /// Writes `node`; false once the output passes the limit.
    fn write(&self, node: &Node<'_>, depth: usize, out: &mut Vec<u8>) -> bool {
        match node {
            Node::Scalar(text) => self.scalar(text, out),
            Node::Array(items) => {
                self.container(b'[', b']', items.len(), depth, out, |index, out| {
                    self.write(&items[index], depth + 1, out)
                })
            }
            Node::Object(members) => {
                let mut order: Vec<usize> = (0..members.len()).collect();
                if self.sort {
                    // Insertion sort: little code, and objects past SORT_LIMIT are not
                    // tried sorted, which bounds its quadratic cost.
                    if members.len() > SORT_LIMIT {
                        return false;
                    }
                    for i in 1..order.len() {
                        let mut j = i;
                        while j > 0 && members[order[j - 1]].0 > members[order[j]].0 {
                            order.swap(j - 1, j);
                            j -= 1;
                        }
                    }
                }
                self.container(b'{', b'}', members.len(), depth, out, |index, out| {
                    let (key, value) = &members[order[index]];
                    self.scalar(key, out);
                    out.extend_from_slice(self.layout.key.as_bytes());
                    self.write(value, depth + 1, out)
                })
            }
        }
    }

    fn container(
        &self,
        open: u8,
        close: u8,
        len: usize,
        depth: usize,
        out: &mut Vec<u8>,
        mut item: impl FnMut(usize, &mut Vec<u8>) -> bool,
    ) -> bool {
        out.push(open);
        for index in 0..len {
            if index > 0 {
                out.extend_from_slice(self.layout.item.as_bytes());
            }
            self.newline(depth + 1, out);
            if out.len() > self.limit || !item(index, out) {
                return false;
            }
        }
        if len > 0 {
            self.newline(depth, out);
        }
        out.push(close);
        out.len() <= self.limit
    }

    fn newline(&self, depth: usize, out: &mut Vec<u8>) {
        if let Some(indent) = self.layout.indent {
            out.push(b'\n');
            for _ in 0..depth {
                out.extend_from_slice(indent.as_bytes());
            }
        }
    }

    fn scalar(&self, text: &[u8], out: &mut Vec<u8>) -> bool {
        match self.form {
            StringForm::AsIs => out.extend_from_slice(text),
            StringForm::Escaped => escape_non_ascii(text, out),
            StringForm::Unescaped => unescape_non_ascii(text, out),
        }
        true
    }
}

fn escape_non_ascii(text: &[u8], out: &mut Vec<u8>) {
    let Ok(text) = core::str::from_utf8(text) else {
        out.extend_from_slice(text);
        return;
    };
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.extend_from_slice(alloc::format!("\\u{unit:04x}").as_bytes());
            }
        }
    }
}

/// Writes `\uXXXX` escapes of characters from U+0080 up as UTF-8 (pairs of surrogate
/// escapes as one character); every other escape stays as it is.
fn unescape_non_ascii(text: &[u8], out: &mut Vec<u8>) {
    let unit_at = |at: usize| -> Option<u16> {
        let digits = text.get(at..at + 6)?;
        if !digits.starts_with(b"\\u") {
            return None;
        }
        u16::from_str_radix(core::str::from_utf8(&digits[2..]).ok()?, 16).ok()
    };
    let mut at = 0;
    while at < text.len() {
        if text[at] == b'\\' && text.get(at + 1) == Some(&b'\\') {
            out.extend_from_slice(b"\\\\");
            at += 2;
            continue;
        }
        let decoded = unit_at(at).and_then(|unit| match unit {
            0xD800..=0xDBFF => {
                let low = unit_at(at + 6).filter(|low| (0xDC00..=0xDFFF).contains(low))?;
                let code = 0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                char::from_u32(code).map(|c| (c, 12))
            }
            0x80.. => char::from_u32(u32::from(unit)).map(|c| (c, 6)),
            _ => None,
        });
        match decoded {
            Some((c, width)) => {
                let mut buffer = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                at += width;
            }
            None => {
                out.push(text[at]);
                at += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layouts(body: &str) -> Vec<String> {
        json_variants(body.as_bytes())
            .into_iter()
            .map(|variant| String::from_utf8(variant.bytes).unwrap())
            .collect()
    }

    #[test]
    fn json_layouts_match_the_serializers() {
        let found = layouts("{\"b\": [1, {}], \"a\": \"é\"}");
        assert!(found.contains(&String::from("{\"b\":[1,{}],\"a\":\"é\"}")));
        assert!(found.contains(&String::from(
            "{\n  \"b\": [\n    1,\n    {}\n  ],\n  \"a\": \"é\"\n}"
        )));
        assert!(found.contains(&String::from("{\"a\": \"\\u00e9\", \"b\": [1, {}]}")));
        assert!(
            !found.contains(&String::from("{\"b\": [1, {}], \"a\": \"é\"}")),
            "the body itself is no variant"
        );
        let unescaped = layouts("{\"e\":\"\\ud83d\\ude00 \\u00e9 \\\\u00e9 \\n\"}");
        assert!(
            unescaped.contains(&String::from("{\"e\":\"😀 é \\\\u00e9 \\n\"}")),
            "{unescaped:?}"
        );
        assert!(layouts("not json").is_empty());
    }

    #[test]
    fn growth_is_bounded() {
        let wide = "[".repeat(100) + &"0,".repeat(2000) + "0" + &"]".repeat(100);
        for variant in json_variants(wide.as_bytes()) {
            assert!(variant.bytes.len() <= wide.len() * GROWTH_LIMIT + 4096);
        }
    }

    #[test]
    fn latin1_round_trip() {
        let original = "Zoë – “quoted” €".as_bytes();
        let mangled: String = original
            .iter()
            .map(|&b| match b {
                0x80..=0x9F if WINDOWS_1252_HIGH[usize::from(b - 0x80)] != '\0' => {
                    WINDOWS_1252_HIGH[usize::from(b - 0x80)]
                }
                _ => char::from(b),
            })
            .collect();
        assert_eq!(undo_latin1(mangled.as_bytes()).unwrap(), original);
        assert!(undo_latin1(b"plain").is_none());
    }
}
