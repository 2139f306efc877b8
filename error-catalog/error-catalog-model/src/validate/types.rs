//! The rules on declared object types (`[types.Name]`).

use std::collections::HashSet;

use crate::diag::Diagnostic;
use crate::model::*;
use crate::naming::is_rust_ident;
use crate::rules::Rule;

/// Rule: a declared type's name is an UpperCamelCase Rust identifier, is not
/// the enum's name, and is declared once.
pub(super) fn check_type_names(c: &Catalog, d: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    for t in &c.types {
        let n = &t.name.value;
        if !is_rust_ident(n) || !n.starts_with(|ch: char| ch.is_ascii_uppercase()) {
            d.push(
                Diagnostic::new(
                    Rule::TypeNameInvalid,
                    &t.name.at,
                    format!("type name `{n}` is not an UpperCamelCase Rust identifier"),
                )
                .help("name a declared type as its Rust struct, such as `ValidationError`"),
            );
        }
        if *n == c.service.enum_name.value {
            d.push(
                Diagnostic::new(
                    Rule::TypeNamedAsEnum,
                    &t.name.at,
                    format!("type `{n}` has the enum's own name"),
                )
                .help("rename the type: the struct and the enum are generated side by side"),
            );
        }
        if !seen.insert(n.as_str()) {
            d.push(Diagnostic::new(
                Rule::TypeDuplicate,
                &t.name.at,
                format!("type `{n}` is declared twice"),
            ));
        }
    }
}

/// Rule: a declared type's members are single values or lists of them (no
/// declared object inside another), have valid and distinct Rust names (none
/// `extra`, the struct's place for undeclared members), and take neither
/// `at` nor `internal` (a member sits in its object and goes where it goes).
pub(super) fn check_type_members(c: &Catalog, d: &mut Vec<Diagnostic>) {
    for t in &c.types {
        let mut seen = HashSet::new();
        for m in &t.members {
            let what = format!("member `{}` of type `{}`", m.wire.value, t.name.value);
            if matches!(m.ty.value.base, BaseType::Object(_)) {
                d.push(
                    Diagnostic::new(
                        Rule::MemberNested,
                        &m.ty.at,
                        format!(
                            "{what} is of declared type `{}`: declared types do not nest",
                            c.type_text(m.ty.value)
                        ),
                    )
                    .help("type the member `json` to keep it whole"),
                );
            }
            let r = &m.rust.value;
            if !is_rust_ident(r) || r == "extra" {
                d.push(
                    Diagnostic::new(
                        Rule::MemberNameInvalid,
                        &m.rust.at,
                        format!("{what} gives Rust name `{r}`, which the struct cannot have"),
                    )
                    .help("give the member a table form with `rust = \"name\"` (not a keyword, not `extra`)"),
                );
            }
            if !seen.insert(r.as_str()) {
                d.push(Diagnostic::new(
                    Rule::MemberDuplicate,
                    &m.wire.at,
                    format!("{what} has the Rust name `{r}` of another member"),
                ));
            }
            if let Some(p) = &m.at_ptr {
                d.push(
                    Diagnostic::new(
                        Rule::MemberAt,
                        &p.at,
                        format!("{what} has `at`, which only an error's fields take"),
                    )
                    .help("remove `at`: a member is read from its object"),
                );
            }
            if m.internal {
                d.push(
                    Diagnostic::new(
                        Rule::MemberInternal,
                        &m.wire.at,
                        format!("{what} is `internal`, which only an error's fields can be"),
                    )
                    .help("mark the field holding the object `internal` instead"),
                );
            }
        }
    }
}
