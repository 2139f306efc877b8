use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(message = "/message", identity = "message")]
enum GithubError {
    #[api_error(code = "limited", status = 403, message = "Limited", when_header = "x-ratelimit-remaining: 0")]
    Limited,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
