//! `error-catalog`: check, explain, classify and document API error catalogs.
//!
//! Exit codes: 0 success; 1 problems found (`check`, and in what `import`
//! wrote), code not found (`explain`),
//! a response not recognised (`classify`) or a breaking change (`diff`); 2 usage
//! or I/O errors.

/// `print!` to standard output, through [`write_stdout`]: a closed standard
/// output ends the program quietly instead of panicking.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::write_stdout(format_args!($($arg)*))
    };
}

/// `println!` through [`write_stdout`].
macro_rules! outln {
    () => {
        $crate::write_stdout(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::write_stdout(format_args!("{}\n", format_args!($($arg)*)))
    };
}

mod bundled;
mod cli;

use std::io::{ErrorKind, Write as _};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set once standard output turned out to be closed: later writes are skipped.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes to standard output. When it is closed (a pipe whose reader has
/// gone, as in `error-catalog check bad.toml | head -1`, or no descriptor at
/// all), nobody is left to read the rest: this and every later write is
/// skipped, quietly, and the command still ends with the status its result
/// gives (1 for problems found, a breaking change or an unrecognised
/// response), so `set -o pipefail` sees a failure whether or not the reader
/// went first. Any other write error ends it with the error and status 2.
fn write_stdout(args: std::fmt::Arguments<'_>) {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let Err(e) = std::io::stdout().lock().write_fmt(args) else {
        return;
    };
    let closed =
        e.kind() == ErrorKind::BrokenPipe || (cfg!(unix) && e.raw_os_error() == Some(EBADF));
    if closed {
        STDOUT_CLOSED.store(true, Ordering::Relaxed);
        return;
    }
    // (standard error may be closed too: nothing to do about that)
    let _ = writeln!(
        std::io::stderr(),
        "error: cannot write to standard output: {e}"
    );
    std::process::exit(2);
}

/// `EBADF` on Unix: the error a write to a closed descriptor gives.
const EBADF: i32 = 9;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        // a catalog's problems carry their own `error[rule-id]: `
        Err(cli::CliError::Catalog(problems)) => {
            eprintln!("{problems}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
