//! The run-time core of `error-catalog`: everything code generated from an error
//! catalog calls at run time, and nothing else. It depends on `serde` and
//! `serde_json` only.
//!
//! Users want the `error-catalog` crate, which re-exports [`headers`] and
//! [`retry`] and documents the generated enums. The code generator
//! (`error-catalog-codegen`, over the plan of `error-catalog-model`) and the `error-catalog` CLI use this crate's decoder
//! and templates, so generated code, the CLI and the docs agree by construction.
//!
//! # Glossary
//!
//! One word per concept, in this crate and the crates above it:
//!
//! - **catalog**: a service's errors, written once in TOML.
//! - **entry**: one error of a catalog (code, status, template, fields...).
//! - **wire**: how a service's errors travel in a body: a preset or JSON
//!   pointers to the code, the message and the fields object.
//! - **envelope**: one shape a service's error bodies come in, described by a
//!   wire: `[wire]` describes the main one, `[wire.envelopes.NAME]` others (an
//!   OAuth 2.0 token endpoint's beside an API's own). Each entry comes in one
//!   envelope and each envelope has its plan; a body without the main
//!   envelope's code is read by the next envelope's plan when it carries that
//!   one's code (`decode::Envelopes`).
//! - **identity**: what tells the entries apart in a response: the code, the
//!   message (with the status), or the status alone.
//! - **layout**: the places a wire's bodies are read at: numbered **slots**
//!   (JSON pointers: the code, the message, fields with their own pointer) and
//!   the **fields object**, whose **members** are an entry's own fields. The
//!   layout plus the place of every field of every entry (a slot, a member, or
//!   a hole of the message) is the **placement**, which the code generator and
//!   the CLI compute by one function.
//! - **walk**: reading a body once, handing each slot and member to a **sink**;
//!   the raw sink's result is the body's **capture** (raw JSON per slot and
//!   member, and the members no one declared). "Capture" names this raw
//!   capture only (`Captured`, made lazily by a typed sink as a `LazyCapture`;
//!   where fields are read typed, the sink keeps the undeclared members
//!   itself, `Sink::own_extras`).
//! - **template**: a message with `{field}` placeholders; its **pattern**
//!   matches received messages, each placeholder a **hole**; the texts a
//!   pattern's holes matched are its **hole texts** (`HoleTexts`, `holes` in
//!   code), and a field read from one is placed at a hole (`Place::Hole`).
//! - **table**: an enum's lookup tables (code index, patterns in priority
//!   order, literal messages by hash); to **classify** is to find the entry of
//!   a status, code and message in a table.
//! - **plan**: everything decoding one enum's bodies needs: its layout, table
//!   and the slots of code and message. One pass, **lowering**
//!   (`error_catalog_model::plan::lower`), makes it, owned, as a `PlanBuf`;
//!   generated code prints that as `static` data (`decode::Plan`), the CLI
//!   borrows it as the same `Plan` at run time.
//! - **decode**: walk, classify, build the entry's value, keep its **extra**
//!   (what the body carried beyond the value's fields: undeclared members, a
//!   message that differs from the template, an **envelope text** (the
//!   suggestion, docs URL or fix command a wire places) that differs from the
//!   entry's, an unread body; `Extra`, `KeepExtra`, `decode::EnvelopeText`). What a response is decoded into (a generated enum, its
//!   borrowed view, the CLI's record) implements one trait, `decode::Decode`:
//!   its sink, how an entry's value is built, the fallback's value, where it
//!   keeps its extra.
//! - **unread**: an optional field's value that cannot be read as its type
//!   (`decode::read_optional`, `engine::Unread`): the field reads as absent,
//!   the error keeps its identity, and the value is kept in the extra under
//!   its JSON pointer with the reason (`KeepExtra::keep_unread`). A required
//!   field's value of the wrong type is the fallback, its reason naming the
//!   value's place.
//! - **headers**: a response's headers as a catalog reads them
//!   (`headers::ResponseHeaders`), read once by the names the catalog gives
//!   them (`headers::HeaderNames`, a generated enum's `HEADER_NAMES`: the
//!   roles, the headers it keeps, and its **conditions**, the headers its
//!   `when_header` entries test), with `E::headers(…)` or
//!   `ResponseHeaders::read`. Decoding (`from_parts`, for conditions) and
//!   retry advice (`retry_with`) take that one value.
//! - **delay**: the whole seconds a response asks a client to wait
//!   (`Retry-After`, a rate-limit reset, a body's `retry_after_field`); one
//!   sent with a fraction (`1.5`, `"1.5s"`) is rounded up
//!   (`retry::DelaySeconds`).
//! - **fallback** and **unknown**: the fallback is the decoder's verdict that
//!   a response is no entry it knows (`decode::Fallback`, with the whole body
//!   and the **reason**); an enum holds it in its **unknown** variant, as an
//!   `UnknownError`. The fallback is what happened, unknown is where it lives.
//!
//! The modules generated code and the tools call (`decode`, `engine`,
//! `hole_texts`, `raw_members`) are hidden from these docs: they are internals,
//! and change with the code generator.
//!
//! ```
//! use error_catalog_core::template::Template;
//!
//! let t = Template::parse("Customer {id} not found").unwrap();
//! assert_eq!(t.placeholders().collect::<Vec<_>>(), ["id"]);
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod code_cut;
pub mod command;
#[doc(hidden)]
pub mod decode;
// (beneath both `headers` and `retry`; its items are `retry`'s)
mod delay;
#[doc(hidden)]
pub mod engine;
pub mod field_type;
pub mod headers;
#[doc(hidden)]
pub mod hole_texts;
#[doc(hidden)]
pub mod raw_members;
pub mod retry;
pub mod success;
pub mod template;
