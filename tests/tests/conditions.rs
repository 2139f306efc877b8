//! Entries told apart beyond their code: `when` conditions on other members
//! (one code, several errors: the most specific first) and errors a service
//! sends without a code (`code_in_body = false`: found by status, message
//! pattern and `when`, in that order). The generated enum, the CLI's decoder
//! and the derive agree.

use error_catalog::{ApiError, Extra, FromResponse, UnknownError};

mod subcodes {
    error_catalog::catalog!("catalogs/subcodes.toml");
}
mod codeless {
    error_catalog::catalog!("catalogs/codeless.toml");
}
use codeless::CodelessError;
use subcodes::SubcodesError;

const SUBCODES: &str = include_str!("../catalogs/subcodes.toml");
const CODELESS: &str = include_str!("../catalogs/codeless.toml");

/// The variant the CLI's decoder gives, or `None` for the fallback.
fn cli_variant(file: &str, text: &str, status: u16, body: &str) -> Option<String> {
    let c = error_catalog_model::load_str(file, text).expect("test catalog loads");
    let r = error_catalog_model::response::decode(&c, status, body.as_bytes());
    r.entry.map(|e| c.errors[e].variant.value.clone())
}

fn graph(code: &str, rest: &str) -> String {
    format!(r#"{{"error": {{"message": "m", "code": {code}{rest}}}}}"#)
}

const GRAPH_CASES: &[(&str, &str, &str)] = &[
    (
        "190",
        r#", "error_subcode": 463, "fbtrace_id": "A1b""#,
        "SessionExpired",
    ),
    (
        "190",
        r#", "type": "OAuthException", "error_subcode": 460"#,
        "PasswordChanged",
    ),
    (
        "190",
        r#", "error_subcode": 460, "type": "OAuthException""#,
        "PasswordChanged",
    ),
    // one condition of two holds: the general entry
    (
        "190",
        r#", "type": "Other", "error_subcode": 460"#,
        "InvalidToken",
    ),
    ("190", r#", "error_subcode": 999"#, "InvalidToken"),
    ("190", "", "InvalidToken"),
    // the value, not its spelling: a string "463" is not 463
    ("190", r#", "error_subcode": "463""#, "InvalidToken"),
    ("4", r#", "error_subcode": 463"#, "AppRateLimited"),
];

#[test]
fn one_code_several_errors_most_specific_first() {
    for (code, rest, want) in GRAPH_CASES {
        let body = graph(code, rest);
        let err = SubcodesError::from_response(400, body.as_bytes());
        assert_eq!(err.info().map(|i| i.variant), Some(*want), "{body}");
        assert_eq!(err.code(), *code);
        assert_eq!(
            cli_variant("subcodes.toml", SUBCODES, 400, &body).as_deref(),
            Some(*want),
            "CLI: {body}"
        );
    }
    let unknown = SubcodesError::from_response(400, graph("191", "").as_bytes());
    assert!(matches!(&unknown, SubcodesError::Unknown(u) if u.code() == Some("191")));
}

#[test]
fn a_condition_member_is_the_variant_and_others_are_kept() {
    let body = graph(
        "190",
        r#", "error_subcode": 463, "fbtrace_id": "A1b", "type": "OAuthException""#,
    );
    let err = SubcodesError::from_response(400, body.as_bytes());
    let SubcodesError::SessionExpired { fbtrace_id, extra } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(fbtrace_id.as_deref(), Some("A1b"));
    // the subcode is what the variant stands for; the type is kept
    assert!(extra.get("/error/error_subcode").is_none());
    assert_eq!(
        extra.get("/error/type").map(|v| v.get()),
        Some(r#""OAuthException""#)
    );
    // written back, the subcode is there once, and the body reads the same
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["error"]["error_subcode"], 463);
    assert_eq!(json["error"]["code"], 190);
    let text = serde_json::to_string(&err).unwrap();
    assert_eq!(text.matches("error_subcode").count(), 1, "{text}");
    assert_eq!(SubcodesError::from_response(400, text.as_bytes()), err);
    // the general entry keeps a subcode it does not stand for
    let err =
        SubcodesError::from_response(400, graph("190", r#", "error_subcode": 999"#).as_bytes());
    let SubcodesError::InvalidToken { extra } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        extra.get("/error/error_subcode").map(|v| v.get()),
        Some("999")
    );
}

#[test]
fn a_variant_made_in_code_writes_its_conditions() {
    let err = SubcodesError::PasswordChanged {
        extra: Extra::default(),
    };
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["error"]["error_subcode"], 460);
    assert_eq!(json["error"]["type"], "OAuthException");
    let again = SubcodesError::from_response(400, &serde_json::to_vec(&err).unwrap());
    assert_eq!(again, err);
}

fn openai(code: &str, rest: &str) -> String {
    format!(r#"{{"error": {{"message": "m", "code": {code}{rest}}}}}"#)
}

#[test]
fn errors_without_a_code_by_message_when_and_status() {
    let cases: &[(u16, String, &str)] = &[
        (401, openai(r#""invalid_api_key""#, r#", "type": "invalid_request_error""#), "InvalidApiKey"),
        (
            404,
            r#"{"error": {"message": "The model `gpt-9` does not exist", "type": "invalid_request_error", "param": null, "code": null}}"#.to_string(),
            "ModelMissing",
        ),
        (429, openai("null", r#", "type": "insufficient_quota""#), "InsufficientQuota"),
        (400, openai("null", r#", "type": "invalid_request_error", "param": "messages""#), "InvalidRequest"),
        // no code member at all is the same as null
        (400, r#"{"error": {"message": "m", "type": "invalid_request_error"}}"#.to_string(), "InvalidRequest"),
        // a `type` no entry names: the status's catch-all
        (400, openai("null", r#", "type": "other""#), "BadRequest"),
        (500, openai("null", ""), "ServerError"),
    ];
    for (status, body, want) in cases {
        let err = CodelessError::from_response(*status, body.as_bytes());
        assert_eq!(err.info().map(|i| i.variant), Some(*want), "{body}");
        assert_eq!(
            cli_variant("codeless.toml", CODELESS, *status, body).as_deref(),
            Some(*want),
            "CLI: {body}"
        );
    }
    // the message pattern's placeholder is captured
    let err = CodelessError::from_response(
        404,
        br#"{"error": {"message": "The model `gpt-9` does not exist", "code": null}}"#,
    );
    assert!(
        matches!(&err, CodelessError::ModelMissing { model, .. } if model == "gpt-9"),
        "{err:?}"
    );
    // a code the body does carry is looked up as a code only: the catalog's
    // name of an error sent without one is no code
    let err = CodelessError::from_response(400, openai(r#""invalid_request""#, "").as_bytes());
    assert!(
        matches!(&err, CodelessError::Unknown(u) if u.code() == Some("invalid_request")),
        "{err:?}"
    );
    // without a code, a status no entry has falls back
    let err = CodelessError::from_response(418, openai("null", "").as_bytes());
    assert!(
        matches!(&err, CodelessError::Unknown(u) if u.code().is_none()),
        "{err:?}"
    );
}

#[test]
fn an_error_without_a_code_is_written_without_one() {
    let err = CodelessError::from_response(
        429,
        openai("null", r#", "type": "insufficient_quota""#).as_bytes(),
    );
    let json = serde_json::to_value(&err).unwrap();
    assert!(json["error"].get("code").is_none(), "{json}");
    assert_eq!(json["error"]["type"], "insufficient_quota");
    let again = CodelessError::from_response(429, &serde_json::to_vec(&err).unwrap());
    assert_eq!(again, err);
}

/// The derive takes the same keys: `when = "/pointer=value"` (repeatable) and
/// `code_in_body = false` on a variant.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(wire = "nested", code_type = "integer")]
enum Graph {
    #[api_error(
        code = 190,
        status = 400,
        message = "Session has expired",
        when = "/error/error_subcode=463"
    )]
    SessionExpired,
    #[api_error(code = 190, status = 400, message = "Invalid token")]
    InvalidToken,
    #[api_error(
        code = "server",
        code_in_body = false,
        status = 500,
        message = "Server error",
        when = "/error/type=\"server\""
    )]
    Server,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[test]
fn the_derive_takes_when_and_code_in_body() {
    let body = br#"{"error": {"code": 190, "message": "m", "error_subcode": 463}}"#;
    assert_eq!(Graph::from_response(400, body), Graph::SessionExpired);
    let body = br#"{"error": {"code": 190, "message": "m"}}"#;
    assert_eq!(Graph::from_response(400, body), Graph::InvalidToken);
    let body = br#"{"error": {"code": null, "message": "m", "type": "server"}}"#;
    assert_eq!(Graph::from_response(500, body), Graph::Server);
    let body = br#"{"error": {"code": null, "message": "m", "type": "other"}}"#;
    assert!(matches!(Graph::from_response(500, body), Graph::Unknown(_)));
}

/// `code_range = "first..=last"` on a variant whose field `code` keeps the
/// code received.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(wire = "nested", code_type = "integer")]
enum Rpc {
    #[api_error(code = -32601, message = "Method not found")]
    MethodNotFound,
    #[api_error(code_range = "-32099..=-32000", message = "Server error")]
    ServerError { code: i64 },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[test]
fn the_derive_takes_code_range() {
    let body = br#"{"error": {"code": -32050, "message": "Server error"}}"#;
    let err = Rpc::from_response(200, body);
    assert_eq!(err, Rpc::ServerError { code: -32050 });
    assert_eq!(err.code_number(), Some(-32050));
    assert_eq!(
        Rpc::from_response(200, &serde_json::to_vec(&err).unwrap()),
        err
    );
    let body = br#"{"error": {"code": -32601, "message": "Method not found"}}"#;
    assert_eq!(Rpc::from_response(200, body), Rpc::MethodNotFound);
    let body = br#"{"error": {"code": -31999, "message": "x"}}"#;
    assert!(matches!(Rpc::from_response(200, body), Rpc::Unknown(_)));
}

/// The catalog's `[headers]` travel with the enum (`FromResponse::HEADER_NAMES`):
/// the http integration reads a response's headers by them, a reset written as
/// a duration (`6m0s`) included, and keeps the headers the catalog lists.
#[test]
fn the_catalog_names_the_headers_the_integrations_read() {
    use std::time::UNIX_EPOCH;
    let names = CodelessError::HEADER_NAMES;
    assert_eq!(names.rate_limit_remaining, "x-ratelimit-remaining-requests");
    assert_eq!(names.retry_after, "Retry-After"); // not named: the standard one
    let mut map = http::HeaderMap::new();
    for (k, v) in [
        ("x-ratelimit-remaining-requests", "0"),
        ("x-ratelimit-reset-requests", "6m0s"),
        ("x-request-id", "req_1"),
        ("openai-processing-ms", "42"),
        ("x-should-retry", "false"),
    ] {
        map.insert(k, http::HeaderValue::from_static(v));
    }
    let body = br#"{"error": {"message": "m", "type": "insufficient_quota", "code": null}}"#;
    let received =
        error_catalog::http::read::<CodelessError>(http::StatusCode::TOO_MANY_REQUESTS, &map, body);
    assert!(matches!(
        received.error,
        CodelessError::InsufficientQuota { .. }
    ));
    let h = &received.headers;
    assert_eq!(h.rate_limit.remaining, Some(0));
    assert_eq!(h.request_id.as_deref(), Some("req_1"));
    assert_eq!(h.should_retry, Some(false));
    assert_eq!(h.kept.get("openai-processing-ms"), Some("42"));
    // six minutes from when it was read
    let now = received
        .received_at
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let reset = h.rate_limit.reset.expect("a reset");
    assert!((now + 359..=now + 361).contains(&reset), "{reset} vs {now}");
    // an enum whose catalog names no header reads the standard names
    assert_eq!(
        SubcodesError::HEADER_NAMES,
        error_catalog::headers::HeaderNames::STANDARD
    );
}

/// problem+json names each error by its code (the catalog's name for one sent
/// without a code) and carries what `when` requires among the details, so
/// every variant reads back as itself.
#[test]
fn problem_json_reads_back_entries_told_apart_by_when_or_without_a_code() {
    use error_catalog::problem::Problem;
    for (code, rest) in [
        ("190", r#", "error_subcode": 463"#),
        ("190", r#", "error_subcode": 460, "type": "OAuthException""#),
        ("190", ""),
    ] {
        let err = SubcodesError::from_response(400, graph(code, rest).as_bytes());
        let p = serde_json::to_value(Problem(&err)).unwrap();
        let again = SubcodesError::from_problem_json(400, p.to_string().as_bytes());
        assert_eq!(
            again.info().map(|i| i.variant),
            err.info().map(|i| i.variant),
            "{p}"
        );
    }
    let err = SubcodesError::PasswordChanged {
        extra: Extra::default(),
    };
    let p = serde_json::to_value(Problem(&err)).unwrap();
    assert_eq!(p["error_subcode"], 460, "{p}");
    // `type` is a member problem+json defines: the detail goes under `fields`
    assert_eq!(p["fields"]["type"], "OAuthException", "{p}");
    for (status, body) in [
        (429, openai("null", r#", "type": "insufficient_quota""#)),
        (400, openai("null", "")),
        (500, openai("null", "")),
    ] {
        let err = CodelessError::from_response(status, body.as_bytes());
        assert!(err.is_known(), "{err:?}");
        let p = serde_json::to_value(Problem(&err)).unwrap();
        let again = CodelessError::from_problem_json(status, p.to_string().as_bytes());
        assert_eq!(
            again.info().map(|i| i.variant),
            err.info().map(|i| i.variant),
            "{p}"
        );
    }
}
