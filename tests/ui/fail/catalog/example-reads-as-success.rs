use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/example_reads_as_success.toml")]
enum SlackError {
    ChannelNotFound,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
