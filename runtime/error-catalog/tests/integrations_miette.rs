//! The `miette` integration: every generated enum is a `Diagnostic`.

#[path = "../examples/miette_report.rs"]
#[allow(dead_code)]
mod report;

use error_catalog::{FromResponse, UnknownError};
use error_catalog_services::customer_verification::CustomerVerificationError as Cv;
use error_catalog_services::kya::KyaError;
use error_catalog_services::rakomi::RakomiError;
use miette::Diagnostic;

fn text(t: Option<Box<dyn std::fmt::Display + '_>>) -> Option<String> {
    t.map(|t| t.to_string())
}

#[test]
fn code_help_url() {
    let body = br#"{"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "Too many requests", "retryAfter": 60}}"#;
    let err = Cv::from_response(429, body);
    assert_eq!(text(err.code()).as_deref(), Some("RATE_LIMIT_EXCEEDED"));
    assert_eq!(text(err.help()).as_deref(), Some("Implement backoff"));
    assert_eq!(
        text(err.url()).as_deref(),
        Some("../authentication.md#rate-limiting")
    );
    assert_eq!(err.severity(), None);

    let err = RakomiError::from_response(
        400,
        br#"{"code": "config/missing_api_key", "message": "apiKey is required"}"#,
    );
    assert_eq!(text(err.code()).as_deref(), Some("config/missing_api_key"));
    assert_eq!(
        text(err.help()).as_deref(),
        Some(
            "Pass your API key when creating the client\n\
             fix: new RakomiClient({ apiKey: \"akm_live_xxx\" })"
        )
    );

    let err = KyaError::InternalError {
        timestamp: None,
        extra: Default::default(),
    };
    assert_eq!(text(err.url()), None);
}

#[test]
fn fallback() {
    let err = KyaError::Unknown(UnknownError::new(Some(502), b"<html>Bad Gateway</html>"));
    assert_eq!(text(err.code()), None);
    assert_eq!(text(err.help()), None);
    assert_eq!(text(err.url()), None);
    let err = KyaError::from_response(400, br#"{"error": "new", "errorType": "BRAND_NEW"}"#);
    assert!(matches!(err, KyaError::Unknown(_)));
    assert_eq!(text(err.code()).as_deref(), Some("BRAND_NEW"));
}

#[test]
fn rendered_report() {
    let body = br#"{"error": {"code": "TOKEN_EXPIRED", "message": "Access token has expired"}}"#;
    let err = Cv::from_response(401, body);
    let out = report::render(&err, 80);
    assert!(
        out.starts_with("TOKEN_EXPIRED (../../../overview/help-and-support.md)"),
        "{out}"
    );
    assert!(out.contains("Access token has expired"), "{out}");
    assert!(out.contains("help: Refresh JWT token"), "{out}");

    // miette's own report type takes it too.
    let report = miette::Report::new(err);
    assert_eq!(
        report.code().map(|c| c.to_string()).as_deref(),
        Some("TOKEN_EXPIRED")
    );
}
