//! Generated code looks a code up with a `match` up to 64 codes and with the
//! table's hash index above. A catalog of 130 codes (`tests/catalogs/many_codes.toml`)
//! takes the index path; the bundled catalogs (12 to 29 codes) take the `match`
//! path in `engine_agreement.rs`. Here every code of the large one is found,
//! with its typed field, and a code it does not have falls back.

use error_catalog::{ApiError, FromResponse};

mod many {
    error_catalog::catalog!("catalogs/many_codes.toml");
}
use many::ManyError;

#[test]
fn every_code_of_a_catalog_above_the_match_limit_is_found() {
    for i in 0..130 {
        let body = format!(
            r#"{{"error":"Error number {i} with x","errorType":"CODE_{i}","details":{{"detail":"d{i}"}},"timestamp":1}}"#
        );
        let e = ManyError::from_response(400, body.as_bytes());
        assert!(e.is_known(), "CODE_{i}: {e:?}");
        assert_eq!(e.code(), format!("CODE_{i}"));
        assert_eq!(
            e.details().get("detail"),
            Some(&serde_json::json!(format!("d{i}"))),
            "CODE_{i}: {e:?}"
        );
    }
    for unknown in ["CODE_130", "CODE_", "code_1", ""] {
        let body = format!(r#"{{"error":"?","errorType":"{unknown}"}}"#);
        let e = ManyError::from_response(400, body.as_bytes());
        assert!(!e.is_known(), "{unknown:?}: {e:?}");
    }
}
