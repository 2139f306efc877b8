//! `diff`: what changed between two catalogs.

use super::*;

const DIFF_OLD: &str = r#"[service]
id = "shop"
name = "Shop"
[wire]
preset = "nested"
[[errors]]
code = "NOT_FOUND"
status = 404
message = "Not found"
[[errors]]
code = "GONE"
status = 410
message = "Gone"
"#;

#[test]
fn diff_of_two_files() {
    let old = Temp::file("diff_of_two_files", "old.toml", DIFF_OLD);
    let new_text = DIFF_OLD.replace("status = 404", "status = 400");
    let new = Temp::file("diff_of_two_files", "new.toml", &new_text);
    let r = run(&["diff", old.s(), new.s()]);
    r.expect_code(1);
    assert_eq!(
        r.stdout,
        format!(
            "{}:8:10: wire status-changed: error `NOT_FOUND`: status 404 is now 400\n\
             1 change: 1 breaks the wire, 0 break source, 0 compatible\n\
             semver: patch (the enum's API is unchanged; the wire changes break clients of the service whatever the crate's version)\n",
            new.s()
        )
    );
    // a wire break does not fail `--category source`
    run(&["diff", "--category", "source", old.s(), new.s()]).expect_code(0);
    run(&["diff", "--category", "wire", old.s(), new.s()]).expect_code(1);
    // the same catalog: nothing, status 0
    let same = run(&["diff", old.s(), old.s()]);
    same.expect_code(0);
    assert!(
        same.stdout
            .starts_with("0 changes: 0 break the wire, 0 break source, 0 compatible\nsemver: none"),
        "{same:#?}"
    );
}

#[test]
fn diff_json_and_github() {
    let old = Temp::file("diff_json_and_github", "old.toml", DIFF_OLD);
    let new_text = DIFF_OLD.replace(
        "[[errors]]\ncode = \"GONE\"\nstatus = 410\nmessage = \"Gone\"\n",
        "",
    );
    let new = Temp::file("diff_json_and_github", "new.toml", &new_text);
    let r = run(&["diff", "--json", old.s(), new.s()]);
    r.expect_code(1);
    let v = r.json();
    assert_eq!(v["changes"][0]["rule"], "code-removed");
    assert_eq!(
        v["changes"][0]["breaks"],
        serde_json::json!(["wire", "source"])
    );
    assert_eq!(v["changes"][0]["file"], old.s());
    assert_eq!(v["changes"][0]["line"], 11);
    assert_eq!(v["semver"], "major");
    assert_eq!(v["breaking"], true);

    let r = run(&["diff", "--format", "github", old.s(), new.s()]);
    r.expect_code(1);
    let first = r.stdout.lines().next().unwrap_or_default();
    let file = new.s().replace(':', "%3A").replace(',', "%2C");
    assert_eq!(
        first,
        format!(
            "::error file={file},title=wire+source code-removed::error `GONE` (variant `Gone`) was removed (it was at {}:11:8)%0Ahelp: reserve the code so that no error takes it again with another meaning: `reserved = [\"GONE\"]`",
            old.s()
        )
    );
    let r = run(&["diff", "--json", "--format", "github", old.s(), new.s()]);
    r.expect_code(2);
    assert!(r.stderr.contains("choose one"), "{r:#?}");
}

#[test]
fn diff_usage_errors() {
    let old = Temp::file("diff_usage_errors", "old.toml", DIFF_OLD);
    let r = run(&["diff", old.s()]);
    r.expect_code(2);
    assert!(r.stderr.contains("give two catalogs"), "{r:#?}");
    let r = run(&["diff", "--against", "HEAD", old.s(), old.s()]);
    r.expect_code(2);
    assert!(r.stderr.contains("give one catalog file"), "{r:#?}");
    let bad = Temp::file(
        "diff_usage_errors",
        "bad.toml",
        "[service]\nid = \"shop\"\n",
    );
    let r = run(&["diff", old.s(), bad.s()]);
    r.expect_code(2);
    assert!(r.stderr.contains("missing required key"), "{r:#?}");
}

/// Runs `git` in `dir` with a fixed identity, failing the test on an error.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn diff_against_a_git_revision() {
    let repo = Temp::dir("diff_against_a_git_revision");
    let errors = repo.0.join("errors");
    std::fs::create_dir_all(&errors).unwrap();
    let file = errors.join("shop.toml");
    std::fs::write(&file, DIFF_OLD).unwrap();
    git(&repo.0, &["init", "-q"]);
    git(&repo.0, &["add", "errors/shop.toml"]);
    git(&repo.0, &["commit", "-q", "-m", "v1"]);

    // unchanged: nothing to report
    let elsewhere = Temp::dir("diff_against_a_git_revision_cwd");
    let path = file.to_str().unwrap();
    let r = run_in(&elsewhere.0, &["diff", "--against", "HEAD", path]);
    r.expect_code(0);

    // a variant renamed in the working tree: a source break, exit 1
    std::fs::write(
        &file,
        DIFF_OLD.replace(
            "code = \"GONE\"",
            "code = \"GONE\"\nvariant = \"NoLongerHere\"",
        ),
    )
    .unwrap();
    let r = run_in(&elsewhere.0, &["diff", "--against", "HEAD", path]);
    r.expect_code(1);
    assert_eq!(
        r.stdout.lines().next().unwrap_or_default(),
        format!("{path}:12:11: source variant-renamed: error `GONE`: variant `Gone` is now `NoLongerHere`")
    );
    // relative to the working directory, from inside the repository
    let r = run_in(
        &repo.0,
        &[
            "diff",
            "--against",
            "HEAD",
            "errors/shop.toml",
            "--category",
            "wire",
        ],
    );
    r.expect_code(0);

    // after a commit, compare with the one before; a removed code is shown
    // where it was in that revision
    std::fs::write(
        &file,
        DIFF_OLD.replace(
            "[[errors]]\ncode = \"GONE\"\nstatus = 410\nmessage = \"Gone\"\n",
            "",
        ),
    )
    .unwrap();
    git(&repo.0, &["commit", "-q", "-am", "v2"]);
    let r = run_in(
        &repo.0,
        &["diff", "--against", "HEAD~1", "errors/shop.toml"],
    );
    r.expect_code(1);
    assert!(
        r.stdout.starts_with("HEAD~1:errors/shop.toml:11:8: wire+source code-removed: error `GONE` (variant `Gone`) was removed"),
        "{r:#?}"
    );

    // a catalog the revision does not have (the change that adds it): every
    // error is added, compatible, exit 0, said in one line
    let added = errors.join("billing.toml");
    std::fs::write(&added, DIFF_OLD).unwrap();
    let r = run_in(
        &repo.0,
        &["diff", "--against", "HEAD", "errors/billing.toml"],
    );
    r.expect_code(0);
    assert_eq!(
        r.stderr,
        "note: `errors/billing.toml` is not in HEAD: a new catalog, so every error is added (compatible)\n"
    );
    let added_lines: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.contains("code-added"))
        .collect();
    assert_eq!(added_lines.len(), 2, "{r:#?}");
    // ... but a file in a revision that does not exist is still an error
    let r = run_in(
        &repo.0,
        &["diff", "--against", "no-such-rev", "errors/billing.toml"],
    );
    r.expect_code(2);

    // a revision that does not exist: exit 2, git's reason shown
    let r = run_in(
        &repo.0,
        &["diff", "--against", "no-such-rev", "errors/shop.toml"],
    );
    r.expect_code(2);
    assert!(
        r.stderr
            .contains("cannot read `errors/shop.toml` at revision `no-such-rev`"),
        "{r:#?}"
    );
}
