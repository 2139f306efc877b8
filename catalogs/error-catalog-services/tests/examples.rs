//! The example catalogs (`examples/`: services whose conventions the bundled
//! seeds do not show): every documented body is classified as its own error
//! by the generated enum and by the CLI's decoder alike, reads back the same
//! from its `Serialize` output, and each catalog renders a docs page.

// the code generated for these catalogs (the structs of declared types too)
// holds to what the bundled catalogs' crate does
#![deny(warnings, clippy::pedantic)]

use error_catalog::{ApiError, FromResponse};

mod github {
    error_catalog::catalog!("examples/github.toml");
}
mod telegram {
    error_catalog::catalog!("examples/telegram.toml");
}
mod facebook_graph {
    error_catalog::catalog!("examples/facebook_graph.toml");
}
mod openai {
    error_catalog::catalog!("examples/openai_style.toml");
}
mod json_rpc {
    error_catalog::catalog!("examples/json_rpc.toml");
}
mod azure_resource_manager {
    error_catalog::catalog!("examples/azure_resource_manager.toml");
}
mod okta {
    error_catalog::catalog!("examples/okta.toml");
}
mod sendgrid {
    error_catalog::catalog!("examples/sendgrid.toml");
}
mod jira_cloud {
    error_catalog::catalog!("examples/jira_cloud.toml");
}
mod amazon_sqs {
    error_catalog::catalog!("examples/amazon_sqs.toml");
}

/// Checks every example of catalog `$file` against enum `$enum`.
macro_rules! check_examples {
    ($file:literal, $enum:ty) => {{
        let text = include_str!(concat!("../examples/", $file));
        let c = error_catalog_model::load_str($file, text).unwrap_or_else(|p| panic!("{p}"));
        let mut checked = 0;
        for e in &c.errors {
            assert!(
                !e.examples.is_empty(),
                "{}: `{}` has no example",
                $file,
                e.code.value
            );
            for ex in &e.examples {
                // (where the docs give no status, any error status: the code identifies)
                let status = ex.status.or(e.status_u16()).unwrap_or(400);
                let body = ex.body.value.as_bytes();
                let want = e.variant.value.as_str();
                // the CLI's decoder (with the example's headers: an error may
                // be told apart by one)
                let headers = &ex.headers;
                let r = error_catalog_model::response::decode_with(&c, status, headers, body);
                let got = r.entry.map(|i| c.errors[i].variant.value.as_str());
                assert_eq!(got, Some(want), "{}: CLI on {}", $file, ex.body.value);
                // the generated enum
                let err = <$enum>::from_parts(status, headers, body);
                assert_eq!(
                    err.info().map(|i| i.variant),
                    Some(want),
                    "{}: {:?}",
                    $file,
                    err
                );
                assert!(
                    <$enum>::error_in(status, body).is_some(),
                    "{}: read as a success",
                    $file
                );
                // its serialization reads back as the same value
                let again = serde_json::to_vec(&err).expect("serializes");
                assert_eq!(
                    <$enum>::from_parts(status, headers, &again),
                    err,
                    "{}",
                    String::from_utf8_lossy(&again)
                );
                checked += 1;
            }
        }
        // a docs page names every error
        let page = error_catalog_model::docs::render(&c);
        for e in &c.errors {
            assert!(
                page.contains(&format!("`{}`", e.code.value)),
                "{}: page lacks `{}`",
                $file,
                e.code.value
            );
        }
        checked
    }};
}

#[test]
fn github() {
    assert!(check_examples!("github.toml", github::GithubError) >= 8);
    // no codes: a message no entry knows, under a status no entry has alone, falls back
    let err = github::GithubError::from_response(418, br#"{"message": "I'm a teapot"}"#);
    assert!(err.info().is_none(), "{err:?}");
}

/// The primary rate limit is its message *and* `x-ratelimit-remaining: 0`
/// (`when_header`): read with the headers, it is found; without them, or with
/// requests left, it is not, in the generated enum and the CLI alike.
#[test]
fn github_rate_limit_needs_its_header() {
    use github::GithubError;
    let body = br#"{"message": "API rate limit exceeded for 10.0.0.1.", "documentation_url": "https://docs.github.com/rest"}"#;
    let c = error_catalog_model::load_str("github.toml", include_str!("../examples/github.toml"))
        .unwrap_or_else(|p| panic!("{p}"));
    let cli = |headers: &[(&str, &str)]| {
        let r = error_catalog_model::response::decode_with(&c, 403, &headers, body);
        r.entry.map(|i| c.errors[i].code.value.clone())
    };
    for (headers, known) in [
        (
            &[
                ("X-RateLimit-Remaining", "0"),
                ("x-ratelimit-reset", "1377013266"),
            ][..],
            true,
        ),
        (&[("x-ratelimit-remaining", "12")][..], false),
        (&[][..], false),
    ] {
        let err = GithubError::from_parts(403, &headers, body);
        assert_eq!(
            matches!(err, GithubError::PrimaryRateLimit { .. }),
            known,
            "{headers:?}: {err:?}"
        );
        assert_eq!(
            cli(headers).as_deref() == Some("primary_rate_limit"),
            known,
            "{headers:?}"
        );
    }
    // `from_response` reads no headers
    assert!(GithubError::from_response(403, body).info().is_none());
    // the docs say so
    let page = error_catalog_model::docs::render(&c);
    assert!(page.contains("header `x-ratelimit-remaining: 0`"), "{page}");
}

/// `errors` is a `Vec` of the struct generated for `[types.ValidationError]`:
/// typed members, undeclared ones kept, written back as received; an entry
/// that lacks a required member makes the body a fallback, with the reason the
/// CLI gives too.
#[test]
fn github_validation_errors_are_typed() {
    use github::{GithubError, ValidationError};
    let body = br#"{"message": "Validation Failed", "errors": [{"resource": "Issue", "field": "title", "code": "missing_field"}, {"resource": "Label", "field": "name", "code": "custom", "message": "name is reserved", "hint": 1}]}"#;
    let err = GithubError::from_response(422, body);
    let GithubError::ValidationFailed { errors, .. } = &err else {
        panic!("{err:?}");
    };
    assert_eq!(errors.len(), 2);
    assert_eq!(
        (
            errors[0].resource.as_str(),
            errors[0].field.as_str(),
            errors[0].code.as_str()
        ),
        ("Issue", "title", "missing_field")
    );
    assert_eq!(errors[0].message, None);
    assert_eq!(errors[1].message.as_deref(), Some("name is reserved"));
    assert_eq!(errors[1].extra.get("hint"), Some(&serde_json::json!(1)));
    let written: serde_json::Value = serde_json::to_value(&err).expect("serializes");
    let received: serde_json::Value = serde_json::from_slice(body).expect("json");
    assert_eq!(written["errors"], received["errors"]);

    // built in code, it writes only what it holds
    let built = ValidationError {
        resource: "Issue".into(),
        field: "title".into(),
        code: "invalid".into(),
        message: None,
        documentation_url: None,
        extra: serde_json::Map::default(),
    };
    assert_eq!(
        serde_json::to_value(&built).expect("serializes"),
        serde_json::json!({"resource": "Issue", "field": "title", "code": "invalid"})
    );

    let c = error_catalog_model::load_str("github.toml", include_str!("../examples/github.toml"))
        .unwrap_or_else(|p| panic!("{p}"));
    // the docs page lists the type's members
    let page = error_catalog_model::docs::render(&c);
    assert!(page.contains("### `ValidationError`"), "{page}");
    assert!(
        page.contains("| `errors` | `[ValidationError]` |"),
        "{page}"
    );
    assert!(page.contains("| `message` | `string?` |"), "{page}");

    let bad: [&[u8]; 4] = [
        br#"{"message": "Validation Failed", "errors": [{"resource": "Issue", "code": "missing_field"}]}"#,
        br#"{"message": "Validation Failed", "errors": [{"resource": "Issue", "field": 7, "code": "x"}]}"#,
        br#"{"message": "Validation Failed", "errors": {"resource": "Issue"}}"#,
        br#"{"message": "Validation Failed", "errors": ["text"]}"#,
    ];
    for body in bad {
        let err = GithubError::from_response(422, body);
        let GithubError::Unknown(u) = &err else {
            panic!("{err:?}");
        };
        assert_eq!(u.body(), body, "the fallback keeps the body");
        let cli = error_catalog_model::response::decode(&c, 422, body);
        assert_eq!(cli.entry, None);
        assert_eq!(
            cli.reason.as_deref(),
            u.reason(),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
}

#[test]
fn json_rpc() {
    assert!(check_examples!("json_rpc.toml", json_rpc::JsonRpcError) >= 6);
    // a code of the reserved range no entry lists is the server error, kept
    let body = br#"{"jsonrpc": "2.0", "error": {"code": -32050, "message": "Busy"}, "id": 1}"#;
    let err = json_rpc::JsonRpcError::from_response(200, body);
    assert!(
        matches!(
            err,
            json_rpc::JsonRpcError::ServerError { code: -32050, .. }
        ),
        "{err:?}"
    );
    // a result is no error
    assert!(
        json_rpc::JsonRpcError::error_in(200, br#"{"jsonrpc": "2.0", "result": 19, "id": 1}"#)
            .is_none()
    );
}

#[test]
fn telegram() {
    assert!(check_examples!("telegram.toml", telegram::TelegramError) >= 6);
    // `{"ok": true}` is a success whatever the status's 2xx
    assert!(telegram::TelegramError::error_in(200, br#"{"ok": true, "result": {}}"#).is_none());
}

#[test]
fn facebook_graph() {
    assert!(check_examples!("facebook_graph.toml", facebook_graph::FacebookGraphError) >= 8);
    // code 190 with an undocumented subcode is the general entry, subcode kept
    let body = br#"{"error": {"message": "m", "type": "OAuthException", "code": 190, "error_subcode": 999}}"#;
    let err = facebook_graph::FacebookGraphError::from_response(400, body);
    assert_eq!(err.info().map(|i| i.variant), Some("AccessTokenInvalid"));
}

#[test]
fn openai() {
    assert!(check_examples!("openai_style.toml", openai::OpenAiError) >= 6);
    // a 400 without a code whose type no entry names is no known error
    let body = br#"{"error": {"message": "m", "type": "other", "code": null}}"#;
    assert!(openai::OpenAiError::from_response(400, body)
        .info()
        .is_none());
}

#[test]
fn azure_resource_manager() {
    assert!(
        check_examples!(
            "azure_resource_manager.toml",
            azure_resource_manager::ArmError
        ) >= 14
    );
}

#[test]
fn okta() {
    assert!(check_examples!("okta.toml", okta::OktaError) >= 44);
}

#[test]
fn sendgrid() {
    assert!(check_examples!("sendgrid.toml", sendgrid::SendgridError) >= 10);
}

#[test]
fn jira_cloud() {
    assert!(check_examples!("jira_cloud.toml", jira_cloud::JiraCloudError) >= 13);
}

#[test]
fn amazon_sqs() {
    assert!(check_examples!("amazon_sqs.toml", amazon_sqs::SqsError) >= 20);
}
