//! Wrong catalogs: wrong keys, wrong types, files that are not UTF-8 or not TOML.

use error_catalog_model::{load_file, load_str};

use crate::support::{placed, problems, temp_file, FILE, HEAD};

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
