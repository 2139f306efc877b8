//! The derive speaks the catalog's wire language for integer codes and success
//! marks: `code_type = "integer"` and `success = "/pointer=value"` on the enum,
//! `code = -32601` on a variant; the catalog file gives the same enum.

use error_catalog::{ApiError, FromResponse, UnknownError};

#[derive(Debug, PartialEq, ApiError)]
#[api_error(wire = "nested", code_type = "integer", success = "/ok=true")]
enum Rpc {
    #[api_error(code = -32601, status = 200, message = "Method not found")]
    MethodNotFound,
    #[api_error(code = 7, status = 200, message = "Busy")]
    Busy,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[test]
fn integer_codes_from_attributes() {
    let err = Rpc::from_response(
        200,
        br#"{"ok": false, "error": {"code": -32601, "message": "Method not found"}}"#,
    );
    assert_eq!(err, Rpc::MethodNotFound);
    assert_eq!(err.code(), "-32601");
    let err = Rpc::from_response(
        200,
        br#"{"ok": false, "error": {"code": 7, "message": "Busy"}}"#,
    );
    assert_eq!(err, Rpc::Busy);
    assert_eq!(
        serde_json::to_value(&err).unwrap()["error"]["code"],
        serde_json::json!(7)
    );
}

#[test]
fn success_marks_from_attributes() {
    const { assert!(Rpc::SUCCESS_IN_BODY) };
    assert!(Rpc::error_in(200, br#"{"ok": true, "result": 1}"#).is_none());
    assert_eq!(
        Rpc::error_in(
            200,
            br#"{"ok": false, "error": {"code": 7, "message": "Busy"}}"#
        ),
        Some(Rpc::Busy)
    );
}

/// A wire of its own from the enum's attributes: where the code, the message
/// and the fields are, what identifies an error, and the service's headers.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(
    code = "/err/kind",
    message = "/err/text",
    fields_at = "/err/data",
    header = "request_id=x-trace",
    header = "rate_limit_reset=x-reset-in",
    header = "rate_limit_reset_format=delta-seconds",
    header = "keep=x-region"
)]
enum Custom {
    #[api_error(code = "missing", status = 404, message = "No {thing}")]
    Missing { thing: String },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[test]
fn custom_pointers_and_headers_from_attributes() {
    let body = br#"{"err": {"kind": "missing", "text": "No cat", "data": {"thing": "cat"}}}"#;
    let err = Custom::from_response(404, body);
    assert_eq!(
        err,
        Custom::Missing {
            thing: "cat".into()
        }
    );
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["err"]["data"]["thing"], "cat");
    assert_eq!(json["err"]["kind"], "missing");
    let names = Custom::HEADER_NAMES;
    assert_eq!(
        (names.request_id, names.rate_limit_reset),
        ("x-trace", "x-reset-in")
    );
    assert_eq!(
        names.rate_limit_reset_format,
        error_catalog::headers::ResetFormat::DeltaSeconds
    );
    assert_eq!(names.keep, ["x-region"]);
}

/// `identity = "message"` with a message pointer: errors told apart by message.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(message = "/message", identity = "message")]
enum ByMessage {
    #[api_error(code = "not_found", status = 404, message = "Not Found")]
    NotFound,
    #[api_error(code = "bad_credentials", status = 401, message = "Bad credentials")]
    BadCredentials,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[test]
fn identity_by_message_from_attributes() {
    let body =
        br#"{"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}"#;
    assert_eq!(
        ByMessage::from_response(401, body),
        ByMessage::BadCredentials
    );
    assert_eq!(
        ByMessage::from_response(404, br#"{"message": "Not Found"}"#),
        ByMessage::NotFound
    );
    assert!(matches!(
        ByMessage::from_response(404, br#"{"message": "Gone"}"#),
        ByMessage::Unknown(_)
    ));
}

/// `when_header = "name=value"`: a variant found only when the response has
/// that header value, read through `from_parts` and the http integration.
#[derive(Debug, PartialEq, ApiError)]
#[api_error(message = "/message", identity = "message")]
enum Gh {
    #[api_error(
        code = "primary_rate_limit",
        status = 403,
        message = "API rate limit exceeded for {who}",
        when_header = "X-RateLimit-Remaining=0"
    )]
    RateLimited { who: String },
    #[api_error(code = "forbidden", status = 403, message = "Forbidden")]
    Forbidden,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

#[test]
fn when_header_from_attributes() {
    let body = br#"{"message": "API rate limit exceeded for 10.0.0.1"}"#;
    let limited = Gh::from_parts(403, &[("x-ratelimit-remaining", " 0 ")], body);
    assert_eq!(
        limited,
        Gh::RateLimited {
            who: "10.0.0.1".into()
        }
    );
    assert!(matches!(
        Gh::from_parts(403, &[("x-ratelimit-remaining", "3")], body),
        Gh::Unknown(_)
    ));
    assert!(matches!(Gh::from_response(403, body), Gh::Unknown(_)));
    // the http integration passes the response's headers
    let mut map = http::HeaderMap::new();
    map.insert("x-ratelimit-remaining", http::HeaderValue::from_static("0"));
    let received = error_catalog::http::read::<Gh>(http::StatusCode::FORBIDDEN, &map, body);
    assert_eq!(received.error, limited);
    assert_eq!(
        Gh::from_parts(403, &(), br#"{"message": "Forbidden"}"#),
        Gh::Forbidden
    );
}
