use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(code = "NOT_FOUND", status = 404, message = "Customer {id} not found")]
    NotFound {
        #[api_error(at = "error/id")]
        id: String,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
