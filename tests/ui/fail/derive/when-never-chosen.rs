use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "nested", code_type = "integer")]
enum GraphError {
    #[api_error(code = 190, status = 400, message = "Invalid token")]
    InvalidToken,
    #[api_error(code = 190, status = 400, message = "Session has expired", when = "/error/error_subcode=463")]
    SessionExpired,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
