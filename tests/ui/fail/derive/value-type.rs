use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
enum AiError {
    #[api_error(code = "server_error", code_in_body = "no", status = 500, message = "Server error")]
    Server,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
