//! The one template engine: message templates with `{field}` placeholders.
//!
//! The same parsed [`Template`] renders messages (Display, docs), matches received
//! messages and extracts placeholder values (classification), and names the fields
//! that validation checks.

use std::fmt;

mod matching;
mod one_pass;
mod overlap;
mod render;
pub use matching::{literal_match, match_into, match_pattern, PatternSeg};
pub use one_pass::{one_pass, run_steps, take_run, Step};
pub use overlap::patterns_overlap;
pub use render::{render_segs, Maybe, Seg, StaticSeg, REDACTED};

/// One piece of a parsed template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Literal text, with `{{` / `}}` already unescaped.
    Lit(String),
    /// A `{name}` placeholder; `offset` is the byte offset of `{` in the source.
    Hole {
        /// The placeholder's field name.
        name: String,
        /// Byte offset of the opening brace in the template text.
        offset: usize,
    },
}

/// A parsed message template such as `Customer {id} not found`.
///
/// ```
/// use error_catalog_core::template::Template;
/// let t = Template::parse("Customer {id} not found").unwrap();
/// assert_eq!(t.placeholders().collect::<Vec<_>>(), ["id"]);
/// assert_eq!(t.render(|_| Some("c_1".to_string())), "Customer c_1 not found");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    /// The template's pieces, in order.
    pub segments: Vec<Segment>,
}

/// Why a template could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    /// Byte offset in the template text where the problem is.
    pub offset: usize,
    /// What is wrong, lowercase.
    pub message: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for TemplateError {}

impl Template {
    /// Parses a template. `{{` and `}}` stand for literal braces.
    ///
    /// ```
    /// use error_catalog_core::template::Template;
    /// assert!(Template::parse("unclosed {brace").is_err());
    /// assert_eq!(Template::parse("{{literal}}").unwrap().render(|_| None), "{literal}");
    /// ```
    pub fn parse(text: &str) -> Result<Template, TemplateError> {
        let mut segments = Vec::new();
        let mut lit = String::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'{' if bytes.get(i + 1) == Some(&b'{') => {
                    lit.push('{');
                    i += 2;
                }
                b'}' if bytes.get(i + 1) == Some(&b'}') => {
                    lit.push('}');
                    i += 2;
                }
                b'{' => {
                    let start = i;
                    let close = text[i + 1..].find(['}', '{']).map(|p| p + i + 1);
                    let close = match close {
                        Some(c) if bytes[c] == b'}' => c,
                        _ => {
                            return Err(TemplateError {
                                offset: start,
                                message: "unbalanced braces: `{` is never closed (write `{{` for a literal brace)".into(),
                            })
                        }
                    };
                    let name = &text[start + 1..close];
                    if name.is_empty()
                        || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        return Err(TemplateError {
                            offset: start,
                            message: format!(
                                "placeholder `{{{name}}}` must be a field name (letters, digits, `_`); write `{{{{` for a literal brace"
                            ),
                        });
                    }
                    if !lit.is_empty() {
                        segments.push(Segment::Lit(std::mem::take(&mut lit)));
                    }
                    segments.push(Segment::Hole {
                        name: name.to_string(),
                        offset: start,
                    });
                    i = close + 1;
                }
                b'}' => return Err(TemplateError {
                    offset: i,
                    message:
                        "unbalanced braces: `}` has no opening `{` (write `}}` for a literal brace)"
                            .into(),
                }),
                _ => {
                    let next = text[i..].find(['{', '}']).map_or(text.len(), |p| p + i);
                    lit.push_str(&text[i..next]);
                    i = next;
                }
            }
        }
        if !lit.is_empty() {
            segments.push(Segment::Lit(lit));
        }
        Ok(Template { segments })
    }

    /// The placeholder names, in order of appearance (repeats included).
    pub fn placeholders(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|s| match s {
            Segment::Hole { name, .. } => Some(name.as_str()),
            Segment::Lit(_) => None,
        })
    }

    /// Renders the template, asking `value` for each placeholder; a placeholder
    /// without a value is written back as `{name}`.
    pub fn render(&self, value: impl Fn(&str) -> Option<String>) -> String {
        let mut out = String::new();
        for seg in &self.segments {
            match seg {
                Segment::Lit(l) => out.push_str(l),
                Segment::Hole { name, .. } => match value(name) {
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                },
            }
        }
        out
    }

    /// True when two placeholders stand side by side, which makes matching ambiguous.
    pub fn has_adjacent_holes(&self) -> Option<usize> {
        self.segments.windows(2).find_map(|w| match w {
            [Segment::Hole { .. }, Segment::Hole { offset, .. }] => Some(*offset),
            _ => None,
        })
    }

    /// The borrowed pattern form used by the matching engine; `index` maps a
    /// placeholder name to (field index, kind).
    pub fn pattern<'a>(&'a self, index: impl Fn(&str) -> (usize, HoleKind)) -> Vec<PatternSeg<'a>> {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Lit(l) => PatternSeg::Lit(l),
                Segment::Hole { name, .. } => {
                    let (i, k) = index(name);
                    PatternSeg::Hole(i, k)
                }
            })
            .collect()
    }
}

/// What text a placeholder matches when a message is classified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoleKind {
    /// Any text, possibly empty.
    Text,
    /// An optional `-` and one or more ASCII digits.
    Integer,
    /// Digits with an optional sign, point and exponent.
    Number,
}

impl HoleKind {
    /// True when a placeholder of this kind matches all of `s`.
    ///
    /// ```
    /// use error_catalog_core::template::HoleKind;
    /// assert!(HoleKind::Integer.accepts("-42") && !HoleKind::Integer.accepts("4.2"));
    /// assert!(HoleKind::Number.accepts("4.2e1") && !HoleKind::Number.accepts("."));
    /// assert!(HoleKind::Text.accepts(""));
    /// ```
    #[inline]
    pub fn accepts(self, s: &str) -> bool {
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        match self {
            HoleKind::Text => true,
            HoleKind::Integer => digits(s.strip_prefix('-').unwrap_or(s)),
            HoleKind::Number => s.bytes().all(in_number) && s.bytes().any(|b| b.is_ascii_digit()),
        }
    }
}

/// True when `b` may appear in a number placeholder's text.
fn in_number(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E')
}

/// (sign length, sign plus digits length) of the integer `b` starts with: the
/// only ends an integer placeholder can have lie in `sign + 1..=run`.
fn int_run(b: &[u8]) -> (usize, usize) {
    let sign = usize::from(b.first() == Some(&b'-'));
    let digits = b
        .get(sign..)
        .unwrap_or_default()
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    (sign, sign + digits)
}

impl Template {
    /// The whole text of a template without placeholders; `None` when it has one.
    ///
    /// ```
    /// use error_catalog_core::template::Template;
    /// assert_eq!(Template::parse("Key not found").unwrap().literal_text().as_deref(), Some("Key not found"));
    /// assert_eq!(Template::parse("{{x}} ok").unwrap().literal_text().as_deref(), Some("{x} ok"));
    /// assert_eq!(Template::parse("tools[{index}]").unwrap().literal_text(), None);
    /// ```
    pub fn literal_text(&self) -> Option<String> {
        self.segments
            .iter()
            .map(|s| match s {
                Segment::Lit(l) => Some(l.as_str()),
                Segment::Hole { .. } => None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
