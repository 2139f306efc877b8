use error_catalog::{ApiError, UnknownError};

// The catalog has a misspelt key and a duplicate code, and the enum lacks
// `CustomerNotFound`: all three are reported in one run. The duplicate
// `CART_EMPTY` is not reported again as a code without a variant.
#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/problems_and_duplicate.toml")]
enum ShopError {
    CartEmpty,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
