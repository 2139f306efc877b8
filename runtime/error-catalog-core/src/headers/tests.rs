use super::names::duration;
use super::*;
use std::time::UNIX_EPOCH;

#[test]
fn durations_go_style() {
    let secs = |t: &str| duration(t).map(|d| d.as_secs_f64());
    assert_eq!(secs("6m0s"), Some(360.0));
    assert_eq!(secs("1h2m3s"), Some(3723.0));
    assert_eq!(secs("1.5s"), Some(1.5));
    assert_eq!(secs("20ms"), Some(0.02));
    for bad in ["", "5", "s", "-1s", "1x", "1.2.3s", "1e9999h"] {
        assert_eq!(duration(bad), None, "{bad}");
    }
}

const NOV_1994: u64 = 784_111_777;

fn at(secs: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(secs)
}

fn rl(limit: Option<u64>, remaining: Option<u64>, reset: Option<u64>) -> RateLimit {
    let mut out = RateLimit::default();
    (out.limit, out.remaining, out.reset) = (limit, remaining, reset);
    out
}

#[test]
fn delta_seconds() {
    assert_eq!(RetryAfter::parse("0"), Some(RetryAfter::Seconds(0)));
    assert_eq!(RetryAfter::parse(" 120\t"), Some(RetryAfter::Seconds(120)));
    let five = RetryAfter::Seconds(5);
    assert_eq!(five.delay_from(at(9)), Duration::from_secs(5));
    let ra = RetryAfter::Date(at(10));
    assert_eq!(ra.delay_from(at(20)), Duration::ZERO);
    assert_eq!(ra.delay_from(at(4)), Duration::from_secs(6));
}

#[test]
fn every_date_form() {
    let cases = [
        ("Sun, 06 Nov 1994 08:49:37 GMT", NOV_1994),
        ("Sunday, 06-Nov-94 08:49:37 GMT", NOV_1994),
        ("Sun Nov  6 08:49:37 1994", NOV_1994),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
        ("Tue, 29 Feb 2000 23:59:60 GMT", 951_868_800),
        ("Thursday, 01-Jan-15 00:00:00 GMT", 1_420_070_400),
    ];
    for (text, secs) in cases {
        assert_eq!(parse_http_date(text), Some(at(secs)), "{text:?}");
        assert_eq!(RetryAfter::parse(text), Some(RetryAfter::Date(at(secs))));
    }
    let before = UNIX_EPOCH.checked_sub(Duration::from_secs(86_400));
    assert_eq!(parse_http_date("Wed, 31 Dec 1969 00:00:00 GMT"), before);
}

#[test]
fn invalid_values() {
    let bad = "Mon, 30 Feb 2015 00:00:00 GMT|Mon, 29 Feb 2100 00:00:00 GMT|\
               Sun, 06 Nov 1994 24:00:00 GMT|Sun, 06 Nov 1994 08:60:00 GMT|\
               Sun, 06 Nov 1994 08:49:61 GMT|Sun, 00 Nov 1994 08:49:37 GMT|\
               Sun, 31 Nov 1994 08:49:37 GMT|Sun, 06 Foo 1994 08:49:37 GMT|\
               Sun, 06 Nov 1994 08:49:37 UTC|Xyz, 06 Nov 1994 08:49:37 GMT|\
               Sun, 6 Nov 1994 08:49:37 GMT|Sunday, 06-Nov-1994 08:49:37 GMT|\
               Sun Nov 123 08:49:37 1994|Sun Nov  6 8:49:37 1994|garbage|\
               -5|+5|1.|.5|1.5.5|1e3|99999999999999999999999|";
    for text in bad.split('|') {
        assert_eq!(RetryAfter::parse(text), None, "{text:?}");
    }
}

#[test]
fn case_insensitive_names_and_trimming() {
    let h = ResponseHeaders::from_pairs([
        ("RETRY-AFTER", " 30 "),
        ("x-ratelimit-limit", "100"),
        ("X-RATELIMIT-REMAINING", "7"),
        ("x-RateLimit-reset", "1700000000"),
        ("x-request-id", " req-1 "),
    ]);
    assert_eq!(h.retry_after, Some(RetryAfter::Seconds(30)));
    assert_eq!(h.rate_limit, rl(Some(100), Some(7), Some(1_700_000_000)));
    assert_eq!(h.request_id.as_deref(), Some("req-1"));
}

#[test]
fn unparsable_values_ignored() {
    let h = ResponseHeaders::from_pairs([
        ("Retry-After", "soon"),
        ("X-RateLimit-Limit", "-1"),
        ("X-RateLimit-Remaining", "lots"),
        ("X-Request-Id", "  "),
        ("X-RateLimit-Remaining", "2"),
    ]);
    assert_eq!(h.retry_after, None);
    assert_eq!(h.rate_limit, rl(None, Some(2), None));
    assert_eq!(h.request_id, None);
}

#[test]
fn draft_names_fill_absent_fields() {
    let pairs = [
        ("RateLimit-Limit", "50"),
        ("ratelimit-remaining", "0"),
        ("RateLimit-Reset", "30"),
        ("X-RateLimit-Limit", "9"),
    ];
    let h = ResponseHeaders::collect(&HeaderNames::STANDARD, pairs, at(1_000));
    assert_eq!(h.rate_limit, rl(Some(9), Some(0), Some(1_030)));
    let custom = HeaderNames {
        request_id: "X-Trace",
        ..HeaderNames::STANDARD
    };
    let pairs = [("RateLimit-Limit", "50"), ("x-trace", "t")];
    let h = ResponseHeaders::from_pairs_with(&custom, pairs);
    assert_eq!(h.rate_limit.limit, None);
    assert_eq!(h.request_id.as_deref(), Some("t"));
}

#[test]
fn from_lines_seed_blocks() {
    let h = ResponseHeaders::from_lines(
        "X-RateLimit-Limit: 300\nX-RateLimit-Remaining: 0\nX-RateLimit-Reset: 1699900060\nRetry-After: 60",
    );
    assert_eq!(h.retry_after, Some(RetryAfter::Seconds(60)));
    assert_eq!(h.rate_limit, rl(Some(300), Some(0), Some(1_699_900_060)));
    let text = "X-RateLimit-Limit: 1\nX-RateLimit-Remaining: 0\nRetry-After: 45";
    let h = ResponseHeaders::from_lines(text);
    assert_eq!(h.retry_after, Some(RetryAfter::Seconds(45)));
    assert_eq!(h.rate_limit, rl(Some(1), Some(0), None));
}

#[test]
fn from_lines_skips_noise_and_keeps_date_colons() {
    let h = ResponseHeaders::from_lines(
        "HTTP/1.1 503 Nope\r\n\r\nRetry-After: Sun, 06 Nov 1994 08:49:37 GMT\r\nno colon",
    );
    assert_eq!(h.retry_after, Some(RetryAfter::Date(at(NOV_1994))));
    assert_eq!(ResponseHeaders::from_lines(""), ResponseHeaders::default());
}

/// Seconds with a fraction round up wherever a header carries seconds:
/// `Retry-After` (which some services send as `1.5`), a delta reset
/// (`X-RateLimit-Reset-After: 64.57`) and an epoch reset.
#[test]
fn fractional_seconds_round_up() {
    assert_eq!(RetryAfter::parse("1.5"), Some(RetryAfter::Seconds(2)));
    assert_eq!(RetryAfter::parse(" 0.001 "), Some(RetryAfter::Seconds(1)));
    assert_eq!(RetryAfter::parse("30.000"), Some(RetryAfter::Seconds(30)));
    assert_eq!(
        RetryAfter::parse("18446744073709551615.5"),
        None,
        "rounding up past u64 is refused"
    );
    let discord = HeaderNames {
        rate_limit_reset: "X-RateLimit-Reset-After",
        rate_limit_reset_format: ResetFormat::DeltaSeconds,
        ..HeaderNames::STANDARD
    };
    let h = ResponseHeaders::collect(
        &discord,
        "X-RateLimit-Remaining: 0\nX-RateLimit-Reset-After: 64.57",
        at(1_000),
    );
    assert_eq!(h.rate_limit, rl(None, Some(0), Some(1_065)));
    for bad in ["-64.57", "64,57", "1e2", "soon"] {
        let h = ResponseHeaders::collect(&discord, [("x-ratelimit-reset-after", bad)], at(1_000));
        assert_eq!(h.rate_limit.reset, None, "{bad:?}");
    }
    let h = ResponseHeaders::collect(
        &HeaderNames::STANDARD,
        [
            ("X-RateLimit-Reset", "1470173023.123"),
            ("RateLimit-Reset", "9"),
        ],
        at(1_000),
    );
    assert_eq!(h.rate_limit.reset, Some(1_470_173_024));
    let h = ResponseHeaders::collect(
        &HeaderNames::STANDARD,
        [("RateLimit-Reset", "2.5")],
        at(1_000),
    );
    assert_eq!(h.rate_limit.reset, Some(1_003));
}

/// One read serves both readers: the roles a service names for itself
/// (`Stripe-Should-Retry`), and the headers its conditions test, kept as
/// received for decoding; the standard names alone know neither.
#[test]
fn read_by_a_service_s_names_serves_roles_and_conditions() {
    let names = HeaderNames {
        should_retry: "Stripe-Should-Retry",
        conditions: &["x-ratelimit-remaining", "x-tier"],
        ..HeaderNames::STANDARD
    };
    let text =
        "Stripe-Should-Retry: false\nX-RateLimit-Remaining: 00\nX-Tier: gold\nX-Tier: silver";
    let h = ResponseHeaders::read(&names, text);
    assert_eq!(h.should_retry, Some(false));
    assert_eq!(h.rate_limit.remaining, Some(0));
    // conditions see the text as sent, the first of a name
    assert_eq!(h.header("x-ratelimit-remaining"), Some("00"));
    assert_eq!(h.header("X-TIER"), Some("gold"));
    assert_eq!(h.header("stripe-should-retry"), None);
    let pairs: Vec<(&str, &str)> = h.kept.tested().collect();
    assert_eq!(pairs, [("x-ratelimit-remaining", "00"), ("x-tier", "gold")]);
    let standard = ResponseHeaders::from_lines(text);
    assert_eq!(standard.should_retry, None);
    assert_eq!(standard.header("x-tier"), None);
    // conditions alone keep the draft RateLimit-* fallback
    let h = ResponseHeaders::collect(&names, [("RateLimit-Limit", "5")], at(0));
    assert_eq!(
        h.rate_limit.limit, None,
        "a service naming its own roles reads no drafts"
    );
    let only_conditions = HeaderNames {
        conditions: &["x-tier"],
        ..HeaderNames::STANDARD
    };
    let h = ResponseHeaders::collect(&only_conditions, [("RateLimit-Limit", "5")], at(0));
    assert_eq!(h.rate_limit.limit, Some(5));
}
