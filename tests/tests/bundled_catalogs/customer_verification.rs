//! Customer Verification API (seed 004).

use error_catalog_core::engine::Identity;
use error_catalog_model::model::{BaseType, FieldType, RetryRule, WirePreset};
use serde_json::Value;

use crate::support::{err, field_type, load};

#[test]
fn customer_verification() {
    let c = load("customer_verification");
    assert_eq!(c.errors.len(), 16);
    assert_eq!(c.service.name.value, "Customer Verification API");
    assert_eq!(c.wire.preset.as_ref().unwrap().value, WirePreset::Nested);
    assert_eq!(c.wire.identity, Identity::Code);
    assert_eq!(c.wire.code.as_ref().unwrap().value.text, "/error/code");
    // The envelope's optional `details` and `field` strings.
    let env = &c.errors[0];
    assert_eq!(
        field_type(&c, env, "details"),
        FieldType {
            base: BaseType::String,
            list: false,
            optional: true
        }
    );
    assert_eq!(
        field_type(&c, env, "field"),
        FieldType {
            base: BaseType::String,
            list: false,
            optional: true
        }
    );

    // Every code with its status and message; WEBHOOK_DELIVERY_FAILED's status "varies".
    let seed: [(&str, Option<u16>, &str); 16] = [
        (
            "AUTHENTICATION_FAILED",
            Some(401),
            "Invalid API key provided",
        ),
        ("TOKEN_EXPIRED", Some(401), "JWT token has expired"),
        (
            "INSUFFICIENT_PERMISSIONS",
            Some(403),
            "Insufficient permissions for this operation",
        ),
        ("VALIDATION_ERROR", Some(400), "Invalid request parameters"),
        ("INVALID_FIELD_FORMAT", Some(422), "Invalid field format"),
        (
            "INVALID_DOCUMENT_FORMAT",
            Some(422),
            "Invalid document format",
        ),
        ("RESOURCE_NOT_FOUND", Some(404), "Customer not found"),
        (
            "RESOURCE_CONFLICT",
            Some(409),
            "Customer is in UNDER_REVIEW state and cannot be modified",
        ),
        ("DUPLICATE_RESOURCE", Some(409), "Customer already exists"),
        ("RATE_LIMIT_EXCEEDED", Some(429), "Too many requests"),
        ("VERIFICATION_FAILED", Some(422), "Verification failed"),
        (
            "DOCUMENT_QUALITY_INSUFFICIENT",
            Some(422),
            "Document quality insufficient",
        ),
        (
            "INTERNAL_SERVER_ERROR",
            Some(500),
            "An unexpected error occurred",
        ),
        (
            "SERVICE_UNAVAILABLE",
            Some(503),
            "Service temporarily unavailable",
        ),
        (
            "WEBHOOK_SIGNATURE_INVALID",
            Some(401),
            "Webhook signature verification failed",
        ),
        (
            "WEBHOOK_DELIVERY_FAILED",
            None,
            "Failed to deliver webhook after 3 attempts",
        ),
    ];
    let codes: Vec<&str> = c.errors.iter().map(|e| e.code.value.as_str()).collect();
    assert_eq!(codes, seed.map(|s| s.0));
    for (code, status, message) in seed {
        let e = err(&c, code);
        assert_eq!(e.status_u16(), status, "status of {code}");
        assert_eq!(e.message.value, message, "message of {code}");
        assert_eq!(e.examples.len(), 1, "{code} has one documented response");
    }
    assert!(err(&c, "WEBHOOK_DELIVERY_FAILED").status.is_none());

    // Headers from the RATE_LIMIT_EXCEEDED response and the logging advice.
    assert_eq!(c.headers.retry_after.as_deref(), Some("Retry-After"));
    assert_eq!(
        c.headers.rate_limit_limit.as_deref(),
        Some("X-RateLimit-Limit")
    );
    assert_eq!(
        c.headers.rate_limit_remaining.as_deref(),
        Some("X-RateLimit-Remaining")
    );
    assert_eq!(
        c.headers.rate_limit_reset.as_deref(),
        Some("X-RateLimit-Reset")
    );
    assert_eq!(c.headers.request_id.as_deref(), Some("X-Request-Id"));
    // "X-RateLimit-Limit: 300" is an example value, not a published limit.
    assert!(c.rate_limits.is_empty());

    let rl = err(&c, "RATE_LIMIT_EXCEEDED");
    assert_eq!(rl.retry, RetryRule::After);
    assert_eq!(rl.retry_after_field.as_ref().unwrap().value, "retryAfter");
    assert!(field_type(&c, rl, "retryAfter").base.is_integer());
    let at = &rl
        .fields
        .iter()
        .find(|f| f.wire.value == "retryAfter")
        .unwrap()
        .at_ptr;
    assert_eq!(at.as_ref().unwrap().value.text, "/error/retryAfter");
    assert_eq!(
        rl.solutions,
        [
            "Implement exponential backoff",
            "Monitor rate limit headers",
            "Use webhooks instead of polling",
            "Contact account manager for higher limits",
        ]
    );
    assert_eq!(
        rl.docs_url.as_deref(),
        Some("../authentication.md#rate-limiting")
    );
    let headers = &rl.examples[0].headers;
    assert!(headers.contains(&("Retry-After".to_string(), "60".to_string())));
    assert!(headers.contains(&("X-RateLimit-Reset".to_string(), "1699900060".to_string())));
    let body: Value = serde_json::from_str(&rl.examples[0].body.value).unwrap();
    assert_eq!(body["error"]["retryAfter"], 60);

    let auth = err(&c, "AUTHENTICATION_FAILED");
    assert_eq!(
        auth.cause.as_deref(),
        Some("API key or JWT token is invalid, missing, or revoked.")
    );
    assert_eq!(
        auth.docs_url.as_deref(),
        Some("../../../overview/help-and-support.md")
    );
    assert_eq!(auth.solutions.len(), 4);

    let val = err(&c, "VALIDATION_ERROR");
    let body: Value = serde_json::from_str(&val.examples[0].body.value).unwrap();
    assert_eq!(body["error"]["field"], "email");
    assert_eq!(body["error"]["details"], "Field 'email' is required");

    assert_eq!(err(&c, "INTERNAL_SERVER_ERROR").retry, RetryRule::Backoff);
    assert_eq!(err(&c, "SERVICE_UNAVAILABLE").retry, RetryRule::Backoff);
    let hook = err(&c, "WEBHOOK_DELIVERY_FAILED");
    assert_eq!(
        hook.docs_url.as_deref(),
        Some("../troubleshooting.md#webhook-issues")
    );
    assert_eq!(
        hook.solutions[1],
        "Return 2xx status code within 10 seconds"
    );
    // The seed gives no fix commands.
    assert!(c.errors.iter().all(|e| e.fix_command.is_none()));
}
