//! `error-catalog`: check, explain, classify and document API error catalogs.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use error_catalog::{bundled, load_file};

/// Check, explain, classify and document API error catalogs.
#[derive(Parser)]
#[command(name = "error-catalog", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate catalogs (bundled names or file paths; all bundled ones by default).
    Check {
        /// Catalog files or bundled catalog names.
        paths: Vec<String>,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { paths } => check(paths),
    }
}

fn check(paths: Vec<String>) -> ExitCode {
    let paths = if paths.is_empty() {
        bundled::BUNDLED
            .iter()
            .map(|(id, _, _)| id.to_string())
            .collect()
    } else {
        paths
    };
    let mut failed = false;
    for p in paths {
        let result = match bundled::load(&p) {
            Some(r) => r,
            None => load_file(&p),
        };
        match result {
            Ok(c) => println!("{p}: ok ({} errors)", c.errors.len()),
            Err(problems) => {
                failed = true;
                eprintln!("{problems}");
                eprintln!("{p}: {} problem(s)", problems.list.len());
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
