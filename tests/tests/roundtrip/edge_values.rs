//! Edge values: fields named like problem+json members, empty text and text
//! holding separators.

use std::fmt::Debug;

use error_catalog::{ApiError, Extra, UnknownError};
use error_catalog_services::aironclaw::AironclawError;

use crate::harness::{roundtrip, through_envelope, through_problem, x, Wire};
use crate::preset_enums::MessageOnly;

#[derive(Debug, Clone, PartialEq, ApiError)]
#[api_error(wire = "coded")]
enum MemberNames {
    #[api_error(code = "conflict", status = 409, message = "Customer is {status}")]
    Conflict {
        status: String,
        #[api_error(rename = "type")]
        kind: String,
        title: String,
        #[api_error(extra)]
        extra: Extra,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}
wire_de!(MemberNames);

/// Fields whose wire names are problem+json's own members (`status`, `type`,
/// `title`...) are valid in a catalog and travel fine in the service's envelope,
/// so they must survive problem+json too.
#[test]
fn fields_named_like_problem_members() {
    let e = MemberNames::Conflict {
        status: "UNDER_REVIEW".into(),
        kind: "customer".into(),
        title: "Ms".into(),
        extra: x(),
    };
    through_envelope("member names", &e);
    through_problem("member names", &e);
}

/// An empty text placeholder is a valid value; its message must still identify it.
#[test]
fn empty_text_placeholders() {
    roundtrip(
        "message-only empty placeholder",
        &[
            MessageOnly::Limit {
                used: 3,
                limit: 3,
                rest: String::new(),
                extra: x(),
            },
            MessageOnly::Upstream {
                upstream: String::new(),
                extra: x(),
            },
        ],
    );
    roundtrip(
        "aironclaw empty placeholder",
        &[AironclawError::McpLimitReached {
            used: 3,
            limit: 3,
            rest: String::new(),
            extra: x(),
        }],
    );
}

/// A text placeholder holding the separator that follows it still splits the
/// message back into the same fields.
#[test]
fn text_placeholders_holding_separators() {
    roundtrip(
        "aironclaw separators",
        &[
            AironclawError::RuleSchemaRejected {
                field: "rules[0]".into(),
                reason: "action: must be allow or deny".into(),
                extra: x(),
            },
            AironclawError::McpLimitReached {
                used: 1,
                limit: 2,
                rest: "(1/2). Delete an unused MCP first.".into(),
                extra: x(),
            },
            AironclawError::UpstreamMcpError {
                upstream: "{\"error\": \"nested\"}".into(),
                extra: x(),
            },
        ],
    );
}
