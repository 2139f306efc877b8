//! The harness: the proptest configuration, the [`Subject`] view of every enum and
//! the checks every property runs.

use std::collections::BTreeSet;
use std::fmt::Debug;

use error_catalog::problem::Problem;
use error_catalog::{ApiError, ErrorCatalog, Extra, FromResponse, UnknownError};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::Value;

/// Cases per property: enough to find shallow bugs, small enough for 2 cores.
pub(crate) const CASES: u32 = 256;

pub(crate) fn config() -> ProptestConfig {
    ProptestConfig {
        cases: CASES,
        // Shrinking long strings is slow; the failure message carries the value.
        max_shrink_iters: 2048,
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------------------
// The harness
// ---------------------------------------------------------------------------

/// What every enum under test offers.
pub(crate) trait Subject:
    ApiError + FromResponse + ErrorCatalog + serde::Serialize + Debug + PartialEq + Clone
{
    /// The fallback, when the value is one.
    fn unknown(&self) -> Option<&UnknownError>;
    /// The received-members field of a known variant, when it has one.
    fn extra_mut(&mut self) -> Option<&mut Extra>;
    /// `serde_json::from_slice::<Self>` where the enum implements `Deserialize`
    /// (code-identified wires).
    fn deserialize(_body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
        None
    }
}

pub(crate) fn extra_of<E: Subject>(e: &E) -> Option<Extra> {
    e.clone().extra_mut().map(|x| x.clone())
}

/// Implements [`Subject`] listing every variant that has an `extra` field and every
/// one without: a constant checks that as many are listed as the catalog has
/// errors, so a variant missing here (and from the strategies in `bundled_enums.rs`) is a
/// compile error (the enum itself is `#[non_exhaustive]`).
macro_rules! subject {
    ($e:ident { extra: [$($v:ident),+ $(,)?] $(, bare: [$($b:ident),+ $(,)?])? } $($de:ident)?) => {
        // every variant is listed: as many names as the catalog has errors
        const _: () = assert!(
            [$(stringify!($v)),+ $($(, stringify!($b))+)?].len()
                == <$e as ErrorCatalog>::CODES.len()
        );
        impl Subject for $e {
            fn unknown(&self) -> Option<&UnknownError> {
                match self {
                    $e::Unknown(u) => Some(u),
                    _ => None,
                }
            }
            fn extra_mut(&mut self) -> Option<&mut Extra> {
                match self {
                    $($e::$v { extra, .. })|+ => Some(extra),
                    $($($e::$b)|+ => None,)?
                    $e::Unknown(_) => None,
                    // (the enum is `#[non_exhaustive]`: the count below keeps
                    // this list complete)
                    #[allow(unreachable_patterns)]
                    _ => unreachable!("a variant missing from `subject!`"),
                }
            }
            $(
                fn deserialize(body: &[u8]) -> Option<Result<Self, serde_json::Error>> {
                    let $de = serde_json::from_slice::<$e>(body);
                    Some($de)
                }
            )?
        }
    };
}

pub(crate) fn text_of(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The status a value is received with: its own, or 400 for errors without one.
pub(crate) fn status_of<E: ApiError>(e: &E) -> u16 {
    e.status().unwrap_or(400)
}

/// Sets a received message on a known value, unless it is what the template renders
/// (which is never kept).
pub(crate) fn said<E: Subject>(mut e: E, message: Option<String>) -> E {
    if let Some(m) = message {
        if e.to_string() != m {
            if let Some(x) = e.extra_mut() {
                x.set_message(m);
            }
        }
    }
    e
}

/// The round trip: own envelope, `Deserialize` where there is one, problem+json.
pub(crate) fn check_roundtrip<E: Subject>(e: &E) -> Result<(), TestCaseError> {
    let display = e.to_string();
    prop_assert!(e.is_known(), "generated values are known: {:?}", e);
    let status = status_of(e);

    let wire = serde_json::to_vec(e).expect("serializing");
    let back = E::from_response(status, &wire);
    prop_assert_eq!(&back, e, "through its envelope {}", text_of(&wire));
    prop_assert_eq!(back.to_string(), display.clone());
    prop_assert_eq!(
        serde_json::to_vec(&back).expect("serializing"),
        wire.clone(),
        "serializes the same way twice"
    );
    if let Some(d) = E::deserialize(&wire) {
        let d = d.map_err(|err| TestCaseError::fail(format!("Deserialize: {err}")))?;
        prop_assert_eq!(&d, e, "through Deserialize of {}", text_of(&wire));
    }

    let problem = serde_json::to_vec(&Problem(e)).expect("problem+json");
    let back = E::from_problem_json(status, &problem);
    prop_assert_eq!(&back, e, "through problem+json {}", text_of(&problem));
    Ok(())
}

/// Classifies arbitrary bytes: never panics; Display and serialization work; a
/// fallback keeps the status and the exact bytes; a value identified by status
/// from a body that is not JSON keeps the exact bytes too.
pub(crate) fn check_any_body<E: Subject>(status: u16, body: &[u8]) -> Result<(), TestCaseError> {
    for (how, e) in [
        ("from_response", E::from_response(status, body)),
        ("from_problem_json", E::from_problem_json(status, body)),
    ] {
        let _ = e.to_string();
        let _ = format!("{e:?}");
        let _ = e.details();
        let _ = e.retry();
        let _ = serde_json::to_vec(&e);
        let _ = serde_json::to_vec(&Problem(&e));
        match e.unknown() {
            Some(u) => {
                prop_assert_eq!(u.body(), body, "{}: fallback keeps the body", how);
                prop_assert_eq!(
                    u.status(),
                    Some(status),
                    "{}: fallback keeps the status",
                    how
                );
                prop_assert!(!e.is_known());
            }
            None => {
                prop_assert!(e.is_known());
                if let Some(kept) = extra_of(&e).as_ref().and_then(|x| x.body()) {
                    prop_assert_eq!(kept, body, "{}: kept body", how);
                }
            }
        }
    }
    // `Deserialize` never fails on a JSON value serde_json can hold (whatever it is
    // not becomes the fallback). Numbers beyond f64 are valid JSON that serde_json
    // cannot hold: see `hostile/numbers.rs`, `deserialize_of_a_number_beyond_f64`.
    if serde_json::from_slice::<Value>(body).is_ok() {
        if let Some(d) = E::deserialize(body) {
            let d = d.map_err(|err| {
                TestCaseError::fail(format!("Deserialize of {}: {err}", text_of(body)))
            })?;
            let _ = d.to_string();
        }
    }
    Ok(())
}

/// Every code of the catalog is produced by one of the per-variant strategies, and
/// each strategy produces the variant its `CodeInfo` names.
pub(crate) fn covers_every_code<E: Subject>(what: &str, variants: Vec<BoxedStrategy<E>>) {
    let mut runner = TestRunner::deterministic();
    let mut have = BTreeSet::new();
    for s in variants {
        for _ in 0..4 {
            let e = s.new_tree(&mut runner).expect("a value").current();
            let info = e
                .info()
                .unwrap_or_else(|| panic!("{what}: {e:?} is not known"));
            assert!(
                format!("{e:?}").starts_with(info.variant),
                "{what}: {e:?} has the CodeInfo of {}",
                info.variant
            );
            have.insert(info.code);
        }
    }
    let want: BTreeSet<&str> = E::CODES.iter().map(|i| i.code).collect();
    assert_eq!(have, want, "{what}: every code has a strategy");
}
