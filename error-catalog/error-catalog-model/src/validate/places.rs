//! The rule that every value an error carries has a place of its own in the
//! body.

use super::*;

/// One value's place in a body: its pointer, what it is, where it is declared.
struct Spot<'c> {
    pointer: Pointer,
    what: String,
    at: &'c At,
}

/// How two places in a body clash: the same member, or one inside the other.
fn clash(a: &Pointer, b: &Pointer) -> Option<&'static str> {
    let (short, long) = if a.segments.len() <= b.segments.len() {
        (a, b)
    } else {
        (b, a)
    };
    if !long.segments.starts_with(&short.segments) {
        None
    } else if short.segments.len() == long.segments.len() {
        Some("same")
    } else {
        Some("inside")
    }
}

fn clash_diagnostic(new: &Spot<'_>, old: &Spot<'_>, how: &str) -> Diagnostic {
    let message = if how == "same" {
        format!(
            "{} is at `{}`, where {} is",
            new.what, new.pointer.text, old.what
        )
    } else {
        format!(
            "{} at `{}` and {} at `{}`: one would hold the other inside it",
            new.what, new.pointer.text, old.what, old.pointer.text
        )
    };
    Diagnostic::new(Rule::PlaceClash, new.at, message)
        .note(old.at, format!("{} is declared here", old.what))
        .help("a body has one value per place: give the field another `at` (or another name), or move the `[wire]` pointer")
}

/// Rule: no two values an error carries (the code, the message, the repeated
/// suggestion / docs URL / fix command, each field) share a place in the body,
/// or sit one inside the other: reading would see one value for two, and
/// `Serialize` would write a member twice.
pub(super) fn check_distinct_places(c: &Catalog, d: &mut Vec<Diagnostic>) {
    let w = &c.wire;
    if w.damaged {
        return;
    }
    let named = [
        ("the code", &w.code),
        ("the message", &w.message),
        ("the suggestion", &w.suggestion),
        ("the docs URL", &w.docs_url),
        ("the fix command", &w.fix_command),
    ];
    let mut envelope: Vec<Spot<'_>> = Vec::new();
    let wire_fields = w.fields.iter().filter_map(|f| {
        let p = f.at_ptr.as_ref()?;
        Some(Spot {
            pointer: p.value.clone(),
            what: format!("envelope field `{}`", f.wire.value),
            at: &f.wire.at,
        })
    });
    let wire_values = named.into_iter().filter_map(|(what, p)| {
        let p = p.as_ref()?;
        Some(Spot {
            pointer: p.value.clone(),
            what: what.to_string(),
            at: &p.at,
        })
    });
    for spot in wire_values.chain(wire_fields) {
        if let Some((old, how)) = envelope
            .iter()
            .find_map(|o| clash(&spot.pointer, &o.pointer).map(|h| (o, h)))
        {
            d.push(clash_diagnostic(&spot, old, how));
            continue;
        }
        envelope.push(spot);
    }
    for e in c.errors.iter().filter(|e| sound(c, e)) {
        let fields = e
            .fields
            .iter()
            .map(|f| (f.wire.value.as_str(), f.at_ptr.as_ref().map(|p| &p.value)));
        let placement = crate::layout::Placement::new(w, [(e, fields)]);
        let places = placement.places.first().map_or(&[][..], Vec::as_slice);
        let mut own: Vec<Spot<'_>> = Vec::new();
        // (an entry covering a range keeps the received code in a field at
        // the code's place: the code, not a second value)
        let keeps_code = |f: &Field| {
            e.code_range.is_some()
                && f.rust.value == "code"
                && f.at_ptr.as_ref().map(|p| &p.value) == w.code.as_ref().map(|p| &p.value)
        };
        for (f, place) in e.fields.iter().zip(places) {
            if keeps_code(f) {
                continue;
            }
            let pointer = match place {
                crate::layout::Place::Slot(i) => placement.slots[*i].clone(),
                crate::layout::Place::Member(key) => match &placement.fields_at {
                    Some(fa) => fa.child(key),
                    None => continue,
                },
                crate::layout::Place::Hole => continue,
            };
            let spot = Spot {
                pointer,
                what: format!("field `{}` of error `{}`", f.wire.value, e.code.value),
                at: &f.wire.at,
            };
            let hit = envelope
                .iter()
                .chain(&own)
                .find_map(|o| clash(&spot.pointer, &o.pointer).map(|h| (o, h)));
            match hit {
                Some((old, how)) => d.push(clash_diagnostic(&spot, old, how)),
                None => own.push(spot),
            }
        }
    }
}

/// Rule: the values read from a body by pointer (the code, the message, the
/// envelope's values, the error marks, each field with a place of its own)
/// fit the decoder's slots ([`MAX_SLOTS`]); past them the walk would refuse
/// every body.
///
/// [`MAX_SLOTS`]: error_catalog_core::engine::MAX_SLOTS
pub(super) fn check_slot_count(c: &Catalog, d: &mut Vec<Diagnostic>) {
    use error_catalog_core::engine::MAX_SLOTS;
    if c.wire.damaged || c.errors.iter().any(|e| e.damaged) {
        return;
    }
    let entries = c.errors.iter().map(|e| {
        let fields = crate::response::fields_of(c, e)
            .into_iter()
            .map(|f| (f.wire.value.as_str(), f.at_ptr.as_ref().map(|p| &p.value)));
        (e, fields)
    });
    let placement = crate::layout::Placement::new(&c.wire, entries);
    let Some(first_over) = placement.slots.get(MAX_SLOTS) else {
        return;
    };
    // who named the first pointer past the limit: a success mark, or a field
    let mark = c
        .wire
        .success
        .iter()
        .find(|(p, _)| p.value == *first_over)
        .map(|(p, _)| &p.at);
    let field = || {
        c.errors
            .iter()
            .flat_map(|e| crate::response::fields_of(c, e))
            .find(|f| f.at_ptr.as_ref().is_some_and(|p| p.value == *first_over))
            .map(|f| &f.wire.at)
    };
    let Some(at) = mark.or_else(field) else {
        return;
    };
    d.push(
        Diagnostic::new(
            Rule::SlotsTooMany,
            at,
            format!(
                "this catalog reads {} values by pointer (the code, the message, the envelope's values, the error marks and the fields with an `at` of their own); the decoder holds at most {MAX_SLOTS}, and `{}` is one past them",
                placement.slots.len(),
                first_over.text
            ),
        )
        .help("put fields in the fields object (`[wire] fields_at`) instead of giving each its own `at`, or share one pointer between errors that carry the same value"),
    );
}
