//! Generated classification agrees with the CLI's over message patterns of every
//! shape (`tests/catalogs/patterns.toml`): placeholders matched in one pass
//! (integers and numbers ended by a literal, placeholders up to the final
//! literal or the end) and searched ones (text before a literal that may
//! repeat), entries of one status, of none, and two priorities. Messages are
//! built from the patterns' pieces with placeholders filled at random (a fixed
//! seed, so a failure reproduces), sometimes with a piece left out.

use error_catalog::{ApiError, FromResponse};
use error_catalog_core::template::{Segment, Template};

mod shapes {
    error_catalog::catalog!("catalogs/patterns.toml");
}
use shapes::PatternsError;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

const FILL: [&str; 22] = [
    "0", "7", "42", "-", "-3", "1.5", "e", "x", " ", "=", ";", "]", "[", "é", "300", "-0", "007",
    "/", "C", "!", "item ", " of ",
];

const PLAIN: [&str; 6] = ["7", "42", "-3", "0", "1.5", "x y"];

fn message(rng: &mut Rng, t: &Template) -> String {
    let mut m = String::new();
    for seg in &t.segments {
        match seg {
            Segment::Lit(l) if rng.below(10) != 0 => m.push_str(l),
            Segment::Lit(_) => {}
            // half the time one plausible value, else a mix of pieces
            Segment::Hole { .. } if rng.below(2) == 0 => m.push_str(PLAIN[rng.below(PLAIN.len())]),
            Segment::Hole { .. } => {
                for _ in 0..rng.below(4) {
                    m.push_str(FILL[rng.below(FILL.len())]);
                }
            }
        }
    }
    m
}

#[test]
fn generated_classification_agrees_with_the_cli_on_every_pattern_shape() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/catalogs/patterns.toml");
    let c = error_catalog_model::load_file(path).expect("the test catalog loads");
    let templates: Vec<Template> = c
        .errors
        .iter()
        .flat_map(|e| e.matches.iter().chain(std::iter::once(&e.message)))
        .filter_map(|m| Template::parse(&m.value).ok())
        .collect();
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut known = std::collections::BTreeMap::new();
    for _ in 0..20_000 {
        let t = &templates[rng.below(templates.len())];
        let m = message(&mut rng, t);
        let status = [400, 503, 418][rng.below(3)];
        let body = serde_json::to_vec(&serde_json::json!({ "error": m })).expect("a JSON body");
        let generated = PatternsError::from_response(status, &body);
        let runtime = error_catalog_model::response::decode(&c, status, &body);
        let runtime_code = runtime.entry.map(|i| c.errors[i].code.value.as_str());
        assert_eq!(
            generated.is_known().then(|| generated.code()),
            runtime_code,
            "{status} {m:?}: generated {generated:?}, CLI {:?}",
            runtime.reason
        );
        if generated.is_known() {
            *known.entry(generated.code().to_string()).or_insert(0) += 1;
            assert_eq!(
                generated.details(),
                runtime.fields,
                "{status} {m:?}: fields"
            );
            if runtime_code != Some("bad_request") {
                assert_eq!(generated.to_string(), m, "{status} {m:?}: Display");
            }
        }
    }
    // every error was recognised many times, so the comparison says something
    assert_eq!(known.len(), c.errors.len(), "recognised: {known:?}");
    assert!(known.values().all(|&n| n >= 50), "recognised: {known:?}");
}
