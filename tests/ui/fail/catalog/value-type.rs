use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = 42)]
enum ShopError {
    CustomerNotFound {
        id: String,
    },
    RateLimited {
        retry_after: Option<u64>,
    },
    CartEmpty,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
