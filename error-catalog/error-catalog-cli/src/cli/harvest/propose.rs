//! Proposals: one catalog entry for each group of unknown records, with its
//! count, its first record as `[[errors.examples]]`, a generated name, and
//! its message's inferred template; each is checked by loading the catalog
//! with it before it is offered.

use serde_json::{json, Value};

use super::group::{Group, Key};
use super::infer::{Inferred, PlaceholderType};
use super::names::{free_name, free_variant, name_from_words, name_hole, Taken};
use super::write::to_toml;
use error_catalog_core::engine::Identity;
use error_catalog_model::model::Catalog;
use error_catalog_model::naming::upper_camel;

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
    /// The `[wire.envelopes]` envelope its records come in (`None`: `[wire]`).
    pub envelope: Option<String>,
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
    /// Records whose message had another shape than the template's (a
    /// code sent with several wordings), with one such message.
    pub other_messages: Option<(u64, String)>,
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

/// How many of a group's records had a message of another shape than its
/// main one, with the first such message.
fn other_messages(g: &Group) -> Option<(u64, String)> {
    let main = g.main_shape()?;
    let others: u64 = g
        .shapes
        .iter()
        .filter(|s| s.key != main.key)
        .map(|s| s.count)
        .sum::<u64>()
        + g.other_shapes;
    let example = g.shapes.iter().find(|s| s.key != main.key)?;
    Some((others, example.shape.samples()[0].clone()))
}

/// How a proposal reads in a report.
pub fn describe_proposal(p: &Proposal) -> String {
    format!(
        "code `{}` (HTTP {}, message `{}`)",
        p.code, p.status, p.message
    )
}

fn one(c: &Catalog, g: &Group, by_status: bool, taken: &mut Taken) -> Result<Proposal, String> {
    let shape = g.main_shape();
    let (record, origin) = shape.map_or(&g.first, |s| &s.first);
    let body: Option<Value> = serde_json::from_slice(&record.body).ok();
    // (the envelope the decoder read the records in: its pointers name the fields)
    let envelope = g.envelope.filter(|k| *k < c.wire.envelopes.len());
    let wire = envelope.map_or(&c.wire, |k| &c.wire.envelopes[k].wire);
    let identity = c.wire.identity;
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
            if wire.integer_codes && code.parse::<i64>().is_err() {
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
                let (name, decl) = name_hole(wire, h, body.as_ref(), &names);
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
    let variant = if wire.integer_codes && !named {
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
        envelope: envelope.map(|k| c.wire.envelopes[k].name.value.clone()),
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
        other_messages: other_messages(g),
        toml: String::new(),
    };
    p.toml = to_toml(c, &p);
    Ok(p)
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
        "other_messages": p.other_messages.as_ref().map(|(n, m)| json!({"count": n, "example": m})),
        "toml": p.toml,
    })
}
