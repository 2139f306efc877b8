//! 000: Moca Network AIR Kit (status-only; JWT/JWKS failures by message).

use error_catalog::{FromResponse, RetryAdvice, RetryRule};
use error_catalog_services::moca_air::MocaAirError;
use serde_json::json;

use crate::support::{check, Seed, ToJson};

/// (status, likely cause, code, how to fix, retry rule, variant).
type MocaRow = (
    u16,
    &'static str,
    &'static str,
    &'static str,
    RetryRule,
    fn(&MocaAirError) -> bool,
);

fn moca_status_rows() -> Vec<MocaRow> {
    use MocaAirError as M;
    vec![
        (400, "Missing or invalid request fields", "invalid_request_fields",
            "Verify `issuerDid`, `credentialId`, and `credentialSubject` match your schema. Check that required fields are present and types are correct.",
            RetryRule::Never, |e| matches!(e, M::InvalidRequestFields { .. })),
        (401, "Invalid or expired Partner JWT", "invalid_partner_jwt",
            "Verify the JWT is not expired (`exp`), the signature matches your JWKS key, `kid` in the header maps to the correct key, and `typ: \"JWT\"` is set.",
            RetryRule::Never, |e| matches!(e, M::InvalidPartnerJwt { .. })),
        (403, "Feature not enabled or schema not allowed", "feature_not_enabled",
            "Confirm the feature (e.g. Issue on Behalf) is enabled for your partner account in the Developer Dashboard. Check that your `issuerDid` owns the schema.",
            RetryRule::Never, |e| matches!(e, M::FeatureNotEnabled { .. })),
        (404, "Unknown issuer DID or program ID", "unknown_issuer_or_program",
            "Double-check `issuerDid` and `credentialId` values against the Developer Dashboard.",
            RetryRule::Never, |e| matches!(e, M::UnknownIssuerOrProgram { .. })),
        (409, "User consent rejected or duplicate conflict", "consent_rejected_or_duplicate",
            "The user has denied consent for credentials issued on their behalf, or a duplicate credential exists with `onDuplicate: \"ignore\"`.",
            RetryRule::Never, |e| matches!(e, M::ConsentRejectedOrDuplicate { .. })),
        (500, "Server-side failure", "server_error",
            "Retry with exponential backoff. If persistent, check the [Moca Network status page](https://discord.gg/mocaversenft) or contact support.",
            RetryRule::Backoff, |e| matches!(e, M::ServerError { .. })),
        (429, "Too Many Requests", "rate_limited",
            "Back off and retry with exponential delays. Avoid tight polling loops on the status endpoint — start with 1-second intervals and double each attempt.",
            RetryRule::Backoff, |e| matches!(e, M::RateLimited { .. })),
    ]
}

#[test]
fn moca_statuses() {
    for (status, cause, code, fix_text, rule, typed) in moca_status_rows() {
        let advice = if rule == RetryRule::Never {
            RetryAdvice::Never
        } else {
            RetryAdvice::Backoff
        };
        // With the cause as the body's message: the body comes back verbatim.
        let body = json!({ "message": cause }).to_string();
        let what = format!("Moca {status}");
        check(&Seed {
            code,
            display: cause,
            suggestion: Some(fix_text),
            rule: Some(rule),
            advice: Some(advice),
            ..Seed::new(&what, status, &body, typed)
        });
        // With an empty object: the status alone identifies the error.
        let what = format!("Moca {status} {{}}");
        check(&Seed {
            code,
            display: cause,
            suggestion: Some(fix_text),
            rule: Some(rule),
            echo: Some(json!({ "message": cause })),
            ..Seed::new(&what, status, "{}", typed)
        });
    }
}

/// (message, code, variant): the JWT and JWKS headings, sent with 401.
type MocaMessageRow = (&'static str, &'static str, fn(&MocaAirError) -> bool);

fn moca_message_rows() -> Vec<MocaMessageRow> {
    use MocaAirError as M;
    vec![
        (
            "Invalid signature",
            "invalid_signature",
            |e| matches!(e, M::InvalidSignature { extra } if extra.is_empty()),
        ),
        (
            "JWT verification failed",
            "invalid_signature",
            |e| matches!(e, M::InvalidSignature { extra } if extra.message() == Some("JWT verification failed")),
        ),
        (
            "Token expired",
            "token_expired",
            |e| matches!(e, M::TokenExpired { extra } if extra.is_empty()),
        ),
        (
            "JWKS endpoint unreachable",
            "jwks_endpoint_unreachable",
            |e| matches!(e, M::JwksEndpointUnreachable { extra } if extra.is_empty()),
        ),
        (
            "kid not found",
            "kid_not_found",
            |e| matches!(e, M::KidNotFound { extra } if extra.is_empty()),
        ),
        (
            "Missing typ header",
            "missing_typ_header",
            |e| matches!(e, M::MissingTypHeader { extra } if extra.is_empty()),
        ),
    ]
}

#[test]
fn moca_jwt_and_jwks_messages() {
    for (message, code, typed) in moca_message_rows() {
        let body = json!({ "message": message }).to_string();
        let what = format!("Moca 401 {message:?}");
        let fix = (code == "jwks_endpoint_unreachable")
            .then_some("curl https://your-domain/api/.well-known/jwks");
        check(&Seed {
            code,
            // The seed does not say which status carries these messages.
            http: None,
            display: message,
            fix,
            docs: (code == "jwks_endpoint_unreachable").then_some("/airkit/usage/jwks-setup"),
            // The seed gives no retry rule for them.
            rule: Some(RetryRule::Never),
            ..Seed::new(&what, 401, &body, typed)
        });
    }
}

#[test]
fn moca_every_code_is_covered() {
    use error_catalog::ErrorCatalog;
    let statuses = moca_status_rows();
    let messages = moca_message_rows();
    for info in MocaAirError::CODES {
        assert!(
            statuses.iter().any(|r| r.2 == info.code) || messages.iter().any(|r| r.1 == info.code),
            "Moca code {} has no seed row here",
            info.code
        );
    }
}

#[test]
fn moca_token_expired_beats_the_401_row() {
    let e = MocaAirError::from_response(401, br#"{"message": "Token expired"}"#);
    assert!(
        matches!(e, MocaAirError::TokenExpired { .. }),
        "Token expired under 401: {e:?}"
    );
    assert_eq!(e.to_string(), "Token expired");
    assert_eq!(e.to_json(), json!({ "message": "Token expired" }));
    // Any other 401 message is the generic 401 row, keeping the message.
    let e = MocaAirError::from_response(401, br#"{"message": "jwt malformed"}"#);
    assert!(
        matches!(&e, MocaAirError::InvalidPartnerJwt { extra } if extra.message() == Some("jwt malformed")),
        "other 401: {e:?}"
    );
    assert_eq!(e.to_string(), "jwt malformed");
    assert_eq!(e.to_json(), json!({ "message": "jwt malformed" }));
}
