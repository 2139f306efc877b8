use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(code = "NOT_FOUND", status = 404, message = "Customer not found")]
    CustomerNotFound,
    #[api_error(code = "NOT_FOUND", status = 404, message = "Order not found")]
    OrderNotFound,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
