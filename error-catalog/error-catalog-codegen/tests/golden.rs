//! Golden tests of code generation: derive input → tokens → prettyplease text,
//! compared with the checked-in files in `tests/golden/`. After an intended change
//! to generated code, re-bless explicitly:
//! `BLESS=1 cargo test -p error-catalog-codegen --test golden`.

// one copy of the golden helper, the model's (whose crate this one builds on);
// it resolves `tests/<dir>` against the crate compiling it
#[path = "../../error-catalog-model/tests/common/mod.rs"]
mod common;

fn expand(src: &str) -> String {
    let tokens: proc_macro2::TokenStream = src.parse().expect("test input is Rust");
    let out = error_catalog_codegen::derive(tokens);
    let file: syn::File = syn::parse2(out).expect("generated code parses as a file");
    prettyplease::unparse(&file)
}

fn check(name: &str, src: &str) {
    let got = expand(src);
    common::compare_golden(
        "golden",
        &format!("{name}.rs"),
        &got,
        &format!("generated code for `{name}`"),
        "BLESS=1 cargo test -p error-catalog-codegen --test golden",
    );
}

#[test]
fn inline_nested() {
    check(
        "inline_nested",
        r#"
        #[api_error(wire = "nested")]
        enum ShopError {
            #[api_error(code = "NOT_FOUND", status = 404, message = "Customer {id} not found", suggestion = "Check the id")]
            NotFound { id: String, #[api_error(extra)] extra: error_catalog::Extra },
            #[api_error(code = "RATE_LIMITED", status = 429, message = "Too many requests", retry = "after", retry_after_field = "retryAfter")]
            RateLimited { #[api_error(rename = "retryAfter")] retry_after: Option<u64> },
            #[api_error(unknown)]
            Unknown(error_catalog::UnknownError),
        }
        "#,
    );
}

#[test]
fn inline_message_only() {
    check(
        "inline_message_only",
        r#"
        #[api_error(wire = "message-only")]
        enum McpError {
            #[api_error(code = "mcp_limit_reached", status = 403, message = "MCP limit reached ({used}/{limit}). {rest}")]
            LimitReached { used: u32, limit: u32, rest: String },
            #[api_error(code = "not_authenticated", status = 401, message = "Not authenticated")]
            NotAuthenticated,
            #[api_error(unknown)]
            Unknown(error_catalog::UnknownError),
        }
        "#,
    );
}

/// `borrowed`: the view beside the enum, its own build and decode, the enum's
/// impls written for it.
#[test]
fn inline_nested_borrowed() {
    check(
        "inline_nested_borrowed",
        r#"
        #[api_error(wire = "nested", borrowed)]
        pub enum ShopError {
            #[api_error(code = "NOT_FOUND", status = 404, message = "Customer {id} not found")]
            NotFound { id: String, note: Option<String>, #[api_error(extra)] extra: error_catalog::Extra },
            #[api_error(code = "BUSY", status = 503, message = "Busy")]
            Busy,
            #[api_error(unknown)]
            Unknown(error_catalog::UnknownError),
        }
        "#,
    );
}

#[test]
fn diagnostics_come_with_stubs() {
    let got = expand(
        r#"
        enum E {
            #[api_error(code = "A", message = "a", stauts = 404)]
            A,
            #[api_error(unknown)]
            Unknown(error_catalog::UnknownError),
        }
        "#,
    );
    assert!(got.contains("compile_error!"), "{got}");
    assert!(got.contains("did you mean `status`?"), "{got}");
    assert!(
        got.contains("impl ::error_catalog::ApiError for E"),
        "stub impls keep one mistake one error: {got}"
    );
}

#[test]
fn stubs_use_the_crate_path_the_enum_names() {
    let got = expand(
        r#"
        #[api_error(crate = "::my_runtime::errors", wire = "nested")]
        enum E {
            #[api_error(code = "A", message = "a", stauts = 404)]
            A,
            #[api_error(unknown)]
            Unknown(my_runtime::errors::UnknownError),
        }
        "#,
    );
    assert!(got.contains("compile_error!"), "{got}");
    assert!(
        got.contains("impl ::my_runtime::errors::ApiError for E"),
        "stubs follow `crate = ...`: {got}"
    );
    assert!(!got.contains("::error_catalog::"), "{got}");

    // whatever the values around it
    let got = expand(
        r#"
        #[api_error(wire = |a, b| [a, b], crate = "::my_runtime::errors")]
        enum E {
            #[api_error(code = "A", message = "a", status = 404)]
            A,
            #[api_error(unknown)]
            Unknown(my_runtime::errors::UnknownError),
        }
        "#,
    );
    assert!(got.contains("compile_error!"), "{got}");
    assert!(
        got.contains("impl ::my_runtime::errors::ApiError for E"),
        "stubs follow `crate = ...` after any value: {got}"
    );
}

/// A wire whose error is the first element of an array (`*`): the generated
/// walker's `visit_seq`, and the reach its levels report.
#[test]
fn inline_array_element() {
    check(
        "inline_array_element",
        r#"
        #[api_error(code = "/errors/*/code", message = "/errors/*/message", fields_at = "/errors/*", code_type = "integer")]
        enum CfError {
            #[api_error(code = 7003, status = 400, message = "Could not route to the object")]
            CouldNotRoute { documentation_url: Option<String>, #[api_error(extra)] extra: error_catalog::Extra },
            #[api_error(unknown)]
            Unknown(error_catalog::UnknownError),
        }
        "#,
    );
}
