//! The wires the presets stand for (`nested`, `flat`, `coded`, ...), and a
//! custom wire's defaults: what `[wire]` means before its own keys apply.

use crate::model::*;
use crate::naming::snake_case;
use error_catalog_core::engine::Identity;

/// The wire a preset stands for.
pub fn preset_wire(preset: WirePreset, at: At) -> Wire {
    let p = |s: &str| Pointer::parse(s).ok().map(|p| Located::new(p, at.clone()));
    let mut w = custom_wire(at.clone());
    let field = |name: &str, ty: FieldType, ptr: &str| Field {
        wire: Located::new(name.to_string(), at.clone()),
        rust: Located::new(snake_case(name), at.clone()),
        ty: Located::new(ty, at.clone()),
        at_ptr: p(ptr),
        doc: None,
        internal: false,
    };
    let opt = |base| FieldType {
        base,
        optional: true,
        list: false,
    };
    match preset {
        WirePreset::StatusOnly => {
            w.message = p("/message");
            w.identity = Identity::Status;
        }
        WirePreset::Flat => {
            w.code = p("/errorType");
            w.message = p("/error");
            w.fields_at = p("/details");
            w.fields
                .push(field("timestamp", opt(BaseType::U64), "/timestamp"));
        }
        WirePreset::Coded => {
            w.code = p("/code");
            w.message = p("/message");
            w.fields_at = p("/details");
            w.suggestion = p("/suggestion");
            w.docs_url = p("/docs_url");
            w.fix_command = p("/fix_command");
        }
        WirePreset::MessageOnly => {
            w.message = p("/error");
            w.identity = Identity::Message;
        }
        WirePreset::Nested => {
            w.code = p("/error/code");
            w.message = p("/error/message");
            w.fields_at = p("/error");
            w.fields
                .push(field("details", opt(BaseType::String), "/error/details"));
            w.fields
                .push(field("field", opt(BaseType::String), "/error/field"));
        }
        WirePreset::ProblemJson => {
            w.code = p("/code");
            w.message = p("/detail");
            w.fields_at = p("");
            w.content_type = "application/problem+json".into();
        }
        WirePreset::OAuth2 => {
            w.code = p("/error");
            w.message = p("/error_description");
            w.docs_url = p("/error_uri");
        }
    }
    if w.code.is_some() {
        w.identity = Identity::Code;
    }
    w.preset = Some(Located::new(preset, at));
    w
}

pub(crate) fn custom_wire(at: At) -> Wire {
    Wire {
        preset: None,
        identity: Identity::Status,
        integer_codes: false,
        code: None,
        code_cut: None,
        code_header: None,
        message: None,
        fields_at: None,
        suggestion: None,
        docs_url: None,
        fix_command: None,
        content_type: "application/json".into(),
        fields: Vec::new(),
        success: Vec::new(),
        envelopes: Vec::new(),
        at,
        damaged: false,
    }
}
