//! Template inference: messages that differ only in their values (`Customer
//! 42 not found`, `Customer 7 not found`) become one template (`Customer {id}
//! not found`) with each placeholder's type.
//!
//! A message is cut into tokens (`tokens.rs`): fixed text and values.
//! Messages of one shape (the same fixed tokens at the same places) are one
//! group; a value that varies within a group becomes a placeholder, one that
//! never varies stays text. Messages whose fixed words differ are never
//! merged.

use super::tokens::{classify_word, is_quote, tokenize, Kind, Token};
use error_catalog_core::template::{match_pattern, HoleKind, PatternSeg, Template};

/// The type a placeholder's values share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceholderType {
    /// Every value an integer.
    Integer,
    /// Every value a number (some with a point).
    Number,
    /// Anything else; `format` says when every value was a UUID or an email.
    String,
}

impl PlaceholderType {
    /// The catalog's field type for it.
    pub fn field_type(self) -> &'static str {
        match self {
            PlaceholderType::Integer => "i64",
            PlaceholderType::Number => "f64",
            PlaceholderType::String => "string",
        }
    }

    /// Its name in reports: `integer`, `number` or `string`.
    pub fn name(self) -> &'static str {
        match self {
            PlaceholderType::Integer => "integer",
            PlaceholderType::Number => "number",
            PlaceholderType::String => "string",
        }
    }

    fn hole_kind(self) -> HoleKind {
        match self {
            PlaceholderType::Integer => HoleKind::Integer,
            PlaceholderType::Number => HoleKind::Number,
            PlaceholderType::String => HoleKind::Text,
        }
    }
}

/// The length of the common prefix of `a` and `b` (at a character boundary).
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i)
}

/// The length of the common suffix of `a` and `b` (at a character boundary).
fn common_suffix(a: &str, b: &str) -> usize {
    a.char_indices()
        .rev()
        .zip(b.chars().rev())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, x), _)| {
            a.len() - i - x.len_utf8()
        })
}

/// The part of the values' common start that is wording: all of it when it
/// ends in a mark (`cus_`) or is three letters or more (`limit`), else none
/// (`4` of `42` and `47` is no wording).
fn kept_prefix(p: &str) -> &str {
    let p = p.trim_end_matches(|c: char| c.is_ascii_digit());
    let ends_in_mark = p.ends_with(|c: char| !c.is_alphanumeric());
    let letters = p.chars().count() >= 3 && p.chars().all(char::is_alphabetic);
    if ends_in_mark || letters {
        p
    } else {
        ""
    }
}

/// The part of the values' common end that is wording: the longest end that
/// starts with a mark or is letters only (`ms` of `42ms` and `7ms`).
fn kept_suffix(s: &str) -> &str {
    s.char_indices()
        .map(|(i, _)| &s[i..])
        .find(|t| {
            t.starts_with(|c: char| !c.is_alphanumeric()) || t.chars().all(char::is_alphabetic)
        })
        .unwrap_or("")
}

/// One place of a shape: fixed text, or a value with what was seen there.
#[derive(Debug, Clone)]
enum Slot {
    Fixed(String),
    Value {
        /// The value in the first message.
        first: String,
        /// Another value was seen here.
        varied: bool,
        /// The kinds seen (a bit per [`Kind`]).
        kinds: u8,
        /// The text every value started with.
        prefix: String,
        /// The text every value ended with.
        suffix: String,
        /// The length of the shortest value.
        shortest: usize,
    },
}

/// Short words that link a value to what it is of, passed over when a
/// placeholder is named after the word before it.
pub const LINKS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "by", "for", "to", "from", "with", "is", "are",
    "was", "be", "after", "than", "as",
];

/// How many distinct messages a shape keeps to check its template against.
pub const SAMPLES: usize = 16;

/// What is kept of the messages of one shape: per place, the fixed text or
/// the first value, whether it varied and its kinds; and up to [`SAMPLES`]
/// distinct messages. Its size does not grow with the number of messages.
#[derive(Debug, Clone)]
pub struct Shape {
    slots: Vec<Slot>,
    samples: Vec<String>,
}

/// One placeholder of an inferred template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// Its value in the first message.
    pub first: String,
    /// The type its values share.
    pub ty: PlaceholderType,
    /// Every value was a UUID (`uuid`) or an email (`email`).
    pub format: Option<&'static str>,
    /// The value was quoted.
    pub quoted: bool,
    /// The nearest word before it (through spaces, quotes and `:`), to name it by.
    pub word_before: Option<String>,
}

/// A template inferred from a shape's messages, before its placeholders are
/// named: literal text and placeholders, alternating.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inferred {
    /// The pieces in order.
    pub pieces: Vec<Piece>,
}

/// One piece of an [`Inferred`] template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text as it appears in the messages.
    Text(String),
    /// A placeholder.
    Hole(Placeholder),
}

impl Shape {
    /// The shape of one message (its tokens).
    pub fn new(message: &str, tokens: &[Token<'_>]) -> Shape {
        let slots = tokens
            .iter()
            .map(|t| match *t {
                Token::Fixed(s) => Slot::Fixed(s.to_string()),
                Token::Value(v, k) => Slot::Value {
                    first: v.to_string(),
                    varied: false,
                    kinds: k.bit(),
                    prefix: v.to_string(),
                    suffix: v.to_string(),
                    shortest: v.len(),
                },
            })
            .collect();
        Shape {
            slots,
            samples: vec![message.to_string()],
        }
    }

    /// Adds a message of this shape (its tokens have the shape's key).
    pub fn add(&mut self, message: &str, tokens: &[Token<'_>]) {
        for (slot, t) in self.slots.iter_mut().zip(tokens) {
            if let (
                Slot::Value {
                    first,
                    varied,
                    kinds,
                    prefix,
                    suffix,
                    shortest,
                },
                Token::Value(v, k),
            ) = (slot, t)
            {
                *shortest = (*shortest).min(v.len());
                *varied |= first != v;
                *kinds |= k.bit();
                let p = common_prefix(prefix, v);
                prefix.truncate(p);
                let n = common_suffix(suffix, v);
                suffix.drain(..suffix.len() - n);
            }
        }
        if self.samples.len() < SAMPLES && !self.samples.iter().any(|s| s == message) {
            self.samples.push(message.to_string());
        }
    }

    /// The messages kept to check the template against.
    pub fn samples(&self) -> &[String] {
        &self.samples
    }

    /// The template: a value that varied is a placeholder, the rest is text.
    /// When the template does not match every kept message (by the template
    /// engine, each placeholder by its type), it says nothing reliable: the
    /// first message is then the template, as it is.
    pub fn infer(&self) -> Inferred {
        let mut pieces: Vec<Piece> = Vec::new();
        let mut text = String::new();
        for (i, slot) in self.slots.iter().enumerate() {
            match slot {
                Slot::Fixed(s) => text.push_str(s),
                Slot::Value { first, varied, .. } if !varied => text.push_str(first),
                Slot::Value {
                    first,
                    kinds,
                    prefix,
                    suffix,
                    shortest,
                    ..
                } => {
                    // text every value shares at its ends is the wording's
                    // (`limit` in `limit{detail}`, `cus_` in `cus_{id}`)
                    // (an email's domain or a UUID's digits are part of the value)
                    let numbers = Kind::Integer.bit() | Kind::Number.bit();
                    let whole = *kinds & Kind::Quoted.bit() != 0
                        || *kinds & !numbers == 0
                        || *kinds == Kind::Email.bit()
                        || *kinds == Kind::Uuid.bit();
                    let (mut prefix, mut suffix) = if !whole {
                        (kept_prefix(prefix), kept_suffix(suffix))
                    } else {
                        ("", "")
                    };
                    // every value keeps something between its ends
                    if prefix.len() + suffix.len() >= *shortest {
                        suffix = "";
                        if prefix.len() >= *shortest {
                            prefix = "";
                        }
                    }
                    text.push_str(prefix);
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    let kinds = if prefix.is_empty() && suffix.is_empty() {
                        *kinds
                    } else {
                        self.kinds_between(i, prefix.len(), suffix.len())
                    };
                    let first = &first[prefix.len()..first.len() - suffix.len()];
                    pieces.push(Piece::Hole(self.placeholder(i, first, kinds)));
                    text.push_str(suffix);
                }
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        let inferred = Inferred { pieces };
        if self.samples.iter().all(|m| inferred.matches(m)) {
            inferred
        } else {
            // the first message as it is: nothing merged
            Inferred {
                pieces: vec![Piece::Text(self.samples[0].clone())],
            }
        }
    }

    /// The kinds of the kept samples' values at slot `at`, without the
    /// first `cut_start` and last `cut_end` bytes.
    fn kinds_between(&self, at: usize, cut_start: usize, cut_end: usize) -> u8 {
        let mut kinds = 0;
        for m in &self.samples {
            if let Some(Token::Value(v, _)) = tokenize(m).get(at) {
                let inner = v
                    .get(cut_start..v.len().saturating_sub(cut_end))
                    .unwrap_or("");
                kinds |= classify_word(inner).map_or(Kind::Id.bit(), Kind::bit);
            }
        }
        kinds
    }

    fn placeholder(&self, at: usize, first: &str, kinds: u8) -> Placeholder {
        let only = |k: Kind| kinds == k.bit();
        let ty = if only(Kind::Integer) {
            PlaceholderType::Integer
        } else if kinds & !(Kind::Integer.bit() | Kind::Number.bit()) == 0 {
            PlaceholderType::Number
        } else {
            PlaceholderType::String
        };
        let format = if only(Kind::Uuid) {
            Some("uuid")
        } else if only(Kind::Email) {
            Some("email")
        } else {
            None
        };
        let quoted = only(Kind::Quoted);
        let mut word_before = None;
        for slot in self.slots[..at].iter().rev() {
            match slot {
                Slot::Fixed(s)
                    if s.trim().is_empty()
                        || s.chars()
                            .all(|c| is_quote(c) || matches!(c, ':' | '#' | '=')) => {}
                // `Quota of {n}`: named after `Quota`, not `of`
                Slot::Fixed(s) if LINKS.contains(&s.to_lowercase().as_str()) => {}
                Slot::Fixed(s) if s.chars().all(char::is_alphabetic) => {
                    word_before = Some(s.clone());
                    break;
                }
                _ => break,
            }
        }
        Placeholder {
            first: first.to_string(),
            ty,
            format,
            quoted,
            word_before,
        }
    }
}

impl Inferred {
    /// The placeholders in order.
    pub fn holes(&self) -> impl Iterator<Item = &Placeholder> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Hole(h) => Some(h),
            Piece::Text(_) => None,
        })
    }

    /// The template text with these placeholder names (one per hole, in order).
    pub fn template(&self, names: &[String]) -> String {
        let mut out = String::new();
        let mut names = names.iter();
        for p in &self.pieces {
            match p {
                Piece::Text(t) => out.push_str(&t.replace('{', "{{").replace('}', "}}")),
                Piece::Hole(_) => {
                    out.push('{');
                    out.push_str(names.next().map_or("value", String::as_str));
                    out.push('}');
                }
            }
        }
        out
    }

    /// True when `message` fits the template, each placeholder matching its
    /// type: checked by the project's template engine.
    pub fn matches(&self, message: &str) -> bool {
        let names: Vec<String> = (0..self.holes().count()).map(|i| format!("h{i}")).collect();
        let Ok(t) = Template::parse(&self.template(&names)) else {
            return false;
        };
        let types: Vec<PlaceholderType> = self.holes().map(|h| h.ty).collect();
        let pattern: Vec<PatternSeg<'_>> = t.pattern(|name| {
            let i: usize = name[1..].parse().unwrap_or(0);
            (i, types.get(i).map_or(HoleKind::Text, |t| t.hole_kind()))
        });
        match_pattern(&pattern, message).is_some()
    }

    /// The fixed words (the text outside placeholders, words only): what
    /// generated names are made of.
    pub fn fixed_words(&self) -> Vec<String> {
        let mut words = Vec::new();
        for p in &self.pieces {
            if let Piece::Text(t) = p {
                words.extend(
                    t.split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .map(str::to_string),
                );
            }
        }
        words
    }
}

#[cfg(test)]
mod tests {
    use super::super::tokens::shape_key;
    use super::*;

    fn shape_of(messages: &[&str]) -> Shape {
        let tokens = tokenize(messages[0]);
        let key = shape_key(&tokens);
        let mut s = Shape::new(messages[0], &tokens);
        for m in &messages[1..] {
            let t = tokenize(m);
            assert_eq!(shape_key(&t), key, "{m} has the shape of {}", messages[0]);
            s.add(m, &t);
        }
        s
    }

    fn template(messages: &[&str]) -> (String, Vec<PlaceholderType>) {
        let inferred = shape_of(messages).infer();
        let names: Vec<String> = inferred
            .holes()
            .enumerate()
            .map(|(i, h)| h.word_before.clone().unwrap_or_else(|| format!("v{i}")))
            .collect();
        (
            inferred.template(&names),
            inferred.holes().map(|h| h.ty).collect(),
        )
    }

    #[test]
    fn the_issue_s_example() {
        let (t, types) = template(&["Customer 42 not found", "Customer 7 not found"]);
        assert_eq!(t, "Customer {Customer} not found");
        assert_eq!(types, [PlaceholderType::Integer]);
    }

    #[test]
    fn placeholder_types() {
        let (t, types) = template(&[
            "Job 1 took 4.5 s for ops@example.com, id 123e4567-e89b-12d3-a456-426614174000",
            "Job 2 took 3 s for dev@example.org, id 00000000-0000-0000-0000-000000000000",
        ]);
        assert_eq!(t, "Job {Job} took {took} s for {s}, id {id}");
        assert_eq!(
            types,
            [
                PlaceholderType::Integer,
                PlaceholderType::Number,
                PlaceholderType::String,
                PlaceholderType::String
            ]
        );
        let s = shape_of(&["id 0000-x 'a'", "id 0000-y 'b'"]).infer();
        let holes: Vec<_> = s.holes().collect();
        assert!(holes[1].quoted);
        assert_eq!(s.template(&["a".into(), "b".into()]), "id 0000-{a} '{b}'");
    }

    #[test]
    fn values_that_never_vary_stay_text() {
        let (t, types) = template(&["2FA code 12 expired", "2FA code 13 expired"]);
        assert_eq!(t, "2FA code {code} expired");
        assert_eq!(types.len(), 1);
        let (t, _) = template(&["Customer 42 not found", "Customer 42 not found"]);
        assert_eq!(t, "Customer 42 not found");
    }

    #[test]
    fn wording_at_a_value_s_ends_stays_text() {
        let (t, types) = template(&["No such customer cus_42", "No such customer cus_7"]);
        assert_eq!(t, "No such customer cus_{customer}");
        assert_eq!(types, [PlaceholderType::Integer]);
        let (t, types) = template(&["took 42ms", "took 7ms"]);
        assert_eq!(t, "took {took}ms");
        assert_eq!(types, [PlaceholderType::Integer]);
        let (t, _) = template(&["locked by ops@example.com", "locked by dev@example.com"]);
        assert_eq!(t, "locked by {locked}");
        let (t, types) = template(&["rate limitk3z0", "rate limituser2@example.com"]);
        assert_eq!(t, "rate limit{rate}");
        assert_eq!(types, [PlaceholderType::String]);
        let (t, types) = template(&["see abc1abc", "see abc22abc"]);
        assert_eq!(t, "see abc{see}abc");
        assert_eq!(types, [PlaceholderType::Integer]);
        // the ends never overlap: each value keeps a part of its own
        let (t, _) = template(&["see x_1_x", "see x_1_x_1_x"]);
        assert_eq!(t, "see {see}_1_x");
        // nor is the end numbers share
        let (t, types) = template(&["retry in 7.5 s", "retry in 12.5 s"]);
        assert_eq!(t, "retry in {retry} s");
        assert_eq!(types, [PlaceholderType::Number]);
        // digits the values happen to share are not wording
        let (t, _) = template(&["Customer 42 not found", "Customer 47 not found"]);
        assert_eq!(t, "Customer {Customer} not found");
    }

    #[test]
    fn braces_are_escaped_and_templates_checked() {
        let s = shape_of(&["bad {json} at 3", "bad {json} at 4"]).infer();
        assert_eq!(s.template(&["at".into()]), "bad {{json}} at {at}");
        assert!(s.matches("bad {json} at 10"));
        assert!(!s.matches("bad {json} at ten"));
    }
}
