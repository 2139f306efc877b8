use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/shop.toml")]
enum ShopError {
    #[api_error(status = 404)]
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
