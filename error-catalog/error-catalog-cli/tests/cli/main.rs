//! Integration tests of the `error-catalog` binary: every subcommand run as a
//! real process, with its standard output, standard error and exit code checked.
//!
//! Exit codes: 0 success; 1 problems found (`check`, and in what `import`
//! wrote), code not found (`explain`),
//! response not recognised (`classify`) or a breaking change (`diff`); 2 usage or
//! I/O errors.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

// --- helpers -------------------------------------------------------------------

/// What one run of the binary produced.
#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Parses standard output as JSON, panicking with the whole run when it is not.
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{self:#?}"))
    }

    /// Asserts the exit code, showing the whole run when it differs.
    fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "unexpected exit code:\n{self:#?}");
        self
    }
}

fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_error-catalog"));
    cmd.args(args)
        .env_remove("NO_COLOR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn finish(cmd: &mut Command, input: Option<&[u8]>) -> Run {
    cmd.stdin(if input.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    let mut child = cmd.spawn().expect("spawn error-catalog");
    if let Some(bytes) = input {
        let mut stdin = child.stdin.take().expect("piped stdin");
        // The tool may exit before reading its input (e.g. on a usage error).
        if let Err(e) = stdin.write_all(bytes) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
        // Dropping `stdin` closes the pipe so the child sees end of input.
    }
    let out = child.wait_with_output().expect("wait for error-catalog");
    Run {
        code: out
            .status
            .code()
            .expect("exited normally (not by a signal)"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs the binary with `args` and an empty standard input.
fn run(args: &[&str]) -> Run {
    finish(&mut command(args), None)
}

/// Runs the binary with `args`, writing `input` to its standard input.
fn run_with_stdin(args: &[&str], input: &str) -> Run {
    finish(&mut command(args), Some(input.as_bytes()))
}

/// Runs the binary with `args` in the directory `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Run {
    finish(command(args).current_dir(dir), None)
}

/// A path under the system temp dir, unique to the test and this process,
/// removed (file or directory) when dropped.
struct Temp(PathBuf);

impl Temp {
    fn path(test: &str, name: &str) -> Temp {
        let p = std::env::temp_dir().join(format!(
            "error-catalog-cli-{test}-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_file(&p);
        let _ = std::fs::remove_dir_all(&p);
        Temp(p)
    }

    fn file(test: &str, name: &str, text: &str) -> Temp {
        let t = Temp::path(test, name);
        std::fs::write(&t.0, text).expect("write temp file");
        t
    }

    fn dir(test: &str) -> Temp {
        let t = Temp::path(test, "dir");
        std::fs::create_dir_all(&t.0).expect("create temp dir");
        t
    }

    fn s(&self) -> &str {
        self.0.to_str().expect("temp path is UTF-8")
    }

    fn read(&self) -> String {
        std::fs::read_to_string(&self.0).expect("read temp file")
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if self.0.is_dir() {
            let _ = std::fs::remove_dir_all(&self.0);
        } else {
            let _ = std::fs::remove_file(&self.0);
        }
    }
}

/// A bundled catalog's file on disk (in the checkout, beside this package).
fn catalog_file(id: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join("catalogs/error-catalog-services")
        .join(format!("{id}.toml"))
        .to_str()
        .expect("UTF-8 path")
        .to_string()
}

/// The value of a `  label       value` line of human output (the label padded to 11).
fn field<'a>(out: &'a str, label: &str) -> Option<&'a str> {
    let prefix = format!("  {label:<11} ");
    out.lines().find_map(|l| l.strip_prefix(prefix.as_str()))
}

/// Every value of a repeated `  label       value` line.
fn fields<'a>(out: &'a str, label: &str) -> Vec<&'a str> {
    let prefix = format!("  {label:<11} ");
    out.lines()
        .filter_map(|l| l.strip_prefix(prefix.as_str()))
        .collect()
}

/// The value of a `  label       value` line and of the unlabelled lines that
/// continue it (a list or a multi-line value).
fn block<'a>(out: &'a str, label: &str) -> Vec<&'a str> {
    let prefix = format!("  {label:<11} ");
    let more = format!("  {:<11} ", "");
    let mut lines = out.lines();
    let Some(first) = lines.find_map(|l| l.strip_prefix(prefix.as_str())) else {
        return Vec::new();
    };
    std::iter::once(first)
        .chain(lines.map_while(|l| l.strip_prefix(more.as_str())))
        .collect()
}

/// 1-based line number of the first line of `text` containing `needle`.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` not in text"))
        + 1
}

fn assert_no_ansi(s: &str) {
    assert!(
        !s.contains('\x1b'),
        "output has ANSI escapes though stdout is a pipe:\n{s:?}"
    );
}

/// The KYA `RATE_LIMITED` example body, as the seed documents it.
const KYA_RATE_LIMITED: &str = r#"{
  "error": "Rate limit exceeded for agent tier",
  "errorType": "RATE_LIMITED",
  "details": {
    "agentId": "42",
    "tier": 1,
    "limit": 1,
    "retryAfter": 45
  },
  "timestamp": 1707408000000
}"#;

/// The Customer Verification `RATE_LIMIT_EXCEEDED` example body, as the seed documents it.
const CV_RATE_LIMIT_EXCEEDED: &str = r#"{
  "error": {
    "code": "RATE_LIMIT_EXCEEDED",
    "message": "Too many requests",
    "details": "Rate limit exceeded. Retry after 60 seconds",
    "retryAfter": 60
  }
}"#;

const HTML_502: &str = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body><center><h1>502 Bad Gateway</h1></center></body>\n</html>\n";

/// A catalog with one misspelt key (`stauts`) and nothing else wrong.
const STAUTS: &str = r#"[service]
id = "shop"
name = "Shop API"

[wire]
preset = "nested"

[[errors]]
code = "NOT_FOUND"
stauts = 404
message = "Customer not found"
"#;

mod check;
mod classify;
mod diff;
mod docs;
mod explain;
mod harvest;
mod import;
mod new;
mod unknown_names;
mod usage;
