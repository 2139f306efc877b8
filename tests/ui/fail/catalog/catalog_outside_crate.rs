use api_error::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "../../../../Cargo.toml")]
enum ShopError {
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
