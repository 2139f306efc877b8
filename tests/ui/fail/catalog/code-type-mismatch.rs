use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/integer_code_in_string_catalog.toml", partial)]
enum RpcError {
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
