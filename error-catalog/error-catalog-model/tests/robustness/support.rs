//! What the parts share: loading a catalog, timing a case, running a case in a
//! child process, writing a temporary file.

use std::path::PathBuf;
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use error_catalog_model::diag::Problems;
use error_catalog_model::load_str;
use error_catalog_model::model::Catalog;

pub(crate) const FILE: &str = "hostile.toml";

pub(crate) fn loads(text: &str) -> Catalog {
    load_str(FILE, text).unwrap_or_else(|p| panic!("catalog did not load:\n{p}"))
}

/// True when a rendered problem starts with its rule and its place in the file
/// (`error[rule-id]: hostile.toml:…`).
pub(crate) fn placed(rendered: &str) -> bool {
    rendered.starts_with("error[")
        && rendered
            .split_once("]: ")
            .is_some_and(|(_, rest)| rest.starts_with(&format!("{FILE}:")))
}

/// The problems of a catalog that must not load, each rendered.
pub(crate) fn problems(text: &str) -> (Problems, Vec<String>) {
    match load_str(FILE, text) {
        Ok(c) => panic!(
            "catalog loaded with {} errors, problems expected",
            c.errors.len()
        ),
        Err(p) => {
            let rendered = p.list.iter().map(|d| d.render(p.file.as_ref())).collect();
            (p, rendered)
        }
    }
}

pub(crate) fn timed<R>(what: &str, f: impl FnOnce() -> R) -> R {
    let start = Instant::now();
    let r = f();
    println!(
        "time  {what:<60} {:>10.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    r
}

/// Runs `f` on another thread and fails if it has not finished within `limit`
/// (a hang, not a slow machine: the limits are minutes of work for milliseconds
/// of input).
pub(crate) fn finishes_within<R: Send + 'static>(
    what: &str,
    limit: Duration,
    f: impl FnOnce() -> R + Send + 'static,
) -> R {
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(r) => {
            println!(
                "time  {what:<60} {:>10.1} ms",
                start.elapsed().as_secs_f64() * 1000.0
            );
            r
        }
        Err(_) => panic!("{what}: not finished after {limit:?}"),
    }
}

/// Runs `case` in a child process (this binary, running only `test`, the test's
/// path in the binary such as `deep_and_huge::deeply_nested_arrays`), so that a
/// stack overflow or abort fails this test and nothing else. Returns true in the
/// child, where the caller then runs the case itself.
pub(crate) fn in_child(test: &str, case: &str) -> bool {
    if std::env::var("ROBUSTNESS_CASE").as_deref() == Ok(case) {
        return true;
    }
    let out = Command::new(std::env::current_exe().expect("test binary"))
        .args([
            test,
            "--exact",
            "--include-ignored",
            "--test-threads=1",
            "--nocapture",
        ])
        .env("ROBUSTNESS_CASE", case)
        .output()
        .expect("running the child");
    let stdout = String::from_utf8_lossy(&out.stdout);
    for line in stdout
        .lines()
        .filter_map(|l| l.find("time  ").map(|i| &l[i..]))
    {
        println!("{line}");
    }
    // A test path that names no test (say, after a move to another module) would
    // run nothing and pass: the child must have run exactly one test.
    assert!(
        stdout.contains(" 1 passed;") || !out.status.success(),
        "{case}: the child ran no test named `{test}`:\n{stdout}"
    );
    assert!(
        out.status.success(),
        "{case}: the child ended with {:?}\n{}{}",
        out.status,
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    false
}

pub(crate) fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!(
        "error-catalog-robustness-{}-{name}",
        std::process::id()
    ));
    std::fs::write(&path, bytes).expect("writing a temp file");
    path
}

pub(crate) const HEAD: &str = "[service]\nid = \"shop\"\nname = \"Shop\"\n";
