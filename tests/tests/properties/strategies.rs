//! Value strategies for detail fields, messages and extras.

use std::fmt::Debug;

use error_catalog::Extra;
use proptest::prelude::*;
use proptest::strategy::Union;
use serde_json::Value;

use crate::harness::{said, Subject};

/// Any text: arbitrary Unicode, and short strings dense in the characters JSON and
/// templates treat specially (quotes, backslashes, braces, controls, separators).
pub(crate) fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => any::<String>(),
        2 => "[a-z0-9 ]{0,12}",
        3 => r#"[\\"{}\[\]/~:.,() \x{0}-\x{1f}\x{7f}\x{2028}\x{fffd}é✓😀a-c]{0,16}"#,
        1 => Just(String::new()),
    ]
    .boxed()
}

/// Text made of the literals AIronClaw's message patterns are built from, so that
/// captured fields often hold separators and look-alike prefixes.
pub(crate) fn pattern_text() -> BoxedStrategy<String> {
    const PIECES: &[&str] = &[
        ": ",
        ":",
        " ",
        "auth.jwksJson",
        "auth.jwksJson: ",
        "MCP limit reached (",
        "API key limit reached (",
        "/",
        "). ",
        ")",
        ".",
        "tools[",
        "] not found on this MCP server",
        "0",
        "42",
        "-1",
        "{x}",
        "{{",
        "é",
        "",
    ];
    prop_oneof![
        1 => text(),
        2 => prop::collection::vec(prop::sample::select(PIECES), 0..6).prop_map(|p| p.concat()),
    ]
    .boxed()
}

pub(crate) fn finite_f64() -> BoxedStrategy<f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |f| f.is_finite()),
        Just(0.0),
        Just(-0.0),
        Just(f64::MAX),
        Just(f64::MIN),
        Just(f64::MIN_POSITIVE),
        Just(5e-324),
        Just(0.1 + 0.2),
    ]
    .boxed()
}

/// Any JSON value (finite numbers only), a few levels deep.
pub(crate) fn json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        finite_f64().prop_map(Value::from),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// `Option<Value>` that can travel: never `Some(null)`.
pub(crate) fn opt_json() -> BoxedStrategy<Option<Value>> {
    proptest::option::of(json().prop_filter("Some(null) reads back as None", |v| !v.is_null()))
        .boxed()
}

pub(crate) fn opt<T: Debug + Clone + 'static>(
    s: impl Strategy<Value = T> + 'static,
) -> BoxedStrategy<Option<T>> {
    proptest::option::of(s).boxed()
}

/// A received message, or none.
pub(crate) fn message() -> BoxedStrategy<Option<String>> {
    opt(text())
}

pub(crate) fn x() -> Extra {
    Extra::default()
}

pub(crate) fn said_extra(m: &str) -> Extra {
    let mut e = Extra::default();
    e.set_message(m);
    e
}

/// The union of per-variant strategies, each value given a received message or not.
pub(crate) fn with_messages<E: Subject + 'static>(
    variants: Vec<BoxedStrategy<E>>,
) -> BoxedStrategy<E> {
    (Union::new(variants), message())
        .prop_map(|(e, m)| said(e, m))
        .boxed()
}
