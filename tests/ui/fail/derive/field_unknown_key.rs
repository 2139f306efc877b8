use error_catalog::{ApiError, UnknownError};

#[derive(Debug, ApiError)]
#[api_error(wire = "flat")]
enum ShopError {
    #[api_error(
        code = "NOT_FOUND",
        status = 404,
        message = "Agent {agentId} not found"
    )]
    NotFound {
        #[api_error(renmae = "agentId")]
        agent_id: String,
    },
    #[api_error(unknown)]
    Unknown(UnknownError),
}

fn main() {}
