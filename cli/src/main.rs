//! `error-catalog`: check, explain, classify and document API error catalogs.
//!
//! Exit codes: 0 success; 1 problems found (`check`), code not found (`explain`),
//! or a response not recognised (`classify`); 2 usage or I/O errors.

mod bundled;
mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
