//! Round trips, and that the strategies cover every code.

use proptest::prelude::*;
use proptest::strategy::Union;

use crate::bundled_enums::{
    aironclaw_captured, aironclaw_variants, cv_variants, kya_variants, moca, moca_variants,
    rakomi_variants,
};
use crate::harness::{check_roundtrip, config, covers_every_code};
use crate::inline_enums::{CodedAll, FlatAll, MessageAll, NestedAll, ProblemAll, StatusAll};
use crate::strategies::{finite_f64, json, opt, opt_json, text, with_messages, x};

#[test]
fn strategies_cover_every_code() {
    covers_every_code("moca_air", moca_variants());
    covers_every_code("kya", kya_variants());
    covers_every_code("rakomi", rakomi_variants());
    covers_every_code("aironclaw", aironclaw_variants());
    covers_every_code("customer_verification", cv_variants());
    covers_every_code("status-only", all_types_variants!(StatusAll));
    covers_every_code("flat", all_types_variants!(FlatAll));
    covers_every_code("coded", all_types_variants!(CodedAll));
    covers_every_code("message-only", all_types_variants!(MessageAll));
    covers_every_code("nested", all_types_variants!(NestedAll));
    covers_every_code("problem-json", all_types_variants!(ProblemAll));
}

// ---------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn moca_air_roundtrips(e in moca()) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn kya_roundtrips(e in with_messages(kya_variants())) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn rakomi_roundtrips(e in with_messages(rakomi_variants())) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn aironclaw_roundtrips(e in Union::new(aironclaw_variants())) {
        check_roundtrip(&e)?;
    }

    /// The variants whose fields are read back from the message, more often.
    #[test]
    fn aironclaw_captured_fields_roundtrip(e in aironclaw_captured()) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn customer_verification_roundtrips(e in with_messages(cv_variants())) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn status_only_every_type_roundtrips(e in with_messages(all_types_variants!(StatusAll))) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn flat_every_type_roundtrips(e in with_messages(all_types_variants!(FlatAll))) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn coded_every_type_roundtrips(e in with_messages(all_types_variants!(CodedAll))) {
        check_roundtrip(&e)?;
    }

    // Identified by message: a received message would have to be a pattern.
    #[test]
    fn message_only_every_type_roundtrips(e in Union::new(all_types_variants!(MessageAll))) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn nested_every_type_roundtrips(e in with_messages(all_types_variants!(NestedAll))) {
        check_roundtrip(&e)?;
    }

    #[test]
    fn problem_json_every_type_roundtrips(e in with_messages(all_types_variants!(ProblemAll))) {
        check_roundtrip(&e)?;
    }
}
