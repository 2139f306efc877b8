//! 10 MB bodies, many small members and megabyte-long codes.

use error_catalog::{ApiError, UnknownError};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;

use crate::measure::{exclusive, MB};
use crate::subjects::{classify, classify_all, garbage, kya_body, Subject, TEAPOT};

#[test]
fn ten_mb_json_with_a_huge_string_field() {
    let _g = exclusive();
    let huge = "a".repeat(10 * MB);
    let body = kya_body(
        r#""x""#,
        r#""AGENT_NOT_FOUND""#,
        &format!(r#"{{"agentId": "{huge}"}}"#),
    );
    let out = classify_all("10 MB agentId", 404, &body);
    match &out.kya {
        KyaError::AgentNotFound { agent_id, .. } => assert_eq!(agent_id.len(), 10 * MB),
        other => panic!("10 MB agentId: {other:?}"),
    }
    // Under CV's and Rakomi's wires this body carries no code.
    assert!(out.cv.unknown().is_some() && out.rakomi.unknown().is_some());
}

#[test]
fn ten_mb_json_with_a_huge_escaped_string_field() {
    let _g = exclusive();
    // Every character escaped: the string must be decoded, not borrowed.
    let huge = r"\u00e9\n".repeat(10 * MB / 8);
    let body = kya_body(
        r#""x""#,
        r#""AGENT_NOT_FOUND""#,
        &format!(r#"{{"agentId": "{huge}"}}"#),
    );
    let out = classify_all("10 MB escaped agentId", 404, &body);
    match &out.kya {
        KyaError::AgentNotFound { agent_id, .. } => {
            assert_eq!(agent_id.chars().count(), 2 * 10 * MB / 8);
        }
        other => panic!("10 MB escaped agentId: {other:?}"),
    }
}

/// Messages that the classifier must match against patterns (2 MB each: every
/// pattern is tried, and unoptimized builds are slow at this size).
#[test]
fn huge_messages() {
    let _g = exclusive();
    let size = 2 * MB;
    let huge = "Rate limit exceeded ".repeat(size / 20);
    let kya = kya_body(
        &format!("\"{huge}\""),
        r#""INTERNAL_ERROR""#,
        r#"{"requestId": "r_1"}"#,
    );
    let e: KyaError = classify("2 MB kya message", 500, &kya);
    match &e {
        KyaError::InternalError { extra, .. } => {
            assert_eq!(extra.message().map(str::len), Some(huge.len()));
        }
        other => panic!("2 MB kya message: {other:?}"),
    }
    let escaped = kya_body(
        &format!("\"{}\"", r"\t\u2028".repeat(size / 8)),
        r#""INTERNAL_ERROR""#,
        "{}",
    );
    let e: KyaError = classify("2 MB escaped kya message", 500, &escaped);
    assert!(e.is_known(), "{e:?}");

    let upstream = format!(r#"{{"error": "{huge}"}}"#).into_bytes();
    let e: AironclawError = classify("2 MB aironclaw upstream message", 502, &upstream);
    assert!(
        matches!(&e, AironclawError::UpstreamMcpError { upstream, .. } if upstream == &huge),
        "upstream"
    );
    let half = &huge[..size / 2];
    let field_reason = format!(r#"{{"error": "{half}: {half}"}}"#).into_bytes();
    let e: AironclawError = classify("2 MB aironclaw `{field}: {reason}`", 400, &field_reason);
    assert!(
        matches!(&e, AironclawError::RuleSchemaRejected { field, reason, .. } if field == half && reason == half),
        "field: reason"
    );
    let separators = format!(r#"{{"error": "{}"}}"#, ": ".repeat(size / 2)).into_bytes();
    let e: AironclawError = classify("2 MB aironclaw message of separators", 400, &separators);
    assert!(
        matches!(&e, AironclawError::RuleSchemaRejected { field, .. } if field.is_empty()),
        "separators"
    );
    let look_alike = format!(
        r#"{{"error": "MCP limit reached ({}"}}"#,
        "1/2). ".repeat(size / 6)
    )
    .into_bytes();
    let e: AironclawError = classify("2 MB aironclaw MCP limit look-alike", 403, &look_alike);
    assert!(
        matches!(
            &e,
            AironclawError::McpLimitReached {
                used: 1,
                limit: 2,
                ..
            }
        ),
        "look-alike"
    );
    let digits = format!(
        r#"{{"error": "tools[{}] not found on this MCP server"}}"#,
        "9".repeat(size)
    )
    .into_bytes();
    let e: AironclawError = classify("2 MB of digits in tools[{index}]", 400, &digits);
    assert!(e.unknown().is_some(), "index beyond u32: {e:?}");

    let moca = format!(r#"{{"message": "{huge}"}}"#).into_bytes();
    let e: MocaAirError = classify("2 MB moca message", 401, &moca);
    assert!(matches!(e, MocaAirError::InvalidPartnerJwt { .. }), "moca");
    let cv =
        format!(r#"{{"error": {{"code": "VALIDATION_ERROR", "message": "{huge}"}}}}"#).into_bytes();
    let e: CvError = classify("2 MB customer_verification message", 400, &cv);
    assert!(matches!(e, CvError::ValidationError { .. }), "cv");
}

#[test]
fn ten_mb_json_with_a_huge_unknown_member() {
    let _g = exclusive();
    let huge = "z".repeat(10 * MB);
    let body = kya_body(
        r#""An unexpected error occurred""#,
        r#""INTERNAL_ERROR""#,
        &format!(r#"{{"blob": "{huge}", "list": [1, 2, 3]}}"#),
    );
    let out = classify_all("10 MB unknown member", 500, &body);
    match &out.kya {
        KyaError::InternalError { extra, .. } => {
            assert_eq!(
                extra.get("/details/blob").map(|r| r.get().len()),
                Some(huge.len() + 2)
            );
        }
        other => panic!("10 MB unknown member: {other:?}"),
    }
}

#[test]
fn ten_mb_of_garbage() {
    let _g = exclusive();
    let body = garbage(10 * MB, 0x5eed);
    classify_all("10 MB random bytes", TEAPOT, &body).all_unknown("10 MB random bytes");
    // Under a status Moca knows, the status identifies the error; the body is kept.
    let moca: MocaAirError = classify("10 MB random bytes, 500", 500, &body);
    match &moca {
        MocaAirError::ServerError { extra } => {
            assert!(extra.body() == Some(&body[..]), "the body is kept");
        }
        other => panic!("moca 500: {other:?}"),
    }

    let mut printable = garbage(10 * MB, 7);
    for b in &mut printable {
        *b = b' ' + *b % 95;
    }
    classify_all("10 MB printable garbage", TEAPOT, &printable).all_unknown("printable");

    let mut unterminated = b"{\"errorType\": \"INTERNAL_ERROR\", \"error\": \"".to_vec();
    unterminated.extend(std::iter::repeat_n(b'x', 10 * MB));
    classify_all("10 MB unterminated string", 500, &unterminated)
        .all_unknown_but_moca("unterminated");
}

/// About 1 MB of members like `"1a2b":0,`: what a body carries beyond the declared
/// fields is kept member by member (JSON pointer + raw value each).
fn tiny_members() -> (Vec<u8>, Vec<u8>) {
    let mut members = String::new();
    for i in 0..(MB / 12) {
        if i > 0 {
            members.push(',');
        }
        members.push_str(&format!("\"{i:x}\":0"));
    }
    let in_details = kya_body(
        r#""An unexpected error occurred""#,
        r#""INTERNAL_ERROR""#,
        &format!("{{{members}}}"),
    );
    let at_top = format!(
        r#"{{"errorType": "INTERNAL_ERROR", "error": "An unexpected error occurred", {members}}}"#
    )
    .into_bytes();
    (in_details, at_top)
}

/// Within the usual bound (8x body): every member is kept as text in one buffer
/// (`error_catalog_core::raw_members::RawMembers`), 8 bytes of bookkeeping each.
/// Measured: at most 4.4x (KYA, members of `details`); it was 21.4x when each
/// member took a pointer `String` and a boxed raw value in doubling `Vec`s.
#[test]
fn many_small_unknown_members() {
    let _g = exclusive();
    let (in_details, at_top) = tiny_members();
    let out = classify_all("1 MB of tiny members in details", 500, &in_details);
    match &out.kya {
        KyaError::InternalError { extra, .. } => {
            assert_eq!(extra.members().count(), MB / 12);
            assert_eq!(
                extra.get("/details/1a").map(|v| v.get()),
                Some("0"),
                "kept by pointer"
            );
        }
        other => panic!("tiny members: {other:?}"),
    }
    let out = classify_all("1 MB of tiny members at the top", 500, &at_top);
    match &out.kya {
        KyaError::InternalError { extra, .. } => {
            assert_eq!(extra.members().count(), MB / 12);
            assert_eq!(extra.get("/ff").map(|v| v.get()), Some("0"));
        }
        other => panic!("tiny members at the top: {other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Huge codes
// ---------------------------------------------------------------------------

#[test]
fn a_megabyte_long_code() {
    let _g = exclusive();
    let code = "A".repeat(MB);
    for (what, body) in [
        (
            "1 MB code (flat)",
            format!(r#"{{"error": "x", "errorType": "{code}"}}"#),
        ),
        (
            "1 MB code (nested)",
            format!(r#"{{"error": {{"code": "{code}", "message": "x"}}}}"#),
        ),
        (
            "1 MB code (coded)",
            format!(r#"{{"code": "{code}", "message": "x"}}"#),
        ),
        (
            "1 MB escaped code (flat)",
            format!(
                r#"{{"error": "x", "errorType": "{}"}}"#,
                r"\u0041".repeat(MB)
            ),
        ),
        (
            "1 MB message (message-only)",
            format!(r#"{{"error": "{code}"}}"#),
        ),
        (
            "1 MB key",
            format!(r#"{{"{code}": "x", "errorType": "INTERNAL_ERROR"}}"#),
        ),
    ] {
        let out = classify_all(what, 400, body.as_bytes());
        assert_eq!(
            out.kya.is_known(),
            what == "1 MB key",
            "{what}: {:?}",
            out.kya
        );
    }
    let body = format!(r#"{{"error": "x", "errorType": "{code}"}}"#);
    let out = classify_all("1 MB code", 400, body.as_bytes());
    assert_eq!(
        out.kya.unknown().and_then(UnknownError::code).map(str::len),
        Some(MB),
        "the code is kept"
    );
    assert_eq!(out.kya.code().len(), MB);
}
