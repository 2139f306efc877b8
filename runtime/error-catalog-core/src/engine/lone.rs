//! A body that is one object holding one string member, found in one scan.
//!
//! Message-only wires (`{"error": "Key not found"}`) send nothing else; the scan
//! gives the string without setting up a JSON parser. It accepts only what any
//! JSON parser reads the same way (no escapes, JSON whitespace only, nothing
//! after the object) and says `None` to everything else, which then takes the
//! full parse.

use crate::raw_members::MAX_PART;

/// The string value of `body` when `body` is a JSON object holding exactly one
/// member, named `key`, whose value is a string without escapes: what a full
/// parse would give for such a body. `None` for every other body (including
/// valid JSON the scan leaves to the parser: escapes, other members, larger than
/// a full walk reads).
///
/// ```
/// use error_catalog_core::engine::lone_member;
/// assert_eq!(lone_member(br#"{"error":"Key not found"}"#, "error"), Some("Key not found"));
/// assert_eq!(lone_member(b" {\n\"error\" : \"x\" } ", "error"), Some("x"));
/// assert_eq!(lone_member(br#"{"error":"a","code":1}"#, "error"), None);
/// assert_eq!(lone_member(br#"{"error":"say \"hi\""}"#, "error"), None);
/// assert_eq!(lone_member(br#"{"message":"x"}"#, "error"), None);
/// assert_eq!(lone_member(br#"{"error":"x"} 1"#, "error"), None);
/// ```
pub fn lone_member<'b>(body: &'b [u8], key: &str) -> Option<&'b str> {
    if body.len() > MAX_PART / 2 {
        return None;
    }
    let r = ws(body).strip_prefix(b"{")?;
    let (k, r) = plain_string(ws(r))?;
    if k != key.as_bytes() {
        return None;
    }
    let r = ws(r).strip_prefix(b":")?;
    let (v, r) = plain_string(ws(r))?;
    let r = ws(r).strip_prefix(b"}")?;
    if !ws(r).is_empty() {
        return None;
    }
    std::str::from_utf8(v).ok()
}

/// `r` after its leading JSON whitespace.
#[inline]
fn ws(r: &[u8]) -> &[u8] {
    let n = r
        .iter()
        .take_while(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
        .count();
    r.get(n..).unwrap_or_default()
}

/// A string at the start of `r` with neither escapes nor control characters:
/// (its bytes between the quotes, what follows it).
#[inline]
fn plain_string(r: &[u8]) -> Option<(&[u8], &[u8])> {
    let r = r.strip_prefix(b"\"")?;
    let end = stop(r)?;
    let (text, rest) = r.split_at_checked(end)?;
    // (the byte that ended the text must be the closing quote)
    Some((text, rest.strip_prefix(b"\"")?))
}

/// The index of the first `"`, `\\` or control character in `r`: eight bytes at
/// a time while none of the eight is one, then byte by byte.
#[inline]
fn stop(r: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = ONES * 0x80;
    // (a byte of `v` is zero, or below 0x20: each test is exact as to whether
    // any byte is, which is all the loop asks)
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    let mut at = 0;
    for chunk in r.chunks_exact(8) {
        let x = u64::from_le_bytes(chunk.try_into().ok()?);
        let control = x.wrapping_sub(ONES * 0x20) & !x & HIGHS;
        if control | zero(x ^ (ONES * u64::from(b'"'))) | zero(x ^ (ONES * u64::from(b'\\'))) != 0 {
            break;
        }
        at += 8;
    }
    let tail = r.get(at..)?;
    let n = tail
        .iter()
        .position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
    Some(at + n)
}

#[cfg(test)]
mod tests {
    use super::lone_member;
    use serde_json::{Map, Value};

    /// What a full parse says: the string value when the body is an object with
    /// exactly the member `key` holding a string.
    fn parsed(body: &[u8], key: &str) -> Option<String> {
        let text = std::str::from_utf8(body).ok()?;
        let map: Map<String, Value> = serde_json::from_str(text).ok()?;
        match (map.len(), map.get(key)) {
            (1, Some(Value::String(s))) => Some(s.clone()),
            _ => None,
        }
    }

    /// Every body the scan accepts, a full parse reads as the same one member; and
    /// the plain bodies message-only wires send are accepted.
    #[test]
    fn agrees_with_a_full_parse() {
        let pieces: [&[u8]; 24] = [
            b"{",
            b"}",
            b"\"",
            b":",
            b",",
            b" ",
            b"\n",
            b"\t",
            b"\r",
            b"\x0c",
            b"error",
            b"Key",
            b"\\",
            b"\\\"",
            b"\x01",
            b"\x1f",
            b"\x7f",
            b"\xc3\xa9",
            b"\xff",
            b"1",
            b"null",
            b"[",
            b"]",
            b"e",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            usize::try_from(seed % n as u64).unwrap_or(0)
        };
        let plain: &[&[u8]] = &[
            br#"{"error":"Key not found"}"#,
            br#"{"error":"tools[2] not found on this MCP server"}"#,
            b"{ \"error\" : \"\xc3\xa9t\xc3\xa9\" }\n",
            br#"{"error":""}"#,
        ];
        let mut accepted = 0;
        for round in 0..200_000 {
            let mut body: Vec<u8> = plain[round % plain.len()].to_vec();
            // mutate a few times: a piece inserted, or in place of a byte, or a byte deleted
            for _ in 0..next(4) {
                let at = next(body.len() + 1);
                let piece = pieces[next(pieces.len())];
                let end = (at + next(2)).min(body.len());
                let with = if next(3) == 0 { &[][..] } else { piece };
                body.splice(at..end, with.iter().copied());
            }
            if let Some(s) = lone_member(&body, "error") {
                accepted += 1;
                assert_eq!(
                    Some(s.to_string()),
                    parsed(&body, "error"),
                    "{}",
                    String::from_utf8_lossy(&body)
                );
            }
        }
        // the unmutated bodies and many mutations are accepted, or the
        // comparison above says little
        assert!(accepted > 50_000, "only {accepted} accepted");
        for body in plain {
            assert!(lone_member(body, "error").is_some());
        }
    }

    #[test]
    fn refuses_what_it_leaves_to_the_parser() {
        for body in [
            &br#"{"error":"a","error":"b"}"#[..],
            br#"{"error":"a",}"#,
            br#"{"error":1}"#,
            br#"{"error":"a\u0041"}"#,
            b"{\"error\":\"tab\there\"}",
            b"\xef\xbb\xbf{\"error\":\"bom\"}",
            b"{\"error\":\"\xff\"}",
            br#"{"error":"x""#,
            br#"{"err":"x"}"#,
            b"",
        ] {
            assert_eq!(
                lone_member(body, "error"),
                None,
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }
}
