//! Catalog names that are neither bundled nor files.

use super::*;

#[test]
fn unknown_catalog_name_is_usage_error_with_did_you_mean() {
    let want = "error: no catalog `kyaa`: not a bundled name nor a file (did you mean `kya`?)\n";
    for args in [
        &["explain", "RATE_LIMITED", "--catalog", "kyaa"][..],
        &["docs", "kyaa"][..],
        &["classify", "--catalog", "kyaa", "--status", "429", "-"][..],
    ] {
        let r = run_with_stdin(args, KYA_RATE_LIMITED);
        r.expect_code(2);
        assert_eq!(r.stdout, "", "{args:?}");
        assert_eq!(r.stderr, want, "{args:?}");
    }

    let r = run(&["docs", "rakom"]);
    r.expect_code(2);
    assert!(r.stderr.contains("did you mean `rakomi`?"), "{}", r.stderr);
}

#[test]
fn unknown_catalog_name_far_from_any_lists_bundled() {
    let r = run(&["docs", "zzz"]);
    r.expect_code(2);
    assert_eq!(
        r.stderr,
        "error: no catalog `zzz`: not a bundled name nor a file \
         (bundled catalogs: moca_air, kya, rakomi, aironclaw, customer_verification)\n"
    );
}
