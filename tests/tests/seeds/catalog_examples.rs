//! The catalogs' own `[[errors.examples]]`.

use std::fmt::Debug;

use error_catalog::{ApiError, FromResponse, ResponseHeaders, RetryAfter, RetryRule};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use serde_json::Value;

use crate::customer_verification::cv_seeds;
use crate::kya::kya_seeds;
use crate::support::{after, now, ToJson};

/// Every example body of one bundled catalog classifies as its own entry and
/// serializes back to itself; with its headers, `after` errors wait the header's
/// seconds.
fn catalog_examples<E>(id: &str) -> usize
where
    E: ApiError + FromResponse + ToJson + Debug + PartialEq,
{
    let catalog = error_catalog_tests::bundled(id);
    let mut n = 0;
    for entry in &catalog.errors {
        for (i, ex) in entry.examples.iter().enumerate() {
            n += 1;
            let what = format!("{id} {} example {i}", entry.code.value);
            let status = ex.status.or(entry.status_u16()).unwrap_or(400);
            let e = E::from_response(status, ex.body.value.as_bytes());
            assert!(e.is_known(), "{what}: fell back: {e:?}");
            assert_eq!(e.code(), entry.code.value, "{what}: code");
            let want: Value = serde_json::from_str(&ex.body.value)
                .unwrap_or_else(|err| panic!("{what}: body is not JSON: {err}"));
            assert_eq!(e.to_json(), want, "{what}: serialization");
            if !ex.headers.is_empty() {
                let pairs = ex.headers.iter().map(|(k, v)| (k.as_str(), v.as_str()));
                let h = ResponseHeaders::from_pairs(pairs);
                if let (RetryRule::After, Some(RetryAfter::Seconds(s))) =
                    (e.retry_rule(), h.retry_after)
                {
                    assert_eq!(e.retry_with(&h, now()), after(s), "{what}: retry advice");
                }
            }
        }
    }
    n
}

#[test]
fn catalog_examples_classify_and_serialize_back() {
    assert_eq!(catalog_examples::<KyaError>("kya"), 12, "KYA examples");
    assert_eq!(
        catalog_examples::<CvError>("customer_verification"),
        16,
        "CV examples"
    );
    catalog_examples::<MocaAirError>("moca_air");
    catalog_examples::<RakomiError>("rakomi");
    catalog_examples::<AironclawError>("aironclaw");
}

#[test]
fn catalog_examples_are_the_seed_bodies() {
    // The catalogs transcribe the seeds' examples: same JSON values.
    let seeds: Vec<Value> = kya_seeds()
        .iter()
        .map(|s| s.body)
        .chain(cv_seeds().iter().map(|s| s.body))
        .map(|b| serde_json::from_str(b).unwrap())
        .collect();
    for id in ["kya", "customer_verification"] {
        let catalog = error_catalog_tests::bundled(id);
        for entry in &catalog.errors {
            for ex in &entry.examples {
                let v: Value = serde_json::from_str(&ex.body.value).unwrap();
                assert!(
                    seeds.contains(&v),
                    "{id} {}: example is not the seed's body",
                    entry.code.value
                );
            }
        }
    }
}
