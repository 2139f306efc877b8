//! `harvest`: reads recorded responses (JSON Lines or HAR 1.2), counts the
//! ones the catalog knows per entry, groups the others and proposes the
//! entries they show are missing.
//!
//! Records are read one at a time and classified by the decoder `classify`
//! uses ([`error_catalog_model::response::with_decoder`], tables built
//! once); only per-group state is kept, so memory grows with the number of
//! groups, not of records.

mod group;
mod infer;
mod names;
mod propose;
mod records;
mod tokens;
mod verify;
mod write;

use std::cell::Cell;
use std::io::{BufRead, BufReader, IsTerminal as _, Read, Write as _};
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

use serde_json::{json, Value};

use super::error::CliError;
use crate::bundled;
use error_catalog_core::engine::Identity;
use error_catalog_model::model::Catalog;
use error_catalog_model::response::{is_success, with_decoder, Response};
use group::{Groups, Key};
use records::{Format, Origin, Record, Skipped};

/// What was read, as counted.
#[derive(Default)]
struct Tally {
    records: u64,
    successes: u64,
    unknown: u64,
    known: Vec<u64>,
    skipped: u64,
    /// The first skipped records, with why.
    skipped_first: Vec<Skipped>,
    groups: Groups,
}

/// How many skipped records are named one by one.
const SKIPPED_SHOWN: usize = 10;

impl Tally {
    fn skip(&mut self, s: Skipped) {
        self.skipped += 1;
        if self.skipped_first.len() < SKIPPED_SHOWN {
            self.skipped_first.push(s);
        }
    }
}

/// The group a response the decoder did not know belongs to.
fn key_of(c: &Catalog, status: u16, r: &Response) -> Key {
    let by_message = |m: &str| Key::Message {
        status,
        shape: tokens::shape_key(&tokens::tokenize(m)),
    };
    match (c.wire.identity, &r.code, &r.message) {
        (Identity::Code, Some(code), _) => Key::Code(code.clone()),
        (_, _, Some(m)) => by_message(m),
        (Identity::Status, _, None) => Key::Status(status),
        _ => Key::Unidentified(status),
    }
}

/// A reader that counts the bytes read through it (for the progress line).
struct Counting<R> {
    inner: R,
    read: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// The progress line on standard error, when it is a terminal.
struct Progress {
    on: bool,
    total: u64,
    done_before: Cell<u64>,
    read: Rc<Cell<u64>>,
}

impl Progress {
    fn show(&self, records: u64) {
        if !self.on || records % 4096 != 0 {
            return;
        }
        let done = self.done_before.get() + self.read.get();
        let pct = done
            .saturating_mul(100)
            .checked_div(self.total)
            .unwrap_or(0)
            .min(100);
        let width = 30;
        let filled = (pct as usize * width) / 100;
        let _ = write!(
            std::io::stderr(),
            "\r[{}{}] {pct:>3}%  {records} records",
            "#".repeat(filled),
            " ".repeat(width - filled)
        );
    }

    fn clear(&self) {
        if self.on {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}

/// Runs `harvest`.
pub fn run(
    catalog: &str,
    files: &[String],
    append: bool,
    json_out: bool,
) -> Result<ExitCode, CliError> {
    let (c, text, path) = load(catalog)?;
    if append && path.is_none() {
        return Err(CliError::Usage(
            "--append writes into a catalog file: give its path, not a bundled catalog's name",
        ));
    }
    let tally = read_all(&c, files)?;
    for s in &tally.skipped_first {
        eprintln!("warning: {}: skipped: {}", s.origin, s.why);
    }
    if tally.skipped > tally.skipped_first.len() as u64 {
        eprintln!(
            "warning: {} more skipped",
            tally.skipped - tally.skipped_first.len() as u64
        );
    }
    let (proposals, mut unproposed) = propose::propose(&c, tally.groups.list());
    let name = path
        .as_ref()
        .map_or_else(|| format!("{catalog}.toml"), |p| p.display().to_string());
    let proposals = verify::verify(&c, &name, &text, proposals, &mut unproposed);
    let entries: String = proposals
        .iter()
        .map(|p| p.toml.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let appended = match &path {
        Some(path) if append && !proposals.is_empty() => {
            write::append(path, &text, &entries)?;
            Some(path.as_path())
        }
        _ => None,
    };
    let report = Report {
        c: &c,
        tally: &tally,
        proposals: &proposals,
        unproposed: &unproposed,
    };
    if json_out {
        report.print_json(appended.is_some())?;
    } else {
        report.print_text(&entries, path.as_deref().filter(|_| append));
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads every file of records, classifying each record as it is read.
fn read_all(c: &Catalog, files: &[String]) -> Result<Tally, CliError> {
    let mut tally = Tally {
        known: vec![0; c.errors.len()],
        ..Tally::default()
    };
    let total: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    let read = Rc::new(Cell::new(0));
    let progress = Progress {
        on: std::io::stderr().is_terminal(),
        total,
        done_before: Cell::new(0),
        read: read.clone(),
    };
    with_decoder(c, |decode| -> Result<(), CliError> {
        let each = |r: Result<Record, Skipped>, origin: &Origin, tally: &mut Tally| {
            let r = match r {
                Ok(r) => r,
                Err(s) => return tally.skip(s),
            };
            tally.records += 1;
            progress.show(tally.records);
            // a success by the catalog's rule, as `classify` decides it
            if is_success(c, r.status, &r.body) {
                tally.successes += 1;
                return;
            }
            let pairs: Vec<(&str, &str)> = r
                .headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_str()))
                .collect();
            let resp = decode(r.status, &pairs, &r.body);
            match resp.entry {
                Some(i) => tally.known[i] += 1,
                None => {
                    tally.unknown += 1;
                    let key = key_of(c, r.status, &resp);
                    tally.groups.add(
                        key,
                        &r,
                        origin,
                        resp.message.as_deref(),
                        (resp.reason.as_deref(), resp.envelope),
                    );
                }
            }
        };
        for file in files {
            read.set(0);
            let input: Box<dyn Read> = if file == "-" {
                Box::new(std::io::stdin())
            } else {
                Box::new(std::fs::File::open(file).map_err(|source| CliError::Read {
                    path: file.clone(),
                    source,
                })?)
            };
            let mut input = BufReader::with_capacity(
                1 << 16,
                Counting {
                    inner: input,
                    read: read.clone(),
                },
            );
            let first_line = peek_line(&mut input).map_err(|source| CliError::Read {
                path: file.clone(),
                source,
            })?;
            match records::sniff(file, &first_line) {
                Format::JsonLines => {
                    records::read_json_lines(file, input, |r, o| each(r, o, &mut tally)).map_err(
                        |source| CliError::Read {
                            path: file.clone(),
                            source,
                        },
                    )?
                }
                Format::Har => records::read_har(file, input, |r, o| each(r, o, &mut tally))
                    .map_err(|why| CliError::Records {
                        path: file.clone(),
                        why,
                    })?,
            }
            progress
                .done_before
                .set(progress.done_before.get() + read.get());
        }
        Ok(())
    })?;
    progress.clear();
    Ok(tally)
}

/// What a run found, to print.
struct Report<'r> {
    c: &'r Catalog,
    tally: &'r Tally,
    proposals: &'r [propose::Proposal],
    unproposed: &'r [propose::Unproposed],
}

impl Report<'_> {
    /// One JSON object: the counts, the known entries, the proposals and the
    /// groups not proposed.
    fn print_json(&self, appended: bool) -> Result<(), CliError> {
        let t = self.tally;
        let known: Vec<Value> = self
            .c
            .errors
            .iter()
            .zip(&t.known)
            .filter(|(_, n)| **n > 0)
            .map(|(e, n)| json!({"code": e.code.value, "variant": e.variant.value, "count": n}))
            .collect();
        let unproposed: Vec<Value> = self
            .unproposed
            .iter()
            .map(|u| json!({"group": u.what, "count": u.count, "first_seen": u.first_seen, "why": u.why}))
            .collect();
        let out = json!({
            "records": t.records,
            "successes": t.successes,
            "known": known,
            "unknown": t.unknown,
            "skipped": t.skipped,
            "proposals": self.proposals.iter().map(propose::proposal_json).collect::<Vec<_>>(),
            "unproposed": unproposed,
            "appended": appended,
        });
        outln!("{}", serde_json::to_string_pretty(&out)?);
        Ok(())
    }

    /// TOML to append: a summary comment, the known entries' counts and the
    /// proposals (or, with `--append`, the file they went to), then the
    /// groups not proposed, as comments.
    fn print_text(&self, entries: &str, appended: Option<&Path>) {
        let t = self.tally;
        let known_entries = t.known.iter().filter(|n| **n > 0).count() as u64;
        let mut summary = format!(
            "# error-catalog harvest: {}: {} known ({}), {}, {} unknown in {}; {} proposed",
            count(t.records, "record", "records"),
            t.known.iter().sum::<u64>(),
            count(known_entries, "entry", "entries"),
            count(t.successes, "success", "successes"),
            t.unknown,
            count(t.groups.list().len() as u64, "group", "groups"),
            count(self.proposals.len() as u64, "entry", "entries"),
        );
        if t.skipped > 0 {
            summary.push_str(&format!("; {} skipped", t.skipped));
        }
        outln!("{summary}");
        match appended {
            Some(p) if self.proposals.is_empty() => {
                outln!("nothing to append to {}", p.display())
            }
            Some(p) => outln!(
                "appended {} to {}; it passes check",
                count(self.proposals.len() as u64, "entry", "entries"),
                p.display()
            ),
            None => {
                for (e, n) in self.c.errors.iter().zip(&t.known).filter(|(_, n)| **n > 0) {
                    outln!("#   known {} ×{n}", e.code.value);
                }
                if !entries.is_empty() {
                    outln!();
                    out!("{entries}");
                }
            }
        }
        if !self.unproposed.is_empty() {
            outln!();
        }
        for u in self.unproposed {
            outln!(
                "# not proposed: {} ×{} (first at {}): {}",
                u.what,
                u.count,
                u.first_seen,
                u.why.replace('\n', " ")
            );
        }
    }
}

/// `1 entry`, `2 entries`.
pub fn count(n: u64, one: &str, more: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { more })
}

/// The first line of `input`, left unread.
fn peek_line(input: &mut impl BufRead) -> std::io::Result<String> {
    let buf = input.fill_buf()?;
    let end = buf.iter().position(|b| *b == b'\n').unwrap_or(buf.len());
    Ok(String::from_utf8_lossy(&buf[..end]).into_owned())
}

/// The catalog, its text, and its path when it is a file.
fn load(catalog: &str) -> Result<(Catalog, String, Option<std::path::PathBuf>), CliError> {
    if let Some((_, _, text)) = bundled::BUNDLED.iter().find(|(id, _, _)| *id == catalog) {
        let c = super::resolve(catalog)?;
        return Ok((c, text.to_string(), None));
    }
    let c = super::resolve(catalog)?;
    let text = std::fs::read_to_string(catalog).map_err(|source| CliError::Read {
        path: catalog.to_string(),
        source,
    })?;
    Ok((c, text, Some(Path::new(catalog).to_path_buf())))
}
