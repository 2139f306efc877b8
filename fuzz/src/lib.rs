//! Checks shared by the fuzz targets in `fuzz_targets/`.
//!
//! Every `from_response_*` target feeds the same input shape to one bundled enum:
//! the first two bytes are the HTTP status (big-endian), the rest is the body.

use std::collections::HashSet;
use std::fmt::{self, Debug};
use std::sync::OnceLock;
use std::time::{Duration, UNIX_EPOCH};

use error_catalog::problem::Problem;
use error_catalog::{ApiError, FromResponse, ResponseHeaders, UnknownError};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// A generated enum, as the fuzz targets see it.
pub trait Generated: ApiError + FromResponse + Debug + serde::Serialize + PartialEq {
    /// The fallback's value, `None` for a known error.
    fn unknown(&self) -> Option<&UnknownError>;
}

/// Implements [`Generated`] for generated enums (their fallback variant is `Unknown`).
macro_rules! generated {
    ($($t:ty),* $(,)?) => {$(
        impl Generated for $t {
            fn unknown(&self) -> Option<&error_catalog::UnknownError> {
                match self {
                    Self::Unknown(u) => Some(u),
                    _ => None,
                }
            }
        }
    )*};
}

/// A catalog of the conventions the bundled ones do not show (integer codes,
/// a success mark in the body): `fuzz/catalogs/conventions.toml`.
pub mod conventions {
    error_catalog::catalog!("catalogs/conventions.toml");
}

generated!(
    conventions::ConventionsError,
    error_catalog_services::moca_air::MocaAirError,
    error_catalog_services::kya::KyaError,
    error_catalog_services::rakomi::RakomiError,
    error_catalog_services::aironclaw::AironclawError,
    error_catalog_services::customer_verification::CustomerVerificationError,
);

/// Splits a fuzz input into (status, body): the first two bytes, big-endian.
pub fn split_status(data: &[u8]) -> Option<(u16, &[u8])> {
    let (s, body) = data.split_first_chunk::<2>()?;
    Some((u16::from_be_bytes(*s), body))
}

/// The fuzz body of every `from_response_*` target.
pub fn check_from_response<E: Generated>(data: &[u8]) {
    let Some((status, body)) = split_status(data) else {
        return;
    };
    let e = E::from_response(status, body);
    check_value(&e, status, body, "from_response");
    // `error_in` is `from_response` unless the response is a success
    match E::error_in(status, body) {
        Some(x) => {
            assert!(!E::is_success(status, body), "error_in gave an error for a success");
            assert_eq!(x, e, "error_in differs from from_response");
        }
        None => {
            assert!(E::is_success(status, body), "error_in gave None for an error");
            assert!(status < 400, "a {status} response taken for a success");
        }
    }
    let p = E::from_problem_json(status, body);
    check_value(&p, status, body, "from_problem_json");
}

/// The fuzz body for an enum with a borrowed view: `view(status, body, problem)`
/// reads the view (`problem`: with `from_problem_json`) and gives its Display,
/// its JSON and the enum it owns; all three must be the enum's own.
pub fn check_view<E: Generated>(
    data: &[u8],
    view: impl Fn(u16, &[u8], bool) -> (String, Vec<u8>, E),
) {
    let Some((status, body)) = split_status(data) else {
        return;
    };
    for problem in [false, true] {
        let e = if problem {
            E::from_problem_json(status, body)
        } else {
            E::from_response(status, body)
        };
        let (shown, json, owned) = view(status, body, problem);
        assert_eq!(owned, e, "view (problem: {problem}) made owned");
        assert_eq!(shown, e.to_string(), "view Display (problem: {problem})");
        let want = serde_json::to_vec(&e).unwrap_or_else(|err| panic!("serializing {e:?}: {err}"));
        assert_eq!(json, want, "view JSON (problem: {problem})");
    }
}

/// The `view` argument of [`check_view`] for the view type `$view`.
#[macro_export]
macro_rules! read_view {
    ($view:path) => {
        |status: u16, body: &[u8], problem: bool| {
            use $view as View;
            let v = if problem {
                View::from_problem_json(status, body)
            } else {
                View::from_response(status, body)
            };
            let json =
                ::serde_json::to_vec(&v).unwrap_or_else(|err| panic!("serializing {v:?}: {err}"));
            (v.to_string(), json, v.into_owned())
        }
    };
}

/// Invariants of any classified value; `body` and `status` are what it came from.
pub fn check_value<E: Generated>(e: &E, status: u16, body: &[u8], how: &str) {
    // Display, Debug and every accessor never panic.
    let shown = e.to_string();
    let _ = format!("{e:?}");
    let details = e.details();
    let _ = e.retry_after_field();
    let _ = e.retry_rule();
    let headers = ResponseHeaders::from_lines("Retry-After: 30\nX-RateLimit-Reset: 60");
    let _ = e.retry_with(&headers, UNIX_EPOCH + Duration::from_secs(1_700_000_000));

    match e.unknown() {
        Some(u) => {
            // The fallback keeps everything it was given.
            assert!(!e.is_known(), "{how}: fallback is_known");
            assert!(e.info().is_none(), "{how}: fallback has CodeInfo");
            assert_eq!(
                u.body(),
                body,
                "{how}: fallback keeps the body byte for byte"
            );
            assert_eq!(u.status(), Some(status), "{how}: fallback keeps the status");
            assert_eq!(
                e.status(),
                Some(status),
                "{how}: ApiError::status of fallback"
            );
            assert!(u.reason().is_some(), "{how}: fallback gives no reason");
            assert_eq!(e.code(), u.code().unwrap_or(""), "{how}: fallback code");
            assert!(
                e.suggestion().is_none() && e.fix_command().is_none() && e.docs_url().is_none(),
                "{how}: fallback has catalog text"
            );
            assert!(details.is_empty(), "{how}: fallback has details");
            assert_eq!(shown, u.to_string(), "{how}: fallback Display");
        }
        None => {
            let info = e.info().expect("a known error has its CodeInfo");
            assert!(e.is_known(), "{how}: known but !is_known");
            assert_eq!(e.code(), info.code, "{how}: code vs CodeInfo");
            assert_eq!(e.status(), info.status, "{how}: status vs CodeInfo");
            assert_eq!(e.suggestion(), info.suggestion, "{how}: suggestion");
            // the command with this error's values (one renderer for all)
            let rendered = info
                .fix_command
                .map(|t| error_catalog_core::command::render(t, &details));
            assert_eq!(
                e.fix_command().as_deref(),
                rendered.as_deref(),
                "{how}: fix command"
            );
            assert_eq!(e.docs_url(), info.docs_url, "{how}: docs URL");
            assert_eq!(e.retry_rule(), info.retry, "{how}: retry rule");
        }
    }

    // Serializing never fails: the service's envelope, and problem+json.
    let json =
        serde_json::to_vec(e).unwrap_or_else(|err| panic!("{how}: serializing {e:?}: {err}"));
    let problem = serde_json::to_vec(&Problem(e))
        .unwrap_or_else(|err| panic!("{how}: problem+json of {e:?}: {err}"));

    // A known error adds no duplicate member name to what it was read from (a
    // body that repeats a name keeps it: extras are written back as received),
    // and survives its own envelope and problem+json as the same code.
    if e.is_known() {
        if duplicate_key(body).is_none() {
            let dup = duplicate_key(&json).or_else(|| duplicate_key(&problem));
            if dup.is_some() && skip_known_finding("duplicate-keys") {
                return;
            }
            assert_eq!(
                duplicate_key(&json),
                None,
                "{how}: duplicate member in the serialized value {:?}",
                String::from_utf8_lossy(&json)
            );
            assert_eq!(
                duplicate_key(&problem),
                None,
                "{how}: duplicate member in problem+json {:?}",
                String::from_utf8_lossy(&problem)
            );
        }
        for (what, text, again) in [
            (
                "the serialized value",
                &json,
                E::from_response(status, &json),
            ),
            (
                "problem+json",
                &problem,
                E::from_problem_json(status, &problem),
            ),
        ] {
            assert_eq!(
                (again.is_known(), again.code()),
                (true, e.code()),
                "{how}: re-parsing {what} {:?} gave {again:?}",
                String::from_utf8_lossy(text)
            );
        }
    }
}

/// True when `API_ERROR_FUZZ_SKIP` (comma-separated) names `finding`: lets a
/// target keep fuzzing past a known, reported finding until it is fixed
/// (see README.md, "Findings").
fn skip_known_finding(finding: &str) -> bool {
    static SKIP: OnceLock<Vec<String>> = OnceLock::new();
    SKIP.get_or_init(|| {
        std::env::var("API_ERROR_FUZZ_SKIP")
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_string())
            .collect()
    })
    .iter()
    .any(|s| s == finding)
}

/// The first member name that appears twice in one object of `json`, if any.
///
/// Values are walked as raw JSON, never converted: a number beyond `f64` (which
/// `serde_json` refuses to convert) must not hide a body's own repeated names.
pub fn duplicate_key(json: &[u8]) -> Option<String> {
    let raw: &RawValue = serde_json::from_slice(json).ok()?;
    duplicate_in(raw)
}

fn duplicate_in(raw: &RawValue) -> Option<String> {
    let text = raw.get();
    if text.starts_with('{') {
        let Members(members) = serde_json::from_str(text).ok()?;
        let mut seen = HashSet::new();
        for (k, v) in &members {
            if let Some(inner) = duplicate_in(v) {
                return Some(inner);
            }
            if !seen.insert(k.as_str()) {
                return Some(k.clone());
            }
        }
        None
    } else if text.starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(text).ok()?;
        items.into_iter().find_map(duplicate_in)
    } else {
        None
    }
}

/// An object's members in order, repeats kept, values raw.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Members<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'de>, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    out.push((k, map.next_value::<&'de RawValue>()?));
                }
                Ok(Members(out))
            }
        }
        d.deserialize_map(V)
    }
}
