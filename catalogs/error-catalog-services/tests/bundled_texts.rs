//! `error-catalog-bundled` holds copies of this crate's catalog files (the CLI
//! reads them there, without compiling the enums): they stay equal.

#[test]
fn the_bundled_texts_are_this_crates_catalogs() {
    assert_eq!(
        error_catalog_bundled::ALL.len(),
        error_catalog_services::ALL.len()
    );
    for ((id, file, text), (bid, bfile, btext)) in error_catalog_services::ALL
        .iter()
        .zip(error_catalog_bundled::ALL)
    {
        assert_eq!(
            (id, file),
            (bid, bfile),
            "the same catalogs in the same order"
        );
        assert!(
            text == btext,
            "catalogs/error-catalog-bundled/{file} differs from catalogs/error-catalog-services/{file}: copy the services' file over it"
        );
    }
}
