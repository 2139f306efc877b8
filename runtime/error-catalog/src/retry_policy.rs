//! Following retry advice: [`RetryPolicy`] (bounded attempts, announced waits
//! honoured up to a limit, exponential backoff with jitter otherwise) and the
//! [`Backoff`] state of one logical request.
//!
//! Needs no cargo feature and no HTTP client: [`Backoff::next`] takes a catalog
//! rule and retry advice, [`Backoff::next_delay_for`] an error with the headers of
//! the response that carried it. With the `http` feature, `Backoff::next_delay`
//! takes an `http::Received` directly; the `http` and `reqwest` modules
//! re-export both types (`error_catalog::http::RetryPolicy`,
//! `error_catalog::reqwest::RetryPolicy`).
//!
//! ```
//! use std::time::Duration;
//! use error_catalog::{RetryAdvice, RetryPolicy, RetryRule};
//!
//! let mut backoff = RetryPolicy { max_attempts: 2, ..RetryPolicy::default() }.start();
//! let wait = RetryAdvice::After(Duration::from_secs(1));
//! assert_eq!(backoff.next(RetryRule::After, wait), Some(Duration::from_secs(1)));
//! assert_eq!(backoff.next(RetryRule::After, wait), None); // two attempts made
//! ```

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::{ApiError, ResponseHeaders, RetryAdvice, RetryRule};

/// How a client follows retry advice: bounded attempts, announced waits honoured
/// up to a limit, exponential backoff with jitter otherwise.
///
/// Start one [`Backoff`] per logical request and ask it after each failure.
///
/// ```
/// use std::time::Duration;
/// use error_catalog::RetryPolicy;
///
/// let policy = RetryPolicy { max_attempts: 3, seed: Some(7), ..RetryPolicy::default() };
/// assert_eq!(policy.base_delay, Duration::from_millis(250));
/// let mut backoff = policy.start();
/// assert_eq!(backoff.failures(), 0);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (default 4). At least one is made.
    pub max_attempts: u32,
    /// The backoff before the first retry (default 250 ms); it doubles with every
    /// further failure.
    pub base_delay: Duration,
    /// The longest backoff (default 10 s).
    pub max_delay: Duration,
    /// The longest announced wait (`Retry-After`) to honour (default 60 s); a
    /// longer one gives up at once.
    pub max_wait: Duration,
    /// Seed of the jitter, for reproducible delays; `None` (the default) seeds from
    /// the clock.
    pub seed: Option<u64>,
}

impl Default for RetryPolicy {
    /// Four attempts, 250 ms doubling up to 10 s, waits up to 60 s, clock-seeded.
    ///
    /// ```
    /// let p = error_catalog::RetryPolicy::default();
    /// assert_eq!(p.max_attempts, 4);
    /// ```
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 4,
            base_delay: Duration::from_millis(250),
            max_delay: Duration::from_secs(10),
            max_wait: Duration::from_secs(60),
            seed: None,
        }
    }
}

impl RetryPolicy {
    /// A fresh [`Backoff`] for one logical request.
    ///
    /// ```
    /// let backoff = error_catalog::RetryPolicy::default().start();
    /// assert_eq!(backoff.failures(), 0);
    /// ```
    pub fn start(&self) -> Backoff {
        static SEQ: AtomicU64 = AtomicU64::new(0);
        let seed = self.seed.unwrap_or_else(|| {
            let nanos = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            nanos ^ SEQ.fetch_add(1, Ordering::Relaxed).rotate_left(32)
        });
        Backoff {
            policy: *self,
            failures: 0,
            state: seed,
        }
    }

    /// The backoff after `failures` failures (1 for the first), before jitter:
    /// `base_delay × 2^(failures − 1)`, at most `max_delay`.
    ///
    /// ```
    /// use std::time::Duration;
    /// let p = error_catalog::RetryPolicy::default();
    /// assert_eq!(p.backoff(1), Duration::from_millis(250));
    /// assert_eq!(p.backoff(3), Duration::from_millis(1000));
    /// assert_eq!(p.backoff(40), Duration::from_secs(10));
    /// ```
    pub fn backoff(&self, failures: u32) -> Duration {
        let factor = 1u32
            .checked_shl(failures.saturating_sub(1))
            .unwrap_or(u32::MAX);
        self.base_delay
            .checked_mul(factor)
            .map_or(self.max_delay, |d| d.min(self.max_delay))
    }
}

/// The retry state of one logical request under a [`RetryPolicy`]: ask
/// [`Backoff::next`] (or [`Backoff::next_delay_for`], or with the `http` feature
/// `Backoff::next_delay`) after each failed attempt.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use error_catalog::{ApiError, ResponseHeaders, RetryPolicy};
/// use error_catalog_services::kya::KyaError;
///
/// let mut backoff = RetryPolicy { seed: Some(1), ..RetryPolicy::default() }.start();
/// let limited = KyaError::RateLimited { agent_id: "42".into(), tier: 1, limit: 1, retry_after: 1,
///                                       timestamp: None, extra: Default::default() };
/// let advice = limited.retry_with(&ResponseHeaders::from_lines("Retry-After: 1"), SystemTime::now());
/// assert_eq!(backoff.next(limited.retry_rule(), advice), Some(Duration::from_secs(1)));
///
/// let missing = KyaError::AgentNotFound { agent_id: "9".into(), timestamp: None, extra: Default::default() };
/// assert_eq!(backoff.next(missing.retry_rule(), missing.retry()), None);
/// ```
#[derive(Debug, Clone)]
pub struct Backoff {
    policy: RetryPolicy,
    failures: u32,
    state: u64,
}

impl Backoff {
    /// Failed attempts so far.
    ///
    /// ```
    /// use error_catalog::{RetryAdvice, RetryPolicy, RetryRule};
    /// let mut b = RetryPolicy::default().start();
    /// b.next(RetryRule::Backoff, RetryAdvice::Backoff);
    /// assert_eq!(b.failures(), 1);
    /// ```
    pub fn failures(&self) -> u32 {
        self.failures
    }

    /// Records a failure with the error's catalog `rule` and retry `advice`, and
    /// decides:
    ///
    /// - no more attempts left (`max_attempts`), advice [`RetryAdvice::Never`], or a
    ///   second failure under [`RetryRule::Once`] → `None`;
    /// - [`RetryAdvice::After`] → that wait, or `None` when it exceeds `max_wait`;
    /// - [`RetryAdvice::Backoff`] → [`RetryPolicy::backoff`] with "equal jitter": a
    ///   uniformly random wait between half of it and all of it.
    ///
    /// ```
    /// use std::time::Duration;
    /// use error_catalog::{RetryAdvice, RetryPolicy, RetryRule};
    ///
    /// let mut b = RetryPolicy { max_attempts: 3, ..RetryPolicy::default() }.start();
    /// let wait = RetryAdvice::After(Duration::from_secs(2));
    /// assert_eq!(b.next(RetryRule::After, wait), Some(Duration::from_secs(2)));
    /// assert!(b.next(RetryRule::Backoff, RetryAdvice::Backoff).is_some());
    /// assert_eq!(b.next(RetryRule::Backoff, RetryAdvice::Backoff), None); // third attempt was the last
    /// ```
    pub fn next(&mut self, rule: RetryRule, advice: RetryAdvice) -> Option<Duration> {
        self.failures = self.failures.saturating_add(1);
        if self.failures >= self.policy.max_attempts
            || (rule == RetryRule::Once && self.failures > 1)
        {
            return None;
        }
        match advice {
            RetryAdvice::Never => None,
            RetryAdvice::After(wait) => (wait <= self.policy.max_wait).then_some(wait),
            RetryAdvice::Backoff => {
                let full = self.policy.backoff(self.failures);
                let half = full / 2;
                let spread = full - half;
                let extra = Duration::try_from_secs_f64(spread.as_secs_f64() * self.jitter());
                Some(half + extra.unwrap_or(spread).min(spread))
            }
        }
    }

    /// After a failed attempt that got `error`, in a response with `headers`
    /// read at `received_at` (the reference for a `Retry-After` date): how long to
    /// wait before the next attempt, or `None` to stop. The error's catalog rule
    /// and its advice combined with the headers ([`ApiError::retry_with`]) go to
    /// [`Backoff::next`].
    ///
    /// ```
    /// use std::time::{Duration, SystemTime};
    /// use error_catalog::{ResponseHeaders, RetryPolicy};
    /// use error_catalog_services::kya::KyaError;
    ///
    /// let mut backoff = RetryPolicy::default().start();
    /// let limited = KyaError::RateLimited { agent_id: "42".into(), tier: 1, limit: 1, retry_after: 5,
    ///                                       timestamp: None, extra: Default::default() };
    /// let headers = ResponseHeaders::from_lines("Retry-After: 3");
    /// assert_eq!(backoff.next_delay_for(&limited, &headers, SystemTime::now()), Some(Duration::from_secs(3)));
    /// ```
    pub fn next_delay_for<E: ApiError + ?Sized>(
        &mut self,
        error: &E,
        headers: &ResponseHeaders,
        received_at: SystemTime,
    ) -> Option<Duration> {
        self.next(error.retry_rule(), error.retry_with(headers, received_at))
    }

    /// After a failed attempt that received `received`: how long to wait before
    /// the next attempt, or `None` to stop ([`Backoff::next_delay_for`] with the
    /// error, headers and arrival time of `received`). Cargo feature `http`.
    ///
    /// ```
    /// use error_catalog::http::Received;
    /// use error_catalog::{ResponseHeaders, RetryPolicy};
    /// use error_catalog_services::kya::KyaError;
    ///
    /// let mut backoff = RetryPolicy::default().start();
    /// let rpc = KyaError::RpcError { rpc_url: "http://rpc".into(), method: "eth_call".into(), timestamp: None, extra: Default::default() };
    /// let wait = backoff.next_delay(&Received::new(rpc, ResponseHeaders::default()));
    /// assert!(wait.is_some_and(|w| w >= std::time::Duration::from_millis(125) && w <= std::time::Duration::from_millis(250)));
    /// ```
    #[cfg(feature = "http")]
    pub fn next_delay<E: ApiError>(
        &mut self,
        received: &crate::http::Received<E>,
    ) -> Option<Duration> {
        self.next_delay_for(&received.error, &received.headers, received.received_at)
    }

    /// A uniform sample in `[0, 1)` (splitmix64).
    fn jitter(&mut self) -> f64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_bounded_and_jittered() {
        let policy = RetryPolicy {
            max_attempts: 6,
            seed: Some(42),
            ..RetryPolicy::default()
        };
        let mut b = policy.start();
        let mut waits = Vec::new();
        while let Some(w) = b.next(RetryRule::Backoff, RetryAdvice::Backoff) {
            waits.push(w);
        }
        assert_eq!(waits.len(), 5);
        for (i, w) in waits.iter().enumerate() {
            let full = policy.backoff(i as u32 + 1);
            assert!(*w >= full / 2 && *w <= full, "{i}: {w:?} vs {full:?}");
        }
        let mut again = policy.start();
        let first = again.next(RetryRule::Backoff, RetryAdvice::Backoff);
        assert_eq!(first, waits.first().copied());
    }

    #[test]
    fn once_and_max_wait() {
        let mut b = RetryPolicy::default().start();
        assert!(b.next(RetryRule::Once, RetryAdvice::Backoff).is_some());
        assert_eq!(b.next(RetryRule::Once, RetryAdvice::Backoff), None);
        let mut b = RetryPolicy::default().start();
        let long = RetryAdvice::After(Duration::from_secs(61));
        assert_eq!(b.next(RetryRule::After, long), None);
        let mut b = RetryPolicy {
            max_attempts: 0,
            ..RetryPolicy::default()
        }
        .start();
        assert_eq!(b.next(RetryRule::Backoff, RetryAdvice::Backoff), None);
        // Absurd settings saturate instead of panicking.
        let huge = RetryPolicy {
            base_delay: Duration::MAX,
            max_delay: Duration::MAX,
            ..RetryPolicy::default()
        };
        let mut b = huge.start();
        for _ in 0..3 {
            let wait = b.next(RetryRule::Backoff, RetryAdvice::Backoff);
            assert!(wait.is_some_and(|w| w >= Duration::MAX / 2));
        }
    }

    /// A hand-written [`ApiError`] with a given rule (the derive needs the crate
    /// under its own name).
    #[derive(Debug)]
    struct Rule(RetryRule);

    impl std::fmt::Display for Rule {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{:?}", self.0)
        }
    }

    impl std::error::Error for Rule {}

    impl ApiError for Rule {
        fn code(&self) -> &str {
            "TEST"
        }
        fn status(&self) -> Option<u16> {
            Some(503)
        }
        fn suggestion(&self) -> Option<&str> {
            None
        }
        fn docs_url(&self) -> Option<&str> {
            None
        }
        fn fix_command(&self) -> Option<std::borrow::Cow<'_, str>> {
            None
        }
        fn retry_rule(&self) -> RetryRule {
            self.0
        }
        fn info(&self) -> Option<&'static crate::CodeInfo> {
            None
        }
        fn details(&self) -> serde_json::Map<String, serde_json::Value> {
            serde_json::Map::new()
        }
    }

    #[test]
    fn next_delay_for_combines_rule_and_headers() {
        let policy = RetryPolicy {
            seed: Some(5),
            ..RetryPolicy::default()
        };
        let at = UNIX_EPOCH + Duration::from_secs(1_000_000);
        let none = ResponseHeaders::default();
        let in_3 = ResponseHeaders::from_lines("Retry-After: 3");
        let after = Rule(RetryRule::After);
        assert_eq!(
            policy.start().next_delay_for(&after, &in_3, at),
            Some(Duration::from_secs(3))
        );
        // A `Retry-After` date counts from when the response was read.
        let dated = ResponseHeaders {
            retry_after: Some(crate::RetryAfter::Date(at + Duration::from_secs(7))),
            ..ResponseHeaders::default()
        };
        assert_eq!(
            policy.start().next_delay_for(&after, &dated, at),
            Some(Duration::from_secs(7))
        );
        let never = Rule(RetryRule::Never);
        assert_eq!(policy.start().next_delay_for(&never, &in_3, at), None);
        // The same decision as `next` with the error's rule and advice.
        let backoff = Rule(RetryRule::Backoff);
        let (mut a, mut b) = (policy.start(), policy.start());
        for _ in 0..4 {
            let advice = backoff.retry_with(&none, at);
            assert_eq!(
                a.next_delay_for(&backoff, &none, at),
                b.next(RetryRule::Backoff, advice)
            );
        }
    }
}
