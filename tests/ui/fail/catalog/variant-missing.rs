use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/shop.toml")]
enum ShopError {
    CustomerNotFound {
        id: String,
    },
    RateLimited {
        retry_after: Option<u64>,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
