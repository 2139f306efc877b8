//! Moca Network AIR Kit (seed 000).

use error_catalog_core::engine::Identity;
use error_catalog_model::model::{RetryRule, WirePreset};

use crate::support::{classify, err, load, shown_fix};

#[test]
fn moca_air() {
    let c = load("moca_air");
    assert_eq!(c.errors.len(), 12);
    assert_eq!(c.service.name.value, "Moca Network AIR Kit");
    assert_eq!(
        c.wire.preset.as_ref().unwrap().value,
        WirePreset::StatusOnly
    );
    assert_eq!(c.wire.identity, Identity::Status);
    // The seed publishes no rate limit numbers and names no headers.
    assert!(c.rate_limits.is_empty());
    assert!(c.headers.retry_after.is_none());

    // "API error codes": the HTTP status identifies the error.
    let table = [
        (400, "Missing or invalid request fields", "Verify `issuerDid`, `credentialId`, and `credentialSubject` match your schema. Check that required fields are present and types are correct."),
        (401, "Invalid or expired Partner JWT", "Verify the JWT is not expired (`exp`), the signature matches your JWKS key, `kid` in the header maps to the correct key, and `typ: \"JWT\"` is set."),
        (403, "Feature not enabled or schema not allowed", "Confirm the feature (e.g. Issue on Behalf) is enabled for your partner account in the Developer Dashboard. Check that your `issuerDid` owns the schema."),
        (404, "Unknown issuer DID or program ID", "Double-check `issuerDid` and `credentialId` values against the Developer Dashboard."),
        (409, "User consent rejected or duplicate conflict", "The user has denied consent for credentials issued on their behalf, or a duplicate credential exists with `onDuplicate: \"ignore\"`."),
        (500, "Server-side failure", "Retry with exponential backoff. If persistent, check the [Moca Network status page](https://discord.gg/mocaversenft) or contact support."),
    ];
    for (status, message, suggestion) in table {
        let e = c
            .errors
            .iter()
            .find(|e| e.status_u16() == Some(status))
            .unwrap_or_else(|| panic!("no error with status {status}"));
        assert_eq!(e.message.value, message);
        assert_eq!(e.suggestion.as_deref(), Some(suggestion));
        assert!(
            e.matches.is_empty(),
            "{status} is identified by status alone"
        );
    }
    let server = err(&c, "server_error");
    assert_eq!(server.status_u16(), Some(500));
    assert_eq!(server.retry, RetryRule::Backoff);

    // "JWT and JWKS errors": known by their message; the seed gives them no status.
    let jwt = [
        (
            "invalid_signature",
            &["Invalid signature", "JWT verification failed"][..],
        ),
        ("token_expired", &["Token expired"][..]),
        (
            "jwks_endpoint_unreachable",
            &["JWKS endpoint unreachable"][..],
        ),
        ("kid_not_found", &["kid not found"][..]),
        ("missing_typ_header", &["Missing typ header"][..]),
    ];
    for (code, messages) in jwt {
        let e = err(&c, code);
        assert!(e.status.is_none(), "`{code}` has no status in the seed");
        let m: Vec<&str> = e.matches.iter().map(|m| m.value.as_str()).collect();
        assert_eq!(m, messages, "patterns of `{code}`");
        assert_eq!(e.retry, RetryRule::Never);
    }
    let expired = err(&c, "token_expired");
    assert_eq!(
        expired.solutions,
        [
            "The `exp` claim has passed. Generate a new JWT with a fresh `exp` (recommended: 5 minutes from now).",
            "Verify your server clock is synchronized (NTP).",
        ]
    );
    let jwks = err(&c, "jwks_endpoint_unreachable");
    assert_eq!(
        shown_fix(jwks).as_deref(),
        Some("curl https://your-domain/api/.well-known/jwks")
    );
    assert_eq!(jwks.docs_url.as_deref(), Some("/airkit/usage/jwks-setup"));
    assert_eq!(jwks.solutions.len(), 5);
    // The snippet for `typ` is JavaScript, not a command.
    assert!(err(&c, "missing_typ_header").fix_command.is_none());

    // "Rate limiting": 429 Too Many Requests, back off exponentially.
    let rl = err(&c, "rate_limited");
    assert_eq!(rl.status_u16(), Some(429));
    assert_eq!(rl.message.value, "Too Many Requests");
    assert_eq!(rl.retry, RetryRule::Backoff);
    assert_eq!(
        rl.suggestion.as_deref(),
        Some("Back off and retry with exponential delays. Avoid tight polling loops on the status endpoint — start with 1-second intervals and double each attempt.")
    );

    // The JWT messages are recognised under any status; anything else by status.
    let code = |s, m| classify(&c, s, m).map(|(code, _)| code);
    assert_eq!(
        code(401, "JWT verification failed").as_deref(),
        Some("invalid_signature")
    );
    assert_eq!(code(401, "kid not found").as_deref(), Some("kid_not_found"));
    assert_eq!(
        code(401, "something else").as_deref(),
        Some("invalid_partner_jwt")
    );
    assert_eq!(code(429, "slow down").as_deref(), Some("rate_limited"));
}
