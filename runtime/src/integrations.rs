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
    ($ty:ty) => {
        $crate::__impl_axum!($ty);
        $crate::__impl_miette!($ty);
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
