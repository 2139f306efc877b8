//! A second envelope (issue 30): an API answering in its own envelope and,
//! at its OAuth 2.0 token endpoint, in RFC 6749 §5.2's
//! (`{"error", "error_description", "error_uri"}`). Each error belongs to one
//! envelope; a body without the main code is read in the next envelope when it
//! carries that one's code.

use error_catalog::{ApiError, FromResponse};

mod two {
    error_catalog::catalog!("catalogs/two_envelopes.toml");
}
use two::TwoEnvelopesError as E;

#[test]
fn a_body_in_the_second_envelope_is_its_error() {
    let body =
        br#"{"error": "invalid_client", "error_description": "Client authentication failed"}"#;
    let e = E::from_response(401, body);
    assert!(matches!(e, E::InvalidClient { .. }), "{e:?}");
    assert_eq!(e.code(), "invalid_client");
    assert_eq!(e.to_string(), "Client authentication failed");
}

#[test]
fn display_shows_the_message_the_service_sent_in_either_envelope() {
    let oauth =
        br#"{"error": "invalid_grant", "error_description": "The refresh token has expired"}"#;
    let e = E::from_response(400, oauth);
    assert!(matches!(e, E::InvalidGrant { .. }), "{e:?}");
    assert_eq!(e.to_string(), "The refresh token has expired");
    let own = br#"{"error": {"code": "RATE_LIMITED", "message": "Slow down, please"}}"#;
    let e = E::from_response(429, own);
    assert!(matches!(e, E::RateLimited { .. }), "{e:?}");
    assert_eq!(e.to_string(), "Slow down, please");
}

#[test]
fn the_main_envelope_still_reads_its_own_bodies() {
    let body =
        br#"{"error": {"code": "NOT_FOUND", "message": "Order A-7 not found", "order_id": "A-7"}}"#;
    match E::from_response(404, body) {
        E::NotFound { order_id, .. } => assert_eq!(order_id, "A-7"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_code_names_an_error_of_its_own_envelope_only() {
    // an OAuth 2.0 code in the main envelope's place, and a main code in the
    // second envelope's: neither is that error
    let misplaced = br#"{"error": {"code": "invalid_client", "message": "x"}}"#;
    match E::from_response(401, misplaced) {
        E::Unknown(u) => assert_eq!(u.code(), Some("invalid_client")),
        other => panic!("{other:?}"),
    }
    let main_in_second = br#"{"error": "NOT_FOUND", "error_description": "y"}"#;
    match E::from_response(404, main_in_second) {
        E::Unknown(u) => assert_eq!(u.code(), Some("NOT_FOUND")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_unknown_code_of_the_second_envelope_keeps_its_code_and_message() {
    let body = br#"{"error": "unsupported_grant_type", "error_description": "Only refresh_token is supported"}"#;
    match E::from_response(400, body) {
        E::Unknown(u) => {
            assert_eq!(u.code(), Some("unsupported_grant_type"));
            assert_eq!(u.message(), Some("Only refresh_token is supported"));
            assert_eq!(u.body(), body);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_body_in_neither_envelope_is_the_main_fallback() {
    let body = br#"{"error": {"message": "no code here"}}"#;
    match E::from_response(500, body) {
        E::Unknown(u) => {
            assert_eq!(u.code(), None);
            assert_eq!(u.message(), Some("no code here"));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn placeholders_are_captured_from_the_second_envelope_s_message() {
    let body = br#"{"error": "invalid_scope", "error_description": "Scope admin is not allowed"}"#;
    match E::from_response(400, body) {
        E::InvalidScope { scope, .. } => assert_eq!(scope.as_deref(), Some("admin")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn serialize_writes_each_error_in_its_own_envelope() {
    let oauth = br#"{"error":"invalid_grant","error_description":"The refresh token has expired","state":"xyz"}"#;
    let e = E::from_response(400, oauth);
    let back: serde_json::Value = serde_json::to_value(&e).expect("serializes");
    let sent: serde_json::Value = serde_json::from_slice(oauth).expect("json");
    assert_eq!(back, sent);
    let own = br#"{"error":{"code":"NOT_FOUND","message":"Order A-7 not found","order_id":"A-7"}}"#;
    let back = serde_json::to_value(E::from_response(404, own)).expect("serializes");
    assert_eq!(
        back,
        serde_json::from_slice::<serde_json::Value>(own).expect("json")
    );
}

#[test]
fn the_cli_reads_both_envelopes_alike() {
    let c = error_catalog_model::load_str(
        "two_envelopes.toml",
        include_str!("../catalogs/two_envelopes.toml"),
    )
    .expect("test catalog loads");
    let body = br#"{"error": "invalid_client", "error_description": "bad secret"}"#;
    let r = error_catalog_model::response::decode(&c, 401, body);
    let entry = r.entry.map(|i| c.errors[i].code.value.as_str());
    assert_eq!(entry, Some("invalid_client"));
    assert_eq!(r.message.as_deref(), Some("bad secret"));
    // the envelope each body was read in, known or not
    assert_eq!(r.envelope, Some(0));
    let unknown = br#"{"error": "unsupported_grant_type", "error_description": "x"}"#;
    let r = error_catalog_model::response::decode(&c, 400, unknown);
    assert_eq!((r.entry, r.envelope), (None, Some(0)));
    let own = br#"{"error": {"code": "GONE", "message": "y"}}"#;
    let r = error_catalog_model::response::decode(&c, 410, own);
    assert_eq!((r.entry, r.envelope), (None, None));
    // and `check` verifies the second envelope's examples through it
    assert!(error_catalog_model::validate::validate(&c).is_empty());
}

#[test]
fn docs_say_where_each_envelope_carries_its_code() {
    let c = error_catalog_model::load_str(
        "two_envelopes.toml",
        include_str!("../catalogs/two_envelopes.toml"),
    )
    .expect("test catalog loads");
    let by = |code: &str| {
        let e = c
            .errors
            .iter()
            .find(|e| e.code.value == code)
            .expect("entry");
        error_catalog_model::docs::recognised_by(&c, e)
    };
    assert_eq!(
        by("invalid_client"),
        "the code `invalid_client` at `/error`"
    );
    assert_eq!(by("NOT_FOUND"), "the code `NOT_FOUND` at `/error/code`");
}

#[test]
fn the_schema_of_an_oauth2_error_leaves_its_description_optional() {
    let c = error_catalog_model::load_str(
        "two_envelopes.toml",
        include_str!("../catalogs/two_envelopes.toml"),
    )
    .expect("test catalog loads");
    let schema = error_catalog_model::schema::envelope(&c);
    let oauth = &schema["$defs"]["TwoEnvelopesErrorInvalidClient"];
    assert_eq!(oauth["required"], serde_json::json!(["error"]), "{oauth:#}");
    assert_eq!(oauth["properties"]["error"]["const"], "invalid_client");
    // the main envelope's message stays required
    let own = &schema["$defs"]["TwoEnvelopesErrorNotFound"]["properties"]["error"];
    let required = own["required"].as_array().expect("required members");
    assert!(required.iter().any(|r| r == "message"), "{own:#}");
    // bodies of several envelopes: `anyOf`, not `oneOf`
    assert!(schema.get("anyOf").is_some(), "{schema:#}");
}
