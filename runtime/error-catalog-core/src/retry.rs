//! Retry rules from an error catalog, combined with a response's headers
//! into concrete advice.
//!
//! Delays are whole seconds. A service that writes fractions (`Retry-After:
//! 1.5`, `X-RateLimit-Reset-After: 64.57`, a body's `"retryDelay": "1.5s"`)
//! is read **rounded up** ([`decimal_seconds`], [`duration_seconds`],
//! [`float_seconds`]), so waiting the advice never retries early.
//!
//! ```
//! use error_catalog_core::headers::ResponseHeaders;
//! use error_catalog_core::retry::{RetryAdvice, RetryRule};
//! use std::time::{Duration, SystemTime};
//!
//! let headers = ResponseHeaders::from_lines("Retry-After: 45");
//! let advice = RetryRule::After.advise(&headers, None, SystemTime::now());
//! assert_eq!(advice, RetryAdvice::After(Duration::from_secs(45)));
//! assert_eq!(advice.to_string(), "retry in 45 s");
//! ```

use std::fmt;
use std::time::{Duration, SystemTime};

use crate::headers::{unix_seconds, ResponseHeaders};

pub use crate::delay::{decimal_seconds, duration_seconds, float_seconds, DelaySeconds};

/// A catalog's retry rule.
///
/// ```
/// use error_catalog_core::retry::RetryRule;
///
/// assert_eq!(RetryRule::Backoff.as_str(), "backoff");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RetryRule {
    /// Retrying cannot succeed.
    #[default]
    Never,
    /// Retry with exponential backoff.
    Backoff,
    /// A single retry may succeed.
    Once,
    /// Retry after the wait time the service announces.
    After,
}

impl RetryRule {
    /// Every rule with its catalog spelling.
    pub const ALL: &'static [(&'static str, RetryRule)] = &[
        ("never", RetryRule::Never),
        ("backoff", RetryRule::Backoff),
        ("once", RetryRule::Once),
        ("after", RetryRule::After),
    ];

    /// The rule for an error no catalog describes, from its status alone: honour
    /// `Retry-After` on 429, back off on 5xx, otherwise never.
    ///
    /// ```
    /// use error_catalog_core::retry::RetryRule;
    /// assert_eq!(RetryRule::for_unknown_status(Some(503)), RetryRule::Backoff);
    /// assert_eq!(RetryRule::for_unknown_status(Some(429)), RetryRule::After);
    /// assert_eq!(RetryRule::for_unknown_status(Some(400)), RetryRule::Never);
    /// ```
    pub fn for_unknown_status(status: Option<u16>) -> RetryRule {
        match status {
            Some(429) => RetryRule::After,
            Some(s) if s >= 500 => RetryRule::Backoff,
            _ => RetryRule::Never,
        }
    }

    /// The rule's catalog spelling (same as [`RetryRule::as_str`]).
    pub fn name(self) -> &'static str {
        self.as_str()
    }

    /// The rule's catalog spelling: `"never"`, `"backoff"`, `"once"` or `"after"`.
    ///
    /// ```
    /// use error_catalog_core::retry::RetryRule;
    ///
    /// assert_eq!(RetryRule::Never.as_str(), "never");
    /// assert_eq!(RetryRule::Once.as_str(), "once");
    /// assert_eq!(RetryRule::After.as_str(), "after");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            RetryRule::Never => "never",
            RetryRule::Backoff => "backoff",
            RetryRule::Once => "once",
            RetryRule::After => "after",
        }
    }

    /// Combines the rule with a response's headers into concrete advice.
    ///
    /// `field_seconds` is a wait time the error body carried (for example
    /// KYA's `details.retryAfter`), in whole seconds rounded up
    /// ([`DelaySeconds`]).
    ///
    /// * `Never` → [`RetryAdvice::Never`], even if `Retry-After` is present.
    /// * `After` → the `Retry-After` header (seconds, or a date relative to
    ///   `now`), else `field_seconds`, else — when `remaining` is 0 and a
    ///   reset time is known — the seconds from `now` until the reset
    ///   (saturating at zero), else [`RetryAdvice::Backoff`].
    /// * `Backoff` and `Once` → `After(header)` when `Retry-After` is
    ///   present, else [`RetryAdvice::Backoff`].
    /// * A should-retry header (`X-Should-Retry`, [`ResponseHeaders::should_retry`])
    ///   overrides the rule either way: `false` → [`RetryAdvice::Never`]; `true`
    ///   makes a `Never` error retryable (`Retry-After`, else backoff).
    ///
    /// ```
    /// use error_catalog_core::headers::ResponseHeaders;
    /// use error_catalog_core::retry::{RetryAdvice, RetryRule};
    /// use std::time::{Duration, UNIX_EPOCH};
    ///
    /// let now = UNIX_EPOCH + Duration::from_secs(1_699_900_000);
    /// let h = ResponseHeaders::from_lines("X-RateLimit-Remaining: 0\nX-RateLimit-Reset: 1699900060");
    /// assert_eq!(RetryRule::After.advise(&h, None, now), RetryAdvice::After(Duration::from_secs(60)));
    /// assert_eq!(RetryRule::After.advise(&h, Some(5), now), RetryAdvice::After(Duration::from_secs(5)));
    /// assert_eq!(RetryRule::Backoff.advise(&h, Some(5), now), RetryAdvice::Backoff);
    /// assert_eq!(RetryRule::Never.advise(&h, Some(5), now), RetryAdvice::Never);
    ///
    /// let no = ResponseHeaders::from_lines("Retry-After: 3\nX-Should-Retry: false");
    /// assert_eq!(RetryRule::After.advise(&no, None, now), RetryAdvice::Never);
    /// let yes = ResponseHeaders::from_lines("x-should-retry: true");
    /// assert_eq!(RetryRule::Never.advise(&yes, None, now), RetryAdvice::Backoff);
    /// ```
    pub fn advise(
        self,
        headers: &ResponseHeaders,
        field_seconds: Option<u64>,
        now: SystemTime,
    ) -> RetryAdvice {
        let header = headers
            .retry_after
            .map(|r| RetryAdvice::After(r.delay_from(now)));
        // the service's own word overrides the rule either way
        match (headers.should_retry, self) {
            (Some(false), _) => return RetryAdvice::Never,
            (Some(true), RetryRule::Never) => return header.unwrap_or(RetryAdvice::Backoff),
            _ => {}
        }
        match self {
            RetryRule::Never => RetryAdvice::Never,
            RetryRule::Backoff | RetryRule::Once => header.unwrap_or(RetryAdvice::Backoff),
            RetryRule::After => {
                let rl = &headers.rate_limit;
                let until_reset = match (rl.remaining, rl.reset) {
                    (Some(0), Some(reset)) => Some(reset.saturating_sub(unix_seconds(now))),
                    _ => None,
                };
                header
                    .or_else(|| field_seconds.or(until_reset).map(secs))
                    .unwrap_or(RetryAdvice::Backoff)
            }
        }
    }
}

fn secs(s: u64) -> RetryAdvice {
    RetryAdvice::After(Duration::from_secs(s))
}

impl fmt::Display for RetryRule {
    /// Writes [`RetryRule::as_str`].
    ///
    /// ```
    /// use error_catalog_core::retry::RetryRule;
    ///
    /// assert_eq!(RetryRule::Once.to_string(), "once");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Concrete retry advice for one response.
///
/// ```
/// use error_catalog_core::retry::RetryAdvice;
/// use std::time::Duration;
///
/// let advice = RetryAdvice::After(Duration::from_secs(45));
/// assert_eq!(advice.kind(), "after");
/// assert_eq!(advice.seconds(), Some(45));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryAdvice {
    /// Don't retry.
    Never,
    /// Retry with exponential backoff.
    Backoff,
    /// Retry after this long.
    After(Duration),
}

impl RetryAdvice {
    /// The advice kind: `"never"`, `"backoff"` or `"after"`.
    ///
    /// ```
    /// use error_catalog_core::retry::RetryAdvice;
    ///
    /// assert_eq!(RetryAdvice::Never.kind(), "never");
    /// assert_eq!(RetryAdvice::Backoff.kind(), "backoff");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            RetryAdvice::Never => "never",
            RetryAdvice::Backoff => "backoff",
            RetryAdvice::After(_) => "after",
        }
    }

    /// The wait in whole seconds for `After` (sub-second remainders round
    /// up), `None` otherwise.
    ///
    /// ```
    /// use error_catalog_core::retry::RetryAdvice;
    /// use std::time::Duration;
    ///
    /// assert_eq!(RetryAdvice::After(Duration::from_millis(1_500)).seconds(), Some(2));
    /// assert_eq!(RetryAdvice::Backoff.seconds(), None);
    /// ```
    pub fn seconds(&self) -> Option<u64> {
        match self {
            RetryAdvice::After(d) => {
                Some(d.as_secs().saturating_add(u64::from(d.subsec_nanos() > 0)))
            }
            RetryAdvice::Never | RetryAdvice::Backoff => None,
        }
    }
}

impl fmt::Display for RetryAdvice {
    /// `don't retry`, `retry with exponential backoff` or `retry in N s`.
    ///
    /// ```
    /// use error_catalog_core::retry::RetryAdvice;
    /// use std::time::Duration;
    ///
    /// assert_eq!(RetryAdvice::Never.to_string(), "don't retry");
    /// assert_eq!(RetryAdvice::Backoff.to_string(), "retry with exponential backoff");
    /// assert_eq!(RetryAdvice::After(Duration::from_secs(45)).to_string(), "retry in 45 s");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetryAdvice::Never => f.write_str("don't retry"),
            RetryAdvice::Backoff => f.write_str("retry with exponential backoff"),
            RetryAdvice::After(_) => write!(f, "retry in {} s", self.seconds().unwrap_or(0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::headers::{RateLimit, RetryAfter};
    use std::time::UNIX_EPOCH;

    const NOW: u64 = 1_699_900_000;

    fn now() -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(NOW)
    }

    fn after(s: u64) -> RetryAdvice {
        RetryAdvice::After(Duration::from_secs(s))
    }

    fn with_retry_after(r: RetryAfter) -> ResponseHeaders {
        ResponseHeaders {
            retry_after: Some(r),
            ..ResponseHeaders::default()
        }
    }

    fn exhausted(reset: Option<u64>, remaining: u64) -> ResponseHeaders {
        let rate_limit = RateLimit {
            limit: Some(10),
            remaining: Some(remaining),
            reset,
        };
        ResponseHeaders {
            rate_limit,
            ..ResponseHeaders::default()
        }
    }

    #[test]
    fn rule_strings() {
        let all = [
            RetryRule::Never,
            RetryRule::Backoff,
            RetryRule::Once,
            RetryRule::After,
        ];
        let names: Vec<&str> = all.iter().map(|r| r.as_str()).collect();
        assert_eq!(names, ["never", "backoff", "once", "after"]);
        assert_eq!(RetryRule::After.to_string(), "after");
    }

    #[test]
    fn never_ignores_everything() {
        let h = with_retry_after(RetryAfter::Seconds(5));
        assert_eq!(
            RetryRule::Never.advise(&h, Some(9), now()),
            RetryAdvice::Never
        );
        let h = exhausted(Some(NOW + 10), 0);
        assert_eq!(RetryRule::Never.advise(&h, None, now()), RetryAdvice::Never);
    }

    #[test]
    fn after_prefers_header_seconds_then_date() {
        let h = with_retry_after(RetryAfter::Seconds(30));
        assert_eq!(RetryRule::After.advise(&h, Some(9), now()), after(30));
        let h = with_retry_after(RetryAfter::Date(now() + Duration::from_secs(90)));
        assert_eq!(RetryRule::After.advise(&h, Some(9), now()), after(90));
        let h = with_retry_after(RetryAfter::Date(UNIX_EPOCH));
        assert_eq!(RetryRule::After.advise(&h, Some(9), now()), after(0));
    }

    #[test]
    fn after_falls_back_to_field_then_reset_then_backoff() {
        let h = exhausted(Some(NOW + 60), 0);
        assert_eq!(RetryRule::After.advise(&h, Some(12), now()), after(12));
        assert_eq!(RetryRule::After.advise(&h, None, now()), after(60));
        let past = exhausted(Some(NOW - 5), 0);
        assert_eq!(RetryRule::After.advise(&past, None, now()), after(0));
        let not_exhausted = exhausted(Some(NOW + 60), 3);
        assert_eq!(
            RetryRule::After.advise(&not_exhausted, None, now()),
            RetryAdvice::Backoff
        );
        let no_reset = exhausted(None, 0);
        assert_eq!(
            RetryRule::After.advise(&no_reset, None, now()),
            RetryAdvice::Backoff
        );
        let empty = ResponseHeaders::default();
        assert_eq!(
            RetryRule::After.advise(&empty, None, now()),
            RetryAdvice::Backoff
        );
    }

    #[test]
    fn backoff_and_once_use_header_only() {
        for rule in [RetryRule::Backoff, RetryRule::Once] {
            let h = with_retry_after(RetryAfter::Seconds(45));
            assert_eq!(rule.advise(&h, None, now()), after(45));
            let h = exhausted(Some(NOW + 60), 0);
            assert_eq!(rule.advise(&h, Some(7), now()), RetryAdvice::Backoff);
        }
    }

    #[test]
    fn seed_blocks() {
        let h = ResponseHeaders::from_lines(
            "X-RateLimit-Limit: 300\nX-RateLimit-Remaining: 0\nX-RateLimit-Reset: 1699900060\nRetry-After: 60",
        );
        assert_eq!(RetryRule::After.advise(&h, None, now()), after(60));
        let h = ResponseHeaders::from_lines(
            "X-RateLimit-Limit: 1\nX-RateLimit-Remaining: 0\nRetry-After: 45",
        );
        assert_eq!(
            RetryRule::After.advise(&h, None, now()).to_string(),
            "retry in 45 s"
        );
    }

    #[test]
    fn advice_kind_seconds_display() {
        assert_eq!(RetryAdvice::Never.to_string(), "don't retry");
        assert_eq!(
            RetryAdvice::Backoff.to_string(),
            "retry with exponential backoff"
        );
        assert_eq!(after(45).to_string(), "retry in 45 s");
        assert_eq!(
            RetryAdvice::After(Duration::from_millis(44_001)).to_string(),
            "retry in 45 s"
        );
        assert_eq!(after(45).kind(), "after");
        assert_eq!(RetryAdvice::Never.seconds(), None);
        assert_eq!(
            RetryAdvice::After(Duration::from_millis(250)).seconds(),
            Some(1)
        );
        assert_eq!(RetryAdvice::After(Duration::MAX).seconds(), Some(u64::MAX));
    }
}
