//! The rules `diff` reports by, each with its categories.

/// What a change breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// Clients that parse the service's bodies.
    Wire,
    /// Rust code that uses the generated enum.
    Source,
}

impl Category {
    /// The category's name in reports and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Category::Wire => "wire",
            Category::Source => "source",
        }
    }
}

macro_rules! rules {
    ($( $(#[doc = $doc:literal])+ $v:ident = $name:literal, [$($cat:ident),*], adds = $adds:literal; )+) => {
        /// A rule of `diff`: one kind of change between two catalogs.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Rule {
            $( $(#[doc = $doc])+ $v, )+
        }

        impl Rule {
            /// Every rule, in the order of this list.
            pub const ALL: &'static [Rule] = &[$(Rule::$v),+];

            /// The rule's name in reports (`code-removed`).
            pub fn name(self) -> &'static str {
                match self { $(Rule::$v => $name,)+ }
            }

            /// What a change of this rule breaks; empty for a compatible change.
            pub fn breaks(self) -> &'static [Category] {
                match self { $(Rule::$v => &[$(Category::$cat),*],)+ }
            }

            /// True for a compatible change that adds to the API (a minor
            /// version bump rather than a patch).
            pub fn adds(self) -> bool {
                match self { $(Rule::$v => $adds,)+ }
            }
        }
    };
}

rules! {
    /// An error's code is gone (and no error of the same variant took a new one).
    CodeRemoved = "code-removed", [Wire, Source], adds = false;
    /// An error kept its variant but has a new code.
    CodeRenamed = "code-renamed", [Wire], adds = false;
    /// An error's HTTP status changed.
    StatusChanged = "status-changed", [Wire], adds = false;
    /// Some body the old error was recognised in is no longer that error: a
    /// message pattern, a `when` or `when_header` condition, `code_in_body`
    /// or a `code_range` changed, or the new catalog reads one of its
    /// documented examples as another error (or as none).
    IdentityChanged = "identity-changed", [Wire], adds = false;
    /// A field (of an error, of every error, or of a declared type) is gone.
    FieldRemoved = "field-removed", [Wire, Source], adds = false;
    /// A field's name or place on the wire changed.
    FieldRenamed = "field-renamed", [Wire], adds = false;
    /// A field's type changed to one that refuses values the old one took.
    FieldTypeChanged = "field-type-changed", [Wire, Source], adds = false;
    /// An optional field became required.
    FieldRequired = "field-required", [Wire, Source], adds = false;
    /// A required field was added: bodies without it are no longer that error.
    RequiredFieldAdded = "required-field-added", [Wire, Source], adds = false;
    /// The envelope changed: the preset, what identifies errors, the code's
    /// type, a pointer or the content type.
    EnvelopeChanged = "envelope-changed", [Wire], adds = false;
    /// The rule that tells a success body from an error changed.
    SuccessChanged = "success-changed", [Wire], adds = false;
    /// A header the catalog reads has a new name or format.
    HeadersChanged = "headers-changed", [Wire], adds = false;
    /// An error's variant has a new name.
    VariantRenamed = "variant-renamed", [Source], adds = false;
    /// A field's Rust name changed.
    FieldRustRenamed = "field-rust-renamed", [Source], adds = false;
    /// A field's Rust type changed, the wire taking all it took before (a
    /// wider integer, or a required field made optional).
    FieldRetyped = "field-retyped", [Source], adds = false;
    /// An optional field was added: bodies are read as before, but a struct
    /// literal or a pattern naming every field must name it.
    FieldAdded = "field-added", [Source], adds = false;
    /// An error was added to an enum that is not `#[non_exhaustive]`.
    VariantAdded = "variant-added", [Source], adds = false;
    /// The generated enum has a new name.
    EnumRenamed = "enum-renamed", [Source], adds = false;
    /// The enum became `#[non_exhaustive]`: matches need a `_` arm.
    EnumMadeNonExhaustive = "enum-made-non-exhaustive", [Source], adds = false;
    /// A declared type (its struct) is gone.
    TypeRemoved = "type-removed", [Source], adds = false;
    /// An error was added to a `#[non_exhaustive]` enum.
    CodeAdded = "code-added", [], adds = true;
    /// A declared type was added.
    TypeAdded = "type-added", [], adds = true;
    /// An error is recognised in every body it was before, and in more.
    IdentityWidened = "identity-widened", [], adds = false;
    /// The enum is no longer `#[non_exhaustive]`.
    EnumMadeExhaustive = "enum-made-exhaustive", [], adds = false;
    /// An error's retry advice changed.
    RetryChanged = "retry-changed", [], adds = false;
    /// Documentation changed: a message, title, cause, suggestion, solutions,
    /// docs URL, fix command, field doc or example.
    DocChanged = "doc-changed", [], adds = false;
    /// A code was reserved.
    ReservedAdded = "reserved-added", [], adds = false;
    /// A reservation was lifted: the code may come back with another meaning.
    ReservedRemoved = "reserved-removed", [], adds = false;
}
