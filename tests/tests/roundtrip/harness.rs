//! The harness: serializing a value, parsing it back with its status, and
//! comparing.

use std::collections::BTreeSet;
use std::fmt::Debug;

use error_catalog::problem::Problem;
use error_catalog::{ApiError, ErrorCatalog, Extra, FromResponse};
use serde_json::json;
use serde_json::value::RawValue;

/// `serde::Serialize` and, for code-identified wires, `Deserialize`, without naming
/// serde (not a dependency of this crate).
pub(crate) trait Wire: ApiError + FromResponse + Debug + PartialEq + Sized {
    fn to_wire(&self) -> Vec<u8>;
    /// `serde_json::from_slice::<Self>`, where the enum implements `Deserialize`.
    fn deserialize(_body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
        None
    }
}

macro_rules! wire {
    ($($t:ty),* $(,)?) => {$(
        impl Wire for $t {
            fn to_wire(&self) -> Vec<u8> {
                serde_json::to_vec(self).expect("serializing")
            }
        }
    )*};
}

macro_rules! wire_de {
    ($($t:ty),* $(,)?) => {$(
        impl Wire for $t {
            fn to_wire(&self) -> Vec<u8> {
                serde_json::to_vec(self).expect("serializing")
            }
            fn deserialize(body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
                Some(serde_json::from_slice::<$t>(body))
            }
        }
    )*};
}

pub(crate) fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The status a value is received with: its own, or (for errors without one) 400.
pub(crate) fn status_of<E: ApiError>(e: &E) -> u16 {
    e.status().unwrap_or(400)
}

/// Serializes into the envelope and parses back (and through `Deserialize`).
pub(crate) fn through_envelope<E: Wire>(what: &str, e: &E) {
    let status = status_of(e);
    let wire = e.to_wire();
    let back = E::from_response(status, &wire);
    assert_eq!(
        &back,
        e,
        "{what}: {e:?} through its envelope {}",
        text(&wire)
    );
    assert!(back.is_known(), "{what}: {e:?} came back unknown");
    assert_eq!(
        back.to_wire(),
        wire,
        "{what}: {e:?} serializes the same way twice"
    );
    if let Some(d) = E::deserialize(&wire) {
        let d = d.unwrap_or_else(|err| panic!("{what}: Deserialize of {}: {err}", text(&wire)));
        assert_eq!(&d, e, "{what}: {e:?} through Deserialize");
    }
}

/// Serializes as problem+json, checks the members, and parses back.
pub(crate) fn through_problem<E: Wire>(what: &str, e: &E) {
    let status = status_of(e);
    let p = serde_json::to_value(Problem(e)).expect("problem+json");
    assert_eq!(
        p["type"],
        json!(e.docs_url().unwrap_or("about:blank")),
        "{what}: type"
    );
    let title = e.info().and_then(|i| i.title).unwrap_or(e.code());
    assert_eq!(p["title"], json!(title), "{what}: title");
    match e.status() {
        Some(s) => assert_eq!(p["status"], json!(s), "{what}: status"),
        None => assert!(p.get("status").is_none(), "{what}: status member {p}"),
    }
    assert_eq!(p["detail"], json!(e.to_string()), "{what}: detail");
    assert_eq!(p["code"], json!(e.code()), "{what}: code");
    for (k, v) in e.details() {
        // A field named like one of problem+json's own members cannot sit beside it.
        if !matches!(
            k.as_str(),
            "type" | "title" | "status" | "detail" | "code" | "instance"
        ) {
            assert_eq!(p[k.as_str()], v, "{what}: extension member {k}");
        }
    }
    let bytes = serde_json::to_vec(&p).expect("problem bytes");
    let back = E::from_problem_json(status, &bytes);
    assert_eq!(&back, e, "{what}: {e:?} through problem+json {p}");
}

/// Values whose `extra` holds at most a received message: both ways.
pub(crate) fn roundtrip<E: Wire>(what: &str, values: &[E]) {
    for e in values {
        through_envelope(what, e);
        through_problem(what, e);
    }
}

/// Values with undeclared members: problem+json carries only the declared fields,
/// so these go through the service's own envelope only.
pub(crate) fn roundtrip_with_extras<E: Wire>(what: &str, values: &[E]) {
    for e in values {
        through_envelope(what, e);
    }
}

/// Every catalog code is among the values.
pub(crate) fn covers_every_code<E: Wire + ErrorCatalog>(what: &str, values: &[E]) {
    let have: BTreeSet<&str> = values.iter().map(|e| e.code()).collect();
    for info in E::CODES {
        assert!(
            have.contains(info.code),
            "{what}: no value for code {} ({})",
            info.code,
            info.variant
        );
    }
    for e in values {
        let info = e
            .info()
            .unwrap_or_else(|| panic!("{what}: {e:?} is not known"));
        let name = format!("{e:?}");
        assert!(
            name.starts_with(info.variant),
            "{what}: {name} has the CodeInfo of {}",
            info.variant
        );
    }
}

pub(crate) fn x() -> Extra {
    Extra::default()
}

/// An `Extra` holding a received message.
pub(crate) fn said(message: &str) -> Extra {
    let mut e = Extra::default();
    e.set_message(message);
    e
}

/// An `Extra` holding undeclared members, in the order reading keeps them (those
/// outside the fields object first, in body order, then the fields object's).
pub(crate) fn members(list: &[(&str, &str)]) -> Extra {
    let mut e = Extra::default();
    for (pointer, raw) in list {
        e.push(
            *pointer,
            &RawValue::from_string(raw.to_string()).expect("raw JSON"),
        );
    }
    e
}
