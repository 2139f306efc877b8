//! The `reqwest` integration: the example client against the example server, over
//! loopback. Waits are recorded; only the tour and the rate-limit tests really
//! sleep (for `Retry-After: 1`).

#[path = "../examples/reqwest_client.rs"]
#[allow(dead_code)]
mod client;

use std::future::Ready;
use std::time::Duration;

use client::server;
use error_catalog::reqwest::{Error, RetryPolicy};
use error_catalog::{ApiError, RetryAdvice};
use error_catalog_services::kya::KyaError;

/// Serves the example server with `config` on a free loopback port.
async fn start(config: server::Config) -> String {
    let listener = server::bind(0).await.expect("bind 127.0.0.1:0");
    let base = format!("http://{}", listener.local_addr().expect("local address"));
    tokio::spawn(server::serve(listener, config, std::future::pending()));
    base
}

/// A sleep that does not sleep.
fn no_wait(_: Duration) -> Ready<()> {
    std::future::ready(())
}

fn seeded(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        seed: Some(2024),
        ..RetryPolicy::default()
    }
}

fn http() -> reqwest::Client {
    client::client().expect("client")
}

/// Each wait lies within the equal-jitter bounds of its backoff.
fn assert_jittered(policy: &RetryPolicy, waits: &[Duration]) {
    for (i, wait) in waits.iter().enumerate() {
        let full = policy.backoff(i as u32 + 1);
        assert!(*wait >= full / 2 && *wait <= full, "wait {i}: {wait:?}");
    }
}

#[tokio::test]
async fn the_example_tour() {
    let base = start(server::Config::default()).await;
    let outcomes = client::tour(&base).await.expect("tour");
    let summary: Vec<(&str, bool, usize)> = outcomes
        .iter()
        .map(|o| (o.path.as_str(), o.result.is_ok(), o.waits.len()))
        .collect();
    assert_eq!(
        summary,
        [
            ("/agents/42", true, 0),
            ("/agents/42", true, 1),
            ("/agents/42/reputation", true, 2),
            ("/agents/9999", false, 0),
            ("/agents/43", true, 0),
            ("/agents/43", true, 1),
        ]
    );
    assert_eq!(outcomes[1].waits, [Duration::from_secs(1)]);
    assert_eq!(outcomes[5].waits, [Duration::from_secs(1)]);
    assert_jittered(&RetryPolicy::default(), &outcomes[2].waits);
    assert!(matches!(
        outcomes[3].error(),
        Some(KyaError::AgentNotFound { agent_id, .. }) if agent_id == "9999"
    ));
}

#[tokio::test]
async fn waits_on_retry_after() {
    let base = start(server::Config::default()).await;
    let policy = seeded(4);
    let first = client::get(&http(), &base, "/agents/8", "a", &policy, no_wait).await;
    assert!(first.result.is_ok());
    let started = std::time::Instant::now();
    let second = client::get(
        &http(),
        &base,
        "/agents/8",
        "b",
        &policy,
        tokio::time::sleep,
    )
    .await;
    assert!(second.result.is_ok(), "{:?}", second.result);
    assert_eq!(second.waits, [Duration::from_secs(1)]);
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[tokio::test]
async fn backs_off_with_jitter_on_5xx() {
    let base = start(server::Config {
        rpc_failures: 3,
        ..server::Config::default()
    })
    .await;
    let policy = seeded(4);
    let outcome = client::get(
        &http(),
        &base,
        "/agents/1/reputation",
        "r",
        &policy,
        no_wait,
    )
    .await;
    assert!(outcome.result.is_ok(), "{:?}", outcome.result);
    assert_eq!(outcome.waits.len(), 3);
    assert_jittered(&policy, &outcome.waits);

    // The same seed against a fresh request id: the same waits.
    let again = client::get(
        &http(),
        &base,
        "/agents/1/reputation",
        "s",
        &policy,
        no_wait,
    )
    .await;
    assert_eq!(again.waits, outcome.waits);
}

#[tokio::test]
async fn gives_up_when_attempts_run_out() {
    let base = start(server::Config {
        rpc_failures: 100,
        ..server::Config::default()
    })
    .await;
    let outcome = client::get(
        &http(),
        &base,
        "/agents/1/reputation",
        "x",
        &seeded(3),
        no_wait,
    )
    .await;
    assert_eq!(outcome.waits.len(), 2);
    let Err(Error::Api(received)) = &outcome.result else {
        panic!("{:?}", outcome.result)
    };
    assert!(matches!(received.error, KyaError::RpcError { .. }));
    assert_eq!(received.retry(), RetryAdvice::Backoff);
}

#[tokio::test]
async fn stops_on_4xx() {
    let base = start(server::Config::default()).await;
    for (path, code) in [
        ("/agents/7", "TIER_BLOCKED"),
        ("/agents/9999", "AGENT_NOT_FOUND"),
        ("/agents/abc", "VALIDATION_ERROR"),
    ] {
        let outcome = client::get(&http(), &base, path, "4xx", &seeded(4), no_wait).await;
        assert!(outcome.waits.is_empty(), "{path}");
        let err = outcome.error().expect("an API error");
        assert_eq!(err.code(), code);
        assert_eq!(err.retry(), RetryAdvice::Never);
    }
}

#[tokio::test]
async fn gives_up_on_a_wait_longer_than_allowed() {
    let base = start(server::Config {
        window: Duration::from_secs(120),
        ..server::Config::default()
    })
    .await;
    let policy = seeded(4);
    let _ = client::get(&http(), &base, "/agents/2", "a", &policy, no_wait).await;
    let outcome = client::get(&http(), &base, "/agents/2", "b", &policy, no_wait).await;
    assert!(outcome.waits.is_empty());
    let Err(Error::Api(received)) = &outcome.result else {
        panic!("{:?}", outcome.result)
    };
    assert!(matches!(received.error, KyaError::RateLimited { .. }));
    assert!(received.retry().seconds().is_some_and(|s| s > 60));
}

#[tokio::test]
async fn read_and_check() {
    let base = start(server::Config::default()).await;
    let response = http()
        .get(format!("{base}/agents/7"))
        .header("Accept", "application/problem+json")
        .header("X-Request-Id", "req-7")
        .send()
        .await
        .expect("response");
    let received = error_catalog::reqwest::read::<KyaError>(response)
        .await
        .expect("body");
    assert!(matches!(
        received.error,
        KyaError::TierBlocked {
            current_tier: 0,
            ..
        }
    ));
    assert_eq!(received.request_id(), Some("req-7"));

    let ok = http()
        .get(format!("{base}/agents/11"))
        .send()
        .await
        .expect("response");
    let ok = error_catalog::reqwest::check::<KyaError>(ok)
        .await
        .expect("2xx");
    assert_eq!(ok.status(), 200);
}

#[tokio::test]
async fn transport_errors_are_not_retried() {
    // A port nothing listens on any more.
    let listener = server::bind(0).await.expect("bind");
    let addr = listener.local_addr().expect("local address");
    drop(listener);
    let request = http().get(format!("http://{addr}/agents/1"));
    let mut waits = 0;
    let result = error_catalog::reqwest::send::<KyaError, _, _>(request, &seeded(4), |_, d| {
        waits += 1;
        no_wait(d)
    })
    .await;
    assert!(matches!(result, Err(Error::Transport(_))), "{result:?}");
    assert_eq!(waits, 0);
}

#[tokio::test]
async fn blocking_client() {
    let base = start(server::Config {
        rpc_failures: 2,
        ..server::Config::default()
    })
    .await;
    let outcomes = tokio::task::spawn_blocking(move || {
        let client = client::blocking_client().expect("client");
        let policy = seeded(4);
        let flaky = client::get_blocking(&client, &base, "/agents/1/reputation", &policy, |_| {});
        let missing = client::get_blocking(&client, &base, "/agents/9999", &policy, |_| {});
        let response = client
            .get(format!("{base}/agents/7"))
            .send()
            .expect("response");
        let read = error_catalog::reqwest::blocking::read::<KyaError>(response).expect("body");
        (flaky, missing, read)
    })
    .await
    .expect("blocking task");
    let (flaky, missing, read) = outcomes;
    assert!(flaky.result.is_ok(), "{:?}", flaky.result);
    assert_eq!(flaky.waits.len(), 2);
    assert_jittered(&seeded(4), &flaky.waits);
    assert!(missing.waits.is_empty());
    assert!(matches!(
        missing.error(),
        Some(KyaError::AgentNotFound { .. })
    ));
    assert!(matches!(read.error, KyaError::TierBlocked { .. }));
}
