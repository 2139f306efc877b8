use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(borrowed)]
enum ShopError {
    #[api_error(code = "OUT_OF_STOCK", status = 409, message = "Only {left} left")]
    OutOfStock { left: u32 },
    #[api_error(code = "NOT_FOUND", status = 404, message = "Not found")]
    NotFound,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
