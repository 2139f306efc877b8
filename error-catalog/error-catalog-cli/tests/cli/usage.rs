//! Usage errors and help.

use super::*;

#[test]
fn no_subcommand_is_usage_error() {
    let r = run(&[]);
    r.expect_code(2);
    assert!(r.stderr.contains("Usage: error-catalog <COMMAND>"));
}

#[test]
fn classify_requires_catalog_and_status() {
    let r = run(&["classify", "--status", "429"]);
    r.expect_code(2);
    assert!(r.stderr.contains("--catalog"), "{}", r.stderr);
    let r = run(&["classify", "--catalog", "kya"]);
    r.expect_code(2);
    assert!(r.stderr.contains("--status"), "{}", r.stderr);
}

/// GitHub's primary rate limit is its message with `x-ratelimit-remaining: 0`
/// (`when_header`): `--header` gives the header, and without it the body is
/// no known error.
#[test]
fn classify_reads_when_header_conditions_from_header_lines() {
    let github = catalog_file("examples/github");
    let body = r#"{"message": "API rate limit exceeded for 10.0.0.1.", "documentation_url": "https://docs.github.com/rest"}"#;
    let args = |extra: &[&'static str]| {
        let mut a = vec![
            "classify",
            "--catalog",
            github.as_str(),
            "--status",
            "403",
            "--json",
        ];
        a.extend_from_slice(extra);
        a.iter().map(|s| s.to_string()).collect::<Vec<String>>()
    };
    let with: Vec<String> = args(&["--header", "X-RateLimit-Remaining: 0"]);
    let with: Vec<&str> = with.iter().map(String::as_str).collect();
    let r = run_with_stdin(&with, body);
    r.expect_code(0);
    assert_eq!(r.json()["code"], "primary_rate_limit");
    for extra in [&["--header", "x-ratelimit-remaining: 4"][..], &[][..]] {
        let without = args(extra);
        let without: Vec<&str> = without.iter().map(String::as_str).collect();
        let r = run_with_stdin(&without, body);
        assert_eq!(r.json()["known"], false, "{extra:?}");
    }
}

/// `schema` writes the catalog's JSON Schema: the 2020-12 dialect, one
/// definition per error, the envelope accepting any of them.
#[test]
fn schema_writes_json_schema() {
    let r = run(&["schema", "kya"]);
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
    let defs = v["$defs"].as_object().expect("$defs");
    assert!(defs.contains_key("KyaErrorRateLimited"), "{defs:?}");
    assert_eq!(v["oneOf"].as_array().map(Vec::len), Some(defs.len()));
    // to a file
    let out = Temp::path("schema_writes_json_schema", "kya.schema.json");
    run(&["schema", "kya", "-o", out.s()]).expect_code(0);
    let written: Value = serde_json::from_str(&out.read()).expect("JSON");
    assert_eq!(written, v);
    // the problem details form
    let p = run(&["schema", "kya", "--problem-json"]);
    p.expect_code(0);
    let p = p.json();
    let limited = &p["$defs"]["KyaErrorRateLimited"]["properties"];
    assert_eq!(limited["status"]["const"], 429, "{limited}");
    assert_eq!(limited["code"]["const"], "RATE_LIMITED", "{limited}");
    assert!(limited["detail"].is_object(), "{limited}");
}

/// `openapi` writes the catalog's OpenAPI fragment, YAML by default and JSON
/// on request: the same document.
#[test]
fn openapi_writes_a_fragment_in_yaml_or_json() {
    let json_run = run(&["openapi", "kya", "--format", "json"]);
    json_run.expect_code(0);
    let v = json_run.json();
    let responses = v["components"]["responses"].as_object().expect("responses");
    assert!(responses.contains_key("KyaError429"), "{responses:?}");
    assert!(v["components"]["schemas"]["KyaError"].is_object());
    let yaml = run(&["openapi", "kya"]);
    yaml.expect_code(0);
    assert!(
        yaml.stdout.starts_with("\"components\":\n"),
        "{}",
        yaml.stdout
    );
    assert!(yaml.stdout.contains("\"KyaError429\":"), "{}", yaml.stdout);
    run(&["openapi", "kya", "--format", "xml"]).expect_code(2);
}
