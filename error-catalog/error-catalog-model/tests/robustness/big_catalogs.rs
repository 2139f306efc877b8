//! Big catalogs: thousands of errors and of problems.

use error_catalog_model::load_str;

use crate::support::{loads, placed, problems, timed, FILE, HEAD};

/// A valid catalog of `n` errors under `preset`, spread over 200 statuses.
fn generated(n: usize, preset: &str, with_fields: bool) -> String {
    let mut t = format!("{HEAD}[wire]\npreset = \"{preset}\"\n");
    for i in 0..n {
        let status = 400 + i % 200;
        t.push_str(&format!(
            "\n[[errors]]\ncode = \"E_{i:05}\"\nstatus = {status}\n"
        ));
        if with_fields {
            t.push_str(&format!(
                "message = \"Error {i} on {{id}}\"\nsuggestion = \"Fix {i}\"\nretry = \"backoff\"\n[errors.fields]\nid = \"string\"\ncount = \"u32?\"\n"
            ));
        } else {
            t.push_str(&format!("message = \"Error number {i}\"\n"));
        }
    }
    t
}

#[test]
fn ten_thousand_errors_load() {
    let text = generated(10_000, "nested", true);
    let c = timed("load 10,000 errors (nested, with fields)", || loads(&text));
    assert_eq!(c.errors.len(), 10_000);
    assert_eq!(c.errors[9_999].code.value, "E_09999");
    assert_eq!(c.errors[9_999].variant.value, "E09999");
    assert_eq!(c.errors[1234].fields.len(), 2);
}

/// Identified by message: every pair of patterns under one status is checked for
/// overlap (10 errors per status here; 10,000 such errors take about 40 s
/// unoptimized, so 2,000).
#[test]
fn two_thousand_message_identified_errors_load() {
    let text = generated(2_000, "message-only", false);
    let c = timed("load 2,000 errors (message-only)", || loads(&text));
    assert_eq!(c.errors.len(), 2_000);
}

/// The lookup tables index at most 65,534 entries: one more is refused, named
/// at the first error past the limit, instead of loading with codes that would
/// never be found.
#[test]
fn more_errors_than_the_tables_can_index_are_refused() {
    use error_catalog_model::validate::MAX_ERRORS;
    let text = generated(MAX_ERRORS + 1, "nested", false);
    let (p, rendered) = timed("load 65,535 errors (refused)", || problems(&text));
    assert_eq!(p.list.len(), 1, "{rendered:?}");
    // error i's `code` key is on line 8 + 5i (5 head lines, 5 per error)
    let at = format!("error[catalog-too-large]: {FILE}:{}:", 8 + 5 * MAX_ERRORS);
    assert!(rendered[0].starts_with(&at), "{}", rendered[0]);
    assert!(
        rendered[0].contains("at most 65534 errors; this is error 65535 of 65535"),
        "{}",
        rendered[0]
    );
}

/// Errors without a status compete under every status: all pairs are checked for
/// overlap, quadratic by design (2,000 take about 70 s unoptimized; 500 here).
#[test]
fn five_hundred_statusless_message_patterns_load() {
    let mut text = format!("{HEAD}[wire]\npreset = \"message-only\"\n");
    for i in 0..500 {
        text.push_str(&format!(
            "\n[[errors]]\ncode = \"e_{i}\"\nmessage = \"Failure number {i} happened\"\n"
        ));
    }
    let c = timed("load 500 status-less message patterns", || loads(&text));
    assert_eq!(c.errors.len(), 500);
}

/// `n` errors with a wrong key each.
fn n_problems(n: usize) -> String {
    let mut text = format!("{HEAD}[wire]\npreset = \"nested\"\n");
    for i in 0..n {
        text.push_str(&format!(
            "\n[[errors]]\ncode = \"E_{i:05}\"\nstauts = 404\nmessage = \"x\"\n"
        ));
    }
    text
}

/// 2,000 errors with a wrong key each: every one reported, rendered with its line.
#[test]
fn two_thousand_problems_are_all_reported() {
    let n = 2_000;
    let text = n_problems(n);
    let (p, rendered) = timed("load + render 2,000 problems", || problems(&text));
    assert_eq!(p.list.len(), n);
    // The `stauts` key of error i is on line 9 + 5i (5 head lines, 5 per error).
    for (i, r) in rendered.iter().enumerate() {
        assert!(
            r.starts_with(&format!(
                "error[key-unknown]: {FILE}:{}:1: unknown key `stauts`",
                9 + 5 * i
            )),
            "{r}"
        );
    }
}

/// Rendering many problems of one big catalog: every one is rendered with its own
/// line (the line index is built once per file, so this is linear; the time is
/// printed, not asserted — speed belongs in benchmarks).
#[test]
fn rendering_many_problems() {
    let p = load_str(FILE, &n_problems(4_000)).expect_err("problems");
    let text = timed("render 4,000 problems", || p.to_string());
    let firsts: Vec<&str> = text.lines().filter(|l| placed(l)).collect();
    assert_eq!(firsts.len(), 4_000);
    let last = firsts.last().copied().unwrap_or_default();
    assert!(
        last.starts_with(&format!(
            "error[key-unknown]: {FILE}:{}:1: unknown key `stauts`",
            9 + 5 * 3_999
        )),
        "{last}"
    );
}
