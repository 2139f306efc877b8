//! Decoding a response: the one function that says which error a response is
//! and builds it, for code generated from a catalog and for the CLI alike.
//!
//! [`decode`] reads the body once ([`engine::walk`] into an [`engine::Sink`]),
//! classifies it ([`Table::classify`], or a classifier compiled for one enum
//! that agrees with it), builds the value of the entry found ([`Decode::build`]:
//! generated code builds a variant, the CLI a record of JSON values),
//! keeps whatever the body carried beyond the value's fields (its **extra**, [`KeepExtra`]), and
//! turns every failure into a [`Fallback`] that keeps the body.

use std::fmt::{self, Write as _};

use crate::code_cut::CodeCut;
use crate::engine::{self, Captured, Condition, Identity, Layout, Sink as _, Table, UnreadAt};
use crate::headers::HeaderLookup;
use crate::hole_texts::HoleTexts;
use crate::raw_members::RawMembers;
use crate::template::{match_into, PatternSeg};

pub mod fields;
pub mod objects;

pub use fields::*;
pub use objects::{ObjectSeed, ObjectShape, RawObject};

/// A response that is no error the tables know, with what was read of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fallback<'b> {
    /// The HTTP status, when known.
    pub status: Option<u16>,
    /// The body, as received.
    pub body: &'b [u8],
    /// The code the body carried, when it was text.
    pub code: Option<&'b str>,
    /// The message the body carried, when it was text.
    pub message: Option<&'b str>,
    /// Why it is not a known error.
    pub reason: String,
    /// The envelope the body was read in: 0 for the catalog's `[wire]`,
    /// 1 + its index for one of `[wire.envelopes]` ([`Envelopes`]).
    pub envelope: u8,
}

/// Where a decoded value keeps its **extra**, what the body carried beyond its
/// fields: the members nobody declared, a received message that differs from
/// the template, the body of a response classified without being read.
pub trait KeepExtra {
    /// Keeps the members nobody declared: (JSON pointer, raw JSON).
    fn keep_members(&mut self, members: RawMembers);
    /// Keeps the received message (it differs from what the template renders).
    fn keep_message(&mut self, message: &str);
    /// Keeps the whole body (it was not read: not JSON, identified by status).
    fn keep_body(&mut self, body: &[u8]);
    /// Notes that the value at `pointer` (kept with the members) is an
    /// optional field's that could not be read as its type, and why: the
    /// field is absent from the value ([`read_optional`]).
    fn keep_unread(&mut self, pointer: &str, reason: &str);
}

/// A text of the envelope that an entry declares and a body may carry as well
/// (`[wire] suggestion`, `docs_url`, `fix_command`): one received that
/// differs from the entry's is kept as extra at its pointer, and written back
/// in the declared one's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvelopeText {
    /// The suggestion.
    Suggestion,
    /// The documentation URL.
    DocsUrl,
    /// The fix command.
    FixCommand,
}

impl EnvelopeText {
    /// Every one, in the order of `PlanBuf::envelope_texts` (the model's).
    pub const ALL: [EnvelopeText; 3] = [
        EnvelopeText::Suggestion,
        EnvelopeText::DocsUrl,
        EnvelopeText::FixCommand,
    ];
}

/// A type [`decode`] decodes into: a generated enum (or its borrowed view), or
/// the CLI's record of fields as JSON values. The whole contract between the
/// decoder and what it decodes into: the sink that reads the body, how the
/// value of an entry is built, the fallback's value, and where the value keeps
/// its extra.
pub trait Decode<'b>: fmt::Display + Sized {
    /// What building reads besides the sink (passed to [`decode`] as it is):
    /// for generated code, whether the body is `application/problem+json`;
    /// for the CLI, its catalog.
    type Context: Copy;
    /// The sink the body is walked into.
    type Sink: engine::Sink<'b>;
    /// Where the value keeps its extra.
    type Extra: KeepExtra;
    /// The value of a body holding `message` alone (received with `status`),
    /// classified and built in one step where that gives what the general
    /// steps would; `None` (the default): take them.
    #[inline(always)]
    fn direct(cx: Self::Context, status: u16, message: &str) -> Option<Self> {
        let _ = (cx, status, message);
        None
    }
    /// The value of `entry`, from what `sink` read and the hole texts `holes`;
    /// `Err` gives the reason for the fallback.
    fn build(
        cx: Self::Context,
        entry: usize,
        sink: &mut Self::Sink,
        holes: &[(usize, &str)],
    ) -> Result<Self, String>;
    /// The value of a response that is no known error.
    fn unknown(fallback: Fallback<'_>) -> Self;
    /// The variant's place for its extra, when it has one.
    fn extra_mut(&mut self) -> Option<&mut Self::Extra>;
    /// True when the variant's template renders exactly `text` (asked before any
    /// received message is kept).
    fn template_renders(&self, text: &str) -> bool {
        display_eq(self, text)
    }
    /// The envelope text the value's entry declares (its fix command with its
    /// values), as serializing writes it; `None` (the default): none.
    fn declared(&self, text: EnvelopeText) -> Option<std::borrow::Cow<'_, str>> {
        let _ = text;
        None
    }
}

/// How one enum reads a body: where things are and how errors are identified.
pub struct Plan<'a> {
    /// Where the slots are.
    pub layout: Layout<'a>,
    /// The classification tables.
    pub table: Table<'a>,
    /// The slot holding the code.
    pub code: Option<usize>,
    /// Codes are integers (JSON numbers such as `-32601`): the code's text is
    /// the number as written, when it is an integer in canonical form.
    pub integer_codes: bool,
    /// How the code is cut out of the text received (a namespace, a suffix).
    pub code_cut: CodeCut<'a>,
    /// The header that carries the code (in lowercase), read before the
    /// body's code; a response without it is read by the body's.
    pub code_header: Option<&'a str>,
    /// Entries whose fields are captured from the received message once the
    /// code found them (a coded error's message placeholders no member
    /// carries): (entry, its template as a pattern), by entry.
    pub captures: &'a [(usize, &'a [PatternSeg<'a>])],
    /// The slot holding the message.
    pub message: Option<usize>,
    /// The pointer of the fields object, for naming unclaimed members.
    pub fields_at: &'a str,
    /// Read fields straight into their types once the code is known.
    pub typed: bool,
    /// Classification by status and message compiled for this enum; agrees with
    /// [`Table::classify`] on `table`, which is used without it.
    pub classify: Option<Classifier>,
    /// The message's key, where the message is a top-level member and a body
    /// holding it alone is classified and built in one step
    /// ([`engine::lone_member`]).
    pub lone: Option<&'a str>,
    /// The envelope the plan reads (a catalog's `[wire]` or one of its
    /// `[wire.envelopes]`), the entries it holds and the plan of the next.
    pub envelopes: Envelopes<'a>,
    /// The envelope's texts the wire has and no field reads, with their
    /// slots (empty for most wires: nothing to look at).
    pub envelope_texts: &'a [(EnvelopeText, usize)],
}

/// Which envelope a [`Plan`] reads, among a catalog's: its own `[wire]` (0)
/// and its `[wire.envelopes]` (1, 2, …). A body that does not carry the
/// plan's code is read by the next envelope's plan when it carries that
/// one's; a code found names an error only of the plan's envelope.
#[derive(Clone, Copy)]
pub struct Envelopes<'a> {
    /// The plan's envelope.
    pub this: u8,
    /// The envelope of each entry, by entry; empty: every entry is the plan's.
    pub of_entry: &'a [u8],
    /// The plan of the next envelope.
    pub next: Option<&'a Plan<'a>>,
}

impl Envelopes<'static> {
    /// A catalog with one envelope: the plan reads every entry.
    pub const ONE: Envelopes<'static> = Envelopes {
        this: 0,
        of_entry: &[],
        next: None,
    };
}

impl Envelopes<'_> {
    /// True when `entry` comes in the plan's envelope.
    ///
    /// ```
    /// use error_catalog_core::decode::Envelopes;
    /// assert!(Envelopes::ONE.holds(3));
    /// let second = Envelopes { this: 1, of_entry: &[0, 1, 0], next: None };
    /// assert!(second.holds(1) && !second.holds(0) && !second.holds(7));
    /// ```
    #[inline]
    pub fn holds(&self, entry: usize) -> bool {
        match self.of_entry.get(entry) {
            Some(e) => *e == self.this,
            None => self.of_entry.is_empty(),
        }
    }
}

/// A compiled classification: (status, message, holes out) → (entry, whether
/// the message is exactly what the entry's template renders from the holes).
pub type Classifier = for<'m> fn(u16, Option<&'m str>, &mut HoleTexts<'m>) -> Option<(usize, bool)>;

/// True when `text` is an integer as `Display` writes it (no sign but a `-`
/// before a non-zero value, no leading zeros): parsed and shown again, it reads
/// the same.
///
/// ```
/// use error_catalog_core::decode::canonical_int;
/// assert!(canonical_int("0") && canonical_int("42") && canonical_int("-7"));
/// assert!(!canonical_int("007") && !canonical_int("-0") && !canonical_int("+1") && !canonical_int(""));
/// ```
#[inline]
pub fn canonical_int(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = match b {
        [b'-', rest @ ..] => rest,
        _ => b,
    };
    match digits {
        [] => false,
        [b'0'] => digits.len() == b.len(),
        [b'0', ..] => false,
        _ => digits.iter().all(u8::is_ascii_digit),
    }
}

/// Decodes `body` into `E`: walks, classifies and builds; anything that fails
/// lands in the fallback ([`Decode::unknown`]). `cx` is handed to `E`'s
/// builders as it is. (Not inlined: one copy per type, called from each of
/// its entry points.)
pub fn decode<'b, E: Decode<'b>>(
    status: Option<u16>,
    body: &'b [u8],
    plan: &Plan<'_>,
    headers: &dyn HeaderLookup,
    cx: E::Context,
) -> E {
    // a body that is the message alone, without escapes: no parser set up
    let lone = plan.lone.and_then(|key| engine::lone_member(body, key));
    if let Some(m) = lone {
        if let Some(value) = E::direct(cx, status.unwrap_or(0), m) {
            return value;
        }
    }
    // (a code the headers carry decides: the body's is not looked up while walking)
    let typed = plan.typed && plan.code_header.is_none_or(|h| headers.header(h).is_none());
    let mut sink = E::Sink::new(typed);
    match sink.walk(body, &plan.layout) {
        // (`direct` said no to this very message already: not asked again)
        Ok(()) => finish((status, headers), body, plan, &mut sink, cx, lone.is_none()),
        Err(e) => walk_again((status, headers), body, plan, sink.typed(), e, cx),
    }
}

/// The walk failed: a field of the wrong type aborts the typed reading, so the
/// body is read again raw; a body that is not JSON at all still classifies where
/// the status alone can identify an error (a proxy's page; the body is kept).
#[cold]
#[inline(never)]
fn walk_again<'b, E: Decode<'b>>(
    (status, headers): (Option<u16>, &dyn HeaderLookup),
    body: &'b [u8],
    plan: &Plan<'_>,
    typed: bool,
    first: engine::CaptureError,
    cx: E::Context,
) -> E {
    let e = if typed {
        let mut sink = E::Sink::new(false);
        match engine::walk(body, &plan.layout, &mut sink) {
            Ok(()) => return finish((status, headers), body, plan, &mut sink, cx, false),
            Err(e) => e,
        }
    } else {
        first
    };
    // (a code the headers carry identifies the error whatever the body is)
    let code = header_code(plan, headers).map(|c| plan.code_cut.apply(c));
    if plan.table.identity != Identity::Code || code.is_some() {
        let hit = status.and_then(|s| {
            classify(
                plan,
                (s, headers),
                code.as_deref(),
                None,
                &mut HoleTexts::default(),
                None,
            )
        });
        if let Some((entry, _)) = hit {
            if let Ok(mut value) = E::build(cx, entry, &mut E::Sink::new(false), &[]) {
                if let Some(extra) = value.extra_mut() {
                    extra.keep_body(body);
                }
                return value;
            }
        }
    }
    E::unknown(Fallback {
        status,
        body,
        code: code.as_deref(),
        message: None,
        reason: format!("body is not a JSON object: {e}"),
        envelope: plan.envelopes.this,
    })
}

/// The code the response's headers carry, where the plan names the header.
#[inline]
fn header_code<'h>(
    plan: &Plan<'_>,
    headers: &'h dyn HeaderLookup,
) -> Option<std::borrow::Cow<'h, str>> {
    let name = plan.code_header?;
    let value = headers.header(name)?.trim();
    (!value.is_empty()).then_some(std::borrow::Cow::Borrowed(value))
}

/// (entry, exact) for a response: by the plan's compiled classification where it
/// has one, else by its table, reading the members `when` conditions name from
/// `walked` (the raw capture, if any).
#[inline]
fn classify<'m>(
    plan: &Plan<'_>,
    (status, headers): (u16, &dyn HeaderLookup),
    code: Option<&str>,
    message: Option<&'m str>,
    holes: &mut HoleTexts<'m>,
    walked: Option<&Captured<'_>>,
) -> Option<(usize, bool)> {
    match plan.classify {
        Some(compiled) => compiled(status, message, holes),
        None => {
            let member = |c: &Condition<'_>| -> Option<&str> {
                if c.header {
                    headers.header(c.pointer)
                } else {
                    member_at(walked?, plan, c.pointer)
                }
            };
            let c = plan.table.classify_when(status, code, message, &member)?;
            *holes = HoleTexts::from(c.holes);
            Some((c.entry, false))
        }
    }
}

/// The raw JSON a walked body held at `pointer`: a slot's value, a member of
/// the fields object not taken, or a member kept as extra.
fn member_at<'c>(c: &'c Captured<'_>, plan: &Plan<'_>, pointer: &str) -> Option<&'c str> {
    if let Some(slot) = plan
        .layout
        .slots
        .iter()
        .position(|s| is_pointer_to(pointer, s))
    {
        return c.slot_raw(slot);
    }
    if let Some(key) = member_key(plan, pointer) {
        return c
            .members
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, raw)| raw);
    }
    c.extras
        .iter()
        .find(|(p, _)| *p == pointer)
        .map(|(_, raw)| raw)
}

/// The key of the member of the fields object `pointer` names, unescaped.
fn member_key(plan: &Plan<'_>, pointer: &str) -> Option<String> {
    plan.layout.fields_at?;
    let key = pointer.strip_prefix(plan.fields_at)?.strip_prefix('/')?;
    (!key.contains('/')).then(|| unescape(key))
}

/// A JSON pointer segment's text (`~1` is `/`, `~0` is `~`).
fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// True when JSON pointer `pointer` names the place `segments` (unescaped).
fn is_pointer_to(pointer: &str, segments: &[&str]) -> bool {
    match pointer.strip_prefix('/') {
        None => pointer.is_empty() && segments.is_empty(),
        Some(rest) => {
            let mut parts = rest.split('/');
            segments
                .iter()
                .all(|s| parts.next().is_some_and(|p| unescape(p) == *s))
                && parts.next().is_none()
                && !segments.is_empty()
        }
    }
}

/// Takes the members `entry`'s `when` conditions read out of the capture: the
/// entry stands for them (its `Serialize` writes them back).
fn take_conditions(c: &mut Captured<'_>, plan: &Plan<'_>, entry: usize) {
    let when = plan.table.entries.get(entry).map_or(&[][..], |e| e.when);
    for cond in when {
        match member_key(plan, cond.pointer) {
            Some(key) => {
                c.members.take(&key);
            }
            None => {
                c.extras.take(cond.pointer);
            }
        }
    }
}

/// The fallback, keeping the body and the code and message read from it.
#[cold]
#[inline(never)]
fn fall_back<'b, E: Decode<'b>>(
    (status, envelope): (Option<u16>, u8),
    body: &[u8],
    code: Option<&str>,
    message: Option<&str>,
    reason: String,
) -> E {
    E::unknown(Fallback {
        status,
        body,
        code,
        message,
        reason,
        envelope,
    })
}

/// Classifies and builds from a walked body; `direct`: [`Decode::direct`] may
/// be asked.
#[inline(always)]
fn finish<'b, E: Decode<'b>>(
    (status, headers): (Option<u16>, &dyn HeaderLookup),
    body: &'b [u8],
    plan: &Plan<'_>,
    sink: &mut E::Sink,
    cx: E::Context,
    direct: bool,
) -> E {
    let in_body = plan.code.and_then(|s| sink.take_text(s)).or_else(|| {
        // an integer code is its digits as written (`-32601`)
        let slot = plan.code.filter(|_| plan.integer_codes)?;
        let raw = sink.slot_raw(slot)?;
        canonical_int(raw).then_some(std::borrow::Cow::Borrowed(raw))
    });
    // the header's code first, then the body's; each cut as the catalog says
    let code = header_code(plan, headers)
        .or(in_body)
        .map(|c| plan.code_cut.apply(c));
    // a body without this envelope's code may be in the next envelope
    if let (None, Some(next)) = (&code, plan.envelopes.next) {
        if let Some(value) = next_envelope::<E>((status, headers), body, next, cx) {
            return value;
        }
    }
    let message = plan.message.and_then(|s| sink.take_text(s));
    // a body holding the message alone: classified and built in one step where
    // that gives what the steps below would
    if let (None, Some(m)) = (&code, &message) {
        let kept_none = sink.own_extras().is_none_or(|k| k.is_empty());
        if direct && sink.entry().is_none() && sink.capture().is_none() && kept_none {
            if let Some(value) = E::direct(cx, status.unwrap_or(0), m) {
                return value;
            }
        }
    }
    // a code or message slot holding something other than a string (or null)
    let c = sink.capture();
    let not_text = |slot: Option<usize>, text: &Option<std::borrow::Cow<'_, str>>| {
        text.is_none()
            && slot
                .zip(c.as_ref())
                .and_then(|(s, c)| Captured::slot(c, s))
                .is_some_and(|r| r.get() != "null")
    };
    let fail = |reason: String| {
        let at = (status, plan.envelopes.this);
        fall_back::<E>(at, body, code.as_deref(), message.as_deref(), reason)
    };
    // (a code that is not text matters only where the code identifies the error)
    let by_code = plan.table.identity == Identity::Code;
    let what = if by_code && not_text(plan.code, &code) {
        Some("code")
    } else if not_text(plan.message, &message) {
        Some("message")
    } else {
        None
    };
    if let Some(what) = what {
        let kind = if what == "code" && plan.integer_codes {
            "an integer"
        } else {
            "a string"
        };
        let reason = format!("the {what} is not {kind}");
        return fail(reason);
    }
    // (holes only where a message is classified: a code names its entry)
    let mut texts;
    let (hit, holes): (_, &[(usize, &str)]) = match sink.entry() {
        Some(entry) => (Some((entry, false)), &[]),
        None => {
            texts = HoleTexts::default();
            let m = message.as_deref();
            let status = status.unwrap_or(0);
            let walked = sink.capture().map(|c| &*c);
            let hit = classify(
                plan,
                (status, headers),
                code.as_deref(),
                m,
                &mut texts,
                walked,
            );
            (hit, &texts)
        }
    };
    // (a code names an error of the plan's envelope only)
    let Some((entry, exact)) = hit.filter(|(e, _)| plan.envelopes.holds(*e)) else {
        let reason = match &code {
            Some(code) => format!("unknown code `{code}`"),
            None => "no known error matches this response".to_string(),
        };
        return fail(reason);
    };
    // a coded error's placeholders no member carries: captured from the
    // message received, by the entry's template; one that does not fit it
    // leaves them empty (the code decided), and says so
    let mut captured = HoleTexts::default();
    let mut unfit = None;
    let holes = match plan.captures.binary_search_by_key(&entry, |c| c.0) {
        Ok(i) if holes.is_empty() => {
            let pattern = plan.captures[i].1;
            match message.as_deref() {
                Some(m) if match_into(pattern, m, &mut captured) => &captured,
                _ => {
                    unfit = Some(pattern);
                    &[][..]
                }
            }
        }
        _ => holes,
    };
    if let Some(c) = sink.capture() {
        take_conditions(c, plan, entry);
    }
    // (the value is finished where `build` put it and moved once, on return)
    let mut built = E::build(cx, entry, sink, holes);
    if let Ok(value) = &mut built {
        // envelope texts received that differ from the entry's (kept last)
        let mut texts: [Option<(usize, &str)>; 3] = [None; 3];
        for (i, &(which, slot)) in plan.envelope_texts.iter().enumerate().take(3) {
            let Some(raw) = sink.slot_raw(slot) else {
                continue;
            };
            // (a value that is not a string is kept whatever the entry says)
            let differs = match text_of(raw) {
                Some(text) => Some(&*text) != value.declared(which).as_deref(),
                None => true,
            };
            if differs {
                texts[i] = Some((slot, raw));
            }
        }
        // the members outside the fields object move over as they are (those
        // the sink kept itself first, then the capture's); the fields
        // object's leftovers follow, named by pointer
        let own = sink
            .own_extras()
            .filter(|k| !k.is_empty())
            .map(std::mem::take);
        let c = sink
            .capture()
            .filter(|c| !c.extras.is_empty() || !c.members.is_empty() || !c.unread.is_empty());
        // (the variant is asked for its extra only when there is something to keep)
        let something = own.is_some() || c.is_some() || texts.iter().any(Option::is_some);
        if let Some(extra) = something.then(|| value.extra_mut()).flatten() {
            let mut kept = own.unwrap_or_default();
            // (a member longer than 2 GiB: the walk refuses bodies that could hold one)
            let too_long = || "a member too long to keep".to_string();
            if let Some(c) = c {
                if kept.is_empty() {
                    kept = std::mem::take(&mut c.extras);
                } else if kept
                    .extend_renamed(&c.extras, 0, |s, p| s.push_str(p))
                    .is_err()
                {
                    return fail(too_long());
                }
                if c.members.drain_into(plan.fields_at, &mut kept).is_err() {
                    return fail(too_long());
                }
                // the values of optional fields that could not be read: kept with
                // the members under their pointers, and why
                for unread in c.unread.drain(..) {
                    let Some(raw) = unread.kept else { continue };
                    let pointer = pointer_of(plan, &unread.at);
                    if kept.push(&pointer, &raw).is_err() {
                        return fail(too_long());
                    }
                    extra.keep_unread(&pointer, &unread.reason);
                }
            }
            for (slot, raw) in texts.into_iter().flatten() {
                let pointer = pointer_of(plan, &UnreadAt::Slot(slot));
                if kept.push(&pointer, raw).is_err() {
                    return fail(too_long());
                }
            }
            extra.keep_members(kept);
        }
        if let Some(m) = message.as_deref().filter(|_| !exact) {
            if !value.template_renders(m) {
                if let Some(extra) = value.extra_mut() {
                    extra.keep_message(m);
                }
            }
        }
        if let (Some(_), Some(slot)) = (unfit, plan.message) {
            if let Some(extra) = value.extra_mut() {
                let reason = match message.as_deref() {
                    Some(_) => "the message does not fit the error's template: the fields its placeholders hold are left empty",
                    None => "the body has no message: the fields its placeholders hold are left empty",
                };
                extra.keep_unread(&pointer_of(plan, &UnreadAt::Slot(slot)), reason);
            }
        }
    }
    match built {
        Ok(value) => value,
        Err(reason) => {
            // a required field's value of the wrong type: named by its place
            // in the body (the reader saw the value alone)
            let placed = sink.capture().and_then(|c| {
                let u = c
                    .unread
                    .iter()
                    .rev()
                    .find(|u| u.kept.is_none() && u.reason == reason)?;
                Some(format!("{reason} (at {})", pointer_of(plan, &u.at)))
            });
            fail(placed.unwrap_or(reason))
        }
    }
}

/// The value of a body read by `plan`, the next envelope's, when the body
/// carries its code (else the one after it, and so on); `None` when no next
/// envelope's code is there.
#[cold]
#[inline(never)]
fn next_envelope<'b, E: Decode<'b>>(
    (status, headers): (Option<u16>, &dyn HeaderLookup),
    body: &'b [u8],
    plan: &Plan<'_>,
    cx: E::Context,
) -> Option<E> {
    let mut sink = E::Sink::new(false);
    engine::walk(body, &plan.layout, &mut sink).ok()?;
    // (its code as the envelope has it: text, or an integer where codes are)
    let carried = plan
        .code
        .and_then(|s| sink.slot_raw(s))
        .is_some_and(|raw| raw.starts_with('"') || (plan.integer_codes && canonical_int(raw)));
    if carried {
        return Some(finish((status, headers), body, plan, &mut sink, cx, false));
    }
    next_envelope((status, headers), body, plan.envelopes.next?, cx)
}

/// The text of a raw JSON string (`None` for any other value).
fn text_of(raw: &str) -> Option<std::borrow::Cow<'_, str>> {
    match serde_json::from_str::<&str>(raw) {
        Ok(text) => Some(std::borrow::Cow::Borrowed(text)),
        // (one with escapes)
        Err(_) => serde_json::from_str::<String>(raw)
            .ok()
            .map(std::borrow::Cow::Owned),
    }
}

/// The JSON pointer of a field's value in the body: a member of the fields
/// object, or a slot.
fn pointer_of(plan: &Plan<'_>, at: &UnreadAt) -> String {
    fn push(s: &mut String, segment: &str) {
        s.push('/');
        s.push_str(&engine::escape_segment(segment));
    }
    let mut s = String::new();
    match at {
        UnreadAt::Member(key) => {
            s.push_str(plan.fields_at);
            push(&mut s, key);
        }
        UnreadAt::Slot(slot) => {
            for segment in plan.layout.slots.get(*slot).copied().unwrap_or_default() {
                push(&mut s, segment);
            }
        }
    }
    s
}

/// True when `value`'s Display output is exactly `text`, without allocating.
pub fn display_eq(value: &impl fmt::Display, text: &str) -> bool {
    struct Cmp<'t> {
        rest: &'t str,
        ok: bool,
    }
    impl fmt::Write for Cmp<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            match self.rest.strip_prefix(s) {
                Some(r) if self.ok => {
                    self.rest = r;
                    Ok(())
                }
                _ => {
                    self.ok = false;
                    Err(fmt::Error)
                }
            }
        }
    }
    let mut c = Cmp {
        rest: text,
        ok: true,
    };
    let _ = write!(c, "{value}");
    c.ok && c.rest.is_empty()
}
