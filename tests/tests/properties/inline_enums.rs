//! One inline enum per wire preset, carrying every detail type.

use std::fmt::Debug;

use error_catalog::{ApiError, ErrorCatalog, Extra, UnknownError};
use serde_json::Value;

use crate::harness::Subject;

/// An enum with a variant of every required type, one of every optional type and a
/// unit variant. With `at`, every field has its own pointer (`/text`, ...), for the
/// presets without a fields object.
macro_rules! all_types {
    ($name:ident, $wire:literal, $req:literal, $opt:literal) => {
        #[derive(Debug, Clone, PartialEq, ApiError)]
        #[api_error(wire = $wire)]
        pub(crate) enum $name {
            #[api_error(code = "REQUIRED", status = 400, message = $req)]
            Required {
                text: String,
                flag: bool,
                int32: i32,
                int64: i64,
                byte: u8,
                short: u16,
                word: u32,
                long: u64,
                float: f64,
                json: Value,
                #[api_error(extra)]
                extra: Extra,
            },
            #[api_error(code = "OPTIONAL", status = 422, message = $opt)]
            Optional {
                text: Option<String>,
                flag: Option<bool>,
                int32: Option<i32>,
                int64: Option<i64>,
                byte: Option<u8>,
                short: Option<u16>,
                word: Option<u32>,
                long: Option<u64>,
                float: Option<f64>,
                json: Option<Value>,
                #[api_error(extra)]
                extra: Extra,
            },
            #[api_error(
                code = "PLAIN",
                status = 500,
                message = "Plain failure",
                retry = "backoff"
            )]
            Plain,
            #[api_error(unknown)]
            Unknown(UnknownError),
        }
    };
    ($name:ident, $wire:literal, $req:literal, $opt:literal, at) => {
        #[derive(Debug, Clone, PartialEq, ApiError)]
        #[api_error(wire = $wire)]
        pub(crate) enum $name {
            #[api_error(code = "REQUIRED", status = 400, message = $req)]
            Required {
                #[api_error(at = "/text")]
                text: String,
                #[api_error(at = "/flag")]
                flag: bool,
                #[api_error(at = "/int32")]
                int32: i32,
                #[api_error(at = "/int64")]
                int64: i64,
                #[api_error(at = "/byte")]
                byte: u8,
                #[api_error(at = "/short")]
                short: u16,
                #[api_error(at = "/word")]
                word: u32,
                #[api_error(at = "/long")]
                long: u64,
                #[api_error(at = "/float")]
                float: f64,
                #[api_error(at = "/json")]
                json: Value,
                #[api_error(extra)]
                extra: Extra,
            },
            #[api_error(code = "OPTIONAL", status = 422, message = $opt)]
            Optional {
                #[api_error(at = "/text")]
                text: Option<String>,
                #[api_error(at = "/flag")]
                flag: Option<bool>,
                #[api_error(at = "/int32")]
                int32: Option<i32>,
                #[api_error(at = "/int64")]
                int64: Option<i64>,
                #[api_error(at = "/byte")]
                byte: Option<u8>,
                #[api_error(at = "/short")]
                short: Option<u16>,
                #[api_error(at = "/word")]
                word: Option<u32>,
                #[api_error(at = "/long")]
                long: Option<u64>,
                #[api_error(at = "/float")]
                float: Option<f64>,
                #[api_error(at = "/json")]
                json: Option<Value>,
                #[api_error(extra)]
                extra: Extra,
            },
            #[api_error(
                code = "PLAIN",
                status = 500,
                message = "Plain failure",
                retry = "backoff"
            )]
            Plain,
            #[api_error(unknown)]
            Unknown(UnknownError),
        }
    };
}

pub(crate) const REQ_MESSAGE: &str = "required {text} / {flag} / {int32} / {int64} / {byte} / {short} / {word} / {long} / {float} / {json}";
pub(crate) const OPT_MESSAGE: &str = "optional {text} / {flag} / {long} / {float} / {json}";

all_types!(
    StatusAll,
    "status-only",
    "required {text} / {flag} / {int32} / {int64} / {byte} / {short} / {word} / {long} / {float} / {json}",
    "optional {text} / {flag} / {long} / {float} / {json}",
    at
);
all_types!(
    FlatAll,
    "flat",
    "required {text} / {flag} / {int32} / {int64} / {byte} / {short} / {word} / {long} / {float} / {json}",
    "optional {text} / {flag} / {long} / {float} / {json}"
);
all_types!(
    CodedAll,
    "coded",
    "required {text} / {flag} / {int32} / {int64} / {byte} / {short} / {word} / {long} / {float} / {json}",
    "optional {text} / {flag} / {long} / {float} / {json}"
);
// Identified by message: literal messages, so that no field is read from one.
all_types!(
    MessageAll,
    "message-only",
    "every required type",
    "every optional type",
    at
);
all_types!(
    NestedAll,
    "nested",
    "required {text} / {flag} / {int32} / {int64} / {byte} / {short} / {word} / {long} / {float} / {json}",
    "optional {text} / {flag} / {long} / {float} / {json}"
);
all_types!(
    ProblemAll,
    "problem-json",
    "required {text} / {flag} / {int32} / {int64} / {byte} / {short} / {word} / {long} / {float} / {json}",
    "optional {text} / {flag} / {long} / {float} / {json}"
);

subject!(StatusAll {
    extra: [Required, Optional],
    bare: [Plain]
});
subject!(FlatAll { extra: [Required, Optional], bare: [Plain] } de);
subject!(CodedAll { extra: [Required, Optional], bare: [Plain] } de);
subject!(MessageAll {
    extra: [Required, Optional],
    bare: [Plain]
});
subject!(NestedAll { extra: [Required, Optional], bare: [Plain] } de);
subject!(ProblemAll { extra: [Required, Optional], bare: [Plain] } de);

/// The templates above, checked against the `CodeInfo` so the constants stay true.
#[test]
fn inline_templates_are_the_documented_ones() {
    for codes in [
        StatusAll::CODES,
        FlatAll::CODES,
        CodedAll::CODES,
        NestedAll::CODES,
        ProblemAll::CODES,
    ] {
        assert_eq!(codes[0].message, REQ_MESSAGE);
        assert_eq!(codes[1].message, OPT_MESSAGE);
    }
}

/// Per-variant strategies of an all-types enum.
macro_rules! all_types_variants {
    ($name:ident) => {{
        let required = (
            (
                text(),
                any::<bool>(),
                any::<i32>(),
                any::<i64>(),
                any::<u8>(),
            ),
            (
                any::<u16>(),
                any::<u32>(),
                any::<u64>(),
                finite_f64(),
                json(),
            ),
        )
            .prop_map(
                |((text, flag, int32, int64, byte), (short, word, long, float, json))| {
                    $name::Required {
                        text,
                        flag,
                        int32,
                        int64,
                        byte,
                        short,
                        word,
                        long,
                        float,
                        json,
                        extra: x(),
                    }
                },
            )
            .boxed();
        let optional = (
            (
                opt(text()),
                opt(any::<bool>()),
                opt(any::<i32>()),
                opt(any::<i64>()),
                opt(any::<u8>()),
            ),
            (
                opt(any::<u16>()),
                opt(any::<u32>()),
                opt(any::<u64>()),
                opt(finite_f64()),
                opt_json(),
            ),
        )
            .prop_map(
                |((text, flag, int32, int64, byte), (short, word, long, float, json))| {
                    $name::Optional {
                        text,
                        flag,
                        int32,
                        int64,
                        byte,
                        short,
                        word,
                        long,
                        float,
                        json,
                        extra: x(),
                    }
                },
            )
            .boxed();
        vec![required, optional, Just($name::Plain).boxed()]
    }};
}
