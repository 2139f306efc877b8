//! The example catalogs (`examples/`: services whose conventions the bundled
//! seeds do not show): every documented body is classified as its own error
//! by the generated enum and by the CLI's decoder alike, reads back the same
//! from its `Serialize` output, and each catalog renders a docs page.

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

/// Checks every example of catalog `$file` against enum `$enum`.
macro_rules! check_examples {
    ($file:literal, $enum:ty) => {{
        let text = include_str!(concat!("../examples/", $file));
        let c = error_catalog_codegen::load_str($file, text).unwrap_or_else(|p| panic!("{p}"));
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
                // the CLI's decoder
                let r = error_catalog_codegen::response::decode(&c, status, body);
                let got = r.entry.map(|i| c.errors[i].variant.value.as_str());
                assert_eq!(got, Some(want), "{}: CLI on {}", $file, ex.body.value);
                // the generated enum
                let err = <$enum>::from_response(status, body);
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
                    <$enum>::from_response(status, &again),
                    err,
                    "{}",
                    String::from_utf8_lossy(&again)
                );
                checked += 1;
            }
        }
        // a docs page names every error
        let page = error_catalog_codegen::docs::render(&c);
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
