//! The rules on how entries are told apart beyond their code: `when`
//! conditions, errors a service sends without a code, and ranges of codes.

use std::collections::HashMap;

use super::sound;
use crate::diag::Diagnostic;
use crate::model::*;
use crate::plan::conditions;
use crate::rules::Rule;
use error_catalog_core::engine::Identity;

/// How two entries' `when` conditions relate, as sets of (pointer, value).
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Overlap {
    /// The same conditions: nothing tells the two apart.
    Same,
    /// Some member must hold different values: no body matches both.
    Disjoint,
    /// The first entry's conditions are a strict subset of the second's: the
    /// first matches every body the second does.
    FirstWider,
    /// The second entry's conditions are a strict subset of the first's (the
    /// specific one comes first, as it should).
    SecondWider,
    /// Both can match one body and neither is more specific.
    Ambiguous,
}

/// Every condition of `e` (the plan's, [`conditions`]) as (what it tests, the
/// value): a member by its pointer, a header by its name.
fn tests(e: &ErrorEntry) -> Vec<((bool, String), String)> {
    conditions(e, None)
        .into_iter()
        .map(|c| ((c.header, c.pointer), c.value))
        .collect()
}

/// How the conditions (`when`, `when_header`) of `a` relate to those of `b`.
pub(super) fn overlap(a: &ErrorEntry, b: &ErrorEntry) -> Overlap {
    let (ca, cb) = (tests(a), tests(b));
    fn value_at<'v>(c: &'v [((bool, String), String)], k: &(bool, String)) -> Option<&'v str> {
        c.iter().find(|(q, _)| q == k).map(|(_, v)| v.as_str())
    }
    let differ = ca
        .iter()
        .any(|(k, v)| value_at(&cb, k).is_some_and(|w| w != *v));
    if differ {
        return Overlap::Disjoint;
    }
    let a_in_b = ca.iter().all(|(k, _)| value_at(&cb, k).is_some());
    let b_in_a = cb.iter().all(|(k, _)| value_at(&ca, k).is_some());
    match (a_in_b, b_in_a) {
        (true, true) => Overlap::Same,
        (true, false) => Overlap::FirstWider,
        (false, true) => Overlap::SecondWider,
        (false, false) => Overlap::Ambiguous,
    }
}

/// Rule: of two entries found by the same code, or by the same status alone,
/// the first in the catalog is chosen when both match; so a later one must not
/// be matched by every body an earlier one matches (the most specific comes
/// first), and two that can both match a body must differ in some condition.
/// (Entries with the same conditions are reported by the duplicate-code and
/// status rules.)
pub(super) fn check_when_order(c: &Catalog, d: &mut Vec<Diagnostic>) {
    let identity = c.wire.identity;
    // the earlier entries found by each code, and by each status: an entry
    // is compared only with those of its own group (an entry is found by its
    // code or by its status, never both)
    let mut codes: HashMap<&str, Vec<&ErrorEntry>> = HashMap::new();
    let mut statuses: HashMap<u16, Vec<&ErrorEntry>> = HashMap::new();
    for b in c.errors.iter().filter(|e| sound(c, e)) {
        let by_code = identity == Identity::Code && b.sends_code();
        let group = if by_code {
            codes.entry(b.code.value.as_str()).or_default()
        } else if let Some(s) = b.status_u16().filter(|_| b.by_status(identity)) {
            statuses.entry(s).or_default()
        } else {
            continue;
        };
        for a in group.iter() {
            let shared = if by_code {
                format!("code `{}`", b.code.value)
            } else {
                format!("status {}", b.status_u16().unwrap_or_default())
            };
            match overlap(a, b) {
                Overlap::FirstWider => d.push(
                    Diagnostic::new(
                        Rule::WhenNeverChosen,
                        &b.at,
                        format!(
                            "error `{}` is never chosen: `{}` shares its {shared}, comes first and matches every body it matches",
                            b.variant.value, a.variant.value
                        ),
                    )
                    .note(&a.at, format!("`{}` is here", a.variant.value))
                    .help(format!(
                        "move `{}` above `{}`: the most specific `when` comes first",
                        b.variant.value, a.variant.value
                    )),
                ),
                Overlap::Ambiguous => d.push(
                    Diagnostic::new(
                        Rule::WhenAmbiguous,
                        &b.at,
                        format!(
                            "errors `{}` and `{}` share their {shared} and one body can match the `when` of both",
                            a.variant.value, b.variant.value
                        ),
                    )
                    .note(&a.at, format!("`{}` is here", a.variant.value))
                    .help("give both a condition on the same member with different values, or give one every condition of the other"),
                ),
                Overlap::Same | Overlap::Disjoint | Overlap::SecondWider => {}
            }
        }
        group.push(b);
    }
}

/// Rule: `when` does not test the code or the message (the code and
/// `matches` say those), and `code_in_body = false` appears only in a catalog
/// identified by code, on an entry that something else identifies (a status,
/// `matches` or `when`).
pub(super) fn check_when_places(c: &Catalog, d: &mut Vec<Diagnostic>) {
    let w = &c.wire;
    for e in &c.errors {
        for (p, _) in &e.when {
            let named =
                |at: &Option<Located<Pointer>>| at.as_ref().is_some_and(|q| q.value == p.value);
            let what = if named(&w.code) {
                Some(("code", "the entry's `code`"))
            } else if named(&w.message) {
                Some(("message", "`matches = [\"pattern\"]`"))
            } else {
                None
            };
            if let (Some((what, instead)), false) = (what, w.damaged) {
                d.push(
                    Diagnostic::new(
                        Rule::WhenTestsIdentity,
                        &p.at,
                        format!(
                            "`when` of error `{}` tests the {what} (`{}`)",
                            e.code.value, p.value.text
                        ),
                    )
                    .help(format!("say the {what} with {instead} instead")),
                );
            }
        }
        let Some(flag) = e.code_in_body.as_ref().filter(|f| !f.value) else {
            continue;
        };
        if w.identity != Identity::Code {
            if !w.damaged {
                d.push(
                    Diagnostic::new(
                        Rule::CodeInBodyNoEffect,
                        &flag.at,
                        format!("`code_in_body = false` on error `{}` has no effect: this catalog's errors are identified by {}", e.code.value, crate::keys::identity_name(w.identity)),
                    )
                    .help("remove it: no error of this catalog is found by its code"),
                );
            }
        } else if e.status_u16().is_none()
            && e.matches.is_empty()
            && e.when.is_empty()
            && e.when_headers.is_empty()
            && sound(c, e)
        {
            d.push(
                Diagnostic::new(
                    Rule::CodelessUnidentified,
                    &flag.at,
                    format!("error `{}` is sent without a code but nothing else identifies it", e.code.value),
                )
                .help("give it a `status`, `matches = [\"pattern\"]` or `when = { \"/pointer\" = value }`"),
            );
        }
    }
}

/// Rule: a `code_range` is in a catalog of integer codes, runs from its first
/// code up to its last, and overlaps no other entry's range.
pub(super) fn check_code_ranges(c: &Catalog, d: &mut Vec<Diagnostic>) {
    let ranged: Vec<(&ErrorEntry, &Located<(i64, i64)>)> = c
        .errors
        .iter()
        .filter_map(|e| Some((e, e.code_range.as_ref()?)))
        .collect();
    for (i, (e, r)) in ranged.iter().enumerate() {
        let (lo, hi) = r.value;
        if !c.wire.integer_codes && !c.wire.damaged {
            d.push(
                Diagnostic::new(Rule::CodeRangeStringCodes, &r.at, format!("`code_range` of error `{}` in a catalog of string codes", e.variant.value))
                    .help("ranges are of integer codes: set `code_type = \"integer\"` in `[wire]` (when the service sends codes as JSON numbers)"),
            );
        }
        if lo > hi {
            d.push(
                Diagnostic::new(Rule::CodeRangeEmpty, &r.at, format!("`code_range` [{lo}, {hi}] of error `{}` is empty: its first code is above its last", e.variant.value))
                    .help(format!("write it `[{hi}, {lo}]`")),
            );
            continue;
        }
        for (o, or) in &ranged[..i] {
            let (olo, ohi) = or.value;
            if olo <= hi && lo <= ohi && olo <= ohi {
                d.push(
                    Diagnostic::new(
                        Rule::CodeRangesOverlap,
                        &r.at,
                        format!(
                            "`code_range` [{lo}, {hi}] of error `{}` overlaps [{olo}, {ohi}] of error `{}`",
                            e.variant.value, o.variant.value
                        ),
                    )
                    .note(&or.at, format!("`{}`'s range is here", o.variant.value))
                    .help("a code belongs to one range: make them disjoint (a code listed with `code` is found before any range)"),
                );
            }
        }
    }
}
