//! The walker generated per wire hands the sink what `engine::walk` would: over a
//! custom envelope two objects deep (`tests/catalogs/deep_envelope.toml`), bodies
//! with members everywhere, repeated keys, escaped keys and envelope objects that
//! are not objects give the same error, fields and kept members as the CLI's
//! run-time classifier, which reads with `engine::walk`. The same over wires
//! reaching into arrays (`*` and indices): a first element without all it is
//! taken for, elements of every kind, arrays where objects are expected and
//! objects where arrays are.

use error_catalog::{ApiError, FromResponse};
use serde_json::Value;

mod deep {
    error_catalog::catalog!("catalogs/deep_envelope.toml");
}
use deep::DeepError;

const BODIES: &[(u16, &str)] = &[
    // the plain body
    (
        429,
        r#"{"meta":{"error":{"code":"QUOTA","message":"Quota of 5 reached for ann"}},"data":{"limit":5,"who":"ann"}}"#,
    ),
    // members nobody declares at every level, with keys a pointer must escape
    (
        429,
        r#"{"top":1,"meta":{"m":[1,2],"error":{"code":"QUOTA","message":"Quota of 5 reached for ann","e/x":{"a":1},"t~":"z"},"trace":"t-1"},"data":{"limit":5,"who":"ann","more":null},"tail":{"x":"y"}}"#,
    ),
    // an escaped key naming a slot, and keys in another order
    (
        429,
        r#"{"data":{"who":"bo","limit":7},"meta":{"err\u006fr":{"message":"Quota of 7 reached for bo","c\u006fde":"QUOTA"}}}"#,
    ),
    // a slot twice: the typed reading refuses it and the body is read again raw
    (
        429,
        r#"{"meta":{"error":{"code":"QUOTA","code":"GONE","message":"Gone"}},"data":{}}"#,
    ),
    // an envelope object that is not one: kept under its pointer
    (410, r#"{"meta":"not an object","data":{}}"#),
    (410, r#"{"meta":{"error":[1,2]},"data":{"k":1}}"#),
    (
        410,
        r#"{"meta":{"error":{"code":"GONE","message":"Gone"}},"data":"text"}"#,
    ),
    // the same for a variant whose only fields there are optional
    (
        409,
        r#"{"meta":{"error":{"code":"SOFT","message":"Soft conflict"}},"data":"text"}"#,
    ),
    (
        409,
        r#"{"meta":{"error":{"code":"SOFT","message":"Soft conflict"}},"data":{"hint":"h"}}"#,
    ),
    // the fields object twice, a received message, a trace
    (
        410,
        r#"{"meta":{"trace":"abc","error":{"code":"GONE","message":"It went"}},"data":{"a":1},"data":{"b":2}}"#,
    ),
    // an unknown code, and no envelope at all
    (
        400,
        r#"{"meta":{"error":{"code":"NOPE","message":"?"}},"x":1}"#,
    ),
    (400, r#"{"x":{"meta":1}}"#),
    (400, r#"[1]"#),
];

#[test]
fn the_generated_walker_agrees_with_engine_walk() {
    let known = agree::<DeepError>("deep_envelope.toml", BODIES);
    assert!(known >= 5, "only {known} bodies recognised");
}

mod cloudflare {
    error_catalog::catalog!("catalogs/cloudflare_like.toml");
}
mod sendgrid {
    error_catalog::catalog!("catalogs/sendgrid.toml");
}
mod indexed {
    error_catalog::catalog!("catalogs/indexed_arrays.toml");
}

/// Bodies for a wire whose code, message and fields object are the first
/// element of `errors` (`*`), with codes 7003 (400) and 10000 (403).
const FIRST_ELEMENT: &[(u16, &str)] = &[
    // the plain body, and more elements after it
    (
        400,
        r#"{"success":false,"errors":[{"code":7003,"message":"Could not route"}],"messages":[],"result":null}"#,
    ),
    (
        403,
        r#"{"success":false,"errors":[{"code":10000,"message":"Authentication error","documentation_url":"https://x"},{"code":9109,"message":"b"},[1],"s",null],"messages":[{"m":1}]}"#,
    ),
    // members the fields object does not declare, nested and escaped
    (
        400,
        r#"{"errors":[{"message":"Could not route","source":{"pointer":"/a","x~":[{}]},"code":7003,"k/e":1}],"result":{"id":"r"}}"#,
    ),
    // elements that are not objects, and an array in an element's place
    (400, r#"{"errors":[[{"code":7003,"message":"M"}]]}"#),
    // no elements, no array
    (400, r#"{"success":false,"errors":[],"messages":[]}"#),
    (400, r#"{"errors":null}"#),
    (400, r#"{"errors":"down"}"#),
    // an unknown code, and no envelope at all
    (400, r#"{"errors":[{"code":1,"message":"?"}]}"#),
    (400, r#"[{"errors":[]}]"#),
];

/// Bodies whose first element lacks some of what `*` takes it for (a later
/// element gives the rest), and an object with a `*` member where the array
/// is. The generated walker refuses them and `engine::walk` reads them; the
/// error is written back in the wire's shape, what it read gathered into the
/// first element of `errors` (so not every member is where it was).
const SPREAD: &[(u16, &str)] = &[
    (400, r#"{"errors":{"*":{"code":7003,"message":"M"}}}"#),
    // the first element without the message: the second one gives it
    (
        400,
        r#"{"errors":[{"code":7003},{"message":"Could not route","extra":2},{"code":1}]}"#,
    ),
    // a first element with neither, an empty one, a code seen twice
    (
        400,
        r#"{"errors":[{"other":1},{"code":7003,"message":"Could not route"}]}"#,
    ),
    (400, r#"{"errors":[{},{"code":7003,"message":"M"}]}"#),
    (400, r#"{"errors":["text",{"code":7003,"message":"M"}]}"#),
    (
        400,
        r#"{"errors":[{"code":7003,"code":10000,"message":"Twice"}]}"#,
    ),
];

/// Bodies for a wire with no code, reading the message and fields of the
/// first element of `errors`, and an id at the root.
const MESSAGES: &[(u16, &str)] = &[
    (
        400,
        r#"{"errors":[{"field":"subject","message":"subject can't be blank"},{"field":"sender_id","message":"sender_id can't be blank"}],"id":"e1"}"#,
    ),
    (
        400,
        r#"{"errors":[{"field":"","message":"Request body is not valid json","help":{"a":[1]}}]}"#,
    ),
];

/// [`MESSAGES`] whose first element lacks the message (as [`SPREAD`]), or
/// with no element (written back with the entry's message).
const SPREAD_MESSAGES: &[(u16, &str)] = &[
    (400, r#"{"errors":[]}"#),
    (
        400,
        r#"{"errors":[{"field":"x"},{"message":"late message"}]}"#,
    ),
    (
        400,
        r#"{"errors":[5,{"message":"Request body is not valid json"}]}"#,
    ),
];

/// Bodies for a wire reaching element 1 of `data/errors` by index and the
/// first element of its `notes` holding a text (`*`).
const INDEXED: &[(u16, &str)] = &[
    (
        429,
        r#"{"data":{"errors":[{"skip":true},{"code":"QUOTA","notes":[{"text":"Quota of 5 reached"}],"meta":{"limit":5}}]}}"#,
    ),
    // elements around it kept by their index, members kept at every level
    (
        429,
        r#"{"trace":"t","data":{"n":1,"errors":[{"a":1},{"x":{"y":2},"code":"QUOTA","notes":[{"text":"Quota of 7 reached","lang":"en"},{"text":"second"}],"meta":{"limit":7,"who":"ann","z":null}},{"b":2},3]},"tail":[]}"#,
    ),
    // the first note without a text: the next one gives it
    (
        429,
        r#"{"data":{"errors":[{},{"code":"QUOTA","notes":[{"lang":"en"},{"text":"Quota of 2 reached"}],"meta":{"limit":2}}]}}"#,
    ),
    // too few elements, element 1 not an object, notes not an array
    (410, r#"{"data":{"errors":[{"code":"GONE"}]}}"#),
    (410, r#"{"data":{"errors":[{},"GONE"]}}"#),
    (
        410,
        r#"{"data":{"errors":[{},{"code":"GONE","notes":{"text":"Gone"}}]}}"#,
    ),
    (
        410,
        r#"{"data":{"errors":[{},{"code":"GONE","notes":[{"text":"Gone"}]}]}}"#,
    ),
    // an object with a `1` member where the array is
    (
        410,
        r#"{"data":{"errors":{"1":{"code":"GONE","notes":[{"text":"Gone"}]}}}}"#,
    ),
];

#[test]
fn the_generated_walker_agrees_with_engine_walk_over_array_wires() {
    let known = agree::<cloudflare::CloudflareLikeError>("cloudflare_like.toml", FIRST_ELEMENT);
    assert!(
        known >= 3,
        "cloudflare-like: only {known} bodies recognised"
    );
    let known = agree_on_error::<cloudflare::CloudflareLikeError>(
        "cloudflare_like.toml",
        SPREAD,
        kept_somewhere,
    );
    assert!(
        known >= 4,
        "cloudflare-like: only {known} spread bodies recognised"
    );
    let known = agree::<sendgrid::SendgridError>("sendgrid.toml", MESSAGES);
    assert!(known >= 2, "sendgrid: only {known} bodies recognised");
    let known =
        agree_on_error::<sendgrid::SendgridError>("sendgrid.toml", SPREAD_MESSAGES, kept_somewhere);
    assert!(
        known >= 2,
        "sendgrid: only {known} spread bodies recognised"
    );
    // (an element kept before the one an index takes is written back after
    // it: where each member is is not checked here)
    let known =
        agree_on_error::<indexed::IndexedError>("indexed_arrays.toml", INDEXED, kept_somewhere);
    assert!(known >= 5, "indexed: only {known} bodies recognised");
}

/// Decodes every body with the generated code (`E`) and with the CLI's
/// decoder over the catalog `file` (in `tests/catalogs`), and checks they give
/// the same error, fields and kept members, and that nothing the body held is
/// lost when the error is written back. Returns how many bodies were known.
fn agree<E>(file: &str, bodies: &[(u16, &str)]) -> usize
where
    E: ApiError + FromResponse + serde::Serialize + std::fmt::Debug + ExtraMembers,
{
    agree_on_error::<E>(file, bodies, kept_where_it_was)
}

/// The generated error written back holds every member the CLI kept, and
/// every member of the body (the last of a repeated key), where it was.
fn kept_where_it_was(body: &str, wire: (Value, &[(String, Value)])) {
    let (wire, extras) = wire;
    for (pointer, value) in extras {
        // (the fields object's members are named under the wire's
        // `fields_at` as written, `/errors/*/…`: written back into the
        // element `*` took, which here is the first)
        let pointer = pointer.replace("/*/", "/0/");
        assert_eq!(
            wire.pointer(&pointer),
            Some(value),
            "{body}: kept member {pointer} in {wire}"
        );
    }
    let sent: Value = serde_json::from_str(body).expect("test bodies are JSON");
    for (pointer, value) in leaves(&sent, String::new()) {
        assert_eq!(
            wire.pointer(&pointer),
            Some(&value),
            "{body}: {pointer} lost in {wire}"
        );
    }
}

/// The generated error written back holds every value the CLI kept, somewhere.
fn kept_somewhere(body: &str, wire: (Value, &[(String, Value)])) {
    fn holds(wire: &Value, value: &Value) -> bool {
        wire == value
            || match wire {
                Value::Object(m) => m.values().any(|v| holds(v, value)),
                Value::Array(a) => a.iter().any(|v| holds(v, value)),
                _ => false,
            }
    }
    let (wire, extras) = wire;
    for (pointer, value) in extras {
        assert!(
            holds(&wire, value),
            "{body}: kept member {pointer} not in {wire}"
        );
    }
}

/// [`agree`]'s error and fields, with `written` checking the error written
/// back (given the body, and the written error with the CLI's kept members).
fn agree_on_error<E>(
    file: &str,
    bodies: &[(u16, &str)],
    written: impl Fn(&str, (Value, &[(String, Value)])),
) -> usize
where
    E: ApiError + FromResponse + serde::Serialize + std::fmt::Debug + ExtraMembers,
{
    let path = format!("{}/catalogs/{file}", env!("CARGO_MANIFEST_DIR"));
    let c = error_catalog_model::load_file(&path).expect("the test catalog loads");
    let mut known = 0;
    for &(status, body) in bodies {
        let generated = E::from_response(status, body.as_bytes());
        let runtime = error_catalog_model::response::decode(&c, status, body.as_bytes());
        let runtime_code = runtime.entry.map(|i| c.errors[i].code.value.as_str());
        assert_eq!(
            generated.is_known().then(|| generated.code()),
            runtime_code,
            "{body}: generated {generated:?}, CLI {:?}",
            runtime.reason
        );
        if !generated.is_known() {
            continue;
        }
        known += 1;
        assert_eq!(generated.details(), runtime.fields, "{body}: fields");
        // the members kept, named by the same pointers in the same order
        assert_eq!(generated.kept(), runtime.extras, "{body}: kept members");
        let wire = serde_json::to_value(&generated).expect("serializing");
        written(body, (wire, &runtime.extras));
    }
    known
}

/// The members a known error holds in its extra, as (JSON pointer, value).
trait ExtraMembers {
    fn kept(&self) -> Vec<(String, Value)>;
}

macro_rules! kept {
    ($t:ty: $($v:ident),*) => {
        impl ExtraMembers for $t {
            fn kept(&self) -> Vec<(String, Value)> {
                let extra = match self {
                    $(Self::$v { extra, .. } => extra,)*
                    Self::Unknown(_) => return Vec::new(),
                };
                extra
                    .members()
                    .map(|(p, v)| (p.to_string(), serde_json::from_str(v.get()).expect("kept JSON")))
                    .collect()
            }
        }
    };
}

kept!(DeepError: Quota, Gone, Soft);
kept!(cloudflare::CloudflareLikeError: CouldNotRoute, AuthenticationError, Throttled);
kept!(indexed::IndexedError: Quota, Gone);
kept!(sendgrid::SendgridError: InvalidJson, BadRequest, AuthorizationRequired, Unauthorized, Forbidden, NotFound, MissingAcceptHeader, DataResidency, TooManyRequests, InternalServerError);

/// (pointer, value) of every member that is not itself an object (an empty
/// object holds nothing to keep).
fn leaves(v: &Value, at: String) -> Vec<(String, Value)> {
    match v {
        Value::Object(m) => m
            .iter()
            .flat_map(|(k, v)| {
                let key = k.replace('~', "~0").replace('/', "~1");
                leaves(v, format!("{at}/{key}"))
            })
            .collect(),
        _ => vec![(at, v.clone())],
    }
}
