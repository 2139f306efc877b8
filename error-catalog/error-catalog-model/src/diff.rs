//! What changed between two versions of a catalog, and what each change
//! breaks: clients that parse the service's bodies (the wire), Rust code that
//! uses the generated enum (source), or nothing (compatible).
//!
//! ```
//! use error_catalog_model::diff::{diff, Rule};
//! let old = error_catalog_model::load_str("old.toml", r#"
//! [service]
//! id = "shop"
//! name = "Shop"
//! [wire]
//! preset = "coded"
//! [[errors]]
//! code = "NOT_FOUND"
//! status = 404
//! message = "Not found"
//! "#).unwrap();
//! let new = error_catalog_model::load_str("new.toml", r#"
//! [service]
//! id = "shop"
//! name = "Shop"
//! [wire]
//! preset = "coded"
//! [[errors]]
//! code = "NOT_FOUND"
//! status = 410
//! message = "Not found"
//! "#).unwrap();
//! let changes = diff(&old, &new);
//! assert_eq!(changes.len(), 1);
//! assert_eq!(changes[0].rule, Rule::StatusChanged);
//! assert_eq!(changes[0].message, "error `NOT_FOUND`: status 404 is now 410");
//! ```

mod entries;
mod fields;
mod report;
mod rule;

pub use report::{render_github, render_json, render_text, semver, Bump};
pub use rule::{Category, Rule};

use crate::keys::identity_name;
use crate::model::{At, Catalog};

/// Which of the two catalogs a change is located in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The old catalog: what was removed is shown where it was.
    Old,
    /// The new catalog.
    New,
}

/// One change between two catalogs.
#[derive(Debug, Clone)]
pub struct Change {
    /// The rule it falls under, which says what it breaks.
    pub rule: Rule,
    /// The catalog [`Change::at`] is in.
    pub side: Side,
    /// Where it is.
    pub at: At,
    /// What changed, naming the error, field or key.
    pub message: String,
    /// What to do about it, when there is something.
    pub help: Option<String>,
}

impl Change {
    /// True when the change breaks something in one of `categories`.
    pub fn breaks_any(&self, categories: &[Category]) -> bool {
        self.rule.breaks().iter().any(|c| categories.contains(c))
    }
}

/// Every change from `old` to `new`, in catalog order: the service and
/// envelope first, then headers, declared types, errors and reserved codes.
pub fn diff(old: &Catalog, new: &Catalog) -> Vec<Change> {
    let mut d = Differ {
        old,
        new,
        out: Vec::new(),
    };
    d.service();
    d.envelope();
    d.headers();
    d.types();
    d.errors();
    d.reserved();
    d.out
}

/// Collects the changes between two catalogs.
struct Differ<'c> {
    old: &'c Catalog,
    new: &'c Catalog,
    out: Vec<Change>,
}

impl Differ<'_> {
    fn push(&mut self, rule: Rule, side: Side, at: &At, message: String) -> &mut Change {
        self.out.push(Change {
            rule,
            side,
            at: at.clone(),
            message,
            help: None,
        });
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    fn service(&mut self) {
        let (o, n) = (&self.old.service, &self.new.service);
        if o.enum_name.value != n.enum_name.value {
            self.push(
                Rule::EnumRenamed,
                Side::New,
                &n.enum_name.at,
                format!(
                    "the enum `{}` is now `{}`",
                    o.enum_name.value, n.enum_name.value
                ),
            );
        }
        match (o.non_exhaustive.value, n.non_exhaustive.value) {
            (false, true) => {
                self.push(
                    Rule::EnumMadeNonExhaustive,
                    Side::New,
                    &n.non_exhaustive.at,
                    format!(
                        "the enum `{}` is now `#[non_exhaustive]`",
                        n.enum_name.value
                    ),
                )
                .help = Some("a `match` on it outside its crate needs a `_` arm".into());
            }
            (true, false) => {
                self.push(
                    Rule::EnumMadeExhaustive,
                    Side::New,
                    &n.non_exhaustive.at,
                    format!(
                        "the enum `{}` is no longer `#[non_exhaustive]`",
                        n.enum_name.value
                    ),
                );
            }
            _ => {}
        }
    }

    fn envelope(&mut self) {
        let (o, n) = (&self.old.wire, &self.new.wire);
        let at = n.at.clone();
        if o.identity != n.identity {
            self.push(
                Rule::EnvelopeChanged,
                Side::New,
                &at,
                format!(
                    "errors were identified by {}, now by {}",
                    identity_name(o.identity),
                    identity_name(n.identity)
                ),
            );
        }
        if o.integer_codes != n.integer_codes {
            let kind = |i: bool| if i { "integers" } else { "strings" };
            self.push(
                Rule::EnvelopeChanged,
                Side::New,
                &at,
                format!(
                    "codes were {}, now {} (`code_type`)",
                    kind(o.integer_codes),
                    kind(n.integer_codes)
                ),
            );
        }
        let pointers = [
            ("code", &o.code, &n.code),
            ("message", &o.message, &n.message),
            ("fields_at", &o.fields_at, &n.fields_at),
            ("suggestion", &o.suggestion, &n.suggestion),
            ("docs_url", &o.docs_url, &n.docs_url),
            ("fix_command", &o.fix_command, &n.fix_command),
        ];
        for (key, a, b) in pointers {
            let text = |p: &Option<crate::model::Located<crate::model::Pointer>>| {
                p.as_ref()
                    .map_or_else(|| "absent".to_string(), |p| format!("\"{}\"", p.value.text))
            };
            if text(a) != text(b) {
                let place = b.as_ref().map_or(&at, |p| &p.at).clone();
                self.push(
                    Rule::EnvelopeChanged,
                    Side::New,
                    &place,
                    format!("`{key}` was {}, is now {}", text(a), text(b)),
                );
            }
        }
        if o.content_type != n.content_type {
            self.push(
                Rule::EnvelopeChanged,
                Side::New,
                &at,
                format!(
                    "`content_type` was \"{}\", is now \"{}\"",
                    o.content_type, n.content_type
                ),
            );
        }
        let rule = |w: &crate::model::Wire| {
            let mut r: Vec<String> = w
                .success
                .iter()
                .map(|(p, v)| format!("{} = {}", p.value.text, v.value))
                .collect();
            r.sort();
            r
        };
        let (ro, rn) = (rule(o), rule(n));
        if ro != rn {
            let shown = |r: &[String]| {
                if r.is_empty() {
                    "the default (a 2xx body without a code)".to_string()
                } else {
                    format!("`{}`", r.join("`, `"))
                }
            };
            let place = n.success.first().map_or(&at, |(p, _)| &p.at).clone();
            self.push(
                Rule::SuccessChanged,
                Side::New,
                &place,
                format!("the success rule was {}, is now {}", shown(&ro), shown(&rn)),
            );
        }
        let owner = "every error (`[wire] fields`)".to_string();
        self.fields(&owner, &o.fields, &n.fields, &at, &o.at);
    }

    fn headers(&mut self) {
        let (o, n) = (&self.old.headers, &self.new.headers);
        // (the header each role is read from, the standard one by default)
        let (a, b) = (o.names(&[]), n.names(&[]));
        let roles = [
            ("retry_after", a.retry_after, b.retry_after),
            ("rate_limit_limit", a.rate_limit_limit, b.rate_limit_limit),
            (
                "rate_limit_remaining",
                a.rate_limit_remaining,
                b.rate_limit_remaining,
            ),
            ("rate_limit_reset", a.rate_limit_reset, b.rate_limit_reset),
            ("request_id", a.request_id, b.request_id),
            ("should_retry", a.should_retry, b.should_retry),
        ];
        for (role, x, y) in roles {
            if !x.eq_ignore_ascii_case(y) {
                let place = n
                    .written
                    .iter()
                    .find(|(r, _)| *r == role)
                    .map_or(At::Nowhere, |(_, l)| l.at.clone());
                self.push(
                    Rule::HeadersChanged,
                    Side::New,
                    &place,
                    format!("`{role}` was read from `{x}`, now from `{y}`"),
                );
            }
        }
        if a.rate_limit_reset_format != b.rate_limit_reset_format {
            let place = n
                .rate_limit_reset_format
                .as_ref()
                .map_or(At::Nowhere, |f| f.at.clone());
            self.push(
                Rule::HeadersChanged,
                Side::New,
                &place,
                format!(
                    "`rate_limit_reset_format` was `{}`, is now `{}`",
                    format_name(a.rate_limit_reset_format),
                    format_name(b.rate_limit_reset_format)
                ),
            );
        }
        for gone in o.keep.iter().filter(|k| {
            !n.keep
                .iter()
                .any(|m| m.value.eq_ignore_ascii_case(&k.value))
        }) {
            self.push(
                Rule::HeadersChanged,
                Side::Old,
                &gone.at,
                format!(
                    "header `{}` is no longer kept (`keep`)",
                    gone.value.to_ascii_lowercase()
                ),
            );
        }
    }

    fn types(&mut self) {
        let (old, new) = (self.old, self.new);
        for t in &old.types {
            match new.types.iter().find(|n| n.name.value == t.name.value) {
                Some(n) => {
                    let owner = format!("type `{}`", t.name.value);
                    self.fields(&owner, &t.members, &n.members, &n.name.at, &t.name.at);
                }
                None => {
                    self.push(
                        Rule::TypeRemoved,
                        Side::Old,
                        &t.name.at,
                        format!("type `{}` was removed", t.name.value),
                    );
                }
            }
        }
        for n in new
            .types
            .iter()
            .filter(|n| !old.types.iter().any(|t| t.name.value == n.name.value))
        {
            self.push(
                Rule::TypeAdded,
                Side::New,
                &n.name.at,
                format!("type `{}` was added", n.name.value),
            );
        }
    }

    fn reserved(&mut self) {
        let (old, new) = (self.old, self.new);
        for r in &new.reserved {
            if !old.reserved.iter().any(|o| o.code.value == r.code.value) {
                self.push(
                    Rule::ReservedAdded,
                    Side::New,
                    &r.code.at,
                    format!("code `{}` is now reserved", r.code.value),
                );
            }
        }
        for r in &old.reserved {
            if !new.reserved.iter().any(|n| n.code.value == r.code.value) {
                self.push(
                    Rule::ReservedRemoved,
                    Side::Old,
                    &r.code.at,
                    format!("code `{}` is no longer reserved", r.code.value),
                )
                .help = Some(
                    "an error may now take this code, with a meaning old clients do not expect"
                        .into(),
                );
            }
        }
    }
}

/// `rate_limit_reset_format`'s value as the catalog writes it.
fn format_name(f: crate::model::ResetFormat) -> &'static str {
    crate::model::ResetFormat::ALL
        .iter()
        .find(|(_, g)| *g == f)
        .map_or("?", |(n, _)| n)
}
