use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(code = "NOT_FOUND", status = 404, message = "Customer {0} not found")]
    NotFound(String),
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
