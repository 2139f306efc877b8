//! Values that are not literals, of forms syn reads as expressions only with
//! its `full` feature (an array, a closure): one error each, and the keys after
//! them are still read. `tests/ui-plain-syn.sh` compiles this case with a syn
//! without `full`, as a user's build has it.

use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "nested")]
enum ShopError {
    #[api_error(code = "NOT_FOUND", status = [404], message = "Customer {id} not found")]
    NotFound { id: String },
    #[api_error(code = "GONE", status = 410, colour = |a, b| a, message = "Gone")]
    Gone,
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
