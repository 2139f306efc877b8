//! A wire identified by message that also has a fields object (`fields_at`):
//! a field every pattern names is captured from the message, as without a
//! fields object; a field no pattern names is read from the fields object.
//! The CLI's decoding and the generated enum agree.

use error_catalog::{ApiError, FromResponse};

error_catalog::catalog!("catalogs/message_with_fields_object.toml");

const CATALOG: &str = include_str!("../catalogs/message_with_fields_object.toml");

fn cli(
    status: u16,
    body: &[u8],
) -> (
    error_catalog_model::model::Catalog,
    error_catalog_model::response::Response,
) {
    let c = error_catalog_model::load_str("message_with_fields_object.toml", CATALOG)
        .unwrap_or_else(|p| panic!("{p}"));
    (
        c.clone(),
        error_catalog_model::response::decode(&c, status, body),
    )
}

#[test]
fn placeholder_fields_are_captured_from_the_message() {
    let body = br#"{"error": {"message": "Account acc_9 not found"}}"#;
    let err = LedgerError::from_response(404, body);
    assert!(
        matches!(&err, LedgerError::AccountNotFound { account, region: None, .. } if account == "acc_9"),
        "{err:?}"
    );
    let body = br#"{"error": {"message": "Transfer of 5000 exceeds the limit", "details": {}}}"#;
    let err = LedgerError::from_response(422, body);
    assert!(
        matches!(err, LedgerError::LimitExceeded { amount: 5000, .. }),
        "{err:?}"
    );
}

#[test]
fn other_fields_come_from_the_fields_object() {
    let body = br#"{"error": {"message": "Account acc_9 not found", "details": {"region": "eu"}}}"#;
    let err = LedgerError::from_response(404, body);
    assert!(
        matches!(&err, LedgerError::AccountNotFound { account, region: Some(r), .. } if account == "acc_9" && r == "eu"),
        "{err:?}"
    );
    // Serialize writes the captured field into the message, the other into
    // the fields object: read back, it is the same error
    let json = serde_json::to_vec(&err).unwrap();
    assert_eq!(LedgerError::from_response(404, &json), err);
}

#[test]
fn the_cli_decodes_the_same() {
    for (status, body) in [
        (
            404,
            &br#"{"error": {"message": "Account acc_9 not found"}}"#[..],
        ),
        (
            404,
            br#"{"error": {"message": "Account acc_9 not found", "details": {"region": "eu"}}}"#,
        ),
        (
            422,
            br#"{"error": {"message": "Transfer of 5000 exceeds the limit"}}"#,
        ),
        (
            422,
            br#"{"error": {"message": "Transfer of lots exceeds the limit"}}"#,
        ),
    ] {
        let err = LedgerError::from_response(status, body);
        let (c, r) = cli(status, body);
        let text = String::from_utf8_lossy(body);
        assert_eq!(
            r.entry.map(|i| c.errors[i].code.value.as_str()),
            err.is_known().then(|| err.code()),
            "{text}"
        );
        if err.is_known() {
            assert_eq!(
                serde_json::Value::Object(err.details()),
                serde_json::to_value(&r.fields).unwrap(),
                "{text}"
            );
        }
    }
}
