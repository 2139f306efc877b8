//! A coded error's placeholders that no member carries (issue 30): the code
//! decides which error it is, and the values are captured from the message
//! received by the error's template (Twilio's `The 'To' number {to} is not a
//! valid phone number.`, Stripe's `No such customer: '{id}'`). A message that
//! does not fit keeps the error, its fields empty, with the reason kept.

use error_catalog::FromResponse;

mod captured {
    error_catalog::catalog!("catalogs/captured_messages.toml");
}
use captured::CapturedMessagesError as E;

const CATALOG: &str = include_str!("../catalogs/captured_messages.toml");

fn cli(status: u16, body: &[u8]) -> error_catalog_model::response::Response {
    let c = error_catalog_model::load_str("captured_messages.toml", CATALOG)
        .expect("test catalog loads");
    error_catalog_model::response::decode(&c, status, body)
}

#[test]
fn the_message_fills_the_fields_the_code_s_error_names() {
    let body = br#"{"code":"21211","message":"The 'To' number +15005550001 is not a valid phone number.","more_info":"https://www.twilio.com/docs/errors/21211","status":400}"#;
    let e = E::from_response(400, body);
    let E::InvalidToNumber { to, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(to.as_deref(), Some("+15005550001"));
    assert_eq!(
        e.to_string(),
        "The 'To' number +15005550001 is not a valid phone number."
    );
    let seen = cli(400, body);
    assert_eq!(seen.fields["to"], "+15005550001");
    // typed placeholders are read as their type
    let e = E::from_response(
        429,
        br#"{"code":"too_many","message":"Limit of 7 requests reached"}"#,
    );
    assert!(matches!(e, E::TooMany { limit: Some(7), .. }), "{e:?}");
    // written back, the message renders from the field
    let e = E::from_response(
        404,
        br#"{"code":"resource_missing","message":"No such customer: 'cus_42'"}"#,
    );
    let wire: serde_json::Value = serde_json::to_value(&e).expect("serializes");
    assert_eq!(wire["message"], "No such customer: 'cus_42'");
    assert_eq!(
        E::from_response(404, &serde_json::to_vec(&wire).expect("JSON")),
        e
    );
}

#[test]
fn a_message_that_does_not_fit_keeps_the_error_and_says_why() {
    let body = br#"{"code":"resource_missing","message":"That customer was deleted"}"#;
    let e = E::from_response(404, body);
    let E::ResourceMissing { id, extra } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(*id, None);
    let unread: Vec<(&str, &str)> = extra.unread().collect();
    assert_eq!(unread.len(), 1, "{unread:?}");
    assert_eq!(unread[0].0, "/message");
    assert!(unread[0].1.contains("does not fit"), "{unread:?}");
    // the message received is what Display shows, and is written back
    assert_eq!(e.to_string(), "That customer was deleted");
    let seen = cli(404, body);
    assert_eq!(seen.entry, Some(1));
    assert!(seen.fields.get("id").is_none());
    assert_eq!(seen.unread.len(), 1);
    // a typed placeholder whose text is not of its type does not fit either
    let e = E::from_response(
        429,
        br#"{"code":"too_many","message":"Limit of many requests reached"}"#,
    );
    assert!(matches!(e, E::TooMany { limit: None, .. }), "{e:?}");
}
