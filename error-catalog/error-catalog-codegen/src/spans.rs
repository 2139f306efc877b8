//! The Rust-source places of a model built from derive attributes. The model
//! holds `At::Rust(n)`, a number; this table, kept per thread (a proc macro
//! runs on one), holds the spans those numbers stand for.

use std::cell::RefCell;

use proc_macro2::Span;

use error_catalog_model::model::At;

thread_local! {
    static SPANS: RefCell<Vec<Span>> = const { RefCell::new(Vec::new()) };
}

/// Forgets the spans of an earlier expansion (a new one starts).
pub(super) fn clear() {
    SPANS.with(|s| s.borrow_mut().clear());
}

/// The place of `span` in the model.
pub(super) fn at(span: Span) -> At {
    SPANS.with(|s| {
        let mut s = s.borrow_mut();
        s.push(span);
        At::Rust(u32::try_from(s.len() - 1).unwrap_or(u32::MAX))
    })
}

/// The span a place in Rust source stands for; `None` for any other place
/// (or one this expansion did not make).
pub(super) fn span(at: &At) -> Option<Span> {
    match at {
        At::Rust(n) => SPANS.with(|s| s.borrow().get(usize::try_from(*n).ok()?).copied()),
        _ => None,
    }
}
