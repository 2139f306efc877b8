use api_error::ApiError;

#[derive(ApiError)]
union ShopError {
    code: u32,
    status: u16,
}

fn main() {}
