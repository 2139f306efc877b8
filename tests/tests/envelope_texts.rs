//! Envelope texts a body carries (`[wire] suggestion`, `docs_url`,
//! `fix_command`; an OAuth 2.0 body's `error_uri`): one that differs from
//! what the entry declares, or that the entry does not declare, is kept as
//! extra at its pointer and written back in place of the entry's, so nothing
//! the service sent is lost; one equal to the entry's keeps nothing. The
//! public form writes the entry's own. The CLI keeps the same.

use error_catalog::{ApiError, Extra, FromResponse, Public, UnknownError};
use serde_json::{json, Value};

#[derive(Debug, ApiError)]
#[api_error(wire = "coded")]
enum Coded {
    #[api_error(
        code = "QUOTA",
        status = 429,
        message = "Quota reached",
        suggestion = "Wait for the next period.",
        docs_url = "https://docs.example.com/quota",
        fix_command = "example quota show"
    )]
    Quota {
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(code = "BARE", status = 400, message = "Bare")]
    Bare {
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn read(body: &Value) -> Coded {
    Coded::from_response(429, &serde_json::to_vec(body).expect("JSON"))
}

fn extra(e: &Coded) -> &Extra {
    match e {
        Coded::Quota { extra } | Coded::Bare { extra } => extra,
        Coded::Unknown(u) => panic!("{u:?}"),
    }
}

fn kept(e: &Coded) -> Vec<(String, String)> {
    extra(e)
        .members()
        .map(|(p, v)| (p.to_string(), v.get().to_string()))
        .collect()
}

#[test]
fn texts_equal_to_the_entry_keep_nothing() {
    let body = json!({"code": "QUOTA", "message": "Quota reached",
        "suggestion": "Wait for the next period.",
        "docs_url": "https://docs.example.com/quota",
        "fix_command": "example quota show"});
    let e = read(&body);
    assert!(extra(&e).is_empty(), "{e:?}");
    assert_eq!(serde_json::to_value(&e).expect("serializes"), body);
}

#[test]
fn texts_that_differ_are_kept_and_written_back() {
    let body = json!({"code": "QUOTA", "message": "Quota reached",
        "suggestion": "Upgrade your plan.",
        "docs_url": "https://docs.example.com/quota#v2",
        "fix_command": "example plan upgrade"});
    let e = read(&body);
    assert_eq!(
        kept(&e),
        [
            ("/suggestion".into(), r#""Upgrade your plan.""#.into()),
            (
                "/docs_url".into(),
                r#""https://docs.example.com/quota#v2""#.into()
            ),
            ("/fix_command".into(), r#""example plan upgrade""#.into()),
        ]
    );
    // the accessors say what the catalog says; the body is written back
    assert_eq!(e.docs_url(), Some("https://docs.example.com/quota"));
    assert_eq!(serde_json::to_value(&e).expect("serializes"), body);
    // the public form shows the catalog's texts, not the received ones
    let public = serde_json::to_value(Public(&e)).expect("serializes");
    assert_eq!(public["docs_url"], "https://docs.example.com/quota");
    assert_eq!(public["suggestion"], "Wait for the next period.");
}

#[test]
fn texts_the_entry_does_not_declare_are_kept() {
    let body = json!({"code": "BARE", "message": "Bare",
        "docs_url": "https://docs.example.com/bare", "suggestion": null, "fix_command": 7});
    let e = read(&body);
    assert!(matches!(e, Coded::Bare { .. }), "{e:?}");
    assert_eq!(
        kept(&e),
        [
            ("/suggestion".into(), "null".into()),
            (
                "/docs_url".into(),
                r#""https://docs.example.com/bare""#.into()
            ),
            ("/fix_command".into(), "7".into()),
        ]
    );
    assert_eq!(serde_json::to_value(&e).expect("serializes"), body);
    let public = serde_json::to_value(Public(&e)).expect("serializes");
    assert!(public.get("docs_url").is_none(), "{public}");
    // a body without them keeps nothing and writes none
    let bare = json!({"code": "BARE", "message": "Bare"});
    let e = read(&bare);
    assert!(extra(&e).is_empty());
    assert_eq!(serde_json::to_value(&e).expect("serializes"), bare);
}

/// The CLI's decoder keeps the same texts (one decoder, one plan).
#[test]
fn the_cli_keeps_the_same_texts() {
    let catalog = r#"
[service]
id = "coded"
name = "Coded"
[wire]
preset = "coded"
[[errors]]
code = "QUOTA"
status = 429
message = "Quota reached"
suggestion = "Wait for the next period."
docs_url = "https://docs.example.com/quota"
"#;
    let c = error_catalog_model::load_str("coded.toml", catalog).expect("loads");
    for (body, expected) in [
        (
            json!({"code": "QUOTA", "message": "Quota reached", "docs_url": "https://docs.example.com/quota"}),
            vec![],
        ),
        (
            json!({"code": "QUOTA", "message": "Quota reached", "docs_url": "https://elsewhere", "suggestion": "Wait for the next period."}),
            vec!["/docs_url"],
        ),
        (
            json!({"code": "QUOTA", "message": "Quota reached", "fix_command": "x"}),
            vec!["/fix_command"],
        ),
    ] {
        let out = error_catalog_model::response::decode(
            &c,
            429,
            &serde_json::to_vec(&body).expect("JSON"),
        );
        assert!(out.entry.is_some(), "{body}");
        let extras: Vec<&str> = out.extras.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(extras, expected, "{body}");
    }
}

mod okta {
    error_catalog::catalog!("catalogs/okta.toml");
}

/// An OAuth 2.0 body's `error_uri` (the preset's docs URL) is kept.
#[test]
fn an_oauth2_error_uri_is_kept() {
    let body = json!({"error": "invalid_client",
        "error_description": "Client authentication failed. Either the client or the client credentials are invalid.",
        "error_uri": "https://developer.okta.com/docs/reference/error-codes/#invalid_client"});
    let e = okta::OktaError::from_response(401, &serde_json::to_vec(&body).expect("JSON"));
    let okta::OktaError::OAuthInvalidClient { extra, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(
        extra.get("/error_uri").map(|v| v.get()),
        Some(r#""https://developer.okta.com/docs/reference/error-codes/#invalid_client""#)
    );
    assert_eq!(serde_json::to_value(&e).expect("serializes"), body);
}
