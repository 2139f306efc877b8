//! Generated code and the CLI's run-time classifier must give the same answer:
//! every example of every bundled catalog, plus bodies built from every message,
//! go through both and are compared. Where a bundled enum has a borrowed view
//! (`#[api_error(borrowed)]`), the view must agree with the enum on each of them.

use error_catalog::{ApiError, FromResponse};
use error_catalog_model::model::Catalog;
use error_catalog_services::{aironclaw, customer_verification, kya, moca_air, rakomi};
use serde_json::Value;

/// (status, body) cases for a catalog: its examples, each error's message in the
/// wire's message slot, and some bodies that must fall back.
fn cases(c: &Catalog) -> Vec<(u16, Vec<u8>)> {
    let mut out = Vec::new();
    for e in &c.errors {
        let status = e.status_u16().unwrap_or(400);
        for ex in &e.examples {
            out.push((
                ex.status.unwrap_or(status),
                ex.body.value.clone().into_bytes(),
            ));
        }
        let mut body = serde_json::Map::new();
        if let Some(p) = &c.wire.code {
            body.insert(p.value.segments[0].clone(), Value::Null);
            let v = nest(&p.value.segments, Value::String(e.code.value.clone()));
            merge(&mut body, v);
        }
        for m in e.matches.iter().chain(std::iter::once(&e.message)) {
            for text in filled(&m.value) {
                let mut b = body.clone();
                if let Some(p) = &c.wire.message {
                    merge(&mut b, nest(&p.value.segments, Value::String(text)));
                }
                let bytes = serde_json::to_vec(&Value::Object(b)).unwrap();
                // under its own status, and under every other status the catalog names
                for s in statuses(c) {
                    out.push((s, bytes.clone()));
                }
                out.push((status, bytes));
            }
        }
    }
    // every body again with members no wire declares: at the top, and inside
    // each object of the envelope (the fields object included)
    let with_extras: Vec<(u16, Vec<u8>)> = out
        .iter()
        .filter_map(|(s, b)| {
            let Value::Object(mut m) = serde_json::from_slice::<Value>(b).ok()? else {
                return None;
            };
            for v in m.values_mut() {
                if let Value::Object(inner) = v {
                    inner.insert("zzInner".into(), serde_json::json!({"deep": [1, "two"]}));
                }
            }
            m.insert("zzTop".into(), serde_json::json!([true, null, 1.5]));
            Some((*s, serde_json::to_vec(&Value::Object(m)).ok()?))
        })
        .collect();
    out.extend(with_extras);
    for junk in [
        &b"<html>502</html>"[..],
        b"",
        b"{",
        b"[]",
        b"{\"error\": 5}",
        b"{\"errorType\": \"NOPE\", \"code\": \"NOPE\"}",
    ] {
        out.push((502, junk.to_vec()));
    }
    out
}

/// The statuses a catalog's errors name, and one none does.
fn statuses(c: &Catalog) -> Vec<u16> {
    let mut s: Vec<u16> = c.errors.iter().filter_map(|e| e.status_u16()).collect();
    s.push(418);
    s.sort_unstable();
    s.dedup();
    s
}

/// A message template as written, and with every placeholder filled by each of
/// a few values: canonical and non-canonical integers, empty and odd text.
fn filled(template: &str) -> Vec<String> {
    let mut out = vec![template.to_string()];
    if let Ok(t) = error_catalog_core::template::Template::parse(template) {
        for v in [
            "7",
            "0",
            "42",
            "007",
            "-3",
            "-0",
            "x",
            "",
            "a: b",
            "1.5",
            "99999999999",
        ] {
            out.push(t.render(|_| Some(v.to_string())));
        }
    }
    out
}

fn nest(segments: &[String], leaf: Value) -> Value {
    segments.iter().rev().fold(leaf, |acc, s| {
        let mut m = serde_json::Map::new();
        m.insert(s.clone(), acc);
        Value::Object(m)
    })
}

fn merge(into: &mut serde_json::Map<String, Value>, v: Value) {
    if let Value::Object(m) = v {
        for (k, v) in m {
            match (into.get_mut(&k), v) {
                (Some(Value::Object(a)), Value::Object(b)) => merge(a, Value::Object(b)),
                (_, v) => {
                    into.insert(k, v);
                }
            }
        }
    }
}

/// The serialized envelope (`serde::Serialize`, without naming serde).
trait ToWire {
    fn to_wire(&self) -> Value;
}

macro_rules! to_wire {
    ($($t:ty),*) => {$(
        impl ToWire for $t {
            fn to_wire(&self) -> Value {
                serde_json::to_value(self).expect("serializing")
            }
        }
    )*};
}

to_wire!(
    kya::KyaError,
    customer_verification::CustomerVerificationError,
    rakomi::RakomiError,
    aironclaw::AironclawError,
    moca_air::MocaAirError
);

fn agree<E: FromResponse + ApiError + ToWire>(id: &str) {
    let c = error_catalog_tests::bundled(id);
    let cases = cases(&c);
    agree_with(id, &c, cases, |_, _, _, _: &E| {});
}

/// The view of a body made owned, and what the view shows: (Display, wire
/// JSON, code, status).
trait Viewed: Sized {
    fn view(status: u16, body: &[u8]) -> (Self, String, Value, String, Option<u16>);
}

macro_rules! viewed {
    ($($owned:ty => $view:ty),*) => {$(
        impl Viewed for $owned {
            fn view(status: u16, body: &[u8]) -> (Self, String, Value, String, Option<u16>) {
                let v = <$view>::from_response(status, body);
                let display = v.to_string();
                let json = serde_json::to_value(&v).expect("serializing a view");
                let (code, st) = (v.code().to_string(), v.status());
                (v.into_owned(), display, json, code, st)
            }
        }
    )*};
}
viewed!(
    kya::KyaError => kya::KyaErrorRef<'_>,
    customer_verification::CustomerVerificationError => customer_verification::CustomerVerificationErrorRef<'_>,
    aironclaw::AironclawError => aironclaw::AironclawErrorRef<'_>
);

/// [`agree`], and the view agrees with the enum on every case.
fn agree_viewed<E>(id: &str)
where
    E: FromResponse + ApiError + ToWire + Viewed + PartialEq + std::fmt::Debug,
{
    let c = error_catalog_tests::bundled(id);
    let cases = cases(&c);
    agree_with(id, &c, cases, |status, body, text, generated: &E| {
        let (viewed, display, json, code, st) = E::view(status, body);
        assert_eq!(&viewed, generated, "{id} {status} {text}: view");
        assert_eq!(
            display,
            generated.to_string(),
            "{id} {status} {text}: view Display"
        );
        assert_eq!(
            json,
            generated.to_wire(),
            "{id} {status} {text}: view Serialize"
        );
        assert_eq!(
            (code.as_str(), st),
            (generated.code(), generated.status()),
            "{id} {status} {text}: view code and status"
        );
    });
}

fn agree_with<E: FromResponse + ApiError + ToWire>(
    id: &str,
    c: &Catalog,
    cases: Vec<(u16, Vec<u8>)>,
    also: impl Fn(u16, &[u8], &str, &E),
) {
    assert!(cases.len() > c.errors.len(), "{id}: too few cases");
    let mut known = 0;
    for (status, body) in cases {
        let generated = E::from_response(status, &body);
        let runtime = error_catalog_model::response::decode(c, status, &body);
        let text = String::from_utf8_lossy(&body);
        also(status, &body, &text, &generated);
        let runtime_code = runtime.entry.map(|i| c.errors[i].code.value.as_str());
        let generated_code = generated.is_known().then(|| generated.code());
        assert_eq!(
            generated_code, runtime_code,
            "{id} {status} {text}: generated {generated} vs CLI {:?}",
            runtime.reason
        );
        if generated.is_known() {
            known += 1;
            // a recognised message is shown as received: rendered from the
            // captured fields when that spells it exactly, else kept
            let received = serde_json::from_slice::<Value>(&body).ok().and_then(|v| {
                let p = c.wire.message.as_ref()?;
                let at = p.value.segments.iter().try_fold(&v, |v, s| v.get(s))?;
                at.as_str().map(str::to_string)
            });
            if let Some(m) = received {
                assert_eq!(generated.to_string(), m, "{id} {status} {text}: Display");
            }
            // every member the CLI keeps, the generated value keeps where it was
            let wire = generated.to_wire();
            for (pointer, value) in &runtime.extras {
                assert_eq!(
                    wire.pointer(pointer),
                    Some(value),
                    "{id} {status} {text}: extra {pointer} in {wire}"
                );
            }
            assert_eq!(
                generated.details(),
                runtime.fields,
                "{id} {status} {text}: fields differ"
            );
        }
    }
    // most errors must be recognised from their own message or example, or the
    // comparison above says little
    assert!(
        known >= c.errors.len() * 2 / 3,
        "{id}: only {known} of {} errors recognised",
        c.errors.len()
    );
}

#[test]
fn kya_agrees() {
    agree_viewed::<kya::KyaError>("kya");
}

#[test]
fn customer_verification_agrees() {
    agree_viewed::<customer_verification::CustomerVerificationError>("customer_verification");
}

#[test]
fn rakomi_agrees() {
    agree::<rakomi::RakomiError>("rakomi");
}

#[test]
fn aironclaw_agrees() {
    agree_viewed::<aironclaw::AironclawError>("aironclaw");
}

#[test]
fn moca_air_agrees() {
    agree::<moca_air::MocaAirError>("moca_air");
}
