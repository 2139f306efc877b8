//! The `axum` integration, over a real loopback socket: the example server's
//! handlers return `KyaError`, and a router of this test's own returns other
//! generated errors and `ProblemResponse`.

#[path = "../examples/axum_server.rs"]
#[allow(dead_code)]
mod server;

use std::time::Duration;

use axum::response::IntoResponse;
use axum::routing;
use axum::Router;
use error_catalog::axum::ProblemResponse;
use error_catalog::http::Received;
use error_catalog::{ApiError, FromResponse, RetryAdvice, UnknownError};
use error_catalog_services::customer_verification::CustomerVerificationError as Cv;
use error_catalog_services::kya::KyaError;

/// Serves `app` on a free loopback port for the rest of the test's runtime.
async fn start(app: Router) -> String {
    let listener = server::bind(0).await.expect("bind 127.0.0.1:0");
    let base = format!("http://{}", listener.local_addr().expect("local address"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    base
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client")
}

/// GETs `url`; returns the status, the content type and the response read into
/// a typed error.
async fn get<E: FromResponse>(url: &str, accept: Option<&str>) -> (u16, String, Received<E>) {
    let mut request = client().get(url);
    if let Some(accept) = accept {
        request = request.header("Accept", accept);
    }
    let response = request.send().await.expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await.expect("body");
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (
        status.as_u16(),
        content_type,
        error_catalog::http::read(status, &headers, &body),
    )
}

#[tokio::test]
async fn example_server_errors_over_loopback() {
    let base = start(server::app(server::Config {
        window: Duration::from_secs(30),
        rpc_failures: 1,
    }))
    .await;

    let (status, content_type, ok) = get::<KyaError>(&format!("{base}/agents/42"), None).await;
    assert_eq!((status, content_type.as_str()), (200, "application/json"));
    assert_eq!(ok.headers.rate_limit.limit, Some(1));

    // Rate limited: status, envelope, Retry-After and the rate-limit headers.
    let (status, content_type, r) = get::<KyaError>(&format!("{base}/agents/42"), None).await;
    assert_eq!((status, content_type.as_str()), (429, "application/json"));
    let KyaError::RateLimited {
        retry_after, limit, ..
    } = r.error
    else {
        panic!("{:?}", r.error)
    };
    assert!((20..=30).contains(&retry_after), "{retry_after}");
    assert_eq!(limit, 1);
    assert_eq!(
        r.headers.retry_after,
        Some(error_catalog::RetryAfter::Seconds(retry_after))
    );
    assert_eq!(r.headers.rate_limit.remaining, Some(0));
    assert_eq!(
        r.retry(),
        RetryAdvice::After(Duration::from_secs(retry_after))
    );

    let cases: [(&str, u16, &str); 4] = [
        ("/agents/9999", 404, "AGENT_NOT_FOUND"),
        ("/agents/7", 403, "TIER_BLOCKED"),
        ("/agents/4x", 400, "VALIDATION_ERROR"),
        ("/agents/5/reputation", 503, "RPC_ERROR"),
    ];
    for (path, want_status, want_code) in cases {
        let (status, content_type, r) = get::<KyaError>(&format!("{base}{path}"), None).await;
        assert_eq!(status, want_status, "{path}");
        assert_eq!(content_type, "application/json", "{path}");
        assert!(r.error.is_known(), "{path}: {:?}", r.error);
        assert_eq!(r.error.code(), want_code);
        assert_eq!(r.error.status(), Some(want_status));
        assert_eq!(r.headers.retry_after, None, "{path}");
        assert_eq!(r.headers.rate_limit.limit, None, "{path}");
    }
    let (status, _, _) = get::<KyaError>(&format!("{base}/agents/5/reputation"), None).await;
    assert_eq!(status, 200, "the RPC node fails once per request id");
}

#[tokio::test]
async fn problem_json_when_asked() {
    let base = start(server::app(server::Config::default())).await;
    let accept = Some("application/problem+json");
    let (status, content_type, r) = get::<KyaError>(&format!("{base}/agents/7"), accept).await;
    assert_eq!(status, 403);
    assert_eq!(content_type, "application/problem+json");
    let KyaError::TierBlocked { required_tier, .. } = r.error else {
        panic!("{:?}", r.error)
    };
    assert_eq!(required_tier, 1);

    let _ = get::<KyaError>(&format!("{base}/agents/3"), None).await;
    let (status, content_type, r) = get::<KyaError>(&format!("{base}/agents/3"), accept).await;
    assert_eq!(
        (status, content_type.as_str()),
        (429, "application/problem+json")
    );
    assert!(matches!(r.error, KyaError::RateLimited { .. }));
    assert_eq!(
        r.headers.retry_after,
        Some(error_catalog::RetryAfter::Seconds(1))
    );

    // Not asked: the envelope.
    let (_, content_type, _) = get::<KyaError>(&format!("{base}/agents/7"), None).await;
    assert_eq!(content_type, "application/json");
}

fn rate_limit_exceeded() -> Cv {
    Cv::RateLimitExceeded {
        retry_after: 60,
        details: None,
        field: None,
        extra: Default::default(),
    }
}

#[tokio::test]
async fn any_generated_enum_and_problem_wrapper() {
    async fn limited() -> Result<String, Cv> {
        Err(rate_limit_exceeded())
    }
    async fn limited_problem() -> Result<String, ProblemResponse<Cv>> {
        Err(rate_limit_exceeded())?
    }
    async fn no_status() -> Cv {
        Cv::WebhookDeliveryFailed {
            details: Some("Endpoint returned 500 error".into()),
            field: None,
            extra: Default::default(),
        }
    }
    async fn proxied() -> KyaError {
        KyaError::Unknown(UnknownError::new(Some(502), b"<html>Bad Gateway</html>"))
    }
    let app = Router::new()
        .route("/limited", routing::get(limited))
        .route("/limited/problem", routing::get(limited_problem))
        .route("/no-status", routing::get(no_status))
        .route("/proxied", routing::get(proxied));
    let base = start(app).await;

    let (status, content_type, r) = get::<Cv>(&format!("{base}/limited"), None).await;
    assert_eq!((status, content_type.as_str()), (429, "application/json"));
    assert_eq!(r.error, rate_limit_exceeded());
    assert_eq!(
        r.headers.retry_after,
        Some(error_catalog::RetryAfter::Seconds(60))
    );
    assert_eq!(r.headers.rate_limit.limit, None);

    let (status, content_type, r) = get::<Cv>(&format!("{base}/limited/problem"), None).await;
    assert_eq!(
        (status, content_type.as_str()),
        (429, "application/problem+json")
    );
    assert!(matches!(
        r.error,
        Cv::RateLimitExceeded {
            retry_after: 60,
            ..
        }
    ));
    assert_eq!(
        r.headers.retry_after,
        Some(error_catalog::RetryAfter::Seconds(60))
    );

    let (status, _, r) = get::<Cv>(&format!("{base}/no-status"), None).await;
    assert_eq!(status, 500);
    assert!(matches!(r.error, Cv::WebhookDeliveryFailed { .. }));

    let response = client()
        .get(format!("{base}/proxied"))
        .send()
        .await
        .expect("response");
    assert_eq!(response.status(), 502);
    assert!(response.headers().get("retry-after").is_none());
    let body = response.bytes().await.expect("body");
    // Not JSON: sent as a JSON string, as its `Serialize` writes it.
    assert_eq!(&body[..], br#""<html>Bad Gateway</html>""#);
}

#[test]
fn into_response_in_process() {
    let response = rate_limit_exceeded().into_response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "60");
    let response = ProblemResponse(rate_limit_exceeded()).into_response();
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
}

#[tokio::test]
async fn redacted_responses_keep_internals_in() {
    use error_catalog::axum::Redacted;

    let rpc = KyaError::RpcError {
        rpc_url: "http://10.0.0.7:8545".into(),
        method: "eth_call".into(),
        timestamp: None,
        extra: Default::default(),
    };
    let upstream = KyaError::Unknown(UnknownError::new(
        Some(502),
        b"<html>db at 10.0.0.7 timed out</html>",
    ));
    for (err, status) in [(rpc, 503), (upstream, 502)] {
        let response = Redacted(err).into_response();
        assert_eq!(response.status(), status);
        let body = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .expect("body");
        let text = String::from_utf8_lossy(&body);
        assert!(!text.contains("10.0.0.7"), "{text}");
    }

    // What clients may see is kept, and so are the retry headers.
    let response = Redacted(rate_limit_exceeded()).into_response();
    assert_eq!(response.headers()["retry-after"], "60");
}
