use error_catalog::ApiError;

#[derive(Debug, ApiError)]
enum ShopError {
    #[api_error(code = "NOT_FOUND", status = 404, message = "Not found")]
    NotFound,
}

fn main() {}
