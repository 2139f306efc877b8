//! A small KYA-style verification API whose handlers return the bundled
//! `KyaError`: each error becomes a response with its status, the service's JSON
//! envelope, and `Retry-After` / `X-RateLimit-*` where the error carries them —
//! or problem details when the request's `Accept` asks for
//! `application/problem+json`.
//!
//! ```text
//! cargo run -p error-catalog --features axum --example axum_server -- [PORT] [SECONDS]
//! ```
//!
//! It listens on 127.0.0.1 only (port 0, the default, picks a free one) and stops
//! after SECONDS when given. Routes:
//!
//! - `GET /agents/{id}`: the agent, rate-limited to one request per window per
//!   agent (429 `RATE_LIMITED` with `Retry-After`); `9999` and `0` are not
//!   registered (404 `AGENT_NOT_FOUND`), `7` has no stake (403 `TIER_BLOCKED`), a
//!   non-numeric id is a 400 `VALIDATION_ERROR`;
//! - `GET /agents/{id}/reputation`: reads "on-chain" data through a flaky RPC node:
//!   the first attempts of each request (by `X-Request-Id`) fail with 503
//!   `RPC_ERROR`.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{Path, Request, State};
use axum::http::header::{HeaderName, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use error_catalog::axum::ProblemResponse;
use error_catalog::FromResponse;
use error_catalog_services::kya::KyaError;
use tokio::net::TcpListener;

/// How the server behaves.
#[derive(Debug, Clone, Copy)]
pub struct Config {
    /// Each agent may make one request per window.
    pub window: Duration,
    /// How many attempts of each reputation request fail with 503 first.
    pub rpc_failures: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            window: Duration::from_secs(1),
            rpc_failures: 2,
        }
    }
}

/// The server's state: the rate limiter and the flaky RPC node's memory.
struct Shared {
    config: Config,
    last_request: Mutex<HashMap<String, Instant>>,
    rpc_attempts: Mutex<HashMap<String, u32>>,
}

type AppState = Arc<Shared>;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The application: routes, state and the content negotiation of errors.
pub fn app(config: Config) -> Router {
    let state = Arc::new(Shared {
        config,
        last_request: Mutex::new(HashMap::new()),
        rpc_attempts: Mutex::new(HashMap::new()),
    });
    Router::new()
        .route("/agents/{id}", get(agent))
        .route("/agents/{id}/reputation", get(reputation))
        .layer(middleware::from_fn(problem_when_asked))
        .layer(middleware::from_fn(echo_request_id))
        .with_state(state)
}

/// Serves `app(config)` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, app(config))
        .with_graceful_shutdown(shutdown)
        .await
}

/// `GET /agents/{id}`: handlers return the generated error type directly.
async fn agent(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, KyaError> {
    let tier = registered(&id)?;
    rate_limit(&state, &id, tier)?;
    let body = format!(r#"{{"agentId": "{id}", "tier": {tier}, "verified": true}}"#);
    let mut response = json(body);
    let headers = response.headers_mut();
    headers.insert("x-ratelimit-limit", HeaderValue::from(1u32));
    headers.insert("x-ratelimit-remaining", HeaderValue::from(0u32));
    Ok(response)
}

/// `GET /agents/{id}/reputation`: fails while the RPC node is "down".
async fn reputation(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, KyaError> {
    registered(&id)?;
    let key = headers
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let attempt = {
        let mut attempts = lock(&state.rpc_attempts);
        if attempts.len() > 10_000 {
            attempts.clear();
        }
        let n = attempts.entry(key).or_insert(0);
        *n += 1;
        *n
    };
    if attempt <= state.config.rpc_failures {
        return Err(KyaError::RpcError {
            rpc_url: "http://127.0.0.1:8545".into(),
            method: "eth_call".into(),
            timestamp: now_ms(),
            extra: Default::default(),
        });
    }
    Ok(json(format!(r#"{{"agentId": "{id}", "score": 87}}"#)))
}

/// The agent's tier, or why it cannot use the API.
#[allow(clippy::result_large_err)] // a generated error is a large enum; fine on an error path
fn registered(id: &str) -> Result<u8, KyaError> {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(KyaError::ValidationError {
            field: "agentId".into(),
            received: serde_json::Value::String(id.into()),
            timestamp: now_ms(),
            extra: Default::default(),
        });
    }
    match id.trim_start_matches('0') {
        "" | "9999" => Err(KyaError::AgentNotFound {
            agent_id: id.into(),
            timestamp: now_ms(),
            extra: Default::default(),
        }),
        "7" => Err(KyaError::TierBlocked {
            agent_id: id.into(),
            current_tier: 0,
            required_tier: 1,
            required_stake: "1000000000000000000000".into(),
            timestamp: now_ms(),
            extra: Default::default(),
        }),
        _ => Ok(1),
    }
}

/// One request per window per agent (tier 1, "Bronze").
#[allow(clippy::result_large_err)]
fn rate_limit(state: &Shared, id: &str, tier: u8) -> Result<(), KyaError> {
    let now = Instant::now();
    let window = state.config.window;
    let mut last = lock(&state.last_request);
    if let Some(at) = last.get(id) {
        let elapsed = now.duration_since(*at);
        if elapsed < window {
            let wait = (window - elapsed).as_secs_f64().ceil().max(1.0) as u64;
            return Err(KyaError::RateLimited {
                agent_id: id.into(),
                tier,
                limit: 1,
                retry_after: wait,
                timestamp: now_ms(),
                extra: Default::default(),
            });
        }
    }
    if last.len() > 10_000 {
        last.clear();
    }
    last.insert(id.to_string(), now);
    Ok(())
}

/// Unix milliseconds, as KYA stamps its errors.
fn now_ms() -> Option<u64> {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    since.ok().and_then(|d| u64::try_from(d.as_millis()).ok())
}

fn json(body: String) -> Response {
    ([(CONTENT_TYPE, "application/json")], body).into_response()
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Answers errors as `application/problem+json` when the request asks for it: the
/// JSON error is classified back into a `KyaError` (losslessly) and sent as
/// `ProblemResponse`, with the same status and retry headers.
async fn problem_when_asked(request: Request, next: Next) -> Response {
    let wants_problem = error_catalog::http::accepts_problem_json(request.headers());
    let response = next.run(request).await;
    let is_error = response.status().is_client_error() || response.status().is_server_error();
    if !wants_problem || !is_error {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 1 << 20).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut problem =
        ProblemResponse(KyaError::from_response(parts.status.as_u16(), &bytes)).into_response();
    // Keep the handler's other headers.
    for (name, value) in &parts.headers {
        if name != CONTENT_TYPE && name != CONTENT_LENGTH && !problem.headers().contains_key(name) {
            problem.headers_mut().insert(name, value.clone());
        }
    }
    problem
}

/// Sends the request's `X-Request-Id` back.
async fn echo_request_id(request: Request, next: Next) -> Response {
    let id = request.headers().get(&REQUEST_ID).cloned();
    let mut response = next.run(request).await;
    if let Some(id) = id {
        response.headers_mut().insert(REQUEST_ID, id);
    }
    response
}

/// Binds 127.0.0.1:`port` (0: any free port).
pub async fn bind(port: u16) -> std::io::Result<TcpListener> {
    TcpListener::bind(("127.0.0.1", port)).await
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let port: u16 = match args.next() {
        Some(p) => p.parse().map_err(|e| format!("PORT {p:?}: {e}"))?,
        None => 0,
    };
    let seconds: Option<u64> = match args.next() {
        Some(s) => Some(s.parse().map_err(|e| format!("SECONDS {s:?}: {e}"))?),
        None => None,
    };
    let listener = bind(port).await?;
    println!("listening on http://{}", listener.local_addr()?);
    let shutdown = async move {
        match seconds {
            Some(s) => tokio::time::sleep(Duration::from_secs(s)).await,
            None => std::future::pending().await,
        }
    };
    serve(listener, Config::default(), shutdown).await?;
    println!("stopped");
    Ok(())
}
