use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "../../../../Cargo.toml")]
enum ShopError {
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
