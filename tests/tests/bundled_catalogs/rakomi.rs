//! Rakomi SDK + API (seed 002).

use error_catalog_core::engine::Identity;
use error_catalog_model::model::{RetryRule, WirePreset};

use crate::support::{err, load, shown_fix};

#[test]
fn rakomi() {
    let c = load("rakomi");
    assert_eq!(c.errors.len(), 22);
    assert_eq!(c.wire.preset.as_ref().unwrap().value, WirePreset::Coded);
    assert_eq!(c.wire.identity, Identity::Code);
    assert_eq!(
        c.wire.fix_command.as_ref().unwrap().value.text,
        "/fix_command"
    );

    // Every code with its message, suggestion and fix command, in seed order.
    let seed: [(&str, &str, &str, Option<&str>); 22] = [
        ("token/expired", "Token has expired", "Request a new access token via refresh token endpoint", None),
        ("token/invalid_signature", "Token signature verification failed", "Ensure the token was issued by Rakomi and has not been tampered with", None),
        ("token/malformed", "Token is not a valid JWT format", "Ensure you are passing a complete JWT string (header.payload.signature)", None),
        ("token/invalid_algorithm", "Unsupported algorithm. Only RS256 is allowed", "Rakomi tokens use RS256. Do not attempt to use HS256 or other algorithms", None),
        ("token/missing_claims", "Required claims missing (sub, tenant_id, email, sid, iss, aud, exp, iat, jti)", "Ensure the token was issued by Rakomi login/refresh endpoints", None),
        ("token/invalid_issuer", "Token issuer mismatch", "Token must be issued by rakomi.com. Verify you are using the correct environment", None),
        ("token/not_yet_valid", "Token nbf (not before) is in the future", "Check system clock synchronization or increase clockTolerance in SDK config", Some(r#"new RakomiClient({ apiKey: "...", clockTolerance: 60 })"#)),
        ("token/missing", "Authorization header with Bearer token is required", "Include an Authorization header: Bearer <token>", None),
        ("token/internal_error", "An internal error occurred during token verification", "This is unexpected. Please retry or contact support", None),
        ("jwks/fetch_failed", "Failed to fetch JWKS", "Check network connectivity and that baseUrl is correct", Some("curl https://api.rakomi.com/.well-known/jwks.json")),
        ("jwks/no_matching_key", "No key in JWKS matches token kid", "The signing key may have been rotated. This is transient during key rotation — retry in a few seconds", None),
        ("jwks/invalid_response", "JWKS response is not a valid JSON Web Key Set", "Ensure baseUrl points to a valid Rakomi instance", None),
        ("webhook/timestamp_expired", "Webhook timestamp is too old (exceeds tolerance)", "Ensure your server clock is synchronized. The webhook may be a replay attack", None),
        ("webhook/invalid_signature", "Webhook HMAC signature verification failed", "Verify the webhook secret matches the one in your Rakomi dashboard", None),
        ("webhook/missing_header", "Required webhook headers missing (X-Rakomi-Signature, X-Rakomi-Timestamp, X-Rakomi-Delivery-Id)", "Ensure you are passing the raw request headers to verifyWebhook()", None),
        ("webhook/invalid_body", "Webhook body is not valid JSON", "Use express.raw() or express.text() middleware to preserve the raw body for webhook routes", None),
        ("config/missing_api_key", "apiKey is required", "Pass your API key when creating the client", Some(r#"new RakomiClient({ apiKey: "akm_live_xxx" })"#)),
        ("config/invalid_base_url", "baseUrl must be a valid HTTPS URL", "Use a full URL including protocol, e.g., https://api.rakomi.com", None),
        ("config/missing_webhook_secret", "webhookSecret is required for webhook verification", "Pass your webhook signing key in config", Some(r#"new RakomiClient({ apiKey: "...", webhookSecret: "whsec_xxx" })"#)),
        ("auth/token_expired", "Access token has expired", "Use the refresh token to obtain a new access token", None),
        ("auth/invalid_credentials", "Invalid email or password", "Check your credentials and try again", None),
        ("auth/email_not_verified", "Email address has not been verified", "Check your inbox for the verification email or request a new one", None),
    ];
    let codes: Vec<&str> = c.errors.iter().map(|e| e.code.value.as_str()).collect();
    assert_eq!(codes, seed.map(|s| s.0));
    for (code, message, suggestion, fix) in seed {
        let e = err(&c, code);
        assert_eq!(e.message.value, message, "message of {code}");
        assert_eq!(
            e.suggestion.as_deref(),
            Some(suggestion),
            "suggestion of {code}"
        );
        assert_eq!(shown_fix(e).as_deref(), fix, "fix_command of {code}");
        // SDK errors are client-side; the seed gives the API ones no status either.
        assert!(e.status.is_none(), "{code} has no status in the seed");
        // No placeholders: the seed's messages are fixed text.
        assert_eq!(e.template().unwrap().placeholders().count(), 0, "{code}");
        assert!(e.fields.is_empty() && e.examples.is_empty(), "{code}");
    }

    let fix = err(&c, "config/missing_api_key");
    assert_eq!(
        shown_fix(fix).as_deref(),
        Some("new RakomiClient({ apiKey: \"akm_live_xxx\" })")
    );
    assert_eq!(err(&c, "token/expired").variant.value, "TokenExpired");
    assert_eq!(
        err(&c, "auth/token_expired").variant.value,
        "AuthTokenExpired"
    );
    assert_eq!(
        err(&c, "jwks/no_matching_key").variant.value,
        "JwksNoMatchingKey"
    );
    // Never retried unless the seed says so ("retry in a few seconds", "Please retry").
    assert_eq!(err(&c, "token/expired").retry, RetryRule::Never);
    assert_ne!(err(&c, "jwks/no_matching_key").retry, RetryRule::Never);
}
