//! Following retry advice: [`RetryPolicy`] (bounded attempts, announced waits
//! honoured up to a limit, exponential backoff with jitter otherwise) and the
//! [`Backoff`] state of one logical request. Independent of any HTTP client:
//! the `http` and `reqwest` integrations feed it received responses.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::{RetryAdvice, RetryRule};

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

/// The retry state of one logical request under a [`RetryPolicy`]. With the
/// `http` feature, `Backoff::next_delay` takes a received response directly.
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
}
