//! `error-catalog openapi`: the fragment of every catalog (bundled and
//! `catalogs/examples/`), merged into a small spec, parses back with a
//! maintained OpenAPI 3.1 crate (`oas3`), in YAML and in JSON, and lists every
//! error of the catalog as a named example of its status's response.

use error_catalog_model::model::Catalog;
use serde_json::{json, Value};

mod common;
use common::{bundled, EXAMPLES};

fn catalogs() -> Vec<Catalog> {
    let mut out: Vec<Catalog> = error_catalog_services::ALL
        .iter()
        .map(|(id, _, _)| bundled(id))
        .collect();
    for (file, text) in EXAMPLES {
        out.push(error_catalog_model::load_str(file, text).unwrap_or_else(|p| panic!("{p}")));
    }
    out
}

/// A small spec whose one operation answers with every error response of the
/// fragment (`$ref`s to `components.responses`).
fn merged(c: &Catalog, fragment: &Value) -> Value {
    let mut responses = serde_json::Map::new();
    responses.insert("200".into(), json!({"description": "ok"}));
    for name in fragment["components"]["responses"]
        .as_object()
        .expect("responses")
        .keys()
    {
        let status = name
            .strip_prefix(&c.service.enum_name.value)
            .filter(|s| s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
            .unwrap_or("default");
        responses.insert(
            status.into(),
            json!({"$ref": format!("#/components/responses/{name}")}),
        );
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": c.service.name.value, "version": "1.0.0"},
        "paths": {"/things": {"get": {"responses": responses}}},
        "components": fragment["components"],
    })
}

#[test]
fn every_fragment_parses_back_as_openapi() {
    for c in catalogs() {
        let id = &c.service.id.value;
        let fragment = error_catalog_model::openapi::fragment(&c);
        let spec = merged(&c, &fragment);
        let yaml = error_catalog_model::openapi::to_yaml(&spec);
        let from_yaml = oas3::from_yaml(&yaml).unwrap_or_else(|e| panic!("{id}: {e}\n{yaml}"));
        let from_json = oas3::from_json(spec.to_string()).unwrap_or_else(|e| panic!("{id}: {e}"));
        // both say the same
        assert_eq!(
            serde_json::to_value(&from_yaml).expect("serializes"),
            serde_json::to_value(&from_json).expect("serializes"),
            "{id}"
        );
        let components = from_json.components.expect("components");
        assert_eq!(
            components.responses.len(),
            fragment["components"]["responses"]
                .as_object()
                .map_or(0, |m| m.len()),
            "{id}"
        );
        // the YAML is the JSON
        let back: Value = serde_json::to_value(&from_yaml).expect("value");
        assert_eq!(
            back["components"]["schemas"].as_object().map(|m| m.len()),
            spec["components"]["schemas"].as_object().map(|m| m.len()),
            "{id}"
        );
    }
}

#[test]
fn every_error_is_an_example_of_its_status() {
    for c in catalogs() {
        let fragment = error_catalog_model::openapi::fragment(&c);
        let responses = &fragment["components"]["responses"];
        for e in &c.errors {
            let name = match e.status_u16() {
                Some(s) => format!("{}{s}", c.service.enum_name.value),
                None => format!("{}Default", c.service.enum_name.value),
            };
            let example =
                &responses[&name]["content"][&c.wire.content_type]["examples"][&e.variant.value];
            assert!(
                example["value"].is_object() || example["value"].is_string(),
                "{} {}: {example}",
                c.service.id.value,
                e.code.value
            );
            // a catalog's own example is used where it has one
            if let Some(ex) = e
                .examples
                .iter()
                .find(|x| x.status.is_none() || x.status == e.status_u16())
            {
                let want: Value = serde_json::from_str(&ex.body.value)
                    .unwrap_or(Value::String(ex.body.value.clone()));
                assert_eq!(
                    example["value"], want,
                    "{} {}",
                    c.service.id.value, e.code.value
                );
            }
        }
    }
}

#[test]
fn retry_and_rate_limit_headers_are_declared() {
    let kya = bundled("kya");
    let fragment = error_catalog_model::openapi::fragment(&kya);
    let r429 = &fragment["components"]["responses"]["KyaError429"];
    assert!(r429["headers"]["Retry-After"].is_object(), "{r429:#}");
    let (file, text) = EXAMPLES[0];
    let github = error_catalog_model::load_str(file, text).unwrap_or_else(|p| panic!("{p}"));
    let fragment = error_catalog_model::openapi::fragment(&github);
    let limited = &fragment["components"]["responses"]["GithubErrorDefault"];
    assert!(
        limited["headers"]["x-ratelimit-remaining"].is_object(),
        "{limited:#}"
    );
    assert!(limited["headers"]["retry-after"].is_object(), "{limited:#}");
}
