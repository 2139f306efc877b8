//! Changes to the errors: which old error is which new one, and what changed
//! in each.

use super::{Differ, Side};
use crate::diff::Rule;
use crate::model::{Catalog, ErrorEntry};
use crate::validate::hole_kind;
use error_catalog_core::template::{match_pattern, HoleKind, Template};

/// How an error is named in a report: its code, or its variant when it is
/// sent without one.
fn name(e: &ErrorEntry) -> String {
    if e.sends_code() {
        format!("error `{}`", e.code.value)
    } else {
        format!("error `{}` (sent without a code)", e.variant.value)
    }
}

/// An error's `when` and `when_header` conditions, as reports show them, sorted.
fn conditions(e: &ErrorEntry) -> Vec<String> {
    let mut v: Vec<String> = e
        .when
        .iter()
        .map(|(p, x)| format!("`{}` = {}", p.value.text, x.value))
        .chain(
            e.when_headers
                .iter()
                .map(|(h, x)| format!("header `{}: {}`", h.value.to_ascii_lowercase(), x.value)),
        )
        .collect();
    v.sort();
    v
}

/// Takes the first entry left that `f` accepts.
fn take<'c>(
    left: &mut [Option<&'c ErrorEntry>],
    f: &dyn Fn(&ErrorEntry) -> bool,
) -> Option<&'c ErrorEntry> {
    let i = left.iter().position(|n| n.is_some_and(f))?;
    left[i].take()
}

/// The code as `reserved` takes it: an integer bare, a string quoted.
fn reserved_item(c: &Catalog, e: &ErrorEntry) -> String {
    if c.wire.integer_codes && e.code.value.parse::<i64>().is_ok() {
        e.code.value.clone()
    } else {
        format!(
            "\"{}\"",
            e.code.value.replace('\\', "\\\\").replace('"', "\\\"")
        )
    }
}

impl Differ<'_> {
    /// Pairs old and new errors (same variant and code; then same code; then
    /// same variant) and compares each pair; the rest were removed or added.
    pub(super) fn errors(&mut self) {
        let (old, new) = (self.old, self.new);
        let mut new_left: Vec<Option<&ErrorEntry>> = new.errors.iter().map(Some).collect();
        let mut pairs: Vec<(&ErrorEntry, &ErrorEntry)> = Vec::new();
        let mut old_left: Vec<&ErrorEntry> = Vec::new();
        for o in &old.errors {
            match take(&mut new_left, &|n| {
                n.variant.value == o.variant.value && n.code.value == o.code.value
            }) {
                Some(n) => pairs.push((o, n)),
                None => old_left.push(o),
            }
        }
        let mut removed = Vec::new();
        for o in old_left {
            // (a code shared by several errors does not pair them by code alone)
            let unique = |c: &Catalog| {
                c.errors
                    .iter()
                    .filter(|e| e.code.value == o.code.value)
                    .count()
                    == 1
            };
            let by_code = if unique(old) && unique(new) && o.sends_code() {
                take(&mut new_left, &|n| {
                    n.code.value == o.code.value && n.sends_code()
                })
            } else {
                None
            };
            let mut found = by_code
                .or_else(|| take(&mut new_left, &|n| n.variant.value == o.variant.value))
                // (one of several errors of a code: the one with the same conditions)
                .or_else(|| {
                    take(&mut new_left, &|n| {
                        n.code.value == o.code.value && conditions(n) == conditions(o)
                    })
                });
            // (a range that overlaps its old self is the same entry)
            if let (None, Some(r)) = (found, &o.code_range) {
                let (a0, a1) = r.value;
                found = take(&mut new_left, &|n| {
                    n.code_range
                        .as_ref()
                        .is_some_and(|r| r.value.0 <= a1 && a0 <= r.value.1)
                });
            }
            match found {
                Some(n) => pairs.push((o, n)),
                None => removed.push(o),
            }
        }
        for o in removed {
            self.removed(o);
        }
        pairs.sort_by_key(|(_, n)| new.errors.iter().position(|e| std::ptr::eq(e, *n)));
        for (o, n) in pairs {
            self.entry(o, n);
        }
        for n in new_left.into_iter().flatten() {
            if new.service.non_exhaustive.value {
                self.push(
                    Rule::CodeAdded,
                    Side::New,
                    &n.code.at.or(&n.at),
                    format!("{} (variant `{}`) was added", name(n), n.variant.value),
                );
            } else {
                self.push(
                    Rule::VariantAdded,
                    Side::New,
                    &n.code.at.or(&n.at),
                    format!(
                        "{} (variant `{}`) was added to `{}`, which is not `#[non_exhaustive]`",
                        name(n),
                        n.variant.value,
                        new.service.enum_name.value
                    ),
                )
                .help = Some("a `match` on the enum outside its crate without a `_` arm no longer compiles; leave `non_exhaustive` at its default (true) to make additions compatible".into());
            }
        }
    }

    /// An old error that no new one continues.
    fn removed(&mut self, o: &ErrorEntry) {
        let new = self.new;
        let reserved = new.reserved.iter().any(|r| r.code.value == o.code.value);
        let help = (o.sends_code() && o.code_range.is_none() && !reserved).then(|| {
            format!(
                "reserve the code so that no error takes it again with another meaning: `reserved = [{}]`",
                reserved_item(self.old, o)
            )
        });
        self.push(
            Rule::CodeRemoved,
            Side::Old,
            &o.code.at.or(&o.at),
            format!("{} (variant `{}`) was removed", name(o), o.variant.value),
        )
        .help = help;
    }

    /// Compares an error in its two versions.
    fn entry(&mut self, o: &ErrorEntry, n: &ErrorEntry) {
        let who = name(n);
        if o.variant.value != n.variant.value {
            self.push(
                Rule::VariantRenamed,
                Side::New,
                &n.variant.at.or(&n.at),
                format!(
                    "{who}: variant `{}` is now `{}`",
                    o.variant.value, n.variant.value
                ),
            );
        }
        // (a range's text changes with its bounds: `identity` reports that)
        let ranges = o.code_range.is_some() && n.code_range.is_some();
        if o.code.value != n.code.value && o.sends_code() && n.sends_code() && !ranges {
            let old_kept = self.new.errors.iter().any(|e| e.code.value == o.code.value);
            let reserved = self
                .new
                .reserved
                .iter()
                .any(|r| r.code.value == o.code.value);
            self.push(
                Rule::CodeRenamed,
                Side::New,
                &n.code.at.or(&n.at),
                format!(
                    "error `{}` (variant `{}`) is now `{}`",
                    o.code.value, n.variant.value, n.code.value
                ),
            )
            .help = (!old_kept && !reserved && o.code_range.is_none()).then(|| {
                format!(
                    "reserve the old code so that no error takes it again with another meaning: `reserved = [{}]`",
                    reserved_item(self.old, o)
                )
            });
        }
        if o.status_u16() != n.status_u16() {
            let shown = |s: Option<u16>| s.map_or("none".to_string(), |s| s.to_string());
            self.push(
                Rule::StatusChanged,
                Side::New,
                &n.status.as_ref().map_or(&n.at, |s| &s.at).clone(),
                format!(
                    "{who}: status {} is now {}",
                    shown(o.status_u16()),
                    shown(n.status_u16())
                ),
            );
        }
        self.identity(o, n);
        let owner = who.clone();
        self.fields(&owner, &o.fields, &n.fields, &n.at, &o.at);
        let retry_field = |e: &ErrorEntry| e.retry_after_field.as_ref().map(|f| f.value.clone());
        if o.retry != n.retry || retry_field(o) != retry_field(n) {
            self.push(
                Rule::RetryChanged,
                Side::New,
                &n.at,
                format!(
                    "{who}: retry advice was `{}`, is now `{}`",
                    o.retry, n.retry
                ),
            );
        }
        self.docs(o, n);
    }

    /// Documentation keys that changed, in one change per error.
    fn docs(&mut self, o: &ErrorEntry, n: &ErrorEntry) {
        let fix = |e: &ErrorEntry| e.fix_command.as_ref().map(|f| f.value.clone());
        let bodies = |e: &ErrorEntry| -> Vec<String> {
            e.examples.iter().map(|x| x.body.value.clone()).collect()
        };
        let changed: Vec<&str> = [
            ("message", o.message.value != n.message.value),
            ("title", o.title != n.title),
            ("cause", o.cause != n.cause),
            ("causes", o.causes != n.causes),
            ("suggestion", o.suggestion != n.suggestion),
            ("solutions", o.solutions != n.solutions),
            ("docs_url", o.docs_url != n.docs_url),
            ("fix_command", fix(o) != fix(n)),
            ("examples", bodies(o) != bodies(n)),
        ]
        .into_iter()
        .filter_map(|(k, c)| c.then_some(k))
        .collect();
        if !changed.is_empty() {
            self.push(
                Rule::DocChanged,
                Side::New,
                &n.at,
                format!("{}: `{}` changed", name(n), changed.join("`, `")),
            );
        }
    }

    /// Whether the new error is recognised in every body the old one was.
    fn identity(&mut self, o: &ErrorEntry, n: &ErrorEntry) {
        let who = name(n);
        let mut narrowed: Vec<String> = Vec::new();
        let mut widened: Vec<String> = Vec::new();
        if o.sends_code() != n.sends_code() {
            narrowed.push(if n.sends_code() {
                "it is now sent with its code (`code_in_body`)".into()
            } else {
                "it is now sent without a code (`code_in_body = false`)".into()
            });
        }
        if let (Some(a), Some(b)) = (&o.code_range, &n.code_range) {
            let ((a0, a1), (b0, b1)) = (a.value, b.value);
            if (a0, a1) != (b0, b1) {
                let text = format!("its `code_range` was [{a0}, {a1}], is now [{b0}, {b1}]");
                if b0 <= a0 && a1 <= b1 {
                    widened.push(text);
                } else {
                    narrowed.push(text);
                }
            }
        }
        let (co, cn) = (conditions(o), conditions(n));
        for c in cn.iter().filter(|c| !co.contains(c)) {
            narrowed.push(format!("it now needs {c}"));
        }
        for c in co.iter().filter(|c| !cn.contains(c)) {
            widened.push(format!("it no longer needs {c}"));
        }
        let (po, pn) = (self.patterns(o, Side::Old), self.patterns(n, Side::New));
        if let Some(lost) = unmatched(&po, &pn) {
            narrowed.push(lost);
        } else if unmatched(&pn, &po).is_some() {
            widened.push("its patterns match more messages".into());
        }
        let at = n.matches.first().map_or(&n.at, |m| &m.at).clone();
        if !narrowed.is_empty() {
            self.push(
                Rule::IdentityChanged,
                Side::New,
                &at,
                format!("{who}: {}", narrowed.join("; ")),
            );
        }
        if !widened.is_empty() {
            self.push(
                Rule::IdentityWidened,
                Side::New,
                &at,
                format!("{who}: {}", widened.join("; ")),
            );
        }
    }

    /// An error's message patterns, parsed, with what each placeholder matches.
    fn patterns(&self, e: &ErrorEntry, side: Side) -> Vec<Pattern> {
        let c = match side {
            Side::Old => self.old,
            Side::New => self.new,
        };
        e.matches
            .iter()
            .filter_map(|m| {
                let t = Template::parse(&m.value).ok()?;
                let kinds = t
                    .placeholders()
                    .map(|p| (p.to_string(), hole_kind(c, e, p)))
                    .collect();
                Some(Pattern {
                    text: m.value.clone(),
                    template: t,
                    kinds,
                })
            })
            .collect()
    }
}

/// A message pattern and the kind of each placeholder.
struct Pattern {
    text: String,
    template: Template,
    kinds: Vec<(String, HoleKind)>,
}

impl Pattern {
    fn kind(&self, name: &str) -> HoleKind {
        self.kinds
            .iter()
            .find(|(n, _)| n == name)
            .map_or(HoleKind::Text, |(_, k)| *k)
    }

    /// Messages this pattern matches: each placeholder filled with sample
    /// values of its kind (witnesses, not every message).
    fn samples(&self) -> Vec<String> {
        let fill = |pick: usize| {
            self.template.render(|p| {
                let options: &[&str] = match self.kind(p) {
                    HoleKind::Text => &["x", "some value", ""],
                    HoleKind::Integer => &["7", "12345", "-3"],
                    HoleKind::Number => &["1.5", "42", "-0.25"],
                };
                Some(options[pick % options.len()].to_string())
            })
        };
        (0..3).map(fill).collect()
    }

    fn matches(&self, message: &str) -> bool {
        let segs = self.template.pattern(|p| (0, self.kind(p)));
        match_pattern(&segs, message).is_some()
    }
}

/// A message some pattern of `from` matches and no pattern of `to` does,
/// described; `None` when every sample is still matched (or `from` has no
/// pattern).
fn unmatched(from: &[Pattern], to: &[Pattern]) -> Option<String> {
    from.iter().find_map(|p| {
        let lost = p
            .samples()
            .into_iter()
            .find(|m| !to.iter().any(|q| q.matches(m)))?;
        Some(format!(
            "the message \"{lost}\", which pattern \"{}\" matched, is matched by no pattern now",
            p.text
        ))
    })
}
