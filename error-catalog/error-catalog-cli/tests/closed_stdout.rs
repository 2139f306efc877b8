//! Every subcommand writing into a pipe whose reader has gone (as in
//! `error-catalog docs kya | head -1`) ends quietly: no panic, nothing on
//! standard error, and the status its result gives (0, or 1 for problems
//! found, a breaking change or an unrecognised response, every time: under
//! `set -o pipefail` a failure stays a failure).
//!
//! The reader is closed before the binary writes anything: the subcommands
//! that read a catalog read it from a FIFO that is filled only after the
//! reader is gone, and `classify` reads its body from standard input, written
//! only then too. `new -o -` reads nothing first, so it is run several times
//! (each run passes whether or not it wrote before the reader went).

#![cfg(unix)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};

/// A FIFO in a folder of its own, removed on drop.
struct Fifo(PathBuf);

impl Fifo {
    fn new() -> Fifo {
        static N: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "error-catalog-closed-stdout-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("catalog.toml");
        let made = Command::new("mkfifo")
            .arg(&path)
            .status()
            .expect("run mkfifo");
        assert!(made.success(), "mkfifo failed");
        Fifo(path)
    }
}

impl Drop for Fifo {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Writes `text` into the FIFO from a thread (opening it blocks until the
/// binary opens it to read).
fn feed(fifo: &Path, text: &'static str) -> std::thread::JoinHandle<()> {
    let path = fifo.to_path_buf();
    std::thread::spawn(move || {
        if let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&path) {
            let _ = f.write_all(text.as_bytes());
        }
    })
}

/// Runs the binary with its standard output a pipe whose reader is dropped
/// at once; then hands it its catalog (through `fifo`) and its standard input.
fn run_closed(args: &[&str], fifo: Option<&Fifo>, stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_error-catalog"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn error-catalog");
    drop(child.stdout.take());
    let feeder = fifo.map(|f| feed(&f.0, error_catalog_bundled::text("kya").unwrap_or_default()));
    if let (Some(input), Some(mut pipe)) = (stdin, child.stdin.take()) {
        let _ = pipe.write_all(input.as_bytes());
    }
    let out = child.wait_with_output().expect("wait for error-catalog");
    if let (Some(feeder), Some(f)) = (feeder, fifo) {
        if !feeder.is_finished() {
            // the binary never opened the FIFO: open it to let the writer go
            let _ = std::fs::File::open(&f.0);
        }
        let _ = feeder.join();
    }
    out
}

fn assert_quiet(what: &str, out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "{what}: status {:?}, stderr:\n{stderr}",
        out.status
    );
}

fn fifo_arg(f: &Fifo) -> &str {
    f.0.to_str().expect("UTF-8 temp path")
}

#[test]
fn check_into_a_closed_pipe() {
    let f = Fifo::new();
    assert_quiet(
        "check",
        &run_closed(&["check", fifo_arg(&f)], Some(&f), None),
    );
}

#[test]
fn explain_into_a_closed_pipe() {
    let f = Fifo::new();
    let args = ["explain", "RATE_LIMITED", "--catalog", fifo_arg(&f)];
    assert_quiet("explain", &run_closed(&args, Some(&f), None));
    let f = Fifo::new();
    let args = [
        "explain",
        "RATE_LIMITED",
        "--json",
        "--catalog",
        fifo_arg(&f),
    ];
    assert_quiet("explain --json", &run_closed(&args, Some(&f), None));
}

#[test]
fn docs_into_a_closed_pipe() {
    let f = Fifo::new();
    assert_quiet("docs", &run_closed(&["docs", fifo_arg(&f)], Some(&f), None));
}

#[test]
fn classify_into_a_closed_pipe() {
    let body = r#"{"error": "Rate limit exceeded for agent tier", "errorType": "RATE_LIMITED", "details": {"agentId": "42", "tier": 1, "limit": 1, "retryAfter": 45}}"#;
    for extra in [&[][..], &["--json"][..]] {
        let mut args = vec!["classify", "--catalog", "kya", "--status", "429"];
        args.extend_from_slice(extra);
        assert_quiet("classify", &run_closed(&args, None, Some(body)));
    }
}

/// Runs `run` many times into a closed pipe: each run ends with `status`,
/// without a panic or a complaint about standard output (`check` reports
/// its problems on standard error, as always).
fn assert_status_every_time(what: &str, status: i32, run: impl Fn() -> Output) {
    for _ in 0..20 {
        let out = run();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(status), "{what}: stderr:\n{stderr}");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("standard output"),
            "{what}: stderr:\n{stderr}"
        );
    }
}

#[test]
fn failures_keep_their_status_into_a_closed_pipe() {
    // an unrecognised response
    let args = ["classify", "--catalog", "kya", "--status", "502"];
    assert_status_every_time("classify of an unknown body", 1, || {
        run_closed(&args, None, Some("<html>Bad Gateway</html>"))
    });
    // a catalog with problems
    let dir = std::env::temp_dir().join(format!(
        "error-catalog-closed-status-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.toml");
    let old = dir.join("old.toml");
    let new = dir.join("new.toml");
    let kya = error_catalog_bundled::text("kya").unwrap_or_default();
    std::fs::write(&bad, kya.replacen("status = ", "stauts = ", 1)).expect("write bad.toml");
    std::fs::write(&old, kya).expect("write old.toml");
    // a removed error: a breaking change
    let cut = kya.find("\n[[errors]]").expect("kya has errors");
    let next = kya[cut + 1..]
        .find("\n[[errors]]")
        .map_or(kya.len(), |n| cut + 1 + n);
    std::fs::write(&new, format!("{}{}", &kya[..cut], &kya[next..])).expect("write new.toml");
    let path = |p: &Path| p.to_str().expect("UTF-8 temp path").to_string();
    let (bad, old, new) = (path(&bad), path(&old), path(&new));
    assert_status_every_time("check of a bad catalog", 1, || {
        run_closed(&["check", &bad], None, None)
    });
    assert_status_every_time("diff --json of a breaking change", 1, || {
        run_closed(&["diff", "--json", &old, &new], None, None)
    });
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn new_to_standard_output_into_a_closed_pipe() {
    for _ in 0..5 {
        assert_quiet("new", &run_closed(&["new", "shop", "-o", "-"], None, None));
    }
}
