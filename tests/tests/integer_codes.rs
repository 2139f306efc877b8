//! Codes that are JSON numbers (`code_type = "integer"`): JSON-RPC 2.0. The
//! code's text is the number as written; an unknown code keeps it in the
//! fallback; `Serialize` writes it back as a number; the CLI decodes alike.

use error_catalog::{ApiError, FromResponse};

error_catalog::catalog!("catalogs/json_rpc.toml");

const CATALOG: &str = include_str!("../catalogs/json_rpc.toml");

/// `catalog!` reads files of its own crate only, so this crate keeps a copy of
/// the example catalog `catalogs/error-catalog-services/examples/json_rpc.toml`: the two are equal.
#[test]
fn the_catalog_is_the_examples_copy() {
    assert_eq!(
        CATALOG,
        include_str!("../../catalogs/error-catalog-services/examples/json_rpc.toml"),
        "copy catalogs/error-catalog-services/examples/json_rpc.toml to tests/catalogs/json_rpc.toml"
    );
}

fn rpc_error(code: &str, message: &str) -> Vec<u8> {
    format!(r#"{{"jsonrpc": "2.0", "error": {{"code": {code}, "message": "{message}"}}, "id": 1}}"#)
        .into_bytes()
}

#[test]
fn an_integer_code_names_its_error() {
    let err = JsonRpcError::from_response(200, &rpc_error("-32601", "Method not found"));
    assert!(
        matches!(err, JsonRpcError::MethodNotFound { .. }),
        "{err:?}"
    );
    assert_eq!(err.code(), "-32601");
    assert_eq!(err.code_number(), Some(-32601));
    assert_eq!(err.to_string(), "Method not found");
    // the members JSON-RPC adds around the error are kept
    let JsonRpcError::MethodNotFound { extra, .. } = &err else {
        unreachable!()
    };
    assert_eq!(extra.get("/jsonrpc").map(|v| v.get()), Some(r#""2.0""#));
    assert_eq!(extra.get("/id").map(|v| v.get()), Some("1"));
}

#[test]
fn an_unknown_integer_code_is_kept_in_the_fallback() {
    let err = JsonRpcError::from_response(200, &rpc_error("42", "Out of stock"));
    let JsonRpcError::Unknown(u) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(u.code(), Some("42"));
    assert_eq!(u.reason(), Some("unknown code `42`"));
    assert_eq!(err.code_number(), Some(42));
    // a number that is not an integer is not a code
    let err = JsonRpcError::from_response(200, &rpc_error("-32601.5", "x"));
    let JsonRpcError::Unknown(u) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(u.reason(), Some("the code is not an integer"));
}

#[test]
fn serialize_writes_the_code_as_a_number() {
    let err = JsonRpcError::from_response(200, &rpc_error("-32602", "Invalid params"));
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["error"]["code"], serde_json::json!(-32602));
    let again = JsonRpcError::from_response(200, &serde_json::to_vec(&err).unwrap());
    assert_eq!(again, err);
}

#[test]
fn one_entry_covers_a_range_and_keeps_the_code() {
    for (code, n) in [("-32050", -32050), ("-32000", -32000), ("-32099", -32099)] {
        let err = JsonRpcError::from_response(200, &rpc_error(code, "Server busy"));
        let JsonRpcError::ServerError { code: kept, extra } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(*kept, n);
        assert_eq!(err.code_number(), Some(n));
        // `code()` is the catalog's: the range
        assert_eq!(err.code(), "-32099..=-32000");
        // the received message differs from the template: kept
        assert_eq!(extra.message(), Some("Server busy"));
        // written back with the code received, once
        let text = serde_json::to_string(&err).unwrap();
        assert_eq!(text.matches("\"code\"").count(), 1, "{text}");
        assert_eq!(JsonRpcError::from_response(200, text.as_bytes()), err);
    }
    // just outside the range, and a code the catalog lists inside none: unknown
    for code in ["-32100", "-31999"] {
        let err = JsonRpcError::from_response(200, &rpc_error(code, "x"));
        assert!(
            matches!(&err, JsonRpcError::Unknown(u) if u.code() == Some(code)),
            "{err:?}"
        );
    }
}

#[test]
fn a_result_is_not_an_error() {
    let ok = br#"{"jsonrpc": "2.0", "result": 19, "id": 1}"#;
    assert!(JsonRpcError::error_in(200, ok).is_none());
    assert!(JsonRpcError::error_in(200, &rpc_error("-32700", "Parse error")).is_some());
}

#[test]
fn the_cli_decodes_alike() {
    let c =
        error_catalog_model::load_str("json_rpc.toml", CATALOG).unwrap_or_else(|p| panic!("{p}"));
    for (code, message) in [
        ("-32700", "Parse error"),
        ("-32603", "Internal error"),
        ("-32050", "Server busy"),
        ("-32100", "Just outside the range"),
        ("42", "Out of stock"),
        ("\"-32601\"", "Method not found"),
        ("1.5", "x"),
        ("null", "x"),
    ] {
        let body = rpc_error(code, message);
        let err = JsonRpcError::from_response(200, &body);
        let r = error_catalog_model::response::decode(&c, 200, &body);
        assert_eq!(
            r.entry.map(|i| c.errors[i].code.value.as_str()),
            err.is_known().then(|| err.code()),
            "{code}"
        );
        if let JsonRpcError::Unknown(u) = &err {
            assert_eq!(r.code.as_deref(), u.code(), "{code}");
            assert_eq!(r.reason.as_deref(), u.reason(), "{code}");
        }
    }
}

/// The docs build each error's example body with the code as a number, and
/// that body is the error it documents.
#[test]
fn the_docs_example_bodies_carry_numbers() {
    let c =
        error_catalog_model::load_str("json_rpc.toml", CATALOG).unwrap_or_else(|p| panic!("{p}"));
    for e in &c.errors {
        let body = error_catalog_model::docs::example_body(&c, e);
        // (a range's example carries a code of the range)
        let number = match &e.code_range {
            Some(r) => {
                let v: serde_json::Value = serde_json::from_str(&body).expect("json");
                let n = v["error"]["code"].as_i64().expect("a number");
                assert!((r.value.0..=r.value.1).contains(&n), "{body}");
                n.to_string()
            }
            None => e.code.value.clone(),
        };
        assert!(body.contains(&format!("\"code\": {number},")), "{body}");
        let err = JsonRpcError::from_response(200, body.as_bytes());
        assert_eq!(err.code(), e.code.value, "{body}");
        assert!(err.is_known(), "{body}");
    }
}

#[test]
fn problem_json_keeps_a_range_entry_and_its_code() {
    use error_catalog::problem::Problem;
    let err = JsonRpcError::from_response(200, &rpc_error("-32050", "Server busy"));
    let p = serde_json::to_value(Problem(&err)).unwrap();
    let again = JsonRpcError::from_problem_json(500, p.to_string().as_bytes());
    // (problem+json carries the error and its fields, not the envelope's other members)
    assert!(
        matches!(again, JsonRpcError::ServerError { code: -32050, .. }),
        "{p}"
    );
}
