//! `error-catalog schema`: the JSON Schema of every catalog (bundled and
//! `catalogs/examples/`) is itself valid, accepts every example body of its
//! catalog and the serialized form (the service's envelope, and RFC 9457
//! problem details against `schema --problem-json`) of every error the bundled
//! enums read from them, and refuses bodies that break what the catalog says.

use error_catalog::{ApiError, FromResponse};
use error_catalog_model::model::Catalog;
use error_catalog_services::{aironclaw, customer_verification, kya, moca_air, rakomi};
use serde_json::{json, Value};

mod common;
use common::{bundled, EXAMPLES};

fn validator(c: &Catalog) -> jsonschema::Validator {
    let schema = error_catalog_model::schema::envelope(c);
    jsonschema::draft202012::new(&schema).unwrap_or_else(|e| {
        panic!(
            "{}: the schema is not valid: {e}\n{schema:#}",
            c.service.id.value
        )
    })
}

/// Every error's own schema (`$defs`), as a validator of its own.
fn error_validator(
    c: &Catalog,
    e: &error_catalog_model::model::ErrorEntry,
) -> jsonschema::Validator {
    let mut schema = error_catalog_model::schema::envelope(c);
    let name = error_catalog_model::schema::def_name(c, e);
    let root = schema.as_object_mut().expect("an object");
    root.remove("oneOf");
    root.remove("anyOf");
    root.insert("$ref".into(), json!(format!("#/$defs/{name}")));
    jsonschema::draft202012::new(&schema).expect("valid")
}

fn errors_of(v: &jsonschema::Validator, body: &Value) -> Vec<String> {
    v.iter_errors(body)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// What `err` writes validates: as the service's envelope against `all`, as
/// problem details against `problem`.
fn writes_valid<E: ApiError + serde::Serialize>(
    id: &str,
    err: &E,
    all: &jsonschema::Validator,
    problem: &jsonschema::Validator,
) {
    let written = serde_json::to_value(err).expect("serializes");
    assert!(
        all.is_valid(&written),
        "{id} {written}: {:?}",
        errors_of(all, &written)
    );
    let details = serde_json::to_value(error_catalog::problem::Problem(err)).expect("serializes");
    assert!(
        problem.is_valid(&details),
        "{id} {details}: {:?}",
        errors_of(problem, &details)
    );
}

/// Every example body validates against its error's schema and the envelope's.
fn examples_validate(c: &Catalog) -> usize {
    let all = validator(c);
    let mut n = 0;
    for e in &c.errors {
        let own = error_validator(c, e);
        for ex in &e.examples {
            let Ok(body) = serde_json::from_str::<Value>(&ex.body.value) else {
                continue; // (a documented body that is not JSON: a proxy's page)
            };
            assert!(
                all.is_valid(&body),
                "{} {}: {:?}",
                c.service.id.value,
                ex.body.value,
                errors_of(&all, &body)
            );
            assert!(
                own.is_valid(&body),
                "{} `{}` {}: {:?}",
                c.service.id.value,
                e.code.value,
                ex.body.value,
                errors_of(&own, &body)
            );
            n += 1;
        }
    }
    n
}

#[test]
fn every_example_body_validates() {
    let mut n = 0;
    for (id, _, _) in error_catalog_services::ALL {
        n += examples_validate(&bundled(id));
    }
    for (file, text) in EXAMPLES {
        let c = error_catalog_model::load_str(file, text).unwrap_or_else(|p| panic!("{p}"));
        n += examples_validate(&c);
    }
    assert!(n >= 60, "only {n} example bodies");
}

/// The schema of a catalog whose codes are cut (`code_cut`, Amazon SQS)
/// accepts its own example bodies: each code is a pattern around the bare
/// name (`com.amazonaws.sqs#QueueDoesNotExist`), and a body whose code comes
/// in the header alone (`code_header`) carries none.
#[test]
fn cut_code_example_bodies_validate() {
    let mut n = 0;
    for (file, text) in EXAMPLES {
        let c = error_catalog_model::load_str(file, text).unwrap_or_else(|p| panic!("{p}"));
        if c.wire.code_cut.is_some() {
            n += examples_validate(&c);
        }
    }
    assert!(n >= 20, "only {n} example bodies");
}

/// What a bundled enum writes for each example it reads validates too.
fn serialized_validate<E: FromResponse + ApiError + serde::Serialize>(id: &str) -> usize {
    let c = bundled(id);
    let all = validator(&c);
    let problem_schema = error_catalog_model::schema::problem(&c);
    let problem = jsonschema::draft202012::new(&problem_schema)
        .unwrap_or_else(|e| panic!("{id}: the problem schema is not valid: {e}"));
    let mut n = 0;
    for e in &c.errors {
        for ex in &e.examples {
            let status = ex.status.or(e.status_u16()).unwrap_or(400);
            let err = E::from_response(status, ex.body.value.as_bytes());
            if !err.is_known() {
                continue;
            }
            writes_valid(id, &err, &all, &problem);
            n += 1;
        }
    }
    n
}

#[test]
fn every_serialized_error_validates() {
    let n = serialized_validate::<kya::KyaError>("kya")
        + serialized_validate::<customer_verification::CustomerVerificationError>(
            "customer_verification",
        )
        + serialized_validate::<rakomi::RakomiError>("rakomi")
        + serialized_validate::<aironclaw::AironclawError>("aironclaw")
        + serialized_validate::<moca_air::MocaAirError>("moca_air");
    // (the errors the examples show; every variant: below)
    assert!(n >= 25, "only {n} errors");
}

/// The schema says what the catalog says: a wrong code, a field of the wrong
/// type, a missing required field, a declared object without its required
/// member are refused.
#[test]
fn bodies_that_break_the_catalog_are_refused() {
    let (file, text) = EXAMPLES[0];
    let github = error_catalog_model::load_str(file, text).unwrap_or_else(|p| panic!("{p}"));
    let failed = github
        .errors
        .iter()
        .find(|e| e.code.value == "validation_failed")
        .expect("entry");
    let own = error_validator(&github, failed);
    assert!(own.is_valid(&json!({"message": "Validation Failed", "errors": [{"resource": "Issue", "field": "title", "code": "missing_field"}]})));
    assert!(!own.is_valid(&json!({"message": "Validation Failed", "errors": [{"resource": "Issue", "code": "missing_field"}]})));
    assert!(!own.is_valid(&json!({"message": "Validation Failed", "errors": "none"})));
    assert!(!own.is_valid(&json!({"message": 7})));

    let (file, text) = EXAMPLES[4];
    let rpc = error_catalog_model::load_str(file, text).unwrap_or_else(|p| panic!("{p}"));
    let all = validator(&rpc);
    assert!(all.is_valid(&json!({"error": {"code": -32601, "message": "Method not found"}})));
    // a code no error has, nor the server range
    assert!(!all.is_valid(&json!({"error": {"code": 42, "message": "Busy"}})));
    assert!(all.is_valid(&json!({"error": {"code": -32050, "message": "Busy"}})));
    // integer codes are numbers
    assert!(!all.is_valid(&json!({"error": {"code": "-32601", "message": "Method not found"}})));

    let kya = bundled("kya");
    let all = validator(&kya);
    let schema = error_catalog_model::schema::envelope(&kya);
    // identified by code alone: exactly one error's schema matches a body
    assert!(schema.get("oneOf").is_some(), "{schema:#}");
    assert!(!all.is_valid(&json!({"code": "NO_SUCH_CODE", "error": "x"})));

    // problem details: the status and the code are the error's
    let problem =
        jsonschema::draft202012::new(&error_catalog_model::schema::problem(&kya)).expect("valid");
    let e = kya
        .errors
        .iter()
        .find(|e| !e.examples.is_empty() && e.status_u16().is_some())
        .expect("an error with an example");
    let err = kya::KyaError::from_response(
        e.status_u16().unwrap_or(400),
        e.examples[0].body.value.as_bytes(),
    );
    assert!(err.is_known(), "{err:?}");
    let details = serde_json::to_value(error_catalog::problem::Problem(&err)).expect("serializes");
    assert!(problem.is_valid(&details), "{details}");
    let mut wrong = details.clone();
    wrong["status"] = json!(599);
    assert!(!problem.is_valid(&wrong), "{wrong}");
    let mut wrong = details;
    wrong["code"] = json!("NO_SUCH_CODE");
    assert!(!problem.is_valid(&wrong), "{wrong}");
}

/// A value of schema `s` (`defs`: where `$ref`s point): constants as they
/// are, the first choice of an `anyOf`, every member of an object, one item
/// of an array, `"x"` for text, 7 (within bounds) for an integer.
fn instance(s: &Value, defs: &Value) -> Value {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or_default();
        return instance(&defs[name], defs);
    }
    if let Some(c) = s.get("const") {
        return c.clone();
    }
    if let Some(first) = s.get("anyOf").and_then(|a| a.get(0)) {
        return instance(first, defs);
    }
    match s.get("type").and_then(Value::as_str) {
        Some("object") => {
            let mut m = serde_json::Map::new();
            for (k, p) in s["properties"].as_object().into_iter().flatten() {
                m.insert(k.clone(), instance(p, defs));
            }
            Value::Object(m)
        }
        Some("array") => json!([instance(&s["items"], defs)]),
        Some("string") => json!("x"),
        Some("integer") => {
            let lo = s.get("minimum").and_then(Value::as_i64).unwrap_or(i64::MIN);
            let hi = s.get("maximum").and_then(Value::as_i64).unwrap_or(i64::MAX);
            json!(7_i64.clamp(lo, hi))
        }
        Some("number") => json!(1.5),
        Some("boolean") => json!(true),
        Some("null") => Value::Null,
        _ => json!({"any": 1}),
    }
}

/// Every variant of `E`: a body built from its error's schema (the message
/// rendered from the template with the same values) is read as that variant,
/// and what the enum writes back validates in both forms.
fn every_variant<E: FromResponse + ApiError + serde::Serialize>(id: &str) -> usize {
    let c = bundled(id);
    let schema = error_catalog_model::schema::envelope(&c);
    let all = validator(&c);
    let problem =
        jsonschema::draft202012::new(&error_catalog_model::schema::problem(&c)).expect("valid");
    let defs = &schema["$defs"];
    let mut n = 0;
    for e in &c.errors {
        let mut body = instance(&defs[error_catalog_model::schema::def_name(&c, e)], defs);
        // the message: the template, its placeholders filled as the fields are
        let kinds: Vec<(String, bool)> = e
            .fields
            .iter()
            .chain(&c.wire.fields)
            .map(|f| (f.wire.value.clone(), f.ty.value.base.is_integer()))
            .collect();
        let message = error_catalog_core::template::Template::parse(&e.message.value)
            .expect("template")
            .render(|name| {
                let integer = kinds.iter().any(|(n, int)| n == name && *int);
                Some(if integer { "7" } else { "x" }.to_string())
            });
        if let Some(p) = &c.wire.message {
            if p.value.segments.is_empty() {
                body = json!(message);
            } else if let Some(slot) = body.pointer_mut(&p.value.text) {
                *slot = json!(message);
            }
        }
        let status = e.status_u16().unwrap_or(400);
        let text = body.to_string();
        let err = E::from_response(status, text.as_bytes());
        assert_eq!(
            err.info().map(|i| i.variant),
            Some(e.variant.value.as_str()),
            "{id}: {text} read as {err:?}"
        );
        writes_valid(id, &err, &all, &problem);
        n += 1;
    }
    n
}

#[test]
fn every_variant_of_every_bundled_enum_validates() {
    let counts = [
        every_variant::<kya::KyaError>("kya"),
        every_variant::<customer_verification::CustomerVerificationError>("customer_verification"),
        every_variant::<rakomi::RakomiError>("rakomi"),
        every_variant::<aironclaw::AironclawError>("aironclaw"),
        every_variant::<moca_air::MocaAirError>("moca_air"),
    ];
    let ids = [
        "kya",
        "customer_verification",
        "rakomi",
        "aironclaw",
        "moca_air",
    ];
    for (id, n) in ids.into_iter().zip(counts) {
        assert_eq!(n, bundled(id).errors.len(), "{id}");
    }
}
