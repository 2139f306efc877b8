use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "nested", code_type = "integer")]
enum RpcError {
    #[api_error(code_range = "-32099 to -32000", message = "Server error")]
    ServerError { code: i64 },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
