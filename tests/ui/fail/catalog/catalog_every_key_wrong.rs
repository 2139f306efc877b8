use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/every_key_wrong.toml")]
enum ShopError {
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
