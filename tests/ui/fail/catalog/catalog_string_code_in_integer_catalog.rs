use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/string_code_in_integer_catalog.toml", partial)]
enum RpcError {
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
