//! The CLI's decoding (`error_catalog_model::response::decode`, tables built from the
//! catalog at run time) and the generated enums (tables emitted as `static`
//! data, with their fast paths) go through the one decoder of
//! `error_catalog_core::decode`: they must agree on the entry, the fields and
//! the fallback's reason for every example body of every bundled catalog (a
//! body built from the wire and the template where a catalog has none), every
//! seed body (`common/seed_bodies.rs`; the message-only seeds' messages are the
//! catalogs' templates), and a few hundred bodies mutated from each (members
//! removed, values of every JSON type swapped in, bodies cut short).

use error_catalog::{ApiError, FromResponse, UnknownError};
use error_catalog_model::model::Catalog;
use error_catalog_services::{aironclaw, customer_verification, kya, moca_air, rakomi};
use serde_json::{json, Value};

#[path = "common/seed_bodies.rs"]
mod seed_bodies;

mod message_identity {
    error_catalog::catalog!("catalogs/message_identity.toml");
}
use message_identity::MessageIdentityError;

mod lists {
    error_catalog::catalog!("catalogs/lists.toml");
}
use lists::ListsError;

mod optional_fields {
    error_catalog::catalog!(
        #[api_error(borrowed)]
        "catalogs/optional_fields.toml"
    );
}
use optional_fields::{OptionalFieldsError, OptionalFieldsErrorRef};

mod slack_like {
    error_catalog::catalog!("catalogs/slack_like.toml");
}
use slack_like::SlackLikeError;

mod cloudflare_like {
    error_catalog::catalog!("catalogs/cloudflare_like.toml");
}
use cloudflare_like::CloudflareLikeError;

mod aws_json_like {
    error_catalog::catalog!("catalogs/aws_json_like.toml");
}
use aws_json_like::AwsJsonLikeError;

mod captured_messages {
    error_catalog::catalog!("catalogs/captured_messages.toml");
}
use captured_messages::CapturedMessagesError;

mod aip193_like {
    error_catalog::catalog!("catalogs/aip193_like.toml");
}
use aip193_like::Aip193LikeError;

mod two_envelopes {
    error_catalog::catalog!("catalogs/two_envelopes.toml");
}
use two_envelopes::TwoEnvelopesError;

/// The fallback of a generated enum, when it is one.
trait Fallback {
    fn fallback(&self) -> Option<&UnknownError>;
}

macro_rules! fallback {
    ($($t:ty),*) => {$(
        impl Fallback for $t {
            fn fallback(&self) -> Option<&UnknownError> {
                match self {
                    Self::Unknown(u) => Some(u),
                    _ => None,
                }
            }
        }
    )*};
}

fallback!(
    kya::KyaError,
    customer_verification::CustomerVerificationError,
    rakomi::RakomiError,
    aironclaw::AironclawError,
    moca_air::MocaAirError,
    MessageIdentityError,
    ListsError,
    SlackLikeError,
    CloudflareLikeError,
    Aip193LikeError,
    TwoEnvelopesError,
    AwsJsonLikeError,
    CapturedMessagesError,
    OptionalFieldsError
);

/// Every value swapped into a member by the mutations: one of each JSON type,
/// and numbers and strings that are close to what fields hold.
fn replacements() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(300),
        json!(1.5),
        json!(18_446_744_073_709_551_615_u64),
        json!(""),
        json!("7"),
        json!("text with \"escapes\" \\ \u{e9}"),
        json!([1, "two"]),
        json!({"nested": {"x": 1}}),
    ]
}

/// Every JSON pointer to a member of `v` or an element of an array in it,
/// depth first.
fn pointers(v: &Value, at: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match v {
        Value::Object(m) => m
            .iter()
            .map(|(k, c)| (k.replace('~', "~0").replace('/', "~1"), c))
            .collect(),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, c)| (i.to_string(), c))
            .collect(),
        _ => Vec::new(),
    };
    for (k, child) in children {
        let p = format!("{at}/{k}");
        out.push(p.clone());
        pointers(child, &p, out);
    }
}

/// `v` with the member or element at `pointer` replaced by `with` (`None`:
/// removed).
fn mutate(v: &Value, pointer: &str, with: Option<&Value>) -> Value {
    let mut out = v.clone();
    let (parent, key) = pointer.rsplit_once('/').unwrap_or(("", pointer));
    let key = key.replace("~1", "/").replace("~0", "~");
    match out.pointer_mut(parent) {
        Some(Value::Object(m)) => match with {
            Some(w) => {
                m.insert(key, w.clone());
            }
            None => {
                m.remove(&key);
            }
        },
        Some(Value::Array(a)) => {
            if let Ok(i) = key.parse::<usize>() {
                match with {
                    Some(w) if i < a.len() => a[i] = w.clone(),
                    None if i < a.len() => {
                        a.remove(i);
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    out
}

/// (status, body) cases: each example as given (or, for an error without
/// one, the body the docs build from the wire and the template, with its
/// placeholders filled), then mutated.
fn cases(c: &Catalog) -> Vec<(u16, Vec<u8>)> {
    let mut out = Vec::new();
    let swaps = replacements();
    for e in &c.errors {
        let status = e.status_u16().unwrap_or(400);
        let mut bodies: Vec<(u16, String)> = e
            .examples
            .iter()
            .map(|ex| (ex.status.unwrap_or(status), ex.body.value.clone()))
            .collect();
        if bodies.is_empty() {
            let built = error_catalog_model::docs::example_body(c, e);
            let filled = error_catalog_core::template::Template::parse(&built)
                .map_or(built.clone(), |t| t.render(|_| Some("7".to_string())));
            bodies.push((status, built));
            bodies.push((status, filled));
        }
        for (status, text) in &bodies {
            let (status, text) = (*status, text.as_bytes());
            out.push((status, text.to_vec()));
            out.push((418, text.to_vec()));
            out.push((status, text[..text.len() / 2].to_vec()));
            let Ok(v) = serde_json::from_slice::<Value>(text) else {
                continue;
            };
            let mut ps = Vec::new();
            pointers(&v, "", &mut ps);
            for p in &ps {
                out.push((status, mutate(&v, p, None).to_string().into_bytes()));
                for w in &swaps {
                    out.push((status, mutate(&v, p, Some(w)).to_string().into_bytes()));
                }
            }
        }
    }
    out
}

fn agree<E: FromResponse + ApiError + Fallback + serde::Serialize>(
    c: &Catalog,
    cases: &[(u16, Vec<u8>)],
) -> usize {
    let id = &c.service.id.value;
    let wires = std::iter::once(&c.wire).chain(c.wire.envelopes.iter().map(|e| &e.wire));
    let selects_in_arrays = wires
        .flat_map(|w| [&w.code, &w.message, &w.fields_at])
        .any(|p| p.as_ref().is_some_and(|p| p.value.selects()));
    let mut known = 0;
    for (status, body) in cases {
        let (status, body) = (*status, body.as_slice());
        let generated = E::from_response(status, body);
        let cli = error_catalog_model::response::decode(c, status, body);
        let text = String::from_utf8_lossy(body);
        let cli_code = cli.entry.map(|i| c.errors[i].code.value.as_str());
        let generated_code = generated.is_known().then(|| generated.code());
        assert_eq!(
            generated_code, cli_code,
            "{id} {status} {text}: entry (generated {generated}, CLI {:?})",
            cli.reason
        );
        match generated.fallback() {
            None => {
                known += 1;
                assert_eq!(
                    generated.details(),
                    cli.fields,
                    "{id} {status} {text}: fields"
                );
                // every member the CLI keeps (undeclared members, envelope
                // texts that differ from the entry's), the generated value
                // keeps and writes back where it was (a body kept whole, at
                // ""; and arrays two pointers take different elements of,
                // which are written back as one: array_write_back.rs)
                let wire = serde_json::to_value(&generated).expect("serializes");
                let kept = cli
                    .extras
                    .iter()
                    .filter(|(p, _)| !p.is_empty() && !selects_in_arrays);
                for (pointer, value) in kept {
                    assert_eq!(
                        wire.pointer(pointer),
                        Some(value),
                        "{id} {status} {text}: extra {pointer} in {wire}"
                    );
                }
            }
            Some(u) => {
                assert_eq!(
                    u.reason(),
                    cli.reason.as_deref(),
                    "{id} {status} {text}: reason"
                );
                assert_eq!(u.code(), cli.code.as_deref(), "{id} {status} {text}: code");
                assert_eq!(
                    u.message(),
                    cli.message.as_deref(),
                    "{id} {status} {text}: message"
                );
            }
        }
    }
    known
}

/// The seed documents' bodies named with `prefix`, under every status the
/// catalog names and one it does not.
fn seed_cases(c: &Catalog, prefix: &str) -> Vec<(u16, Vec<u8>)> {
    let mut statuses: Vec<u16> = c.errors.iter().filter_map(|e| e.status_u16()).collect();
    statuses.push(418);
    statuses.sort_unstable();
    statuses.dedup();
    let bodies: Vec<&str> = seed_bodies::ALL
        .iter()
        .filter(|(name, _)| name.starts_with(prefix))
        .map(|(_, body)| *body)
        .collect();
    assert!(
        bodies.len() >= 12,
        "{prefix}: only {} seed bodies",
        bodies.len()
    );
    let mut out = Vec::new();
    for body in bodies {
        for s in &statuses {
            out.push((*s, body.as_bytes().to_vec()));
        }
    }
    out
}

/// Agreement over a bundled catalog's cases (and the seed bodies of
/// `seeds`, when the seed documents give bodies); at least `min` of them.
fn agree_bundled<E: FromResponse + ApiError + Fallback + serde::Serialize>(id: &str, min: usize) {
    agree_bundled_with::<E>(id, min, None);
}

fn agree_bundled_with<E: FromResponse + ApiError + Fallback + serde::Serialize>(
    id: &str,
    min: usize,
    seeds: Option<&str>,
) {
    let c = error_catalog_tests::bundled(id);
    let mut cases = cases(&c);
    if let Some(prefix) = seeds {
        cases.extend(seed_cases(&c, prefix));
    }
    assert!(cases.len() >= min, "{id}: only {} cases", cases.len());
    let known = agree::<E>(&c, &cases);
    // the examples themselves are recognised, so both sides decode fields
    assert!(known >= c.errors.len(), "{id}: only {known} recognised");
}

#[test]
fn kya_agrees() {
    agree_bundled_with::<kya::KyaError>("kya", 300, Some("KYA_"));
}

#[test]
fn customer_verification_agrees() {
    agree_bundled_with::<customer_verification::CustomerVerificationError>(
        "customer_verification",
        300,
        Some("CV_"),
    );
}

#[test]
fn rakomi_agrees() {
    agree_bundled::<rakomi::RakomiError>("rakomi", 300);
}

#[test]
fn aironclaw_agrees() {
    agree_bundled::<aironclaw::AironclawError>("aironclaw", 300);
}

#[test]
fn moca_air_agrees() {
    agree_bundled::<moca_air::MocaAirError>("moca_air", 300);
}

fn message_identity_catalog() -> Catalog {
    let text = include_str!("../catalogs/message_identity.toml");
    error_catalog_model::load_str("message_identity.toml", text).expect("test catalog loads")
}

/// A number where the code pointer points does not stop a message-identified
/// wire from recognising the error, on either side.
#[test]
fn a_numeric_code_does_not_hide_a_message_identity() {
    let c = message_identity_catalog();
    let body =
        br#"{"error": {"code": 4290, "message": "Quota of 100 requests exceeded", "limit": 100}}"#;
    let generated = MessageIdentityError::from_response(429, body);
    assert!(
        matches!(generated, MessageIdentityError::Quota { limit: 100, .. }),
        "{generated:?}"
    );
    let cli = error_catalog_model::response::decode(&c, 429, body);
    assert_eq!(
        cli.entry.map(|i| c.errors[i].code.value.as_str()),
        Some("QUOTA")
    );
    assert_eq!(cli.fields["limit"], 100);
}

#[test]
fn message_identity_agrees() {
    let c = message_identity_catalog();
    let mut cases = Vec::new();
    for (status, message) in [
        (429, "Quota of 100 requests exceeded"),
        (429, "Quota of x requests exceeded"),
        (410, "The resource is gone"),
        (400, "Bad request"),
        (400, "Something else"),
    ] {
        for code in [
            json!("QUOTA"),
            json!(4290),
            json!(null),
            json!({"x": 1}),
            json!(true),
        ] {
            let v = json!({"error": {"code": code, "message": message, "resource": "r1", "limit": 100}});
            cases.push((status, v.to_string().into_bytes()));
            cases.push((500, v.to_string().into_bytes()));
        }
    }
    let known = agree::<MessageIdentityError>(&c, &cases);
    assert!(known >= 15, "only {known} recognised");
}

/// Lists of built-in types and declared objects (alone, in a list, with a
/// list member) read the same on both sides, element mutations included.
#[test]
fn lists_agree() {
    let text = include_str!("../catalogs/lists.toml");
    let c = error_catalog_model::load_str("lists.toml", text).expect("test catalog loads");
    let cases = cases(&c);
    assert!(cases.len() >= 300, "only {} cases", cases.len());
    let known = agree::<ListsError>(&c, &cases);
    assert!(known >= 40, "only {known} recognised");
}

/// A wire with a success mark: both sides read the mark's member as envelope
/// (the CLI keeps no `/ok` extra), and the generated value writes it back
/// first, as an error carries it (`"ok": false`).
#[test]
fn slack_like_agrees() {
    let text = include_str!("../catalogs/slack_like.toml");
    let c = error_catalog_model::load_str("slack_like.toml", text).expect("test catalog loads");
    let cases = cases(&c);
    assert!(cases.len() >= 80, "only {} cases", cases.len());
    let known = agree::<SlackLikeError>(&c, &cases);
    assert!(known >= c.errors.len(), "only {known} recognised");
    for (status, body) in &cases {
        let cli = error_catalog_model::response::decode(&c, *status, body);
        if cli.entry.is_none() {
            continue;
        }
        let text = String::from_utf8_lossy(body);
        assert!(
            cli.extras.iter().all(|(p, _)| p != "/ok"),
            "{status} {text}: {:?}",
            cli.extras
        );
        let generated = SlackLikeError::from_response(*status, body);
        let wire = serde_json::to_string(&generated).expect("serializes");
        assert!(
            wire.starts_with(r#"{"ok":false,"#),
            "{status} {text}: {wire}"
        );
    }
}

/// Pointers into arrays (`*`, `[member=value]`): both sides take the same
/// element, elements moved, removed or of another type included; and what the
/// generated value writes reads back as the same error.
#[test]
fn array_envelopes_agree() {
    for (name, text) in [
        (
            "cloudflare_like.toml",
            include_str!("../catalogs/cloudflare_like.toml"),
        ),
        (
            "aip193_like.toml",
            include_str!("../catalogs/aip193_like.toml"),
        ),
    ] {
        let c = error_catalog_model::load_str(name, text).expect("test catalog loads");
        let mut cases = cases(&c);
        // the element that decides comes second, or beside another error
        for e in &c.errors {
            for ex in &e.examples {
                let Ok(v) = serde_json::from_str::<Value>(&ex.body.value) else {
                    continue;
                };
                let mut moved = v.clone();
                for p in ["/errors", "/error/details"] {
                    if let Some(Value::Array(a)) = moved.pointer_mut(p) {
                        a.insert(0, json!({"note": "first"}));
                        a.push(json!({"code": 1, "reason": "OTHER", "@type": "type.googleapis.com/google.rpc.ErrorInfo"}));
                    }
                }
                cases.push((
                    e.status_u16().unwrap_or(400),
                    moved.to_string().into_bytes(),
                ));
            }
        }
        assert!(cases.len() >= 100, "{name}: only {} cases", cases.len());
        let known = if name.starts_with("cloudflare") {
            agree::<CloudflareLikeError>(&c, &cases)
        } else {
            agree::<Aip193LikeError>(&c, &cases)
        };
        assert!(known > c.errors.len(), "{name}: only {known} recognised");
        for (status, body) in &cases {
            let text = String::from_utf8_lossy(body);
            let (code, wire) = if name.starts_with("cloudflare") {
                let e = CloudflareLikeError::from_response(*status, body);
                (
                    e.is_known().then(|| e.code().to_string()),
                    serde_json::to_vec(&e),
                )
            } else {
                let e = Aip193LikeError::from_response(*status, body);
                (
                    e.is_known().then(|| e.code().to_string()),
                    serde_json::to_vec(&e),
                )
            };
            let Some(code) = code else { continue };
            let wire = wire.expect("serializes");
            // written as the service sends it: the element inside an array
            // (where the body had it: tests/tests/array_write_back.rs)
            let written: Value = serde_json::from_slice(&wire).expect("JSON");
            let holds = |at: &str, key: &str| {
                written
                    .pointer(at)
                    .and_then(Value::as_array)
                    .is_some_and(|a| a.iter().any(|e| e.get(key).is_some()))
            };
            assert!(
                holds("/errors", "code") || holds("/error/details", "reason"),
                "{name} {status} {text}: written as {written}"
            );
            let again = error_catalog_model::response::decode(&c, *status, &wire);
            assert_eq!(
                again.entry.map(|i| c.errors[i].code.value.clone()),
                Some(code),
                "{name} {status} {text}: written as {}",
                String::from_utf8_lossy(&wire)
            );
        }
    }
}

fn optional_fields_catalog() -> Catalog {
    let text = include_str!("../catalogs/optional_fields.toml");
    error_catalog_model::load_str("optional_fields.toml", text).expect("test catalog loads")
}

/// A card declined with every field of the right type.
fn card_declined() -> Value {
    json!({
        "error": {
            "code": "card_declined",
            "message": "Your card was declined",
            "charge": "ch_1",
            "decline_code": "insufficient_funds",
            "attempts": 2,
            "retryable": true,
            "limits": [1, 2]
        },
        "meta": {"trace": "t-1"}
    })
}

/// An optional field holding a value of another type reads as absent on
/// every side (the generated enum read typed then again raw, its borrowed
/// view, the CLI): the error keeps its identity, and the value is kept in
/// the extra under its JSON pointer with the reason, so that serializing
/// the error writes the body back as it came.
#[test]
fn an_optional_field_of_another_type_is_none_everywhere() {
    let c = optional_fields_catalog();
    let base = card_declined();
    for (pointer, field, with) in [
        // a string given a number, an integer given a string, one out of
        // range, a boolean given an object, a list with a stray element,
        // and a field at its own pointer
        ("/error/decline_code", "decline_code", json!(42)),
        ("/error/attempts", "attempts", json!("2")),
        ("/error/attempts", "attempts", json!(-1)),
        ("/error/retryable", "retryable", json!({"x": 1})),
        ("/error/limits", "limits", json!([1, "two"])),
        ("/meta/trace", "trace", json!(7)),
    ] {
        let body = mutate(&base, pointer, Some(&with)).to_string();
        let what = format!("{pointer} = {with}");
        let generated = OptionalFieldsError::from_response(402, body.as_bytes());
        let OptionalFieldsError::CardDeclined { extra, .. } = &generated else {
            panic!("{what}: {generated:?}")
        };
        let mut expected = base
            .pointer("/error")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        expected.retain(|k, _| !matches!(k.as_str(), "code" | "message"));
        expected.insert("trace".to_string(), json!("t-1"));
        expected.remove(field);
        assert_eq!(generated.details(), expected, "{what}: the other fields");
        assert_eq!(
            extra.get(pointer).map(|v| v.get()),
            Some(with.to_string().as_str()),
            "{what}: kept"
        );
        let unread: Vec<(&str, &str)> = extra.unread().collect();
        assert_eq!(unread.len(), 1, "{what}: {unread:?}");
        assert_eq!(unread[0].0, pointer, "{what}");
        assert!(
            unread[0].1.starts_with(&format!("field `{field}`: ")),
            "{what}: the reason names the field: {}",
            unread[0].1
        );
        assert_eq!(
            serde_json::to_value(&generated).unwrap(),
            serde_json::from_str::<Value>(&body).unwrap(),
            "{what}: written back"
        );

        let view = OptionalFieldsErrorRef::from_response(402, body.as_bytes());
        assert_eq!(
            format!("{:?}", view.into_owned()),
            format!("{generated:?}"),
            "{what}: the view"
        );

        let cli = error_catalog_model::response::decode(&c, 402, body.as_bytes());
        assert_eq!(cli.entry, Some(0), "{what}: {:?}", cli.reason);
        assert_eq!(cli.fields, expected, "{what}: the CLI's fields");
        let cli_unread: Vec<(&str, &str)> = cli
            .unread
            .iter()
            .map(|(p, r)| (p.as_str(), r.as_str()))
            .collect();
        assert_eq!(cli_unread, unread, "{what}: the CLI's reason");
        assert_eq!(
            cli.extras,
            [(pointer.to_string(), with.clone())],
            "{what}: the CLI's extras"
        );
    }
}

/// `null` in an optional field is `None`, and nothing is kept.
#[test]
fn null_in_an_optional_field_stays_none() {
    let c = optional_fields_catalog();
    let base = card_declined();
    for (pointer, field) in [
        ("/error/decline_code", "decline_code"),
        ("/error/attempts", "attempts"),
        ("/error/retryable", "retryable"),
        ("/error/limits", "limits"),
        ("/meta/trace", "trace"),
    ] {
        let body = mutate(&base, pointer, Some(&Value::Null)).to_string();
        let generated = OptionalFieldsError::from_response(402, body.as_bytes());
        let OptionalFieldsError::CardDeclined { extra, .. } = &generated else {
            panic!("{pointer}: {generated:?}")
        };
        assert!(extra.is_empty(), "{pointer}: {extra:?}");
        assert!(!generated.details().contains_key(field), "{pointer}");
        let cli = error_catalog_model::response::decode(&c, 402, body.as_bytes());
        assert_eq!(
            cli.fields,
            generated.details(),
            "{pointer}: the CLI's fields"
        );
        assert!(
            cli.unread.is_empty() && cli.extras.is_empty(),
            "{pointer}: {cli:?}"
        );
    }
}

/// A required field of another type still sends the response to the
/// fallback, on every side, with a reason naming the field and its place.
#[test]
fn a_required_field_of_another_type_falls_back_everywhere() {
    let c = optional_fields_catalog();
    let body = mutate(&card_declined(), "/error/charge", Some(&json!(5))).to_string();
    let reason = "field `charge`: invalid type: integer `5`, expected a string (at /error/charge)";
    let generated = OptionalFieldsError::from_response(402, body.as_bytes());
    assert_eq!(
        generated.fallback().and_then(UnknownError::reason),
        Some(reason)
    );
    let view = OptionalFieldsErrorRef::from_response(402, body.as_bytes());
    assert!(
        matches!(&view, OptionalFieldsErrorRef::Unknown(u) if u.reason() == Some(reason)),
        "{view:?}"
    );
    let cli = error_catalog_model::response::decode(&c, 402, body.as_bytes());
    assert_eq!(cli.reason.as_deref(), Some(reason));
}

/// The optional fields catalog's mutations agree too.
#[test]
fn optional_fields_agree() {
    let c = optional_fields_catalog();
    let cases = cases(&c);
    let known = agree::<OptionalFieldsError>(&c, &cases);
    assert!(known >= 60, "only {known} recognised");
}

/// Codes cut out of what is sent (`code_cut`), read from a header first
/// (`code_header`): the mutated bodies without headers, and each with the
/// header naming the other error, agree.
#[test]
fn aws_json_like_agrees() {
    let text = include_str!("../catalogs/aws_json_like.toml");
    let c = error_catalog_model::load_str("aws_json_like.toml", text).expect("test catalog loads");
    let cases = cases(&c);
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let known = agree::<AwsJsonLikeError>(&c, &cases);
    assert!(known >= c.errors.len(), "only {known} recognised");
    let header = [(
        "x-amzn-errortype",
        "ThrottlingException:http://internal.amazon.com/x",
    )];
    for (status, body) in &cases {
        let generated = AwsJsonLikeError::from_parts(*status, &header, body);
        let cli = error_catalog_model::response::decode_with(&c, *status, &header, body);
        let text = String::from_utf8_lossy(body);
        assert_eq!(
            generated.is_known().then(|| generated.code()),
            cli.entry.map(|i| c.errors[i].code.value.as_str()),
            "{status} {text}"
        );
        assert_eq!(generated.code(), "ThrottlingException", "{status} {text}");
    }
}

/// A coded error's placeholders captured from the message received: both
/// sides fill the same fields, and leave them empty alike when the message
/// is mutated out of the template's shape.
#[test]
fn captured_messages_agree() {
    let text = include_str!("../catalogs/captured_messages.toml");
    let c =
        error_catalog_model::load_str("captured_messages.toml", text).expect("test catalog loads");
    let cases = cases(&c);
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let known = agree::<CapturedMessagesError>(&c, &cases);
    assert!(known >= c.errors.len(), "only {known} recognised");
}

/// Two envelopes (an API's own and OAuth 2.0's): both sides read a body in
/// the second when it lacks the first's code, name only the second's errors
/// by its codes, and keep an unknown second-envelope code and its message in
/// the fallback alike.
#[test]
fn two_envelopes_agree() {
    let text = include_str!("../catalogs/two_envelopes.toml");
    let c = error_catalog_model::load_str("two_envelopes.toml", text).expect("test catalog loads");
    let mut cases = cases(&c);
    for body in [
        r#"{"error": "unsupported_grant_type", "error_description": "no such grant"}"#,
        r#"{"error": {"code": "invalid_client", "message": "in the wrong envelope"}}"#,
        r#"{"error": "NOT_FOUND", "error_description": "a main code in the second envelope"}"#,
        r#"{"error": 5}"#,
        r#"{"error": null, "error_description": "no code at all"}"#,
        r#"{"error_description": "no code at all"}"#,
    ] {
        cases.push((400, body.as_bytes().to_vec()));
    }
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let known = agree::<TwoEnvelopesError>(&c, &cases);
    assert!(known >= c.errors.len(), "only {known} recognised");
}
