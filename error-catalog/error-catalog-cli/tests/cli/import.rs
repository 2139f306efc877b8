//! `import openapi`: a starter catalog from an OpenAPI description, checked
//! by the same path as `check`, on hand-written specs (golden files) and on
//! trimmed excerpts of GitHub's and Stripe's published descriptions
//! (`tests/fixtures/openapi/README.md` says where they come from).

use std::collections::BTreeMap;

use super::*;

/// A fixture under `tests/fixtures/openapi/`.
fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/openapi")
        .join(name)
        .to_str()
        .expect("UTF-8 path")
        .to_string()
}

/// Reads a fixture spec (JSON or YAML) as JSON.
fn spec_value(name: &str) -> Value {
    let text = std::fs::read_to_string(fixture(name)).expect("read spec fixture");
    if name.ends_with(".json") {
        serde_json::from_str(&text).expect("spec fixture is JSON")
    } else {
        yaml_serde::from_str(&text).expect("spec fixture is YAML")
    }
}

/// Follows a local `$ref`.
fn follow<'a>(spec: &'a Value, mut v: &'a Value) -> &'a Value {
    while let Some(r) = v.get("$ref").and_then(Value::as_str) {
        v = spec
            .pointer(r.trim_start_matches('#'))
            .unwrap_or_else(|| panic!("dangling {r}"));
    }
    v
}

/// Every example body of the spec's error responses with an exact status:
/// `(status, operation and name, body)`.
fn spec_examples(spec: &Value) -> Vec<(u16, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            let Some(responses) = op.get("responses").and_then(Value::as_object) else {
                continue;
            };
            for (status, response) in responses {
                let Ok(status) = status.parse::<u16>() else {
                    continue;
                };
                if status < 400 {
                    continue;
                }
                let response = follow(spec, response);
                let Some(media) = response.pointer("/content/application~1json") else {
                    continue;
                };
                let what = format!("{method} {path} {status}");
                if let Some(body) = media.get("example") {
                    out.push((status, format!("{what} example"), body.clone()));
                }
                for (name, ex) in media
                    .get("examples")
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                {
                    let body = follow(spec, ex)["value"].clone();
                    out.push((status, format!("{what} {name}"), body));
                }
            }
        }
    }
    out
}

/// Classifies `body` with `catalog` and returns the JSON report.
fn classify(catalog: &str, status: u16, body: &Value) -> Value {
    let r = run_with_stdin(
        &[
            "classify",
            "--catalog",
            catalog,
            "--status",
            &status.to_string(),
            "--json",
        ],
        &body.to_string(),
    );
    r.json()
}

/// Imports `spec` with `--id id` into a temp file; returns the file.
fn import_to_file(test: &str, spec: &str, id: &str) -> Temp {
    let out = Temp::path(test, &format!("{id}.toml"));
    let r = run(&[
        "import",
        "openapi",
        &fixture(spec),
        "--id",
        id,
        "-o",
        out.s(),
    ]);
    r.expect_code(0);
    assert_eq!(
        r.stdout,
        format!(
            "wrote {} from {}\n{}: ok ({} errors)\n",
            out.s(),
            fixture(spec),
            out.s(),
            error_catalog_model::load_file(&out.0)
                .expect("the imported catalog loads")
                .errors
                .len()
        )
    );
    assert_eq!(r.stderr, "");
    out
}

/// Compares `text` with a checked-in golden file; with
/// `ERROR_CATALOG_BLESS=1` in the environment, rewrites the file instead.
fn golden(name: &str, text: &str) {
    let path = fixture(name);
    if std::env::var_os("ERROR_CATALOG_BLESS").is_some() {
        std::fs::write(&path, text).expect("bless golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).expect("read golden file");
    assert!(
        text == expected,
        "{name} differs from the import (re-bless with ERROR_CATALOG_BLESS=1):\n{text}"
    );
}

/// The hand-written specs give the checked-in catalogs byte for byte, twice
/// in a row, with `check`'s verdict on standard error (stdout is the catalog).
#[test]
fn import_hand_written_specs_matches_golden_files() {
    for (spec, id, golden_name, errors) in [
        ("coded.yaml", "parcels", "coded.toml", 4),
        ("status.json", "notes", "status.toml", 3),
    ] {
        let r = run(&["import", "openapi", &fixture(spec), "--id", id]);
        r.expect_code(0);
        assert_eq!(r.stderr, format!("<stdout>: ok ({errors} errors)\n"));
        let again = run(&["import", "openapi", &fixture(spec), "--id", id]);
        assert_eq!(r.stdout, again.stdout, "same spec, same catalog");
        golden(golden_name, &r.stdout);
        assert!(
            r.stdout
                .contains(&format!("\n# check: ok ({errors} errors)\n")),
            "the top comment carries check's verdict"
        );
        let catalog =
            error_catalog_model::load_str(golden_name, &r.stdout).expect("golden catalog loads");
        assert_eq!(catalog.errors.len(), errors);
    }
}

/// Enumerated codes become entries: tied to a status when one response
/// declares them, else left without one (and listed at the top); `oneOf`
/// descriptions and examples' messages become messages; headers get their
/// roles; the 200 body's `ok: true` becomes the success mark.
#[test]
fn import_enumerated_codes_envelope_headers_and_success_mark() {
    let out = import_to_file("import_enumerated_codes", "coded.yaml", "parcels");
    let text = out.read();
    for line in [
        "code = \"/error/code\"\n",
        "message = \"/error/message\"\n",
        "success = { \"/ok\" = true }\n",
        "request_id = { type = \"string?\", at = \"/error/request_id\"",
        "retry_after = \"Retry-After\"\n",
        "rate_limit_remaining = \"X-RateLimit-Remaining\"\n",
        "request_id = \"X-Request-Id\"\n",
        "docs_url = \"https://docs.parcels.example/errors\"\n",
        // a `oneOf` const's description, its braces kept literal
        "message = \"The address could not be found {{in our map}}.\"\n",
        // the 429 response declares Retry-After
        "status = 429\nmessage = \"Slow down\"\ncauses = [\"Too many requests in the window.\"]\nretry = \"after\"\n",
        // members the 404's schema adds: detail fields, a keyword renamed
        "parcel_id = { type = \"string?\", at = \"/error/parcel_id\", doc = \"The id asked for.\" }\n",
        "type = { type = \"string?\", at = \"/error/type\", rust = \"type_\" }\n",
        // an integer by the schema, text in the example: kept whole
        "limit = { type = \"json?\", at = \"/error/limit\", doc = \"Requests allowed per minute.\" }\n",
    ] {
        assert!(text.contains(line), "missing `{line}` in:\n{text}");
    }
    assert!(text.contains(
        "# - statuses: the spec ties no single status to these codes, so they have none:\n#   weight_invalid, address_unknown.\n"
    ));
    // an example whose code is not enumerated is named, not written
    assert!(text.contains("example left out: POST /parcels default `unlisted`: code `parcel_lost` is\n#   not enumerated."));

    let catalog = error_catalog_model::load_file(&out.0).expect("loads");
    let statuses: BTreeMap<String, Option<i64>> = catalog
        .errors
        .iter()
        .map(|e| (e.code.value.clone(), e.status.as_ref().map(|s| s.value)))
        .collect();
    assert_eq!(
        statuses,
        BTreeMap::from([
            ("address_unknown".to_string(), None),
            ("parcel_not_found".to_string(), Some(404)),
            ("rate_limited".to_string(), Some(429)),
            ("weight_invalid".to_string(), None),
        ])
    );
    let v = classify(
        out.s(),
        404,
        &serde_json::json!({"ok": false, "error": {"code": "parcel_not_found", "message": "m", "parcel_id": "p_9", "type": "lookup"}}),
    );
    assert_eq!(v["fields"]["parcel_id"], "p_9", "{v:#}");
    assert_eq!(v["fields"]["type"], "lookup", "{v:#}");
    // a success body is no error; an error body with `ok: false` is one
    let r = run_with_stdin(
        &[
            "classify",
            "--catalog",
            out.s(),
            "--status",
            "200",
            "--json",
        ],
        r#"{"ok": true, "id": "p_1"}"#,
    );
    assert_eq!(r.json()["success"], true, "{r:#?}");
    let r = run_with_stdin(
        &[
            "classify",
            "--catalog",
            out.s(),
            "--status",
            "200",
            "--json",
        ],
        r#"{"ok": false, "error": {"code": "weight_invalid", "message": "Weight must be positive"}}"#,
    );
    assert_eq!(r.json()["code"], "weight_invalid", "{r:#?}");
}

/// The spec's own examples classify as the entries the import made for them.
#[test]
fn import_spec_examples_classify_as_their_entries() {
    for (spec, id, expected) in [
        (
            "coded.yaml",
            "parcels",
            &[
                ("get /parcels/{id} 404 example", "parcel_not_found"),
                ("get /parcels/{id} 429 burst", "rate_limited"),
                ("post /parcels 429 burst", "rate_limited"),
            ][..],
        ),
        (
            "status.json",
            "notes",
            &[
                ("get /notes/{id} 404 example", "not_found"),
                ("put /notes/{id} 404 example", "not_found"),
                ("put /notes/{id} 422 too_long", "unprocessable_content"),
            ][..],
        ),
    ] {
        let out = import_to_file("import_spec_examples_classify", spec, id);
        let examples = spec_examples(&spec_value(spec));
        let mut seen: Vec<(String, String)> = Vec::new();
        for (status, what, body) in examples {
            let v = classify(out.s(), status, &body);
            assert_eq!(v["known"], true, "{what}: {v:#}");
            assert_eq!(v["unread"], serde_json::json!({}), "{what}: {v:#}");
            // the fields the example carries are read
            if let Some(errors) = body.get("errors") {
                assert_eq!(&v["fields"]["errors"], errors, "{what}: {v:#}");
            }
            if let Some(id) = body.pointer("/error/parcel_id") {
                assert_eq!(&v["fields"]["parcel_id"], id, "{what}: {v:#}");
            }
            seen.push((what, v["code"].as_str().unwrap_or_default().to_string()));
        }
        seen.sort();
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(w, c)| (w.to_string(), c.to_string()))
            .collect();
        assert_eq!(seen, expected, "{spec}");
    }
}

/// GitHub's description (a trimmed excerpt): no codes, so errors are told
/// apart by status, as the hand-written `examples/github.toml` tells them
/// apart by status and message; every example of the excerpt classifies as
/// the entry of its status.
#[test]
fn import_github_description() {
    let out = import_to_file("import_github_description", "github.json", "github");
    let text = out.read();
    assert!(text.contains("[wire]\nmessage = \"/message\"\nidentity = \"status\"\ndocs_url = \"/documentation_url\"\n"), "{text}");
    let imported = error_catalog_model::load_file(&out.0).expect("loads");
    let by_status: BTreeMap<i64, String> = imported
        .errors
        .iter()
        .filter_map(|e| Some((e.status.as_ref()?.value, e.code.value.clone())))
        .collect();
    // component responses give their names
    assert_eq!(by_status.get(&404).map(String::as_str), Some("not_found"));
    assert_eq!(
        by_status.get(&422).map(String::as_str),
        Some("validation_failed")
    );
    assert_eq!(
        by_status.get(&401).map(String::as_str),
        Some("requires_authentication")
    );

    // the hand-written catalog's envelope and statuses
    let by_hand = error_catalog_model::load_file(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../catalogs/error-catalog-services/examples/github.toml"),
    )
    .expect("github.toml loads");
    assert_eq!(
        by_hand.wire.message.as_ref().map(|m| m.value.text.as_str()),
        Some("/message")
    );
    for e in &by_hand.errors {
        if let Some(s) = &e.status {
            assert!(
                by_status.contains_key(&s.value),
                "status {} of github.toml not imported",
                s.value
            );
        }
    }

    let examples = spec_examples(&spec_value("github.json"));
    assert!(examples.len() >= 10, "{}", examples.len());
    for (status, what, body) in examples {
        let v = classify(out.s(), status, &body);
        assert_eq!(v["known"], true, "{what}: {v:#}");
        assert_eq!(
            v["code"].as_str().unwrap_or_default(),
            by_status[&i64::from(status)],
            "{what}"
        );
    }
}

/// Stripe's description (a trimmed excerpt): one `default` error response
/// whose `error.code` lists the codes; each becomes an entry without a
/// status, listed in the top comment, and a body with it classifies as it.
#[test]
fn import_stripe_description() {
    let out = import_to_file("import_stripe_description", "stripe.json", "stripe");
    let text = out.read();
    assert!(text.contains("[wire]\ncode = \"/error/code\"\nmessage = \"/error/message\"\ndocs_url = \"/error/doc_url\"\n"), "{text}");
    assert!(
        text.contains(
            "# - the `default` response of 8 operation(s) (\"Error response.\") carries the\n"
        ),
        "{text}"
    );
    let spec = spec_value("stripe.json");
    let codes: Vec<String> = spec
        .pointer("/components/schemas/api_errors/properties/code/enum")
        .and_then(Value::as_array)
        .expect("the excerpt enumerates codes")
        .iter()
        .map(|c| c.as_str().expect("string code").to_string())
        .collect();
    let imported = error_catalog_model::load_file(&out.0).expect("loads");
    let imported_codes: Vec<String> = imported
        .errors
        .iter()
        .map(|e| e.code.value.clone())
        .collect();
    assert_eq!(imported_codes, codes);
    assert!(imported.errors.iter().all(|e| e.status.is_none()));
    // the envelope's other members are fields every error carries: single
    // values first, whole objects left out (and named) past six
    for part in [
        "decline_code = { type = \"string?\", at = \"/error/decline_code\"",
        "type = { type = \"string?\", at = \"/error/type\", rust = \"type_\"",
        "envelope member at `/error/payment_intent` left out",
    ] {
        assert!(text.contains(part), "missing `{part}` in:\n{text}");
    }
    assert!(
        text.contains("so they have none:\n#   card_declined, country_unsupported,"),
        "{text}"
    );
    for code in ["card_declined", "rate_limit", "resource_missing"] {
        let body = serde_json::json!({"error": {"type": "invalid_request_error", "code": code, "message": "m"}});
        let v = classify(out.s(), 400, &body);
        assert_eq!(v["fields"]["type"], "invalid_request_error", "{v:#}");
        assert_eq!(
            (v["known"].clone(), v["code"].clone()),
            (Value::Bool(true), Value::from(code)),
            "{v:#}"
        );
    }
}

/// A description that cannot be read is a usage error naming the file.
#[test]
fn import_refuses_unreadable_descriptions() {
    let cases = [
        (
            "bad.yaml",
            "openapi: 3.1.0\npaths: [unclosed\n",
            "invalid YAML",
        ),
        ("bad.json", "{\"openapi\": \"3.0.0\", ", "invalid JSON"),
        (
            "swagger.json",
            "{\"swagger\": \"2.0\", \"paths\": {}}",
            "a Swagger 2.0 description",
        ),
        (
            "v4.json",
            "{\"openapi\": \"4.0.0\", \"paths\": {}}",
            "OpenAPI 4.0.0: only 3.0 and 3.1 are read",
        ),
        (
            "dangling.json",
            r##"{"openapi": "3.0.0", "paths": {"/a": {"get": {"responses": {"404": {"$ref": "#/components/responses/gone"}}}}}}"##,
            "`$ref: #/components/responses/gone` points at nothing",
        ),
        (
            "external.json",
            r##"{"openapi": "3.0.0", "paths": {"/a": {"get": {"responses": {"404": {"$ref": "common.yaml#/NotFound"}}}}}}"##,
            "`$ref: common.yaml#/NotFound` points outside the file; only local references are followed",
        ),
        (
            "cycle.json",
            r##"{"openapi": "3.0.0", "paths": {"/a": {"get": {"responses": {"404": {"$ref": "#/components/responses/a"}}}}},
                "components": {"responses": {"a": {"$ref": "#/components/responses/b"}, "b": {"$ref": "#/components/responses/a"}}}}"##,
            "more than 64 `$ref`s in a row (a cycle?)",
        ),
    ];
    for (name, text, why) in cases {
        let spec = Temp::file("import_refuses_unreadable", name, text);
        let r = run(&["import", "openapi", spec.s()]);
        r.expect_code(2);
        assert_eq!(r.stdout, "");
        assert!(
            r.stderr
                .starts_with(&format!("error: cannot import `{}`: {why}", spec.s())),
            "{name}: {}",
            r.stderr
        );
    }
    let r = run(&["import", "openapi", "no/such/spec.yaml"]);
    r.expect_code(2);
    assert!(
        r.stderr
            .starts_with("error: cannot import `no/such/spec.yaml`: "),
        "{}",
        r.stderr
    );
}

/// `-o` refuses to overwrite a file unless `--force`; a bad `--id` is refused.
#[test]
fn import_output_overwrite_and_id() {
    let out = Temp::file("import_output_overwrite", "x.toml", "keep me");
    let r = run(&["import", "openapi", &fixture("status.json"), "-o", out.s()]);
    r.expect_code(2);
    assert!(r.stderr.contains("exists; pass --force"), "{}", r.stderr);
    assert_eq!(out.read(), "keep me");
    run(&[
        "import",
        "openapi",
        &fixture("status.json"),
        "-o",
        out.s(),
        "--force",
    ])
    .expect_code(0);
    // folders on the way are made, as `new` makes them
    let root = Temp::dir("import_output_folders");
    let r = run_in(
        &root.0,
        &[
            "import",
            "openapi",
            &fixture("status.json"),
            "-o",
            "errors/notes.toml",
        ],
    );
    r.expect_code(0);
    assert_eq!(
        r.stdout,
        format!(
            "wrote errors/notes.toml from {} (made the folder errors)\nerrors/notes.toml: ok (3 errors)\n",
            fixture("status.json")
        )
    );
    assert!(
        out.read().contains("id = \"notes\"\n"),
        "the id from the title"
    );
    let r = run(&[
        "import",
        "openapi",
        &fixture("status.json"),
        "--id",
        "Notes-API",
    ]);
    r.expect_code(2);
    assert!(
        r.stderr
            .contains("service id `Notes-API` must be snake_case"),
        "{}",
        r.stderr
    );
}

/// The `sh` and `text` blocks that follow `heading` in the README.
fn readme_blocks(heading: &str) -> (String, String) {
    // read at run time (not include_str!): the README is in the checkout, not
    // in this package
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("read README.md");
    let rest = readme
        .split_once(heading)
        .unwrap_or_else(|| panic!("README has no `{heading}`"))
        .1;
    let block = |rest: &str, fence: &str| -> String {
        let start = rest.find(fence).expect("block") + fence.len();
        let len = rest[start..].find("\n```").expect("block end");
        rest[start..start + len]
            .trim_start_matches('\n')
            .to_string()
            + "\n"
    };
    let sh = block(rest, "```sh\n");
    let text = block(rest, "```text\n");
    (sh, text)
}

/// Splits one shell command into words: single quotes and plain words only.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let (mut quoted, mut any) = (false, false);
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            c => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(word);
    }
    out
}

/// The README's walk-through ("Starting from an OpenAPI description"), run
/// as written in a folder holding the description it names: every command's
/// output together is the `text` block shown after it.
#[test]
fn readme_walk_through_import_openapi() {
    let (sh, expected) = readme_blocks("## Starting from an OpenAPI description\n");
    let dir = Temp::dir("readme_walk_through_import");
    std::fs::copy(fixture("coded.yaml"), dir.0.join("openapi.yaml")).expect("copy spec");
    let mut output = String::new();
    for command in sh.replace("\\\n", " ").lines() {
        let (input, command) = match command.split_once(" | ") {
            Some((echo, command)) => {
                let input = words(echo.trim());
                assert_eq!(input.first().map(String::as_str), Some("echo"), "{echo}");
                (Some(input[1..].join(" ")), command)
            }
            None => (None, command),
        };
        let args = words(command.trim());
        assert_eq!(
            args.first().map(String::as_str),
            Some("error-catalog"),
            "{command}"
        );
        let args: Vec<&str> = args[1..].iter().map(String::as_str).collect();
        let mut cmd = super::command(&args);
        cmd.current_dir(&dir.0);
        let r = finish(&mut cmd, input.as_deref().map(str::as_bytes));
        r.expect_code(0);
        output.push_str(&r.stdout);
        output.push_str(&r.stderr);
    }
    assert_eq!(output, expected);
}

/// Integer codes (JSON-RPC style) become TOML integers under
/// `code_type = "integer"`, with variants named as `check` names them.
#[test]
fn import_integer_codes() {
    let spec = Temp::file(
        "import_integer_codes",
        "rpc.json",
        r##"{"openapi": "3.0.1", "info": {"title": "RPC"}, "paths": {"/rpc": {"post": {"responses": {
            "400": {"description": "Bad call", "content": {"application/json": {
                "schema": {"type": "object", "properties": {"error": {"type": "object", "properties": {
                    "code": {"type": "integer", "enum": [-32700, -32601]}, "message": {"type": "string"}}}}},
                "examples": {"m": {"value": {"error": {"code": -32601, "message": "Method not found"}}}}}}}}}}}}"##,
    );
    let out = Temp::path("import_integer_codes", "rpc.toml");
    run(&["import", "openapi", spec.s(), "-o", out.s()]).expect_code(0);
    let text = out.read();
    for part in [
        "code_type = \"integer\"\n",
        "code = -32700\nvariant = \"CodeMinus32700\"\nstatus = 400\nmessage = \"Error -32700\"  # a stand-in",
        "code = -32601\nvariant = \"CodeMinus32601\"\nstatus = 400\nmessage = \"Method not found\"\n",
    ] {
        assert!(text.contains(part), "missing `{part}` in:\n{text}");
    }
    let v = classify(
        out.s(),
        400,
        &serde_json::json!({"error": {"code": -32601, "message": "x"}}),
    );
    assert_eq!(v["variant"], "CodeMinus32601", "{v:#}");
}

/// A catalog `check` finds problems in is still written, the problems are
/// printed as `check` prints them, the top comment says so, and the exit
/// status is 1: here the spec's example contradicts its schema (a number
/// where the request id is a string).
#[test]
fn import_reports_checks_problems() {
    let spec = Temp::file(
        "import_reports_checks_problems",
        "odd.json",
        r#"{"openapi": "3.0.0", "info": {"title": "Odd"}, "paths": {"/a": {"get": {"responses": {
            "404": {"description": "Missing.", "content": {"application/json": {
                "schema": {"type": "object", "properties": {"code": {"type": "string", "enum": ["missing"]},
                    "message": {"type": "string"}, "request_id": {"type": "string"}}},
                "example": {"code": "missing", "message": "Missing", "request_id": 42}}}}}}}}}"#,
    );
    let r = run(&["import", "openapi", spec.s()]);
    r.expect_code(1);
    assert!(
        r.stdout.contains(
            "# check: 1 problem(s); run `error-catalog check` on this file to see them\n"
        ),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr
            .starts_with("error[example-field-unfilled]: <stdout>:"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.ends_with("<stdout>: 1 problem(s)\n"),
        "{}",
        r.stderr
    );
    // written to a file, `check` gives the same verdict
    let out = Temp::path("import_reports_checks_problems", "odd.toml");
    let r = run(&["import", "openapi", spec.s(), "-o", out.s()]);
    r.expect_code(1);
    assert_eq!(r.stdout, format!("wrote {} from {}\n", out.s(), spec.s()));
    let check = run(&["check", out.s()]);
    check.expect_code(1);
    assert_eq!(r.stderr, check.stderr);
}

/// Text from a description lands in the catalog as written: quotes,
/// apostrophes, backslashes, braces and non-ASCII survive TOML and the
/// template syntax; a schema made of itself (`allOf` its own `$ref`) is read once.
#[test]
fn import_keeps_text_and_survives_self_reference() {
    let spec = Temp::file(
        "import_keeps_text",
        "text.json",
        r##"{"openapi": "3.1.0", "info": {"title": "Quotes"}, "paths": {"/a": {"get": {"responses": {
            "409": {"description": "Can't \"merge\" C:\\tmp {branch} – déjà vu\nsecond line",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Loop"},
                    "example": {"message": "It's \"taken\"", "note": "n"}}}}}}}},
            "components": {"schemas": {"Loop": {"allOf": [{"$ref": "#/components/schemas/Loop"}, {"$ref": "#/components/schemas/Loop"}],
                "properties": {"message": {"type": "string"}, "note": {"type": "string"}}}}}}"##,
    );
    let out = Temp::path("import_keeps_text", "quotes.toml");
    run(&["import", "openapi", spec.s(), "-o", out.s()]).expect_code(0);
    let catalog = error_catalog_model::load_file(&out.0).expect("loads");
    let conflict = &catalog.errors[0];
    assert_eq!(conflict.code.value, "conflict");
    assert_eq!(
        conflict.message.value.to_string(),
        "Can't \"merge\" C:\\tmp {{branch}} – déjà vu"
    );
    let v = classify(
        out.s(),
        409,
        &serde_json::json!({"message": "It's \"taken\"", "note": "n"}),
    );
    assert_eq!(
        (v["code"].as_str(), v["fields"]["note"].as_str()),
        (Some("conflict"), Some("n")),
        "{v:#}"
    );
}

/// A shared response that stands for several statuses (`Error` for 400 and
/// 500) names none of them: each error is named for its status.
#[test]
fn import_names_errors_for_statuses_a_generic_response_serves() {
    let spec = Temp::file(
        "import_names_generic",
        "generic.json",
        r##"{"openapi": "3.0.0", "info": {"title": "Generic"}, "paths": {"/a": {"get": {"responses": {
            "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Missing"},
            "500": {"$ref": "#/components/responses/Error"}}}}},
            "components": {"responses": {"Error": {"description": "An error."}, "Missing": {"description": "Not here."}}}}"##,
    );
    let out = Temp::path("import_names_generic", "generic.toml");
    run(&["import", "openapi", spec.s(), "-o", out.s()]).expect_code(0);
    let catalog = error_catalog_model::load_file(&out.0).expect("loads");
    let codes: Vec<(&str, Option<i64>)> = catalog
        .errors
        .iter()
        .map(|e| (e.code.value.as_str(), e.status.as_ref().map(|s| s.value)))
        .collect();
    assert_eq!(
        codes,
        [
            ("bad_request", Some(400)),
            ("missing", Some(404)),
            ("internal_server_error", Some(500))
        ]
    );
}

/// An integer `code` that lists no values (often the HTTP status again) does
/// not identify errors: they are told apart by status, and the comment says why.
#[test]
fn import_integer_code_without_values_is_told_apart_by_status() {
    let spec = Temp::file(
        "import_integer_code_status",
        "echo.json",
        r##"{"openapi": "3.0.0", "info": {"title": "Echo"}, "paths": {"/a": {"get": {"responses": {
            "404": {"description": "Not here.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/E"},
                "example": {"code": 404, "message": "Not found"}}}},
            "500": {"description": "Broken.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/E"}}}}}}}},
            "components": {"schemas": {"E": {"type": "object", "properties": {"code": {"type": "integer"}, "message": {"type": "string"}}}}}}"##,
    );
    let out = Temp::path("import_integer_code_status", "echo.toml");
    run(&["import", "openapi", spec.s(), "-o", out.s()]).expect_code(0);
    let text = out.read();
    assert!(
        text.contains("[wire]\nmessage = \"/message\"\nidentity = \"status\"\n"),
        "{text}"
    );
    assert!(
        text.contains("# - codes: the integer member at `/code` lists no codes"),
        "{text}"
    );
    let v = classify(
        out.s(),
        404,
        &serde_json::json!({"code": 404, "message": "Not found"}),
    );
    assert_eq!(v["code"], "not_found", "{v:#}");
}
