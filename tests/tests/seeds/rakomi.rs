//! 002: Rakomi SDK + API (coded envelope).

use error_catalog::{ApiError, FromResponse, RetryAdvice, RetryRule};
use error_catalog_services::rakomi::RakomiError;
use serde_json::json;

use crate::support::{check, Seed, ToJson};

/// (code, message, suggestion, fix command, variant) as the seed lists them.
type RakomiRow = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    fn(&RakomiError) -> bool,
);

fn rakomi_rows() -> Vec<RakomiRow> {
    use RakomiError as R;
    vec![
        ("token/expired", "Token has expired", "Request a new access token via refresh token endpoint", None,
            |e| matches!(e, R::TokenExpired { .. })),
        ("token/invalid_signature", "Token signature verification failed", "Ensure the token was issued by Rakomi and has not been tampered with", None,
            |e| matches!(e, R::TokenInvalidSignature { .. })),
        ("token/malformed", "Token is not a valid JWT format", "Ensure you are passing a complete JWT string (header.payload.signature)", None,
            |e| matches!(e, R::TokenMalformed { .. })),
        ("token/invalid_algorithm", "Unsupported algorithm. Only RS256 is allowed", "Rakomi tokens use RS256. Do not attempt to use HS256 or other algorithms", None,
            |e| matches!(e, R::TokenInvalidAlgorithm { .. })),
        ("token/missing_claims", "Required claims missing (sub, tenant_id, email, sid, iss, aud, exp, iat, jti)", "Ensure the token was issued by Rakomi login/refresh endpoints", None,
            |e| matches!(e, R::TokenMissingClaims { .. })),
        ("token/invalid_issuer", "Token issuer mismatch", "Token must be issued by rakomi.com. Verify you are using the correct environment", None,
            |e| matches!(e, R::TokenInvalidIssuer { .. })),
        ("token/not_yet_valid", "Token nbf (not before) is in the future", "Check system clock synchronization or increase clockTolerance in SDK config",
            Some(r#"new RakomiClient({ apiKey: "...", clockTolerance: 60 })"#),
            |e| matches!(e, R::TokenNotYetValid { .. })),
        ("token/missing", "Authorization header with Bearer token is required", "Include an Authorization header: Bearer <token>", None,
            |e| matches!(e, R::TokenMissing { .. })),
        ("token/internal_error", "An internal error occurred during token verification", "This is unexpected. Please retry or contact support", None,
            |e| matches!(e, R::TokenInternalError { .. })),
        ("jwks/fetch_failed", "Failed to fetch JWKS", "Check network connectivity and that baseUrl is correct",
            Some("curl https://api.rakomi.com/.well-known/jwks.json"),
            |e| matches!(e, R::JwksFetchFailed { .. })),
        ("jwks/no_matching_key", "No key in JWKS matches token kid", "The signing key may have been rotated. This is transient during key rotation — retry in a few seconds", None,
            |e| matches!(e, R::JwksNoMatchingKey { .. })),
        ("jwks/invalid_response", "JWKS response is not a valid JSON Web Key Set", "Ensure baseUrl points to a valid Rakomi instance", None,
            |e| matches!(e, R::JwksInvalidResponse { .. })),
        ("webhook/timestamp_expired", "Webhook timestamp is too old (exceeds tolerance)", "Ensure your server clock is synchronized. The webhook may be a replay attack", None,
            |e| matches!(e, R::WebhookTimestampExpired { .. })),
        ("webhook/invalid_signature", "Webhook HMAC signature verification failed", "Verify the webhook secret matches the one in your Rakomi dashboard", None,
            |e| matches!(e, R::WebhookInvalidSignature { .. })),
        ("webhook/missing_header", "Required webhook headers missing (X-Rakomi-Signature, X-Rakomi-Timestamp, X-Rakomi-Delivery-Id)", "Ensure you are passing the raw request headers to verifyWebhook()", None,
            |e| matches!(e, R::WebhookMissingHeader { .. })),
        ("webhook/invalid_body", "Webhook body is not valid JSON", "Use express.raw() or express.text() middleware to preserve the raw body for webhook routes", None,
            |e| matches!(e, R::WebhookInvalidBody { .. })),
        ("config/missing_api_key", "apiKey is required", "Pass your API key when creating the client",
            Some(r#"new RakomiClient({ apiKey: "akm_live_xxx" })"#),
            |e| matches!(e, R::ConfigMissingApiKey { .. })),
        ("config/invalid_base_url", "baseUrl must be a valid HTTPS URL", "Use a full URL including protocol, e.g., https://api.rakomi.com", None,
            |e| matches!(e, R::ConfigInvalidBaseUrl { .. })),
        ("config/missing_webhook_secret", "webhookSecret is required for webhook verification", "Pass your webhook signing key in config",
            Some(r#"new RakomiClient({ apiKey: "...", webhookSecret: "whsec_xxx" })"#),
            |e| matches!(e, R::ConfigMissingWebhookSecret { .. })),
        ("auth/token_expired", "Access token has expired", "Use the refresh token to obtain a new access token", None,
            |e| matches!(e, R::AuthTokenExpired { .. })),
        ("auth/invalid_credentials", "Invalid email or password", "Check your credentials and try again", None,
            |e| matches!(e, R::AuthInvalidCredentials { .. })),
        ("auth/email_not_verified", "Email address has not been verified", "Check your inbox for the verification email or request a new one", None,
            |e| matches!(e, R::AuthEmailNotVerified { .. })),
    ]
}

/// `{"code", "message"}` classifies; serializing writes the catalog's suggestion
/// and fix command too, as the seed says every SDK error carries them.
#[test]
fn rakomi_codes() {
    let rows = rakomi_rows();
    for &(code, message, suggestion, fix, typed) in &rows {
        let body = json!({ "code": code, "message": message }).to_string();
        let mut echo = json!({ "code": code, "message": message, "suggestion": suggestion });
        if let Some(f) = fix {
            echo["fix_command"] = json!(f);
        }
        let what = format!("Rakomi {code}");
        check(&Seed {
            code,
            // The seed gives no HTTP status for any Rakomi error.
            http: None,
            display: message,
            suggestion: Some(suggestion),
            fix,
            echo: Some(echo.clone()),
            ..Seed::new(&what, 400, &body, typed)
        });

        // The full body the seed describes (code, message, suggestion and fix
        // command) comes back verbatim.
        let full = echo.to_string();
        let e = RakomiError::from_response(401, full.as_bytes());
        assert!(typed(&e), "{what} (full body): {e:?}");
        assert_eq!(e.to_json(), echo, "{what} (full body): serialization");
        let d: RakomiError = serde_json::from_str(&full).expect("Deserialize");
        assert_eq!(d, e, "{what}: Deserialize agrees with from_response");
    }
}

#[test]
fn rakomi_every_code_is_in_the_seed() {
    use error_catalog::ErrorCatalog;
    let rows = rakomi_rows();
    assert_eq!(rows.len(), RakomiError::CODES.len());
    for info in RakomiError::CODES {
        assert!(
            rows.iter().any(|r| r.0 == info.code),
            "Rakomi code {} is not in the seed",
            info.code
        );
    }
}

#[test]
fn rakomi_retry_where_the_seed_says_retry() {
    // "This is unexpected. Please retry or contact support" and "This is transient
    // during key rotation — retry in a few seconds".
    for code in ["token/internal_error", "jwks/no_matching_key"] {
        let e = RakomiError::from_response(
            400,
            json!({ "code": code, "message": "x" })
                .to_string()
                .as_bytes(),
        );
        assert!(e.is_known(), "{code}: {e:?}");
        assert_ne!(e.retry_rule(), RetryRule::Never, "{code}: retry rule");
        assert_ne!(e.retry(), RetryAdvice::Never, "{code}: retry advice");
    }
    let e = RakomiError::from_response(
        401,
        br#"{"code": "auth/invalid_credentials", "message": "Invalid email or password"}"#,
    );
    assert_eq!(e.retry(), RetryAdvice::Never, "auth/invalid_credentials");
}
