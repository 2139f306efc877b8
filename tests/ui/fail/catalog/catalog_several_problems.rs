use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/several_problems.toml")]
enum ShopError {
    CartEmpty,
    CustomerNotFound {
        id: String,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
