use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(code "NOT_FOUND", status = 404, message = "Not found")]
    NotFound,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
