//! The whole report: summary, bump advice, JSON and GitHub formats.

use error_catalog_model::diff::{diff, render_text, semver, Bump, Category};
use error_catalog_model::load_str;

use crate::support::{edit, report, BASE};

#[test]
fn integer_codes_are_reserved_bare() {
    let old = r#"[service]
id = "rpc"
name = "RPC"
[wire]
code = "/error/code"
message = "/error/message"
code_type = "integer"
[[errors]]
code = -32601
message = "Method not found"
[[errors]]
code = -32602
message = "Invalid params"
"#;
    let new = edit(
        old,
        "[[errors]]\ncode = -32602\nmessage = \"Invalid params\"\n",
        "",
    );
    assert_eq!(
        report(old, &new)[1],
        "  help: reserve the code so that no error takes it again with another meaning: `reserved = [-32602]`"
    );
}

#[test]
fn summary_counts_and_advises_the_bump() {
    let o = load_str("old.toml", BASE).unwrap();
    let status = load_str("new.toml", &edit(BASE, "status = 404", "status = 410")).unwrap();
    let changes = diff(&o, &status);
    assert_eq!(semver(&changes), Bump::Patch);
    assert!(render_text(&changes, &o, &status).ends_with(
        "1 change: 1 breaks the wire, 0 break source, 0 compatible\nsemver: patch (the enum's API is unchanged; the wire changes break clients of the service whatever the crate's version)\n"
    ));
    let added = format!("{BASE}\n[[errors]]\ncode = \"GONE\"\nstatus = 410\nmessage = \"Gone\"\n");
    let added = load_str("new.toml", &added).unwrap();
    assert_eq!(semver(&diff(&o, &added)), Bump::Minor);
    let renamed = edit(
        BASE,
        "code = \"NOT_FOUND\"",
        "code = \"NOT_FOUND\"\nvariant = \"Missing\"",
    );
    let renamed = load_str("new.toml", &renamed).unwrap();
    assert_eq!(semver(&diff(&o, &renamed)), Bump::Major);
    assert_eq!(semver(&diff(&o, &o)), Bump::None);
    assert!(render_text(&[], &o, &o).ends_with("semver: none (no change)\n"));
}

#[test]
fn json_and_github_reports() {
    let o = load_str("old.toml", BASE).unwrap();
    let n = load_str("new.toml", &edit(BASE, "status = 404", "status = 410")).unwrap();
    let changes = diff(&o, &n);
    let json = error_catalog_model::diff::render_json(&changes, &o, &n, &[Category::Wire]);
    assert_eq!(json["changes"][0]["rule"], "status-changed");
    assert_eq!(json["changes"][0]["breaks"], serde_json::json!(["wire"]));
    assert_eq!(json["changes"][0]["file"], "new.toml");
    assert_eq!(json["changes"][0]["line"], 16);
    assert_eq!(json["changes"][0]["column"], 10);
    assert_eq!(json["semver"], "patch");
    assert_eq!(json["breaking"], true);
    let source_only = error_catalog_model::diff::render_json(&changes, &o, &n, &[Category::Source]);
    assert_eq!(source_only["breaking"], false);

    let gh = error_catalog_model::diff::render_github(&changes, &o, &n, &[Category::Wire]);
    assert_eq!(
        gh.lines().next(),
        Some("::error file=new.toml,line=16,col=10,title=wire status-changed::error `NOT_FOUND`: status 404 is now 410")
    );
    let gh = error_catalog_model::diff::render_github(&changes, &o, &n, &[Category::Source]);
    assert!(
        gh.starts_with("::warning file=new.toml,line=16,col=10,"),
        "{gh}"
    );
}

#[test]
fn identity_changed_when_an_added_error_takes_its_example() {
    let old = r#"[service]
id = "shop"
name = "Shop"
[wire]
code = "/error/code"
message = "/error/message"
[[errors]]
code = "AUTH"
status = 401
message = "Not authorised"
[[errors.examples]]
body = '{"error": {"code": "AUTH", "message": "Session expired", "sub": 463}}'
"#;
    // the new catalog's own example no longer carries the sub-code (it must
    // read as its own error there), but the old one's still does
    let new = edit(
        &edit(old, ", \"sub\": 463", ""),
        "[[errors]]\ncode = \"AUTH\"\nstatus = 401",
        "[[errors]]\ncode = \"AUTH\"\nvariant = \"SessionExpired\"\nstatus = 401\nmessage = \"Session expired\"\nwhen = { \"/error/sub\" = 463 }\n\n[[errors]]\ncode = \"AUTH\"\nstatus = 401",
    );
    assert_eq!(
        report(old, &new),
        [
            "new.toml:14:1: compatible doc-changed: error `AUTH`: `examples` changed",
            "new.toml:14:1: wire identity-changed: error `AUTH`: its documented example (line 12), HTTP 401, is now read as error `SessionExpired`",
            "new.toml:8:8: compatible code-added: error `AUTH` (variant `SessionExpired`) was added",
        ]
    );
}
