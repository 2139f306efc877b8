//! Telling a success from an error: by the catalog's `[wire] success` marks
//! (errors with HTTP 200 too), or by default any 2xx whose body does not carry
//! what identifies an error. The generated enum, the CLI's check and the
//! reqwest integration decide alike.

use error_catalog::FromResponse;
use error_catalog_services::customer_verification::CustomerVerificationError;

error_catalog::catalog!("catalogs/slack_like.toml");

const CATALOG: &str = include_str!("../catalogs/slack_like.toml");

const OK: &[u8] = br#"{"ok": true, "channel": {"id": "C1"}}"#;
const NOT_FOUND: &[u8] = br#"{"ok": false, "error": "channel_not_found"}"#;

#[test]
fn success_marks_in_the_body() {
    const { assert!(SlackLikeError::SUCCESS_IN_BODY) };
    assert!(SlackLikeError::error_in(200, OK).is_none());
    let err = SlackLikeError::error_in(200, NOT_FOUND);
    assert!(
        matches!(err, Some(SlackLikeError::ChannelNotFound { .. })),
        "{err:?}"
    );
    assert_eq!(
        err.map(|e| e.to_string()).as_deref(),
        Some("Value passed for channel was invalid.")
    );
    // an unknown code under 200 is an error too, kept whole
    let err = SlackLikeError::error_in(200, br#"{"ok": false, "error": "not_in_channel"}"#);
    assert!(matches!(&err, Some(SlackLikeError::Unknown(u)) if u.code() == Some("not_in_channel")));
    // a body that is not JSON has no success mark
    assert!(SlackLikeError::error_in(200, b"<html>").is_some());
    // 4xx and 5xx are errors whatever the body says
    assert!(SlackLikeError::error_in(429, OK).is_some());
}

/// The success mark travels both ways: an error built in code writes what an
/// error carries opposite the mark (`"ok": false`, first, as Slack sends it),
/// and reading a body keeps no `/ok` extra: the member is envelope.
#[test]
fn the_error_mark_is_written_and_not_kept_as_extra() {
    let err = SlackLikeError::ChannelNotFound {
        extra: Default::default(),
    };
    let json = serde_json::to_string(&err).unwrap();
    assert_eq!(json, r#"{"ok":false,"error":"channel_not_found"}"#);
    let back = SlackLikeError::error_in(200, json.as_bytes());
    let Some(SlackLikeError::ChannelNotFound { extra }) = &back else {
        panic!("{back:?}")
    };
    assert!(extra.is_empty(), "{extra:?}");
    assert_eq!(back.as_ref(), Some(&err));
    // as the service sends it, and with a member beyond the envelope
    let body = br#"{"ok": false, "error": "channel_not_found", "warning": "superfluous_charset"}"#;
    let read = SlackLikeError::error_in(200, body);
    let Some(SlackLikeError::ChannelNotFound { extra }) = &read else {
        panic!("{read:?}")
    };
    assert!(extra.get("/ok").is_none(), "{extra:?}");
    assert_eq!(
        extra.get("/warning").map(|v| v.get()),
        Some(r#""superfluous_charset""#)
    );
    assert_eq!(
        serde_json::to_string(&read).unwrap(),
        r#"{"ok":false,"error":"channel_not_found","warning":"superfluous_charset"}"#
    );
    // a public body carries the mark too, the fallback's included
    let public = serde_json::to_value(error_catalog::Public(&err)).unwrap();
    assert_eq!(public["ok"], false, "{public}");
    let unknown = SlackLikeError::error_in(200, br#"{"ok": false, "error": "not_in_channel"}"#);
    let public = serde_json::to_value(error_catalog::Public(&unknown.unwrap())).unwrap();
    assert_eq!(public, serde_json::json!({"ok": false}));
}

/// The CLI reads the mark as envelope too: no `/ok` among the extras.
#[test]
fn the_cli_keeps_no_mark_as_extra() {
    let c =
        error_catalog_model::load_str("slack_like.toml", CATALOG).unwrap_or_else(|p| panic!("{p}"));
    let r = error_catalog_model::response::decode(&c, 200, NOT_FOUND);
    assert_eq!(r.entry, Some(0), "{r:?}");
    assert!(r.extras.is_empty(), "{:?}", r.extras);
    let body = br#"{"ok": false, "error": "channel_not_found", "warning": "w"}"#;
    let r = error_catalog_model::response::decode(&c, 200, body);
    let pointers: Vec<&str> = r.extras.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(pointers, ["/warning"]);
}

#[test]
fn by_default_a_2xx_without_the_code_is_a_success() {
    const { assert!(!CustomerVerificationError::SUCCESS_IN_BODY) };
    assert!(
        CustomerVerificationError::error_in(200, br#"{"id": "v_1", "status": "approved"}"#)
            .is_none()
    );
    assert!(CustomerVerificationError::error_in(204, b"").is_none());
    let body = br#"{"error": {"code": "TOKEN_EXPIRED", "message": "Access token has expired"}}"#;
    let err = CustomerVerificationError::error_in(200, body);
    assert!(
        matches!(err, Some(CustomerVerificationError::TokenExpired { .. })),
        "{err:?}"
    );
    assert!(CustomerVerificationError::error_in(401, body).is_some());
    assert!(
        CustomerVerificationError::error_in(302, b"").is_some(),
        "not 2xx: not a success"
    );
}

#[test]
fn the_cli_decides_alike() {
    let c =
        error_catalog_model::load_str("slack_like.toml", CATALOG).unwrap_or_else(|p| panic!("{p}"));
    let cv = error_catalog_model::load_str(
        "customer_verification.toml",
        error_catalog_services::customer_verification::SOURCE,
    )
    .unwrap();
    let bodies: [&[u8]; 6] = [
        OK,
        NOT_FOUND,
        b"<html>",
        b"",
        br#"{"ok": "true"}"#,
        br#"{"error": {"code": "TOKEN_EXPIRED", "message": "x"}}"#,
    ];
    for status in [200, 201, 204, 302, 404, 429, 500] {
        for body in bodies {
            let text = String::from_utf8_lossy(body);
            assert_eq!(
                error_catalog_model::response::is_success(&c, status, body),
                SlackLikeError::is_success(status, body),
                "slack-like {status} {text}"
            );
            assert_eq!(
                error_catalog_model::response::is_success(&cv, status, body),
                CustomerVerificationError::is_success(status, body),
                "customer verification {status} {text}"
            );
        }
    }
}

#[test]
fn reqwest_check_reads_a_2xx_body_when_success_is_marked_there() {
    use error_catalog::reqwest::{blocking::check, Error};
    let response = |status: u16, body: &'static [u8]| -> reqwest::blocking::Response {
        http::Response::builder()
            .status(status)
            .header("X-Trace", "t-1")
            .body(body)
            .unwrap()
            .into()
    };
    let ok = check::<SlackLikeError>(response(200, OK)).expect("a success");
    assert_eq!(ok.status(), 200);
    assert_eq!(ok.headers()["x-trace"], "t-1");
    assert_eq!(ok.bytes().unwrap().as_ref(), OK, "the body is given back");
    match check::<SlackLikeError>(response(200, NOT_FOUND)) {
        Err(Error::Api(r)) => assert!(matches!(r.error, SlackLikeError::ChannelNotFound { .. })),
        other => panic!("{other:?}"),
    }
    // without success marks a 2xx is passed through unread
    assert!(check::<CustomerVerificationError>(response(200, NOT_FOUND)).is_ok());
}

/// The reference page says how a success is told from an error.
#[test]
fn the_docs_page_states_the_rule() {
    let c =
        error_catalog_model::load_str("slack_like.toml", CATALOG).unwrap_or_else(|p| panic!("{p}"));
    let page = error_catalog_model::docs::render(&c);
    assert!(
        page.contains("a response below 400 whose body has `/ok` = `true` is a success"),
        "{page}"
    );
    let cv = error_catalog_model::load_str(
        "customer_verification.toml",
        error_catalog_services::customer_verification::SOURCE,
    )
    .unwrap();
    let page = error_catalog_model::docs::render(&cv);
    assert!(
        page.contains(
            "A 2xx response is a success unless its body carries the code at `/error/code`."
        ),
        "{page}"
    );
}
