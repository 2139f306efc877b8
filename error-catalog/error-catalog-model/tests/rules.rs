//! The rule table against its documentation and its tests: every rule has a
//! section in `catalogs/error-catalog-services/FORMAT.md` that gives its explanation, no section
//! names an unknown rule, and every rule is produced by some test.

use std::path::{Path, PathBuf};

use error_catalog_model::rules::Rule;

/// The workspace's root, two folders above this crate.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Each `#### `rule-id`: …` heading of FORMAT.md's `## Rules` section, with
/// the text up to the next heading.
fn format_sections() -> Vec<(String, String)> {
    let path = root().join("catalogs/error-catalog-services/FORMAT.md");
    let doc =
        std::fs::read_to_string(&path).expect("read catalogs/error-catalog-services/FORMAT.md");
    let rules = doc
        .split("\n## Rules\n")
        .nth(1)
        .expect("FORMAT.md has a `## Rules` section");
    let rules = rules.split("\n## ").next().unwrap_or_default();
    let mut out = Vec::new();
    for part in rules.split("\n#### ").skip(1) {
        let (heading, body) = part.split_once('\n').unwrap_or((part, ""));
        let id = heading
            .strip_prefix('`')
            .and_then(|h| h.split_once('`'))
            .map_or(heading, |(id, _)| id);
        let body = body.split("\n#").next().unwrap_or_default();
        out.push((id.to_string(), body.trim().to_string()));
    }
    out
}

#[test]
fn every_rule_has_a_format_section_with_its_explanation() {
    let sections = format_sections();
    for rule in Rule::ALL {
        let found: Vec<&(String, String)> =
            sections.iter().filter(|(id, _)| id == rule.id()).collect();
        assert_eq!(
            found.len(),
            1,
            "rule `{}` needs one `#### `{}`` section in catalogs/error-catalog-services/FORMAT.md",
            rule.id(),
            rule.id()
        );
        assert_eq!(
            found[0].1,
            rule.explanation(),
            "the section of `{}` in FORMAT.md says what `explain` says",
            rule.id()
        );
    }
    for (id, _) in &sections {
        assert!(
            Rule::from_id(id).is_some(),
            "FORMAT.md has a section for `{id}`, which is no rule"
        );
    }
}

#[test]
fn rule_ids_are_kebab_case_and_distinct() {
    let mut seen = std::collections::HashSet::new();
    for rule in Rule::ALL {
        let id = rule.id();
        assert!(
            !id.is_empty()
                && !id.starts_with('-')
                && !id.ends_with('-')
                && !id.contains("--")
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "`{id}` is not kebab-case"
        );
        assert!(seen.insert(id), "`{id}` is the id of two rules");
        assert_eq!(Rule::from_id(id), Some(*rule));
    }
}

/// The text of every file under `dir` whose name ends with one of `exts`.
fn texts_under(dir: &Path, exts: &[&str], out: &mut Vec<(PathBuf, String)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            texts_under(&path, exts, out);
        } else if exts.iter().any(|e| path.to_string_lossy().ends_with(e)) {
            if let Ok(text) = std::fs::read_to_string(&path) {
                out.push((path, text));
            }
        }
    }
}

/// True when `text` names `Rule::Variant` as a whole word.
fn names_variant(text: &str, rule: Rule) -> bool {
    let needle = format!("Rule::{}", rule.variant_name());
    text.match_indices(&needle).any(|(i, _)| {
        !text[i + needle.len()..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

#[test]
fn every_rule_has_a_test() {
    let root = root();
    // tests that assert a rule by name (`expect(text, &[Rule::X])`)
    let mut sources = Vec::new();
    for crate_dir in ["error-catalog-model", "error-catalog-cli"] {
        texts_under(
            &root.join("error-catalog").join(crate_dir).join("tests"),
            &[".rs"],
            &mut sources,
        );
    }
    sources.retain(|(p, _)| !p.ends_with("tests/rules.rs"));
    // unit tests of the model (what follows `#[cfg(test)]` in a source file)
    let mut src = Vec::new();
    texts_under(
        &root.join("error-catalog/error-catalog-model/src"),
        &[".rs"],
        &mut src,
    );
    sources.extend(src.into_iter().filter_map(|(p, t)| {
        t.split_once("#[cfg(test)]")
            .map(|(_, tests)| (p, tests.to_string()))
    }));
    // compile-fail cases whose expected output shows the rule (`[rule-id]`)
    let mut stderr = Vec::new();
    texts_under(&root.join("tests/ui/fail"), &[".stderr"], &mut stderr);
    assert!(!stderr.is_empty(), "no UI cases found under tests/ui/fail");
    let untested: Vec<&str> = Rule::ALL
        .iter()
        .filter(|r| {
            let tag = format!("[{}]", r.id());
            !sources.iter().any(|(_, t)| names_variant(t, **r))
                && !stderr.iter().any(|(_, t)| t.contains(&tag))
        })
        .map(|r| r.id())
        .collect();
    assert!(
        untested.is_empty(),
        "rules no test produces (assert them with `expect(text, &[Rule::X])` in tests/validation/, or add tests/ui/fail/<category>/<rule-id>.rs): {untested:?}"
    );
}
