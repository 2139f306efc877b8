//! Rules of the `source` category.

use error_catalog_model::diff::Rule;

use crate::support::{edit, only, BASE};

#[test]
fn variant_renamed() {
    let new = edit(
        BASE,
        "code = \"NOT_FOUND\"",
        "code = \"NOT_FOUND\"\nvariant = \"CustomerMissing\"",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::VariantRenamed,
            vec!["new.toml:16:11: source variant-renamed: error `NOT_FOUND`: variant `NotFound` is now `CustomerMissing`".into()]
        )
    );
}

#[test]
fn field_rust_renamed() {
    let new = edit(
        BASE,
        "{ id = \"string\",",
        "{ id = { type = \"string\", rust = \"customer_id\" },",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::FieldRustRenamed,
            vec!["new.toml:19:43: source field-rust-renamed: error `NOT_FOUND`: field `id` is now `customer_id` in Rust (was `id`)".into()]
        )
    );
}

#[test]
fn field_retyped_when_widened() {
    let new = edit(BASE, "count = \"u32\"", "count = \"u64\"");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::FieldRetyped,
            vec!["new.toml:19:35: source field-retyped: error `NOT_FOUND`: field `count` was u32, is now u64 (it takes every value it took)".into()]
        )
    );
}

#[test]
fn field_retyped_when_made_optional() {
    let new = edit(BASE, "count = \"u32\"", "count = \"u32?\"");
    assert_eq!(
        only(BASE, &new),
        (
            Rule::FieldRetyped,
            vec!["new.toml:19:35: source field-retyped: error `NOT_FOUND`: field `count` was required, is now optional (an `Option` in Rust)".into()]
        )
    );
}

#[test]
fn field_added() {
    let new = edit(
        BASE,
        "hint = \"string?\" }",
        "hint = \"string?\", note = \"string?\" }",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::FieldAdded,
            vec![
                "new.toml:19:60: source field-added: error `NOT_FOUND`: optional field `note` (string?) was added".into(),
                "  help: Rust code that builds it with a struct literal, or matches it naming every field, must name `note` (or `..`)".into(),
            ]
        )
    );
}

#[test]
fn variant_added_to_an_exhaustive_enum() {
    let old = edit(
        BASE,
        "name = \"Shop\"",
        "name = \"Shop\"\nnon_exhaustive = false",
    );
    let new = format!("{old}\n[[errors]]\ncode = \"GONE\"\nstatus = 410\nmessage = \"Gone\"\n");
    assert_eq!(
        only(&old, &new),
        (
            Rule::VariantAdded,
            vec![
                "new.toml:29:8: source variant-added: error `GONE` (variant `Gone`) was added to `ShopError`, which is not `#[non_exhaustive]`".into(),
                "  help: a `match` on the enum outside its crate without a `_` arm no longer compiles; leave `non_exhaustive` at its default (true) to make additions compatible".into(),
            ]
        )
    );
}

#[test]
fn enum_renamed() {
    let new = edit(
        BASE,
        "name = \"Shop\"",
        "name = \"Shop\"\nenum_name = \"StoreError\"",
    );
    assert_eq!(
        only(BASE, &new),
        (
            Rule::EnumRenamed,
            vec![
                "new.toml:4:13: source enum-renamed: the enum `ShopError` is now `StoreError`"
                    .into()
            ]
        )
    );
}

#[test]
fn enum_made_non_exhaustive() {
    let old = edit(
        BASE,
        "name = \"Shop\"",
        "name = \"Shop\"\nnon_exhaustive = false",
    );
    assert_eq!(
        only(&old, BASE),
        (
            Rule::EnumMadeNonExhaustive,
            vec![
                "new.toml:1:1: source enum-made-non-exhaustive: the enum `ShopError` is now `#[non_exhaustive]`".into(),
                "  help: a `match` on it outside its crate needs a `_` arm".into(),
            ]
        )
    );
}

#[test]
fn type_removed() {
    let old = edit(
        BASE,
        "[types.Problem]",
        "[types.Unused]\nx = \"string\"\n\n[types.Problem]",
    );
    assert_eq!(
        only(&old, BASE),
        (
            Rule::TypeRemoved,
            vec!["old.toml:10:8: source type-removed: type `Unused` was removed".into()]
        )
    );
}
