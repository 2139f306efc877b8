//! Generated code shares what entries have in common: the typed sink has one
//! variant per shape of typed fields, `build` one reading function per way of
//! reading an entry's fields, and messages render from static segment tables
//! through one function. These cases pin that entries that differ only in a
//! field's type, in redaction, or in their template, still behave as their own.

use error_catalog::{ApiError, Extra, FromResponse, Public, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
enum Quota {
    #[api_error(code = "SMALL", status = 429, message = "limit {limit} reached")]
    Small {
        limit: u32,
        #[api_error(extra)]
        extra: Extra,
    },
    // the same member and message, another type: a reading of its own
    #[api_error(code = "LARGE", status = 429, message = "limit {limit} reached")]
    Large {
        limit: u64,
        #[api_error(extra)]
        extra: Extra,
    },
    // the same fields as `Small`, redacted (5xx), the placeholder twice and
    // escaped braces
    #[api_error(
        code = "BROKEN",
        status = 503,
        message = "{limit} of {limit} {{braces}}"
    )]
    Broken {
        limit: u32,
        #[api_error(extra)]
        extra: Extra,
    },
    // an optional field, absent or present
    #[api_error(code = "MAYBE", status = 400, message = "[{hint}]")]
    Maybe { hint: Option<String> },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn body(code: &str, details: &str) -> Vec<u8> {
    format!(r#"{{"error":{{"code":"{code}","message":"m",{details}}}}}"#).into_bytes()
}

#[test]
fn entries_of_the_same_member_and_another_type_read_their_own_type() {
    let big = r#""limit":5000000000"#;
    match Quota::from_response(429, &body("LARGE", big)) {
        Quota::Large { limit, .. } => assert_eq!(limit, 5_000_000_000),
        other => panic!("{other:?}"),
    }
    // too large for `Small`'s u32: the fallback, naming the field
    match Quota::from_response(429, &body("SMALL", big)) {
        Quota::Unknown(u) => assert!(
            u.reason().is_some_and(|r| r.contains("limit")),
            "{:?}",
            u.reason()
        ),
        other => panic!("{other:?}"),
    }
    match Quota::from_response(429, &body("SMALL", r#""limit":7"#)) {
        Quota::Small { limit, .. } => assert_eq!(limit, 7),
        other => panic!("{other:?}"),
    }
}

#[test]
fn entries_sharing_a_reading_keep_their_own_message_and_redaction() {
    let b = Quota::from_response(503, &body("BROKEN", r#""limit":7"#));
    assert!(matches!(b, Quota::Broken { limit: 7, .. }), "{b:?}");
    // the body's message differs from the template: kept, shown in full only
    assert_eq!(b.to_string(), "m");
    let b = Quota::Broken {
        limit: 7,
        extra: Extra::default(),
    };
    assert_eq!(b.to_string(), "7 of 7 {braces}");
    assert_eq!(Public(&b).to_string(), "[redacted] of [redacted] {braces}");
    assert!(error_catalog::__private::Render::public_details(&b).is_empty());
    assert_eq!(b.details()["limit"], 7);

    let s = Quota::Small {
        limit: 7,
        extra: Extra::default(),
    };
    assert_eq!(s.to_string(), "limit 7 reached");
    assert_eq!(Public(&s).to_string(), "limit 7 reached");
    assert_eq!(
        error_catalog::__private::Render::public_details(&s),
        s.details()
    );
}

#[test]
fn an_optional_placeholder_shows_its_value_or_nothing() {
    assert_eq!(Quota::Maybe { hint: None }.to_string(), "[]");
    let m = Quota::Maybe {
        hint: Some("retry".into()),
    };
    assert_eq!(m.to_string(), "[retry]");
    // the formatter's options reach the value, as with a direct `Display`
    let m = Quota::Maybe {
        hint: Some("ab".into()),
    };
    assert_eq!(format!("{m:>4}"), "[  ab]");
}
