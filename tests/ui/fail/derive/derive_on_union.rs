use error_catalog::ApiError;

#[derive(ApiError)]
union ShopError {
    code: u32,
    status: u16,
}

fn main() {}
