//! `explain`: a code or a rule explained.

use super::*;

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
