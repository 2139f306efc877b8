//! Rendering a message from static tables: generated code prints each variant's
//! template as a `&'static [Seg]` and hands its fields' values to one function,
//! [`render_segs`], instead of printing a write per piece of every template.

use std::fmt;

use super::{Segment, Template};

/// One piece of a template as generated code prints it: literal text (with
/// braces unescaped, and a placeholder no field fills written back as
/// `{name}`), or the value at an index of the variant's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seg {
    /// Literal text, written as it is.
    Lit(&'static str),
    /// The value at this index of the values, written with its `Display`.
    Value(usize),
    /// The value at this index, written as `[redacted]` when rendering for a
    /// public response (an `internal` field, or any field of a 5xx error).
    Secret(usize),
}

/// What a public response shows in place of a redacted value.
pub const REDACTED: &str = "[redacted]";

/// Writes a message: `received` (the message a body carried when it differed
/// from the template) when there is one and `public` is false; otherwise the
/// segments, each value through its `Display` with the formatter's options.
/// An index past the end of `values` writes nothing (generated tables never
/// hold one).
///
/// ```
/// use error_catalog_core::template::{render_segs, Seg};
/// use std::fmt;
///
/// struct Msg<'a>(&'a [Seg], &'a [&'a dyn fmt::Display], bool, Option<&'a str>);
/// impl fmt::Display for Msg<'_> {
///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         render_segs(f, self.2, self.0, self.1, self.3)
///     }
/// }
/// let segs = [Seg::Lit("Agent "), Seg::Value(0), Seg::Lit(" hit "), Seg::Secret(1)];
/// let values: [&dyn fmt::Display; 2] = [&"a_1", &7];
/// assert_eq!(Msg(&segs, &values, false, None).to_string(), "Agent a_1 hit 7");
/// assert_eq!(Msg(&segs, &values, true, None).to_string(), "Agent a_1 hit [redacted]");
/// assert_eq!(Msg(&segs, &values, false, Some("as sent")).to_string(), "as sent");
/// assert_eq!(Msg(&segs, &values, true, Some("as sent")).to_string(), "Agent a_1 hit [redacted]");
/// ```
#[inline]
pub fn render_segs(
    f: &mut fmt::Formatter<'_>,
    public: bool,
    segs: &[Seg],
    values: &[&dyn fmt::Display],
    received: Option<&str>,
) -> fmt::Result {
    if let (false, Some(m)) = (public, received) {
        return f.write_str(m);
    }
    for seg in segs {
        match *seg {
            Seg::Lit(l) => f.write_str(l)?,
            Seg::Secret(_) if public => f.write_str(REDACTED)?,
            Seg::Value(i) | Seg::Secret(i) => {
                if let Some(v) = values.get(i) {
                    v.fmt(f)?;
                }
            }
        }
    }
    Ok(())
}

/// An optional field's value as a placeholder shows it: the value, or nothing
/// when it is absent.
///
/// ```
/// use error_catalog_core::template::Maybe;
/// assert_eq!(Maybe(&Some(3)).to_string(), "3");
/// assert_eq!(Maybe::<u8>(&None).to_string(), "");
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Maybe<'a, T>(pub &'a Option<T>);

impl<T: fmt::Display> fmt::Display for Maybe<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(v) => v.fmt(f),
            None => Ok(()),
        }
    }
}

impl Template {
    /// The segments generated code prints for this template: adjacent literals
    /// merged, each placeholder the index `field` gives it (and whether a public
    /// response redacts it), a placeholder `field` does not know written back
    /// as `{name}`.
    ///
    /// ```
    /// use error_catalog_core::template::{Template, StaticSeg};
    /// let t = Template::parse("{a} and {b} {{ok}}").unwrap();
    /// let segs = t.static_segs(|n| (n == "a").then_some((0, true)));
    /// assert_eq!(segs, [StaticSeg::Value(0, true), StaticSeg::Lit(" and {b} {ok}".into())]);
    /// ```
    pub fn static_segs(
        &self,
        mut field: impl FnMut(&str) -> Option<(usize, bool)>,
    ) -> Vec<StaticSeg> {
        let mut out: Vec<StaticSeg> = Vec::new();
        let push_lit = |out: &mut Vec<StaticSeg>, s: &str| match out.last_mut() {
            Some(StaticSeg::Lit(l)) => l.push_str(s),
            _ => out.push(StaticSeg::Lit(s.to_string())),
        };
        for seg in &self.segments {
            match seg {
                Segment::Lit(l) => push_lit(&mut out, l),
                Segment::Hole { name, .. } => match field(name) {
                    Some((i, secret)) => out.push(StaticSeg::Value(i, secret)),
                    None => push_lit(&mut out, &format!("{{{name}}}")),
                },
            }
        }
        out
    }
}

/// An owned [`Seg`], as the code generator computes it before printing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaticSeg {
    /// Literal text.
    Lit(String),
    /// The value at this index; `true` when a public response redacts it.
    Value(usize, bool),
}
