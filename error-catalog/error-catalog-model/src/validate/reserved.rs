//! Rules for `reserved` codes: codes no error may use again.

use std::collections::HashMap;

use crate::diag::Diagnostic;
use crate::model::{Catalog, Reserved};
use crate::rules::Rule;

/// The note on a reservation: where it is and why.
fn reserved_note(r: &Reserved) -> String {
    match &r.reason {
        Some(why) => format!("`{}` is reserved here: {why}", r.code.value),
        None => format!("`{}` is reserved here", r.code.value),
    }
}

/// Rule: no error uses a reserved code, nor covers one with its
/// `code_range` (a reserved code once meant something else to clients).
pub(super) fn check_reserved_codes(c: &Catalog, d: &mut Vec<Diagnostic>) {
    for e in c.errors.iter().filter(|e| e.sends_code()) {
        let hit = c.reserved.iter().find(|r| match &e.code_range {
            Some(range) => r
                .code
                .value
                .parse::<i64>()
                .is_ok_and(|n| (range.value.0..=range.value.1).contains(&n)),
            None => r.code.value == e.code.value,
        });
        let Some(r) = hit else { continue };
        let at = match &e.code_range {
            Some(range) => &range.at,
            None => &e.code.at,
        };
        d.push(
            Diagnostic::new(Rule::ReservedCodeUsed, at, format!("error code `{}` is reserved", r.code.value))
                .note(&r.code.at, reserved_note(r))
                .help("a reserved code once meant another error to clients: give this error a new code (remove the reservation only if this is the same error coming back)"),
        );
    }
}

/// Rule: each code is reserved once.
pub(super) fn check_reserved_unique(c: &Catalog, d: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &Reserved> = HashMap::new();
    for r in &c.reserved {
        match seen.get(r.code.value.as_str()) {
            Some(first) => d.push(
                Diagnostic::new(
                    Rule::ReservedTwice,
                    &r.code.at,
                    format!("code `{}` is reserved twice", r.code.value),
                )
                .note(&first.code.at, reserved_note(first))
                .help("remove one of them"),
            ),
            None => {
                seen.insert(&r.code.value, r);
            }
        }
    }
}

/// Rule: under `code_type = "integer"`, every reserved code is an integer.
pub(super) fn check_reserved_kind(c: &Catalog, d: &mut Vec<Diagnostic>) {
    if !c.wire.integer_codes || c.wire.damaged {
        return;
    }
    for r in c
        .reserved
        .iter()
        .filter(|r| r.code.value.parse::<i64>().is_err())
    {
        d.push(
            Diagnostic::new(
                Rule::ReservedNotInteger,
                &r.code.at,
                format!(
                    "reserved code \"{}\" is a string, but the catalog's codes are integers (`code_type = \"integer\"`)",
                    r.code.value
                ),
            )
            .help("write it as a TOML integer, e.g. `reserved = [20001]`"),
        );
    }
}
