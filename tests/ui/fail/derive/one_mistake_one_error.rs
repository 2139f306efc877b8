//! One mistake in the attributes, while the rest of the program uses every trait
//! the derive implements: only the mistake may be reported (the derive emits stub
//! impls so that the uses still type-check).
//!
//! Not used here: `serde::Serialize` / `Deserialize` of the enum itself
//! (`serde_json::to_value(&err)`), which the stubs do not implement yet; add them
//! once they do.

use error_catalog::problem::Problem;
use error_catalog::{ApiError, ErrorCatalog, FromResponse, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
enum ShopError {
    #[api_error(code = "NOT_FOUND", stauts = 404, message = "Customer {id} not found")]
    NotFound { id: String },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {
    let err = ShopError::from_response(404, b"{}");
    let _ = (err.to_string(), err.code(), err.status(), err.retry());
    let _ = ShopError::from_problem_json(404, b"{}");
    let _ = (ShopError::SERVICE, ShopError::CODES);
    let _: &dyn std::error::Error = &err;
    let _ = serde_json::to_value(Problem(&err));
}
