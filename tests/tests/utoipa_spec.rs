//! The `utoipa` feature: the example server (`examples/utoipa_server.rs`)
//! serves a spec that lists every error of `KyaError`, grouped by status,
//! each with its example and schema; fetched over loopback.

#[path = "../examples/utoipa_server.rs"]
mod server;

use error_catalog::ErrorCatalog;
use error_catalog_services::kya::KyaError;
use serde_json::Value;

#[tokio::test(flavor = "current_thread")]
async fn the_served_spec_lists_every_error() {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(server::serve(listener));
    let text = reqwest::get(format!("http://{addr}/openapi.json"))
        .await
        .expect("fetch")
        .text()
        .await
        .expect("text");
    let spec: Value = serde_json::from_str(&text).expect("JSON");
    let responses = &spec["paths"]["/agents/{id}"]["get"]["responses"];
    let schemas = &spec["components"]["schemas"];
    assert!(schemas["KyaError"].is_object(), "{spec:#}");
    for info in KyaError::CODES {
        let status = info.status.map_or("default".to_string(), |s| s.to_string());
        let examples = &responses[&status]["content"]["application/json"]["examples"];
        assert!(
            examples[info.variant].is_object(),
            "{} ({status}) is not listed: {responses:#}",
            info.code
        );
        let schema = format!("KyaError{}", info.variant);
        assert!(schemas[&schema].is_object(), "{schema} missing");
    }
    // the code (KYA sends it as `errorType`) is a one-value enum
    let limited = &schemas["KyaErrorRateLimited"]["properties"]["errorType"]["enum"];
    assert_eq!(
        limited,
        &serde_json::json!(["RATE_LIMITED"]),
        "{:#}",
        schemas["KyaErrorRateLimited"]
    );
    // the 200 stays
    assert!(responses["200"].is_object());
}

/// What the integration is made from reads as utoipa's types for every
/// bundled catalog: no schema falls back to "any object".
#[test]
fn every_bundled_catalog_reads_as_utoipa_types() {
    use std::collections::BTreeMap;
    use utoipa::openapi::{response::Response, schema::Schema, RefOr};
    for (id, _, _) in error_catalog_tests::BUNDLED {
        let c = error_catalog_tests::bundled(id);
        let d = error_catalog_model::openapi::utoipa_data(&c);
        let own: Result<RefOr<Schema>, _> = serde_json::from_str(&d.schema);
        assert!(own.is_ok(), "{id}: {:?}", own.err());
        let named: BTreeMap<String, Value> = serde_json::from_str(&d.schemas).expect("an object");
        assert_eq!(named.len(), c.errors.len() + c.types.len(), "{id}");
        for (name, v) in named {
            let s: Result<RefOr<Schema>, _> = serde_json::from_value(v.clone());
            assert!(s.is_ok(), "{id} {name}: {:?}\n{v}", s.err());
        }
        let r: Result<BTreeMap<String, RefOr<Response>>, _> = serde_json::from_str(&d.responses);
        assert!(r.is_ok_and(|r| !r.is_empty()), "{id}");
    }
}
