//! The bundled catalogs load, validate and say what the seed documents in
//! the seed documents say: codes, statuses, messages, suggestions, fix commands,
//! retry rules, detail fields and example bodies.

mod aironclaw;
mod customer_verification;
mod kya;
mod moca_air;
mod rakomi;
mod support;

#[test]
fn every_bundled_catalog_is_tested_here() {
    let ids: Vec<&str> = error_catalog_tests::BUNDLED.iter().map(|b| b.0).collect();
    assert_eq!(
        ids,
        [
            "moca_air",
            "kya",
            "rakomi",
            "aironclaw",
            "customer_verification"
        ]
    );
    for (id, file, _) in error_catalog_tests::BUNDLED {
        assert_eq!(*file, format!("{id}.toml"));
    }
}
