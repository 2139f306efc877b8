//! `docs`, `schema` and `openapi`: what is written from a catalog.

use super::*;

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
