use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/example_reads_as_other.toml")]
enum ShopError {
    NotFound,
    Gone,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
