use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/two_values_one_place.toml")]
enum ShopError {
    NotFound { docs_url: String },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
