//! 004: Customer Verification API (nested envelope).

use error_catalog::headers::RateLimit;
use error_catalog::{ApiError, FromResponse, ResponseHeaders, RetryAdvice, RetryAfter, RetryRule};
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use serde_json::Value;

use crate::seed_bodies::*;
use crate::support::{after, check_all, now, Seed, ToJson};

/// RATE_LIMIT_EXCEEDED's "Response Headers".
const CV_RATE_LIMIT_HEADERS: &str = "X-RateLimit-Limit: 300
X-RateLimit-Remaining: 0
X-RateLimit-Reset: 1699900060
Retry-After: 60";

/// `details` is the seed's text, `field` absent.
fn cv_details(details: &Option<String>, field: &Option<String>, want: &str) -> bool {
    details.as_deref() == Some(want) && field.is_none()
}

pub(crate) fn cv_seeds() -> Vec<Seed<'static, CvError>> {
    use CvError as C;
    vec![
        Seed {
            code: "AUTHENTICATION_FAILED",
            display: "Invalid API key provided",
            suggestion: Some("Check API key"),
            docs: Some("../../../overview/help-and-support.md"),
            ..Seed::new(
                "CV AUTHENTICATION_FAILED",
                401,
                CV_AUTHENTICATION_FAILED,
                |e| {
                    matches!(e, C::AuthenticationFailed { details, field, extra }
                    if cv_details(details, field, "The API key does not exist or has been revoked") && extra.is_empty())
                },
            )
        },
        Seed {
            code: "TOKEN_EXPIRED",
            display: "JWT token has expired",
            suggestion: Some("Refresh JWT token"),
            docs: Some("../../../overview/help-and-support.md"),
            ..Seed::new("CV TOKEN_EXPIRED", 401, CV_TOKEN_EXPIRED, |e| {
                matches!(e, C::TokenExpired { details, field, extra }
                    if cv_details(details, field, "Token expired at 2025-11-05T10:30:00Z") && extra.is_empty())
            })
        },
        Seed {
            code: "INSUFFICIENT_PERMISSIONS",
            display: "Insufficient permissions for this operation",
            suggestion: Some("Verify your API key has appropriate permissions"),
            docs: Some("../../../overview/help-and-support.md"),
            ..Seed::new(
                "CV INSUFFICIENT_PERMISSIONS",
                403,
                CV_INSUFFICIENT_PERMISSIONS,
                |e| {
                    matches!(e, C::InsufficientPermissions { details, field, extra }
                    if cv_details(details, field, "This operation requires ADMIN or WRITE scope") && extra.is_empty())
                },
            )
        },
        Seed {
            code: "VALIDATION_ERROR",
            display: "Invalid request parameters",
            suggestion: Some("Fix request data"),
            docs: Some("../../../api-reference/customers.md"),
            rule: Some(RetryRule::Never),
            headers: CV_RATE_LIMIT_HEADERS,
            advice: Some(RetryAdvice::Never),
            ..Seed::new("CV VALIDATION_ERROR", 400, CV_VALIDATION_ERROR, |e| {
                matches!(e, C::ValidationError { details, field, extra }
                    if details.as_deref() == Some("Field 'email' is required")
                        && field.as_deref() == Some("email")
                        && extra.is_empty())
            })
        },
        Seed {
            code: "INVALID_FIELD_FORMAT",
            display: "Invalid field format",
            suggestion: Some("Validate field formats on client side"),
            ..Seed::new(
                "CV INVALID_FIELD_FORMAT",
                422,
                CV_INVALID_FIELD_FORMAT,
                |e| {
                    matches!(e, C::InvalidFieldFormat { details, field, extra }
                    if details.as_deref() == Some("Field 'dateOfBirth' must be in YYYY-MM-DD format")
                        && field.as_deref() == Some("dateOfBirth")
                        && extra.is_empty())
                },
            )
        },
        Seed {
            code: "INVALID_DOCUMENT_FORMAT",
            display: "Invalid document format",
            suggestion: Some("Use supported formats: JPG, PNG, PDF"),
            docs: Some("../guides/kyc-integration.md#document-requirements"),
            ..Seed::new(
                "CV INVALID_DOCUMENT_FORMAT",
                422,
                CV_INVALID_DOCUMENT_FORMAT,
                |e| {
                    matches!(e, C::InvalidDocumentFormat { details, field, extra }
                    if cv_details(details, field, "Document must be JPG, PNG, or PDF. Max size: 10MB") && extra.is_empty())
                },
            )
        },
        Seed {
            code: "RESOURCE_NOT_FOUND",
            display: "Customer not found",
            suggestion: Some("Verify resource ID"),
            ..Seed::new("CV RESOURCE_NOT_FOUND", 404, CV_RESOURCE_NOT_FOUND, |e| {
                matches!(e, C::ResourceNotFound { details, field, extra }
                    if cv_details(details, field, "Customer with ID 'cus_invalid123' does not exist") && extra.is_empty())
            })
        },
        Seed {
            code: "RESOURCE_CONFLICT",
            display: "Customer is in UNDER_REVIEW state and cannot be modified",
            suggestion: Some("Wait for state change"),
            docs: Some("../concepts/customer-states.md"),
            ..Seed::new("CV RESOURCE_CONFLICT", 409, CV_RESOURCE_CONFLICT, |e| {
                matches!(e, C::ResourceConflict { details, field, extra }
                    if cv_details(details, field, "Wait for verification to complete before updating") && extra.is_empty())
            })
        },
        Seed {
            code: "DUPLICATE_RESOURCE",
            display: "Customer already exists",
            suggestion: Some("Check if customer already exists before creating"),
            docs: Some("../api-reference/overview.md#idempotency"),
            ..Seed::new("CV DUPLICATE_RESOURCE", 409, CV_DUPLICATE_RESOURCE, |e| {
                matches!(e, C::DuplicateResource { details, field, extra }
                    if cv_details(details, field, "Customer with email 'user@example.com' already exists") && extra.is_empty())
            })
        },
        Seed {
            code: "RATE_LIMIT_EXCEEDED",
            display: "Too many requests",
            suggestion: Some("Implement backoff"),
            docs: Some("../authentication.md#rate-limiting"),
            rule: Some(RetryRule::After),
            headers: CV_RATE_LIMIT_HEADERS,
            advice: Some(after(60)),
            ..Seed::new("CV RATE_LIMIT_EXCEEDED", 429, CV_RATE_LIMIT_EXCEEDED, |e| {
                matches!(e, C::RateLimitExceeded { retry_after: 60, details, field, extra }
                    if cv_details(details, field, "Rate limit exceeded. Retry after 60 seconds") && extra.is_empty())
            })
        },
        Seed {
            code: "VERIFICATION_FAILED",
            display: "Verification failed",
            suggestion: Some("Review customer data for accuracy"),
            docs: Some("../troubleshooting.md#verification-issues"),
            ..Seed::new("CV VERIFICATION_FAILED", 422, CV_VERIFICATION_FAILED, |e| {
                matches!(e, C::VerificationFailed { details, field, extra }
                    if cv_details(details, field, "Identity document could not be verified") && extra.is_empty())
            })
        },
        Seed {
            code: "DOCUMENT_QUALITY_INSUFFICIENT",
            display: "Document quality insufficient",
            suggestion: Some("Ensure clear, well-lit photos"),
            docs: Some("../troubleshooting.md#document-upload-issues"),
            ..Seed::new(
                "CV DOCUMENT_QUALITY_INSUFFICIENT",
                422,
                CV_DOCUMENT_QUALITY_INSUFFICIENT,
                |e| {
                    matches!(e, C::DocumentQualityInsufficient { details, field, extra }
                    if cv_details(details, field, "Document image is blurry or incomplete") && extra.is_empty())
                },
            )
        },
        Seed {
            code: "INTERNAL_SERVER_ERROR",
            display: "An unexpected error occurred",
            suggestion: Some("Retry request"),
            docs: Some("../troubleshooting.md#getting-help"),
            // "500 Internal Server Error: Retry with exponential backoff".
            rule: Some(RetryRule::Backoff),
            advice: Some(RetryAdvice::Backoff),
            ..Seed::new(
                "CV INTERNAL_SERVER_ERROR",
                500,
                CV_INTERNAL_SERVER_ERROR,
                |e| {
                    matches!(e, C::InternalServerError { details, field, extra }
                    if cv_details(details, field, "Request ID: req_abc123xyz") && extra.is_empty())
                },
            )
        },
        Seed {
            code: "SERVICE_UNAVAILABLE",
            display: "Service temporarily unavailable",
            suggestion: Some("Retry after delay (use exponential backoff)"),
            rule: Some(RetryRule::Backoff),
            advice: Some(RetryAdvice::Backoff),
            ..Seed::new("CV SERVICE_UNAVAILABLE", 503, CV_SERVICE_UNAVAILABLE, |e| {
                matches!(e, C::ServiceUnavailable { details, field, extra }
                    if cv_details(details, field, "Please retry after a short delay") && extra.is_empty())
            })
        },
        Seed {
            code: "WEBHOOK_SIGNATURE_INVALID",
            display: "Webhook signature verification failed",
            suggestion: Some("Verify webhook secret is correct"),
            docs: Some("../guides/webhooks.md#security-and-signature-verification"),
            ..Seed::new(
                "CV WEBHOOK_SIGNATURE_INVALID",
                401,
                CV_WEBHOOK_SIGNATURE_INVALID,
                |e| {
                    matches!(e, C::WebhookSignatureInvalid { details, field, extra }
                    if cv_details(details, field, "Signature does not match expected value") && extra.is_empty())
                },
            )
        },
        Seed {
            code: "WEBHOOK_DELIVERY_FAILED",
            display: "Failed to deliver webhook after 3 attempts",
            suggestion: Some("Ensure webhook endpoint is accessible"),
            docs: Some("../troubleshooting.md#webhook-issues"),
            // "Status Code: varies": no status of its own.
            http: None,
            ..Seed::new(
                "CV WEBHOOK_DELIVERY_FAILED",
                500,
                CV_WEBHOOK_DELIVERY_FAILED,
                |e| {
                    matches!(e, C::WebhookDeliveryFailed { details, field, extra }
                    if cv_details(details, field, "Endpoint returned 500 error") && extra.is_empty())
                },
            )
        },
    ]
}

#[test]
fn customer_verification_examples() {
    check_all(&cv_seeds());
}

#[test]
fn customer_verification_every_code_has_its_seed_example() {
    use error_catalog::ErrorCatalog;
    let seeds = cv_seeds();
    for info in CvError::CODES {
        assert!(
            seeds.iter().any(|s| s.code == info.code),
            "CV code {} has no seed example here",
            info.code
        );
    }
    assert_eq!(seeds.len(), CvError::CODES.len());
}

#[test]
fn customer_verification_rate_limit_headers() {
    let h = ResponseHeaders::from_lines(CV_RATE_LIMIT_HEADERS);
    assert_eq!(h.retry_after, Some(RetryAfter::Seconds(60)));
    assert_eq!(
        h.rate_limit,
        RateLimit {
            limit: Some(300),
            remaining: Some(0),
            reset: Some(1_699_900_060)
        }
    );
    let e = CvError::from_response(429, CV_RATE_LIMIT_EXCEEDED.as_bytes());
    assert!(
        matches!(
            e,
            CvError::RateLimitExceeded {
                retry_after: 60,
                ..
            }
        ),
        "{e:?}"
    );
    assert_eq!(e.retry_with(&h, now()), after(60));
    assert_eq!(e.retry_with(&h, now()).to_string(), "retry in 60 s");
    // Without the headers, the body's retryAfter gives the same 60 s.
    assert_eq!(e.retry(), after(60));
    assert_eq!(e.retry_after_field(), Some(60));
}

#[test]
fn customer_verification_retry_advice_by_status_class() {
    let ise = CvError::from_response(500, CV_INTERNAL_SERVER_ERROR.as_bytes());
    assert_eq!(ise.retry(), RetryAdvice::Backoff, "INTERNAL_SERVER_ERROR");
    let unavailable = CvError::from_response(503, CV_SERVICE_UNAVAILABLE.as_bytes());
    assert_eq!(
        unavailable.retry(),
        RetryAdvice::Backoff,
        "SERVICE_UNAVAILABLE"
    );
    let validation = CvError::from_response(400, CV_VALIDATION_ERROR.as_bytes());
    assert_eq!(validation.retry(), RetryAdvice::Never, "VALIDATION_ERROR");
    let h = ResponseHeaders::from_lines(CV_RATE_LIMIT_HEADERS);
    assert_eq!(
        validation.retry_with(&h, now()),
        RetryAdvice::Never,
        "VALIDATION_ERROR ignores Retry-After"
    );
}

#[test]
fn customer_verification_format_placeholder_falls_back() {
    let e = CvError::from_response(400, CV_FORMAT.as_bytes());
    let CvError::Unknown(u) = &e else {
        panic!("CV format example: {e:?}")
    };
    assert_eq!(u.code(), Some("ERROR_CODE"));
    assert_eq!(u.message(), Some("Human-readable error message"));
    assert_eq!(u.status(), Some(400));
    assert_eq!(u.body(), CV_FORMAT.as_bytes());
    assert_eq!(
        e.to_json(),
        serde_json::from_str::<Value>(CV_FORMAT).unwrap()
    );
}

#[test]
fn customer_verification_deserialize_reads_the_seed_bodies() {
    for s in cv_seeds() {
        let d: CvError = serde_json::from_str(s.body)
            .unwrap_or_else(|err| panic!("{}: Deserialize: {err}", s.what));
        assert_eq!(
            d,
            CvError::from_response(s.status, s.body.as_bytes()),
            "{}",
            s.what
        );
    }
}
