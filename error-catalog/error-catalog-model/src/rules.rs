//! The one table of rules a catalog or a derive input is checked by: every
//! diagnostic names one, by a stable kebab-case id printed with it
//! (`error[placeholder-unknown]: …`), explained by `error-catalog explain ID`
//! and by a section of `catalogs/error-catalog-services/FORMAT.md`.
//!
//! ```
//! use error_catalog_model::rules::Rule;
//! assert_eq!(Rule::PlaceholderUnknown.id(), "placeholder-unknown");
//! assert_eq!(Rule::from_id("code-duplicate"), Some(Rule::CodeDuplicate));
//! assert!(Rule::ALL.iter().all(|r| !r.summary().is_empty()));
//! ```

macro_rules! rules {
    ($( $v:ident = $id:literal, $summary:literal, $explain:literal; )+) => {
        /// A rule a catalog or a derive input must keep; each diagnostic
        /// names the one it breaks.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $( #[doc = $summary] $v, )+
        }

        impl Rule {
            /// Every rule, in the order of this table.
            pub const ALL: &'static [Rule] = &[$(Rule::$v),+];

            /// The rule's stable id (`placeholder-unknown`).
            pub fn id(self) -> &'static str {
                match self { $(Rule::$v => $id,)+ }
            }

            /// The rule in one line.
            pub fn summary(self) -> &'static str {
                match self { $(Rule::$v => $summary,)+ }
            }

            /// What the rule asks, why, and how to fix a breach.
            pub fn explanation(self) -> &'static str {
                match self { $(Rule::$v => $explain,)+ }
            }

            /// The variant's name in Rust (`PlaceholderUnknown`), as tests
            /// name it.
            pub fn variant_name(self) -> &'static str {
                match self { $(Rule::$v => stringify!($v),)+ }
            }
        }
    };
}

impl Rule {
    /// The rule with this id.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.id() == id)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

rules! {
    // ---- reading a catalog ----
    TomlSyntax = "toml-syntax", "A catalog is valid TOML.",
        "The file could not be read as TOML (an unclosed string, a missing `=`, a key given twice in one table). Nothing after the mistake can be read reliably, so this is the first thing to fix. Fix the syntax at the place shown; the message is the TOML parser's own.";
    KeyUnknown = "key-unknown", "Every key is one the format defines.",
        "A key in a catalog table, or in `#[api_error(...)]`, is not one the format knows. A misspelt key would otherwise be ignored silently and its setting lost. Use the key the did-you-mean suggests, or remove it; the known keys of each table are listed in this document.";
    KeyMissing = "key-missing", "Every required key is given.",
        "A table lacks a key it needs: `[service]` its `id`, an error its `code` (or `code_range`) or, in a derive, a variant its `code` or `message`. Without it the error cannot be identified or generated. Add the key named in the message.";
    ValueType = "value-type", "Every value has the type its key takes.",
        "A key holds a value of the wrong kind: a string where an integer is expected, a table where an array of tables is, a path where `#[api_error]` takes a literal. Write the value in the form the message names.";
    ValueOutOfRange = "value-out-of-range", "An integer fits the range its key takes.",
        "An integer is too large or too small for its key (for example a `priority` or a code beyond 64 bits). Use a value in range.";
    PointerInvalid = "pointer-invalid", "A JSON pointer is well formed.",
        "A value that places something in the body (`code`, `message`, `fields_at`, a field's `at`, the key of a `when` or `success` table) is not a JSON pointer. Pointers start with `/` and escape `~` and `/` in member names as `~0` and `~1`. Write e.g. \"/error/code\".";
    PresetUnknown = "preset-unknown", "`[wire] preset` names a known preset.",
        "The preset names a wire shape the tool does not know, so nothing says where the code and message are. Use one of the listed presets, or leave `preset` out and give `code` and `message` pointers yourself.";
    CodeTypeUnknown = "code-type-unknown", "`code_type` is `string` or `integer`.",
        "`code_type` says how the service sends codes; any other value has no meaning. Write `code_type = \"integer\"` for JSON numbers, or leave it out for strings.";
    IdentityUnknown = "identity-unknown", "`[wire] identity` is `code`, `message` or `status`.",
        "`identity` says what tells errors apart on the wire; the decoder knows only these three. Use one of them.";
    HeaderNameInvalid = "header-name-invalid", "A header name is a valid HTTP header name.",
        "A key of an error's `when_header` table contains characters a header name cannot have (spaces, colons, non-ASCII). Such a header could never be received, so the condition would never hold. Write the header's name as sent, e.g. `x-ratelimit-remaining`.";
    ResetFormatUnknown = "reset-format-unknown", "`rate_limit_reset_format` names a known format.",
        "The reset header's format must be one the runtime can read: `epoch-seconds`, `delta-seconds` or `duration`. Use one of them.";
    CodeAndCodeRange = "code-and-code-range", "An error has `code` or `code_range`, not both.",
        "An error is found either by one code or by a range of codes; with both, which one applies is unclear. Keep one of the two.";
    RetryUnknown = "retry-unknown", "`retry` names a known retry rule.",
        "`retry` advises clients whether to try again; only the listed rules have a meaning. Use one of them, or leave `retry` out.";
    CodeTypeMismatch = "code-type-mismatch", "A code has the catalog's code type.",
        "An error's `code` is an integer in a catalog of string codes, or a string in one of integer codes (`code_type = \"integer\"`). It would never equal a code received. Write the code in the catalog's type, or change `code_type` in `[wire]`.";
    FieldTypeUnknown = "field-type-unknown", "A field's type is a known type or a declared one.",
        "A field's type is neither a built-in type (`string`, `u64`, `bool`, `json`, … with `?` for optional and `[]` for lists) nor a type declared under `[types]`. Use the type the did-you-mean suggests, or declare it.";
    CatalogUnreadable = "catalog-unreadable", "The catalog file can be read.",
        "The file does not exist or cannot be opened. In a derive or `catalog!`, the path is relative to the directory of the crate's `Cargo.toml` (resolved through `CARGO_MANIFEST_DIR`). Check the path.";
    CatalogNotUtf8 = "catalog-not-utf8", "The catalog file is UTF-8.",
        "TOML is UTF-8 text; a file in another encoding cannot be read. Save it as UTF-8.";
    // ---- checking a catalog ----
    CatalogTooLarge = "catalog-too-large", "A catalog holds at most 65,534 errors.",
        "The lookup tables hold an entry's index in 16 bits; past the limit codes and messages would not be found. Split the errors into several catalogs, one per service or area.";
    HeaderRoleTwice = "header-role-twice", "One header has one role in `[headers]`.",
        "The same header (in any case) is named for two roles, or for a role and in `keep`. Reading it twice would give one value two meanings. Remove one of them.";
    ContentTypeInvalid = "content-type-invalid", "`content_type` is a media type.",
        "`content_type` is sent as a header value and compared with the one received, so it must be a media type such as `application/problem+json`. Fix its spelling.";
    ServiceIdCase = "service-id-case", "The service `id` is snake_case.",
        "The id names generated items and files; snake_case keeps it usable everywhere. Write it like `shop_api`.";
    EnumNameInvalid = "enum-name-invalid", "`enum_name` is a Rust identifier.",
        "`enum_name` becomes the generated enum's name; anything else would not compile. Use an UpperCamelCase identifier like `ShopError`.";
    WireIdentityUnlocated = "wire-identity-unlocated", "`[wire]` says where what identifies errors is.",
        "A wire identified by code must give the code's pointer; one identified by message must give the message's. Without it no body can be recognised. Set `code` or `message` to a pointer such as \"/error/code\", or choose a `preset`.";
    CodeDuplicate = "code-duplicate", "No two errors share a code.",
        "Two errors with the same code cannot be told apart: a body with that code would always be read as the first. Remove the duplicate, give it another code, or tell the two apart with `when` conditions.";
    VariantDuplicate = "variant-duplicate", "No two errors map to the same variant.",
        "Variant names come from codes (or `variant`), and two codes can give the same name; the enum cannot have it twice. Set `variant` on one of them to another name.";
    VariantNameInvalid = "variant-name-invalid", "Every variant name is a Rust identifier.",
        "A code that starts with a digit or holds punctuation gives no identifier. Set `variant` to a name such as `TokenExpired`.";
    StatusOutOfRange = "status-out-of-range", "A status is an HTTP status, 100 to 599.",
        "A status outside that range is never received, so the error would never match by it. Use a real status or leave `status` out.";
    TemplateSyntax = "template-syntax", "Message templates have balanced braces.",
        "A `message`, pattern or fix command has an unclosed `{` or a stray `}`. Placeholders are `{name}`; literal braces are written `{{` and `}}`.";
    PlaceholderUnknown = "placeholder-unknown", "Every placeholder names a field of the error.",
        "A `{name}` in a message or pattern names no field of the error or of the envelope, so no value could fill it. Declare the field (under `[errors.fields]`, or on the variant), fix the name, or write `{{name}}` for literal braces.";
    PlaceholderCompound = "placeholder-compound", "A placeholder names a single-value field.",
        "A placeholder stands for one piece of text, but it names a list or a declared object, which no text can hold. Name a single-value field, or leave the list out of the text.";
    PlaceholdersAdjacent = "placeholders-adjacent", "No two placeholders stand side by side in a pattern.",
        "In a pattern like `{a}{b}` nothing tells where one value ends and the next starts, so the message could not be read back. Put literal text between them.";
    FieldNameInvalid = "field-name-invalid", "A field's Rust name is an identifier.",
        "A field's wire name becomes its Rust name unless `rust` says otherwise; a name like `user-id` does not compile. Give the field a table form with `rust = \"user_id\"`.";
    FieldDuplicate = "field-duplicate", "Field names are unique within an error.",
        "An error declares a field twice, or a field with the name of an envelope field (`[wire] fields`). The variant cannot hold two fields of one name. Rename or remove one.";
    FieldUnplaced = "field-unplaced", "Every field has a place on the wire.",
        "A field must be read from somewhere: its `at` pointer, the wire's `fields_at`, or a placeholder in every pattern of `matches`. Give it one of these.";
    RetryAfterFieldUnknown = "retry-after-field-unknown", "`retry_after_field` names a field of the error.",
        "The retry delay is read from the field named; a name that is no field gives nothing to read. Name one of the error's fields.";
    RetryAfterFieldType = "retry-after-field-type", "`retry_after_field` names a field holding seconds.",
        "The retry delay is read from a single field holding seconds: an integer, an `f64` (`64.57`), or a `string` in protobuf `Duration` form (`\"1.5s\"`, as Google AIP-193's `retryDelay`); fractions round up to whole seconds. A list, a `bool` or an object holds no delay. Name such a field, or change the field's type.";
    PatternOverlap = "pattern-overlap", "No two patterns of one priority match the same message.",
        "Two errors whose patterns can match one message under the same status (and the same `priority`) make the choice depend on order. Make the patterns distinct, or give the more specific one a higher `priority`.";
    PatternUnread = "pattern-unread", "Every `matches` pattern is read by a classification step.",
        "Under `identity = \"code\"` an error sent with its code is found by the code alone: its `matches` patterns are never tried, so they say nothing a client would see. Remove `matches`; or, if the service sends this error without a code, set `code_in_body = false` so that its patterns identify it.";
    StatusAmbiguous = "status-ambiguous", "Errors identified by status are told apart.",
        "When the status identifies errors, two errors with one status and nothing else (no pattern, no `when`) cannot be told apart. Give one of them `matches` or different `when` conditions.";
    ExampleNotJson = "example-not-json", "An example body is JSON.",
        "Examples are checked by decoding them; a body that is not JSON documents nothing the service sends. Fix the JSON.";
    PlaceClash = "place-clash", "No two values share a place in the body.",
        "The code, the message, the envelope's values and each field need a place of their own: two at one pointer, or one inside the other, would be read as one value and written twice. Give the field another `at` (or name), or move the `[wire]` pointer.";
    CodeCutEmpty = "code-cut-empty", "`code_cut` cuts at a text.",
        "`[wire] code_cut` says where the code lies in the text a service sends: after the last `after`, before the first `before`. An empty text would leave no code at all. Give the text that marks the code's start or end (AWS: `after = \"#\"`, `before = \":\"`), or leave the key out.";
    EnvelopeUnknown = "envelope-unknown", "An error's `envelope` is declared.",
        "`envelope = \"NAME\"` says an error comes in an envelope other than `[wire]`'s, which `[wire.envelopes.NAME]` declares (`preset = \"oauth2\"` for RFC 6749's, or its own `code` and `message` pointers). Declare the envelope, or correct the name.";
    EnvelopeWithoutCode = "envelope-without-code", "An envelope has a code.",
        "A body is read in a second envelope when it does not carry the main wire's code but carries that envelope's: an envelope is recognised by its code member. Give the envelope a `code` pointer (the `oauth2` preset has `/error`), one the main wire's pointers do not reach.";
    SlotsTooMany = "slots-too-many", "The values read by pointer fit the decoder's slots.",
        "The decoder reads the code, the message, the envelope's values, the error marks and every field with an `at` of its own into a fixed set of 16 slots (one pointer, one slot, shared by the errors that name it). A catalog that needs more would have every body refused at run time. Put fields in the fields object (`[wire] fields_at`) instead of giving each its own `at`, or let errors that carry the same value share one pointer.";
    ExampleReadsAsSuccess = "example-reads-as-success", "An error's example is an error by the success rule.",
        "A documented error body that the wire's `success` rule calls a success would be hidden from clients. Make the success marks something error bodies never have, or fix the example.";
    ExampleReadsAsOther = "example-reads-as-other", "An error's example decodes as that error.",
        "`check` decodes every documented example (and, for an error without one, the body its declaration describes, with sample values) the way clients will. One that reads as another error means clients would get that error: usually an earlier error with the same code or status matches first, or a `when` or pattern is wrong. Put the more specific error first, or fix the declaration or the example.";
    ExampleReadsAsUnknown = "example-reads-as-unknown", "An error's example is recognised.",
        "An example (or the body an error's declaration describes) that decodes as unknown would reach clients as the fallback; the diagnostic gives the fallback's reason. Usually a pointer of `[wire]` or a field's `at` does not match where the body has the value, a required field is missing or has another type, or the message fits no pattern. Fix the declaration or the example.";
    ExampleFieldUnfilled = "example-field-unfilled", "A field an example carries is read from it.",
        "An example that has a member named like one of the error's fields, which the decoder did not fill, shows that the field's place (its `at` pointer, or the wire's `fields_at`) misses where the service puts the value; for an error without examples, every field of the body its declaration describes must be read back. Fix the field's place.";
    ReservedCodeUsed = "reserved-code-used", "No error uses a reserved code.",
        "A reserved code once meant another error to clients; using it again (or covering it with a `code_range`) would make old clients misread the new error. Give the error a new code; remove the reservation only if it is the same error coming back.";
    ReservedTwice = "reserved-twice", "Each code is reserved once.",
        "Reserving a code twice says nothing more and may give two reasons. Remove one of the reservations.";
    ReservedNotInteger = "reserved-not-integer", "Reserved codes have the catalog's code type.",
        "Under `code_type = \"integer\"` a reserved code that is not an integer can never be a code. Write it as an integer.";
    TypeNameInvalid = "type-name-invalid", "A declared type's name is UpperCamelCase.",
        "Each entry of `[types]` becomes a struct named after it. Name it like `CartItem`.";
    TypeNamedAsEnum = "type-named-as-enum", "A declared type is not named like the enum.",
        "The type's struct and the enum are generated side by side; one name for both does not compile. Rename the type.";
    TypeDuplicate = "type-duplicate", "A type is declared once.",
        "Two declarations of one type (in any case) would give two structs of one name. Remove or rename one.";
    MemberNested = "member-nested", "Declared types do not nest.",
        "A member of a declared type is itself of a declared type; objects are declared one level deep. Type the member `json` to keep it whole.";
    MemberNameInvalid = "member-name-invalid", "A member's Rust name is an identifier other than `extra`.",
        "Members become struct fields; a name that is no identifier, or `extra` (the struct's place for undeclared members), cannot be one. Give the member a table form with another `rust` name.";
    MemberDuplicate = "member-duplicate", "Members of a type have distinct Rust names.",
        "Two members with one Rust name would be two fields of one name. Rename one with `rust`.";
    MemberAt = "member-at", "A member of a declared type takes no `at`.",
        "A member sits in its object, by its name; only an error's fields are placed by pointer. Remove `at` (or rename the member to the name it has on the wire).";
    MemberInternal = "member-internal", "A member of a declared type is not `internal`.",
        "`internal` keeps an error's field out of its message and docs; a member goes wherever its object goes. Remove `internal`.";
    WhenNeverChosen = "when-never-chosen", "A later error with the same code is not shadowed by an earlier one.",
        "Of two errors found by one code (or one status), the first that matches is chosen; a later one matched by every body the earlier matches is never chosen. Move the more specific one first.";
    WhenAmbiguous = "when-ambiguous", "Errors that share a code are told apart by their `when`.",
        "Two errors with one code whose conditions can both match a body leave the choice to their order. Give both a condition on the same member with different values, or give one every condition of the other.";
    WhenTestsIdentity = "when-tests-identity", "`when` does not test the code or the message.",
        "The code is said by `code` and the message by `matches`; a `when` on them duplicates that and can contradict it. Say them with `code` or `matches` instead.";
    CodeInBodyNoEffect = "code-in-body-no-effect", "`code_in_body = false` is only used where it acts.",
        "`code_in_body = false` says an error is sent without a code; in a catalog not identified by code it changes nothing. Remove it.";
    CodelessUnidentified = "codeless-unidentified", "An error sent without a code is identified by something else.",
        "An error with `code_in_body = false` must be recognised by its status, `matches` or `when`; otherwise no body could ever be it. Give it one of them.";
    CodeRangeStringCodes = "code-range-string-codes", "A `code_range` is in a catalog of integer codes.",
        "Ranges are ranges of integers. Set `code_type = \"integer\"` in `[wire]` when the service sends codes as JSON numbers, or list the codes.";
    CodeRangeEmpty = "code-range-empty", "A `code_range` runs from its first code up to its last.",
        "A range whose first code is above its last holds no code. Swap the two.";
    CodeRangesOverlap = "code-ranges-overlap", "No two `code_range`s overlap.",
        "A code in two ranges would be read as whichever comes first. Make the ranges disjoint.";
    // ---- derive and catalog! only ----
    DeriveNotEnum = "derive-not-enum", "`ApiError` is derived for enums.",
        "Each variant of the enum is one error; a struct or union has no variants. Derive it on an enum.";
    DeriveGeneric = "derive-generic", "`ApiError` is derived for an enum without generics.",
        "Decoding builds each variant from a body, which a type parameter would leave undefined. Remove the generics.";
    CratePathInvalid = "crate-path-invalid", "`crate = \"...\"` is a path.",
        "`crate` overrides where generated code finds the runtime crate; it must be a path such as `::error_catalog`.";
    FallbackTwice = "fallback-twice", "One variant is the fallback.",
        "Responses the catalog does not describe go to the `#[api_error(unknown)]` variant; two would leave the choice open. Keep one.";
    FallbackShape = "fallback-shape", "The fallback variant holds one `UnknownError`.",
        "The fallback keeps the whole response it could not read. Write it `Unknown(error_catalog::UnknownError)`.";
    FallbackKeys = "fallback-keys", "The fallback variant takes no other `#[api_error]` keys.",
        "The fallback has no code, status or message of its own. Remove the other keys.";
    FallbackMissing = "fallback-missing", "The enum has a fallback variant.",
        "A response the catalog does not describe must become something. Add `#[api_error(unknown)] Unknown(error_catalog::UnknownError)`.";
    BorrowedUseless = "borrowed-useless", "`borrowed` is only asked for when it borrows something.",
        "A borrowed view borrows `String` fields; with none it would be the enum itself. Remove `borrowed`.";
    VariantFieldsUnnamed = "variant-fields-unnamed", "Variants have named fields.",
        "Placeholders and wire members name fields; tuple fields have no names. Write `{ id: String }`.";
    KeyTwice = "key-twice", "A key of `#[api_error]` is given once.",
        "A key given twice (other than the repeatable `matches`, `success`, `when`, `when_header`, `header`) leaves its value unclear. Remove one.";
    AttributeSyntax = "attribute-syntax", "`#[api_error(...)]` is a list of keys and literal values.",
        "The attribute is a comma-separated list of `key`, `key = \"text\"`, `key = 42` or `key = true`; anything else cannot be read. Fix the syntax at the place shown.";
    AttrValueSyntax = "attr-value-syntax", "A structured attribute value has its written form.",
        "`header` is `role=name`, `when` is `/pointer=value`, `when_header` is `name=value` and `code_range` is `first..=last`. Write the value in that form.";
    HeaderRoleUnknown = "header-role-unknown", "A `header` role is a known role.",
        "`header = \"role=name\"` takes the roles of `[headers]` (`request_id`, `retry_after`, …). Use one of them.";
    PartialWithoutCatalog = "partial-without-catalog", "`partial` is used with `catalog`.",
        "`partial` leaves some of a catalog's errors to the fallback; without a catalog there is nothing to leave. Remove it.";
    CodeRangeWithoutField = "code-range-without-field", "A variant with a `code_range` has a field `code`.",
        "A range covers many codes; the variant keeps the one received in its `code` field. Add `code: i64`.";
    CatalogKeyGiven = "catalog-key-given", "A catalog-bound derive gives only what the catalog does not.",
        "With `catalog = \"...\"`, the wire, statuses and messages come from the file; giving them again in attributes could contradict it. Remove the key (a variant may give only `code`).";
    NotInCatalog = "not-in-catalog", "Codes and variants of a catalog-bound enum are in the catalog.",
        "A variant binds a code (or is named for one) that the catalog does not have, so it could never be decoded. Fix the name (see the did-you-mean) or add the error to the catalog.";
    CodeBoundTwice = "code-bound-twice", "A catalog code is bound to one variant.",
        "Two variants for one code cannot both receive it. Remove or rebind one.";
    VariantMissing = "variant-missing", "A catalog-bound enum has a variant for each error.",
        "An error of the catalog without a variant would be read as nothing. Add the variants, or write `#[api_error(partial)]` to leave them to the fallback.";
    FieldNotInCatalog = "field-not-in-catalog", "A variant's fields are fields of its error.",
        "A field the catalog does not declare for the code would never be filled. Fix its name (or `rename`), or declare it in the catalog.";
    FieldTypeMismatch = "field-type-mismatch", "A variant field's Rust type matches the catalog's type.",
        "The catalog's type decides how a value is read (`u64?` is `Option<u64>`, `string[]` is `Vec<String>`); another Rust type could not hold it. Change the field's type to the one named.";
    VariantLacksField = "variant-lacks-field", "A variant has every required field of its error.",
        "A required field of the catalog's error has no place in the variant, so a decoded value would be lost. Add the field.";
    CatalogPathAbsolute = "catalog-path-absolute", "A catalog path is relative.",
        "Paths are resolved against the crate's directory so a build is the same on every machine. Give the path relative to `Cargo.toml`.";
    CatalogOutsideCrate = "catalog-outside-crate", "A catalog lies inside its crate.",
        "A published crate holds only its own files; a catalog outside it would be missing after `cargo package`. Move the catalog into the crate.";
    MacroInput = "macro-input", "`catalog!` is given one path literal.",
        "`catalog!(\"errors/shop.toml\")` takes the catalog's path, optionally after attributes and a visibility, and nothing else. Write it that way.";
    DeriveRedundant = "derive-redundant", "`catalog!` is not asked to derive what it derives.",
        "The generated enum already has Debug, Clone, PartialEq, Display, std::error::Error, Serialize and ApiError; deriving one again is a conflict. Remove it from the `derive`.";
}
