//! The derive's and `catalog!`'s compile errors: its own (`err`) and the
//! model's diagnostics turned into them (`diag_to_syn`), each with its rule id.
//! A leaf module: it imports no other pass.

use proc_macro2::Span;

use error_catalog_model::diag::Diagnostic;
use error_catalog_model::model::{At, SourceFile};
use error_catalog_model::rules::Rule;

/// An error of the derive or `catalog!` breaking `rule`, printed after its id
/// (`error: [rule-id] message`).
pub(super) fn err(span: Span, rule: Rule, msg: impl std::fmt::Display) -> syn::Error {
    syn::Error::new(span, format!("[{}] {msg}", rule.id()))
}

/// A model diagnostic as a compile error at its Rust place, or at `fallback`
/// with the catalog file's `file:line:column` in the message.
pub(super) fn diag_to_syn(
    d: &Diagnostic,
    fallback: Span,
    file: Option<&SourceFile>,
    starts: &[usize],
) -> syn::Error {
    let span = crate::spans::span(&d.at).unwrap_or(fallback);
    // a note about a place in the Rust source becomes an error of its own,
    // spanned there; one in the catalog file is a line of the message
    let (d, syn_note) = match &d.note {
        Some((at, text)) if crate::spans::span(at).is_some() => {
            let mut main = d.clone();
            main.note = None;
            let s = crate::spans::span(at).unwrap_or(fallback);
            (main, Some(err(s, d.rule, format!("note: {text}"))))
        }
        _ => (d.clone(), None),
    };
    let msg = match &d.at {
        At::Rust(_) => d.render_body(None, &[]),
        _ => d.render_body(file, starts),
    };
    let mut e = err(
        span,
        d.rule,
        msg.replace("\n  help:", "\nhelp:")
            .replace("\n  note:", "\nnote:"),
    );
    if let Some(n) = syn_note {
        e.combine(n);
    }
    e
}
