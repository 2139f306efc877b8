use error_catalog::{ApiError, UnknownError};

// Under the nested preset a field named `message` would be the message itself.
#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
enum ShopError {
    #[api_error(code = "NOT_FOUND", status = 404, message = "Not found")]
    NotFound { message: String },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
