//! `#[api_error(borrowed)]`: the view `NameRef<'b>` borrows its text from the
//! body, copying only text with escapes. That it allocates nothing for a seed
//! body is in `view_no_alloc.rs`; that it agrees with the enum on every case, in
//! `engine_agreement.rs`.

use std::borrow::Cow;

use error_catalog::FromResponse;
use error_catalog_services::customer_verification::{
    CustomerVerificationError as CvError, CustomerVerificationErrorRef as CvErrorRef,
};
use error_catalog_services::kya::KyaErrorRef;

const CV_VALIDATION: &[u8] = br#"{"error":{"code":"VALIDATION_ERROR","message":"Invalid request parameters","details":"Field 'email' is required","field":"email"}}"#;
const KYA_RATE_LIMITED: &[u8] = br#"{"error":"Rate limit exceeded for agent tier","errorType":"RATE_LIMITED","details":{"agentId":"42","tier":1,"limit":1,"retryAfter":45},"timestamp":1707408000000}"#;

#[test]
fn text_without_escapes_is_borrowed_from_the_body() {
    match CvErrorRef::from_response(400, CV_VALIDATION) {
        CvErrorRef::ValidationError {
            details: Some(Cow::Borrowed(details)),
            field: Some(Cow::Borrowed(field)),
            extra,
        } => {
            assert_eq!(details, "Field 'email' is required");
            assert_eq!(field, "email");
            assert!(extra.is_empty(), "{extra:?}");
        }
        other => panic!("{other:?}"),
    }
    match KyaErrorRef::from_response(429, KYA_RATE_LIMITED) {
        KyaErrorRef::RateLimited {
            agent_id: Cow::Borrowed(agent),
            retry_after: 45,
            ..
        } => assert_eq!(agent, "42"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn text_with_escapes_is_unescaped_and_owned() {
    let body = br#"{"error":{"code":"VALIDATION_ERROR","message":"Invalid request parameters","details":"Field \"email\" is required","field":"e\u006dail"}}"#;
    match CvErrorRef::from_response(400, body) {
        CvErrorRef::ValidationError {
            details: Some(Cow::Owned(details)),
            field: Some(Cow::Owned(field)),
            ..
        } => {
            assert_eq!(details, r#"Field "email" is required"#);
            assert_eq!(field, "email");
        }
        other => panic!("{other:?}"),
    }
}

/// Optional text of another type is `None` in the view as in the enum: the
/// error keeps its identity, the value is kept in the extra under its
/// pointer with the reason (the typed reading stopped at it: the body was
/// read again raw, so the other text is lent owned).
#[test]
fn optional_text_of_another_type_is_none_and_kept() {
    let body = br#"{"error":{"code":"VALIDATION_ERROR","message":"Invalid request parameters","details":"Field 'email' is required","field":42}}"#;
    let view = CvErrorRef::from_response(400, body);
    let CvErrorRef::ValidationError {
        details: Some(details),
        field: None,
        extra,
    } = &view
    else {
        panic!("{view:?}")
    };
    assert_eq!(details, "Field 'email' is required");
    assert_eq!(extra.get("/error/field").map(|v| v.get()), Some("42"));
    assert_eq!(
        extra.unread().collect::<Vec<_>>(),
        [(
            "/error/field",
            "field `field`: invalid type: integer `42`, expected a string"
        )]
    );
    let owned = CvError::from_response(400, body);
    assert_eq!(format!("{:?}", view.into_owned()), format!("{owned:?}"));
}

#[test]
fn absent_and_null_text_is_none() {
    let body = br#"{"error":{"code":"VALIDATION_ERROR","message":"Invalid request parameters","details":null}}"#;
    assert!(matches!(
        CvErrorRef::from_response(400, body),
        CvErrorRef::ValidationError {
            details: None,
            field: None,
            ..
        }
    ));
}

#[test]
fn a_body_the_catalog_does_not_describe_falls_back_whole() {
    let body = br#"{"error":{"code":"NOT_A_CODE","message":"what"}}"#;
    let view = CvErrorRef::from_response(418, body);
    match &view {
        CvErrorRef::Unknown(u) => {
            assert_eq!(u.code(), Some("NOT_A_CODE"));
            assert_eq!(u.status(), Some(418));
            assert_eq!(u.body(), &body[..]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(view.into_owned(), CvError::from_response(418, body));
}

#[test]
fn a_body_read_again_raw_lends_owned_text_and_gives_the_same_value() {
    // a code seen twice stops typed reading: the body is read again raw, whose
    // text the view holds owned
    let body = br#"{"error":{"code":"INTERNAL_ERROR","code":"VALIDATION_ERROR","message":"Invalid request parameters","details":"Field 'email' is required","field":"email"}}"#;
    let view = CvErrorRef::from_response(400, body);
    match &view {
        CvErrorRef::ValidationError {
            details: Some(Cow::Owned(details)),
            field: Some(Cow::Owned(field)),
            ..
        } => assert_eq!(
            (details.as_str(), field.as_str()),
            ("Field 'email' is required", "email")
        ),
        other => panic!("{other:?}"),
    }
    assert_eq!(view.into_owned(), CvError::from_response(400, body));
    let body = br#"{"errorType":"INTERNAL_ERROR","errorType":"RATE_LIMITED","error":"Rate limit exceeded for agent tier","details":{"agentId":"42","tier":1,"limit":1,"retryAfter":45}}"#;
    match KyaErrorRef::from_response(429, body) {
        KyaErrorRef::RateLimited {
            agent_id: Cow::Owned(agent),
            ..
        } => assert_eq!(agent, "42"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_problem_json_body_gives_the_enums_value() {
    let owned = CvError::from_response(400, CV_VALIDATION);
    let body = serde_json::to_vec(&error_catalog::problem::Problem(&owned)).expect("problem+json");
    let view = CvErrorRef::from_problem_json(400, &body);
    match &view {
        CvErrorRef::ValidationError { details, field, .. } => {
            assert_eq!(details.as_deref(), Some("Field 'email' is required"));
            assert_eq!(field.as_deref(), Some("email"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(view.into_owned(), CvError::from_problem_json(400, &body));
}

/// A problem+json body reads its optional fields leniently too: a value of
/// another type is `None`, kept under its pointer in the problem's body.
#[test]
fn a_problem_json_body_with_optional_text_of_another_type() {
    let owned = CvError::from_response(400, CV_VALIDATION);
    let mut problem =
        serde_json::to_value(error_catalog::problem::Problem(&owned)).expect("problem+json");
    problem["field"] = serde_json::json!(42);
    let body = problem.to_string();
    let view = CvErrorRef::from_problem_json(400, body.as_bytes());
    let CvErrorRef::ValidationError {
        details: Some(details),
        field: None,
        extra,
    } = &view
    else {
        panic!("{body}: {view:?}")
    };
    assert_eq!(details, "Field 'email' is required");
    assert_eq!(extra.get("/field").map(|v| v.get()), Some("42"));
    assert!(extra.unread_reason("/field").is_some(), "{extra:?}");
    assert_eq!(
        view.into_owned(),
        CvError::from_problem_json(400, body.as_bytes())
    );
}
