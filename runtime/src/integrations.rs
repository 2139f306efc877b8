//! Integrations behind cargo features. Generated code invokes
//! `__impl_integrations!(Enum)` once per enum; which impls it expands to is
//! decided by the features `api-error` itself was built with.

/// Expands to the integration impls enabled for `api-error` (none by default).
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_integrations {
    ($ty:ty) => {};
}
