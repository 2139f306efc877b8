//! Arrays written back as the service sent them (issue 30): whichever place
//! the element a pointer takes had in its array (first, last, between kept
//! elements; by `*`, by `[member=value]` or by index, arrays inside arrays),
//! serializing the generated value gives the body's JSON again, every kept
//! element at its own index.

use error_catalog::{ApiError, FromResponse};
use serde_json::Value;

mod cloudflare_like {
    error_catalog::catalog!("catalogs/cloudflare_like.toml");
}
mod aip193_like {
    error_catalog::catalog!("catalogs/aip193_like.toml");
}
mod indexed {
    error_catalog::catalog!("catalogs/indexed_arrays.toml");
}
mod sendgrid {
    error_catalog::catalog!("catalogs/sendgrid.toml");
}
mod jira {
    error_catalog::catalog!("catalogs/jira_cloud.toml");
}

/// `body` read with `status` is a known error of `E` whose serialization is
/// the body's JSON, and reading that again writes the same JSON.
fn written_back<E>(status: u16, body: &str)
where
    E: FromResponse + ApiError + serde::Serialize + std::fmt::Debug,
{
    let e = E::from_response(status, body.as_bytes());
    assert!(e.is_known(), "{body}: {e:?}");
    let written = serde_json::to_value(&e).expect("serializes");
    let sent: Value = serde_json::from_str(body).expect("the test body is JSON");
    assert_eq!(written, sent, "{body}");
    // (read again, the same error writes the same JSON; its kept members may
    // come in another order, as the members of an object written back do)
    let again = E::from_response(status, &serde_json::to_vec(&e).expect("JSON"));
    assert_eq!(again.code(), e.code(), "{body}: read again");
    let rewritten = serde_json::to_value(&again).expect("serializes");
    assert_eq!(rewritten, written, "{body}: read again");
}

#[test]
fn an_element_taken_by_star_goes_back_to_its_place() {
    use cloudflare_like::CloudflareLikeError as E;
    // (`*` takes the first element that has the code, and `fields_at`'s
    // `*` the first element: the element that decides comes first)
    for body in [
        r#"{"success":false,"errors":[{"code":7003,"message":"m"},{"code":9109,"message":"n"}],"messages":[],"result":null}"#,
        r#"{"success":false,"errors":[{"code":10000,"message":"Authentication error","extra":[1,2]},{"code":1,"message":"x"},{"code":2}]}"#,
        r#"{"success":false,"errors":[{"code":971,"message":"Please wait and consider throttling your request speed"}]}"#,
    ] {
        written_back::<E>(400, body);
    }
}

#[test]
fn an_element_of_a_kind_goes_back_to_its_place() {
    use aip193_like::Aip193LikeError as E;
    let info = r#"{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"SERVICE_DISABLED","domain":"googleapis.com","metadata":{"service":"pubsub.googleapis.com","consumer":"projects/1"}}"#;
    let help = r#"{"@type":"type.googleapis.com/google.rpc.Help","links":[{"url":"https://example.com"}]}"#;
    let retry = r#"{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"30s"}"#;
    for details in [
        format!("[{info}]"),
        format!("[{info},{help}]"),
        format!("[{help},{info}]"),
        format!("[{help},{retry},{info}]"),
        format!("[{retry},{info},{help}]"),
    ] {
        let body = format!(
            r#"{{"error":{{"code":403,"message":"The API pubsub.googleapis.com is disabled for this project","status":"PERMISSION_DENIED","details":{details}}}}}"#
        );
        written_back::<E>(403, &body);
    }
}

#[test]
fn an_element_taken_by_index_keeps_the_elements_around_it() {
    use indexed::IndexedError as E;
    // the code's element at index 1 of `data/errors`; the message's in
    // `notes`, the first that has `text`
    for body in [
        r#"{"data":{"errors":[{"skip":true},{"code":"QUOTA","notes":[{"text":"Quota of 5 reached"}],"meta":{"limit":5}}]}}"#,
        r#"{"data":{"errors":[{"skip":true},{"code":"QUOTA","notes":[{"x":1},{"text":"Quota of 5 reached"},{"text":"later"}],"meta":{"limit":5,"who":"w","more":true}},{"third":3},[4]]},"trace":"t"}"#,
    ] {
        written_back::<E>(429, body);
    }
}

#[test]
fn message_identified_arrays_go_back_as_they_came() {
    written_back::<sendgrid::SendgridError>(
        400,
        r#"{"errors":[{"message":"Bad request","field":"from","help":"h"},{"message":"second","field":"to"}]}"#,
    );
    written_back::<jira::JiraCloudError>(
        401,
        r#"{"errorMessages":["User is not logged in.","and another"],"errors":{}}"#,
    );
}

/// The public form writes the variant's own elements alone.
#[test]
fn the_public_form_writes_no_kept_element() {
    use cloudflare_like::CloudflareLikeError as E;
    let body = br#"{"success":false,"errors":[{"code":10000,"message":"Authentication error"},{"code":1}],"result":null}"#;
    let e = E::from_response(403, body);
    let public = serde_json::to_value(error_catalog::Public(&e)).expect("serializes");
    assert_eq!(
        public["errors"],
        serde_json::json!([{"code": 10000, "message": "Authentication error"}])
    );
}
