use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
enum ShopError {
    #[api_error(code = "NOT_FOUND", stauts = 404, message = "Customer {idd} not found")]
    NotFound { id: String },
    #[api_error(
        code = "RATE_LIMITED",
        status = 429,
        message = "Slow down",
        retry = "afterr"
    )]
    RateLimited,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
