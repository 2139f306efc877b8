//! The [`reqwest`] integration (cargo feature `reqwest`, which implies
//! `http`; `reqwest-blocking` adds [`blocking`]).
//!
//! - [`read`]: a response (status, headers, body) into a typed error in one call;
//! - [`check`]: success responses through, error responses as [`Error::Api`];
//! - [`send`]: sends a request and follows the error's retry advice under a
//!   [`RetryPolicy`]: waits on `Retry-After`, backs off exponentially with jitter
//!   on 5xx, stops on errors retrying cannot fix.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), reqwest::Error> {
//! use error_catalog_services::kya::KyaError;
//!
//! # let response: reqwest::Response = http::Response::builder().status(429)
//! #     .header("Retry-After", "45")
//! #     .body(r#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED",
//! #              "details": {"agentId": "42", "tier": 1, "limit": 1, "retryAfter": 45}}"#)
//! #     .unwrap().into();
//! // let response = client.get(url).send().await?;
//! let received = error_catalog::reqwest::read::<KyaError>(response).await?;
//! assert!(matches!(received.error, KyaError::RateLimited { retry_after: 45, .. }));
//! assert_eq!(received.retry().to_string(), "retry in 45 s");
//! # Ok(())
//! # }
//! ```

use std::fmt;
use std::future::Future;
use std::time::Duration;

use ::reqwest::{RequestBuilder, Response};

pub use crate::http::Received;
use crate::{ApiError, FromResponse};
pub use crate::{Backoff, RetryPolicy};

/// A request that failed: the service answered with an error, or the request did
/// not get an answer. Displays as the error it holds.
///
/// ```
/// use error_catalog::reqwest::{Error, Received};
/// use error_catalog::ResponseHeaders;
/// use error_catalog_services::kya::KyaError;
///
/// let err: Error<KyaError> = Error::Api(Received::new(
///     KyaError::InternalError { timestamp: None, extra: Default::default() }, ResponseHeaders::default()));
/// assert_eq!(err.to_string(), "An unexpected error occurred");
/// assert!(matches!(err.api(), Some(KyaError::InternalError { .. })));
/// ```
#[derive(Debug)]
pub enum Error<E> {
    /// The service answered with an error response, classified.
    Api(Received<E>),
    /// Sending the request or reading the response failed.
    Transport(::reqwest::Error),
}

impl<E> Error<E> {
    /// The service's error, if it answered with one.
    ///
    /// ```
    /// use error_catalog::reqwest::{Error, Received};
    /// use error_catalog_services::kya::KyaError;
    ///
    /// let err: Error<KyaError> = Error::Api(Received::new(
    ///     KyaError::InternalError { timestamp: None, extra: Default::default() }, Default::default()));
    /// assert!(err.api().is_some());
    /// ```
    pub fn api(&self) -> Option<&E> {
        match self {
            Error::Api(r) => Some(&r.error),
            Error::Transport(_) => None,
        }
    }

    /// The received error with its headers, if the service answered with one.
    ///
    /// ```
    /// use error_catalog::reqwest::{Error, Received};
    /// use error_catalog_services::kya::KyaError;
    ///
    /// let err: Error<KyaError> = Error::Api(Received::new(
    ///     KyaError::InternalError { timestamp: None, extra: Default::default() }, Default::default()));
    /// assert!(err.into_received().is_some());
    /// ```
    pub fn into_received(self) -> Option<Received<E>> {
        match self {
            Error::Api(r) => Some(r),
            Error::Transport(_) => None,
        }
    }
}

impl<E: fmt::Display> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(r) => r.error.fmt(f),
            Error::Transport(e) => e.fmt(f),
        }
    }
}

impl<E: std::error::Error> std::error::Error for Error<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Api(r) => r.error.source(),
            Error::Transport(e) => e.source(),
        }
    }
}

impl<E> From<::reqwest::Error> for Error<E> {
    /// A transport failure.
    ///
    /// ```
    /// # async fn f() -> Result<(), error_catalog::reqwest::Error<error_catalog_services::kya::KyaError>> {
    /// let response = reqwest::Client::new().get("http://127.0.0.1:9/").send().await?; // `?` converts
    /// # Ok(()) }
    /// ```
    fn from(e: ::reqwest::Error) -> Self {
        Error::Transport(e)
    }
}

/// Reads a response — status, headers and body — into a typed error with its
/// headers ([`http::read`](crate::http::read): problem details when the
/// `Content-Type` says so). Fails only when the body cannot be read.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), reqwest::Error> {
/// use error_catalog_services::kya::KyaError;
///
/// let response: reqwest::Response = http::Response::builder().status(404)
///     .header("X-Request-Id", "req-1")
///     .body(r#"{"error": "Agent ID 9 not found in IdentityRegistry", "errorType": "AGENT_NOT_FOUND",
///              "details": {"agentId": "9"}}"#)
///     .unwrap().into();
/// let received = error_catalog::reqwest::read::<KyaError>(response).await?;
/// assert!(matches!(&received.error, KyaError::AgentNotFound { agent_id, .. } if agent_id == "9"));
/// assert_eq!(received.request_id(), Some("req-1"));
/// # Ok(())
/// # }
/// ```
pub async fn read<E: FromResponse>(response: Response) -> Result<Received<E>, ::reqwest::Error> {
    let status = response.status();
    let problem = crate::http::is_problem_json(response.headers());
    let map = response.headers().clone();
    let body = response.bytes().await?;
    Ok(decode(status.as_u16(), problem, &body, &map))
}

/// Decodes a received body by its media type (problem+json or the service's
/// envelope, whose errors may be told apart by a header), with its headers.
fn decode<E: FromResponse>(
    status: u16,
    problem: bool,
    body: &[u8],
    headers: &::http::HeaderMap,
) -> Received<E> {
    // read once by the enum's names: decoding and retry advice see the same
    let read = crate::http::headers_from_with(&E::HEADER_NAMES, headers);
    let error = if problem {
        E::from_problem_json(status, body)
    } else {
        E::from_parts(status, &read, body)
    };
    Received::new(error, read)
}

/// Passes a success (or any status below 400) through, and reads an error
/// response (4xx, 5xx) into [`Error::Api`].
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use error_catalog::reqwest::Error;
/// use error_catalog_services::kya::KyaError;
///
/// let ok: reqwest::Response = http::Response::builder().status(200).body("{}").unwrap().into();
/// assert!(error_catalog::reqwest::check::<KyaError>(ok).await.is_ok());
///
/// let failed: reqwest::Response = http::Response::builder().status(503).body("").unwrap().into();
/// let err = error_catalog::reqwest::check::<KyaError>(failed).await.unwrap_err();
/// assert!(matches!(err, Error::Api(r) if r.error.status() == Some(503)));
/// # }
/// # use error_catalog::ApiError;
/// ```
///
/// A service that answers errors with 2xx too marks success in the body
/// (`[wire] success`, [`FromResponse::SUCCESS_IN_BODY`]): then a 2xx body is
/// read, and either given back in a response of the same status, headers and
/// version (its URL is not kept), or read as the error it is
/// ([`FromResponse::error_in`]).
pub async fn check<E: FromResponse>(response: Response) -> Result<Response, Error<E>> {
    let status = response.status();
    if is_error(status) {
        return Err(Error::Api(read(response).await?));
    }
    if !(E::SUCCESS_IN_BODY && status.is_success()) {
        return Ok(response);
    }
    let (headers, version) = (response.headers().clone(), response.version());
    let body = response.bytes().await?;
    match settle::<E, _>(status, headers, version, body) {
        Ok(success) => Ok(success.into()),
        Err(received) => Err(Error::Api(received)),
    }
}

/// A 2xx response of a service that marks success in the body: the response
/// rebuilt for a success, the error it carries otherwise.
fn settle<E: FromResponse, B: AsRef<[u8]>>(
    status: ::http::StatusCode,
    headers: ::http::HeaderMap,
    version: ::http::Version,
    body: B,
) -> Result<::http::Response<B>, Received<E>> {
    if E::is_success(status.as_u16(), body.as_ref()) {
        let mut response = ::http::Response::new(body);
        *response.status_mut() = status;
        *response.headers_mut() = headers;
        *response.version_mut() = version;
        return Ok(response);
    }
    let problem = crate::http::is_problem_json(&headers);
    Err(decode(status.as_u16(), problem, body.as_ref(), &headers))
}

fn is_error(status: ::http::StatusCode) -> bool {
    status.is_client_error() || status.is_server_error()
}

/// Sends `request` and follows the retry advice of the errors it gets back, under
/// `policy` (see [`Backoff::next`]): an announced wait (`Retry-After`, a body's
/// wait field, a rate-limit reset) is waited out, a 5xx or an error whose catalog
/// says `backoff` is retried after an exponential, jittered backoff, and an error
/// retrying cannot fix (most 4xx) is returned at once, as is the last error when
/// the attempts run out.
///
/// Before each retry it calls `wait(&error, delay)` and awaits the future it
/// returns: pass your runtime's sleep (`|_, d| tokio::time::sleep(d)`), log there,
/// or skip the wait in tests. Transport failures are returned, not retried; a
/// request whose body cannot be cloned (a stream) is sent once.
///
/// ```no_run
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() {
/// use error_catalog::reqwest::RetryPolicy;
/// use error_catalog_services::kya::KyaError;
///
/// let client = reqwest::Client::new();
/// let request = client.get("http://127.0.0.1:3000/agents/42");
/// let result = error_catalog::reqwest::send::<KyaError, _, _>(request, &RetryPolicy::default(), |err, delay| {
///     eprintln!("{err}: retrying in {delay:?}");
///     tokio::time::sleep(delay)
/// })
/// .await;
/// match result {
///     Ok(response) => println!("{}", response.status()),
///     Err(err) => eprintln!("gave up: {err}"),
/// }
/// # }
/// ```
pub async fn send<E, W, F>(
    request: RequestBuilder,
    policy: &RetryPolicy,
    mut wait: W,
) -> Result<Response, Error<E>>
where
    E: FromResponse + ApiError,
    W: FnMut(&Received<E>, Duration) -> F,
    F: Future<Output = ()>,
{
    let mut backoff = policy.start();
    let mut request = request;
    loop {
        let again = request.try_clone();
        let received = match check::<E>(request.send().await?).await {
            Err(Error::Api(received)) => received,
            done => return done,
        };
        match (again, backoff.next_delay(&received)) {
            (Some(again), Some(delay)) => {
                wait(&received, delay).await;
                request = again;
            }
            _ => return Err(Error::Api(received)),
        }
    }
}

/// The same for [`reqwest::blocking`] (cargo feature
/// `reqwest-blocking`).
///
/// ```
/// use error_catalog_services::kya::KyaError;
///
/// let response: reqwest::blocking::Response = http::Response::builder().status(500)
///     .body(r#"{"error": "An unexpected error occurred", "errorType": "INTERNAL_ERROR"}"#)
///     .unwrap().into();
/// let received = error_catalog::reqwest::blocking::read::<KyaError>(response).unwrap();
/// assert_eq!(received.retry(), error_catalog::RetryAdvice::Backoff);
/// ```
#[cfg(feature = "reqwest-blocking")]
pub mod blocking {
    use std::time::Duration;

    use ::reqwest::blocking::{RequestBuilder, Response};

    use super::{decode, is_error, Error, Received, RetryPolicy};
    use crate::{ApiError, FromResponse};

    /// [`super::read`] for a blocking response.
    ///
    /// ```
    /// use error_catalog_services::kya::KyaError;
    ///
    /// let response: reqwest::blocking::Response = http::Response::builder().status(429)
    ///     .header("Retry-After", "2")
    ///     .body(r#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED",
    ///              "details": {"agentId": "42", "tier": 1, "limit": 1, "retryAfter": 2}}"#)
    ///     .unwrap().into();
    /// let received = error_catalog::reqwest::blocking::read::<KyaError>(response).unwrap();
    /// assert_eq!(received.retry().seconds(), Some(2));
    /// ```
    pub fn read<E: FromResponse>(response: Response) -> Result<Received<E>, ::reqwest::Error> {
        let status = response.status();
        let problem = crate::http::is_problem_json(response.headers());
        let map = response.headers().clone();
        let body = response.bytes()?;
        Ok(decode(status.as_u16(), problem, &body, &map))
    }

    /// [`super::check`] for a blocking response.
    ///
    /// ```
    /// use error_catalog_services::kya::KyaError;
    ///
    /// let ok: reqwest::blocking::Response = http::Response::builder().status(204).body("").unwrap().into();
    /// assert!(error_catalog::reqwest::blocking::check::<KyaError>(ok).is_ok());
    /// ```
    pub fn check<E: FromResponse>(response: Response) -> Result<Response, Error<E>> {
        let status = response.status();
        if is_error(status) {
            return Err(Error::Api(read(response)?));
        }
        if !(E::SUCCESS_IN_BODY && status.is_success()) {
            return Ok(response);
        }
        let (headers, version) = (response.headers().clone(), response.version());
        let body = response.bytes()?;
        match super::settle::<E, _>(status, headers, version, body) {
            Ok(success) => Ok(success.into()),
            Err(received) => Err(Error::Api(received)),
        }
    }

    /// [`super::send`] for a blocking client; `wait` blocks for the delay (pass
    /// `|_, d| std::thread::sleep(d)`).
    ///
    /// ```no_run
    /// use error_catalog::reqwest::RetryPolicy;
    /// use error_catalog_services::kya::KyaError;
    ///
    /// let client = reqwest::blocking::Client::new();
    /// let request = client.get("http://127.0.0.1:3000/agents/42");
    /// let policy = RetryPolicy::default();
    /// match error_catalog::reqwest::blocking::send::<KyaError>(request, &policy, |_, d| std::thread::sleep(d)) {
    ///     Ok(response) => println!("{}", response.status()),
    ///     Err(err) => eprintln!("gave up: {err}"),
    /// }
    /// ```
    pub fn send<E: FromResponse + ApiError>(
        request: RequestBuilder,
        policy: &RetryPolicy,
        mut wait: impl FnMut(&Received<E>, Duration),
    ) -> Result<Response, Error<E>> {
        let mut backoff = policy.start();
        let mut request = request;
        loop {
            let again = request.try_clone();
            let received = match check::<E>(request.send()?) {
                Err(Error::Api(received)) => received,
                done => return done,
            };
            match (again, backoff.next_delay(&received)) {
                (Some(again), Some(delay)) => {
                    wait(&received, delay);
                    request = again;
                }
                _ => return Err(Error::Api(received)),
            }
        }
    }
}
