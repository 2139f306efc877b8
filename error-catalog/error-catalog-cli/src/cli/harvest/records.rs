//! Reading recorded responses: JSON Lines (one `{"status", "headers", "body"}`
//! object a line, what `UnknownError::record` writes) and HAR 1.2 files (what
//! browsers and proxies export), one record at a time.

use std::fmt;
use std::io::{BufRead, Read};

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// One recorded response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The HTTP status.
    pub status: u16,
    /// The response's headers, in order (the first of a name counts).
    pub headers: Vec<(String, String)>,
    /// The body's bytes: a JSON body as the JSON it is, a text body as its text.
    pub body: Vec<u8>,
}

/// Where a record came from, for messages: the file and its line (JSON
/// Lines) or entry number (HAR), counted from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file as given on the command line.
    pub file: String,
    /// `line N` or `entry N`.
    pub place: String,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.file, self.place)
    }
}

/// A record that could not be read: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Where it was.
    pub origin: Origin,
    /// Why it was skipped, lowercase.
    pub why: String,
}

/// The two input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object a line.
    JsonLines,
    /// A HAR 1.2 document.
    Har,
}

/// The format of a file: HAR when it is named `*.har` or its first line
/// holds a `log` member (or is not a whole JSON value, as the first line of
/// a pretty-printed HAR file is not); JSON Lines otherwise.
pub fn sniff(name: &str, first_line: &str) -> Format {
    if name.to_ascii_lowercase().ends_with(".har") {
        return Format::Har;
    }
    let line = first_line.trim();
    match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(line) {
        Ok(obj) if obj.contains_key("log") && !obj.contains_key("status") => Format::Har,
        Ok(_) => Format::JsonLines,
        Err(_) if line == "{" || line.starts_with("{\"log\"") => Format::Har,
        Err(_) => Format::JsonLines,
    }
}

/// One JSON Lines record as written.
#[derive(Deserialize)]
struct LineRecord<'a> {
    status: Option<u16>,
    #[serde(default)]
    headers: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(borrow)]
    body: Option<&'a RawValue>,
}

/// A body as a record carries it: a JSON string is the body's text (what
/// `UnknownError::record` writes for a body that is not JSON), anything else
/// the JSON as written.
fn body_bytes(raw: Option<&RawValue>) -> Vec<u8> {
    match raw {
        None => Vec::new(),
        Some(raw) if raw.get().starts_with('"') => serde_json::from_str::<String>(raw.get())
            .map(String::into_bytes)
            .unwrap_or_default(),
        Some(raw) if raw.get() == "null" => Vec::new(),
        Some(raw) => raw.get().as_bytes().to_vec(),
    }
}

/// Parses one JSON Lines record.
pub fn parse_line(line: &str) -> Result<Record, String> {
    let r: LineRecord<'_> =
        serde_json::from_str(line).map_err(|e| format!("not a record ({e})"))?;
    let status = r.status.ok_or("the record has no `status`")?;
    if !(100..=599).contains(&status) {
        return Err(format!("status {status} is no HTTP status (100 to 599)"));
    }
    let mut headers: Vec<(String, String)> = Vec::new();
    for (name, value) in r.headers.into_iter().flatten() {
        let value = match value {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        headers.push((name, value));
    }
    Ok(Record {
        status,
        headers,
        body: body_bytes(r.body),
    })
}

/// Reads JSON Lines from `input`, calling `each` with every record (or why a
/// line was skipped); blank lines are passed over. Stops at the first I/O error.
pub fn read_json_lines(
    file: &str,
    mut input: impl BufRead,
    mut each: impl FnMut(Result<Record, Skipped>, &Origin),
) -> std::io::Result<()> {
    let mut line = String::new();
    let mut n = 0usize;
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(());
        }
        n += 1;
        if line.trim().is_empty() {
            continue;
        }
        let origin = Origin {
            file: file.to_string(),
            place: format!("line {n}"),
        };
        let r = parse_line(line.trim_end()).map_err(|why| Skipped {
            origin: origin.clone(),
            why,
        });
        each(r, &origin);
    }
}

// --- HAR 1.2: only the parts a response needs -------------------------------

/// `log.entries[i]`: only its response is read.
#[derive(Deserialize)]
struct HarEntry {
    response: HarResponse,
}

/// `response`.
#[derive(Deserialize)]
struct HarResponse {
    status: i64,
    #[serde(default)]
    headers: Vec<HarHeader>,
    #[serde(default)]
    content: Option<HarContent>,
}

/// One of `response.headers`.
#[derive(Deserialize)]
struct HarHeader {
    name: String,
    value: String,
}

/// `response.content`: the body's text, base64 when `encoding` says so.
#[derive(Deserialize)]
struct HarContent {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    encoding: Option<String>,
}

impl HarEntry {
    fn into_record(self) -> Result<Record, String> {
        let r = self.response;
        // status 0: the browser got no response (blocked, aborted)
        let status = u16::try_from(r.status)
            .ok()
            .filter(|s| (100..=599).contains(s))
            .ok_or_else(|| format!("no response (status {})", r.status))?;
        let body = match r.content {
            Some(HarContent {
                text: Some(text),
                encoding: Some(enc),
            }) if enc.eq_ignore_ascii_case("base64") => {
                base64(&text).ok_or("`content.text` is not base64 though `encoding` says so")?
            }
            Some(HarContent {
                encoding: Some(enc),
                ..
            }) if !enc.is_empty() && !enc.eq_ignore_ascii_case("base64") => {
                return Err(format!("unknown `content.encoding` `{enc}`"))
            }
            Some(HarContent {
                text: Some(text), ..
            }) => text.into_bytes(),
            _ => Vec::new(),
        };
        Ok(Record {
            status,
            headers: r.headers.into_iter().map(|h| (h.name, h.value)).collect(),
            body,
        })
    }
}

/// Standard base64 (RFC 4648, padding optional, whitespace ignored).
fn base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in text.bytes().filter(|b| !b.is_ascii_whitespace()) {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

/// Reads a HAR document from `input`, calling `each` with every entry's
/// response as it is parsed (the document is never held whole).
pub fn read_har(
    file: &str,
    input: impl Read,
    each: impl FnMut(Result<Record, Skipped>, &Origin),
) -> Result<(), String> {
    let mut de = serde_json::Deserializer::from_reader(input);
    let mut state = HarState {
        file,
        n: 0,
        each,
        saw_log: false,
    };
    DocSeed(&mut state)
        .deserialize(&mut de)
        .map_err(|e| format!("not a HAR file: {e}"))?;
    de.end().map_err(|e| format!("not a HAR file: {e}"))?;
    if !state.saw_log {
        return Err("not a HAR file: it has no `log` member".to_string());
    }
    Ok(())
}

/// What the seeds below share: the file's name, the entries seen, the callback.
struct HarState<'f, F> {
    file: &'f str,
    n: usize,
    each: F,
    saw_log: bool,
}

/// The document: `{"log": …}`.
struct DocSeed<'s, 'f, F>(&'s mut HarState<'f, F>);
/// `log`: `{"entries": […], …}`.
struct LogSeed<'s, 'f, F>(&'s mut HarState<'f, F>);
/// `log.entries`: each entry handed on as it is read.
struct EntriesSeed<'s, 'f, F>(&'s mut HarState<'f, F>);

impl<'de, F: FnMut(Result<Record, Skipped>, &Origin)> DeserializeSeed<'de> for DocSeed<'_, '_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(Result<Record, Skipped>, &Origin)> Visitor<'de> for DocSeed<'_, '_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a HAR document (an object with `log`)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "log" {
                self.0.saw_log = true;
                map.next_value_seed(LogSeed(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

impl<'de, F: FnMut(Result<Record, Skipped>, &Origin)> DeserializeSeed<'de> for LogSeed<'_, '_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, F: FnMut(Result<Record, Skipped>, &Origin)> Visitor<'de> for LogSeed<'_, '_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a HAR `log` object")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "entries" {
                map.next_value_seed(EntriesSeed(&mut *self.0))?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

impl<'de, F: FnMut(Result<Record, Skipped>, &Origin)> DeserializeSeed<'de>
    for EntriesSeed<'_, '_, F>
{
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(Result<Record, Skipped>, &Origin)> Visitor<'de> for EntriesSeed<'_, '_, F> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of HAR entries")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let s = self.0;
        loop {
            // an entry that is not a HAR entry is skipped, not fatal
            let entry = seq.next_element::<serde_json::Value>()?;
            let Some(entry) = entry else { return Ok(()) };
            s.n += 1;
            let origin = Origin {
                file: s.file.to_string(),
                place: format!("entry {}", s.n),
            };
            let r = serde_json::from_value::<HarEntry>(entry)
                .map_err(|e| format!("not a HAR entry ({e})"))
                .and_then(HarEntry::into_record)
                .map_err(|why| Skipped {
                    origin: origin.clone(),
                    why,
                });
            (s.each)(r, &origin);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_as_unknown_error_writes_it() {
        let r = parse_line(
            r#"{"status":409,"headers":{"X-Request-Id":"r-7"},"body":{"error":"Agent 42 is suspended","errorType":"AGENT_SUSPENDED"}}"#,
        )
        .unwrap();
        assert_eq!(r.status, 409);
        assert_eq!(r.headers, [("X-Request-Id".to_string(), "r-7".to_string())]);
        assert_eq!(
            r.body,
            br#"{"error":"Agent 42 is suspended","errorType":"AGENT_SUSPENDED"}"#
        );
        // a text body is carried as a JSON string
        let r =
            parse_line(r#"{"status":502,"headers":{},"body":"<html>Bad Gateway</html>"}"#).unwrap();
        assert_eq!(r.body, b"<html>Bad Gateway</html>");
        assert!(parse_line(r#"{"headers":{}}"#).is_err());
        assert!(parse_line(r#"{"status":0,"body":""}"#).is_err());
        assert!(parse_line("not json").is_err());
    }

    #[test]
    fn json_lines_skip_blank_lines_and_name_bad_ones() {
        let text = "{\"status\":404,\"body\":{}}\n\n{oops\n{\"status\":500}\n";
        let mut seen = Vec::new();
        read_json_lines("r.jsonl", text.as_bytes(), |r, o| {
            seen.push((
                r.map(|r| r.status).map_err(|s| s.why.clone()),
                o.place.clone(),
            ))
        })
        .unwrap();
        assert_eq!(seen.len(), 3);
        assert_eq!(seen[0], (Ok(404), "line 1".to_string()));
        assert!(seen[1].0.is_err() && seen[1].1 == "line 3");
        assert_eq!(seen[2], (Ok(500), "line 4".to_string()));
    }

    #[test]
    fn har_entries_are_read_one_by_one() {
        let har = r#"{"log": {"version": "1.2", "creator": {"name": "x", "version": "1"},
          "entries": [
            {"request": {"method": "GET"}, "response": {"status": 404, "headers": [{"name": "X-Request-Id", "value": "a"}],
              "content": {"size": 2, "mimeType": "application/json", "text": "{\"code\": \"NOT_FOUND\"}"}}},
            {"response": {"status": 0, "headers": [], "content": {}}},
            {"response": {"status": 500, "headers": [], "content": {"text": "eyJhIjoxfQ==", "encoding": "base64"}}}
          ]}}"#;
        let mut seen = Vec::new();
        read_har("x.har", har.as_bytes(), |r, o| {
            seen.push((r, o.place.clone()))
        })
        .unwrap();
        assert_eq!(seen.len(), 3);
        let first = seen[0].0.as_ref().unwrap();
        assert_eq!(first.status, 404);
        assert_eq!(first.body, br#"{"code": "NOT_FOUND"}"#);
        assert_eq!(first.headers[0].1, "a");
        assert!(seen[1].0.as_ref().unwrap_err().why.contains("no response"));
        assert_eq!(seen[2].0.as_ref().unwrap().body, br#"{"a":1}"#);
        assert!(read_har("x.har", &b"[1, 2]"[..], |_, _| {}).is_err());
        assert!(read_har("x.har", &b"{\"other\": 1}"[..], |_, _| {}).is_err());
    }

    #[test]
    fn sniffing() {
        assert_eq!(
            sniff("a.jsonl", r#"{"status": 404, "body": {}}"#),
            Format::JsonLines
        );
        assert_eq!(sniff("a.json", "{"), Format::Har);
        assert_eq!(sniff("a.HAR", ""), Format::Har);
        assert_eq!(sniff("a", r#"{"log": {"entries": []}}"#), Format::Har);
    }

    #[test]
    fn base64_decodes() {
        assert_eq!(base64("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(base64("aGVsbG8").unwrap(), b"hello");
        assert!(base64("a*b").is_none());
    }
}
