//! One test per catalog rule: a small broken catalog, the rules its problems
//! break (`expect(text, &[Rule::X])`), each diagnostic's text and its
//! `line:column`. Most catalogs come from [`catalog`], which writes the
//! `[service]` block (lines 1–3) and `[wire]` (line 4, then its keys); the
//! others start with `[service]` on line 1 too, so positions can be checked by
//! counting lines.

use error_catalog_model::load_str;
use error_catalog_model::rules::Rule;

const FILE: &str = "t.toml";

/// A catalog of service `shop`: `[service]` with its `id` and `name` on lines
/// 1 to 3, `[wire]` on line 4 followed by the lines of `wire`, then `rest`
/// (with a one-line `wire`, `rest` starts on line 6).
fn catalog(wire: &str, rest: &str) -> String {
    let mut text = String::from("[service]\nid = \"shop\"\nname = \"Shop\"\n[wire]\n");
    if !wire.is_empty() {
        text.push_str(wire);
        text.push('\n');
    }
    text.push_str(rest);
    text
}

/// The problems of a catalog that must not load, which must break `rules`,
/// in order; returns each rendered diagnostic after its `error[rule-id]: `
/// (`t.toml:line:col: message` + note and help).
fn expect(text: &str, rules: &[Rule]) -> Vec<String> {
    match load_str(FILE, text) {
        Ok(_) => panic!("catalog loaded, but problems were expected:\n{text}"),
        Err(p) => {
            let got: Vec<Rule> = p.list.iter().map(|d| d.rule).collect();
            assert_eq!(got, rules, "the rules broken by:\n{text}\n{p}");
            // `Problems` displays every rendered diagnostic, one after the other.
            let rendered: Vec<String> = p.list.iter().map(|d| d.render(p.file.as_ref())).collect();
            assert_eq!(p.to_string(), rendered.join("\n"));
            rendered
                .iter()
                .zip(&p.list)
                .map(|(r, d)| {
                    let head = format!("error[{}]: ", d.rule.id());
                    match r.strip_prefix(&head) {
                        Some(body) => body.to_string(),
                        None => panic!("`{r}` does not start with `{head}`"),
                    }
                })
                .collect()
        }
    }
}

/// The catalog must load; prints every problem if it does not.
fn loads(text: &str) -> error_catalog_model::model::Catalog {
    load_str(FILE, text).unwrap_or_else(|p| panic!("catalog did not load:\n{p}"))
}

mod conditions;
mod declared_types;
mod examples;
mod identity;
mod keys;
mod reserved;
mod templates;
mod wire;
