use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
enum GitHubError {
    #[api_error(code = "missing_scope", status = 403, message = "Missing scope {scope}",
                fix_command = "gh auth refresh -s {scpoe}")]
    MissingScope { scope: String },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
