//! Integrations behind cargo features. Generated code invokes
//! `__impl_integrations!(Enum)` once per enum; which impls it expands to is
//! decided by the features `error-catalog` itself was built with.
//!
//! The orphan rule forbids blanket impls of foreign traits, so each integration
//! with a per-enum impl has an inner macro defined twice: a real body under its
//! feature and an empty one without it. The bodies reach their dependency only
//! through `$crate::__private`, so users need no direct dependency, and delegate
//! to generic functions of the integration's module.

/// Expands to the integration impls enabled for `error-catalog` (none by default).
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_integrations {
    ($ty:ty, $name:literal, $schema:literal, $schemas:literal, $responses:literal) => {
        $crate::__impl_axum!($ty);
        $crate::__impl_miette!($ty);
        $crate::__impl_utoipa!($ty, $name, $schema, $schemas, $responses);
    };
}

/// `axum::response::IntoResponse` for one enum (feature `axum`).
#[cfg(feature = "axum")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($ty:ty) => {
        #[automatically_derived]
        impl $crate::__private::axum::response::IntoResponse for $ty {
            fn into_response(self) -> $crate::__private::axum::response::Response {
                $crate::axum::into_response(&self)
            }
        }
    };
}

/// Nothing: `error-catalog` was built without the `axum` feature.
#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_axum {
    ($ty:ty) => {};
}

/// `miette::Diagnostic` for one enum (feature `miette`).
#[cfg(feature = "miette")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_miette {
    ($ty:ty) => {
        #[automatically_derived]
        impl $crate::__private::miette::Diagnostic for $ty {
            fn code<'a>(&'a self) -> $crate::miette::Text<'a> {
                $crate::miette::code(self)
            }
            fn help<'a>(&'a self) -> $crate::miette::Text<'a> {
                $crate::miette::help(self)
            }
            fn url<'a>(&'a self) -> $crate::miette::Text<'a> {
                $crate::miette::url(self)
            }
        }
    };
}

/// Nothing: `error-catalog` was built without the `miette` feature.
#[cfg(not(feature = "miette"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_miette {
    ($ty:ty) => {};
}

/// `utoipa::ToSchema` and `utoipa::IntoResponses` for one enum (feature
/// `utoipa`), from the JSON the code generator made: the enum's schema, its
/// errors' and types' schemas by name, its responses by status.
#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($ty:ty, $name:literal, $schema:literal, $schemas:literal, $responses:literal) => {
        #[automatically_derived]
        impl $crate::__private::utoipa::PartialSchema for $ty {
            fn schema() -> $crate::__private::utoipa::openapi::RefOr<
                $crate::__private::utoipa::openapi::schema::Schema,
            > {
                $crate::utoipa::schema($schema)
            }
        }
        #[automatically_derived]
        impl $crate::__private::utoipa::ToSchema for $ty {
            fn name() -> ::std::borrow::Cow<'static, str> {
                ::std::borrow::Cow::Borrowed($name)
            }
            fn schemas(
                out: &mut ::std::vec::Vec<(
                    ::std::string::String,
                    $crate::__private::utoipa::openapi::RefOr<
                        $crate::__private::utoipa::openapi::schema::Schema,
                    >,
                )>,
            ) {
                $crate::utoipa::schemas($schemas, out)
            }
        }
        #[automatically_derived]
        impl $crate::__private::utoipa::IntoResponses for $ty {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::__private::utoipa::openapi::RefOr<
                    $crate::__private::utoipa::openapi::response::Response,
                >,
            > {
                $crate::utoipa::responses($responses)
            }
        }
    };
}

/// Nothing: `error-catalog` was built without the `utoipa` feature.
#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_utoipa {
    ($($t:tt)*) => {};
}
