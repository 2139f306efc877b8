//! A response as a catalog loaded at run time reads it (what the CLI's
//! `classify` prints), decoded through the decoder generated code calls
//! ([`error_catalog_core::decode::decode`]): the tables are built here from the
//! catalog instead of being emitted as `static` data, and fields are read into
//! JSON values by the readers generated code uses for their types.

use std::borrow::Cow;
use std::fmt;

use serde_json::{Map, Value};

use crate::layout::Place;
use crate::model::{Catalog, ErrorEntry, Field};
use crate::plan::{lower, FieldSpec, PlanBuf};
use error_catalog_core::decode::{
    self, Decode, EnvelopeText, Fallback, FieldAt, KeepExtra, ObjectShape,
};
use error_catalog_core::engine::Captured;
use error_catalog_core::headers::HeaderLookup;
use error_catalog_core::raw_members::RawMembers;
use error_catalog_core::template::{Segment, Template};

/// What a response turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The catalog entry, when one was recognised and its fields decoded.
    pub entry: Option<usize>,
    /// The code found in the body.
    pub code: Option<String>,
    /// The message found in the body.
    pub message: Option<String>,
    /// The entry's fields by wire name (absent optional fields left out).
    pub fields: Map<String, Value>,
    /// Members the entry does not declare, by JSON pointer; a body that was
    /// not read (not JSON, the status identified the error) under `""`.
    pub extras: Vec<(String, Value)>,
    /// The optional fields whose value could not be read as their type, as
    /// (JSON pointer, reason): each is left out of `fields`, and its value is
    /// in `extras` under the same pointer.
    pub unread: Vec<(String, String)>,
    /// Why it is not a known error, for the fallback.
    pub reason: Option<String>,
    /// The envelope the body was read in: `None` for `[wire]`, else the
    /// index of one of `[wire.envelopes]` (the entry's, for a known error).
    pub envelope: Option<usize>,
}

/// The fields of `e` in the order generated enums declare them: its own, then the envelope's.
pub fn fields_of<'c>(c: &'c Catalog, e: &'c ErrorEntry) -> Vec<&'c Field> {
    e.fields.iter().chain(&c.wire_of(e).fields).collect()
}

/// True when `body` received with `status` is a success by the catalog's
/// rule (`[wire] success`, or any 2xx whose body does not carry the code): the
/// check generated `FromResponse::is_success` makes, through the same
/// [`error_catalog_core::success::SuccessRule`].
///
/// ```
/// let slack = error_catalog_model::load_str("slack.toml", r#"
/// [service]
/// id = "slack"
/// name = "Slack"
/// [wire]
/// code = "/error"
/// success = { "/ok" = true }
/// [[errors]]
/// code = "channel_not_found"
/// status = 200
/// message = "Channel not found"
/// "#).unwrap();
/// use error_catalog_model::response::is_success;
/// assert!(is_success(&slack, 200, br#"{"ok": true}"#));
/// assert!(!is_success(&slack, 200, br#"{"ok": false, "error": "channel_not_found"}"#));
/// ```
pub fn is_success(c: &Catalog, status: u16, body: &[u8]) -> bool {
    let crate::layout::Success {
        marks,
        marker: code,
    } = crate::layout::success_rule(&c.wire);
    let segments: Vec<Vec<&str>> = marks
        .iter()
        .map(|(p, _)| p.iter().map(String::as_str).collect())
        .collect();
    let marks: Vec<(&[&str], &str)> = segments
        .iter()
        .zip(&marks)
        .map(|(p, (_, v))| (p.as_slice(), v.as_str()))
        .collect();
    let code: Option<Vec<&str>> = code
        .as_ref()
        .map(|c| c.iter().map(String::as_str).collect());
    error_catalog_core::success::SuccessRule {
        marks: &marks,
        marker: code.as_deref(),
    }
    .is_success(status, body)
}

/// Decodes `body` received with `status`: which entry it is (classified by
/// the catalog's identity), its fields, what it keeps, or why it is none.
///
/// ```
/// let shop = error_catalog_model::load_str("shop.toml", r#"
/// [service]
/// id = "shop"
/// name = "Shop API"
/// [wire]
/// preset = "nested"
/// [[errors]]
/// code = "NOT_FOUND"
/// status = 404
/// message = "Customer {id} not found"
/// fields = { id = "string" }
/// "#).unwrap();
/// let body = br#"{"error": {"code": "NOT_FOUND", "message": "Customer 7 not found", "id": "7"}}"#;
/// let r = error_catalog_model::response::decode(&shop, 404, body);
/// assert_eq!(shop.errors[r.entry.unwrap()].code.value, "NOT_FOUND");
/// assert_eq!(r.fields["id"], "7");
/// ```
pub fn decode(c: &Catalog, status: u16, body: &[u8]) -> Response {
    decode_with(c, status, &(), body)
}

/// [`decode`] with the response's headers, for entries told apart by a
/// header (`when_header`); what generated code's `from_parts` does.
pub fn decode_with(c: &Catalog, status: u16, headers: &dyn HeaderLookup, body: &[u8]) -> Response {
    with_decoder(c, |decode| decode(status, headers, body))
}

/// A function that decodes one response (status, headers, body) with tables
/// built once: what [`with_decoder`] lends.
pub type DecodeFn<'f> = dyn Fn(u16, &dyn HeaderLookup, &[u8]) -> Response + 'f;

/// Builds `c`'s decoding tables once and calls `f` with a function that
/// decodes responses with them: for decoding many responses, where
/// [`decode_with`] would build the tables for each.
///
/// ```
/// let shop = error_catalog_model::load_str("shop.toml", r#"
/// [service]
/// id = "shop"
/// name = "Shop API"
/// [wire]
/// preset = "nested"
/// [[errors]]
/// code = "NOT_FOUND"
/// status = 404
/// message = "Not found"
/// "#).unwrap();
/// let bodies: [&[u8]; 2] = [br#"{"error": {"code": "NOT_FOUND", "message": "Not found"}}"#, b"oops"];
/// let entries = error_catalog_model::response::with_decoder(&shop, |decode| {
///     bodies.map(|b| decode(404, &(), b).entry)
/// });
/// assert_eq!(entries, [Some(0), None]);
/// ```
pub fn with_decoder<R>(c: &Catalog, f: impl FnOnce(&DecodeFn<'_>) -> R) -> R {
    let plan = lower(c, |_, e| {
        fields_of(c, e)
            .into_iter()
            .map(|f| FieldSpec {
                wire: &f.wire.value,
                at: f.at_ptr.as_ref().map(|p| &p.value),
                ty: f.ty.value,
            })
            .collect()
    });
    let shapes = c.shapes();
    plan.with_plan(|tables| {
        let reader = Reader {
            catalog: c,
            plan: &plan,
            shapes: &shapes,
        };
        let one = |status: u16, headers: &dyn HeaderLookup, body: &[u8]| {
            decode::decode::<Outcome<'_>>(Some(status), body, tables, headers, &reader)
                .into_response(c)
        };
        f(&one)
    })
}

/// What the CLI builds a record with: its catalog, its plan (where each
/// entry's fields are, by the plan of the entry's envelope) and the catalog's
/// object types.
struct Reader<'c> {
    catalog: &'c Catalog,
    plan: &'c PlanBuf,
    shapes: &'c [ObjectShape<'c>],
}

impl Outcome<'_> {
    /// The response the CLI reports, of catalog `c`.
    fn into_response(self, c: &Catalog) -> Response {
        match self {
            Outcome::Known(r) => {
                let mut extras: Vec<(String, Value)> = r
                    .extra
                    .members
                    .iter()
                    .map(|(p, raw)| {
                        (
                            p.to_string(),
                            serde_json::from_str(raw).unwrap_or(Value::Null),
                        )
                    })
                    .collect();
                if let Some(body) = r.extra.body {
                    extras.push((String::new(), Value::String(body)));
                }
                Response {
                    entry: Some(r.entry),
                    code: r.code,
                    message: r.message,
                    fields: r.fields,
                    extras,
                    unread: r.extra.unread,
                    reason: None,
                    envelope: c
                        .errors
                        .get(r.entry)
                        .and_then(|e| e.envelope.as_ref())
                        .map(|i| i.value),
                }
            }
            Outcome::Fallback {
                code,
                message,
                reason,
                envelope,
            } => Response {
                entry: None,
                code,
                message,
                fields: Map::new(),
                extras: Vec::new(),
                unread: Vec::new(),
                reason: Some(reason),
                envelope: envelope.checked_sub(1).map(usize::from),
            },
        }
    }
}

/// What the CLI decodes a response into.
enum Outcome<'c> {
    /// A known error.
    Known(Record<'c>),
    /// The fallback.
    Fallback {
        code: Option<String>,
        message: Option<String>,
        reason: String,
        envelope: u8,
    },
}

/// A known error: its entry, its fields as JSON values, what it keeps.
struct Record<'c> {
    entry: usize,
    /// The entry itself (its envelope texts).
    declared: &'c ErrorEntry,
    /// The entry's message template.
    template: &'c str,
    /// The code and the message as the body carried them.
    code: Option<String>,
    message: Option<String>,
    fields: Map<String, Value>,
    extra: Extra,
}

/// What a record keeps beyond its fields.
#[derive(Default)]
struct Extra {
    members: RawMembers,
    body: Option<String>,
    unread: Vec<(String, String)>,
}

impl KeepExtra for Extra {
    fn keep_members(&mut self, members: RawMembers) {
        self.members = members;
    }
    /// (the record has the message as received already)
    fn keep_message(&mut self, _: &str) {}
    fn keep_body(&mut self, body: &[u8]) {
        self.body = Some(String::from_utf8_lossy(body).into_owned());
    }
    fn keep_unread(&mut self, pointer: &str, reason: &str) {
        self.unread.push((pointer.to_string(), reason.to_string()));
    }
}

/// A field's value as the generated enum's `Display` shows it.
fn show(v: &Value, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match v {
        Value::String(s) => f.write_str(s),
        Value::Number(n) if n.is_f64() => match n.as_f64() {
            Some(x) => fmt::Display::fmt(&x, f),
            None => fmt::Display::fmt(n, f),
        },
        other => fmt::Display::fmt(other, f),
    }
}

/// The message as the generated enum renders it: the template with the
/// fields' values (an absent optional field shows nothing).
impl fmt::Display for Record<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Ok(t) = Template::parse(self.template) else {
            return f.write_str(self.template);
        };
        for s in &t.segments {
            match s {
                Segment::Lit(l) => f.write_str(l)?,
                Segment::Hole { name, .. } => {
                    if let Some(v) = self.fields.get(name) {
                        show(v, f)?;
                    }
                }
            }
        }
        Ok(())
    }
}

impl<'b, 'c> Decode<'b> for Outcome<'c> {
    type Context = &'c Reader<'c>;
    type Sink = Captured<'b>;
    type Extra = Extra;
    fn build(
        r: &'c Reader<'c>,
        entry: usize,
        sink: &mut Captured<'b>,
        holes: &[(usize, &str)],
    ) -> Result<Self, String> {
        let c = r.catalog;
        let e = c.errors.get(entry).ok_or("no entry")?;
        let plan = r.plan.plan_of(entry);
        let places = plan.placement.places.get(entry).ok_or("no entry")?;
        // the code and message as the body carried them (the decoder
        // hands over only a received message that differs from the template)
        let text = |slot: Option<usize>| sink.slot_str(slot?).map(Cow::into_owned);
        let (code, message) = (text(plan.placement.code), text(plan.placement.message));
        let mut fields = Map::new();
        for (i, (f, place)) in fields_of(c, e).into_iter().zip(places).enumerate() {
            let (ty, name) = (f.ty.value, f.wire.value.as_str());
            let read =
                |raw: Option<&str>, name: &str| decode::read_value_in(ty, raw, name, r.shapes);
            let at = match place {
                Place::Slot(s) => FieldAt::Slot(*s),
                Place::Member(m) => FieldAt::Member(m),
                Place::Hole => {
                    let value = decode::read_hole_value(ty, holes, i, name)?;
                    if !value.is_null() {
                        fields.insert(name.to_string(), value);
                    }
                    continue;
                }
            };
            // an optional field whose value is not of its type reads as
            // absent (`null`), as generated code reads it as `None`
            let value = if ty.optional {
                decode::read_optional(sink, at, name, read)?
            } else {
                decode::read_field(sink, at, name, read)?
            };
            if !value.is_null() {
                fields.insert(name.to_string(), value);
            }
        }
        Ok(Outcome::Known(Record {
            entry,
            declared: e,
            template: &e.message.value,
            code,
            message,
            fields,
            extra: Extra::default(),
        }))
    }
    fn unknown(f: Fallback<'_>) -> Self {
        Outcome::Fallback {
            code: f.code.map(str::to_owned),
            message: f.message.map(str::to_owned),
            reason: f.reason,
            envelope: f.envelope,
        }
    }
    fn extra_mut(&mut self) -> Option<&mut Extra> {
        match self {
            Outcome::Known(r) => Some(&mut r.extra),
            Outcome::Fallback { .. } => None,
        }
    }
    fn declared(&self, text: EnvelopeText) -> Option<Cow<'_, str>> {
        let Outcome::Known(r) = self else {
            return None;
        };
        let e = r.declared;
        match text {
            EnvelopeText::Suggestion => e.suggestion.as_deref().map(Cow::Borrowed),
            EnvelopeText::DocsUrl => e.docs_url.as_deref().map(Cow::Borrowed),
            // (rendered with the values, as generated code renders it)
            EnvelopeText::FixCommand => e
                .fix_command
                .as_ref()
                .map(|f| Cow::Owned(error_catalog_core::command::render(&f.value, &r.fields))),
        }
    }
}

impl fmt::Display for Outcome<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Known(r) => fmt::Display::fmt(r, f),
            Outcome::Fallback { reason, .. } => f.write_str(reason),
        }
    }
}
