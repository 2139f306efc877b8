//! The example catalogs of issue 30 item 5 (Azure Resource Manager, Okta,
//! SendGrid v3, Jira Cloud), whose envelopes put errors, causes or messages
//! in arrays, and Amazon SQS (AWS JSON 1.0: a code cut out of `__type` or the
//! `x-amzn-ErrorType` header), with Okta's /oauth2 errors in a second
//! envelope (RFC 6749's): every body their documentation shows is
//! classified as the error it documents by the generated enum and by the
//! CLI's decoder alike, and what the array pointers select (or leave as
//! extras) is read the same.

use error_catalog::{ApiError, FromResponse};
use error_catalog_model::model::Catalog;
use serde_json::{json, Value};

mod azure_resource_manager {
    error_catalog::catalog!("catalogs/azure_resource_manager.toml");
}
mod okta {
    error_catalog::catalog!("catalogs/okta.toml");
}
mod sendgrid {
    error_catalog::catalog!("catalogs/sendgrid.toml");
}
mod jira_cloud {
    error_catalog::catalog!("catalogs/jira_cloud.toml");
}
mod amazon_sqs {
    error_catalog::catalog!("catalogs/amazon_sqs.toml");
}
use amazon_sqs::SqsError;
use azure_resource_manager::ArmError;
use jira_cloud::JiraCloudError;
use okta::OktaError;
use sendgrid::SendgridError;

const ARM: &str = include_str!("../catalogs/azure_resource_manager.toml");
const OKTA: &str = include_str!("../catalogs/okta.toml");
const SENDGRID: &str = include_str!("../catalogs/sendgrid.toml");
const JIRA: &str = include_str!("../catalogs/jira_cloud.toml");
const SQS: &str = include_str!("../catalogs/amazon_sqs.toml");

/// `catalog!` reads files of its own crate only, so this crate keeps copies of
/// the example catalogs of `catalogs/error-catalog-services/examples/`: each
/// copy equals its original.
#[test]
fn the_catalogs_are_the_examples_copies() {
    let originals = [
        (
            "azure_resource_manager.toml",
            ARM,
            include_str!(
                "../../catalogs/error-catalog-services/examples/azure_resource_manager.toml"
            ),
        ),
        (
            "okta.toml",
            OKTA,
            include_str!("../../catalogs/error-catalog-services/examples/okta.toml"),
        ),
        (
            "sendgrid.toml",
            SENDGRID,
            include_str!("../../catalogs/error-catalog-services/examples/sendgrid.toml"),
        ),
        (
            "jira_cloud.toml",
            JIRA,
            include_str!("../../catalogs/error-catalog-services/examples/jira_cloud.toml"),
        ),
        (
            "amazon_sqs.toml",
            SQS,
            include_str!("../../catalogs/error-catalog-services/examples/amazon_sqs.toml"),
        ),
    ];
    for (file, copy, original) in originals {
        assert_eq!(
            copy, original,
            "copy catalogs/error-catalog-services/examples/{file} to tests/catalogs/{file}"
        );
    }
}

fn load(name: &str, text: &str) -> Catalog {
    error_catalog_model::load_str(name, text).unwrap_or_else(|p| panic!("{p}"))
}

/// Classifies every example body of the catalog with the generated enum `E`
/// and with the CLI's decoder, and asserts both give the entry the example
/// belongs to; returns how many bodies were checked. An example shown with
/// headers is read with them (`from_parts`, `decode_with`): a header may
/// carry the code.
fn every_example_is_its_entry<E: FromResponse + ApiError + std::fmt::Debug>(
    name: &str,
    text: &str,
) -> usize {
    let c = load(name, text);
    let mut checked = 0;
    for (i, e) in c.errors.iter().enumerate() {
        assert!(
            !e.examples.is_empty(),
            "{name}: `{}` has no example",
            e.code.value
        );
        for ex in &e.examples {
            // where the docs give no status, any error status: the code identifies
            let status = ex.status.or(e.status_u16()).unwrap_or(400);
            let body = ex.body.value.as_bytes();
            let err = if ex.headers.is_empty() {
                E::from_response(status, body)
            } else {
                E::from_parts(status, &ex.headers, body)
            };
            assert_eq!(
                err.info().map(|info| info.variant),
                Some(e.variant.value.as_str()),
                "{name}: the enum on {}: {err:?}",
                ex.body.value
            );
            assert_eq!(err.code(), e.code.value, "{name}: {}", ex.body.value);
            let out = if ex.headers.is_empty() {
                error_catalog_model::response::decode(&c, status, body)
            } else {
                error_catalog_model::response::decode_with(&c, status, &ex.headers, body)
            };
            assert_eq!(
                out.entry,
                Some(i),
                "{name}: the CLI on {}: {:?}",
                ex.body.value,
                out.entry.map(|j| &c.errors[j].code.value)
            );
            checked += 1;
        }
    }
    checked
}

#[test]
fn every_documented_body_is_its_error_in_both_decoders() {
    assert_eq!(
        every_example_is_its_entry::<ArmError>("azure_resource_manager.toml", ARM),
        14
    );
    assert_eq!(
        every_example_is_its_entry::<OktaError>("okta.toml", OKTA),
        44
    );
    assert!(every_example_is_its_entry::<SendgridError>("sendgrid.toml", SENDGRID) >= 13);
    assert!(every_example_is_its_entry::<JiraCloudError>("jira_cloud.toml", JIRA) >= 18);
    assert_eq!(
        every_example_is_its_entry::<SqsError>("amazon_sqs.toml", SQS),
        20
    );
}

/// The CLI's view of a body: entry code, fields and the pointers of extras.
fn cli(name: &str, text: &str, status: u16, body: &str) -> Value {
    let c = load(name, text);
    let out = error_catalog_model::response::decode(&c, status, body.as_bytes());
    json!({
        "code": out.entry.map(|i| c.errors[i].code.value.clone()),
        "fields": out.fields,
        "extras": out.extras.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>(),
    })
}

/// SendGrid: the first element of `errors` decides and fills `field`; the
/// others are kept by index and written back in place.
#[test]
fn sendgrid_the_first_error_decides_and_the_others_are_kept() {
    let body = r#"{"errors": [{"field": "subject", "message": "subject can't be blank"}, {"field": "sender_id", "message": "sender_id can't be blank"}]}"#;
    let e = SendgridError::from_response(400, body.as_bytes());
    let SendgridError::BadRequest { field, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(field.as_deref(), Some("subject"));
    let seen = cli("sendgrid.toml", SENDGRID, 400, body);
    assert_eq!(seen["code"], "bad_request");
    assert_eq!(seen["fields"]["field"], "subject");
    assert_eq!(seen["extras"], json!(["/errors/1"]));
    let written = serde_json::to_value(&e).expect("serializes");
    let sent: Value = serde_json::from_str(body).expect("JSON");
    assert_eq!(written, sent);
    // a documented message pattern wins over the status's catch-all
    let json_error = r#"{"errors": [{"field": null, "message": "Request body is not valid json"}, {"field": "x", "message": "other"}]}"#;
    assert!(matches!(
        SendgridError::from_response(400, json_error.as_bytes()),
        SendgridError::InvalidJson { .. }
    ));
    assert_eq!(
        cli("sendgrid.toml", SENDGRID, 400, json_error)["code"],
        "invalid_json"
    );
    // `help` is any JSON; the body's `id` is an envelope field
    let help = r#"{"errors": [{"message": "x", "field": "from", "help": "http://example.com/help"}], "id": "e-1"}"#;
    let SendgridError::BadRequest { help, id, .. } =
        SendgridError::from_response(400, help.as_bytes())
    else {
        panic!()
    };
    assert_eq!(help, Some(json!("http://example.com/help")));
    assert_eq!(id.as_deref(), Some("e-1"));
}

/// Jira: the message is the first of `errorMessages`, later ones are extras,
/// `errors` is kept whole as JSON; a body with no message at all (a field
/// error only) is identified by its status.
#[test]
fn jira_reads_the_first_message_and_the_errors_object() {
    let body =
        r#"{"errorMessages": ["Priority with ID 10000 not found.", "and more"], "errors": {}}"#;
    let e = JiraCloudError::from_response(404, body.as_bytes());
    let JiraCloudError::NotFoundById { kind, id, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!((kind.as_str(), id.as_str()), ("Priority", "10000"));
    let seen = cli("jira_cloud.toml", JIRA, 404, body);
    assert_eq!(seen["code"], "not_found_by_id");
    assert_eq!(seen["fields"]["id"], "10000");
    assert_eq!(seen["extras"], json!(["/errorMessages/1"]));
    assert_eq!(
        serde_json::to_value(&e).expect("serializes"),
        serde_json::from_str::<Value>(body).expect("JSON")
    );

    // the documented field-only 400 (create remote issue link)
    let field_only = r#"{"errorMessages": [], "errors": {"title": "'title' is required."}}"#;
    let e = JiraCloudError::from_response(400, field_only.as_bytes());
    let JiraCloudError::BadRequest { errors, .. } = &e else {
        panic!("{e:?}")
    };
    assert_eq!(errors, &Some(json!({"title": "'title' is required."})));
    let seen = cli("jira_cloud.toml", JIRA, 400, field_only);
    assert_eq!(seen["code"], "bad_request");
    assert_eq!(seen["fields"]["errors"]["title"], "'title' is required.");
}

/// Okta: `errorCauses` is a list of the declared `ErrorCause`; Azure's
/// `details` a list of `ErrorDetail`, `additionalInfo` of `AdditionalInfo`.
#[test]
fn causes_and_details_are_typed_lists() {
    let body = r#"{"errorCode": "E0000001", "errorSummary": "Api validation failed", "errorLink": "E0000001", "errorId": "oaeHfmOAx1iRLa0H10DeMz5fQ", "errorCauses": [{"errorSummary": "login: An object with this field already exists in the current organization"}]}"#;
    let OktaError::ApiValidation {
        error_causes,
        error_id,
        ..
    } = OktaError::from_response(400, body.as_bytes())
    else {
        panic!()
    };
    let causes = error_causes.expect("causes");
    assert_eq!(causes.len(), 1);
    assert!(causes[0].error_summary.starts_with("login: "));
    assert_eq!(error_id.as_deref(), Some("oaeHfmOAx1iRLa0H10DeMz5fQ"));

    let body = r#"{"error": {"code": "InvalidTemplateDeployment", "message": "The template deployment failed", "target": "vm1", "details": [{"code": "SkuNotAvailable", "message": "The requested size is currently not available"}], "additionalInfo": [{"type": "PolicyViolation", "info": {"policyDefinitionDisplayName": "Allowed locations"}}]}}"#;
    let e = ArmError::from_response(400, body.as_bytes());
    let ArmError::InvalidTemplateDeployment {
        target,
        details,
        additional_info,
        ..
    } = &e
    else {
        panic!("{e:?}")
    };
    assert_eq!(target.as_deref(), Some("vm1"));
    let details = details.as_ref().expect("details");
    assert_eq!(details[0].code, "SkuNotAvailable");
    let info = additional_info.as_ref().expect("additional info");
    assert_eq!(info[0].info_type, "PolicyViolation");
    let seen = cli("azure_resource_manager.toml", ARM, 400, body);
    assert_eq!(seen["code"], "InvalidTemplateDeployment");
    assert_eq!(seen["fields"]["details"][0]["code"], "SkuNotAvailable");
    assert_eq!(
        serde_json::to_value(&e).expect("serializes"),
        serde_json::from_str::<Value>(body).expect("JSON")
    );
}

/// Okta's /oauth2 endpoints answer in RFC 6749's envelope (`error`,
/// `error_description`): every documented OAuth 2.0 body is its entry in the
/// generated enum and the CLI alike, with the description it carries as its
/// message and the members of its own (`mfa_token`, `interaction_uri`) read;
/// an OAuth 2.0 code the catalog does not know is the fallback, code and
/// description kept, and so is a code in the other envelope's place.
#[test]
fn okta_oauth2_bodies_are_their_errors_and_unknown_codes_fall_back() {
    let c = load("okta.toml", OKTA);
    let mut checked = 0;
    for (i, e) in c.errors.iter().enumerate() {
        if e.envelope.is_none() {
            continue;
        }
        assert!(
            e.code
                .value
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch == '_'),
            "{}: an OAuth 2.0 code, not an E0000xxx one",
            e.code.value
        );
        for ex in &e.examples {
            let status = ex.status.or(e.status_u16()).unwrap_or(400);
            let body = ex.body.value.as_bytes();
            let sent: Value = serde_json::from_slice(body).expect("example is JSON");
            let err = OktaError::from_parts(status, &ex.headers, body);
            assert_eq!(
                err.info().map(|info| info.variant),
                Some(e.variant.value.as_str()),
                "the enum on {}",
                ex.body.value
            );
            assert_eq!(Some(err.code()), sent["error"].as_str());
            let out = error_catalog_model::response::decode_with(&c, status, &ex.headers, body);
            assert_eq!(out.entry, Some(i), "the CLI on {}", ex.body.value);
            assert_eq!(out.code.as_deref(), sent["error"].as_str());
            // the description sent is the message, in both, and the error
            // is written back as the body the service sent
            let description = sent["error_description"].as_str();
            assert!(description.is_some(), "{}", ex.body.value);
            assert_eq!(Some(err.to_string().as_str()), description);
            assert_eq!(out.message.as_deref(), description);
            assert_eq!(serde_json::to_value(&err).expect("serializes"), sent);
            checked += 1;
        }
    }
    assert_eq!(checked, 31);

    let mfa = r#"{"error": "mfa_required", "error_description": "Verify with an additional authenticator to complete the sign-in process.", "mfa_token": "F5snZpk1UBRKHYR6N7Mh"}"#;
    let OktaError::OAuthMfaRequired { mfa_token, .. } =
        OktaError::from_response(403, mfa.as_bytes())
    else {
        panic!("{mfa}")
    };
    assert_eq!(mfa_token.as_deref(), Some("F5snZpk1UBRKHYR6N7Mh"));
    assert_eq!(
        cli("okta.toml", OKTA, 403, mfa)["fields"]["mfa_token"],
        "F5snZpk1UBRKHYR6N7Mh"
    );
    let interaction = r#"{"error": "interaction_required", "error_description": "d", "interaction_uri": "https://example.okta.com/some/opaque/path"}"#;
    let OktaError::OAuthInteractionRequired {
        interaction_uri, ..
    } = OktaError::from_response(400, interaction.as_bytes())
    else {
        panic!("{interaction}")
    };
    assert_eq!(
        interaction_uri.as_deref(),
        Some("https://example.okta.com/some/opaque/path")
    );

    // use_dpop_nonce's DPoP-Nonce header is kept, in any case
    let h = OktaError::headers([("dpop-nonce", "8NLZUUhVawx1ns8AjrC4F6j8D2phvaw7")].as_slice());
    assert_eq!(
        h.kept.get("DPoP-Nonce"),
        Some("8NLZUUhVawx1ns8AjrC4F6j8D2phvaw7")
    );

    // an OAuth 2.0 code the catalog does not list
    let unknown =
        br#"{"error": "some_new_error", "error_description": "Something Okta added later."}"#;
    match OktaError::from_response(400, unknown) {
        OktaError::Unknown(u) => {
            assert_eq!(u.code(), Some("some_new_error"));
            assert_eq!(u.message(), Some("Something Okta added later."));
            assert_eq!(u.body(), unknown);
        }
        other => panic!("{other:?}"),
    }
    let out = error_catalog_model::response::decode(&c, 400, unknown);
    assert_eq!(out.entry, None);
    assert_eq!(out.code.as_deref(), Some("some_new_error"));
    assert_eq!(out.message.as_deref(), Some("Something Okta added later."));

    // a code names an error of its own envelope only: a management code in
    // the OAuth 2.0 place, and an OAuth 2.0 code in errorCode, are unknown
    let misplaced = [
        br#"{"error": "E0000011", "error_description": "Invalid token provided"}"#.as_slice(),
        br#"{"errorCode": "invalid_token", "errorSummary": "The token is invalid."}"#.as_slice(),
    ];
    for body in misplaced {
        let err = OktaError::from_response(401, body);
        assert!(err.info().is_none(), "{err:?}");
        assert_eq!(
            error_catalog_model::response::decode(&c, 401, body).entry,
            None
        );
    }
}

/// A body whose message pointer selects nothing in an array that is there
/// but empty (`"errorMessages": []`, as Jira sends with field errors): the
/// empty array on the way is envelope, as an empty object there would be, so
/// writing the error back and reading it again gives the same value.
#[test]
fn an_empty_message_array_survives_being_written_back() {
    let body = br#"{"errorMessages": [], "errors": {"title": "'title' is required."}}"#;
    let e = JiraCloudError::from_response(400, body);
    let again = JiraCloudError::from_response(400, &serde_json::to_vec(&e).expect("JSON"));
    assert_eq!(again, e);
}

/// Amazon SQS: the error's name is cut out of the body's namespaced `__type`
/// (`com.amazonaws.sqs#QueueDoesNotExist`) or out of the `x-amzn-ErrorType`
/// header (`QueueDoesNotExist:http://...`), which is read first; the header
/// needs `from_parts` (`from_response` reads no headers).
#[test]
fn sqs_reads_the_code_from_type_or_the_error_type_header() {
    let c = load("amazon_sqs.toml", SQS);
    let documented = br#"{"__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": "The specified queue does not exist."}"#;
    let e = SqsError::from_response(400, documented);
    assert!(matches!(e, SqsError::QueueDoesNotExist { .. }), "{e:?}");
    assert_eq!(e.code(), "QueueDoesNotExist");
    // written back with the bare code, it reads as the same error
    let again = SqsError::from_response(400, &serde_json::to_vec(&e).expect("JSON"));
    assert_eq!(again, e);

    // the code in the header only
    let headers = [(
        "x-amzn-ErrorType",
        "ReceiptHandleIsInvalid:http://internal.amazon.com/coral/com.amazon.coral.service/",
    )];
    let body = br#"{"message": "The specified receipt handle isn't valid."}"#;
    let e = SqsError::from_parts(404, &headers, body);
    assert!(
        matches!(e, SqsError::ReceiptHandleIsInvalid { .. }),
        "{e:?}"
    );
    let out = error_catalog_model::response::decode_with(&c, 404, &headers, body);
    assert_eq!(
        out.entry.map(|i| c.errors[i].code.value.as_str()),
        Some("ReceiptHandleIsInvalid")
    );
    // without the headers the body alone has no code
    assert!(SqsError::from_response(404, body).info().is_none());

    // the header is read before the body
    let other = br#"{"__type": "com.amazonaws.sqs#QueueDoesNotExist", "message": "m"}"#;
    let e = SqsError::from_parts(404, &headers, other);
    assert!(
        matches!(e, SqsError::ReceiptHandleIsInvalid { .. }),
        "{e:?}"
    );
    let out = error_catalog_model::response::decode_with(&c, 404, &headers, other);
    assert_eq!(
        out.entry.map(|i| c.errors[i].code.value.as_str()),
        Some("ReceiptHandleIsInvalid")
    );

    // an unknown name is no known error, in both decoders
    let unknown = br#"{"__type": "com.amazonaws.sqs#SomethingNew", "message": "m"}"#;
    assert!(SqsError::from_response(400, unknown).info().is_none());
    assert_eq!(
        error_catalog_model::response::decode(&c, 400, unknown).entry,
        None
    );
}
