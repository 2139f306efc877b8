//! Deep and huge: deeply nested catalogs (refused in a child process), huge
//! values and brace-heavy messages.

use error_catalog_model::load_str;

use crate::support::{in_child, loads, placed, problems, timed, FILE, HEAD};

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
    refused_in_child(
        "deep_and_huge::deeply_nested_inline_tables",
        "inline",
        deep_inline_tables,
    );
}

#[test]
fn deeply_nested_arrays() {
    refused_in_child("deep_and_huge::deeply_nested_arrays", "arrays", deep_arrays);
}

#[test]
fn deeply_nested_dotted_key() {
    refused_in_child(
        "deep_and_huge::deeply_nested_dotted_key",
        "dotted",
        deep_dotted_key,
    );
}

#[test]
fn deeply_nested_table_header() {
    refused_in_child(
        "deep_and_huge::deeply_nested_table_header",
        "header",
        deep_table_header,
    );
}

#[test]
fn deeply_nested_field_type() {
    refused_in_child(
        "deep_and_huge::deeply_nested_field_type",
        "field",
        deep_error_fields,
    );
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
    if !in_child(
        "deep_and_huge::long_patterns_are_checked_for_overlap",
        "overlap",
    ) {
        return;
    }
    let long = "x".repeat(20_000);
    let text = format!(
        "{HEAD}[wire]\npreset = \"message-only\"\n[[errors]]\ncode = \"a\"\nstatus = 400\nmessage = \"{long}a\"\n[[errors]]\ncode = \"b\"\nstatus = 400\nmessage = \"{long}b\"\n"
    );
    let c = timed("overlap of two 20 KB patterns", || loads(&text));
    assert_eq!(c.errors.len(), 2);
}
