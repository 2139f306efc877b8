//! Pass 2: the rules a parsed catalog must follow. One function per rule, each
//! stating its rule; all of them run, so every problem is reported at once.
//!
//! They also run on a catalog the parser found problems in: a rule that could
//! be misled by a part that did not parse (a `damaged` entry or wire) skips
//! that part, so one run shows every problem without follow-on false alarms.

use std::collections::HashMap;

mod examples;
mod places;
mod reserved;
mod templates;
mod types;
mod when;

use crate::diag::Diagnostic;
use crate::model::*;
use crate::naming::{is_rust_ident, is_snake_case};
use crate::rules::Rule;
use error_catalog_core::engine::Identity;
use error_catalog_core::template::{patterns_overlap, HoleKind, Segment, Template};

/// Runs every rule and returns every problem, in no particular order; on a
/// catalog that breaks none, decodes its examples (the catalog checks
/// itself: [`check_examples_decode`]).
pub fn validate(c: &Catalog) -> Vec<Diagnostic> {
    let mut d = validate_rules(c);
    if d.is_empty() {
        d = check_examples_decode(c);
    }
    d
}

/// Pass 3, for a catalog with no problem so far: every documented example,
/// and for an error without one the body its declaration describes, is
/// decoded through the one decoder and must read as that error with its
/// fields filled. Decoding a catalog that breaks a rule would only echo that
/// problem, so [`validate`] runs this only after the rules pass.
pub fn check_examples_decode(c: &Catalog) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    examples::check_examples_decode(c, &mut d);
    d
}

/// Runs every rule but the example decoding ([`validate`] without pass 3),
/// for a catalog whose parse already found problems.
pub fn validate_rules(c: &Catalog) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    check_service_names(c, &mut d);
    check_wire_locates_identity(c, &mut d);
    check_envelope_codes(c, &mut d);
    check_unique_codes(c, &mut d);
    check_unique_variants(c, &mut d);
    check_variant_idents(c, &mut d);
    check_status_range(c, &mut d);
    templates::check_templates(c, &mut d);
    check_field_names(c, &mut d);
    check_field_places(c, &mut d);
    check_retry_after_field(c, &mut d);
    check_pattern_overlap(c, &mut d);
    templates::check_patterns_read(c, &mut d);
    check_status_identity(c, &mut d);
    examples::check_examples(c, &mut d);
    places::check_distinct_places(c, &mut d);
    places::check_slot_count(c, &mut d);
    examples::check_examples_are_errors(c, &mut d);
    check_content_type(c, &mut d);
    when::check_when_order(c, &mut d);
    when::check_when_places(c, &mut d);
    when::check_code_ranges(c, &mut d);
    check_header_roles(c, &mut d);
    types::check_type_names(c, &mut d);
    types::check_type_members(c, &mut d);
    reserved::check_reserved_codes(c, &mut d);
    reserved::check_reserved_unique(c, &mut d);
    reserved::check_reserved_kind(c, &mut d);
    check_catalog_size(c, &mut d);
    d
}

/// The most errors one catalog may hold: the lookup tables hold an entry's
/// index in 16 bits, one value of which marks an empty slot.
pub const MAX_ERRORS: usize = 65_534;

/// Rule: a catalog holds at most [`MAX_ERRORS`] errors (past that, codes and
/// messages would not be found).
fn check_catalog_size(c: &Catalog, d: &mut Vec<Diagnostic>) {
    if let Some(e) = c.errors.get(MAX_ERRORS) {
        d.push(
            Diagnostic::new(
                Rule::CatalogTooLarge,
                &e.code.at,
                format!(
                    "a catalog may hold at most {MAX_ERRORS} errors; this is error {} of {}",
                    MAX_ERRORS + 1,
                    c.errors.len()
                ),
            )
            .help("split the errors into several catalogs, one per service or area"),
        );
    }
}

/// Rule: one header has one role: no name appears twice in `[headers]` (as
/// two roles, or as a role and in `keep`), in any case.
fn check_header_roles(c: &Catalog, d: &mut Vec<Diagnostic>) {
    let h = &c.headers;
    let keep = h.keep.iter().map(|k| ("keep", k));
    let all: Vec<(&str, &Located<String>)> = h
        .written
        .iter()
        .map(|(role, name)| (*role, name))
        .chain(keep)
        .collect();
    for (i, (role, name)) in all.iter().enumerate() {
        let first = all[..i]
            .iter()
            .find(|(_, o)| o.value.eq_ignore_ascii_case(&name.value));
        if let Some((first_role, first)) = first {
            d.push(
                Diagnostic::new(
                    Rule::HeaderRoleTwice,
                    &name.at,
                    format!(
                        "header `{}` is given twice in `[headers]`: as `{first_role}` and as `{role}`",
                        name.value
                    ),
                )
                .note(&first.at, format!("`{first_role}` names it here"))
                .help("a header has one role: remove one of them"),
            );
        }
    }
}

/// Rule: the content type is a media type that can be sent as a header value.
fn check_content_type(c: &Catalog, d: &mut Vec<Diagnostic>) {
    let ct = &c.wire.content_type;
    if c.wire.damaged {
        return;
    }
    let ok = ct.contains('/') && ct.bytes().all(|b| (0x20..0x7f).contains(&b));
    if !ok {
        d.push(
            Diagnostic::new(
                Rule::ContentTypeInvalid,
                &c.wire.at,
                format!("`content_type` `{ct}` is not a media type"),
            )
            .help("use a type such as \"application/json\" (printable ASCII, with a `/`)"),
        );
    }
}

/// Rule: the service id is snake_case and the enum name a Rust identifier.
fn check_service_names(c: &Catalog, d: &mut Vec<Diagnostic>) {
    let id = &c.service.id;
    if !id.value.is_empty() && !is_snake_case(&id.value) {
        d.push(
            Diagnostic::new(
                Rule::ServiceIdCase,
                &id.at,
                format!("service `id` `{}` must be snake_case", id.value),
            )
            .help("use lowercase letters, digits and `_`, starting with a letter"),
        );
    }
    let e = &c.service.enum_name;
    if !e.value.is_empty() && !is_rust_ident(&e.value) {
        d.push(Diagnostic::new(
            Rule::EnumNameInvalid,
            &e.at,
            format!("`enum_name` `{}` is not a valid Rust identifier", e.value),
        ));
    }
}

/// Rule: every envelope of `[wire.envelopes]` is identified by a code it
/// says where to find, a place the main wire's code is not.
fn check_envelope_codes(c: &Catalog, d: &mut Vec<Diagnostic>) {
    for env in &c.wire.envelopes {
        let w = &env.wire;
        let name = &env.name.value;
        let problem = match (&w.code, &c.wire.code) {
            _ if w.identity != Identity::Code => Some(format!(
                "`[wire.envelopes.{name}]` is not identified by a code: a body is read in it when it carries its code"
            )),
            (None, _) => Some(format!(
                "`[wire.envelopes.{name}]` does not say where its code is"
            )),
            (Some(p), Some(main)) if p.value == main.value => Some(format!(
                "`[wire.envelopes.{name}]` has its code at `{}`, where `[wire]` has its own: no body would reach it",
                p.value.text
            )),
            _ => None,
        };
        if let Some(message) = problem {
            d.push(
                Diagnostic::new(Rule::EnvelopeWithoutCode, &env.name.at, message).help(
                    "give the envelope a `code` pointer of its own (`preset = \"oauth2\"` has `/error`)",
                ),
            );
        }
    }
}

/// Rule: a wire identified by code says where the code is; one identified by
/// message says where the message is.
fn check_wire_locates_identity(c: &Catalog, d: &mut Vec<Diagnostic>) {
    let w = &c.wire;
    if w.damaged {
        return;
    }
    match w.identity {
        Identity::Code if w.code.is_none() => d.push(
            Diagnostic::new(
                Rule::WireIdentityUnlocated,
                &w.at,
                "`[wire]` does not say where the error code is",
            )
            .help("set `code` to a JSON pointer such as \"/error/code\", or choose a `preset`"),
        ),
        Identity::Message if w.message.is_none() => d.push(
            Diagnostic::new(
                Rule::WireIdentityUnlocated,
                &w.at,
                "`[wire]` has `identity = \"message\"` but does not say where the message is",
            )
            .help("set `message` to a JSON pointer such as \"/error\""),
        ),
        _ => {}
    }
    if w.preset.is_none()
        && w.code.is_none()
        && w.message.is_none()
        && w.identity == Identity::Status
    {
        d.push(
            Diagnostic::new(
                Rule::WireIdentityUnlocated,
                &w.at,
                "custom `[wire]` does not say where the code or the message is",
            )
            .help("set `code` (or `message`) to a JSON pointer, or choose a `preset`"),
        );
    }
}

/// Rule: no two errors share a code. The second is reported, with a note
/// pointing at the first.
fn check_unique_codes(c: &Catalog, d: &mut Vec<Diagnostic>) {
    // the earlier entries of each code, in catalog order (one pass: each
    // entry is compared with the entries of its own code only)
    let mut earlier: HashMap<&str, Vec<&ErrorEntry>> = HashMap::new();
    for e in &c.errors {
        if e.code.value.is_empty() {
            continue;
        }
        let same = earlier.entry(e.code.value.as_str()).or_default();
        // (entries of one code told apart by `when` are checked by their own rule)
        let told_apart = |o: &&ErrorEntry| {
            e.sends_code() && o.sends_code() && when::overlap(o, e) != when::Overlap::Same
        };
        let first = same.first().map(|o| &o.code.at);
        let skip = !same.is_empty() && same.iter().all(told_apart);
        same.push(e);
        let Some(first) = first.filter(|_| !skip) else {
            continue;
        };
        d.push(
            Diagnostic::new(
                Rule::CodeDuplicate,
                &e.code.at,
                format!("duplicate error code `{}`", e.code.value),
            )
            .note(first, format!("`{}` is first defined here", e.code.value))
            .help(if e.when.is_empty() {
                "each code may appear once; remove or rename one of them"
            } else {
                "entries of one code need different `when` conditions: change or remove one of them"
            }),
        );
    }
}

/// True when neither the wire nor `e` lost a part to a parse problem: rules
/// that would misread a missing field, pattern or pointer run only then.
fn sound(c: &Catalog, e: &ErrorEntry) -> bool {
    !c.wire.damaged && !e.damaged
}

/// Rule: no two errors map to the same variant name.
fn check_unique_variants(c: &Catalog, d: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for e in &c.errors {
        if e.variant.value.is_empty() || e.damaged {
            continue;
        }
        if let Some(first) = seen.insert(&e.variant.value, &e.code.value) {
            if first == e.code.value {
                continue; // a duplicate code, reported by its own rule
            }
            d.push(
                Diagnostic::new(
                    Rule::VariantDuplicate,
                    &e.variant.at,
                    format!(
                        "codes `{first}` and `{}` both map to variant `{}`",
                        e.code.value, e.variant.value
                    ),
                )
                .help("set `variant` on one of them to a different name"),
            );
        }
    }
}

/// Rule: every variant name is a valid Rust identifier.
fn check_variant_idents(c: &Catalog, d: &mut Vec<Diagnostic>) {
    for e in &c.errors {
        let v = &e.variant.value;
        if !e.code.value.is_empty() && !is_rust_ident(v) {
            d.push(
                Diagnostic::new(
                    Rule::VariantNameInvalid,
                    &e.variant.at,
                    format!(
                        "variant name `{v}` (for code `{}`) is not a valid Rust identifier",
                        e.code.value
                    ),
                )
                .help("set `variant` to a name such as `TokenExpired`"),
            );
        }
    }
}

/// Rule: a status is an HTTP status, 100 to 599.
fn check_status_range(c: &Catalog, d: &mut Vec<Diagnostic>) {
    for e in &c.errors {
        if let Some(s) = &e.status {
            if !(100..=599).contains(&s.value) {
                d.push(
                    Diagnostic::new(
                        Rule::StatusOutOfRange,
                        &s.at,
                        format!(
                            "`status` {} of error `{}` is not an HTTP status",
                            s.value, e.code.value
                        ),
                    )
                    .help("use a status from 100 to 599, or leave `status` out"),
                );
            }
        }
    }
}

fn all_fields<'c>(c: &'c Catalog, e: &'c ErrorEntry) -> impl Iterator<Item = &'c Field> {
    c.wire_of(e).fields.iter().chain(&e.fields)
}

/// Rule: field names are valid Rust identifiers and unique within an error
/// (its own fields and the envelope's together).
fn check_field_names(c: &Catalog, d: &mut Vec<Diagnostic>) {
    for e in &c.errors {
        let mut seen: HashMap<&str, ()> = HashMap::new();
        for f in all_fields(c, e) {
            if !is_rust_ident(&f.rust.value) {
                d.push(
                    Diagnostic::new(Rule::FieldNameInvalid, &f.rust.at, format!("field `{}` of error `{}` gives Rust name `{}`, which is not a valid identifier", f.wire.value, e.code.value, f.rust.value))
                        .help("give the field a table form with `rust = \"name\"`"),
                );
            }
            if seen.insert(&f.rust.value, ()).is_some() {
                d.push(Diagnostic::new(
                    Rule::FieldDuplicate,
                    &f.wire.at,
                    format!("field `{}` of error `{}` is declared twice (or clashes with an envelope field)", f.wire.value, e.code.value),
                ));
            }
        }
    }
}

/// Rule: every field has a place: a pointer (explicit or under `fields_at`) or a
/// placeholder in one of the error's patterns.
fn check_field_places(c: &Catalog, d: &mut Vec<Diagnostic>) {
    for e in c.errors.iter().filter(|e| sound(c, e)) {
        let patterns: Vec<Template> = e
            .matches
            .iter()
            .filter_map(|m| Template::parse(&m.value).ok())
            .collect();
        for f in &e.fields {
            let in_pattern = patterns
                .iter()
                .all(|p| p.placeholders().any(|n| n == f.wire.value))
                && !patterns.is_empty();
            // a coded error's field its message names is captured from the
            // message received; optional, as a message may not fit
            let captured = f.at_ptr.is_none()
                && c.wire.identity == Identity::Code
                && e.sends_code()
                && crate::layout::named_in_template(e, &f.wire.value);
            if captured && !f.ty.value.optional {
                d.push(
                    Diagnostic::new(Rule::FieldUnplaced, &f.wire.at, format!("field `{}` of error `{}` is captured from the message received, which may not fit the template, so it must be optional", f.wire.value, e.code.value))
                        .help(format!("make it optional (`{}?`), or give it an `at` pointer to the member that carries it", c.type_text(FieldType { optional: false, ..f.ty.value }))),
                );
            } else if f.at_ptr.is_none() && !in_pattern && !captured {
                d.push(
                    Diagnostic::new(Rule::FieldUnplaced, &f.wire.at, format!("field `{}` of error `{}` has no place on the wire", f.wire.value, e.code.value))
                        .help("the wire has no `fields_at`: give the field an `at` pointer, name it in every pattern of `matches`, or (for an error with a code) in its message"),
                );
            }
        }
    }
}

/// Rule: `retry_after_field` names a field of the error holding seconds: an
/// integer, an `f64`, or a `string` (protobuf `Duration` text, `"1.5s"`).
fn check_retry_after_field(c: &Catalog, d: &mut Vec<Diagnostic>) {
    for e in c.errors.iter().filter(|e| sound(c, e)) {
        let Some(r) = &e.retry_after_field else {
            continue;
        };
        match all_fields(c, e).find(|f| f.wire.value == r.value) {
            None => d.push(Diagnostic::new(
                Rule::RetryAfterFieldUnknown,
                &r.at,
                format!(
                    "`retry_after_field` `{}` of error `{}` names no field",
                    r.value, e.code.value
                ),
            )),
            Some(f) if !holds_seconds(f.ty.value) => d.push(Diagnostic::new(
                Rule::RetryAfterFieldType,
                &r.at,
                format!(
                    "`retry_after_field` `{}` must hold seconds (an integer, `f64`, or `string` such as \"1.5s\"), not `{}`",
                    r.value,
                    c.type_text(f.ty.value)
                ),
            )),
            Some(_) => {}
        }
    }
}

/// True for the types a delay is read from (`retry::DelaySeconds`).
fn holds_seconds(t: FieldType) -> bool {
    !t.list && (t.base.is_integer() || matches!(t.base, BaseType::F64 | BaseType::String))
}

/// Rule: no two patterns with the same priority can match the same message under
/// the same status (an error without status competes under every status).
fn check_pattern_overlap(c: &Catalog, d: &mut Vec<Diagnostic>) {
    // (the entries found by message: all of them, or those sent without a code)
    let by_message = |e: &&ErrorEntry| c.wire.identity != Identity::Code || !e.sends_code();
    let pats: Vec<(&ErrorEntry, &Located<String>, Template)> = c
        .errors
        .iter()
        .filter(|e| sound(c, e))
        .filter(by_message)
        .flat_map(|e| {
            e.matches
                .iter()
                .filter_map(move |m| Template::parse(&m.value).ok().map(|t| (e, m, t)))
        })
        .collect();
    // Two patterns can match one message only if the literal text before
    // their first placeholder agrees: one of the two is a prefix of the other.
    // So each pattern meets only the patterns filed under a prefix of its own
    // leading literal (a map lookup per prefix length), not every other one.
    let leads: Vec<&str> = pats.iter().map(|(_, _, t)| leading_literal(t)).collect();
    let mut by_lead: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, lead) in leads.iter().enumerate() {
        by_lead.entry(lead).or_default().push(i);
    }
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (j, lead) in leads.iter().enumerate() {
        let cuts = lead.char_indices().map(|(k, _)| k).chain([lead.len()]);
        for k in cuts {
            let Some(found) = by_lead.get(&lead[..k]) else {
                continue;
            };
            // (a pair with equal leads is taken once, from its second pattern;
            // a pair with a shorter lead, from the pattern with the longer one)
            let equal = k == lead.len();
            pairs.extend(
                found
                    .iter()
                    .filter(|&&i| !equal || i < j)
                    .map(|&i| (i.min(j), i.max(j))),
            );
        }
    }
    pairs.sort_unstable();
    for (i, j) in pairs {
        let ((a, am, at), (b, bm, bt)) = (&pats[i], &pats[j]);
        if std::ptr::eq(*a, *b)
            || a.priority != b.priority
            || when::overlap(a, b) == when::Overlap::Disjoint
        {
            continue;
        }
        let same_status = match (a.status_u16(), b.status_u16()) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        };
        if same_status && patterns_overlap(at, bt, |n| hole_kind(c, a, n), |n| hole_kind(c, b, n)) {
            d.push(
                Diagnostic::new(
                    Rule::PatternOverlap,
                    &bm.at,
                    format!(
                        "pattern \"{}\" of error `{}` can match the same message as \"{}\" of error `{}`",
                        bm.value, b.code.value, am.value, a.code.value
                    ),
                )
                .help("make the patterns distinct, or give the more specific one a higher `priority`"),
            );
        }
    }
}

/// The literal text a pattern starts with, before its first placeholder.
fn leading_literal(t: &Template) -> &str {
    match t.segments.first() {
        Some(Segment::Lit(l)) => l,
        _ => "",
    }
}

/// What a placeholder naming field `name` of `e` matches.
pub fn hole_kind(c: &Catalog, e: &ErrorEntry, name: &str) -> HoleKind {
    all_fields(c, e)
        .find(|f| f.wire.value == name)
        .map_or(HoleKind::Text, |f| f.ty.value.base.hole_kind())
}

/// Rule: when the status identifies errors, at most one error per status goes
/// without a message pattern (otherwise nothing tells them apart).
fn check_status_identity(c: &Catalog, d: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<u16, Vec<&ErrorEntry>> = HashMap::new();
    for e in c.errors.iter().filter(|e| sound(c, e)) {
        let Some(s) = e.status_u16().filter(|_| e.by_status(c.wire.identity)) else {
            continue;
        };
        let earlier = seen.entry(s).or_default();
        let same = earlier
            .iter()
            .find(|o| when::overlap(o, e) == when::Overlap::Same)
            .map(|o| o.code.value.as_str());
        earlier.push(e);
        if let Some(first) = same {
            d.push(
                Diagnostic::new(
                    Rule::StatusAmbiguous,
                    &e.at,
                    format!(
                        "errors `{first}` and `{}` share status {s} and nothing tells them apart",
                        e.code.value
                    ),
                )
                .help(if e.when.is_empty() {
                    "give one of them `matches = [\"message pattern\"]`"
                } else {
                    "give one of them `matches = [\"message pattern\"]`, or give them different `when` conditions"
                }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // (through `validate` the other rules would compare 65,535 codes pairwise)
    #[test]
    fn a_catalog_of_too_many_errors() {
        let text = "[service]\nid = \"shop\"\nname = \"Shop\"\n[wire]\npreset = \"nested\"\n[[errors]]\ncode = \"A\"\nmessage = \"A\"\n";
        let Ok(mut c) = crate::load_str("t.toml", text) else {
            panic!("the catalog loads");
        };
        c.errors = vec![c.errors[0].clone(); MAX_ERRORS + 1];
        let mut d = Vec::new();
        check_catalog_size(&c, &mut d);
        let rules: Vec<Rule> = d.iter().map(|d| d.rule).collect();
        assert_eq!(rules, [Rule::CatalogTooLarge]);
        c.errors.truncate(MAX_ERRORS);
        d.clear();
        check_catalog_size(&c, &mut d);
        assert!(d.is_empty());
    }
}
