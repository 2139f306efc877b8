//! The walker generated per wire hands the sink what `engine::walk` would: over a
//! custom envelope two objects deep (`tests/catalogs/deep_envelope.toml`), bodies
//! with members everywhere, repeated keys, escaped keys and envelope objects that
//! are not objects give the same error, fields and kept members as the CLI's
//! run-time classifier, which reads with `engine::walk`.

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
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/catalogs/deep_envelope.toml");
    let c = error_catalog_model::load_file(path).expect("the test catalog loads");
    let mut known = 0;
    for &(status, body) in BODIES {
        let generated = DeepError::from_response(status, body.as_bytes());
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
        let wire = serde_json::to_value(&generated).expect("serializing");
        for (pointer, value) in &runtime.extras {
            assert_eq!(
                wire.pointer(pointer),
                Some(value),
                "{body}: kept member {pointer} in {wire}"
            );
        }
        // and nothing is lost: every member of the body (the last of a repeated
        // key) is written back where it was
        let sent: Value = serde_json::from_str(body).expect("test bodies are JSON");
        for (pointer, value) in leaves(&sent, String::new()) {
            assert_eq!(
                wire.pointer(&pointer),
                Some(&value),
                "{body}: {pointer} lost in {wire}"
            );
        }
    }
    assert!(known >= 5, "only {known} bodies recognised");
}

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
