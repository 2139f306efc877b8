use error_catalog::{ApiError, UnknownError};

#[derive(Debug, serde::Deserialize, serde::Serialize)]
pub struct Item {
    sku: String,
}

#[derive(Debug, ApiError)]
#[api_error(catalog = "ui/catalogs/lists.toml")]
enum ShopError {
    OutOfStock {
        skus: String,
        items: Option<Vec<Item>>,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
