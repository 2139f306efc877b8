//! Rules of the `compatible` category.

use error_catalog_model::diff::Rule;

use crate::support::{edit, only, BASE};

#[test]
fn code_added() {
    let new = format!("{BASE}\n[[errors]]\ncode = \"GONE\"\nstatus = 410\nmessage = \"Gone\"\n");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::CodeAdded,
            vec![
                "new.toml:28:8: compatible code-added: error `GONE` (variant `Gone`) was added"
                    .into()
            ]
        )
    );
}

#[test]
fn type_added() {
    let new = edit(
        BASE,
        "[types.Problem]",
        "[types.Unused]\nx = \"string\"\n\n[types.Problem]",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::TypeAdded,
            vec!["new.toml:10:8: compatible type-added: type `Unused` was added".into()]
        )
    );
}

#[test]
fn identity_widened() {
    let old = edit(
        BASE,
        "status = 404",
        "status = 404\nwhen = { \"/error/kind\" = \"customer\" }",
    );
    assert_eq!(
        only(&old, BASE),
        (
            Rule::IdentityWidened,
            vec!["new.toml:14:1: compatible identity-widened: error `NOT_FOUND`: it no longer needs `/error/kind` = \"customer\"".into()]
        )
    );
}

#[test]
fn enum_made_exhaustive() {
    let new = edit(
        BASE,
        "name = \"Shop\"",
        "name = \"Shop\"\nnon_exhaustive = false",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::EnumMadeExhaustive,
            vec!["new.toml:4:18: compatible enum-made-exhaustive: the enum `ShopError` is no longer `#[non_exhaustive]`".into()]
        )
    );
}

#[test]
fn retry_changed() {
    let new = edit(BASE, "status = 422", "status = 422\nretry = \"backoff\"");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::RetryChanged,
            vec!["new.toml:21:1: compatible retry-changed: error `INVALID`: retry advice was `never`, is now `backoff`".into()]
        )
    );
}

#[test]
fn doc_changed() {
    let new = edit(BASE, "No customer has this id.", "No customer has that id.");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::DocChanged,
            vec![
                "new.toml:14:1: compatible doc-changed: error `NOT_FOUND`: `cause` changed".into()
            ]
        )
    );
}

#[test]
fn reserved_added() {
    let new = format!("reserved = [{{ code = \"OLD\", reason = \"retired in v2\" }}]\n{BASE}");
    let (rule, lines) = only(BASE, &new);
    assert_eq!(rule, Rule::ReservedAdded);
    assert_eq!(
        lines,
        ["new.toml:1:22: compatible reserved-added: code `OLD` is now reserved"]
    );
}

#[test]
fn reserved_removed() {
    let old = format!("reserved = [\"OLD\"]\n{BASE}");
    assert_eq!(
        only(&old, BASE),
        (
            Rule::ReservedRemoved,
            vec![
                "old.toml:1:13: compatible reserved-removed: code `OLD` is no longer reserved"
                    .into(),
                "  help: an error may now take this code, with a meaning old clients do not expect"
                    .into(),
            ]
        )
    );
}
