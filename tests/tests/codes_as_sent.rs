//! Codes as AWS JSON protocols send them (issue 30): with a namespace in the
//! body (`com.amazonaws.sqs#QueueDoesNotExist`) and in the `x-amzn-ErrorType`
//! header with a suffix (`QueueDoesNotExist:http://…`). The catalog cuts the
//! code out once (`code_cut`), reads the header first (`code_header`), and the
//! generated enum and the CLI agree.

use error_catalog::{ApiError, FromResponse};

mod aws {
    error_catalog::catalog!("catalogs/aws_json_like.toml");
}
use aws::AwsJsonLikeError;

const CATALOG: &str = include_str!("../catalogs/aws_json_like.toml");

fn cli_code(
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (Option<String>, Option<String>) {
    let c =
        error_catalog_model::load_str("aws_json_like.toml", CATALOG).expect("test catalog loads");
    let pairs: Vec<(String, String)> = headers
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    let out = error_catalog_model::response::decode_with(&c, status, &pairs, body);
    (out.entry.map(|i| c.errors[i].code.value.clone()), out.code)
}

#[test]
fn the_namespace_is_cut_from_the_body_s_code() {
    let body = br#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"The specified queue does not exist."}"#;
    let e = AwsJsonLikeError::from_response(400, body);
    assert!(
        matches!(e, AwsJsonLikeError::QueueDoesNotExist { .. }),
        "{e:?}"
    );
    assert_eq!(
        cli_code(400, &[], body).0.as_deref(),
        Some("QueueDoesNotExist")
    );
    // written back with the bare code, which reads as the same error
    let wire = serde_json::to_vec(&e).expect("serializes");
    assert_eq!(
        AwsJsonLikeError::from_response(400, &wire).code(),
        "QueueDoesNotExist"
    );
}

#[test]
fn the_header_s_code_comes_first() {
    let header = [(
        "X-Amzn-ErrorType",
        "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/",
    )];
    // the body names another error, or none: the header decides
    for body in [
        &br#"{"__type":"com.amazonaws.sqs#QueueDoesNotExist","message":"Rate exceeded"}"#[..],
        br#"{"message":"Rate exceeded"}"#,
    ] {
        let e = AwsJsonLikeError::from_parts(400, &header, body);
        assert!(
            matches!(e, AwsJsonLikeError::ThrottlingException { .. }),
            "{e:?}"
        );
        assert_eq!(
            cli_code(400, &header, body).0.as_deref(),
            Some("ThrottlingException")
        );
    }
    // without headers (`from_response`), only the body's code is seen
    let e = AwsJsonLikeError::from_response(400, br#"{"message":"Rate exceeded"}"#);
    assert!(!e.is_known());
}

#[test]
fn a_header_names_the_error_of_a_body_that_is_not_json() {
    let header = [("x-amzn-errortype", "ThrottlingException")];
    let e = AwsJsonLikeError::from_parts(400, &header, b"<html>Rate exceeded</html>");
    assert!(
        matches!(e, AwsJsonLikeError::ThrottlingException { .. }),
        "{e:?}"
    );
    assert_eq!(
        cli_code(400, &header, b"<html>").0.as_deref(),
        Some("ThrottlingException")
    );
}

#[test]
fn an_unknown_code_is_kept_cut() {
    let body = br#"{"__type":"com.amazonaws.sqs#OverLimit","message":"too many"}"#;
    let e = AwsJsonLikeError::from_response(403, body);
    match &e {
        AwsJsonLikeError::Unknown(u) => assert_eq!(u.code(), Some("OverLimit")),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        cli_code(403, &[], body),
        (None, Some("OverLimit".to_string()))
    );
    let header = [("x-amzn-errortype", "Gone:http://x")];
    match AwsJsonLikeError::from_parts(403, &header, b"not json") {
        AwsJsonLikeError::Unknown(u) => assert_eq!(u.code(), Some("Gone")),
        other => panic!("{other:?}"),
    }
}

/// The one read of a response's headers (`E::headers`) keeps the header the
/// code comes in, so `from_parts` sees it.
#[test]
fn the_enum_s_headers_keep_the_code_header() {
    const { assert!(!AwsJsonLikeError::HEADER_NAMES.conditions.is_empty()) };
    let headers = AwsJsonLikeError::headers(
        "X-Amzn-ErrorType: ThrottlingException:http://x\r\nContent-Type: application/x-amz-json-1.0",
    );
    let e = AwsJsonLikeError::from_parts(400, &headers, br#"{"message":"Rate exceeded"}"#);
    assert!(
        matches!(e, AwsJsonLikeError::ThrottlingException { .. }),
        "{e:?}"
    );
}
