//! JSON text for the pages: a pretty printer that keeps keys in the order they
//! were written, and a small ordered object tree for bodies built from the wire.
//!
//! `serde_json::Value` keeps its objects sorted by key (the workspace builds
//! serde_json without `preserve_order`), so a body parsed into it and printed
//! again would come out in another order than the catalog wrote it.

/// Pretty-prints JSON text with two-space indents, keeping every key, number and
/// string exactly as written and in the order written; `None` when `text` is not
/// JSON.
///
/// The layout is `serde_json::to_string_pretty`'s: one member or element per
/// line, `"key": value`, and `{}` / `[]` for empty containers.
///
/// ```
/// use error_catalog_model::docs::pretty_json;
///
/// let body = r#"{"message":"Rate limited","code":"RATE_LIMITED","tags":[],"n":1.50}"#;
/// assert_eq!(
///     pretty_json(body).as_deref(),
///     Some("{\n  \"message\": \"Rate limited\",\n  \"code\": \"RATE_LIMITED\",\n  \"tags\": [],\n  \"n\": 1.50\n}")
/// );
/// assert_eq!(pretty_json("{not json"), None);
/// ```
pub fn pretty_json(text: &str) -> Option<String> {
    serde_json::from_str::<serde::de::IgnoredAny>(text).ok()?;
    Some(reindent(text))
}

/// Re-lays out JSON text that is known to be valid, token by token.
fn reindent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                copy_string_rest(&mut chars, &mut out);
            }
            '{' | '[' => {
                let close = if c == '{' { '}' } else { ']' };
                while chars.next_if(|c| is_json_space(*c)).is_some() {}
                out.push(c);
                if chars.next_if_eq(&close).is_some() {
                    out.push(close);
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if is_json_space(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Copies the rest of a string literal (after its opening quote) through its
/// closing quote, escapes included.
fn copy_string_rest(chars: &mut impl Iterator<Item = char>, out: &mut String) {
    let mut escaped = false;
    for c in chars {
        out.push(c);
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            return;
        }
    }
}

fn is_json_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// A JSON object whose members stay in insertion order, for bodies the docs
/// build from the wire's pointers; one whose keys all select array elements
/// (`*`, `0`, `[member=value]`) is written as the array they select from.
use error_catalog_core::engine::Select;

#[derive(Debug, Default)]
pub(crate) struct OrderedObject {
    members: Vec<(String, JsonNode)>,
}

#[derive(Debug)]
enum JsonNode {
    /// A string value.
    Text(String),
    /// JSON text written as it is (an integer code).
    Raw(String),
    Object(OrderedObject),
}

impl OrderedObject {
    /// Sets the string at the path `segments`, making the objects on the way.
    /// A path through a string, and the empty path (the whole body), are left
    /// alone; an existing member keeps its place and takes the new value.
    pub(crate) fn insert(&mut self, segments: &[String], value: &str) {
        self.put(segments, JsonNode::Text(value.to_string()));
    }

    /// Sets JSON text (a number) at the path `segments`, as [`Self::insert`] does a string.
    pub(crate) fn insert_raw(&mut self, segments: &[String], json: &str) {
        self.put(segments, JsonNode::Raw(json.to_string()));
    }

    fn put(&mut self, segments: &[String], value: JsonNode) {
        let Some((first, rest)) = segments.split_first() else {
            return;
        };
        let i = match self.members.iter().position(|(k, _)| k == first) {
            Some(i) => i,
            None => {
                let empty = if rest.is_empty() {
                    JsonNode::Text(String::new())
                } else {
                    JsonNode::Object(OrderedObject::default())
                };
                self.members.push((first.clone(), empty));
                self.members.len() - 1
            }
        };
        let Some((_, member)) = self.members.get_mut(i) else {
            return;
        };
        match (rest.is_empty(), member) {
            (true, m) => *m = value,
            (false, JsonNode::Object(o)) => o.put(rest, value),
            (false, JsonNode::Text(_) | JsonNode::Raw(_)) => {}
        }
    }

    /// The object as pretty-printed JSON, members in insertion order.
    pub(crate) fn to_pretty(&self) -> String {
        let mut compact = String::new();
        self.write_compact(&mut compact);
        reindent(&compact)
    }

    fn write_compact(&self, out: &mut String) {
        if let Some(elements) = self.elements() {
            out.push('[');
            for (i, (member, node)) in elements.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                match (member, node) {
                    (_, None) => out.push_str("{}"),
                    (Some((key, value)), Some(JsonNode::Object(o))) => {
                        o.write_compact_with(out, Some((key, value)));
                    }
                    (_, Some(node)) => node.write_compact(out),
                }
            }
            out.push(']');
            return;
        }
        self.write_compact_with(out, None);
    }

    /// An object whose every key selects array elements is an array: its
    /// elements in order (an index's at its place, `{}` before it), each with
    /// the member a `[member=value]` selector requires; `None` for an object.
    #[allow(clippy::type_complexity)]
    fn elements(&self) -> Option<Vec<(Option<(&str, &str)>, Option<&JsonNode>)>> {
        if self.members.is_empty() {
            return None;
        }
        let mut out: Vec<(Option<(&str, &str)>, Option<&JsonNode>)> = Vec::new();
        let mut rest = Vec::new();
        for (key, node) in &self.members {
            match Select::of(key)? {
                // (an index past a few hundred is no sample: written last)
                Select::Index(i) if i < 256 => {
                    if out.len() <= i {
                        out.resize(i + 1, (None, None));
                    }
                    out[i] = (None, Some(node));
                }
                Select::Index(_) | Select::First => rest.push((None, Some(node))),
                Select::Where { member, value } => rest.push((Some((member, value)), Some(node))),
            }
        }
        out.extend(rest);
        Some(out)
    }

    fn write_compact_with(&self, out: &mut String, first: Option<(&str, &str)>) {
        out.push('{');
        if let Some((key, value)) = first {
            write_string(out, key);
            out.push(':');
            write_string(out, value);
            if !self.members.is_empty() {
                out.push(',');
            }
        }
        for (i, (key, member)) in self.members.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_string(out, key);
            out.push(':');
            member.write_compact(out);
        }
        out.push('}');
    }
}

impl JsonNode {
    fn write_compact(&self, out: &mut String) {
        match self {
            JsonNode::Text(s) => write_string(out, s),
            JsonNode::Raw(json) => out.push_str(json),
            JsonNode::Object(o) => o.write_compact(out),
        }
    }
}

/// Writes `s` as a JSON string literal (escapes as serde_json writes them).
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pretty(text: &str) -> String {
        pretty_json(text).unwrap_or_else(|| panic!("not JSON: {text}"))
    }

    #[test]
    fn keys_keep_their_written_order() {
        let got = pretty(r#"{"z":1,"a":{"y":true,"b":null},"m":[3,1,2]}"#);
        assert_eq!(
            got,
            "{\n  \"z\": 1,\n  \"a\": {\n    \"y\": true,\n    \"b\": null\n  },\n  \"m\": [\n    3,\n    1,\n    2\n  ]\n}"
        );
    }

    #[test]
    fn same_layout_as_serde_json_when_keys_are_sorted() {
        let text = r#" { "a" : [ 1 , { "b" : "x" } , [ ] , { } ] ,
            "c" : { "d" : -2 , "e" : [ [ ] ] } , "f" : false } "#;
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(pretty(text), serde_json::to_string_pretty(&v).unwrap());
    }

    #[test]
    fn strings_are_copied_verbatim() {
        let text = r#"{"s":"a, b: {c} [d] \"e\" \\","u":"caf\u00e9 ☕","t":"x\\"}"#;
        assert_eq!(
            pretty(text),
            "{\n  \"s\": \"a, b: {c} [d] \\\"e\\\" \\\\\",\n  \"u\": \"caf\\u00e9 ☕\",\n  \"t\": \"x\\\\\"\n}"
        );
    }

    #[test]
    fn numbers_and_scalars_as_written() {
        assert_eq!(pretty(" 1.50e3 "), "1.50e3");
        assert_eq!(pretty("\"top\""), "\"top\"");
        assert_eq!(pretty("[]"), "[]");
        assert_eq!(pretty("{ \n }"), "{}");
    }

    #[test]
    fn already_pretty_text_is_unchanged() {
        let text = "{\n  \"error\": \"Rate limit exceeded\",\n  \"errorType\": \"RATE_LIMITED\",\n  \"details\": {\n    \"tier\": 1\n  }\n}";
        assert_eq!(pretty(text), text);
    }

    #[test]
    fn not_json_is_none() {
        for text in ["", "{", r#"{"a":1,}"#, r#"{"a":1} x"#, "'a'", r#"{"a" 1}"#] {
            assert_eq!(pretty_json(text), None, "{text:?}");
        }
    }

    #[test]
    fn ordered_object_keeps_insertion_order() {
        let mut o = OrderedObject::default();
        let seg = |p: &str| -> Vec<String> { p.split('/').map(str::to_string).collect() };
        o.insert(&seg("error/message"), "Not \"found\"\n");
        o.insert(&seg("error/code"), "NOT_FOUND");
        o.insert(&seg("error/id"), "<string>");
        o.insert(&seg("error/code"), "AGAIN");
        o.insert(&seg("error/code/deeper"), "ignored: a string is in the way");
        o.insert(&[], "ignored: the whole body");
        let got = o.to_pretty();
        assert_eq!(
            got,
            "{\n  \"error\": {\n    \"message\": \"Not \\\"found\\\"\\n\",\n    \"code\": \"AGAIN\",\n    \"id\": \"<string>\"\n  }\n}"
        );
        let v: serde_json::Value = serde_json::from_str(&got).unwrap();
        assert_eq!(v["error"]["message"], "Not \"found\"\n");
    }

    #[test]
    fn ordered_object_escapes_control_characters() {
        let mut o = OrderedObject::default();
        o.insert(&["k\u{1}".to_string()], "\u{1f}\t\\");
        let got = o.to_pretty();
        let v: serde_json::Value = serde_json::from_str(&got).unwrap();
        assert_eq!(v["k\u{1}"], "\u{1f}\t\\");
        assert_eq!(got, "{\n  \"k\\u0001\": \"\\u001f\\t\\\\\"\n}");
    }
}
