//! A message-only body holding nothing but its message is read by one scan and
//! built in one step; the same message written so that the scan refuses it (a
//! letter escaped as `\u00XX`, a second member) takes the full parse. Both must
//! give the same error: same variant and fields, same message shown, and for
//! an unknown message the same message kept by the fallback.

use error_catalog::{ApiError, FromResponse, UnknownError};
use error_catalog_core::template::Template;
use error_catalog_services::{aironclaw::AironclawError, moca_air::MocaAirError};

/// Every error's message and match patterns, placeholders filled a few ways, plus
/// messages no catalog knows.
fn messages(id: &str) -> Vec<String> {
    let c = error_catalog_tests::bundled(id);
    let mut out = vec!["Something else entirely".to_string(), String::new()];
    for e in &c.errors {
        for m in e.matches.iter().chain(std::iter::once(&e.message)) {
            let Ok(t) = Template::parse(&m.value) else {
                continue;
            };
            for v in ["3", "0", "007", "-1", "99999999999", "x y", "ü"] {
                out.push(t.render(|_| Some(v.to_string())));
            }
        }
    }
    out
}

/// `{"<key>":"<m>"}` with the first ASCII letter of `m` escaped as `\u00XX`
/// (`None` when `m` has no ASCII letter).
fn escaped(key: &str, m: &str) -> Option<String> {
    let at = m.find(|c: char| c.is_ascii_alphabetic())?;
    let letter = m[at..].chars().next()?;
    // (a letter is written as itself by serde_json, so `at + 1` skips the quote)
    let mut out = serde_json::to_string(m).ok()?;
    out.replace_range(at + 1..at + 2, &format!("\\u{:04x}", u32::from(letter)));
    Some(format!("{{\"{key}\":{out}}}"))
}

fn same_either_way<E: FromResponse + ApiError + std::fmt::Debug>(
    id: &str,
    key: &str,
    unknown: fn(&E) -> Option<&UnknownError>,
) {
    let statuses = [400u16, 401, 403, 404, 409, 418, 429, 500, 503];
    let mut compared = 0;
    for m in messages(id) {
        let plain = serde_json::json!({ key: m }).to_string();
        let escaped = escaped(key, &m);
        // a second member: kept by the variant's extra, so only the code is compared
        let with_member = serde_json::json!({ key: m, "requestId": "r1" }).to_string();
        for s in statuses {
            let lone = E::from_response(s, plain.as_bytes());
            if let Some(other) = &escaped {
                let full = E::from_response(s, other.as_bytes());
                assert_eq!(lone.is_known(), full.is_known(), "{s} {plain} / {other}");
                if lone.is_known() {
                    // same variant, same fields, same message shown
                    assert_eq!(format!("{lone:?}"), format!("{full:?}"), "{s} {plain}");
                    assert_eq!(lone.to_string(), full.to_string(), "{s} {plain}");
                } else {
                    assert_eq!(
                        unknown(&lone).and_then(UnknownError::message),
                        Some(m.as_str())
                    );
                    assert_eq!(
                        unknown(&full).and_then(UnknownError::message),
                        Some(m.as_str())
                    );
                }
                compared += 1;
            }
            let member = E::from_response(s, with_member.as_bytes());
            assert_eq!(
                lone.is_known().then(|| lone.code().to_string()),
                member.is_known().then(|| member.code().to_string()),
                "{s} {plain}"
            );
        }
    }
    assert!(compared > 500, "{id}: only {compared} comparisons");
}

#[test]
fn aironclaw_reads_a_lone_message_as_the_full_parse_does() {
    same_either_way::<AironclawError>("aironclaw", "error", |e| match e {
        AironclawError::Unknown(u) => Some(u),
        _ => None,
    });
}

#[test]
fn moca_air_reads_a_lone_message_as_the_full_parse_does() {
    same_either_way::<MocaAirError>("moca_air", "message", |e| match e {
        MocaAirError::Unknown(u) => Some(u),
        _ => None,
    });
}
