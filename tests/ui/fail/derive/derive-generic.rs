use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
enum ShopError<T> {
    #[api_error(code = "NOT_FOUND", status = 404, message = "Customer {id} not found")]
    NotFound { id: T },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
