//! One test per `diff` rule: an old catalog, a new one, and the exact report
//! line (`file:line:column: categories rule: message`, with its help line).
//! The catalogs are [`BASE`] with one edit; positions count lines of the
//! literal (`[service]` is line 1).

mod compatible;
mod source;
mod support;
mod whole_report;
mod wire;

use error_catalog_model::diff::Rule;
use support::{report, BASE};

#[test]
fn same_catalog_reports_nothing() {
    assert!(report(BASE, BASE).is_empty());
}

#[test]
fn every_rule_has_a_test_here() {
    let sources = [
        include_str!("wire.rs"),
        include_str!("source.rs"),
        include_str!("compatible.rs"),
        include_str!("whole_report.rs"),
    ];
    for rule in Rule::ALL {
        let name = format!("Rule::{rule:?}");
        assert!(
            sources.iter().any(|source| source.contains(&name)),
            "no test asserts {name} (`{}`)",
            rule.name()
        );
    }
}
