//! Property tests: any value of any generated enum survives its own envelope and
//! problem+json; Display never panics; classifying arbitrary bytes never panics and
//! a fallback keeps the exact body.
//!
//! Values are generated for every variant of the five bundled enums and of six
//! inline enums (one per wire preset) whose variants carry every detail type the
//! format knows (`String`, `bool`, `i32`, `i64`, `u8`, `u16`, `u32`, `u64`, `f64`,
//! `serde_json::Value`, and `Option` of each).
//!
//! Constraints on generated values, each forced by what the wire can carry back:
//!
//! - `f64` values are finite (JSON has no NaN or infinity).
//! - `Option<serde_json::Value>` is never `Some(Value::Null)`: on the wire that is
//!   `null`, which reads back as `None`.
//! - A received message kept in `Extra` differs from the message the template
//!   renders (an equal one is not kept twice, by design). For enums identified by
//!   message or status it also must not be a message that identifies a different
//!   error, so only the patterns an error lists are used there.
//! - AIronClaw's message-only variants read their fields back from the message:
//!   - a text placeholder that is the LAST thing in the message may hold anything
//!     (`InvalidJwksJson.reason`, `RuleSchemaRejected.reason`, `McpLimitReached.rest`,
//!     `ApiKeyLimitReached.rest`, `UpstreamMcpError.upstream`);
//!   - a text placeholder in the middle must not contain the literal that follows it
//!     (`RuleSchemaRejected.field` holds no `": "`), and must not make the message
//!     match a pattern of higher priority (`RuleSchemaRejected.field` is not
//!     `auth.jwksJson`, which would read as `InvalidJwksJson`);
//!   - integer placeholders (`ToolNotFound.index`, `used`, `limit`) take any `u32`.

#[macro_use]
mod harness;
mod bundled_enums;
mod strategies;
#[macro_use]
mod inline_enums;
mod arbitrary_bodies;
mod roundtrips;
