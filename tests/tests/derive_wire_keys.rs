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
