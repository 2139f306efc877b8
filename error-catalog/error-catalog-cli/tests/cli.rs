//! Integration tests of the `error-catalog` binary: every subcommand run as a
//! real process, with its standard output, standard error and exit code checked.
//!
//! Exit codes: 0 success; 1 problems found (`check`), code not found (`explain`),
//! response not recognised (`classify`) or a breaking change (`diff`); 2 usage or
//! I/O errors.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

// --- helpers -------------------------------------------------------------------

/// What one run of the binary produced.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Parses standard output as JSON, panicking with the whole run when it is not.
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{self:#?}"))
    }

    /// Asserts the exit code, showing the whole run when it differs.
    fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "unexpected exit code:\n{self:#?}");
        self
    }
}

fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_error-catalog"));
    cmd.args(args)
        .env_remove("NO_COLOR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn finish(cmd: &mut Command, input: Option<&[u8]>) -> Run {
    cmd.stdin(if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("spawn error-catalog");
    if let Some(bytes) = input {
        let mut stdin = child.stdin.take().expect("piped stdin");
        // The tool may exit before reading its input (e.g. on a usage error).
        if let Err(e) = stdin.write_all(bytes) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
        // Dropping `stdin` closes the pipe so the child sees end of input.
    }
    let out = child.wait_with_output().expect("wait for error-catalog");
    Run {
        code: out
            .status
            .code()
            .expect("exited normally (not by a signal)"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs the binary with `args` and an empty standard input.
fn run(args: &[&str]) -> Run {
    finish(&mut command(args), None)
}

/// Runs the binary with `args`, writing `input` to its standard input.
fn run_with_stdin(args: &[&str], input: &str) -> Run {
    finish(&mut command(args), Some(input.as_bytes()))
}

/// Runs the binary with `args` in the directory `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Run {
    finish(command(args).current_dir(dir), None)
}

/// A path under the system temp dir, unique to the test and this process,
/// removed (file or directory) when dropped.
struct Temp(PathBuf);

impl Temp {
    fn path(test: &str, name: &str) -> Temp {
        let p = std::env::temp_dir().join(format!(
            "error-catalog-cli-{test}-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&p);
        let _ = std::fs::remove_dir_all(&p);
        Temp(p)
    }

    fn file(test: &str, name: &str, text: &str) -> Temp {
        let t = Temp::path(test, name);
        std::fs::write(&t.0, text).expect("write temp file");
        t
    }

    fn dir(test: &str) -> Temp {
        let t = Temp::path(test, "dir");
        std::fs::create_dir_all(&t.0).expect("create temp dir");
        t
    }

    fn s(&self) -> &str {
        self.0.to_str().expect("temp path is UTF-8")
    }

    fn read(&self) -> String {
        std::fs::read_to_string(&self.0).expect("read temp file")
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if self.0.is_dir() {
            let _ = std::fs::remove_dir_all(&self.0);
        } else {
            let _ = std::fs::remove_file(&self.0);
        }
    }
}

/// A bundled catalog's file on disk (in the checkout, beside this package).
fn catalog_file(id: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join("catalogs/error-catalog-services")
        .join(format!("{id}.toml"))
        .to_str()
        .expect("UTF-8 path")
        .to_string()
}

/// The value of a `  label       value` line of human output (the label padded to 11).
fn field<'a>(out: &'a str, label: &str) -> Option<&'a str> {
    let prefix = format!("  {label:<11} ");
    out.lines().find_map(|l| l.strip_prefix(prefix.as_str()))
}

/// Every value of a repeated `  label       value` line.
fn fields<'a>(out: &'a str, label: &str) -> Vec<&'a str> {
    let prefix = format!("  {label:<11} ");
    out.lines()
        .filter_map(|l| l.strip_prefix(prefix.as_str()))
        .collect()
}

/// The value of a `  label       value` line and of the unlabelled lines that
/// continue it (a list or a multi-line value).
fn block<'a>(out: &'a str, label: &str) -> Vec<&'a str> {
    let prefix = format!("  {label:<11} ");
    let more = format!("  {:<11} ", "");
    let mut lines = out.lines();
    let Some(first) = lines.find_map(|l| l.strip_prefix(prefix.as_str())) else {
        return Vec::new();
    };
    std::iter::once(first)
        .chain(lines.map_while(|l| l.strip_prefix(more.as_str())))
        .collect()
}

/// 1-based line number of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` not in text"))
        + 1
}

fn assert_no_ansi(s: &str) {
    assert!(
        !s.contains('\x1b'),
        "output has ANSI escapes though stdout is a pipe:\n{s:?}"
    );
}

/// The KYA `RATE_LIMITED` example body, as the seed documents it.
const KYA_RATE_LIMITED: &str = r#"{
  "error": "Rate limit exceeded for agent tier",
  "errorType": "RATE_LIMITED",
  "details": {
    "agentId": "42",
    "tier": 1,
    "limit": 1,
    "retryAfter": 45
  },
  "timestamp": 1707408000000
}"#;

/// The Customer Verification `RATE_LIMIT_EXCEEDED` example body, as the seed documents it.
const CV_RATE_LIMIT_EXCEEDED: &str = r#"{
  "error": {
    "code": "RATE_LIMIT_EXCEEDED",
    "message": "Too many requests",
    "details": "Rate limit exceeded. Retry after 60 seconds",
    "retryAfter": 60
  }
}"#;

const HTML_502: &str = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center></body>\n</html>\n";

/// A catalog with one misspelt key (`stauts`) and nothing else wrong.
const STAUTS: &str = r#"[service]
id = "shop"
name = "Shop API"

[wire]
preset = "nested"

[[errors]]
code = "NOT_FOUND"
stauts = 404
message = "Customer not found"
"#;

// --- check ---------------------------------------------------------------------

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

// --- explain -------------------------------------------------------------------

#[test]
fn explain_rate_limited_from_kya() {
    let r = run(&["explain", "RATE_LIMITED"]);
    r.expect_code(0);
    assert_eq!(r.stderr, "");
    let out = &r.stdout;
    assert_eq!(
        out.lines().next(),
        Some("RATE_LIMITED — KYA Chain Verification API (kya)")
    );
    assert_eq!(
        out.lines().filter(|l| !l.starts_with(' ')).count(),
        1,
        "only kya has RATE_LIMITED:\n{out}"
    );
    assert_eq!(field(out, "status"), Some("429"));
    assert_eq!(field(out, "variant"), Some("KyaError::RateLimited"));
    assert_eq!(
        field(out, "message"),
        Some("Rate limit exceeded for agent tier")
    );
    assert_eq!(
        field(out, "suggestion"),
        Some(
            "Wait for the duration specified in the Retry-After header before retrying. \
             Upgrade trust tier by staking more LABS in the TrustVault contract."
        )
    );
    assert_eq!(
        field(out, "retry"),
        Some(
            "honours `Retry-After`; when absent, waits the seconds in the body's `retryAfter`, \
             else until the rate-limit reset when no requests remain, else backs off exponentially"
        )
    );
    assert_eq!(
        field(out, "recognised"),
        Some("the code `RATE_LIMITED` at `/errorType`")
    );
    assert_eq!(field(out, "fix"), None, "the seed gives no fix command");
    // The error's own fields, then the envelope's.
    assert_eq!(
        block(out, "fields"),
        [
            "- agentId: string, at `/details/agentId`",
            "- tier: u8, at `/details/tier`",
            "- limit: u32, at `/details/limit`",
            "- retryAfter: u64, at `/details/retryAfter`",
            "- timestamp: u64?, at `/timestamp`",
        ]
    );
    // The catalog's example, keys in the order the catalog wrote them
    // (`error` before `errorType`, `tier` before `limit`), not sorted.
    assert_eq!(block(out, "example").join("\n"), KYA_RATE_LIMITED);
    assert_no_ansi(out);
}

#[test]
fn explain_token_expired_in_rakomi() {
    let r = run(&["explain", "token/expired", "--catalog", "rakomi"]);
    r.expect_code(0);
    let out = &r.stdout;
    assert_eq!(
        out.lines().next(),
        Some("token/expired — Rakomi SDK + API (rakomi)")
    );
    assert_eq!(field(out, "status"), Some("none (client-side or varies)"));
    assert_eq!(field(out, "variant"), Some("RakomiError::TokenExpired"));
    assert_eq!(field(out, "message"), Some("Token has expired"));
    assert_eq!(
        field(out, "suggestion"),
        Some("Request a new access token via refresh token endpoint")
    );
    assert_eq!(field(out, "retry"), Some("do not retry"));
    assert_eq!(
        field(out, "recognised"),
        Some("the code `token/expired` at `/code`")
    );
    assert_eq!(field(out, "fields"), None, "rakomi names no fields");
    // No example in the catalog: one built from the wire, in the wire's order.
    assert_eq!(
        block(out, "example"),
        [
            "{",
            r#"  "code": "token/expired","#,
            r#"  "message": "Token has expired","#,
            r#"  "suggestion": "Request a new access token via refresh token endpoint""#,
            "}",
        ]
    );
    // `--catalog rakomi` searches rakomi only: moca_air's `token_expired` (same
    // variant name) is not listed.
    assert!(!out.contains("moca_air"), "{out}");
}

#[test]
fn explain_shows_fix_command() {
    let r = run(&["explain", "config/missing_api_key"]);
    r.expect_code(0);
    let out = &r.stdout;
    assert_eq!(
        out.lines().next(),
        Some("config/missing_api_key — Rakomi SDK + API (rakomi)")
    );
    assert_eq!(field(out, "message"), Some("apiKey is required"));
    assert_eq!(
        field(out, "fix"),
        Some(r#"new RakomiClient({ apiKey: "akm_live_xxx" })"#)
    );
}

#[test]
fn explain_message_identified_error() {
    // aironclaw sends no code: the status and the message identify an error.
    let r = run(&["explain", "missing_required_field"]);
    r.expect_code(0);
    let out = &r.stdout;
    assert_eq!(
        field(out, "recognised"),
        Some(
            "status 400 with a message (at `/error`) matching \
             `name e url sono obbligatori` or `name is required`"
        )
    );
    assert_eq!(field(out, "retry"), Some("do not retry"));
    assert_eq!(
        block(out, "example"),
        ["{", r#"  "error": "name e url sono obbligatori""#, "}"]
    );

    let r = run(&["explain", "invalid_jwks_json", "--catalog", "aironclaw"]);
    r.expect_code(0);
    assert_eq!(
        block(&r.stdout, "fields"),
        ["- reason: string, in the message"]
    );
}

#[test]
fn explain_status_identified_error() {
    // moca_air: the status identifies an error unless a message pattern matches first.
    let r = run(&["explain", "server_error", "--catalog", "moca_air"]);
    r.expect_code(0);
    let out = &r.stdout;
    assert_eq!(
        field(out, "recognised"),
        Some("status 500, when no other error's message pattern matches")
    );
    assert_eq!(
        field(out, "retry"),
        Some("retry with exponential backoff (a `Retry-After` header, when sent, sets the wait)")
    );
}

#[test]
fn explain_field_meaning_from_the_catalog() {
    let text = r#"[service]
id = "shop"
name = "Shop API"

[wire]
preset = "nested"

[[errors]]
code = "RATE_LIMITED"
status = 429
message = "Slow down"
retry = "once"

[errors.fields]
wait = { type = "u64", doc = "seconds to wait" }
"#;
    let f = Temp::file("explain_field_meaning", "shop.toml", text);
    let r = run(&["explain", "RATE_LIMITED", "--catalog", f.s()]);
    r.expect_code(0);
    let out = &r.stdout;
    assert_eq!(
        block(out, "fields"),
        [
            "- wait: u64, at `/error/wait` — seconds to wait",
            "- details: string?, at `/error/details`",
            "- field: string?, at `/error/field`",
        ]
    );
    assert_eq!(
        field(out, "retry"),
        Some("retry once: after the wait a `Retry-After` header gives, else after a short backoff")
    );

    let r = run(&["explain", "RATE_LIMITED", "--catalog", f.s(), "--json"]);
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["fields"][0]["name"], "wait");
    assert_eq!(v["fields"][0]["rust"], "wait");
    assert_eq!(v["fields"][0]["type"], "u64");
    assert_eq!(v["fields"][0]["meaning"], "seconds to wait");
    assert_eq!(v["fields"][0]["at"], "/error/wait");
    assert_eq!(v["fields"][1]["meaning"], Value::Null);
    assert_eq!(
        v["example"],
        "{\n  \"error\": {\n    \"code\": \"RATE_LIMITED\",\n    \"message\": \"Slow down\",\n    \"wait\": \"<u64>\"\n  }\n}"
    );
}

#[test]
fn explain_lists_solutions_and_docs() {
    let r = run(&["explain", "RATE_LIMIT_EXCEEDED"]);
    r.expect_code(0);
    let out = &r.stdout;
    assert_eq!(
        block(out, "solutions"),
        [
            "- Implement exponential backoff",
            "- Monitor rate limit headers",
            "- Use webhooks instead of polling",
            "- Contact account manager for higher limits",
        ]
    );
    assert_eq!(
        field(out, "docs"),
        Some("../authentication.md#rate-limiting")
    );
}

#[test]
fn explain_code_in_several_catalogs_shows_each() {
    // VALIDATION_ERROR is in kya and customer_verification.
    let r = run(&["explain", "VALIDATION_ERROR"]);
    r.expect_code(0);
    let headings: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with(' '))
        .collect();
    assert_eq!(
        headings,
        [
            "VALIDATION_ERROR — KYA Chain Verification API (kya)",
            "VALIDATION_ERROR — Customer Verification API (customer_verification)",
        ]
    );
    assert_eq!(fields(&r.stdout, "status"), ["400", "400"]);
    assert_eq!(
        fields(&r.stdout, "message"),
        [
            "Invalid request body: {field} must be a numeric string",
            "Invalid request parameters",
        ]
    );
    assert!(r.stdout.contains("\n\nVALIDATION_ERROR — Customer"));

    let r = run(&["explain", "VALIDATION_ERROR", "--json"]);
    r.expect_code(0);
    let v = r.json();
    let list = v.as_array().expect("several hits give a JSON array");
    let catalogs: Vec<&str> = list
        .iter()
        .map(|e| e["catalog"].as_str().unwrap())
        .collect();
    assert_eq!(catalogs, ["kya", "customer_verification"]);
    assert!(list.iter().all(|e| e["code"] == "VALIDATION_ERROR"));
}

#[test]
fn explain_by_variant_name_finds_every_catalog() {
    // TokenExpired is the variant of moca_air `token_expired`, rakomi
    // `token/expired` and customer_verification `TOKEN_EXPIRED`.
    let r = run(&["explain", "TokenExpired", "--json"]);
    r.expect_code(0);
    let v = r.json();
    let codes: Vec<(&str, &str)> = v
        .as_array()
        .expect("array")
        .iter()
        .map(|e| (e["catalog"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [
            ("moca_air", "token_expired"),
            ("rakomi", "token/expired"),
            ("customer_verification", "TOKEN_EXPIRED"),
        ]
    );
}

#[test]
fn explain_misspelt_code_suggests_the_right_one() {
    let r = run(&["explain", "RATE_LIMTED"]);
    r.expect_code(1);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "error: no error `RATE_LIMTED` in the bundled catalogs; did you mean `RATE_LIMITED`?\n"
    );

    let r = run(&["explain", "token/expird", "--catalog", "rakomi"]);
    r.expect_code(1);
    assert_eq!(
        r.stderr,
        "error: no error `token/expird` in rakomi; did you mean `token/expired`?\n"
    );
}

#[test]
fn explain_unknown_code_without_near_match() {
    let r = run(&["explain", "QQQQQQQQQQQQ"]);
    r.expect_code(1);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "error: no error `QQQQQQQQQQQQ` in the bundled catalogs\n"
    );
}

#[test]
fn explain_rule_id_prints_its_explanation() {
    let r = run(&["explain", "placeholder-unknown"]);
    r.expect_code(0);
    assert_eq!(r.stderr, "");
    let mut lines = r.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("placeholder-unknown — Every placeholder names a field of the error.")
    );
    assert_eq!(lines.next(), Some(""));
    let text = lines.next().unwrap_or_default();
    assert!(text.contains("names no field of the error"), "{}", r.stdout);
    assert!(
        text.contains("`{{name}}`"),
        "says how to fix it: {}",
        r.stdout
    );
}

#[test]
fn explain_every_rule_id() {
    // every id `check` can print has an explanation, for derive rules too
    for id in [
        "code-duplicate",
        "key-unknown",
        "toml-syntax",
        "fallback-missing",
        "derive-redundant",
    ] {
        let r = run(&["explain", id]);
        r.expect_code(0);
        assert!(r.stdout.starts_with(&format!("{id} — ")), "{}", r.stdout);
    }
}

#[test]
fn explain_rule_id_json() {
    let r = run(&["explain", "code-duplicate", "--json"]);
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["rule"], "code-duplicate");
    assert_eq!(v["summary"], "No two errors share a code.");
    assert!(v["explanation"]
        .as_str()
        .is_some_and(|e| e.contains("cannot be told apart")));
}

#[test]
fn explain_misspelt_rule_id_suggests_the_rule() {
    let r = run(&["explain", "placeholder-unknwon"]);
    r.expect_code(1);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "error: no error `placeholder-unknwon` in the bundled catalogs; did you mean the rule `placeholder-unknown`?\n"
    );
}

#[test]
fn check_output_names_a_rule_that_explain_knows() {
    let f = Temp::file("check_then_explain", "broken.toml", STAUTS);
    let r = run(&["check", f.s()]);
    r.expect_code(1);
    let id = r
        .stderr
        .strip_prefix("error[")
        .and_then(|s| s.split_once(']'))
        .map(|(id, _)| id.to_string())
        .unwrap_or_default();
    assert_eq!(id, "key-unknown", "{}", r.stderr);
    let r = run(&["explain", &id]);
    r.expect_code(0);
    assert!(r.stdout.starts_with("key-unknown — "), "{}", r.stdout);
}

#[test]
fn explain_json() {
    let r = run(&["explain", "RATE_LIMITED", "--json"]);
    r.expect_code(0);
    let v = r.json();
    assert!(v.is_object(), "one hit gives one object: {v}");
    assert_eq!(v["catalog"], "kya");
    assert_eq!(v["code"], "RATE_LIMITED");
    assert_eq!(v["variant"], "RateLimited");
    assert_eq!(v["status"], 429);
    assert_eq!(v["message"], "Rate limit exceeded for agent tier");
    assert_eq!(v["retry"], "after");
    assert!(v["suggestion"]
        .as_str()
        .unwrap()
        .starts_with("Wait for the duration specified in the Retry-After header"));
    assert_eq!(v["causes"].as_array().unwrap().len(), 3);
    assert_eq!(v["fix_command"], Value::Null);
    assert!(v["retry_description"]
        .as_str()
        .unwrap()
        .starts_with("honours `Retry-After`"));
    assert_eq!(
        v["recognised_by"],
        "the code `RATE_LIMITED` at `/errorType`"
    );
    let names: Vec<&str> = v["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["agentId", "tier", "limit", "retryAfter", "timestamp"]
    );
    assert_eq!(v["fields"][1]["type"], "u8");
    assert_eq!(v["fields"][1]["at"], "/details/tier");
    // The example is text, its keys in catalog order.
    assert_eq!(v["example"], KYA_RATE_LIMITED);

    let r = run(&["explain", "config/missing_api_key", "--json"]);
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["status"], Value::Null);
    assert_eq!(
        v["fix_command"],
        r#"new RakomiClient({ apiKey: "akm_live_xxx" })"#
    );
}

#[test]
fn explain_catalog_by_path() {
    let path = catalog_file("rakomi");
    let r = run(&["explain", "token/expired", "--catalog", &path]);
    r.expect_code(0);
    assert_eq!(
        r.stdout.lines().next(),
        Some("token/expired — Rakomi SDK + API (rakomi)")
    );
    assert_eq!(field(&r.stdout, "message"), Some("Token has expired"));

    // A catalog of our own.
    let text = r#"[service]
id = "shop"
name = "Shop API"

[wire]
preset = "nested"

[[errors]]
code = "CUSTOMER_NOT_FOUND"
status = 404
message = "Customer {id} not found"
suggestion = "Check the id against the dashboard."
fields = { id = "string" }
"#;
    let f = Temp::file("explain_catalog_by_path", "shop.toml", text);
    let r = run(&[
        "explain",
        "CUSTOMER_NOT_FOUND",
        "--catalog",
        f.s(),
        "--json",
    ]);
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["catalog"], "shop");
    assert_eq!(v["code"], "CUSTOMER_NOT_FOUND");
    assert_eq!(v["variant"], "CustomerNotFound");
    assert_eq!(v["status"], 404);
    assert_eq!(v["message"], "Customer {id} not found");
    assert_eq!(v["suggestion"], "Check the id against the dashboard.");
    assert_eq!(v["retry"], "never");
}

#[test]
fn explain_with_broken_catalog_file_is_exit_2() {
    let f = Temp::file("explain_broken_catalog", "broken.toml", STAUTS);
    let r = run(&["explain", "NOT_FOUND", "--catalog", f.s()]);
    r.expect_code(2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr.starts_with(&format!(
            "error[key-unknown]: {}:10:1: unknown key `stauts`",
            f.s()
        )),
        "{}",
        r.stderr
    );
}

// --- classify ------------------------------------------------------------------

#[test]
fn classify_kya_rate_limited_json() {
    let body = Temp::file("classify_kya_json", "body.json", KYA_RATE_LIMITED);
    let r = run(&[
        "classify",
        "--catalog",
        "kya",
        "--status",
        "429",
        "--header",
        "Retry-After: 45",
        "--json",
        body.s(),
    ]);
    r.expect_code(0);
    assert_eq!(r.stderr, "");
    let v = r.json();
    assert_eq!(v["known"], true);
    assert_eq!(v["code"], "RATE_LIMITED");
    assert_eq!(v["variant"], "RateLimited");
    assert_eq!(v["status"], 429);
    assert_eq!(v["message"], "Rate limit exceeded for agent tier");
    assert_eq!(v["fields"]["tier"], 1);
    assert_eq!(v["fields"]["agentId"], "42");
    assert_eq!(v["fields"]["limit"], 1);
    assert_eq!(v["fields"]["retryAfter"], 45);
    assert_eq!(v["fields"]["timestamp"], 1_707_408_000_000_u64);
    assert_eq!(v["retry"]["kind"], "after");
    assert_eq!(v["retry"]["seconds"], 45);
    assert!(v["suggestion"]
        .as_str()
        .unwrap()
        .contains("Retry-After header"));
    assert_eq!(v["reason"], Value::Null);
    assert_eq!(v["extras"], serde_json::json!({}));
}

/// A success by the catalog's rule is "not an error" (exit 0, `"success":
/// true` with `--json`); the same body with `"ok": false` is the error.
#[test]
fn classify_a_success_body() {
    let catalog = r#"[service]
id = "slack_like"
name = "Slack-like"
[wire]
code = "/error"
success = { "/ok" = true }
[[errors]]
code = "channel_not_found"
status = 200
message = "Value passed for channel was invalid."
"#;
    let f = Temp::file("classify_a_success_body", "slack.toml", catalog);
    let args = ["classify", "--catalog", f.s(), "--status", "200"];
    let r = run_with_stdin(&args, r#"{"ok": true, "channel": "C1"}"#);
    r.expect_code(0);
    assert_eq!(
        r.stdout,
        "not an error — HTTP 200\n  why         the body has the catalog's success marks (`[wire] success`)\n"
    );
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let r = run_with_stdin(&json_args, r#"{"ok": true}"#);
    r.expect_code(0);
    assert_eq!(r.json()["success"], true);

    let r = run_with_stdin(&args, r#"{"ok": false, "error": "channel_not_found"}"#);
    r.expect_code(0);
    assert!(
        r.stdout
            .starts_with("channel_not_found (SlackLikeError::ChannelNotFound) — HTTP 200\n"),
        "{}",
        r.stdout
    );
    let r = run_with_stdin(&json_args, r#"{"ok": false, "error": "channel_not_found"}"#);
    assert_eq!(r.json()["success"], Value::Null);
    assert_eq!(r.json()["known"], true);
}

#[test]
fn classify_body_from_stdin() {
    let args = [
        "classify",
        "--catalog",
        "kya",
        "--status",
        "429",
        "--header",
        "Retry-After: 45",
        "--json",
    ];
    // `-` and no body argument both read standard input.
    let mut with_dash = args.to_vec();
    with_dash.push("-");
    for a in [&args[..], &with_dash[..]] {
        let r = run_with_stdin(a, KYA_RATE_LIMITED);
        r.expect_code(0);
        let v = r.json();
        assert_eq!(v["known"], true);
        assert_eq!(v["variant"], "RateLimited");
        assert_eq!(v["fields"]["tier"], 1);
        assert_eq!(
            v["retry"],
            serde_json::json!({"kind": "after", "seconds": 45})
        );
    }
}

#[test]
fn classify_retry_after_header_wins_over_body_field() {
    let base = ["classify", "--catalog", "kya", "--status", "429", "--json"];
    let mut with_header = base.to_vec();
    with_header.extend(["--header", "retry-after: 30"]);
    let r = run_with_stdin(&with_header, KYA_RATE_LIMITED);
    r.expect_code(0);
    assert_eq!(r.json()["retry"]["seconds"], 30);

    // Without the header, the body's `retryAfter` field gives the seconds.
    let r = run_with_stdin(&base, KYA_RATE_LIMITED);
    r.expect_code(0);
    assert_eq!(
        r.json()["retry"],
        serde_json::json!({"kind": "after", "seconds": 45})
    );
}

#[test]
fn classify_aironclaw_message_capture() {
    let r = run_with_stdin(
        &[
            "classify",
            "--catalog",
            "aironclaw",
            "--status",
            "400",
            "--json",
            "-",
        ],
        r#"{"error": "tools[2] not found on this MCP server"}"#,
    );
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["known"], true);
    assert_eq!(v["code"], "tool_not_found");
    assert_eq!(v["variant"], "ToolNotFound");
    assert_eq!(v["fields"]["index"], 2);
    assert!(v["fields"]["index"].is_u64(), "index is a number, not text");
    assert_eq!(v["message"], "tools[2] not found on this MCP server");
    assert_eq!(v["retry"]["kind"], "never");
    assert_eq!(v["retry"]["seconds"], Value::Null);
}

#[test]
fn classify_customer_verification_rate_limit_with_seed_headers() {
    let body = Temp::file("classify_cv", "body.json", CV_RATE_LIMIT_EXCEEDED);
    let r = run(&[
        "classify",
        "--catalog",
        "customer_verification",
        "--status",
        "429",
        "--header",
        "X-RateLimit-Limit: 300",
        "--header",
        "X-RateLimit-Remaining: 0",
        "--header",
        "X-RateLimit-Reset: 1699900060",
        "--header",
        "Retry-After: 60",
        "--json",
        body.s(),
    ]);
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["known"], true);
    assert_eq!(v["code"], "RATE_LIMIT_EXCEEDED");
    assert_eq!(v["variant"], "RateLimitExceeded");
    assert_eq!(v["message"], "Too many requests");
    assert_eq!(v["fields"]["retryAfter"], 60);
    assert_eq!(
        v["fields"]["details"],
        "Rate limit exceeded. Retry after 60 seconds"
    );
    assert_eq!(
        v["retry"],
        serde_json::json!({"kind": "after", "seconds": 60})
    );
    assert_eq!(v["suggestion"], "Implement backoff");
    assert_eq!(v["docs_url"], "../authentication.md#rate-limiting");
    assert_eq!(v["request_id"], Value::Null);
}

#[test]
fn classify_reports_request_id_header() {
    let r = run_with_stdin(
        &[
            "classify",
            "--catalog",
            "customer_verification",
            "--status",
            "429",
            "--header",
            "X-Request-Id: req_abc123xyz",
            "--json",
        ],
        CV_RATE_LIMIT_EXCEEDED,
    );
    r.expect_code(0);
    assert_eq!(r.json()["request_id"], "req_abc123xyz");
}

#[test]
fn classify_html_502_is_unrecognised() {
    let r = run_with_stdin(
        &["classify", "--catalog", "kya", "--status", "502", "--json"],
        HTML_502,
    );
    r.expect_code(1);
    let v = r.json();
    assert_eq!(v["known"], false);
    assert_eq!(v["variant"], "Unknown");
    assert_eq!(v["code"], Value::Null);
    assert_eq!(v["status"], 502);
    assert_eq!(v["retry"]["kind"], "backoff");
    assert_eq!(v["retry"]["seconds"], Value::Null);
    assert!(v["reason"]
        .as_str()
        .unwrap()
        .starts_with("body is not a JSON object"));

    // The same in human form.
    let r = run_with_stdin(
        &["classify", "--catalog", "kya", "--status", "502"],
        HTML_502,
    );
    r.expect_code(1);
    assert_eq!(
        r.stdout.lines().next(),
        Some("unrecognised response — HTTP 502")
    );
    assert!(field(&r.stdout, "reason")
        .unwrap()
        .starts_with("body is not a JSON object"));
    assert_eq!(
        field(&r.stdout, "next"),
        Some("retry with exponential backoff")
    );
    assert_no_ansi(&r.stdout);
}

#[test]
fn classify_unknown_code_keeps_code() {
    let body =
        r#"{"error": "Something new", "errorType": "NEW_THING", "timestamp": 1707408000000}"#;
    let r = run_with_stdin(
        &["classify", "--catalog", "kya", "--status", "400", "--json"],
        body,
    );
    r.expect_code(1);
    let v = r.json();
    assert_eq!(v["known"], false);
    assert_eq!(v["code"], "NEW_THING");
    assert_eq!(v["variant"], "Unknown");
    assert_eq!(v["message"], "Something new");
    assert_eq!(v["reason"], "unknown code `NEW_THING`");
    assert_eq!(v["suggestion"], Value::Null);

    let r = run_with_stdin(&["classify", "--catalog", "kya", "--status", "400"], body);
    r.expect_code(1);
    assert_eq!(field(&r.stdout, "code"), Some("NEW_THING"));
    assert_eq!(field(&r.stdout, "message"), Some("Something new"));
    assert_eq!(field(&r.stdout, "reason"), Some("unknown code `NEW_THING`"));
}

#[test]
fn classify_known_code_with_bad_field_falls_back() {
    // `tier` is declared `u8`; a string does not decode, so the response is not
    // the known error (as generated code would also decide).
    let body = r#"{"error": "x", "errorType": "RATE_LIMITED",
                  "details": {"agentId": "42", "tier": "one", "limit": 1, "retryAfter": 5}}"#;
    let r = run_with_stdin(
        &["classify", "--catalog", "kya", "--status", "429", "--json"],
        body,
    );
    r.expect_code(1);
    let v = r.json();
    assert_eq!(v["known"], false);
    assert_eq!(v["code"], "RATE_LIMITED");
    assert!(
        v["reason"].as_str().unwrap().starts_with("field `tier`"),
        "{v}"
    );
}

#[test]
fn classify_header_without_colon_is_usage_error() {
    let r = run_with_stdin(
        &[
            "classify",
            "--catalog",
            "kya",
            "--status",
            "429",
            "--header",
            "Retry-After 45",
        ],
        KYA_RATE_LIMITED,
    );
    r.expect_code(2);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        "error: --header `Retry-After 45` is not `Name: value`\n"
    );
}

#[test]
fn classify_missing_body_file_is_io_error() {
    let missing = Temp::path("classify_missing_body", "nope.json");
    let r = run(&[
        "classify",
        "--catalog",
        "kya",
        "--status",
        "429",
        missing.s(),
    ]);
    r.expect_code(2);
    assert_eq!(r.stdout, "");
    assert!(
        r.stderr
            .starts_with(&format!("error: cannot read `{}`", missing.s())),
        "{}",
        r.stderr
    );
}

#[test]
fn classify_human_output() {
    let r = run_with_stdin(
        &[
            "classify",
            "--catalog",
            "kya",
            "--status",
            "429",
            "--header",
            "Retry-After: 45",
        ],
        KYA_RATE_LIMITED,
    );
    r.expect_code(0);
    let out = &r.stdout;
    assert_eq!(
        out.lines().next(),
        Some("RATE_LIMITED (KyaError::RateLimited) — HTTP 429")
    );
    assert_eq!(
        field(out, "message"),
        Some("Rate limit exceeded for agent tier")
    );
    let fs = fields(out, "field");
    assert!(fs.contains(&"tier = 1"), "{fs:?}");
    assert!(fs.contains(&r#"agentId = "42""#), "{fs:?}");
    assert!(fs.contains(&"retryAfter = 45"), "{fs:?}");
    assert_eq!(
        field(out, "suggestion"),
        Some(
            "Wait for the duration specified in the Retry-After header before retrying. \
             Upgrade trust tier by staking more LABS in the TrustVault contract."
        )
    );
    assert_eq!(field(out, "next"), Some("retry in 45 s"));
    assert_eq!(out.lines().last(), Some("  next        retry in 45 s"));
    assert_no_ansi(out);
}

#[test]
fn classify_human_output_never_retry() {
    let r = run_with_stdin(
        &["classify", "--catalog", "rakomi", "--status", "401"],
        r#"{"code": "token/expired", "message": "Token has expired"}"#,
    );
    r.expect_code(0);
    let out = &r.stdout;
    assert_eq!(
        out.lines().next(),
        Some("token/expired (RakomiError::TokenExpired) — HTTP 401")
    );
    assert_eq!(
        field(out, "suggestion"),
        Some("Request a new access token via refresh token endpoint")
    );
    assert_eq!(field(out, "next"), Some("don't retry"));
    assert_no_ansi(out);
}

#[test]
fn classify_status_only_catalog_by_status() {
    let r = run_with_stdin(
        &[
            "classify",
            "--catalog",
            "moca_air",
            "--status",
            "500",
            "--json",
        ],
        "{}",
    );
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["known"], true);
    assert_eq!(v["code"], "server_error");
    assert_eq!(v["message"], "Server-side failure");
    assert_eq!(v["retry"]["kind"], "backoff");
}

#[test]
fn classify_status_only_catalog_with_non_json_body() {
    for body in [
        HTML_502.replace("502 Bad Gateway", "500 Oops"),
        String::new(),
    ] {
        let r = run_with_stdin(
            &[
                "classify",
                "--catalog",
                "moca_air",
                "--status",
                "500",
                "--json",
            ],
            &body,
        );
        r.expect_code(0);
        let v = r.json();
        assert_eq!(v["known"], true, "{v}");
        assert_eq!(v["code"], "server_error");
    }
}

#[test]
fn classify_with_catalog_path() {
    let path = catalog_file("kya");
    let r = run_with_stdin(
        &[
            "classify",
            "--catalog",
            &path,
            "--status",
            "429",
            "--json",
            "-",
        ],
        KYA_RATE_LIMITED,
    );
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["known"], true);
    assert_eq!(v["variant"], "RateLimited");
}

// --- docs ----------------------------------------------------------------------

const KYA_CODES: [&str; 12] = [
    "VALIDATION_ERROR",
    "SIGNATURE_INVALID",
    "REPLAY_DETECTED",
    "AGENT_NOT_FOUND",
    "RPC_ERROR",
    "INTERNAL_ERROR",
    "INVALID_API_KEY",
    "KEY_ALREADY_EXISTS",
    "RATE_LIMITED",
    "TIER_BLOCKED",
    "INSUFFICIENT_DEPOSIT",
    "RELAY_FAILED",
];

#[test]
fn docs_kya_markdown() {
    let r = run(&["docs", "kya"]);
    r.expect_code(0);
    assert_eq!(r.stderr, "");
    let md = &r.stdout;
    assert_eq!(
        md.lines().next(),
        Some("# KYA Chain Verification API errors")
    );
    assert_no_ansi(md);

    // One section per error, in catalog order.
    let sections: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix("### `"))
        .filter_map(|l| l.strip_suffix('`'))
        .collect();
    assert_eq!(sections, KYA_CODES);

    // The RATE_LIMITED section: status, message, example body and headers.
    let start = md.find("### `RATE_LIMITED`").expect("RATE_LIMITED section");
    let rest = &md[start..];
    let section = &rest[..rest.find("\n---\n").expect("section end")];
    assert!(
        section.contains("**Status:** 429 · **Retry:** honours `Retry-After`"),
        "{section}"
    );
    assert!(section.contains("**Message:** `Rate limit exceeded for agent tier`"));
    assert!(section.contains("**Example:**"));
    assert!(section.contains("```json\n{"));
    assert!(section.contains(r#""errorType": "RATE_LIMITED""#));
    assert!(section.contains(r#""retryAfter": 45"#));
    assert!(section
        .contains("```http\nX-RateLimit-Limit: 1\nX-RateLimit-Remaining: 0\nRetry-After: 45\n```"));
    assert!(section.contains("| `tier` | `u8` | `/details/tier` |"));
    assert!(section.contains("**Suggestion:** Wait for the duration"));

    // The example body in the section is valid JSON.
    let json_start = section.find("```json\n").unwrap() + "```json\n".len();
    let json_end = json_start + section[json_start..].find("\n```").unwrap();
    let example: Value = serde_json::from_str(&section[json_start..json_end]).unwrap();
    assert_eq!(example["details"]["tier"], 1);

    // The quick-reference table: one row per error.
    let qr = &md[md.find("## Quick reference").expect("quick reference")..];
    assert!(qr.contains("| Code | Status | Message | Suggestion |"));
    let rows: Vec<&str> = qr.lines().filter(|l| l.starts_with("| [`")).collect();
    assert_eq!(rows.len(), 12, "{rows:#?}");
    for (row, code) in rows.iter().zip(KYA_CODES) {
        let anchor = code.to_ascii_lowercase();
        assert!(
            row.starts_with(&format!("| [`{code}`](#{anchor}) | ")),
            "{row}"
        );
    }
    assert!(rows[8].starts_with(
        "| [`RATE_LIMITED`](#rate_limited) | 429 | Rate limit exceeded for agent tier | "
    ));
}

#[test]
fn docs_rate_limits_table() {
    let r = run(&["docs", "kya"]);
    r.expect_code(0);
    assert!(r.stdout.contains("## Rate limits"));
    assert!(r.stdout.contains("| Tier 1 (Bronze) | 1 per minute |"));
    assert!(r.stdout.contains("| Tier 4 (Diamond) | 2700 per minute |"));
}

#[test]
fn docs_to_file() {
    let out = Temp::path("docs_to_file", "kya.md");
    let r = run(&["docs", "kya", "-o", out.s()]);
    r.expect_code(0);
    assert_eq!(r.stdout, "", "the page goes to the file, not stdout");
    assert_eq!(r.stderr, "");
    let written = out.read();
    assert!(written.starts_with("# KYA Chain Verification API errors\n"));
    assert_eq!(written, run(&["docs", "kya"]).stdout);

    // `--output` too, and it overwrites.
    let r = run(&["docs", "rakomi", "--output", out.s()]);
    r.expect_code(0);
    assert!(out.read().starts_with("# Rakomi SDK + API errors\n"));
}

#[test]
fn docs_to_unwritable_path_is_io_error() {
    let dir = Temp::path("docs_unwritable", "missing-dir");
    let target = dir.0.join("x.md");
    let target = target.to_str().unwrap();
    let r = run(&["docs", "kya", "-o", target]);
    r.expect_code(2);
    assert!(
        r.stderr
            .starts_with(&format!("error: cannot write `{target}`")),
        "{}",
        r.stderr
    );
}

// --- new -----------------------------------------------------------------------

#[test]
fn new_then_check() {
    let out = Temp::path("new_then_check", "shop_api.toml");
    let r = run(&["new", "shop_api", "-o", out.s()]);
    r.expect_code(0);
    assert_eq!(
        r.stdout,
        format!(
            "wrote {0}; check it with: error-catalog check {0}\n",
            out.s()
        )
    );
    let text = out.read();
    assert!(text.starts_with("# Error catalog for the ShopApi service.\n"));
    assert!(text.contains(r#"id = "shop_api""#));

    let r = run(&["check", out.s()]);
    r.expect_code(0);
    assert_eq!(r.stdout, format!("{}: ok (2 errors)\n", out.s()));

    // The starter works with the other subcommands too.
    let r = run(&["explain", "NOT_FOUND", "--catalog", out.s()]);
    r.expect_code(0);
    assert_eq!(field(&r.stdout, "status"), Some("404"));
    let r = run_with_stdin(
        &[
            "classify",
            "--catalog",
            out.s(),
            "--status",
            "404",
            "--json",
        ],
        r#"{"error": {"code": "NOT_FOUND", "message": "Resource r_1 not found", "id": "r_1"}}"#,
    );
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["known"], true);
    assert_eq!(v["fields"]["id"], "r_1");
}

#[test]
fn new_rejects_non_snake_case_id() {
    for id in ["ShopApi", "shop-api", "1shop", "shop api"] {
        let out = Temp::path("new_rejects_non_snake_case", "x.toml");
        let r = run(&["new", id, "-o", out.s()]);
        r.expect_code(2);
        assert_eq!(r.stdout, "");
        assert!(
            r.stderr
                .starts_with(&format!("error: service id `{id}` must be snake_case")),
            "{}",
            r.stderr
        );
        assert!(!out.0.exists(), "nothing written for `{id}`");
    }
}

#[test]
fn new_refuses_to_overwrite_without_force() {
    let out = Temp::file("new_refuses_overwrite", "existing.toml", "keep me\n");
    let r = run(&["new", "shop_api", "-o", out.s()]);
    r.expect_code(2);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        format!(
            "error: `{}` exists; pass --force to overwrite it\n",
            out.s()
        )
    );
    assert_eq!(out.read(), "keep me\n", "the file is untouched");

    let r = run(&["new", "shop_api", "-o", out.s(), "--force"]);
    r.expect_code(0);
    assert!(out
        .read()
        .starts_with("# Error catalog for the ShopApi service.\n"));
    run(&["check", out.s()]).expect_code(0);
}

#[test]
fn new_to_stdout() {
    let dir = Temp::dir("new_to_stdout");
    let r = run_in(&dir.0, &["new", "shop_api", "-o", "-"]);
    r.expect_code(0);
    assert_eq!(r.stderr, "");
    assert!(r
        .stdout
        .starts_with("# Error catalog for the ShopApi service.\n"));
    assert!(r.stdout.contains(r#"id = "shop_api""#));
    assert!(r.stdout.contains("[[errors]]"));
    assert!(!r.stdout.contains("wrote "));
    assert_eq!(
        std::fs::read_dir(&dir.0).unwrap().count(),
        0,
        "`-o -` writes no file"
    );

    // What it prints is the same catalog `new` writes to a file, and it checks.
    let f = Temp::file("new_to_stdout", "printed.toml", &r.stdout);
    run(&["check", f.s()]).expect_code(0);
}

#[test]
fn new_default_output_is_service_id_toml() {
    let dir = Temp::dir("new_default_output");
    let r = run_in(&dir.0, &["new", "shop_api"]);
    r.expect_code(0);
    assert_eq!(
        r.stdout,
        "wrote shop_api.toml; check it with: error-catalog check shop_api.toml\n"
    );
    let written = dir.0.join("shop_api.toml");
    assert!(written.is_file());
    run_in(&dir.0, &["check", "shop_api.toml"]).expect_code(0);
}

/// The README's walk-through ("Adding a sixth service") uses the starter `new
/// shop` writes, checked in as `tests/errors/shop.toml` (its examples compile
/// against it), and shows what `check` prints for two mistakes in it: both stay
/// true.
#[test]
fn readme_walk_through_starter_and_check_output() {
    let dir = Temp::dir("readme_walk_through");
    std::fs::create_dir_all(dir.0.join("errors")).unwrap();
    run_in(&dir.0, &["new", "shop", "-o", "errors/shop.toml"]).expect_code(0);
    let written = std::fs::read_to_string(dir.0.join("errors/shop.toml")).unwrap();
    // read at run time (not include_str!): the file is in the checkout, not in
    // this package
    let checked_in = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/errors/shop.toml"
    ))
    .unwrap();
    assert_eq!(
        written, checked_in,
        "tests/errors/shop.toml is what `new shop` writes"
    );

    // `status` misspelt, and a second NOT_FOUND at the end
    let broken = written.replacen("status = 404", "stauts = 404", 1)
        + "\n[[errors]]\ncode = \"NOT_FOUND\"\nstatus = 410\nmessage = \"Resource gone\"\n";
    std::fs::write(dir.0.join("errors/shop.toml"), broken).unwrap();
    let r = run_in(&dir.0, &["check", "errors/shop.toml"]);
    r.expect_code(1);
    assert_eq!(
        r.stdout + &r.stderr,
        "error[key-unknown]: errors/shop.toml:31:1: unknown key `stauts` in error `NOT_FOUND`
  help: did you mean `status`?
error[code-duplicate]: errors/shop.toml:52:8: duplicate error code `NOT_FOUND`
  note: errors/shop.toml:30:8: `NOT_FOUND` is first defined here
  help: each code may appear once; remove or rename one of them
errors/shop.toml: 2 problem(s)
"
    );
}

// --- unknown catalog names ------------------------------------------------------

#[test]
fn unknown_catalog_name_is_usage_error_with_did_you_mean() {
    let want = "error: no catalog `kyaa`: not a bundled name nor a file (did you mean `kya`?)\n";
    for args in [
        &["explain", "RATE_LIMITED", "--catalog", "kyaa"][..],
        &["docs", "kyaa"][..],
        &["classify", "--catalog", "kyaa", "--status", "429", "-"][..],
    ] {
        let r = run_with_stdin(args, KYA_RATE_LIMITED);
        r.expect_code(2);
        assert_eq!(r.stdout, "", "{args:?}");
        assert_eq!(r.stderr, want, "{args:?}");
    }

    let r = run(&["docs", "rakom"]);
    r.expect_code(2);
    assert!(r.stderr.contains("did you mean `rakomi`?"), "{}", r.stderr);
}

#[test]
fn unknown_catalog_name_far_from_any_lists_bundled() {
    let r = run(&["docs", "zzz"]);
    r.expect_code(2);
    assert_eq!(
        r.stderr,
        "error: no catalog `zzz`: not a bundled name nor a file \
         (bundled catalogs: moca_air, kya, rakomi, aironclaw, customer_verification)\n"
    );
}

// --- usage ---------------------------------------------------------------------

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

// --- diff ------------------------------------------------------------------------

const DIFF_OLD: &str = r#"[service]
id = "shop"
name = "Shop"
[wire]
preset = "nested"
[[errors]]
code = "NOT_FOUND"
status = 404
message = "Not found"
[[errors]]
code = "GONE"
status = 410
message = "Gone"
"#;

#[test]
fn diff_of_two_files() {
    let old = Temp::file("diff_of_two_files", "old.toml", DIFF_OLD);
    let new_text = DIFF_OLD.replace("status = 404", "status = 400");
    let new = Temp::file("diff_of_two_files", "new.toml", &new_text);
    let r = run(&["diff", old.s(), new.s()]);
    r.expect_code(1);
    assert_eq!(
        r.stdout,
        format!(
            "{}:8:10: wire status-changed: error `NOT_FOUND`: status 404 is now 400\n\
             1 change: 1 breaks the wire, 0 break source, 0 compatible\n\
             semver: patch (the enum's API is unchanged; the wire changes break clients of the service whatever the crate's version)\n",
            new.s()
        )
    );
    // a wire break does not fail `--category source`
    run(&["diff", "--category", "source", old.s(), new.s()]).expect_code(0);
    run(&["diff", "--category", "wire", old.s(), new.s()]).expect_code(1);
    // the same catalog: nothing, status 0
    let same = run(&["diff", old.s(), old.s()]);
    same.expect_code(0);
    assert!(
        same.stdout
            .starts_with("0 changes: 0 break the wire, 0 break source, 0 compatible\nsemver: none"),
        "{same:#?}"
    );
}

#[test]
fn diff_json_and_github() {
    let old = Temp::file("diff_json_and_github", "old.toml", DIFF_OLD);
    let new_text = DIFF_OLD.replace(
        "[[errors]]\ncode = \"GONE\"\nstatus = 410\nmessage = \"Gone\"\n",
        "",
    );
    let new = Temp::file("diff_json_and_github", "new.toml", &new_text);
    let r = run(&["diff", "--json", old.s(), new.s()]);
    r.expect_code(1);
    let v = r.json();
    assert_eq!(v["changes"][0]["rule"], "code-removed");
    assert_eq!(
        v["changes"][0]["breaks"],
        serde_json::json!(["wire", "source"])
    );
    assert_eq!(v["changes"][0]["file"], old.s());
    assert_eq!(v["changes"][0]["line"], 11);
    assert_eq!(v["semver"], "major");
    assert_eq!(v["breaking"], true);

    let r = run(&["diff", "--format", "github", old.s(), new.s()]);
    r.expect_code(1);
    let first = r.stdout.lines().next().unwrap_or_default();
    let file = new.s().replace(':', "%3A").replace(',', "%2C");
    assert_eq!(
        first,
        format!(
            "::error file={file},title=wire+source code-removed::error `GONE` (variant `Gone`) was removed (it was at {}:11:8)%0Ahelp: reserve the code so that no error takes it again with another meaning: `reserved = [\"GONE\"]`",
            old.s()
        )
    );
    let r = run(&["diff", "--json", "--format", "github", old.s(), new.s()]);
    r.expect_code(2);
    assert!(r.stderr.contains("choose one"), "{r:#?}");
}

#[test]
fn diff_usage_errors() {
    let old = Temp::file("diff_usage_errors", "old.toml", DIFF_OLD);
    let r = run(&["diff", old.s()]);
    r.expect_code(2);
    assert!(r.stderr.contains("give two catalogs"), "{r:#?}");
    let r = run(&["diff", "--against", "HEAD", old.s(), old.s()]);
    r.expect_code(2);
    assert!(r.stderr.contains("give one catalog file"), "{r:#?}");
    let bad = Temp::file(
        "diff_usage_errors",
        "bad.toml",
        "[service]\nid = \"shop\"\n",
    );
    let r = run(&["diff", old.s(), bad.s()]);
    r.expect_code(2);
    assert!(r.stderr.contains("missing required key"), "{r:#?}");
}

/// Runs `git` in `dir` with a fixed identity, failing the test on an error.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn diff_against_a_git_revision() {
    let repo = Temp::dir("diff_against_a_git_revision");
    let errors = repo.0.join("errors");
    std::fs::create_dir_all(&errors).unwrap();
    let file = errors.join("shop.toml");
    std::fs::write(&file, DIFF_OLD).unwrap();
    git(&repo.0, &["init", "-q"]);
    git(&repo.0, &["add", "errors/shop.toml"]);
    git(&repo.0, &["commit", "-q", "-m", "v1"]);

    // unchanged: nothing to report
    let elsewhere = Temp::dir("diff_against_a_git_revision_cwd");
    let path = file.to_str().unwrap();
    let r = run_in(&elsewhere.0, &["diff", "--against", "HEAD", path]);
    r.expect_code(0);

    // a variant renamed in the working tree: a source break, exit 1
    std::fs::write(
        &file,
        DIFF_OLD.replace(
            "code = \"GONE\"",
            "code = \"GONE\"\nvariant = \"NoLongerHere\"",
        ),
    )
    .unwrap();
    let r = run_in(&elsewhere.0, &["diff", "--against", "HEAD", path]);
    r.expect_code(1);
    assert_eq!(
        r.stdout.lines().next().unwrap_or_default(),
        format!("{path}:12:11: source variant-renamed: error `GONE`: variant `Gone` is now `NoLongerHere`")
    );
    // relative to the working directory, from inside the repository
    let r = run_in(
        &repo.0,
        &[
            "diff",
            "--against",
            "HEAD",
            "errors/shop.toml",
            "--category",
            "wire",
        ],
    );
    r.expect_code(0);

    // after a commit, compare with the one before; a removed code is shown
    // where it was in that revision
    std::fs::write(
        &file,
        DIFF_OLD.replace(
            "[[errors]]\ncode = \"GONE\"\nstatus = 410\nmessage = \"Gone\"\n",
            "",
        ),
    )
    .unwrap();
    git(&repo.0, &["commit", "-q", "-am", "v2"]);
    let r = run_in(
        &repo.0,
        &["diff", "--against", "HEAD~1", "errors/shop.toml"],
    );
    r.expect_code(1);
    assert!(
        r.stdout.starts_with("HEAD~1:errors/shop.toml:11:8: wire+source code-removed: error `GONE` (variant `Gone`) was removed"),
        "{r:#?}"
    );

    // a revision that does not exist: exit 2, git's reason shown
    let r = run_in(
        &repo.0,
        &["diff", "--against", "no-such-rev", "errors/shop.toml"],
    );
    r.expect_code(2);
    assert!(
        r.stderr
            .contains("cannot read `errors/shop.toml` at revision `no-such-rev`"),
        "{r:#?}"
    );
}
