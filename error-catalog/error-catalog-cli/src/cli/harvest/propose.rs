//! Proposals: one catalog entry for each group of unknown records, with its
//! count, its first record as `[[errors.examples]]`, a generated name, and
//! its message's inferred template; each is checked by loading the catalog
//! with it before it is offered.

use serde_json::{json, Value};

use super::group::{Group, Key};
use super::infer::{Inferred, Placeholder, PlaceholderType, LINKS};
use error_catalog_core::engine::Identity;
use error_catalog_model::model::Catalog;
use error_catalog_model::naming::{is_rust_ident, snake_case, upper_camel};

/// A field a proposal declares for one of its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDecl {
    /// Its wire name (the placeholder's name).
    pub wire: String,
    /// Its type as the catalog writes it (always optional: a message or body
    /// may lack it).
    pub ty: String,
    /// Where the body carries it, when not in the fields object.
    pub at: Option<String>,
}

/// A proposed catalog entry.
#[derive(Debug, Clone)]
pub struct Proposal {
    /// The code: the service's (a TOML integer in an integer-coded catalog),
    /// or a generated name for a service that sends none.
    pub code: String,
    /// The code is a generated name, not the service's.
    pub named: bool,
    /// An explicit variant, when the default one is taken or no identifier.
    pub variant: Option<String>,
    /// The status most of its records had.
    pub status: u16,
    /// The message template.
    pub message: String,
    /// The placeholders: (name, type, format).
    pub placeholders: Vec<(String, PlaceholderType, Option<&'static str>)>,
    /// The fields the placeholders name.
    pub fields: Vec<FieldDecl>,
    /// `matches = []` (a status-identified catalog) or `matches = [message]`
    /// (sent without a code in a code-identified one); `None` for the default.
    pub matches: Option<Vec<String>>,
    /// `code_in_body = false`.
    pub codeless: bool,
    /// `priority`: set when its pattern can match what a pattern of the
    /// catalog matches (a catch-all such as `{field}: {reason}`): the
    /// responses fell through those, and its fixed words are more specific.
    pub priority: Option<i64>,
    /// The first record as an example, when its body is JSON.
    pub example: Option<ExampleRecord>,
    /// Records in its group.
    pub count: u64,
    /// Records per status.
    pub statuses: Vec<(u16, u64)>,
    /// Where its first record was.
    pub first_seen: String,
    /// The entry as TOML text, a comment line first.
    pub toml: String,
}

/// A proposal's `[[errors.examples]]`: the first record of its group.
#[derive(Debug, Clone)]
pub struct ExampleRecord {
    /// Its status.
    pub status: u16,
    /// The headers the catalog reads (the code's header), as received.
    pub headers: Vec<(String, String)>,
    /// The body as received.
    pub body: String,
}

/// A group no entry is proposed for, and why.
#[derive(Debug, Clone)]
pub struct Unproposed {
    /// What the group is (`code X`, `HTTP 502`, a message).
    pub what: String,
    /// Records in it.
    pub count: u64,
    /// Where its first record was.
    pub first_seen: String,
    /// Why nothing is proposed.
    pub why: String,
}

/// The names already taken: codes, variants, and the envelope's field names.
struct Taken {
    /// Every code, and the reserved ones.
    codes: Vec<String>,
    /// The codes an entry takes whatever the body's other members (one
    /// without `when` conditions), and the reserved ones: a response with one
    /// of them that fell back says something else than a missing entry.
    catch_all: Vec<String>,
    variants: Vec<String>,
}

impl Taken {
    fn of(c: &Catalog) -> Taken {
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

/// Builds a proposal for each group (most records first), or says why not.
pub fn propose(c: &Catalog, groups: &[Group]) -> (Vec<Proposal>, Vec<Unproposed>) {
    let mut order: Vec<&Group> = groups.iter().collect();
    order.sort_by_key(|g| std::cmp::Reverse(g.count));
    let mut taken = Taken::of(c);
    let (mut out, mut not) = (Vec::new(), Vec::new());
    // under status identity, a status with one message shape gets an entry
    // found by the status alone; several shapes get one pattern each
    let shapes_at = |status: u16| {
        groups
            .iter()
            .filter(|g| matches!(g.key, Key::Message { status: s, .. } if s == status))
            .count()
    };
    for g in order {
        let by_status = match g.key {
            Key::Status(_) => true,
            Key::Message { status, .. } => {
                c.wire.identity == Identity::Status && shapes_at(status) == 1
            }
            _ => false,
        };
        match one(c, g, by_status, &mut taken) {
            Ok(p) => out.push(p),
            Err(why) => not.push(Unproposed {
                what: describe(&g.key),
                count: g.count,
                first_seen: g.first.1.to_string(),
                why,
            }),
        }
    }
    (out, not)
}

/// How a group's key reads in a report.
pub fn describe(key: &Key) -> String {
    match key {
        Key::Code(code) => format!("code `{code}`"),
        Key::Message { status, shape } => {
            format!("HTTP {status}, message `{}`", shape.replace('\u{1}', "…"))
        }
        Key::Status(s) => format!("HTTP {s}"),
        Key::Unidentified(s) => format!("HTTP {s} without code or message"),
    }
}

/// How a proposal reads in a report.
pub fn describe_proposal(p: &Proposal) -> String {
    format!(
        "code `{}` (HTTP {}, message `{}`)",
        p.code, p.status, p.message
    )
}

fn one(c: &Catalog, g: &Group, by_status: bool, taken: &mut Taken) -> Result<Proposal, String> {
    let identity = c.wire.identity;
    let shape = g.main_shape();
    let (record, origin) = shape.map_or(&g.first, |s| &s.first);
    let status = g.main_status();
    let inferred = shape.map(|s| s.shape.infer());
    let (code, named, codeless) = match &g.key {
        Key::Unidentified(_) => {
            return Err(
                "no code and no message: not the service's envelope (a proxy's page?)".into(),
            )
        }
        Key::Code(code) => {
            // a code whose entries all have `when` conditions takes a
            // catch-all entry after them (the one without conditions)
            if taken.catch_all.iter().any(|t| t == code) {
                let why = g.reason.as_deref().unwrap_or("it did not decode");
                return Err(format!(
                    "the catalog has code `{code}` (or reserves it); these responses fell back: {why}"
                ));
            }
            if c.wire.integer_codes && code.parse::<i64>().is_err() {
                return Err(format!(
                    "code `{code}` is not an integer, as the catalog's codes are"
                ));
            }
            (code.clone(), false, false)
        }
        Key::Message { .. } | Key::Status(_) => {
            let words = inferred
                .as_ref()
                .map(Inferred::fixed_words)
                .unwrap_or_default();
            let base = name_from_words(&words, status);
            let code = free_name(&base, taken);
            (code, true, identity == Identity::Code)
        }
    };
    // the template, and its placeholders' names and fields (a status-identified
    // catalog reads no values from messages: its message is text only)
    let body: Option<Value> = serde_json::from_slice(&record.body).ok();
    let mut placeholders = Vec::new();
    let mut fields = Vec::new();
    let message = match &inferred {
        Some(inf) if by_status => {
            let first = shape.map_or("", |s| s.shape.samples()[0].as_str());
            if inf.holes().next().is_none() {
                inf.template(&[])
            } else {
                first.replace('{', "{{").replace('}', "}}")
            }
        }
        Some(inf) => {
            let mut names: Vec<String> = Vec::new();
            for h in inf.holes() {
                let (name, decl) = name_hole(c, h, body.as_ref(), &names);
                placeholders.push((name.clone(), h.ty, h.format));
                fields.push(decl);
                names.push(name);
            }
            inf.template(&names)
        }
        None => format!("HTTP {status}: {code}")
            .replace('{', "{{")
            .replace('}', "}}"),
    };
    let matches = match &g.key {
        _ if by_status => Some(Vec::new()),
        Key::Message { .. } if codeless || identity == Identity::Status => {
            Some(vec![message.clone()])
        }
        _ => None,
    };
    let variant = if c.wire.integer_codes && !named {
        None
    } else {
        free_variant(&upper_camel(&code), taken)
    };
    taken.codes.push(code.clone());
    taken.catch_all.push(code.clone());
    taken
        .variants
        .push(variant.clone().unwrap_or_else(|| upper_camel(&code)));
    let example = body.as_ref().map(|_| {
        let headers = c
            .wire
            .code_header
            .as_ref()
            .and_then(|h| {
                record
                    .headers
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(&h.value))
                    .cloned()
            })
            .into_iter()
            .collect();
        ExampleRecord {
            status: record.status,
            headers,
            body: String::from_utf8_lossy(&record.body).into_owned(),
        }
    });
    let mut p = Proposal {
        code,
        named,
        variant,
        status,
        message,
        placeholders,
        fields,
        matches,
        codeless,
        priority: None,
        example,
        count: g.count,
        statuses: g.statuses.clone(),
        first_seen: origin.to_string(),
        toml: String::new(),
    };
    p.toml = to_toml(c, &p);
    Ok(p)
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
fn free_name(base: &str, taken: &Taken) -> String {
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
fn free_variant(default: &str, taken: &Taken) -> Option<String> {
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
fn usable(name: &str, c: &Catalog, used: &[String]) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
        && is_rust_ident(&snake_case(name))
        && snake_case(name) != "extra"
        && !used
            .iter()
            .any(|u| u == name || snake_case(u) == snake_case(name))
        && !c
            .wire
            .fields
            .iter()
            .any(|f| f.wire.value == name || f.rust.value == snake_case(name))
}

/// Names a placeholder and declares its field: after the body member that
/// carries its value (in the fields object, else anywhere but the code's and
/// the message's places), else after the word before it, else `value`.
fn name_hole(
    c: &Catalog,
    h: &Placeholder,
    body: Option<&Value>,
    used: &[String],
) -> (String, FieldDecl) {
    let fields_at: Option<Vec<String>> = c
        .wire
        .fields_at
        .as_ref()
        .filter(|p| !p.value.selects())
        .map(|p| p.value.segments.clone());
    let avoid: Vec<&Vec<String>> = [&c.wire.code, &c.wire.message]
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
            if !usable(key, c, used) {
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
        .find(|n| usable(n, c, used))
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

/// A TOML string: basic (`"…"`) when nothing needs escaping, else literal
/// (`'…'`) when it can be, else basic with escapes.
pub fn toml_str(s: &str) -> String {
    let plain = !s.chars().any(char::is_control);
    if plain && !s.contains(['"', '\\']) {
        return format!("\"{s}\"");
    }
    if plain && !s.contains('\'') {
        return format!("'{s}'");
    }
    if plain && !s.contains("'''") && !s.ends_with('\'') {
        return format!("'''{s}'''");
    }
    let mut out = String::from("\"");
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML key: bare when it can be.
pub fn toml_key(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        s.to_string()
    } else {
        toml_str(s)
    }
}

/// The entry as TOML text, led by a comment with its count and first record.
pub fn to_toml(c: &Catalog, p: &Proposal) -> String {
    let mut t = String::new();
    let statuses: Vec<String> = p
        .statuses
        .iter()
        .map(|(s, n)| format!("HTTP {s} ×{n}"))
        .collect();
    t.push_str(&format!(
        "# harvested: {} ({}), first at {}\n",
        super::count(p.count, "response", "responses"),
        statuses.join(", "),
        p.first_seen.replace('\n', " ")
    ));
    t.push_str("[[errors]]\n");
    if c.wire.integer_codes && !p.named {
        t.push_str(&format!("code = {}\n", p.code));
    } else {
        t.push_str(&format!("code = {}\n", toml_str(&p.code)));
    }
    if let Some(v) = &p.variant {
        t.push_str(&format!("variant = {}\n", toml_str(v)));
    }
    t.push_str(&format!("status = {}\n", p.status));
    t.push_str(&format!("message = {}\n", toml_str(&p.message)));
    if p.codeless {
        t.push_str("code_in_body = false\n");
    }
    if let Some(priority) = p.priority {
        t.push_str(&format!("priority = {priority}\n"));
    }
    if let Some(m) = &p.matches {
        let list: Vec<String> = m.iter().map(|s| toml_str(s)).collect();
        t.push_str(&format!("matches = [{}]\n", list.join(", ")));
    }
    if !p.fields.is_empty() {
        let decls: Vec<String> = p
            .fields
            .iter()
            .map(|f| match &f.at {
                None => format!("{} = {}", toml_key(&f.wire), toml_str(&f.ty)),
                Some(at) => format!(
                    "{} = {{ type = {}, at = {} }}",
                    toml_key(&f.wire),
                    toml_str(&f.ty),
                    toml_str(at)
                ),
            })
            .collect();
        t.push_str(&format!("fields = {{ {} }}\n", decls.join(", ")));
    }
    if let Some(ExampleRecord {
        status,
        headers,
        body,
    }) = &p.example
    {
        t.push_str("\n[[errors.examples]]\n");
        t.push_str(&format!("status = {status}\n"));
        if !headers.is_empty() {
            let hs: Vec<String> = headers
                .iter()
                .map(|(n, v)| format!("{} = {}", toml_key(n), toml_str(v)))
                .collect();
            t.push_str(&format!("headers = {{ {} }}\n", hs.join(", ")));
        }
        t.push_str(&format!("body = {}\n", toml_str(body)));
    }
    t
}

/// What `--json` prints of a proposal.
pub fn proposal_json(p: &Proposal) -> Value {
    json!({
        "code": p.code,
        "named": p.named,
        "variant": p.variant,
        "status": p.status,
        "count": p.count,
        "statuses": p.statuses.iter().map(|(s, n)| json!({"status": s, "count": n})).collect::<Vec<_>>(),
        "message": p.message,
        "placeholders": p.placeholders.iter().map(|(n, t, f)| json!({"name": n, "type": t.name(), "format": f})).collect::<Vec<_>>(),
        "first_seen": p.first_seen,
        "toml": p.toml,
    })
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

    #[test]
    fn toml_strings() {
        assert_eq!(toml_str(r#"{"a": 1}"#), r#"'{"a": 1}'"#);
        assert_eq!(toml_str("it's"), r#""it's""#);
        assert_eq!(toml_str("a-b_1"), r#""a-b_1""#);
        assert_eq!(toml_key("a-b_1"), "a-b_1");
        assert_eq!(toml_key("a.b"), r#""a.b""#);
        assert_eq!(toml_str("it's \"x\"\n"), r#""it's \"x\"\n""#);
        assert_eq!(toml_str(r#"{"m": "it's"}"#), r#"'''{"m": "it's"}'''"#);
    }
}
