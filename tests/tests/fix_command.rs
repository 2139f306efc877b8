//! Fix commands with the error's values: rendered with each value quoted for a
//! POSIX shell, the same in the generated enum, its `Serialize`, `Public`, and
//! the CLI's decoding (one renderer, `error_catalog_core::command::render`).

use std::borrow::Cow;

use error_catalog::{ApiError, FromResponse, Public};

error_catalog::catalog!("catalogs/fix_with_values.toml");

fn body(scope: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({
        "code": "missing_scope",
        "message": format!("Your token lacks the {scope} scope"),
        "details": {"scope": scope, "host": "github.com"}
    }))
    .unwrap()
}

#[test]
fn values_are_put_in_and_quoted() {
    let err = GhDemoError::from_response(403, &body("read:org"));
    assert_eq!(
        err.fix_command().as_deref(),
        Some("gh auth refresh -h github.com -s read:org")
    );
    // anything outside [A-Za-z0-9_./:@%+=,-] is single-quoted: a paste runs nothing
    let err = GhDemoError::from_response(403, &body("x; rm -rf ~"));
    assert_eq!(
        err.fix_command().as_deref(),
        Some("gh auth refresh -h github.com -s 'x; rm -rf ~'")
    );
    let err = GhDemoError::from_response(403, &body("it's $(id)"));
    assert_eq!(
        err.fix_command().as_deref(),
        Some(r"gh auth refresh -h github.com -s 'it'\''s $(id)'")
    );
    // the template stays reachable as static data
    assert_eq!(
        err.info().and_then(|i| i.fix_command),
        Some("gh auth refresh -h {host} -s {scope}")
    );
}

#[test]
fn an_absent_value_leaves_its_placeholder() {
    let err = GhDemoError::MissingScope {
        scope: "repo".into(),
        host: None,
        attempt: None,
        extra: Default::default(),
    };
    assert_eq!(
        err.fix_command().as_deref(),
        Some("gh auth refresh -h {host} -s repo")
    );
}

#[test]
fn a_command_without_placeholders_is_static_text() {
    let err = GhDemoError::ConfigObject {
        extra: Default::default(),
    };
    let fix = err.fix_command();
    assert!(
        matches!(fix, Some(Cow::Borrowed("new Client({ retries: 3 })"))),
        "{fix:?}"
    );
}

#[test]
fn serialize_writes_the_rendered_command_and_public_hides_internal_values() {
    let err = GhDemoError::StaleClone {
        attempt: 3,
        extra: Default::default(),
    };
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["fix_command"], "git fetch --depth 3");
    assert_eq!(err.fix_command().as_deref(), Some("git fetch --depth 3"));
    // an internal field never leaves through Public: its placeholder stays
    let public = Public(&err);
    assert_eq!(
        public.fix_command().as_deref(),
        Some("git fetch --depth {attempt}")
    );
    let json = serde_json::to_value(&public).unwrap();
    assert_eq!(json["fix_command"], "git fetch --depth {attempt}");
}

#[test]
fn the_cli_renders_the_same() {
    let text = include_str!("../catalogs/fix_with_values.toml");
    let c = error_catalog_model::load_str("fix_with_values.toml", text)
        .unwrap_or_else(|p| panic!("{p}"));
    for scope in ["read:org", "x; rm -rf ~", "it's $(id)", ""] {
        let b = body(scope);
        let err = GhDemoError::from_response(403, &b);
        let r = error_catalog_model::response::decode(&c, 403, &b);
        let e = &c.errors[r.entry.expect("classified")];
        let template = &e.fix_command.as_ref().expect("has one").value;
        let cli = error_catalog_core::command::render(template, &r.fields);
        assert_eq!(
            Some(cli.as_str()),
            err.fix_command().as_deref(),
            "{scope:?}"
        );
    }
}
