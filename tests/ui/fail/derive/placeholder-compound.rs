use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
enum ShopError {
    #[api_error(code = "OUT_OF_STOCK", status = 409, message = "Out of stock: {skus}")]
    OutOfStock { skus: Vec<String> },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
