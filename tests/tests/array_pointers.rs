//! Pointers into arrays (issue 30): a Cloudflare-v4-style `errors` array, where
//! the first element carrying a code decides, and Google AIP-193's `details`,
//! where the element of kind `ErrorInfo` does wherever it sits. The generated
//! enum and the CLI read the same element, keep every other element, and the
//! generated value writes the array back as the service sent it.

use error_catalog::{ApiError, FromResponse};
use serde_json::{json, Value};

mod cloudflare_like {
    error_catalog::catalog!("catalogs/cloudflare_like.toml");
}
mod aip193_like {
    error_catalog::catalog!("catalogs/aip193_like.toml");
}
use aip193_like::Aip193LikeError;
use cloudflare_like::CloudflareLikeError;

fn cli(name: &str, text: &str, status: u16, body: &str) -> Value {
    let c = error_catalog_model::load_str(name, text).expect("test catalog loads");
    let out = error_catalog_model::response::decode(&c, status, body.as_bytes());
    json!({
        "code": out.entry.map(|i| c.errors[i].code.value.clone()),
        "fields": out.fields,
        "extras": out.extras.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>(),
    })
}

const CF: &str = include_str!("../catalogs/cloudflare_like.toml");
const AIP: &str = include_str!("../catalogs/aip193_like.toml");

#[test]
fn the_first_element_with_a_code_decides_and_the_others_are_kept() {
    let body = r#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"},{"code":9109,"message":"Invalid access token"}],"messages":[],"result":null}"#;
    let e = CloudflareLikeError::from_response(403, body.as_bytes());
    assert!(
        matches!(e, CloudflareLikeError::AuthenticationError { .. }),
        "{e:?}"
    );
    assert_eq!(e.to_string(), "Authentication error");
    let seen = cli("cloudflare_like.toml", CF, 403, body);
    assert_eq!(seen["code"], "10000");
    assert_eq!(seen["extras"], json!(["/errors/1", "/messages", "/result"]));
    // written back as it came: the array, the second error, the rest
    let written = serde_json::to_value(&e).expect("serializes");
    let sent: Value = serde_json::from_str(body).expect("JSON");
    assert_eq!(written, sent);
}

#[test]
fn an_unknown_code_in_the_array_keeps_it_in_the_fallback() {
    let body = r#"{"success":false,"errors":[{"code":1234,"message":"Something new"}]}"#;
    let e = CloudflareLikeError::from_response(400, body.as_bytes());
    match &e {
        CloudflareLikeError::Unknown(u) => {
            assert_eq!(u.code(), Some("1234"));
            assert_eq!(u.message(), Some("Something new"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        cli("cloudflare_like.toml", CF, 400, body)["code"],
        Value::Null
    );
}

#[test]
fn the_element_of_a_kind_decides_wherever_it_sits() {
    let body = r#"{"error":{"code":403,"message":"The API pubsub.googleapis.com is disabled for this project","status":"PERMISSION_DENIED","details":[
        {"@type":"type.googleapis.com/google.rpc.Help","links":[{"url":"https://console.developers.google.com/apis/api/pubsub.googleapis.com"}]},
        {"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SERVICE_DISABLED","domain":"googleapis.com","metadata":{"service":"pubsub.googleapis.com","consumer":"projects/123"}}]}}"#;
    let e = Aip193LikeError::from_response(403, body.as_bytes());
    let Aip193LikeError::ServiceDisabled {
        service,
        status,
        domain,
        ..
    } = &e
    else {
        panic!("{e:?}");
    };
    assert_eq!(service, "pubsub.googleapis.com");
    assert_eq!(status.as_deref(), Some("PERMISSION_DENIED"));
    assert_eq!(domain.as_deref(), Some("googleapis.com"));
    let seen = cli("aip193_like.toml", AIP, 403, body);
    assert_eq!(seen["code"], "SERVICE_DISABLED");
    assert_eq!(seen["fields"]["service"], "pubsub.googleapis.com");
    // written back as it came: Help where it was, then the ErrorInfo element
    // (its `@type` and all), whatever the selector's place in the array
    let written = serde_json::to_value(&e).expect("serializes");
    let sent: Value = serde_json::from_str(body).expect("JSON");
    assert_eq!(written, sent, "{:?}", seen["extras"]);
    let again = Aip193LikeError::from_response(403, &serde_json::to_vec(&written).expect("JSON"));
    assert_eq!(again.code(), "SERVICE_DISABLED");
    // an ErrorInfo-less body is no error of the catalog, status and all kept
    let bare =
        r#"{"error":{"code":403,"message":"denied","status":"PERMISSION_DENIED","details":[]}}"#;
    assert!(!Aip193LikeError::from_response(403, bare.as_bytes()).is_known());
}

/// Every error of a body that carries several, each classified on its own;
/// a kind-filtered selector gives only the elements of its kind.
#[test]
fn every_error_of_the_array_is_readable() {
    const { assert!(!CloudflareLikeError::ERRORS_AT.is_empty()) };
    let body = br#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"},{"code":971,"message":"Please wait and consider throttling your request speed"},{"code":4242,"message":"new"}],"messages":[]}"#;
    let all = CloudflareLikeError::all_from_response(403, body);
    assert_eq!(all.len(), 3);
    assert_eq!((all[0].code(), all[1].code()), ("10000", "971"));
    assert!(matches!(all[1], CloudflareLikeError::Throttled { .. }));
    assert!(matches!(&all[2], CloudflareLikeError::Unknown(u) if u.code() == Some("4242")));
    // a body that is not JSON is the one fallback
    assert_eq!(
        CloudflareLikeError::all_from_response(502, b"<html>").len(),
        1
    );
    let aip = br#"{"error":{"message":"m","details":[{"@type":"type.googleapis.com/google.rpc.Help"},{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}"#;
    let all = Aip193LikeError::all_from_response(400, aip);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].code(), "API_KEY_INVALID");
}
