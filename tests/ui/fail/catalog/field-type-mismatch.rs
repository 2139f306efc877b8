use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/shop.toml")]
enum ShopError {
    CustomerNotFound {
        id: u64,
    },
    RateLimited {
        retry_after: Option<u64>,
    },
    CartEmpty,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
