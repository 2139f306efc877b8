use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/example_reads_as_unknown.toml")]
enum ShopError {
    Bad { n: u32 },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
