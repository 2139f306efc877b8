//! Whether a response is a success or an error. Many APIs say so by the HTTP
//! status alone; others (Slack-like, Telegram-like) answer errors with 200 too
//! and mark success in the body (`"ok": true`). A catalog's `[wire] success`
//! rule states the marker; without one, a 2xx response is a success unless its
//! body carries what the wire identifies errors by (the code, or the message).

use serde_json::Value;

/// How a catalog tells a success from an error.
#[derive(Debug, Clone, Copy)]
pub struct SuccessRule<'a> {
    /// Members that mark a success, as (pointer segments, the value as JSON
    /// text): all must hold. Empty: the default rule.
    pub marks: &'a [(&'a [&'a str], &'a str)],
    /// The member that marks an error under the default rule: the code where
    /// the code identifies errors, the message where the message does (a 2xx
    /// body carrying it is an error); `None` where the status alone does.
    pub marker: Option<&'a [&'a str]>,
}

fn at<'v>(mut v: &'v Value, segments: &[&str]) -> Option<&'v Value> {
    for s in segments {
        v = v.as_object()?.get(*s)?;
    }
    Some(v)
}

impl SuccessRule<'_> {
    /// True when `body` received with `status` is a success, not an error.
    ///
    /// With marks, every marked member must hold its value (and a body that is
    /// not JSON is not a success); a 4xx or 5xx status is an error whatever
    /// the body says. Without marks, a 2xx status is a success unless the body
    /// carries the marker.
    ///
    /// ```
    /// use error_catalog_core::success::SuccessRule;
    ///
    /// let slack = SuccessRule { marks: &[(&["ok"], "true")], marker: Some(&["error"]) };
    /// assert!(slack.is_success(200, br#"{"ok": true, "channel": "C1"}"#));
    /// assert!(!slack.is_success(200, br#"{"ok": false, "error": "channel_not_found"}"#));
    /// assert!(!slack.is_success(200, b"<html>"));
    /// assert!(!slack.is_success(429, br#"{"ok": true}"#));
    ///
    /// let coded = SuccessRule { marks: &[], marker: Some(&["error", "code"]) };
    /// assert!(coded.is_success(201, br#"{"id": 7}"#));
    /// assert!(!coded.is_success(200, br#"{"error": {"code": "NOT_FOUND"}}"#));
    /// assert!(!coded.is_success(404, br#"{"id": 7}"#));
    /// ```
    pub fn is_success(&self, status: u16, body: &[u8]) -> bool {
        if status >= 400 {
            return false;
        }
        if self.marks.is_empty() {
            if !(200..300).contains(&status) {
                return false;
            }
            let Some(marker) = self.marker else {
                return true;
            };
            // a 2xx body is read only to look for the marker
            return match serde_json::from_slice::<Value>(body) {
                Ok(v) => at(&v, marker).is_none_or(Value::is_null),
                Err(_) => true,
            };
        }
        let Ok(v) = serde_json::from_slice::<Value>(body) else {
            return false;
        };
        self.marks.iter().all(|(segments, expected)| {
            let expected = serde_json::from_str::<Value>(expected).ok();
            at(&v, segments).is_some_and(|got| Some(got) == expected.as_ref())
        })
    }
}
