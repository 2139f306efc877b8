use error_catalog::ApiError;

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
struct ShopError {
    code: String,
}

fn main() {}
