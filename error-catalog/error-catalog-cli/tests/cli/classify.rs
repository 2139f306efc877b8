//! `classify`: a response read as its error.

use super::*;

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
    assert_eq!(v["unread"], serde_json::json!({}));
}

/// An optional field whose value is not of its type is left out of the
/// fields: the error keeps its identity, the value is among the extras and
/// the reason among the unread, by JSON pointer; a required one's value of
/// another type is the fallback, whose reason names its place.
#[test]
fn classify_an_optional_field_of_another_type() {
    let body = KYA_RATE_LIMITED.replace("1707408000000", "\"soon\"");
    let f = Temp::file("classify_unread", "body.json", &body);
    let args = ["classify", "--catalog", "kya", "--status", "429", f.s()];
    let r = run(&args);
    r.expect_code(0);
    assert!(
        r.stdout.starts_with("RATE_LIMITED (KyaError::RateLimited)"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "unread      /timestamp: field `timestamp`: invalid type: string \"soon\", expected u64\n"
        ),
        "{}",
        r.stdout
    );
    let mut json_args = args.to_vec();
    json_args.push("--json");
    let v = run(&json_args).json();
    assert_eq!(v["known"], true);
    assert_eq!(v["fields"].get("timestamp"), None);
    assert_eq!(v["extras"], serde_json::json!({"/timestamp": "soon"}));
    assert_eq!(
        v["unread"],
        serde_json::json!({"/timestamp": "field `timestamp`: invalid type: string \"soon\", expected u64"})
    );

    let body = KYA_RATE_LIMITED.replace("\"retryAfter\": 45", "\"retryAfter\": \"soon\"");
    assert_ne!(body, KYA_RATE_LIMITED);
    let f = Temp::file("classify_unread_required", "body.json", &body);
    let r = run(&[
        "classify",
        "--catalog",
        "kya",
        "--status",
        "429",
        "--json",
        f.s(),
    ]);
    r.expect_code(1);
    let v = r.json();
    assert_eq!(v["known"], false);
    assert_eq!(
        v["reason"],
        "field `retryAfter`: invalid type: string \"soon\", expected u64 (at /details/retryAfter)"
    );
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
    // the mark's member is envelope, not an extra
    assert_eq!(r.json()["extras"], serde_json::json!({}));
    let r = run_with_stdin(&args, r#"{"ok": false, "error": "channel_not_found"}"#);
    assert!(!r.stdout.contains("/ok"), "{}", r.stdout);
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

/// Delays as services send them, rounded up to whole seconds: protobuf
/// `Duration` text and fractional seconds in the body, fractional seconds
/// in a reset header. The generated enum advises the same for these bodies
/// (`tests/tests/retry_delays.rs`).
#[test]
fn classify_rounds_fractional_and_duration_delays_up() {
    let catalog = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/catalogs/retry_delays.toml"
    );
    let args = [
        "classify",
        "--catalog",
        catalog,
        "--status",
        "429",
        "--json",
    ];
    let cases = [
        (
            r#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": "1.5s"}}"#,
            serde_json::json!({"kind": "after", "seconds": 2}),
        ),
        (
            r#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": "30s"}}"#,
            serde_json::json!({"kind": "after", "seconds": 30}),
        ),
        (
            r#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": "-1s"}}"#,
            serde_json::json!({"kind": "backoff", "seconds": null}),
        ),
        (
            r#"{"error": {"code": "RESOURCE_EXHAUSTED", "message": "Quota exceeded", "retryDelay": "1e400s"}}"#,
            serde_json::json!({"kind": "backoff", "seconds": null}),
        ),
        (
            r#"{"error": {"code": "RATE_LIMITED", "message": "You are being rate limited.", "retry_after": 64.57}}"#,
            serde_json::json!({"kind": "after", "seconds": 65}),
        ),
    ];
    for (body, retry) in cases {
        let r = run_with_stdin(&args, body);
        r.expect_code(0);
        assert_eq!(r.json()["retry"], retry, "{body}");
    }
    // a reset in fractional seconds from now, read by the catalog's names
    let mut with_reset = args.to_vec();
    with_reset.extend([
        "--header",
        "X-RateLimit-Remaining: 0",
        "--header",
        "X-RateLimit-Reset-After: 64.57",
    ]);
    let r = run_with_stdin(
        &with_reset,
        r#"{"error": {"code": "SLOW_DOWN", "message": "Slow down"}}"#,
    );
    r.expect_code(0);
    let secs = r.json()["retry"]["seconds"].as_u64();
    assert!(matches!(secs, Some(64..=65)), "{secs:?}");
}
