use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/misspelt_key.toml")]
enum ShopError {
    CartEmpty,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
