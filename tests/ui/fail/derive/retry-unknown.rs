use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(
        code = "RATE_LIMITED",
        status = 429,
        message = "Slow down",
        retry = "backof"
    )]
    RateLimited,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
