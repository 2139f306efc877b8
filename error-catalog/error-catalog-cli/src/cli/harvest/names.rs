//! Names: a generated code for an error the service sends without one, a
//! free variant, and each placeholder's name and field (after the body
//! member carrying its value, else the word before it).

use serde_json::Value;

use super::infer::{Placeholder, PlaceholderType, LINKS};
use super::propose::FieldDecl;
use error_catalog_model::model::{Catalog, Wire};
use error_catalog_model::naming::{is_rust_ident, snake_case, upper_camel};

/// The names already taken: codes, variants, and the envelope's field names.
pub struct Taken {
    /// Every code, and the reserved ones.
    pub codes: Vec<String>,
    /// The codes an entry takes whatever the body's other members (one
    /// without `when` conditions), and the reserved ones: a response with one
    /// of them that fell back says something else than a missing entry.
    pub catch_all: Vec<String>,
    /// Every variant.
    pub variants: Vec<String>,
}

impl Taken {
    /// What `c` takes.
    pub fn of(c: &Catalog) -> Taken {
        let reserved = c.reserved.iter().map(|r| r.code.value.clone());
        Taken {
            codes: c
                .errors
                .iter()
                .map(|e| e.code.value.clone())
                .chain(reserved.clone())
                .collect(),
            catch_all: c
                .errors
                .iter()
                .filter(|e| e.when.is_empty() && e.when_headers.is_empty())
                .map(|e| e.code.value.clone())
                .chain(reserved)
                .collect(),
            variants: c.errors.iter().map(|e| e.variant.value.clone()).collect(),
        }
    }
}

/// A snake_case name from a message's fixed words (`Customer {id} not found`
/// → `customer_not_found`), at most six words; `http_404` when it has none.
pub fn name_from_words(words: &[String], status: u16) -> String {
    let mut words: Vec<String> = words
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric()))
        .take(6)
        .collect();
    // `session_expired`, not `session_expired_for`
    while words.len() > 1 && words.last().is_some_and(|w| LINKS.contains(&w.as_str())) {
        words.pop();
    }
    let name = words.join("_");
    if name.starts_with(|c: char| c.is_ascii_lowercase()) {
        name
    } else {
        format!("http_{status}")
    }
}

/// `base`, or `base_2`, `base_3`… : the first whose code and variant are free.
pub fn free_name(base: &str, taken: &Taken) -> String {
    (1..)
        .map(|i| match i {
            1 => base.to_string(),
            _ => format!("{base}_{i}"),
        })
        .find(|n| {
            !taken.codes.iter().any(|t| t == n)
                && !taken.variants.iter().any(|v| *v == upper_camel(n))
        })
        .unwrap_or_else(|| base.to_string())
}

/// `None` when the default variant is a free identifier; else a free one.
pub fn free_variant(default: &str, taken: &Taken) -> Option<String> {
    let free = |v: &str| is_rust_ident(v) && !taken.variants.iter().any(|t| t == v);
    if free(default) {
        return None;
    }
    let stem = if default.starts_with(|c: char| c.is_ascii_alphabetic()) {
        default.to_string()
    } else {
        format!("Error{default}")
    };
    (1..)
        .map(|i| match i {
            1 => stem.clone(),
            _ => format!("{stem}{i}"),
        })
        .find(|v| free(v))
}

/// True for a name a placeholder and a field can both have.
fn usable(name: &str, wire: &Wire, used: &[String]) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
        && is_rust_ident(&snake_case(name))
        && snake_case(name) != "extra"
        && !used
            .iter()
            .any(|u| u == name || snake_case(u) == snake_case(name))
        && !wire
            .fields
            .iter()
            .any(|f| f.wire.value == name || f.rust.value == snake_case(name))
}

/// Names a placeholder and declares its field: after the body member that
/// carries its value (in the fields object, else anywhere but the code's and
/// the message's places), else after the word before it, else `value`.
pub fn name_hole(
    wire: &Wire,
    h: &Placeholder,
    body: Option<&Value>,
    used: &[String],
) -> (String, FieldDecl) {
    let fields_at: Option<Vec<String>> = wire
        .fields_at
        .as_ref()
        .filter(|p| !p.value.selects())
        .map(|p| p.value.segments.clone());
    let avoid: Vec<&Vec<String>> = [&wire.code, &wire.message]
        .into_iter()
        .flatten()
        .map(|p| &p.value.segments)
        .collect();
    if let Some(body) = body {
        let mut found = Vec::new();
        find_member(body, &h.first, &mut Vec::new(), &avoid, &mut found);
        // the fields object's own members first
        found.sort_by_key(|(path, _)| {
            let direct = fields_at
                .as_ref()
                .is_some_and(|f| path.len() == f.len() + 1 && path.starts_with(f));
            !direct
        });
        for (path, ty) in found {
            let Some(key) = path.last() else { continue };
            if !usable(key, wire, used) {
                continue;
            }
            let direct = fields_at
                .as_ref()
                .is_some_and(|f| path.len() == f.len() + 1 && path.starts_with(f));
            let at = (!direct).then(|| {
                path.iter()
                    .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
                    .collect::<String>()
            });
            return (
                key.clone(),
                FieldDecl {
                    wire: key.clone(),
                    ty: format!("{ty}?"),
                    at,
                },
            );
        }
    }
    let word = h
        .word_before
        .as_deref()
        .map(snake_case)
        .filter(|w| !w.is_empty() && w.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'));
    let base = match (h.format, h.ty, word) {
        (Some("email"), _, _) => "email".to_string(),
        (_, _, None) => "value".to_string(),
        (_, PlaceholderType::Number, Some(w)) => format!("{w}_value"),
        (_, _, Some(w)) if w == "id" || w.ends_with("_id") => w,
        (_, _, Some(w)) => format!("{w}_id"),
    };
    let name = (1..)
        .map(|i| match i {
            1 => base.clone(),
            _ => format!("{base}_{i}"),
        })
        .find(|n| usable(n, wire, used))
        .unwrap_or(base);
    (
        name.clone(),
        FieldDecl {
            wire: name,
            ty: format!("{}?", h.ty.field_type()),
            at: None,
        },
    )
}

/// Every member of `v` (through objects) whose value reads as `text`, as
/// (path, catalog type).
fn find_member(
    v: &Value,
    text: &str,
    path: &mut Vec<String>,
    avoid: &[&Vec<String>],
    out: &mut Vec<(Vec<String>, &'static str)>,
) {
    let Value::Object(map) = v else { return };
    for (k, child) in map {
        path.push(k.clone());
        if !avoid.iter().any(|a| **a == *path) {
            let ty = match child {
                Value::String(s) if s == text => Some("string"),
                Value::Number(n) if n.to_string() == text => {
                    Some(if n.is_f64() { "f64" } else { "i64" })
                }
                Value::Object(_) => {
                    find_member(child, text, path, avoid, out);
                    None
                }
                _ => None,
            };
            if let Some(ty) = ty {
                out.push((path.clone(), ty));
            }
        }
        path.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_words() {
        let w = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        assert_eq!(
            name_from_words(&w("Customer not found"), 404),
            "customer_not_found"
        );
        assert_eq!(name_from_words(&w("— ?"), 502), "http_502");
        assert_eq!(
            name_from_words(&w("Session expired for"), 409),
            "session_expired"
        );
        assert_eq!(name_from_words(&w("a b c d e f g h"), 400), "a_b_c_d_e_f");
    }
}
