//! Where every value of a catalog sits on the wire: the slots the capture engine
//! reads and the place of each field. Generated code and the CLI both use it, so
//! the two read bodies the same way.

use crate::model::{ErrorEntry, Pointer, Wire};
use error_catalog_core::engine::Identity;
use error_catalog_core::template::Template;

/// How a field is read from a captured body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A slot of the layout.
    Slot(usize),
    /// A member of the fields object, by key.
    Member(String),
    /// A hole of the matching message pattern.
    Hole,
}

/// Where every field of every entry sits: the wire's slots (grown as fields
/// with their own pointers are placed), and each field's place. Generated
/// code emits it as the plan's layout; the CLI builds the same from a loaded
/// catalog.
#[derive(Debug, Clone)]
pub struct Placement {
    /// Slot pointers.
    pub slots: Vec<Pointer>,
    /// The code's slot.
    pub code: Option<usize>,
    /// The message's slot.
    pub message: Option<usize>,
    /// The fields object.
    pub fields_at: Option<Pointer>,
    /// Per entry, per field (in the order given to [`Placement::new`]): its place.
    pub places: Vec<Vec<Place>>,
}

impl Placement {
    /// Places the fields of every entry of `wire`: for each entry, its fields
    /// as (wire name, pointer when it has its own).
    ///
    /// ```
    /// use error_catalog_model::layout::{Place, Placement};
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
    /// let e = &shop.errors[0];
    /// let fields = e.fields.iter().map(|f| (f.wire.value.as_str(), None));
    /// let p = Placement::new(&shop.wire, [(e, fields)]);
    /// assert_eq!(p.places, [vec![Place::Member("id".into())]]);
    /// assert_eq!(p.code, Some(0)); // `/error/code`, the wire's first slot
    /// ```
    pub fn new<'e, F>(wire: &Wire, entries: impl IntoIterator<Item = (&'e ErrorEntry, F)>) -> Self
    where
        F: IntoIterator<Item = (&'e str, Option<&'e Pointer>)>,
    {
        let mut l = Placement::empty(wire);
        for (e, fields) in entries {
            let places = fields
                .into_iter()
                .map(|(name, at)| l.place(wire, e, name, at))
                .collect();
            l.places.push(places);
        }
        l
    }

    /// The slots every response of `wire` is read for, no field placed yet.
    fn empty(wire: &Wire) -> Self {
        let mut l = Placement {
            slots: Vec::new(),
            code: None,
            message: None,
            fields_at: None,
            places: Vec::new(),
        };
        l.code = wire.code.as_ref().map(|p| l.slot_of(&p.value));
        l.message = wire.message.as_ref().map(|p| l.slot_of(&p.value));
        for p in [&wire.suggestion, &wire.docs_url, &wire.fix_command]
            .into_iter()
            .flatten()
        {
            l.slot_of(&p.value);
        }
        // the error mark is envelope, read into a slot of its own (never an
        // extra); wires without success marks add none
        for (p, _) in error_marks(wire) {
            l.slot_of(p);
        }
        l.fields_at = wire.fields_at.as_ref().map(|p| p.value.clone());
        l
    }

    /// The slot index of a pointer, adding it when new.
    fn slot_of(&mut self, p: &Pointer) -> usize {
        match self.slots.iter().position(|s| s == p) {
            Some(i) => i,
            None => {
                self.slots.push(p.clone());
                self.slots.len() - 1
            }
        }
    }

    /// Where field `name` (with pointer `at`, if any) of `entry` is read from.
    fn place(
        &mut self,
        wire: &Wire,
        entry: &ErrorEntry,
        name: &str,
        at: Option<&Pointer>,
    ) -> Place {
        // a field without a pointer of its own (none, or only the one the
        // fields object gives every field) that every message pattern names is
        // captured from the message where the message identifies the error
        let own_pointer = at.filter(|p| !self.is_default_place(p, name));
        match (at, &self.fields_at) {
            _ if own_pointer.is_none()
                && (wire.identity != Identity::Code || !entry.sends_code())
                && named_in_all_patterns(entry, name) =>
            {
                Place::Hole
            }
            // a coded error's field with no place in the body that its message
            // template names is captured from the message received
            (None, None)
                if wire.identity == Identity::Code
                    && entry.sends_code()
                    && named_in_template(entry, name) =>
            {
                Place::Hole
            }
            // a place the wire reads as a slot already (the code, kept by an
            // entry covering a range of codes) is read from that slot
            (Some(p), _) if self.slots.contains(p) => Place::Slot(self.slot_of(p)),
            (Some(p), Some(fa))
                if p.segments.len() == fa.segments.len() + 1
                    && p.segments.starts_with(&fa.segments) =>
            {
                Place::Member(p.segments.last().cloned().unwrap_or_default())
            }
            (Some(p), _) => Place::Slot(self.slot_of(p)),
            (None, _) => Place::Member(name.to_string()),
        }
    }
}

impl Placement {
    /// True when `p` is the pointer the fields object gives field `name`
    /// (`fields_at` + `/name`), the one every field has unless it says otherwise.
    fn is_default_place(&self, p: &Pointer, name: &str) -> bool {
        self.fields_at.as_ref().is_some_and(|fa| {
            p.segments.len() == fa.segments.len() + 1
                && p.segments.starts_with(&fa.segments)
                && p.segments.last().is_some_and(|last| last == name)
        })
    }
}

/// True when the message template of `e` names placeholder `name`.
pub fn named_in_template(e: &ErrorEntry, name: &str) -> bool {
    Template::parse(&e.message.value).is_ok_and(|t| t.placeholders().any(|n| n == name))
}

/// True when every `matches` pattern of `e` (at least one) names `name`.
pub fn named_in_all_patterns(e: &ErrorEntry, name: &str) -> bool {
    !e.matches.is_empty()
        && e.matches
            .iter()
            .all(|m| Template::parse(&m.value).is_ok_and(|t| t.placeholders().any(|n| n == name)))
}

/// The wire's success rule in the form the run-time check takes: (pointer
/// segments, JSON text) per mark, and the segments of the member marking an
/// error under the default rule (the code or the message, whichever
/// identifies errors). Generated code emits it; the CLI builds
/// [`error_catalog_core::success::SuccessRule`] from it.
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
/// let rule = error_catalog_model::layout::success_rule(&slack.wire);
/// assert_eq!(rule.marks, [(vec!["ok".to_string()], "true".to_string())]);
/// assert_eq!(rule.marker, Some(vec!["error".to_string()]));
/// ```
pub fn success_rule(wire: &Wire) -> Success {
    let marks = wire
        .success
        .iter()
        .map(|(p, v)| (p.value.segments.clone(), v.value.clone()))
        .collect();
    let marker = match wire.identity {
        Identity::Code => wire.code.as_ref(),
        Identity::Message => wire.message.as_ref(),
        Identity::Status => None,
    };
    Success {
        marks,
        marker: marker.map(|p| p.value.segments.clone()),
    }
}

/// The members every error body of `wire` carries opposite its success
/// marks, as (pointer, JSON text): each boolean mark negated (`"/ok" = true`
/// gives `"ok": false`, what a Slack-like error sends). They belong to the
/// envelope: decoding reads them as slots, never as extra, and `Serialize`
/// writes them first. A mark of another value (a string, a number) does not
/// say what an error carries there, so it adds nothing: its member stays an
/// ordinary one, kept as extra and written back as received.
///
/// ```
/// let slack = error_catalog_model::load_str("slack.toml", r#"
/// [service]
/// id = "slack"
/// name = "Slack"
/// [wire]
/// code = "/error"
/// success = { "/ok" = true, "/status" = "done" }
/// [[errors]]
/// code = "channel_not_found"
/// status = 200
/// message = "Channel not found"
/// "#).unwrap();
/// let marks: Vec<_> = error_catalog_model::layout::error_marks(&slack.wire)
///     .map(|(p, v)| (p.text.as_str(), v))
///     .collect();
/// assert_eq!(marks, [("/ok", "false")]);
/// ```
pub fn error_marks(wire: &Wire) -> impl Iterator<Item = (&Pointer, &'static str)> + '_ {
    wire.success.iter().filter_map(|(p, v)| {
        let error = match v.value.as_str() {
            "true" => "false",
            "false" => "true",
            _ => return None,
        };
        Some((&p.value, error))
    })
}

/// A wire's success rule, owned (see [`success_rule`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Success {
    /// (pointer segments, JSON text) per mark; empty for the default rule.
    pub marks: Vec<(Vec<String>, String)>,
    /// The member that marks an error under the default rule.
    pub marker: Option<Vec<String>>,
}
