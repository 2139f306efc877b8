//! What the parts share: the [`Fallback`] view of the five enums and the checks
//! that a body fell back whole.

use std::fmt::Debug;

use error_catalog::{ApiError, FromResponse, UnknownError};
use error_catalog_services::aironclaw::AironclawError;
use error_catalog_services::customer_verification::CustomerVerificationError as CvError;
use error_catalog_services::kya::KyaError;
use error_catalog_services::moca_air::MocaAirError;
use error_catalog_services::rakomi::RakomiError;
use serde_json::{json, Value};

/// Serialization and access to the fallback variant, for all five enums.
pub(crate) trait Fallback: ApiError + FromResponse + Debug + Sized {
    fn to_json(&self) -> Value;
    fn unknown(&self) -> Option<&UnknownError>;
}

macro_rules! fallback {
    ($($t:ty),*) => {$(
        impl Fallback for $t {
            fn to_json(&self) -> Value {
                serde_json::to_value(self).expect("serializing")
            }
            fn unknown(&self) -> Option<&UnknownError> {
                match self {
                    Self::Unknown(u) => Some(u),
                    _ => None,
                }
            }
        }
    )*};
}
fallback!(MocaAirError, KyaError, RakomiError, AironclawError, CvError);

pub(crate) fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Parses and insists on the fallback, with the status and the exact body kept.
pub(crate) fn fell_back<E: Fallback>(what: &str, status: u16, body: &[u8]) -> (E, UnknownError) {
    let e = E::from_response(status, body);
    let u = e
        .unknown()
        .unwrap_or_else(|| panic!("{what}: {:?} classified as {e:?}", text(body)))
        .clone();
    assert!(!e.is_known(), "{what}: is_known");
    assert!(e.info().is_none(), "{what}: info");
    assert_eq!(u.status(), Some(status), "{what}: status");
    assert_eq!(e.status(), Some(status), "{what}: ApiError::status");
    assert_eq!(u.body(), body, "{what}: body kept byte for byte");
    assert!(u.reason().is_some(), "{what}: a reason is given");
    assert_eq!(e.code(), u.code().unwrap_or(""), "{what}: ApiError::code");
    assert!(e.suggestion().is_none() && e.fix_command().is_none() && e.docs_url().is_none());
    assert!(e.details().is_empty(), "{what}: details");
    (e, u)
}

/// A fallback whose body is not JSON: no code, no message, and it serializes as
/// the body text.
pub(crate) fn not_json<E: Fallback>(what: &str, status: u16, body: &[u8]) {
    let (e, u) = fell_back::<E>(what, status, body);
    assert_eq!(u.code(), None, "{what}: code");
    assert_eq!(u.message(), None, "{what}: message");
    assert!(
        u.reason().unwrap().starts_with("body is not a JSON object"),
        "{what}: reason {:?}",
        u.reason()
    );
    assert_eq!(
        e.to_string(),
        format!("unrecognised error response (HTTP {status})"),
        "{what}: Display"
    );
    match serde_json::from_slice::<Value>(body) {
        // A JSON value that is not an object: written back as it came.
        Ok(v) => assert_eq!(e.to_json(), v, "{what}: serialization"),
        Err(_) => assert_eq!(e.to_json(), json!(text(body)), "{what}: serialization"),
    }
}

pub(crate) fn fell_back_whole<E: Fallback>(what: &str, status: u16, body: &[u8]) {
    fell_back::<E>(what, status, body);
}

macro_rules! for_all_enums {
    ($f:ident, $($arg:expr),*) => {
        $f::<MocaAirError>(concat!("moca_air ", stringify!($($arg),*)), $($arg),*);
        $f::<KyaError>(concat!("kya ", stringify!($($arg),*)), $($arg),*);
        $f::<RakomiError>(concat!("rakomi ", stringify!($($arg),*)), $($arg),*);
        $f::<AironclawError>(concat!("aironclaw ", stringify!($($arg),*)), $($arg),*);
        $f::<CvError>(concat!("customer_verification ", stringify!($($arg),*)), $($arg),*);
    };
}

pub(crate) const HTML_502: &[u8] = b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/// Falls back with the code and message the body carried.
pub(crate) fn found<E: Fallback>(
    what: &str,
    status: u16,
    body: &[u8],
    code: Option<&str>,
    message: Option<&str>,
) -> UnknownError {
    let (e, u) = fell_back::<E>(what, status, body);
    assert_eq!(u.code(), code, "{what}: code kept");
    assert_eq!(u.message(), message, "{what}: message kept");
    let display = match (message, code) {
        (Some(m), _) => m.to_string(),
        (None, Some(c)) => format!("unrecognised error `{c}`"),
        (None, None) => format!("unrecognised error response (HTTP {status})"),
    };
    assert_eq!(e.to_string(), display, "{what}: Display");
    let v: Value = serde_json::from_slice(body).expect("a JSON body");
    assert_eq!(e.to_json(), v, "{what}: serializes to the body received");
    u
}
