//! `new`: the starter catalog.

use super::*;

#[test]
fn new_then_check() {
    let out = Temp::path("new_then_check", "shop_api.toml");
    let r = run(&["new", "shop_api", "-o", out.s()]);
    r.expect_code(0);
    assert_eq!(
        r.stdout,
        format!(
            "wrote {0}; check it with: error-catalog check {0}\n",
            out.s()
        )
    );
    let text = out.read();
    assert!(text.starts_with("# Error catalog for the ShopApi service.\n"));
    assert!(text.contains(r#"id = "shop_api""#));

    let r = run(&["check", out.s()]);
    r.expect_code(0);
    assert_eq!(r.stdout, format!("{}: ok (2 errors)\n", out.s()));

    // The starter works with the other subcommands too.
    let r = run(&["explain", "NOT_FOUND", "--catalog", out.s()]);
    r.expect_code(0);
    assert_eq!(field(&r.stdout, "status"), Some("404"));
    let r = run_with_stdin(
        &[
            "classify",
            "--catalog",
            out.s(),
            "--status",
            "404",
            "--json",
        ],
        r#"{"error": {"code": "NOT_FOUND", "message": "Resource r_1 not found", "id": "r_1"}}"#,
    );
    r.expect_code(0);
    let v = r.json();
    assert_eq!(v["known"], true);
    assert_eq!(v["fields"]["id"], "r_1");
}

/// `-o` into folders that do not exist yet makes them, says so, and the
/// starter's comments name the file as written.
#[test]
fn new_makes_the_folders_of_its_output() {
    let root = Temp::dir("new_makes_the_folders_of_its_output");
    let r = run_in(&root.0, &["new", "shop", "-o", "errors/v1/shop.toml"]);
    r.expect_code(0);
    assert_eq!(
        r.stdout,
        "wrote errors/v1/shop.toml (made the folder errors/v1); check it with: error-catalog check errors/v1/shop.toml\n"
    );
    let text = std::fs::read_to_string(root.0.join("errors/v1/shop.toml")).unwrap();
    assert!(text.contains("# Check it with:   error-catalog check errors/v1/shop.toml\n"));
    assert!(text.contains("diff --against origin/main errors/v1/shop.toml\n"));
    run_in(&root.0, &["check", "errors/v1/shop.toml"]).expect_code(0);
    // a folder that exists is not mentioned
    let r = run_in(&root.0, &["new", "shop", "-o", "errors/v1/other.toml"]);
    r.expect_code(0);
    assert!(!r.stdout.contains("made the folder"), "{r:#?}");
}

#[test]
fn new_rejects_non_snake_case_id() {
    for id in ["ShopApi", "shop-api", "1shop", "shop api"] {
        let out = Temp::path("new_rejects_non_snake_case", "x.toml");
        let r = run(&["new", id, "-o", out.s()]);
        r.expect_code(2);
        assert_eq!(r.stdout, "");
        assert!(
            r.stderr
                .starts_with(&format!("error: service id `{id}` must be snake_case")),
            "{}",
            r.stderr
        );
        assert!(!out.0.exists(), "nothing written for `{id}`");
    }
}

#[test]
fn new_refuses_to_overwrite_without_force() {
    let out = Temp::file("new_refuses_overwrite", "existing.toml", "keep me\n");
    let r = run(&["new", "shop_api", "-o", out.s()]);
    r.expect_code(2);
    assert_eq!(r.stdout, "");
    assert_eq!(
        r.stderr,
        format!(
            "error: `{}` exists; pass --force to overwrite it\n",
            out.s()
        )
    );
    assert_eq!(out.read(), "keep me\n", "the file is untouched");

    let r = run(&["new", "shop_api", "-o", out.s(), "--force"]);
    r.expect_code(0);
    assert!(out
        .read()
        .starts_with("# Error catalog for the ShopApi service.\n"));
    run(&["check", out.s()]).expect_code(0);
}

#[test]
fn new_to_stdout() {
    let dir = Temp::dir("new_to_stdout");
    let r = run_in(&dir.0, &["new", "shop_api", "-o", "-"]);
    r.expect_code(0);
    assert_eq!(r.stderr, "");
    assert!(r
        .stdout
        .starts_with("# Error catalog for the ShopApi service.\n"));
    assert!(r.stdout.contains(r#"id = "shop_api""#));
    assert!(r.stdout.contains("[[errors]]"));
    assert!(!r.stdout.contains("wrote "));
    assert_eq!(
        std::fs::read_dir(&dir.0).unwrap().count(),
        0,
        "`-o -` writes no file"
    );

    // What it prints is the same catalog `new` writes to a file, and it checks.
    let f = Temp::file("new_to_stdout", "printed.toml", &r.stdout);
    run(&["check", f.s()]).expect_code(0);
}

#[test]
fn new_default_output_is_service_id_toml() {
    let dir = Temp::dir("new_default_output");
    let r = run_in(&dir.0, &["new", "shop_api"]);
    r.expect_code(0);
    assert_eq!(
        r.stdout,
        "wrote shop_api.toml; check it with: error-catalog check shop_api.toml\n"
    );
    let written = dir.0.join("shop_api.toml");
    assert!(written.is_file());
    run_in(&dir.0, &["check", "shop_api.toml"]).expect_code(0);
}

/// The README's walk-through ("Adding a sixth service") uses the starter `new
/// shop` writes, checked in as `tests/errors/shop.toml` (its examples compile
/// against it), and shows what `check` prints for two mistakes in it: both stay
/// true.
#[test]
fn readme_walk_through_starter_and_check_output() {
    // step 1 as written, in a folder without `errors/`
    let dir = Temp::dir("readme_walk_through");
    run_in(&dir.0, &["new", "shop", "-o", "errors/shop.toml"]).expect_code(0);
    let written = std::fs::read_to_string(dir.0.join("errors/shop.toml")).unwrap();
    // read at run time (not include_str!): the file is in the checkout, not in
    // this package
    let checked_in = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/errors/shop.toml"
    ))
    .unwrap();
    assert_eq!(
        written, checked_in,
        "tests/errors/shop.toml is what `new shop` writes"
    );

    // `status` misspelt, and a second NOT_FOUND at the end
    let broken = written.replacen("status = 404", "stauts = 404", 1)
        + "\n[[errors]]\ncode = \"NOT_FOUND\"\nstatus = 410\nmessage = \"Resource gone\"\n";
    std::fs::write(dir.0.join("errors/shop.toml"), broken).unwrap();
    let r = run_in(&dir.0, &["check", "errors/shop.toml"]);
    r.expect_code(1);
    assert_eq!(
        r.stdout + &r.stderr,
        "error[key-unknown]: errors/shop.toml:31:1: unknown key `stauts` in error `NOT_FOUND`
  help: did you mean `status`?
error[code-duplicate]: errors/shop.toml:52:8: duplicate error code `NOT_FOUND`
  note: errors/shop.toml:30:8: `NOT_FOUND` is first defined here
  help: each code may appear once; remove or rename one of them
errors/shop.toml: 2 problem(s)
"
    );
}
