//! Reading one header by name from whatever holds a response's headers.

/// A response's headers by name, for the conditions an entry puts on them
/// (`when_header`): the decoder asks for the headers those conditions name.
///
/// ```
/// use error_catalog_core::headers::HeaderLookup;
/// let headers = [("X-RateLimit-Remaining", "0")];
/// assert_eq!(headers.header("x-ratelimit-remaining"), Some("0"));
/// assert_eq!(().header("x-ratelimit-remaining"), None);
/// ```
pub trait HeaderLookup {
    /// The value of header `name` (given in lowercase; matched in any case),
    /// when the response has it.
    fn header(&self, name: &str) -> Option<&str>;
}

/// No headers: what `FromResponse::from_response` decodes with.
impl HeaderLookup for () {
    fn header(&self, _: &str) -> Option<&str> {
        None
    }
}

/// (name, value) pairs, names in any case; the first of a name counts.
impl HeaderLookup for [(&str, &str)] {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    }
}

impl HeaderLookup for &[(&str, &str)] {
    fn header(&self, name: &str) -> Option<&str> {
        (**self).header(name)
    }
}

impl HeaderLookup for Vec<(&str, &str)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl<const N: usize> HeaderLookup for [(&str, &str); N] {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl HeaderLookup for Vec<(String, String)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}
