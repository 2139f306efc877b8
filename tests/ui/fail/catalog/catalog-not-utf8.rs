use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/not_utf8.toml")]
enum ShopError {
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
