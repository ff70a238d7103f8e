//! Case-insensitive header lookup over whatever header collection the caller has.

/// A read-only view of request headers.
///
/// HTTP header names are case-insensitive, so [`Headers::get`] matches names with ASCII
/// case folding. Implemented for slices, arrays and vectors of `(name, value)` pairs and,
/// with `std`, for `HashMap`s; implement [`Headers::for_each`] for any other collection.
///
/// ```
/// use hookproof::Headers;
///
/// let headers = [("content-type", "application/json"), ("X-Signature", "ab12")];
/// assert_eq!(headers.get("x-signature"), Some("ab12"));
/// assert_eq!(headers.get("X-SIGNATURE"), Some("ab12"));
/// assert_eq!(headers.get("x-missing"), None);
/// ```
pub trait Headers {
    /// Calls `visit` with each `(name, value)` pair until it returns `true`.
    fn for_each<'a>(&'a self, visit: &mut dyn FnMut(&'a str, &'a str) -> bool);

    /// The value of the first header named `name`, compared case-insensitively.
    fn get(&self, name: &str) -> Option<&str> {
        let mut found = None;
        self.for_each(&mut |key, value| {
            let hit = key.eq_ignore_ascii_case(name);
            if hit {
                found = Some(value);
            }
            hit
        });
        found
    }
}

impl<H: Headers + ?Sized> Headers for &H {
    fn for_each<'a>(&'a self, visit: &mut dyn FnMut(&'a str, &'a str) -> bool) {
        (**self).for_each(visit)
    }
}

impl<K: AsRef<str>, V: AsRef<str>> Headers for [(K, V)] {
    fn for_each<'a>(&'a self, visit: &mut dyn FnMut(&'a str, &'a str) -> bool) {
        for (key, value) in self {
            if visit(key.as_ref(), value.as_ref()) {
                return;
            }
        }
    }
}

impl<K: AsRef<str>, V: AsRef<str>, const N: usize> Headers for [(K, V); N] {
    fn for_each<'a>(&'a self, visit: &mut dyn FnMut(&'a str, &'a str) -> bool) {
        Headers::for_each(self.as_slice(), visit)
    }
}

impl<K: AsRef<str>, V: AsRef<str>> Headers for alloc::vec::Vec<(K, V)> {
    fn for_each<'a>(&'a self, visit: &mut dyn FnMut(&'a str, &'a str) -> bool) {
        Headers::for_each(self.as_slice(), visit)
    }
}

impl<K: AsRef<str>, V: AsRef<str>> Headers for alloc::collections::BTreeMap<K, V> {
    fn for_each<'a>(&'a self, visit: &mut dyn FnMut(&'a str, &'a str) -> bool) {
        for (key, value) in self {
            if visit(key.as_ref(), value.as_ref()) {
                return;
            }
        }
    }
}

#[cfg(feature = "std")]
impl<K: AsRef<str>, V: AsRef<str>, S> Headers for std::collections::HashMap<K, V, S> {
    fn for_each<'a>(&'a self, visit: &mut dyn FnMut(&'a str, &'a str) -> bool) {
        for (key, value) in self {
            if visit(key.as_ref(), value.as_ref()) {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Headers;
    use alloc::collections::BTreeMap;

    #[test]
    fn first_match_wins_and_case_is_ignored() {
        let headers = [("x-a", "1"), ("X-A", "2")];
        assert_eq!(headers.get("X-a"), Some("1"));
    }

    #[test]
    fn map_lookup_ignores_case() {
        let mut map = BTreeMap::new();
        map.insert("X-SIR-Timestamp", "1");
        assert_eq!(Headers::get(&map, "x-sir-timestamp"), Some("1"));
    }
}
