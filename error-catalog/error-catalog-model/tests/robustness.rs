//! The loader, the capture engine and the template matcher on hostile input: huge,
//! wrong, malformed and deeply nested catalogs; long and brace-heavy bodies and
//! messages. Nothing may panic; every problem is reported.
//!
//! Cases that could overflow the stack run in a child process (this test binary,
//! re-run on one test with `ROBUSTNESS_CASE` set), so that an abort fails that test
//! alone instead of the whole binary. Timings are printed (`-- --nocapture`), never
//! asserted, except where a case must not hang.

use std::path::PathBuf;
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use error_catalog_core::engine::{capture, Layout, MAX_SLOTS};
use error_catalog_core::template::{match_pattern, HoleKind, PatternSeg, Template};
use error_catalog_model::diag::Problems;
use error_catalog_model::model::Catalog;
use error_catalog_model::{load_file, load_str};

const FILE: &str = "hostile.toml";

fn loads(text: &str) -> Catalog {
    load_str(FILE, text).unwrap_or_else(|p| panic!("catalog did not load:\n{p}"))
}

/// True when a rendered problem starts with its rule and its place in the file
/// (`error[rule-id]: t.toml:…`).
fn placed(rendered: &str) -> bool {
    rendered.starts_with("error[")
        && rendered
            .split_once("]: ")
            .is_some_and(|(_, rest)| rest.starts_with(&format!("{FILE}:")))
}

/// The problems of a catalog that must not load, each rendered.
fn problems(text: &str) -> (Problems, Vec<String>) {
    match load_str(FILE, text) {
        Ok(c) => panic!(
            "catalog loaded with {} errors, problems expected",
            c.errors.len()
        ),
        Err(p) => {
            let rendered = p.list.iter().map(|d| d.render(p.file.as_ref())).collect();
            (p, rendered)
        }
    }
}

fn timed<R>(what: &str, f: impl FnOnce() -> R) -> R {
    let start = Instant::now();
    let r = f();
    println!(
        "time  {what:<60} {:>10.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    r
}

/// Runs `f` on another thread and fails if it has not finished within `limit`
/// (a hang, not a slow machine: the limits are minutes of work for milliseconds
/// of input).
fn finishes_within<R: Send + 'static>(
    what: &str,
    limit: Duration,
    f: impl FnOnce() -> R + Send + 'static,
) -> R {
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(r) => {
            println!(
                "time  {what:<60} {:>10.1} ms",
                start.elapsed().as_secs_f64() * 1000.0
            );
            r
        }
        Err(_) => panic!("{what}: not finished after {limit:?}"),
    }
}

/// Runs `case` in a child process (this binary, running only `test`), so that a
/// stack overflow or abort fails this test and nothing else. Returns true in the
/// child, where the caller then runs the case itself.
fn in_child(test: &str, case: &str) -> bool {
    if std::env::var("ROBUSTNESS_CASE").as_deref() == Ok(case) {
        return true;
    }
    let out = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            test,
            "--exact",
            "--include-ignored",
            "--test-threads=1",
            "--nocapture",
        ])
        .env("ROBUSTNESS_CASE", case)
        .output()
        .expect("running the child");
    let stdout = String::from_utf8_lossy(&out.stdout);
    for line in stdout
        .lines()
        .filter_map(|l| l.find("time  ").map(|i| &l[i..]))
    {
        println!("{line}");
    }
    assert!(
        out.status.success(),
        "{case}: the child ended with {:?}\n{}{}",
        out.status,
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    false
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "error-catalog-robustness-{}-{name}",
        std::process::id()
    ));
    std::fs::write(&path, bytes).expect("writing a temp file");
    path
}

const HEAD: &str = "[service]\nid = \"shop\"\nname = \"Shop\"\n";

// ---------------------------------------------------------------------------
// Big catalogs
// ---------------------------------------------------------------------------

/// A valid catalog of `n` errors under `preset`, spread over 200 statuses.
fn generated(n: usize, preset: &str, with_fields: bool) -> String {
    let mut t = format!("{HEAD}[wire]\npreset = \"{preset}\"\n");
    for i in 0..n {
        let status = 400 + i % 200;
        t.push_str(&format!(
            "\n[[errors]]\ncode = \"E_{i:05}\"\nstatus = {status}\n"
        ));
        if with_fields {
            t.push_str(&format!(
                "message = \"Error {i} on {{id}}\"\nsuggestion = \"Fix {i}\"\nretry = \"backoff\"\n[errors.fields]\nid = \"string\"\ncount = \"u32?\"\n"
            ));
        } else {
            t.push_str(&format!("message = \"Error number {i}\"\n"));
        }
    }
    t
}

#[test]
fn ten_thousand_errors_load() {
    let text = generated(10_000, "nested", true);
    let c = timed("load 10,000 errors (nested, with fields)", || loads(&text));
    assert_eq!(c.errors.len(), 10_000);
    assert_eq!(c.errors[9_999].code.value, "E_09999");
    assert_eq!(c.errors[9_999].variant.value, "E09999");
    assert_eq!(c.errors[1234].fields.len(), 2);
}

/// Identified by message: every pair of patterns under one status is checked for
/// overlap (10 errors per status here; 10,000 such errors take about 40 s
/// unoptimized, so 2,000).
#[test]
fn two_thousand_message_identified_errors_load() {
    let text = generated(2_000, "message-only", false);
    let c = timed("load 2,000 errors (message-only)", || loads(&text));
    assert_eq!(c.errors.len(), 2_000);
}

/// The lookup tables index at most 65,534 entries: one more is refused, named
/// at the first error past the limit, instead of loading with codes that would
/// never be found.
#[test]
fn more_errors_than_the_tables_can_index_are_refused() {
    use error_catalog_model::validate::MAX_ERRORS;
    let text = generated(MAX_ERRORS + 1, "nested", false);
    let (p, rendered) = timed("load 65,535 errors (refused)", || problems(&text));
    assert_eq!(p.list.len(), 1, "{rendered:?}");
    // error i's `code` key is on line 8 + 5i (5 head lines, 5 per error)
    let at = format!("error[catalog-too-large]: {FILE}:{}:", 8 + 5 * MAX_ERRORS);
    assert!(rendered[0].starts_with(&at), "{}", rendered[0]);
    assert!(
        rendered[0].contains("at most 65534 errors; this is error 65535 of 65535"),
        "{}",
        rendered[0]
    );
}

/// Errors without a status compete under every status: all pairs are checked for
/// overlap, quadratic by design (2,000 take about 70 s unoptimized; 500 here).
#[test]
fn five_hundred_statusless_message_patterns_load() {
    let mut text = format!("{HEAD}[wire]\npreset = \"message-only\"\n");
    for i in 0..500 {
        text.push_str(&format!(
            "\n[[errors]]\ncode = \"e_{i}\"\nmessage = \"Failure number {i} happened\"\n"
        ));
    }
    let c = timed("load 500 status-less message patterns", || loads(&text));
    assert_eq!(c.errors.len(), 500);
}

/// `n` errors with a wrong key each.
fn n_problems(n: usize) -> String {
    let mut text = format!("{HEAD}[wire]\npreset = \"nested\"\n");
    for i in 0..n {
        text.push_str(&format!(
            "\n[[errors]]\ncode = \"E_{i:05}\"\nstauts = 404\nmessage = \"x\"\n"
        ));
    }
    text
}

/// 2,000 errors with a wrong key each: every one reported, rendered with its line.
#[test]
fn two_thousand_problems_are_all_reported() {
    let n = 2_000;
    let text = n_problems(n);
    let (p, rendered) = timed("load + render 2,000 problems", || problems(&text));
    assert_eq!(p.list.len(), n);
    // The `stauts` key of error i is on line 9 + 5i (5 head lines, 5 per error).
    for (i, r) in rendered.iter().enumerate() {
        assert!(
            r.starts_with(&format!(
                "error[key-unknown]: {FILE}:{}:1: unknown key `stauts`",
                9 + 5 * i
            )),
            "{r}"
        );
    }
}

/// Rendering many problems of one big catalog: every one is rendered with its own
/// line (the line index is built once per file, so this is linear; the time is
/// printed, not asserted — speed belongs in benchmarks).
#[test]
fn rendering_many_problems() {
    let p = load_str(FILE, &n_problems(4_000)).expect_err("problems");
    let text = timed("render 4,000 problems", || p.to_string());
    let firsts: Vec<&str> = text.lines().filter(|l| placed(l)).collect();
    assert_eq!(firsts.len(), 4_000);
    let last = firsts.last().copied().unwrap_or_default();
    assert!(
        last.starts_with(&format!(
            "error[key-unknown]: {FILE}:{}:1: unknown key `stauts`",
            9 + 5 * 3_999
        )),
        "{last}"
    );
}

// ---------------------------------------------------------------------------
// Wrong catalogs
// ---------------------------------------------------------------------------

#[test]
fn every_key_wrong() {
    let text = r#"[servce]
idd = "shop"

[service]
idd = "shop"
nmae = "Shop"
enumname = "ShopError"
docs = "https://x.example"

[wire]
presett = "nested"
cod = "/code"
fieldsat = "/details"

[headers]
retry_afterr = "Retry-After"
ratelimit = "X-RateLimit-Limit"

[[rate_limits]]
scpoe = "x"
lmit = 1
widnow = "minute"

[[errors]]
cdoe = "NOT_FOUND"
stauts = 404
mesage = "Not found"
sugestion = "Look again"
retyr = "never"
feilds = { id = "string" }
exmaples = []

[[errors]]
code = "BAD"
message = "Bad {id}"
[errors.fields]
id = { tpye = "string", att = "/id" }
[[errors.examples]]
bdy = "{}"
stats = 400

[extra]
x = 1
"#;
    let (p, rendered) = problems(text);
    let all = rendered.join("\n");
    for key in [
        "servce",
        "idd",
        "nmae",
        "enumname",
        "docs",
        "presett",
        "cod",
        "fieldsat",
        "retry_afterr",
        "ratelimit",
        "scpoe",
        "lmit",
        "widnow",
        "cdoe",
        "stauts",
        "mesage",
        "sugestion",
        "retyr",
        "feilds",
        "exmaples",
        "tpye",
        "att",
        "bdy",
        "stats",
        "extra",
    ] {
        assert!(
            all.contains(&format!("unknown key `{key}`")),
            "`{key}` not reported:\n{all}"
        );
    }
    // Required keys left out are reported too.
    for missing in ["`id`", "`name`", "`code`", "`message`"] {
        assert!(
            rendered
                .iter()
                .any(|r| r.contains("missing required key") && r.contains(missing)),
            "missing {missing} not reported:\n{all}"
        );
    }
    // Every diagnostic has its place in the file.
    for r in &rendered {
        assert!(placed(r), "{r}");
    }
    assert!(p.list.len() >= 25, "{} problems:\n{all}", p.list.len());
    assert_eq!(p.to_string(), all);
}

#[test]
fn every_value_of_the_wrong_type() {
    let text = r#"[service]
id = 1
name = ["Shop"]
enum_name = true
docs_url = 2.5
description = { a = 1 }

[wire]
preset = 5
identity = ["code"]
content_type = 1

[headers]
retry_after = 60
notes = false

[[rate_limits]]
scope = 1
limit = "many"
window = []

[[errors]]
code = 404
variant = 1
status = "404"
message = 7
matches = "x"
priority = "high"
title = 1
cause = []
causes = "one"
suggestion = {}
solutions = 3
docs_url = false
fix_command = 1.0
retry = 1
retry_after_field = 2
fields = "string"
examples = "x"
"#;
    let (p, rendered) = problems(text);
    let all = rendered.join("\n");
    for key in [
        "id",
        "name",
        "enum_name",
        "docs_url",
        "description",
        "preset",
        "identity",
        "content_type",
        "retry_after",
        "notes",
        "scope",
        "limit",
        "window",
        "code",
        "variant",
        "status",
        "message",
        "matches",
        "priority",
        "title",
        "cause",
        "causes",
        "suggestion",
        "solutions",
        "fix_command",
        "retry",
        "retry_after_field",
        "fields",
        "examples",
    ] {
        assert!(
            all.contains(&format!("`{key}`")),
            "`{key}` of the wrong type not reported:\n{all}"
        );
    }
    assert!(p.list.len() >= 25, "{} problems:\n{all}", p.list.len());
}

#[test]
fn wrong_types_inside_fields_and_examples() {
    let text = format!(
        r#"{HEAD}[wire]
preset = "nested"
[wire.fields]
a = 1
b = {{ type = 2, at = 3, rust = 4, doc = 5, internal = "yes" }}
[[errors]]
code = "X"
message = "x"
fields = {{ c = [], d = {{ type = [] }}, e = "u46", f = "string??", g = "" }}
examples = [1, {{ body = 2, status = "x", headers = 3 }}, {{ body = "{{}}", headers = {{ A = 1 }} }}]
"#
    );
    let (p, rendered) = problems(&text);
    assert!(p.list.len() >= 10, "{}", rendered.join("\n"));
    let all = rendered.join("\n");
    assert!(all.contains("did you mean `u64`?"), "{all}");
}

#[test]
fn not_utf8_file() {
    let mut bytes = HEAD.as_bytes().to_vec();
    bytes.extend_from_slice(
        b"[wire]\npreset = \"nested\"\n[[errors]]\ncode = \"A\xff\xfe\"\nmessage = \"x\"\n",
    );
    let path = temp_file("not-utf8.toml", &bytes);
    let r = load_file(&path);
    let _ = std::fs::remove_file(&path);
    let p = r.expect_err("a non-UTF-8 file must not load");
    assert_eq!(p.list.len(), 1, "{p}");
    let text = p.to_string();
    let offset = bytes.iter().position(|b| *b == 0xff).unwrap();
    assert!(text.contains("is not UTF-8"), "{text}");
    assert!(
        text.contains(&format!("offset {offset}")),
        "names the offset {offset}: {text}"
    );
    assert!(text.contains("not-utf8.toml"), "names the file: {text}");

    // A UTF-16 file (with its BOM) is not UTF-8 either.
    let utf16: Vec<u8> = "\u{feff}[service]\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let path = temp_file("utf16.toml", &utf16);
    let r = load_file(&path);
    let _ = std::fs::remove_file(&path);
    assert!(
        r.expect_err("UTF-16").to_string().contains("not UTF-8"),
        "utf-16"
    );

    let r = load_file(std::env::temp_dir().join("error-catalog-robustness-does-not-exist.toml"));
    assert!(
        r.expect_err("a missing file")
            .to_string()
            .contains("cannot read catalog"),
        "missing file"
    );
}

#[test]
fn empty_and_blank_files() {
    for (what, text) in [
        ("empty", ""),
        ("whitespace", " \n\t\n"),
        ("comments", "# nothing here\n# at all\n"),
        ("a BOM", "\u{feff}"),
        ("NUL bytes", "\0\0\0"),
    ] {
        let r = load_str(FILE, text);
        let p = r.expect_err(what);
        assert!(!p.list.is_empty(), "{what}: a problem is reported");
        let all = p.to_string();
        if !what.starts_with("NUL") {
            assert!(
                all.contains("[service]") || all.contains("TOML"),
                "{what}: {all}"
            );
        }
    }
    let path = temp_file("empty.toml", b"");
    let r = load_file(&path);
    let _ = std::fs::remove_file(&path);
    assert!(!r.expect_err("empty file").list.is_empty());
}

#[test]
fn toml_syntax_errors_are_reported_with_a_place() {
    for text in [
        "[service",
        "[service]\nid = ",
        "[service]\nid = \"unterminated\n",
        "[[errors]]\n[[errors]\n",
        "[service]\nid = \"a\"\nid = \"b\"\n",
        "[service]\n[service]\n",
        "a = 1\na.b = 2\n",
        "x = [1, \"mixed\", {a = 1}, [[]]]\n",
        "= 1",
        "\"\\uD800\" = 1",
    ] {
        let p = load_str(FILE, text).expect_err(text);
        let all = p.to_string();
        assert!(!p.list.is_empty(), "{text:?}");
        assert!(placed(&all), "{text:?}: {all}");
    }
}

// ---------------------------------------------------------------------------
// Deep and huge
// ---------------------------------------------------------------------------

const DEEP: usize = 10_000;

fn deep_inline_tables(depth: usize) -> String {
    format!(
        "{HEAD}[wire]\npreset = \"nested\"\nx = {}1{}\n",
        "{ a = ".repeat(depth),
        " }".repeat(depth)
    )
}

fn deep_arrays(depth: usize) -> String {
    format!(
        "{HEAD}[wire]\npreset = \"nested\"\nx = {}1{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    )
}

fn deep_dotted_key(depth: usize) -> String {
    format!(
        "{HEAD}[wire]\npreset = \"nested\"\n{} = 1\n",
        vec!["a"; depth].join(".")
    )
}

fn deep_table_header(depth: usize) -> String {
    format!(
        "{HEAD}[wire]\npreset = \"nested\"\n[{}]\nb = 1\n",
        vec!["a"; depth].join(".")
    )
}

fn deep_error_fields(depth: usize) -> String {
    format!(
        "{HEAD}[wire]\npreset = \"nested\"\n[[errors]]\ncode = \"X\"\nmessage = \"x\"\n[errors.fields]\nid = {}\"string\"{}\n",
        "{ type = ".repeat(depth),
        " }".repeat(depth)
    )
}

/// Each deep catalog must be refused with a diagnostic, not a crash.
fn refused_in_child(test: &str, case: &str, text: fn(usize) -> String) {
    if !in_child(test, case) {
        return;
    }
    let text = text(DEEP);
    let r = timed(case, || load_str(FILE, &text));
    let p = r.expect_err(case);
    assert!(!p.list.is_empty());
    let _ = p.to_string();
}

#[test]
fn deeply_nested_inline_tables() {
    refused_in_child("deeply_nested_inline_tables", "inline", deep_inline_tables);
}

#[test]
fn deeply_nested_arrays() {
    refused_in_child("deeply_nested_arrays", "arrays", deep_arrays);
}

#[test]
fn deeply_nested_dotted_key() {
    refused_in_child("deeply_nested_dotted_key", "dotted", deep_dotted_key);
}

#[test]
fn deeply_nested_table_header() {
    refused_in_child("deeply_nested_table_header", "header", deep_table_header);
}

#[test]
fn deeply_nested_field_type() {
    refused_in_child("deeply_nested_field_type", "field", deep_error_fields);
}

#[test]
fn huge_single_line_values() {
    let big = "x".repeat(10 * 1024 * 1024);
    // Valid: a 10 MB message on one line.
    let text = format!(
        "{HEAD}[wire]\npreset = \"nested\"\n[[errors]]\ncode = \"X\"\nmessage = \"{big}\"\n"
    );
    let c = timed("load a 10 MB message line", || loads(&text));
    assert_eq!(c.errors[0].message.value.len(), big.len());

    // Invalid: an unterminated 10 MB string, and a 10 MB unknown key.
    let text = format!("{HEAD}[wire]\npreset = \"nested\"\n[[errors]]\ncode = \"{big}\n");
    let (p, rendered) = timed("refuse an unterminated 10 MB string", || problems(&text));
    assert!(!p.list.is_empty());
    assert!(
        placed(&rendered[0]),
        "{}",
        &rendered[0][..200.min(rendered[0].len())]
    );
    // An unknown key is compared with every known one for a did-you-mean, in time
    // linear in its length but slow (about 13 s per MB unoptimized, 0.4 s
    // optimized): 100 KB here.
    let key = "k".repeat(100 * 1024);
    let text = format!("{HEAD}{key} = 1\n");
    let (_, rendered) = timed("refuse a 100 KB unknown key", || problems(&text));
    assert!(rendered.iter().any(|r| r.contains("unknown key")));

    // A 1 MB line of array items.
    let items = vec!["\"cause\""; 100_000].join(", ");
    let text = format!(
        "{HEAD}[wire]\npreset = \"nested\"\n[[errors]]\ncode = \"X\"\nmessage = \"x\"\ncauses = [{items}]\n"
    );
    let c = timed("load 100,000 causes on one line", || loads(&text));
    assert_eq!(c.errors[0].causes.len(), 100_000);
}

/// A huge message with braces: an unclosed brace, a million `{{`, a thousand holes.
#[test]
fn huge_brace_heavy_messages() {
    for (what, message, ok) in [
        ("1 MB of `{{`", "{{".repeat(512 * 1024), true),
        // An odd number: the last one is unbalanced.
        ("1 MB of `{`", "{".repeat(1024 * 1024 + 1), false),
        ("1 MB of `}`", "}".repeat(1024 * 1024 + 1), false),
        ("1 MB of `{{x`", "{{x".repeat(300_000), true),
        ("1 MB of `{{{x`", "{{{x".repeat(250_000), false),
        (
            "1 MB then `{`",
            format!("{}{{", "a".repeat(1024 * 1024)),
            false,
        ),
        (
            "`{` then 1 MB",
            format!("{{{}", "a".repeat(1024 * 1024)),
            false,
        ),
        (
            "1 MB placeholder name",
            format!("{{{}}}", "a".repeat(1024 * 1024)),
            false,
        ),
    ] {
        let text = format!(
            "{HEAD}[wire]\npreset = \"nested\"\n[[errors]]\ncode = \"X\"\nmessage = \"{message}\"\n"
        );
        let r = timed(what, || load_str(FILE, &text));
        assert_eq!(r.is_ok(), ok, "{what}: {:?}", r.err().map(|p| p.list.len()));
    }
    // A thousand placeholders, each naming a declared field.
    let mut fields = String::new();
    let mut message = String::new();
    for i in 0..1_000 {
        fields.push_str(&format!("f{i} = \"u32\"\n"));
        message.push_str(&format!("{{f{i}}}, "));
    }
    let text = format!(
        "{HEAD}[wire]\npreset = \"nested\"\n[[errors]]\ncode = \"X\"\nmessage = \"{message}\"\n[errors.fields]\n{fields}"
    );
    let c = timed("1,000 placeholders", || loads(&text));
    assert_eq!(c.errors[0].fields.len(), 1_000);
}

/// Two long patterns under one status: the overlap check between them must not
/// overflow the stack or allocate length x length. Found: `patterns_overlap`
/// recurses once per character and memoizes (len a + 1) x (len b + 1) entries:
/// two 10,000-character messages overflow a 2 MB stack (unoptimized), and these
/// two (20,000) also take 400 MB of memo; two of 100,000 would take 10 GB.
#[test]
fn long_patterns_are_checked_for_overlap() {
    if !in_child("long_patterns_are_checked_for_overlap", "overlap") {
        return;
    }
    let long = "x".repeat(20_000);
    let text = format!(
        "{HEAD}[wire]\npreset = \"message-only\"\n[[errors]]\ncode = \"a\"\nstatus = 400\nmessage = \"{long}a\"\n[[errors]]\ncode = \"b\"\nstatus = 400\nmessage = \"{long}b\"\n"
    );
    let c = timed("overlap of two 20 KB patterns", || loads(&text));
    assert_eq!(c.errors.len(), 2);
}

// ---------------------------------------------------------------------------
// The capture engine
// ---------------------------------------------------------------------------

const NESTED: Layout<'static> = Layout {
    slots: &[
        &["error", "code"],
        &["error", "message"],
        &["error", "details"],
    ],
    fields_at: Some(&["error"]),
};

const FLAT: Layout<'static> = Layout {
    slots: &[&["errorType"], &["error"], &["timestamp"]],
    fields_at: Some(&["details"]),
};

const ROOT: Layout<'static> = Layout {
    slots: &[&["code"], &["detail"]],
    fields_at: Some(&[]),
};

const LAYOUTS: [Layout<'static>; 3] = [NESTED, FLAT, ROOT];

#[test]
fn capture_refuses_what_is_not_an_object() {
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let bodies: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"\xef\xbb\xbf{}".to_vec(),
        b"{\"error\": \"\xff\"}".to_vec(),
        b"{} {}".to_vec(),
        b"{\"a\": 1,}".to_vec(),
        b"{\"a\" 1}".to_vec(),
        b"null".to_vec(),
        b"\"{}\"".to_vec(),
        b"[{}]".to_vec(),
        b"1e999".to_vec(),
        deep_array.into_bytes(),
        "{".repeat(1_000_000).into_bytes(),
        format!("{{\"error\": \"{}", "x".repeat(1_000_000)).into_bytes(),
    ];
    for layout in &LAYOUTS {
        for body in &bodies {
            let r = capture(body, layout);
            assert!(
                r.is_err(),
                "{:?}",
                String::from_utf8_lossy(&body[..body.len().min(40)])
            );
            let _ = r.err().map(|e| e.to_string());
        }
    }
}

#[test]
fn capture_keeps_deep_members_raw() {
    let deep_array = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let mut deep_object = "{\"a\":".repeat(100_000);
    deep_object.push('1');
    deep_object.push_str(&"}".repeat(100_000));
    for deep in [&deep_array, &deep_object] {
        let body = format!(
            r#"{{"error": {{"code": "X", "deep": {deep}}}, "details": {{"d": {deep}}}, "top": {deep}}}"#
        );
        for layout in &LAYOUTS {
            let c = capture(body.as_bytes(), layout).expect("deep members are read raw");
            let kept: usize = c.members.iter().map(|(_, r)| r.len()).sum::<usize>()
                + c.extras.iter().map(|(_, r)| r.len()).sum::<usize>()
                + c.slots
                    .iter()
                    .flatten()
                    .map(|r| r.get().len())
                    .sum::<usize>();
            assert!(kept >= 3 * deep.len(), "every deep member is kept");
        }
    }
    // Deep where an object is expected on the way to a slot: refused (the
    // recursion limit), not a crash.
    let body = format!(r#"{{"error": {deep_array}}}"#);
    let r = capture(body.as_bytes(), &NESTED);
    assert!(r.is_ok() || r.is_err());
    let mut nested = "{\"error\":".repeat(100_000);
    nested.push_str("{}");
    nested.push_str(&"}".repeat(100_000));
    let c = capture(nested.as_bytes(), &NESTED).expect("one level is read, the rest kept raw");
    assert!(c.slot(0).is_none());
}

#[test]
fn capture_long_strings_keys_and_many_members() {
    let long = "k".repeat(1_000_000);
    let escaped = "\\u0041\\n".repeat(100_000);
    let body = format!(
        r#"{{"error": {{"code": "{long}", "message": "{escaped}", "{long}": 1, "{escaped}": 2, "a/b~c": 3}}, "{long}x": "{escaped}"}}"#
    );
    let c = capture(body.as_bytes(), &NESTED).expect("long strings");
    assert_eq!(c.slot_str(0).map(|s| s.len()), Some(long.len()));
    assert_eq!(c.slot_str(1).map(|s| s.chars().count()), Some(200_000));
    let members: Vec<_> = c.members.iter().collect();
    assert_eq!(members.len(), 3);
    assert_eq!(
        members[1].0.chars().count(),
        200_000,
        "escaped key unescaped"
    );
    assert_eq!(c.extras.len(), 1);
    assert_eq!(
        c.extras.iter().next().map_or(0, |e| e.0.len()),
        long.len() + 2
    );

    // 100,000 members in the fields object and at the top.
    let mut many = String::from("{\"details\": {");
    for i in 0..100_000 {
        if i > 0 {
            many.push(',');
        }
        many.push_str(&format!("\"m{i}\": {i}"));
    }
    many.push_str("}, ");
    for i in 0..100_000 {
        many.push_str(&format!("\"t{i}\": {i}, "));
    }
    many.push_str("\"errorType\": \"X\"}");
    let mut c = capture(many.as_bytes(), &FLAT).expect("many members");
    assert_eq!(c.members.iter().count(), 100_000);
    assert_eq!(c.extras.len(), 100_000);
    assert_eq!(c.take_member("m99999"), Some("99999"));
    assert_eq!(c.slot_str(0).as_deref(), Some("X"));

    // Duplicate keys: a slot takes the last; members keep every one, in order.
    let c = capture(
        br#"{"errorType": "A", "errorType": "B", "details": {"x": 1, "x": 2}}"#,
        &FLAT,
    )
    .expect("duplicates");
    assert_eq!(c.slot_str(0).as_deref(), Some("B"));
    assert_eq!(
        c.members.iter().map(|(_, r)| r).collect::<Vec<_>>(),
        ["1", "2"]
    );
}

#[test]
fn capture_hostile_layouts() {
    let body = br#"{"a": {"b": {"c": 1}}, "x": 2}"#;
    // Too many slots: an error, not a panic.
    let seg: &[&str] = &["a"];
    let too_many: Vec<&[&str]> = vec![seg; MAX_SLOTS + 1];
    let layout = Layout {
        slots: &too_many,
        fields_at: None,
    };
    assert!(capture(body, &layout).is_err());
    // Exactly the maximum: two that are present, fourteen that are not.
    let names: Vec<String> = (0..MAX_SLOTS - 2).map(|i| format!("n{i}")).collect();
    let mut max: Vec<Vec<&str>> = vec![vec!["a", "b", "c"], vec!["x"]];
    max.extend(names.iter().map(|n| vec!["a", n.as_str()]));
    let max: Vec<&[&str]> = max.iter().map(Vec::as_slice).collect();
    let c = capture(
        body,
        &Layout {
            slots: &max,
            fields_at: None,
        },
    )
    .expect("sixteen slots");
    assert_eq!(c.slot(0).map(|r| r.get()), Some("1"));
    assert_eq!(c.slot(1).map(|r| r.get()), Some("2"));
    assert!((2..MAX_SLOTS).all(|i| c.slot(i).is_none()));
    // The same pointer twice (generated layouts never do this): one of them is
    // filled, nothing breaks.
    let twice: Vec<&[&str]> = vec![&["x"]; 2];
    let c = capture(
        body,
        &Layout {
            slots: &twice,
            fields_at: None,
        },
    )
    .expect("a repeated slot");
    assert_eq!(c.slots.iter().flatten().count(), 1);
    // A slot that is a prefix of another, the fields object inside a slot, empty
    // pointers, a pointer deeper than the body.
    let deep: Vec<&str> = vec!["a"; 10_000];
    let slots: Vec<&[&str]> = vec![&["a"], &["a", "b"], &[], &deep, &["", ""]];
    for fields_at in [None, Some(&["a", "b"][..]), Some(&[][..]), Some(&deep[..])] {
        let layout = Layout {
            slots: &slots,
            fields_at,
        };
        let c = capture(body, &layout).expect("odd layouts");
        let _ = c.members.iter().count();
    }
}

// ---------------------------------------------------------------------------
// Templates and matching
// ---------------------------------------------------------------------------

#[test]
fn template_parse_hostile() {
    for (what, text, ok) in [
        ("1 MB of `{{`", "{{".repeat(500_000), true),
        ("1 MB of `}}`", "}}".repeat(500_000), true),
        // An odd number: the last one is unbalanced.
        ("1 MB of `{`", "{".repeat(1_000_001), false),
        ("1 MB of `}`", "}".repeat(1_000_001), false),
        ("100,000 holes", "{a}".repeat(100_000), true),
        ("`{{{x`", "{{{x".repeat(100_000), false),
        ("`{x{`", "{x{".repeat(100_000), false),
        ("`{}`", "{}".repeat(100_000), false),
        ("multi-byte names", "{é}".repeat(10), false),
        (
            "a hole at the end of multi-byte text",
            format!("{}{{x}}", "é".repeat(100_000)),
            true,
        ),
    ] {
        let r = timed(&format!("parse {what}"), || Template::parse(&text));
        assert_eq!(r.is_ok(), ok, "{what}: {:?}", r.as_ref().err());
        if let Ok(t) = r {
            let _ = t.render(|_| Some("v".into())).len();
            let _ = t.has_adjacent_holes();
        }
    }
}

#[test]
fn match_pattern_long_texts() {
    let lit = |s: &'static str| PatternSeg::Lit(s);
    let text_hole = PatternSeg::Hole(0, HoleKind::Text);
    let int_hole = PatternSeg::Hole(1, HoleKind::Integer);
    let num_hole = PatternSeg::Hole(2, HoleKind::Number);
    let long = "x".repeat(1_000_000);
    let digits = "7".repeat(1_000_000);
    let seps = ": ".repeat(500_000);
    let multibyte = "é✓😀".repeat(100_000);
    let patterns: Vec<Vec<PatternSeg<'static>>> = vec![
        vec![text_hole],
        vec![lit("x"), text_hole, lit("y")],
        vec![text_hole, lit(": "), text_hole],
        vec![lit("tools["), int_hole, lit("] not found")],
        vec![int_hole, lit("/"), int_hole, lit(")")],
        vec![num_hole, lit(" s")],
        vec![text_hole, int_hole],
        vec![lit("é"), text_hole, lit("😀")],
    ];
    for p in &patterns {
        for t in [&long, &digits, &seps, &multibyte] {
            let what = format!("{} B against {p:?}", t.len());
            let (p2, t2) = (p.clone(), t.clone());
            let r = finishes_within(&what, Duration::from_secs(120), move || {
                match_pattern(&p2, &t2).map(|c| c.len())
            });
            let _ = r;
        }
    }
    assert_eq!(
        match_pattern(&[lit("x"), text_hole, lit("y")], &format!("{long}y")).map(|c| c[0].1.len()),
        Some(long.len() - 1)
    );
    assert_eq!(
        match_pattern(
            &[lit("tools["), int_hole, lit("] not found")],
            &format!("tools[{digits}] not found")
        )
        .map(|c| c[0].1.len()),
        Some(digits.len())
    );
}

/// A pattern with several text placeholders each followed by a literal, against a
/// message made of that literal and missing the final one: the matcher tries every
/// split. It must stay polynomial in the message length (here: a 3 KB message and
/// four placeholders must finish within a minute).
#[test]
fn match_pattern_does_not_backtrack_exponentially() {
    let sep = PatternSeg::Lit(", ");
    let hole = |i| PatternSeg::Hole(i, HoleKind::Text);
    let pattern = vec![
        hole(0),
        sep,
        hole(1),
        sep,
        hole(2),
        sep,
        hole(3),
        PatternSeg::Lit("."),
    ];
    let message = ", ".repeat(1_500);
    let r = finishes_within(
        "4 text holes against 3 KB of separators",
        Duration::from_secs(60),
        move || match_pattern(&pattern, &message).is_some(),
    );
    assert!(!r);
}

/// The same shape at sizes that finish, to show the growth (printed).
#[test]
fn match_pattern_backtracking_growth_is_measured() {
    let sep = PatternSeg::Lit(", ");
    let hole = |i| PatternSeg::Hole(i, HoleKind::Text);
    for holes in 2..=4usize {
        let mut pattern = Vec::new();
        for i in 0..holes {
            if i > 0 {
                pattern.push(sep);
            }
            pattern.push(hole(i));
        }
        pattern.push(PatternSeg::Lit("."));
        for n in [60usize, 120] {
            let message = ", ".repeat(n);
            let p = pattern.clone();
            let r = finishes_within(
                &format!("{holes} text holes, {n} separators"),
                Duration::from_secs(120),
                move || match_pattern(&p, &message).is_some(),
            );
            assert!(!r);
        }
    }
}
