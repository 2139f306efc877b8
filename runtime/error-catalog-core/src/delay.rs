//! Retry delays as services write them, read into whole seconds: a number of
//! seconds, whole or decimal (`45`, `64.57`), and protobuf `Duration` text
//! (`"30s"`, `"1.5s"`: Google AIP-193's `RetryInfo.retryDelay`).
//!
//! Every form rounds **up** to whole seconds (`64.57` → 65, `"0.2s"` → 1): a
//! client that waits the advice never retries early. A negative delay, an
//! exponent, text that is no number, and a delay past `u64::MAX` seconds are
//! refused (`None`), never a panic.

/// Seconds written as decimal text (`45`, `64.57`, `0.250`), rounded up.
///
/// Digits, optionally a dot and more digits; no sign, no exponent, no
/// spaces (trim first). `None` for anything else, or when the seconds do not
/// fit in a `u64`.
///
/// ```
/// use error_catalog_core::retry::decimal_seconds;
///
/// assert_eq!(decimal_seconds("45"), Some(45));
/// assert_eq!(decimal_seconds("64.57"), Some(65));
/// assert_eq!(decimal_seconds("3.000"), Some(3));
/// assert_eq!(decimal_seconds("-1"), None);
/// assert_eq!(decimal_seconds("1e3"), None);
/// assert_eq!(decimal_seconds("99999999999999999999"), None);
/// ```
pub fn decimal_seconds(text: &str) -> Option<u64> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let secs: u64 = whole.parse().ok()?;
    match fraction {
        None => Some(secs),
        Some(f) if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) => None,
        Some(f) if f.bytes().all(|b| b == b'0') => Some(secs),
        Some(_) => secs.checked_add(1),
    }
}

/// A delay as a body writes it in a string: protobuf `Duration` JSON, decimal
/// seconds followed by `s` (`"30s"`, `"1.5s"`, Google AIP-193's
/// `RetryInfo.retryDelay`), or the decimal seconds alone (`"30"`), rounded up.
/// Surrounding whitespace is ignored; `None` for anything else (`"-1s"`,
/// `"abc"`, `"1m"`).
///
/// ```
/// use error_catalog_core::retry::duration_seconds;
///
/// assert_eq!(duration_seconds("30s"), Some(30));
/// assert_eq!(duration_seconds("1.5s"), Some(2));
/// assert_eq!(duration_seconds(" 0.000000001s "), Some(1));
/// assert_eq!(duration_seconds("30"), Some(30));
/// assert_eq!(duration_seconds("-1s"), None);
/// assert_eq!(duration_seconds("s"), None);
/// ```
pub fn duration_seconds(text: &str) -> Option<u64> {
    let text = text.trim();
    decimal_seconds(text.strip_suffix('s').unwrap_or(text))
}

/// Seconds as a JSON number (`64.57`), rounded up; `None` when negative, not
/// finite, or past `u64::MAX`.
///
/// ```
/// use error_catalog_core::retry::float_seconds;
///
/// assert_eq!(float_seconds(64.57), Some(65));
/// assert_eq!(float_seconds(2.0), Some(2));
/// assert_eq!(float_seconds(-0.5), None);
/// assert_eq!(float_seconds(f64::INFINITY), None);
/// assert_eq!(float_seconds(1e300), None);
/// ```
pub fn float_seconds(secs: f64) -> Option<u64> {
    // 2^64: the first f64 past u64::MAX
    const LIMIT: f64 = 18_446_744_073_709_551_616.0;
    // (NaN is in no range)
    if !(0.0..LIMIT).contains(&secs) {
        return None;
    }
    // (in range: the cast is exact for the ceiling)
    Some(secs.ceil() as u64)
}

/// A value a body's delay field (`retry_after_field`) can hold, read into
/// whole seconds to wait, rounded up: integers (negative ones are no delay),
/// `f64` seconds ([`float_seconds`]), text in protobuf `Duration` form
/// ([`duration_seconds`]), a JSON value of any of those, and an absent
/// optional field (`None`). Generated code and the CLI read the field through
/// it alike.
///
/// ```
/// use error_catalog_core::retry::DelaySeconds;
///
/// assert_eq!(45u64.delay_seconds(), Some(45));
/// assert_eq!((-3i64).delay_seconds(), None);
/// assert_eq!(64.57f64.delay_seconds(), Some(65));
/// assert_eq!("1.5s".delay_seconds(), Some(2));
/// assert_eq!(Some(String::from("30s")).delay_seconds(), Some(30));
/// assert_eq!(None::<u32>.delay_seconds(), None);
/// assert_eq!(serde_json::json!("30s").delay_seconds(), Some(30));
/// assert_eq!(serde_json::json!(1.25).delay_seconds(), Some(2));
/// ```
pub trait DelaySeconds {
    /// The whole seconds this value asks to wait, rounded up; `None` when it
    /// is no delay.
    fn delay_seconds(&self) -> Option<u64>;
}

macro_rules! integer_delay {
    ($($t:ty),*) => {$(
        impl DelaySeconds for $t {
            fn delay_seconds(&self) -> Option<u64> {
                u64::try_from(*self).ok()
            }
        }
    )*};
}

integer_delay!(u8, u16, u32, u64, i32, i64);

impl DelaySeconds for f64 {
    fn delay_seconds(&self) -> Option<u64> {
        float_seconds(*self)
    }
}

impl DelaySeconds for str {
    fn delay_seconds(&self) -> Option<u64> {
        duration_seconds(self)
    }
}

impl DelaySeconds for String {
    fn delay_seconds(&self) -> Option<u64> {
        duration_seconds(self)
    }
}

impl DelaySeconds for std::borrow::Cow<'_, str> {
    fn delay_seconds(&self) -> Option<u64> {
        duration_seconds(self)
    }
}

impl DelaySeconds for serde_json::Value {
    fn delay_seconds(&self) -> Option<u64> {
        match self {
            serde_json::Value::Number(n) => match n.as_u64() {
                Some(secs) => Some(secs),
                None => n.as_f64().and_then(float_seconds),
            },
            serde_json::Value::String(s) => duration_seconds(s),
            _ => None,
        }
    }
}

impl<T: DelaySeconds> DelaySeconds for Option<T> {
    fn delay_seconds(&self) -> Option<u64> {
        self.as_ref()?.delay_seconds()
    }
}

impl<T: DelaySeconds + ?Sized> DelaySeconds for &T {
    fn delay_seconds(&self) -> Option<u64> {
        (**self).delay_seconds()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn decimal_text_rounds_up() {
        assert_eq!(decimal_seconds("0"), Some(0));
        assert_eq!(decimal_seconds("0.0"), Some(0));
        assert_eq!(decimal_seconds("0.001"), Some(1));
        assert_eq!(decimal_seconds("64.57"), Some(65));
        assert_eq!(decimal_seconds("64.00"), Some(64));
        assert_eq!(decimal_seconds("007"), Some(7));
    }

    #[test]
    fn decimal_text_refuses_what_is_no_plain_number() {
        for bad in [
            "", ".", "1.", ".5", "-1", "+1", "1e3", "1e400", "abc", "1.2.3", " 1", "1 ", "1,5",
            "NaN", "inf", "٣",
        ] {
            assert_eq!(decimal_seconds(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn decimal_text_at_the_edge_of_u64() {
        assert_eq!(decimal_seconds("18446744073709551615"), Some(u64::MAX));
        // rounding up would pass the edge: refused, not wrapped
        assert_eq!(decimal_seconds("18446744073709551615.5"), None);
        assert_eq!(decimal_seconds("18446744073709551616"), None);
        let long = "9".repeat(400);
        assert_eq!(decimal_seconds(&long), None);
        assert_eq!(decimal_seconds(&format!("1.{long}")), Some(2));
    }

    #[test]
    fn protobuf_duration_text() {
        assert_eq!(duration_seconds("30s"), Some(30));
        assert_eq!(duration_seconds("1.5s"), Some(2));
        assert_eq!(duration_seconds("0s"), Some(0));
        assert_eq!(duration_seconds("3.000000001s"), Some(4));
        assert_eq!(duration_seconds("\t30s\n"), Some(30));
        for bad in [
            "-1s", "abc", "s", "1ss", "1 s", "1.s", "1e400s", "1e400", "1m", "1h", "30S", "",
        ] {
            assert_eq!(duration_seconds(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn float_seconds_rounds_up_and_refuses_the_impossible() {
        assert_eq!(float_seconds(0.0), Some(0));
        assert_eq!(float_seconds(-0.0), Some(0));
        assert_eq!(float_seconds(0.01), Some(1));
        assert_eq!(float_seconds(64.57), Some(65));
        assert_eq!(float_seconds(-1.0), None);
        assert_eq!(float_seconds(f64::NAN), None);
        assert_eq!(float_seconds(f64::NEG_INFINITY), None);
        assert_eq!(float_seconds(1.8e19), Some(18_000_000_000_000_000_000));
        assert_eq!(float_seconds(1.9e19), None);
    }

    #[test]
    fn json_values() {
        assert_eq!(json!(30).delay_seconds(), Some(30));
        assert_eq!(json!(64.57).delay_seconds(), Some(65));
        assert_eq!(json!("1.5s").delay_seconds(), Some(2));
        assert_eq!(json!(-1).delay_seconds(), None);
        assert_eq!(json!("-1s").delay_seconds(), None);
        assert_eq!(json!(true).delay_seconds(), None);
        assert_eq!(json!(null).delay_seconds(), None);
        assert_eq!(json!(u64::MAX).delay_seconds(), Some(u64::MAX));
    }

    #[test]
    fn integer_fields() {
        assert_eq!(7u8.delay_seconds(), Some(7));
        assert_eq!(i32::MIN.delay_seconds(), None);
        assert_eq!(i64::MAX.delay_seconds(), Some(i64::MAX as u64));
        assert_eq!(Some(&9u16).delay_seconds(), Some(9));
    }
}
