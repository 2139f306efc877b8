//! What the per-seed tests share: a [`Seed`] example and the checks run on it.

use std::fmt::Debug;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use error_catalog::problem::Problem;
use error_catalog::{ApiError, FromResponse, ResponseHeaders, RetryAdvice, RetryRule};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use serde_json::Value;

/// `serde::Serialize` into a JSON value (this crate does not depend on serde itself).
pub(crate) trait ToJson {
    fn to_json(&self) -> Value;
}

macro_rules! impl_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn to_json(&self) -> Value {
                serde_json::to_value(self).expect("serializing a parsed error")
            }
        }
    )*};
}
impl_to_json!(MocaAirError, KyaError, RakomiError, AironclawError, CvError);

/// The KYA examples' `timestamp`.
pub(crate) const TS: u64 = 1_707_408_000_000;

/// A fixed clock, just before the Customer Verification example's reset time.
pub(crate) fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_699_900_000)
}

pub(crate) fn after(secs: u64) -> RetryAdvice {
    RetryAdvice::After(Duration::from_secs(secs))
}

/// One example and what the seed says about it.
pub(crate) struct Seed<'a, E> {
    /// Names the example in failure messages.
    pub(crate) what: &'a str,
    /// The HTTP status the body comes with.
    pub(crate) status: u16,
    pub(crate) body: &'a str,
    /// The variant and its typed fields.
    pub(crate) typed: fn(&E) -> bool,
    pub(crate) code: &'a str,
    /// `ApiError::status()` of the parsed value.
    pub(crate) http: Option<u16>,
    pub(crate) display: &'a str,
    /// Checked when `Some`.
    pub(crate) suggestion: Option<&'a str>,
    /// Always checked: `None` means the seed gives no fix command.
    pub(crate) fix: Option<&'a str>,
    /// Checked when `Some`.
    pub(crate) docs: Option<&'a str>,
    /// Checked when `Some`.
    pub(crate) rule: Option<RetryRule>,
    /// Response headers (one `Name: value` a line) and the advice under them.
    pub(crate) headers: &'a str,
    pub(crate) advice: Option<RetryAdvice>,
    /// What serializing gives, when the seed's body is not reproduced verbatim
    /// (`None`: the body itself).
    pub(crate) echo: Option<Value>,
}

impl<'a, E> Seed<'a, E> {
    pub(crate) fn new(what: &'a str, status: u16, body: &'a str, typed: fn(&E) -> bool) -> Self {
        Seed {
            what,
            status,
            body,
            typed,
            code: "",
            http: Some(status),
            display: "",
            suggestion: None,
            fix: None,
            docs: None,
            rule: None,
            headers: "",
            advice: None,
            echo: None,
        }
    }
}

/// Classifies one example and checks everything the seed states about it.
pub(crate) fn check<E>(s: &Seed<'_, E>) -> E
where
    E: ApiError + FromResponse + ToJson + Debug + PartialEq,
{
    let w = s.what;
    let e = E::from_response(s.status, s.body.as_bytes());
    assert!(e.is_known(), "{w}: fell back: {e:?}");
    assert!((s.typed)(&e), "{w}: wrong variant or fields: {e:?}");
    assert_eq!(e.code(), s.code, "{w}: code");
    assert_eq!(e.status(), s.http, "{w}: status");
    assert_eq!(e.to_string(), s.display, "{w}: Display");
    if let Some(sugg) = s.suggestion {
        assert_eq!(e.suggestion(), Some(sugg), "{w}: suggestion");
    }
    assert_eq!(e.fix_command().as_deref(), s.fix, "{w}: fix command");
    if let Some(docs) = s.docs {
        assert_eq!(e.docs_url(), Some(docs), "{w}: docs URL");
    }
    if let Some(rule) = s.rule {
        assert_eq!(e.retry_rule(), rule, "{w}: retry rule");
    }
    if let Some(advice) = s.advice {
        let headers = ResponseHeaders::from_lines(s.headers);
        assert_eq!(
            e.retry_with(&headers, now()),
            advice,
            "{w}: retry advice with headers {:?}",
            s.headers
        );
    }
    let info = e.info().unwrap_or_else(|| panic!("{w}: no CodeInfo"));
    assert_eq!(info.code, s.code, "{w}: CodeInfo.code");

    let expected: Value = match &s.echo {
        Some(v) => v.clone(),
        None => serde_json::from_str(s.body).unwrap_or_else(|err| panic!("{w}: seed body: {err}")),
    };
    assert_eq!(
        e.to_json(),
        expected,
        "{w}: serializing gives back the body"
    );

    // The value survives its own envelope and problem+json.
    let again = E::from_response(s.status, e.to_json().to_string().as_bytes());
    assert_eq!(again, e, "{w}: re-parsing the serialized value");
    let problem = serde_json::to_vec(&Problem(&e)).expect("problem+json");
    assert_eq!(
        E::from_problem_json(s.status, &problem),
        e,
        "{w}: through problem+json"
    );
    e
}

pub(crate) fn check_all<E>(seeds: &[Seed<'_, E>])
where
    E: ApiError + FromResponse + ToJson + Debug + PartialEq,
{
    for s in seeds {
        check(s);
    }
}
