//! What a response's headers can be handed over as ([`HeaderSource`]).

/// A response's headers as a caller has them: raw lines (`"Name: value"`,
/// one a line, as documentation writes them) or `(name, value)` pairs.
/// [`ResponseHeaders::read`](super::ResponseHeaders::read) and a generated
/// enum's `E::headers` take any of them.
///
/// In lines, blank lines and lines without `:` (a status line) are skipped;
/// a value keeps its own colons (`Retry-After: Sun, 06 Nov 1994 08:49:37 GMT`).
///
/// ```
/// use error_catalog_core::headers::HeaderSource;
///
/// let mut seen = Vec::new();
/// "HTTP/1.1 429\nRetry-After: 3".each_header(&mut |n, v| seen.push(format!("{n}={v}")));
/// [("X-Request-Id", "r-1")].each_header(&mut |n, v| seen.push(format!("{n}={v}")));
/// assert_eq!(seen, ["Retry-After= 3", "X-Request-Id=r-1"]);
/// ```
pub trait HeaderSource {
    /// Hands each header to `each` as (name, value), untrimmed, in order.
    fn each_header(&self, each: &mut dyn FnMut(&str, &str));
}

/// `Name: value` lines.
impl HeaderSource for str {
    fn each_header(&self, each: &mut dyn FnMut(&str, &str)) {
        for (name, value) in self.lines().filter_map(|line| line.split_once(':')) {
            each(name, value);
        }
    }
}

/// `Name: value` lines.
impl HeaderSource for String {
    fn each_header(&self, each: &mut dyn FnMut(&str, &str)) {
        self.as_str().each_header(each);
    }
}

impl HeaderSource for [(&str, &str)] {
    fn each_header(&self, each: &mut dyn FnMut(&str, &str)) {
        for &(name, value) in self {
            each(name, value);
        }
    }
}

impl<const N: usize> HeaderSource for [(&str, &str); N] {
    fn each_header(&self, each: &mut dyn FnMut(&str, &str)) {
        self.as_slice().each_header(each);
    }
}

impl HeaderSource for Vec<(&str, &str)> {
    fn each_header(&self, each: &mut dyn FnMut(&str, &str)) {
        self.as_slice().each_header(each);
    }
}

impl HeaderSource for [(String, String)] {
    fn each_header(&self, each: &mut dyn FnMut(&str, &str)) {
        for (name, value) in self {
            each(name.as_str(), value.as_str());
        }
    }
}

impl HeaderSource for Vec<(String, String)> {
    fn each_header(&self, each: &mut dyn FnMut(&str, &str)) {
        self.as_slice().each_header(each);
    }
}

/// No headers.
impl HeaderSource for () {
    fn each_header(&self, _: &mut dyn FnMut(&str, &str)) {}
}

impl<T: HeaderSource + ?Sized> HeaderSource for &T {
    fn each_header(&self, each: &mut dyn FnMut(&str, &str)) {
        (**self).each_header(each);
    }
}
