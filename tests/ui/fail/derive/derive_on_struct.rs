use api_error::ApiError;

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
struct ShopError {
    code: String,
}

fn main() {}
