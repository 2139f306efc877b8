use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(
        code = "RATE_LIMITED",
        status = 429,
        message = "Slow down",
        retry = "after",
        retry_after_field = "retryAfter"
    )]
    RateLimited { wait: u64 },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
