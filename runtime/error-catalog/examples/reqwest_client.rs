//! A client of the example server (`axum_server.rs`) that reads every error
//! response into a typed `KyaError` and follows its retry advice: it waits out
//! `Retry-After` on 429, backs off exponentially with jitter on 5xx, and stops at
//! once on errors retrying cannot fix (4xx). Attempts are bounded by a
//! `RetryPolicy`.
//!
//! ```text
//! cargo run -p error-catalog --features axum,reqwest-blocking --example reqwest_client -- [BASE_URL]
//! ```
//!
//! BASE_URL is the server's (`http://127.0.0.1:PORT`, as `axum_server` prints it);
//! without one, the example server is started in-process on a free loopback port.

#[path = "axum_server.rs"]
#[allow(dead_code)]
pub mod server;

use std::future::Future;
use std::time::Duration;

use error_catalog::reqwest::{Error, RetryPolicy};
use error_catalog::ApiError;
use error_catalog_services::kya::KyaError;

/// How one logical request ended, and the waits before its retries.
#[derive(Debug)]
pub struct Outcome {
    /// The path requested.
    pub path: String,
    /// The body of the successful response, or the error that ended the request.
    pub result: Result<String, Error<KyaError>>,
    /// The wait before each retry, in order.
    pub waits: Vec<Duration>,
}

impl Outcome {
    /// The typed error that ended the request, if the service sent one.
    pub fn error(&self) -> Option<&KyaError> {
        self.result.as_ref().err().and_then(Error::api)
    }
}

/// A client for a server on loopback: no proxy, and a timeout per request.
pub fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
}

/// The same for blocking code.
pub fn blocking_client() -> reqwest::Result<reqwest::blocking::Client> {
    reqwest::blocking::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
}

/// Says what an error advises, and the wait chosen.
fn log_retry(path: &str, err: &error_catalog::http::Received<KyaError>, delay: Duration) {
    let status = err.error.status().unwrap_or(0);
    let code = err.error.code();
    let advice = err.retry();
    println!("  {path}: {status} {code} \"{err}\": {advice}; waiting {delay:?}");
}

/// Says how a request ended.
fn log_outcome(outcome: &Outcome) {
    match &outcome.result {
        Ok(body) => println!("GET {} -> {body}", outcome.path),
        Err(Error::Api(r)) => {
            let e = &r.error;
            println!(
                "GET {} -> gave up: {} {} \"{e}\" ({})",
                outcome.path,
                e.status().unwrap_or(0),
                e.code(),
                r.retry()
            );
            if let Some(suggestion) = e.suggestion() {
                println!("  suggestion: {suggestion}");
            }
        }
        Err(Error::Transport(e)) => println!("GET {} -> request failed: {e}", outcome.path),
    }
}

/// `GET base + path` with `X-Request-Id: request_id` (kept across retries),
/// following the retry advice under `policy`; `sleep` performs each wait.
pub async fn get<S, F>(
    client: &reqwest::Client,
    base: &str,
    path: &str,
    request_id: &str,
    policy: &RetryPolicy,
    mut sleep: S,
) -> Outcome
where
    S: FnMut(Duration) -> F,
    F: Future<Output = ()>,
{
    let request = client
        .get(format!("{base}{path}"))
        .header("X-Request-Id", request_id);
    let mut waits = Vec::new();
    let sent = error_catalog::reqwest::send::<KyaError, _, _>(request, policy, |err, delay| {
        log_retry(path, err, delay);
        waits.push(delay);
        sleep(delay)
    })
    .await;
    let result = match sent {
        Ok(response) => response.text().await.map_err(Error::Transport),
        Err(e) => Err(e),
    };
    let outcome = Outcome {
        path: path.to_string(),
        result,
        waits,
    };
    log_outcome(&outcome);
    outcome
}

/// [`get`] with the blocking client; `sleep` blocks for each wait.
pub fn get_blocking(
    client: &reqwest::blocking::Client,
    base: &str,
    path: &str,
    policy: &RetryPolicy,
    mut sleep: impl FnMut(Duration),
) -> Outcome {
    let mut waits = Vec::new();
    let request = client.get(format!("{base}{path}"));
    let sent = error_catalog::reqwest::blocking::send::<KyaError>(request, policy, |err, delay| {
        log_retry(path, err, delay);
        waits.push(delay);
        sleep(delay);
    });
    let result = match sent {
        Ok(response) => response.text().map_err(Error::Transport),
        Err(e) => Err(e),
    };
    let outcome = Outcome {
        path: path.to_string(),
        result,
        waits,
    };
    log_outcome(&outcome);
    outcome
}

/// The tour: a success, a rate limit waited out, a flaky RPC backed off, a
/// missing agent given up on at once, a bad id answered as problem details, and
/// the blocking client waiting out a rate limit. Really sleeps (about 2.5 s).
pub async fn tour(base: &str) -> Result<Vec<Outcome>, Box<dyn std::error::Error>> {
    let client = client()?;
    let policy = RetryPolicy::default();
    let sleep = tokio::time::sleep;
    let mut outcomes = Vec::new();
    outcomes.push(get(&client, base, "/agents/42", "tour-1", &policy, sleep).await);
    outcomes.push(get(&client, base, "/agents/42", "tour-2", &policy, sleep).await);
    outcomes.push(
        get(
            &client,
            base,
            "/agents/42/reputation",
            "tour-3",
            &policy,
            sleep,
        )
        .await,
    );
    outcomes.push(get(&client, base, "/agents/9999", "tour-4", &policy, sleep).await);

    // Problem details, when asked for, are read just the same.
    let response = client
        .get(format!("{base}/agents/x1"))
        .header("Accept", "application/problem+json")
        .send()
        .await?;
    let problem = error_catalog::reqwest::read::<KyaError>(response).await?;
    println!(
        "GET /agents/x1 (Accept: application/problem+json) -> {} {} \"{}\"",
        problem.error.status().unwrap_or(0),
        problem.error.code(),
        problem.error
    );

    // The blocking client, on a thread where blocking is allowed.
    let base = base.to_string();
    let blocking = tokio::task::spawn_blocking(move || {
        let client = blocking_client()?;
        let mut outcomes = Vec::new();
        for _ in 0..2 {
            outcomes.push(get_blocking(
                &client,
                &base,
                "/agents/43",
                &policy,
                std::thread::sleep,
            ));
        }
        Ok::<_, reqwest::Error>(outcomes)
    });
    outcomes.extend(blocking.await??);
    Ok(outcomes)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = match std::env::args().nth(1) {
        Some(base) => base.trim_end_matches('/').to_string(),
        None => {
            let listener = server::bind(0).await?;
            let base = format!("http://{}", listener.local_addr()?);
            println!("started the example server on {base}");
            let config = server::Config::default();
            tokio::spawn(server::serve(listener, config, std::future::pending()));
            base
        }
    };
    let outcomes = tour(&base).await?;
    let ok = outcomes.iter().filter(|o| o.result.is_ok()).count();
    println!("{ok} of {} requests succeeded", outcomes.len());
    Ok(())
}
