//! `check`: catalogs checked, every problem with its place.

use super::*;

#[test]
fn check_all_bundled_catalogs() {
    let r = run(&["check"]);
    r.expect_code(0);
    assert_eq!(
        r.stdout.lines().collect::<Vec<_>>(),
        [
            "moca_air: ok (12 errors)",
            "kya: ok (12 errors)",
            "rakomi: ok (22 errors)",
            "aironclaw: ok (29 errors)",
            "customer_verification: ok (16 errors)",
        ]
    );
    assert_eq!(r.stderr, "");
    assert_no_ansi(&r.stdout);
}

#[test]
fn check_named_bundled_catalogs() {
    let r = run(&["check", "kya", "rakomi"]);
    r.expect_code(0);
    assert_eq!(r.stdout, "kya: ok (12 errors)\nrakomi: ok (22 errors)\n");
    assert_eq!(r.stderr, "");
}

#[test]
fn check_valid_file_by_path() {
    for (id, n) in [
        ("moca_air", 12),
        ("kya", 12),
        ("rakomi", 22),
        ("aironclaw", 29),
        ("customer_verification", 16),
    ] {
        let path = catalog_file(id);
        let r = run(&["check", &path]);
        r.expect_code(0);
        assert_eq!(r.stdout, format!("{path}: ok ({n} errors)\n"));
        assert_eq!(r.stderr, "");
    }
}

#[test]
fn check_valid_temp_file() {
    let text = r#"[service]
id = "shop"
name = "Shop API"

[wire]
preset = "nested"

[[errors]]
code = "CUSTOMER_NOT_FOUND"
status = 404
message = "Customer {id} not found"
fields = { id = "string" }
"#;
    let f = Temp::file("check_valid_temp_file", "shop.toml", text);
    let r = run(&["check", f.s()]);
    r.expect_code(0);
    assert_eq!(r.stdout, format!("{}: ok (1 errors)\n", f.s()));
}

#[test]
fn check_misspelt_key_reports_place_and_did_you_mean() {
    let f = Temp::file("check_misspelt_key", "broken.toml", STAUTS);
    let line = line_of(STAUTS, "stauts");
    assert_eq!(line, 10);
    let r = run(&["check", f.s()]);
    r.expect_code(1);
    assert_eq!(r.stdout, "", "nothing is ok, so nothing on stdout");
    let expected_head = format!("{}:{line}:1: unknown key `stauts`", f.s());
    assert!(
        r.stderr.contains(&expected_head),
        "missing `{expected_head}` in:\n{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("help: did you mean `status`?"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.ends_with(&format!("{}: 1 problem(s)\n", f.s())),
        "{}",
        r.stderr
    );
}

#[test]
fn check_reports_every_problem_in_a_file() {
    // Several problems found while reading the file.
    let text = r#"[service]
id = "shop"
name = "Shop API"
colour = "red"

[wire]
preset = "nestd"

[[errors]]
code = "NOT_FOUND"
stauts = 404
message = "Not found"
retry = "sometimes"
"#;
    let f = Temp::file("check_every_problem", "parse.toml", text);
    let r = run(&["check", f.s()]);
    r.expect_code(1);
    let p = f.s();
    for (needle, col, what) in [
        ("colour", 1, "unknown key `colour` in `[service]`"),
        ("nestd", 10, "unknown wire preset `nestd`"),
        ("stauts", 1, "unknown key `stauts` in error `NOT_FOUND`"),
        (
            "sometimes",
            9,
            "unknown `retry` rule `sometimes` in error `NOT_FOUND`",
        ),
    ] {
        let want = format!("{p}:{}:{col}: {what}", line_of(text, needle));
        assert!(
            r.stderr.contains(&want),
            "missing `{want}` in:\n{}",
            r.stderr
        );
    }
    assert!(r.stderr.contains("help: did you mean `nested`?"));
    assert!(r.stderr.contains("help: did you mean `status`?"));
    assert!(r
        .stderr
        .contains("help: expected one of: never, backoff, once, after"));
    assert!(r.stderr.ends_with(&format!("{p}: 4 problem(s)\n")));

    // Several problems found by validation.
    let text = r#"[service]
id = "Shop"
name = "Shop API"

[wire]
preset = "nested"

[[errors]]
code = "NOT_FOUND"
status = 404
message = "Not {found"

[[errors]]
code = "GONE"
status = 999
message = "Gone {id}"
"#;
    let f = Temp::file("check_every_problem", "validate.toml", text);
    let r = run(&["check", f.s()]);
    r.expect_code(1);
    let p = f.s();
    for (rule, line, what) in [
        (
            "service-id-case",
            2,
            "service `id` `Shop` must be snake_case",
        ),
        (
            "template-syntax",
            11,
            "`message` of error `NOT_FOUND`: unbalanced braces",
        ),
        (
            "status-out-of-range",
            15,
            "`status` 999 of error `GONE` is not an HTTP status",
        ),
        (
            "placeholder-unknown",
            16,
            "placeholder `{id}` in `message` of error `GONE` names no field",
        ),
    ] {
        let want = format!("error[{rule}]: {p}:{line}:");
        let hit = r
            .stderr
            .lines()
            .any(|l| l.starts_with(&want) && l.contains(what));
        assert!(hit, "missing `{want}..{what}` in:\n{}", r.stderr);
    }
    assert!(r.stderr.ends_with(&format!("{p}: 4 problem(s)\n")));
}

#[test]
fn check_mixed_good_and_bad_exits_1_but_reports_the_good() {
    let bad = Temp::file("check_mixed", "broken.toml", STAUTS);
    let r = run(&["check", "kya", bad.s(), "rakomi"]);
    r.expect_code(1);
    assert_eq!(r.stdout, "kya: ok (12 errors)\nrakomi: ok (22 errors)\n");
    assert!(r.stderr.contains("unknown key `stauts`"));
    assert!(r.stderr.contains(&format!("{}: 1 problem(s)", bad.s())));
}

#[test]
fn check_toml_syntax_error() {
    let text = "[service\nid = \"shop\"\n";
    let f = Temp::file("check_toml_syntax_error", "syntax.toml", text);
    let r = run(&["check", f.s()]);
    r.expect_code(1);
    assert!(
        r.stderr
            .contains(&format!("{}:1:9: TOML syntax error", f.s())),
        "{}",
        r.stderr
    );
}

#[test]
fn check_unknown_catalog_name_is_a_usage_error() {
    let r = run(&["check", "kyaa"]);
    r.expect_code(2);
    assert!(r.stderr.contains("did you mean `kya`?"), "{}", r.stderr);
}

#[test]
fn check_missing_file_is_an_io_error() {
    let missing = Temp::path("check_missing_file", "nope.toml");
    let r = run(&["check", missing.s()]);
    r.expect_code(2);
    assert!(r.stderr.contains(missing.s()), "{}", r.stderr);
}

#[test]
fn check_bad_flag_is_a_usage_error() {
    let r = run(&["check", "--bogus"]);
    r.expect_code(2);
    assert!(r.stderr.contains("unexpected argument '--bogus'"));
}
