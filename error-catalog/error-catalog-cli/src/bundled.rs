//! The five bundled catalogs, by name: their text comes from
//! `error-catalog-bundled` (texts only: the CLI compiles none of the enums
//! `error-catalog-services` generates from the same catalogs).

use error_catalog_model::diag::Problems;
use error_catalog_model::model::Catalog;

/// (service id, file name, text) of every bundled catalog.
pub const BUNDLED: &[(&str, &str, &str)] = error_catalog_bundled::ALL;

/// Loads a bundled catalog by its service id; `None` for an unknown id.
pub fn load(id: &str) -> Option<Result<Catalog, Problems>> {
    BUNDLED
        .iter()
        .find(|(name, _, _)| *name == id)
        .map(|(_, path, text)| error_catalog_model::load_str(path, text))
}

#[cfg(test)]
mod tests {
    #[test]
    fn loads_by_id() {
        let kya = super::load("kya")
            .and_then(Result::ok)
            .map(|c| c.service.name.value);
        assert_eq!(kya.as_deref(), Some("KYA Chain Verification API"));
        assert!(super::load("nope").is_none());
    }

    #[test]
    fn every_bundled_catalog_loads_under_its_own_id() {
        for (id, _, _) in super::BUNDLED {
            let c = super::load(id)
                .and_then(Result::ok)
                .map(|c| c.service.id.value);
            assert_eq!(c.as_deref(), Some(*id));
        }
    }
}
