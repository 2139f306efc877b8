//! `diff` over every bundled and example catalog: a catalog compared with
//! itself has no change; removing or changing one error is exactly that one
//! change; and a golden report of a realistic new version of KYA's catalog
//! (`BLESS=1` rewrites the golden file).

mod common;

use error_catalog_model::diff::{diff, render_text, Rule, Side};
use error_catalog_model::load_str;
use error_catalog_model::model::Catalog;

/// Every bundled and example catalog, loaded.
fn all() -> Vec<(String, String, Catalog)> {
    let bundled = error_catalog_services::ALL
        .iter()
        .map(|(_, file, text)| (file.to_string(), text.to_string()));
    let examples = common::EXAMPLES
        .iter()
        .map(|(file, text)| (file.to_string(), text.to_string()));
    bundled
        .chain(examples)
        .map(|(file, text)| {
            let c = load_str(&file, &text).unwrap_or_else(|p| panic!("{p}"));
            (file, text, c)
        })
        .collect()
}

#[test]
fn a_catalog_compared_with_itself_has_no_change() {
    let all = all();
    assert_eq!(all.len(), 15);
    for (file, text, c) in &all {
        let again = load_str(format!("again/{file}"), text).unwrap();
        let changes = diff(c, &again);
        assert!(
            changes.is_empty(),
            "{file}:\n{}",
            render_text(&changes, c, &again)
        );
    }
}

#[test]
fn removing_any_one_error_is_one_code_removed() {
    for (file, _, c) in all() {
        for i in 0..c.errors.len() {
            let mut new = c.clone();
            let gone = new.errors.remove(i);
            let changes = diff(&c, &new);
            let report = render_text(&changes, &c, &new);
            assert_eq!(
                changes.len(),
                1,
                "{file}, without `{}`:\n{report}",
                gone.variant.value
            );
            assert_eq!(changes[0].rule, Rule::CodeRemoved, "{report}");
            assert_eq!(changes[0].side, Side::Old);
            assert!(
                changes[0]
                    .message
                    .contains(&format!("(variant `{}`)", gone.variant.value)),
                "{report}"
            );
        }
    }
}

#[test]
fn changing_any_one_status_is_one_status_changed() {
    for (file, _, c) in all() {
        for i in 0..c.errors.len() {
            let mut new = c.clone();
            let Some(status) = new.errors[i].status.as_mut() else {
                continue;
            };
            status.value = if status.value == 418 { 419 } else { 418 };
            let changes = diff(&c, &new);
            let report = render_text(&changes, &c, &new);
            assert_eq!(changes.len(), 1, "{file}, error {i}:\n{report}");
            assert_eq!(changes[0].rule, Rule::StatusChanged, "{report}");
        }
    }
}

#[test]
fn renaming_any_one_variant_is_one_variant_renamed() {
    for (file, _, c) in all() {
        for i in 0..c.errors.len() {
            let mut new = c.clone();
            new.errors[i].variant.value.push_str("Renamed");
            let changes = diff(&c, &new);
            let report = render_text(&changes, &c, &new);
            assert_eq!(changes.len(), 1, "{file}, error {i}:\n{report}");
            assert_eq!(changes[0].rule, Rule::VariantRenamed, "{report}");
        }
    }
}

/// `text` without the `[[errors]]` entry whose code is `code`.
fn without_error(text: &str, code: &str) -> String {
    let start = text
        .find(&format!("[[errors]]\ncode = \"{code}\""))
        .unwrap_or_else(|| panic!("no error `{code}`"));
    let end = text[start + 1..]
        .find("\n[[errors]]\n")
        .map_or(text.len(), |i| start + 2 + i);
    format!("{}{}", &text[..start], &text[end..])
}

/// `text` with `from` replaced by `to` (which must be there).
fn edit(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "`{from}` is not in the catalog");
    text.replacen(from, to, 1)
}

#[test]
fn golden_report_of_a_new_version_of_kya() {
    let old_text = include_str!("../kya.toml");
    let mut new = without_error(old_text, "INSUFFICIENT_DEPOSIT");
    new = edit(
        &new,
        "code = \"KEY_ALREADY_EXISTS\"\nstatus = 409",
        "code = \"KEY_ALREADY_EXISTS\"\nstatus = 400",
    );
    new = edit(
        &new,
        "tier = \"u8\"\nlimit = \"u32\"\nretryAfter = \"u64\"",
        "tier = \"u8?\"\nlimit = \"u64\"\nretryAfter = \"u64\"\nwindow = \"string?\"",
    );
    new = edit(
        &new,
        "Wait for the duration specified in the Retry-After header before retrying.",
        "Wait as long as the Retry-After header says before retrying.",
    );
    new.push_str(
        "\n[[errors]]\ncode = \"FEEDBACK_DISABLED\"\nstatus = 403\nmessage = \"Feedback is disabled for agent {agentId}\"\nfields = { agentId = \"string\" }\n",
    );
    let old = load_str("kya.toml@v1", old_text).unwrap_or_else(|p| panic!("{p}"));
    let new = load_str("kya.toml", &new).unwrap_or_else(|p| panic!("{p}"));
    let report = render_text(&diff(&old, &new), &old, &new);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/kya_v2.diff.txt");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(path, &report).unwrap();
    }
    let golden = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        report, golden,
        "the report changed; rerun with BLESS=1 if that is right"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Removing any set of errors from any catalog reports exactly one
    /// `code-removed` per error removed (each at its place in the old
    /// catalog) and nothing else; the semver advice is then major.
    #[test]
    fn removing_errors_reports_each_and_nothing_else(
        which in 0usize..10,
        picks in proptest::collection::vec(proptest::prelude::any::<proptest::sample::Index>(), 1..6),
    ) {
        let all = all();
        let (file, _, c) = &all[which];
        let mut gone: Vec<usize> = picks.iter().map(|p| p.index(c.errors.len())).collect();
        gone.sort_unstable();
        gone.dedup();
        let mut new = c.clone();
        for &i in gone.iter().rev() {
            new.errors.remove(i);
        }
        let changes = diff(c, &new);
        let report = render_text(&changes, c, &new);
        proptest::prop_assert_eq!(changes.len(), gone.len(), "{}:\n{}", file, report);
        for (ch, &i) in changes.iter().zip(&gone) {
            proptest::prop_assert_eq!(ch.rule, Rule::CodeRemoved);
            let variant = format!("(variant `{}`)", c.errors[i].variant.value);
            proptest::prop_assert!(ch.message.contains(&variant), "{}", report);
        }
        proptest::prop_assert_eq!(error_catalog_model::diff::semver(&changes), error_catalog_model::diff::Bump::Major);
    }
}
