//! The catalog model: one typed tree that parsing fills, validation checks and
//! code generation, docs and the CLI read. Every node remembers where it came from.

use std::ops::Range;
use std::path::PathBuf;

use error_catalog_core::engine::{Identity, Select};
use error_catalog_core::template::{Template, TemplateError};

/// Where a model node came from.
#[derive(Debug, Clone, Default)]
pub enum At {
    /// Made up by defaults; reported at the enclosing item.
    #[default]
    Nowhere,
    /// A byte range in the catalog file's text.
    Toml(Range<usize>),
    /// A place in Rust source (derive attributes), by the number the code
    /// generator gave it: it keeps the spans, the model stays free of them.
    Rust(u32),
}

impl At {
    /// The better of two places: `self` unless it is [`At::Nowhere`].
    pub fn or(&self, other: &At) -> At {
        match self {
            At::Nowhere => other.clone(),
            a => a.clone(),
        }
    }
}

/// A value and where it came from.
#[derive(Debug, Clone)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub at: At,
}

impl<T> Located<T> {
    /// A value with its place.
    pub fn new(value: T, at: At) -> Self {
        Located { value, at }
    }

    /// A value with no place (a default).
    pub fn nowhere(value: T) -> Self {
        Located {
            value,
            at: At::Nowhere,
        }
    }
}

/// The text of a catalog file, for turning byte offsets into line:column.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as it should be shown to the user.
    pub path: PathBuf,
    /// The file's contents.
    pub text: String,
}

impl SourceFile {
    /// Byte offsets where each line starts, for [`SourceFile::line_col_in`].
    pub fn line_starts(&self) -> Vec<usize> {
        std::iter::once(0)
            .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
            .collect()
    }

    /// [`SourceFile::line_col`] with a precomputed [`SourceFile::line_starts`]:
    /// what rendering many diagnostics of one file uses.
    pub fn line_col_in(&self, starts: &[usize], offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = starts.partition_point(|&s| s <= offset).max(1);
        let start = starts.get(line - 1).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..offset)
            .map_or(1, |t| t.chars().count() + 1);
        (line, col)
    }

    /// 1-based (line, column) of a byte offset; columns count characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = self.text.get(..offset).unwrap_or(&self.text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |p| p + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }
}

/// A whole catalog: one service and its errors.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// The file it was read from (absent for inline derive attributes).
    pub file: Option<SourceFile>,
    /// Who the service is.
    pub service: Service,
    /// How its errors travel.
    pub wire: Wire,
    /// Response headers it sends.
    pub headers: Headers,
    /// Published rate limits.
    pub rate_limits: Vec<RateLimitPolicy>,
    /// Every error, in catalog order.
    pub errors: Vec<ErrorEntry>,
    /// The object types its fields may hold (`[types.Name]`), in catalog order:
    /// a field type's [`BaseType::Object`] is an index into this list.
    pub types: Vec<ObjectType>,
    /// `reserved`: codes the service no longer uses and no error may take
    /// again, in catalog order.
    pub reserved: Vec<Reserved>,
}

/// One `reserved` code: a code an error may never use again (it once meant
/// something else to clients).
#[derive(Debug, Clone)]
pub struct Reserved {
    /// The code's text (an integer code as its decimal text).
    pub code: Located<String>,
    /// Why it is reserved (`{ code = "OLD", reason = "…" }`).
    pub reason: Option<String>,
}

impl Catalog {
    /// The wire entry `e` comes in: its envelope's, or `[wire]`.
    pub fn wire_of(&self, e: &ErrorEntry) -> &Wire {
        e.envelope
            .as_ref()
            .and_then(|i| self.wire.envelopes.get(i.value))
            .map_or(&self.wire, |env| &env.wire)
    }

    /// The envelope entry `e` comes in, as plans number them: 0 for
    /// `[wire]`, 1 + its index for one of `[wire.envelopes]`.
    pub fn envelope_number(e: &ErrorEntry) -> u8 {
        e.envelope
            .as_ref()
            .map_or(0, |i| u8::try_from(i.value + 1).unwrap_or(u8::MAX))
    }

    /// The names of the declared object types, in order: what a
    /// [`FieldType`]'s name and Rust type are written with.
    pub fn type_names(&self) -> Vec<&str> {
        self.types.iter().map(|t| t.name.value.as_str()).collect()
    }

    /// The declared object types as the decoder reads them.
    pub fn shapes(&self) -> Vec<error_catalog_core::decode::ObjectShape<'_>> {
        self.types
            .iter()
            .map(|t| error_catalog_core::decode::ObjectShape {
                name: &t.name.value,
                members: t.members.iter().map(|m| m.wire.value.as_str()).collect(),
                types: t.members.iter().map(|m| m.ty.value).collect(),
            })
            .collect()
    }

    /// A field type as the catalog writes it (`[ValidationError]?`).
    pub fn type_text(&self, ty: FieldType) -> String {
        ty.name(&self.type_names())
    }

    /// True when some entry has `when` conditions or is sent without a code:
    /// such entries are classified after the whole body is read (no compiled
    /// shortcut knows them).
    pub fn conditional(&self) -> bool {
        self.errors.iter().any(|e| {
            !e.when.is_empty()
                || !e.when_headers.is_empty()
                || !e.sends_code()
                || e.code_range.is_some()
        })
    }
}

/// `[service]`.
#[derive(Debug, Clone, Default)]
pub struct Service {
    /// snake_case id, the module name.
    pub id: Located<String>,
    /// Display name.
    pub name: Located<String>,
    /// The generated enum's name.
    pub enum_name: Located<String>,
    /// Base documentation URL.
    pub docs_url: Option<Located<String>>,
    /// A paragraph about the service.
    pub description: Option<String>,
    /// `non_exhaustive` (true unless set to false): the generated enum and its
    /// variants are `#[non_exhaustive]`, so a new error or field is not a
    /// breaking change for code that uses the enum.
    pub non_exhaustive: Located<bool>,
}

impl<T: Default> Default for Located<T> {
    fn default() -> Self {
        Located::nowhere(T::default())
    }
}

/// A JSON pointer, kept as written and split into unescaped segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pointer {
    /// As written, e.g. `/error/code`.
    pub text: String,
    /// Unescaped segments, e.g. `["error", "code"]`.
    pub segments: Vec<String>,
}

impl Pointer {
    /// Parses an RFC 6901 pointer (`""` is the whole body). Where the body
    /// holds an array, a segment selects its elements
    /// ([`error_catalog_core::engine::Select`]): an index (`/errors/0/code`),
    /// `*` (the first element holding the rest), or `[member=value]` (the
    /// first element whose `member` is `value`; a `/` inside the brackets is
    /// part of the value).
    ///
    /// ```
    /// use error_catalog_model::model::Pointer;
    /// assert_eq!(Pointer::parse("/a~1b/c").unwrap().segments, ["a/b", "c"]);
    /// assert_eq!(
    ///     Pointer::parse("/error/details/[@type=type.googleapis.com/google.rpc.ErrorInfo]/reason").unwrap().segments,
    ///     ["error", "details", "[@type=type.googleapis.com/google.rpc.ErrorInfo]", "reason"]
    /// );
    /// assert!(Pointer::parse("error/code").is_err());
    /// assert!(Pointer::parse("/details/[@type/reason").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Pointer, String> {
        if text.is_empty() {
            return Ok(Pointer {
                text: String::new(),
                segments: Vec::new(),
            });
        }
        let Some(rest) = text.strip_prefix('/') else {
            return Err(format!("`{text}` is not a JSON pointer: it must start with `/` (or be `\"\"` for the whole body)"));
        };
        let mut segments = Vec::new();
        let mut left = rest;
        loop {
            // a selector's brackets hold its value whole, `/` included
            let end = if left.starts_with('[') {
                match left.find("]/") {
                    Some(i) => i + 1,
                    None if left.ends_with(']') => left.len(),
                    None => {
                        return Err(format!(
                            "`{text}`: the selector `{left}` has no closing `]`"
                        ))
                    }
                }
            } else {
                left.find('/').unwrap_or(left.len())
            };
            let segment = left[..end].replace("~1", "/").replace("~0", "~");
            Select::check(&segment).map_err(|e| format!("`{text}`: {e}"))?;
            segments.push(segment);
            match left.get(end + 1..) {
                Some(next) => left = next,
                None => break,
            }
        }
        // spelled as `Pointer::child` spells it, so that pointers built from
        // segments name the same places
        let mut text = String::new();
        for seg in &segments {
            text.push('/');
            text.push_str(&Pointer::escape(seg));
        }
        Ok(Pointer { text, segments })
    }

    /// A segment as a pointer spells it: `~` and `/` escaped (`~0`, `~1`),
    /// but for a `[member=value]` selector, whose brackets hold it whole.
    ///
    /// ```
    /// use error_catalog_model::model::Pointer;
    /// assert_eq!(Pointer::escape("a/b~c"), "a~1b~0c");
    /// assert_eq!(Pointer::escape("[@type=x/y]"), "[@type=x/y]");
    /// ```
    pub fn escape(segment: &str) -> std::borrow::Cow<'_, str> {
        error_catalog_core::engine::escape_segment(segment)
    }

    /// True when a segment of the pointer selects array elements.
    ///
    /// ```
    /// use error_catalog_model::model::Pointer;
    /// assert!(Pointer::parse("/errors/*/code").unwrap().selects());
    /// assert!(!Pointer::parse("/error/code").unwrap().selects());
    /// ```
    pub fn selects(&self) -> bool {
        self.segments.iter().any(|s| Select::of(s).is_some())
    }

    /// The pointer one level deeper.
    pub fn child(&self, key: &str) -> Pointer {
        let mut segments = self.segments.clone();
        segments.push(key.to_string());
        let esc = Pointer::escape(key);
        Pointer {
            text: format!("{}/{}", self.text, esc),
            segments,
        }
    }
}

/// `[wire] code_cut = { after = "#", before = ":" }`: the code is what lies
/// after the last `after` and before the first `before` (each optional,
/// never empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeCutText {
    /// The code follows the last occurrence of this text.
    pub after: Option<String>,
    /// The code precedes the first occurrence of this text.
    pub before: Option<String>,
}

impl CodeCutText {
    /// The cut as the decoder applies it.
    ///
    /// ```
    /// use error_catalog_model::model::CodeCutText;
    /// let cut = CodeCutText { after: Some("#".into()), before: None };
    /// assert_eq!(cut.as_cut().apply("ns#Code".into()), "Code");
    /// ```
    pub fn as_cut(&self) -> error_catalog_core::code_cut::CodeCut<'_> {
        error_catalog_core::code_cut::CodeCut {
            after: self.after.as_deref(),
            before: self.before.as_deref(),
        }
    }
}

/// `[wire]`, resolved: presets are expanded by the parser.
#[derive(Debug, Clone)]
pub struct Wire {
    /// The preset named, if any.
    pub preset: Option<Located<WirePreset>>,
    /// What identifies an error.
    pub identity: Identity,
    /// `code_type = "integer"`: codes are JSON numbers (`-32601`), written in
    /// the catalog as TOML integers; their text is the number as written.
    pub integer_codes: bool,
    /// Where the code is.
    pub code: Option<Located<Pointer>>,
    /// `code_cut`: how the code is cut out of the text received.
    pub code_cut: Option<Located<CodeCutText>>,
    /// `code_header`: the header carrying the code (lowercase), read before
    /// the body's code.
    pub code_header: Option<Located<String>>,
    /// Where the message is.
    pub message: Option<Located<Pointer>>,
    /// The object holding an error's own fields.
    pub fields_at: Option<Located<Pointer>>,
    /// Where the body repeats the suggestion.
    pub suggestion: Option<Located<Pointer>>,
    /// Where the body repeats the docs URL.
    pub docs_url: Option<Located<Pointer>>,
    /// Where the body repeats the fix command.
    pub fix_command: Option<Located<Pointer>>,
    /// The media type of error bodies.
    pub content_type: String,
    /// Fields every error carries.
    pub fields: Vec<Field>,
    /// `success`: members that mark a success body, with the value (as JSON
    /// text) each must hold; empty for the default rule (any 2xx whose body
    /// does not carry the code).
    pub success: Vec<(Located<Pointer>, Located<String>)>,
    /// `[wire.envelopes.NAME]`: the other envelopes the service's errors
    /// come in (an OAuth2 token endpoint's beside the API's own), in the
    /// order written; an entry names its envelope with `envelope = "NAME"`.
    pub envelopes: Vec<Envelope>,
    /// The `[wire]` table itself.
    pub at: At,
    /// The parser found a problem inside `[wire]`: what it holds may be
    /// incomplete, so rules that depend on the wire do not run.
    pub damaged: bool,
}

/// A second envelope of a service's errors (`[wire.envelopes.NAME]`): a wire
/// of its own, tried when a body does not carry the main wire's code.
#[derive(Debug, Clone)]
pub struct Envelope {
    /// Its name, as entries name it (`envelope = "oauth2"`).
    pub name: Located<String>,
    /// Where its code, message and fields are.
    pub wire: Wire,
}

/// The built-in wire shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WirePreset {
    /// The HTTP status identifies the error.
    StatusOnly,
    /// `{"error", "errorType", "details", "timestamp"}`.
    Flat,
    /// `{"code", "message", "suggestion", "docs_url", "fix_command"}`.
    Coded,
    /// `{"error": "message"}`.
    MessageOnly,
    /// `{"error": {"code", "message", "details", "field"}}`.
    Nested,
    /// RFC 9457 `application/problem+json`.
    ProblemJson,
    /// RFC 6749 §5.2: `{"error", "error_description", "error_uri"}`, as
    /// OAuth 2.0 token endpoints answer.
    OAuth2,
}

impl WirePreset {
    /// Every preset with its catalog name.
    pub const ALL: &'static [(&'static str, WirePreset)] = &[
        ("status-only", WirePreset::StatusOnly),
        ("flat", WirePreset::Flat),
        ("coded", WirePreset::Coded),
        ("message-only", WirePreset::MessageOnly),
        ("nested", WirePreset::Nested),
        ("problem-json", WirePreset::ProblemJson),
        ("oauth2", WirePreset::OAuth2),
    ];

    /// The preset's catalog name.
    pub fn name(self) -> &'static str {
        WirePreset::ALL
            .iter()
            .find(|(_, p)| *p == self)
            .map_or("", |(n, _)| n)
    }
}

/// `[headers]`: the header names a service uses.
#[derive(Debug, Clone, Default)]
pub struct Headers {
    /// e.g. `Retry-After`.
    pub retry_after: Option<String>,
    /// e.g. `X-RateLimit-Limit`.
    pub rate_limit_limit: Option<String>,
    /// e.g. `X-RateLimit-Remaining`.
    pub rate_limit_remaining: Option<String>,
    /// e.g. `X-RateLimit-Reset`.
    pub rate_limit_reset: Option<String>,
    /// e.g. `X-Request-Id`.
    pub request_id: Option<String>,
    /// e.g. `x-should-retry`: `true` / `false`, overriding the retry rule.
    pub should_retry: Option<String>,
    /// How the reset header writes its time (`epoch-seconds` by default).
    pub rate_limit_reset_format: Option<Located<ResetFormat>>,
    /// Other headers to keep by name (`x-github-request-id`).
    pub keep: Vec<Located<String>>,
    /// Where each role's header name was written: (role key, name, place).
    pub written: Vec<(&'static str, Located<String>)>,
    /// When they are sent.
    pub notes: Option<String>,
}

impl Headers {
    /// The names as the run-time header reader takes them: each role the
    /// catalog names, the standard name otherwise. Generated code emits the
    /// same as the enum's `FromResponse::HEADER_NAMES`, with the headers
    /// the entries' `when_header` conditions test as its `conditions`.
    ///
    /// ```
    /// let c = error_catalog_model::load_str("ai.toml", r#"
    /// [service]
    /// id = "ai"
    /// name = "AI"
    /// [headers]
    /// rate_limit_reset = "x-ratelimit-reset-requests"
    /// rate_limit_reset_format = "duration"
    /// keep = ["openai-processing-ms"]
    /// [wire]
    /// code = "/error/code"
    /// [[errors]]
    /// code = "x"
    /// message = "x"
    /// "#).unwrap();
    /// let keep: Vec<&str> = c.headers.keep.iter().map(|k| k.value.as_str()).collect();
    /// let names = c.headers.names(&keep);
    /// assert_eq!(names.rate_limit_reset, "x-ratelimit-reset-requests");
    /// assert_eq!(names.retry_after, "Retry-After");
    /// assert_eq!(names.keep, ["openai-processing-ms"]);
    /// ```
    pub fn names<'h>(&'h self, keep: &'h [&'h str]) -> HeaderNames<'h> {
        let std = HeaderNames::STANDARD;
        let or =
            |name: &'h Option<String>, default: &'static str| name.as_deref().unwrap_or(default);
        HeaderNames {
            retry_after: or(&self.retry_after, std.retry_after),
            rate_limit_limit: or(&self.rate_limit_limit, std.rate_limit_limit),
            rate_limit_remaining: or(&self.rate_limit_remaining, std.rate_limit_remaining),
            rate_limit_reset: or(&self.rate_limit_reset, std.rate_limit_reset),
            rate_limit_reset_format: self
                .rate_limit_reset_format
                .as_ref()
                .map_or(std.rate_limit_reset_format, |f| f.value),
            request_id: or(&self.request_id, std.request_id),
            should_retry: or(&self.should_retry, std.should_retry),
            keep,
            conditions: &[],
        }
    }
}

pub use error_catalog_core::headers::HeaderNames;

/// One `[[rate_limits]]` fact.
#[derive(Debug, Clone)]
pub struct RateLimitPolicy {
    /// Who it applies to.
    pub scope: String,
    /// Requests per window.
    pub limit: u64,
    /// The window.
    pub window: String,
    /// Anything else stated.
    pub notes: Option<String>,
}

pub use error_catalog_core::headers::ResetFormat;
pub use error_catalog_core::retry::RetryRule;

/// One `[[errors]]` entry.
#[derive(Debug, Clone, Default)]
pub struct ErrorEntry {
    /// The code as the service spells it.
    pub code: Located<String>,
    /// The enum variant's name.
    pub variant: Located<String>,
    /// The HTTP status, when it has one (range-checked by validation).
    pub status: Option<Located<i64>>,
    /// The message template.
    pub message: Located<String>,
    /// Patterns that identify the error by message.
    pub matches: Vec<Located<String>>,
    /// Higher wins when patterns overlap.
    pub priority: i64,
    /// A short name.
    pub title: Option<String>,
    /// When it occurs.
    pub cause: Option<String>,
    /// Common causes.
    pub causes: Vec<String>,
    /// What to do.
    pub suggestion: Option<String>,
    /// The steps to fix it.
    pub solutions: Vec<String>,
    /// Documentation link.
    pub docs_url: Option<String>,
    /// A copy-paste command: a template whose `{field}` placeholders take the
    /// error's values (shell-quoted when rendered).
    pub fix_command: Option<Located<String>>,
    /// When to retry.
    pub retry: RetryRule,
    /// A field holding seconds to wait.
    pub retry_after_field: Option<Located<String>>,
    /// The error's own fields.
    pub fields: Vec<Field>,
    /// `when`: members the body must hold, with the value (as JSON text) each
    /// must have, for a body to be this error (besides its code, patterns or
    /// status).
    pub when: Vec<(Located<Pointer>, Located<String>)>,
    /// `when_header`: response headers (names in lowercase) that must have
    /// the given text for a response to be this error.
    pub when_headers: Vec<(Located<String>, Located<String>)>,
    /// `code_in_body = false`: in a catalog identified by code, the service
    /// sends this error without a code; absent means it sends the code.
    pub code_in_body: Option<Located<bool>>,
    /// `code_range = [first, last]`: the entry covers every integer code in
    /// the range (inclusive); its `code` is the range's text
    /// (`-32099..=-32000`), and its field `code` the code received.
    pub code_range: Option<Located<(i64, i64)>>,
    /// Documented bodies.
    pub examples: Vec<Example>,
    /// `envelope = "NAME"`: the entry comes in that envelope of `[wire]`
    /// (its index in [`Wire::envelopes`]); absent: in the main wire.
    pub envelope: Option<Located<usize>>,
    /// The entry as a whole.
    pub at: At,
    /// Reading the entry found a problem inside it (a misspelt key, a value of
    /// the wrong type): what it holds may be incomplete, so rules that could be
    /// misled by a missing part skip it.
    pub damaged: bool,
}

impl ErrorEntry {
    /// The parsed message template.
    pub fn template(&self) -> Result<Template, TemplateError> {
        Template::parse(&self.message.value)
    }

    /// False for an error the service sends without a code (`code_in_body =
    /// false`): it is recognised by its status, patterns and `when`.
    pub fn sends_code(&self) -> bool {
        self.code_in_body.as_ref().is_none_or(|b| b.value)
    }

    /// True when the status alone (with the `when` conditions) can identify
    /// this error under `identity`: it has a status and no message patterns,
    /// and it is not found by its code.
    pub fn by_status(&self, identity: Identity) -> bool {
        (identity != Identity::Code || !self.sends_code())
            && self.matches.is_empty()
            && self.status_u16().is_some()
    }

    /// The status as `u16`, when present and in range.
    pub fn status_u16(&self) -> Option<u16> {
        self.status
            .as_ref()
            .and_then(|s| u16::try_from(s.value).ok())
            .filter(|s| (100..=599).contains(s))
    }
}

/// A typed field, of an error or of the envelope.
#[derive(Debug, Clone)]
pub struct Field {
    /// The name on the wire.
    pub wire: Located<String>,
    /// The Rust field name.
    pub rust: Located<String>,
    /// The type.
    pub ty: Located<FieldType>,
    /// Where it sits in the body, when not in the fields object.
    pub at_ptr: Option<Located<Pointer>>,
    /// One line of documentation.
    pub doc: Option<String>,
    /// Must not leave a server in public responses.
    pub internal: bool,
}

pub use error_catalog_core::field_type::{BaseType, FieldType};

/// A declared object type (`[types.ValidationError]`): a struct in Rust, an
/// object with these members on the wire.
#[derive(Debug, Clone)]
pub struct ObjectType {
    /// Its name, the Rust struct's name.
    pub name: Located<String>,
    /// Its members, written as an error's fields are (a type, or a table with
    /// `type`, `rust` and `doc`).
    pub members: Vec<Field>,
}

/// A documented example response.
#[derive(Debug, Clone)]
pub struct Example {
    /// The body text.
    pub body: Located<String>,
    /// The status it came with.
    pub status: Option<u16>,
    /// Headers shown with it, in order.
    pub headers: Vec<(String, String)>,
}

/// True for an HTTP header name: one or more token characters (RFC 9110:
/// letters, digits and ``!#$%&'*+-.^_`|~``).
///
/// ```
/// use error_catalog_model::model::is_header_name;
/// assert!(is_header_name("x-ratelimit-remaining"));
/// assert!(!is_header_name("x ratelimit") && !is_header_name(""));
/// ```
pub fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}
