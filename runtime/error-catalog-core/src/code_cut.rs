//! Cutting the code out of what a service sends, for services that wrap it in
//! a namespace or a suffix: AWS JSON protocols send
//! `com.amazonaws.sqs#QueueDoesNotExist` in the body and
//! `QueueDoesNotExist:http://internal.amazon.com/…` in `x-amzn-ErrorType`.

use std::borrow::Cow;

/// How the code is cut out of the text received (`[wire] code_cut`): first
/// everything from the first `before` on is dropped, then everything up to
/// the last `after` (the order of Smithy's rule for AWS errors). Entries list
/// the bare codes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CodeCut<'a> {
    /// The code is what follows the last occurrence of this text.
    pub after: Option<&'a str>,
    /// The code is what precedes the first occurrence of this text.
    pub before: Option<&'a str>,
}

impl CodeCut<'_> {
    /// No cut: the code is the text received.
    pub const NONE: CodeCut<'static> = CodeCut {
        after: None,
        before: None,
    };

    /// True when the cut changes nothing.
    #[inline]
    pub fn is_none(&self) -> bool {
        self.after.is_none() && self.before.is_none()
    }

    /// The code cut out of `text` (borrowed where `text` is).
    ///
    /// ```
    /// use error_catalog_core::code_cut::CodeCut;
    /// let aws = CodeCut { after: Some("#"), before: Some(":") };
    /// assert_eq!(aws.apply("com.amazonaws.sqs#QueueDoesNotExist".into()), "QueueDoesNotExist");
    /// assert_eq!(aws.apply("QueueDoesNotExist:http://internal.amazon.com/x#y".into()), "QueueDoesNotExist");
    /// assert_eq!(aws.apply("QueueDoesNotExist".into()), "QueueDoesNotExist");
    /// assert_eq!(CodeCut::NONE.apply("a#b".into()), "a#b");
    /// ```
    #[inline]
    pub fn apply<'t>(&self, text: Cow<'t, str>) -> Cow<'t, str> {
        // (most catalogs cut nothing: decided here, where it is inlined)
        if self.is_none() {
            return text;
        }
        self.cut(text)
    }

    fn cut<'t>(&self, text: Cow<'t, str>) -> Cow<'t, str> {
        let (start, end) = self.bounds(&text);
        if start == 0 && end == text.len() {
            return text;
        }
        match text {
            Cow::Borrowed(t) => Cow::Borrowed(&t[start..end]),
            Cow::Owned(t) => Cow::Owned(t[start..end].to_string()),
        }
    }

    /// Where the code lies in `text`: (start, end) byte offsets.
    fn bounds(&self, text: &str) -> (usize, usize) {
        let end = self
            .before
            .filter(|b| !b.is_empty())
            .and_then(|b| text.find(b))
            .unwrap_or(text.len());
        let start = self
            .after
            .filter(|a| !a.is_empty())
            .and_then(|a| text[..end].rfind(a).map(|i| i + a.len()))
            .unwrap_or(0);
        (start, end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_side_alone_and_odd_texts() {
        let after = CodeCut {
            after: Some("#"),
            before: None,
        };
        assert_eq!(after.apply("a#b#c".into()), "c");
        assert_eq!(after.apply("#".into()), "");
        let before = CodeCut {
            after: None,
            before: Some(":"),
        };
        assert_eq!(before.apply("a:b:c".into()), "a");
        assert_eq!(before.apply(String::from("é:ü").into()), "é");
        // empty separators cut nothing (the catalog refuses them)
        let empty = CodeCut {
            after: Some(""),
            before: Some(""),
        };
        assert_eq!(empty.apply("a#b".into()), "a#b");
    }
}
