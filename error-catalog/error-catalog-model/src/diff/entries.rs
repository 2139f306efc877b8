//! Changes to the errors: which old error is which new one, and what changed
//! in each.

use std::collections::HashMap;

use super::{Differ, Side};
use crate::diff::{Category, Rule};
use crate::model::{At, Catalog, ErrorEntry};
use crate::response::{with_decoder, DecodeFn};
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

/// An error's `when` and `when_header` conditions (the plan's), as reports
/// show them, sorted.
fn conditions(e: &ErrorEntry) -> Vec<String> {
    let mut v: Vec<String> = crate::plan::conditions(e, None)
        .into_iter()
        .map(|c| match c.header {
            true => format!("header `{}: {}`", c.pointer.to_ascii_lowercase(), c.value),
            false => format!("`{}` = {}", c.pointer, c.value),
        })
        .collect();
    v.sort();
    v
}

/// The new catalog's errors by variant and code, by code, and by variant:
/// their indices, in catalog order.
#[derive(Default)]
struct Index<'c> {
    by_variant_code: HashMap<(&'c str, &'c str), Vec<usize>>,
    by_code: HashMap<&'c str, Vec<usize>>,
    by_variant: HashMap<&'c str, Vec<usize>>,
}

impl<'c> Index<'c> {
    fn new(errors: &'c [ErrorEntry]) -> Self {
        let mut x = Index::default();
        for (i, e) in errors.iter().enumerate() {
            let (v, c) = (e.variant.value.as_str(), e.code.value.as_str());
            x.by_variant_code.entry((v, c)).or_default().push(i);
            x.by_code.entry(c).or_default().push(i);
            x.by_variant.entry(v).or_default().push(i);
        }
        x
    }
}

/// Takes the first of `candidates` (indices into `errors`) not taken yet that
/// `f` accepts.
fn take(
    errors: &[ErrorEntry],
    taken: &mut [bool],
    candidates: Option<&Vec<usize>>,
    f: impl Fn(&ErrorEntry) -> bool,
) -> Option<usize> {
    let i = candidates?
        .iter()
        .copied()
        .find(|&i| !taken[i] && f(&errors[i]))?;
    taken[i] = true;
    Some(i)
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
        let index = Index::new(&new.errors);
        let mut taken = vec![false; new.errors.len()];
        let mut claim = |candidates: Option<&Vec<usize>>, f: &dyn Fn(&ErrorEntry) -> bool| {
            take(&new.errors, &mut taken, candidates, f)
        };
        let mut old_codes: HashMap<&str, usize> = HashMap::new();
        for e in &old.errors {
            *old_codes.entry(e.code.value.as_str()).or_default() += 1;
        }
        // (old index, new index)
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        let mut old_left: Vec<usize> = Vec::new();
        for (i, o) in old.errors.iter().enumerate() {
            let key = (o.variant.value.as_str(), o.code.value.as_str());
            match claim(index.by_variant_code.get(&key), &|_| true) {
                Some(n) => pairs.push((i, n)),
                None => old_left.push(i),
            }
        }
        let mut removed = Vec::new();
        for i in old_left {
            let o = &old.errors[i];
            let code = o.code.value.as_str();
            let of_code = index.by_code.get(code);
            // (a code shared by several errors does not pair them by code alone)
            let unique = old_codes.get(code) == Some(&1) && of_code.is_some_and(|v| v.len() == 1);
            let mut found = None;
            if unique && o.sends_code() {
                found = claim(of_code, &ErrorEntry::sends_code);
            }
            if found.is_none() {
                found = claim(index.by_variant.get(o.variant.value.as_str()), &|_| true);
            }
            if found.is_none() {
                // (one of several errors of a code: the one with the same conditions)
                found = claim(of_code, &|n| conditions(n) == conditions(o));
            }
            if let (None, Some(r)) = (found, &o.code_range) {
                // (a range that overlaps its old self is the same entry)
                let (a0, a1) = r.value;
                let all: Vec<usize> = (0..new.errors.len()).collect();
                found = claim(Some(&all), &|n| {
                    n.code_range
                        .as_ref()
                        .is_some_and(|r| r.value.0 <= a1 && a0 <= r.value.1)
                });
            }
            match found {
                Some(n) => pairs.push((i, n)),
                None => removed.push(o),
            }
        }
        for o in removed {
            self.removed(o);
        }
        pairs.sort_by_key(|&(_, n)| n);
        // (a new envelope or success rule reads every body differently: that
        // change is reported, not each example it moves)
        let envelope_kept = !self
            .out
            .iter()
            .any(|c| matches!(c.rule, Rule::EnvelopeChanged | Rule::SuccessChanged));
        // (the tables of both catalogs are built once, for every example)
        with_decoder(old, |read_old| {
            with_decoder(new, |read_new| {
                for (o, n) in pairs {
                    let before = self.out.len();
                    self.entry(&old.errors[o], &new.errors[n]);
                    let explained = self.out[before..]
                        .iter()
                        .any(|c| c.rule.breaks().contains(&Category::Wire));
                    if envelope_kept && !explained {
                        self.examples(o, n, read_old, read_new);
                    }
                }
            })
        });
        let added = new.errors.iter().zip(taken).filter(|(_, t)| !t);
        for (n, _) in added {
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

    /// Rule: each documented example the old catalog reads as old error `o`
    /// the new catalog reads as its new version `n` (decoded by the one
    /// decoder, headers included), else the error's identity changed: the
    /// body now goes to another error (one added with a more specific
    /// `when`, say) or to none.
    fn examples(&mut self, o: usize, n: usize, read_old: &DecodeFn<'_>, read_new: &DecodeFn<'_>) {
        let (old, new) = (self.old, self.new);
        let (oe, ne) = (&old.errors[o], &new.errors[n]);
        for ex in &oe.examples {
            let Some(status) = ex.status.or(oe.status_u16()) else {
                continue;
            };
            let body = ex.body.value.as_bytes();
            if read_old(status, &ex.headers, body).entry != Some(o) {
                continue; // (not evidence of this error to begin with)
            }
            let now = read_new(status, &ex.headers, body).entry;
            if now == Some(n) {
                continue;
            }
            let line = match (&ex.body.at, &old.file) {
                (At::Toml(r), Some(f)) => format!(" (line {})", f.line_col(r.start).0),
                _ => String::new(),
            };
            let read_as = match now {
                Some(i) => format!("error `{}`", new.errors[i].variant.value),
                None => "no known error".to_string(),
            };
            self.push(
                Rule::IdentityChanged,
                Side::New,
                &ne.at,
                format!(
                    "{}: its documented example{line}, HTTP {status}, is now read as {read_as}",
                    name(ne)
                ),
            );
            return; // (one example is evidence enough)
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
        self.fields(&who, &o.fields, &n.fields, &n.at, &o.at);
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
