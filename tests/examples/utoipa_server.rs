//! An axum server whose OpenAPI document (built by utoipa) lists every error
//! of `KyaError`, served at `/openapi.json`: the `utoipa` feature of
//! error-catalog gives the enum `ToSchema` and `IntoResponses`, so one line
//! in `#[utoipa::path]` documents them all.
//!
//! ```sh
//! cargo run -p error-catalog-tests --example utoipa_server   # then GET http://127.0.0.1:3000/openapi.json
//! ```

use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use axum::Router;
use error_catalog_services::kya::KyaError;
use tokio::net::TcpListener;
use utoipa::OpenApi;

/// Looks an agent up; any of `KyaError` otherwise.
#[utoipa::path(
    get,
    path = "/agents/{id}",
    params(("id" = String, Path, description = "The agent's id")),
    responses((status = 200, description = "The agent", body = String), KyaError)
)]
async fn agent(axum::extract::Path(id): axum::extract::Path<String>) -> Result<String, KyaError> {
    if id == "9" {
        Ok("agent 9".to_string())
    } else {
        Err(KyaError::InternalError {
            timestamp: None,
            extra: error_catalog::Extra::default(),
        })
    }
}

/// The document: the path above, and the enum's schemas.
#[derive(OpenApi)]
#[openapi(paths(agent), components(schemas(KyaError)))]
pub struct ApiDoc;

/// The document as JSON.
async fn openapi_json() -> ([(axum::http::HeaderName, &'static str); 1], String) {
    let text = ApiDoc::openapi()
        .to_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    ([(CONTENT_TYPE, "application/json")], text)
}

/// The application: the API and its document.
pub fn app() -> Router {
    Router::new()
        .route("/agents/{id}", get(agent))
        .route("/openapi.json", get(openapi_json))
}

/// Serves `app()` on `listener` until the process ends.
pub async fn serve(listener: TcpListener) -> std::io::Result<()> {
    axum::serve(listener, app()).await
}

#[allow(dead_code)]
#[tokio::main(flavor = "current_thread")]
async fn main() -> std::io::Result<()> {
    serve(TcpListener::bind(("127.0.0.1", 3000)).await?).await
}
