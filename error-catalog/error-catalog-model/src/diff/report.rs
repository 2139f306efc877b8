//! Rendering a diff: text for people, JSON for scripts, GitHub workflow
//! commands for annotations on a pull request; and the version bump it asks for.

use std::fmt::Write as _;

use super::{Category, Change, Side};
use crate::model::{At, Catalog};

/// The version bump a crate that publishes the generated enum needs, as
/// cargo-semver-checks would advise it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    /// Nothing changed.
    None,
    /// Nothing a user's code can see changed.
    Patch,
    /// Something was added.
    Minor,
    /// Code that uses the enum may no longer compile.
    Major,
}

impl Bump {
    /// `none`, `patch`, `minor` or `major`.
    pub fn name(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

/// The bump `changes` need: major for a source-breaking change, minor for an
/// addition, patch for anything else.
///
/// ```
/// use error_catalog_model::diff::{semver, Bump};
/// assert_eq!(semver(&[]), Bump::None);
/// ```
pub fn semver(changes: &[Change]) -> Bump {
    changes
        .iter()
        .map(|c| {
            if c.rule.breaks().contains(&Category::Source) {
                Bump::Major
            } else if c.rule.adds() {
                Bump::Minor
            } else {
                Bump::Patch
            }
        })
        .max()
        .unwrap_or(Bump::None)
}

/// Where a change is: the catalog's path as shown, and 1-based line and column
/// (none for a change with no place in a file).
struct Place {
    path: String,
    line_col: Option<(usize, usize)>,
}

/// Turns changes' byte offsets into places, each file's line starts
/// computed once.
struct Places<'c> {
    old: &'c Catalog,
    new: &'c Catalog,
    old_starts: Vec<usize>,
    new_starts: Vec<usize>,
}

impl<'c> Places<'c> {
    fn new(old: &'c Catalog, new: &'c Catalog) -> Self {
        let starts = |c: &Catalog| c.file.as_ref().map(|f| f.line_starts()).unwrap_or_default();
        Places {
            old,
            new,
            old_starts: starts(old),
            new_starts: starts(new),
        }
    }

    fn of(&self, change: &Change) -> Place {
        let (c, starts) = match change.side {
            Side::Old => (self.old, &self.old_starts),
            Side::New => (self.new, &self.new_starts),
        };
        let Some(file) = &c.file else {
            return Place {
                path: String::new(),
                line_col: None,
            };
        };
        let line_col = match &change.at {
            At::Toml(r) => Some(file.line_col_in(starts, r.start)),
            _ => None,
        };
        Place {
            path: file.path.display().to_string(),
            line_col,
        }
    }
}

/// `wire+source`, `wire`, `source` or `compatible`.
fn categories(change: &Change) -> String {
    let names: Vec<&str> = change.rule.breaks().iter().map(|c| c.name()).collect();
    if names.is_empty() {
        "compatible".to_string()
    } else {
        names.join("+")
    }
}

/// Counts of changes that break the wire, break source, and break nothing.
fn counts(changes: &[Change]) -> (usize, usize, usize) {
    let n = |cat| {
        changes
            .iter()
            .filter(|c| c.rule.breaks().contains(&cat))
            .count()
    };
    let compatible = changes
        .iter()
        .filter(|c| c.rule.breaks().is_empty())
        .count();
    (n(Category::Wire), n(Category::Source), compatible)
}

/// The closing lines: counts and the version bump.
fn summary(changes: &[Change]) -> String {
    let (wire, source, compatible) = counts(changes);
    let bump = semver(changes);
    let why = match bump {
        Bump::None => "no change",
        Bump::Patch if wire > 0 => "the enum's API is unchanged; the wire changes break clients of the service whatever the crate's version",
        Bump::Patch => "the enum's API is unchanged",
        Bump::Minor => "errors or types were added",
        Bump::Major => "code using the enum may no longer compile; for a 0.y version, bump y",
    };
    let plural = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    format!(
        "{} {}: {wire} {} the wire, {source} {} source, {compatible} compatible\nsemver: {} ({why})\n",
        changes.len(),
        plural(changes.len(), "change", "changes"),
        plural(wire, "breaks", "break"),
        plural(source, "breaks", "break"),
        bump.name(),
    )
}

/// The report for people: one line per change, `file:line:column:
/// categories rule: message` (with a help line where there is advice), then
/// the counts and the version bump.
pub fn render_text(changes: &[Change], old: &Catalog, new: &Catalog) -> String {
    let places = Places::new(old, new);
    let mut out = String::new();
    for c in changes {
        let p = places.of(c);
        let loc = match p.line_col {
            Some((l, col)) => format!("{}:{l}:{col}", p.path),
            None => p.path,
        };
        let _ = writeln!(
            out,
            "{loc}: {} {}: {}",
            categories(c),
            c.rule.name(),
            c.message
        );
        if let Some(h) = &c.help {
            let _ = writeln!(out, "  help: {h}");
        }
    }
    out.push_str(&summary(changes));
    out
}

/// The report for scripts: `{"changes": [...], "wire": n, "source": n,
/// "compatible": n, "semver": "major", "breaking": bool}`, where `breaking`
/// says whether a change breaks one of `selected`.
pub fn render_json(
    changes: &[Change],
    old: &Catalog,
    new: &Catalog,
    selected: &[Category],
) -> serde_json::Value {
    let places = Places::new(old, new);
    let list: Vec<serde_json::Value> = changes
        .iter()
        .map(|c| {
            let p = places.of(c);
            let breaks: Vec<&str> = c.rule.breaks().iter().map(|c| c.name()).collect();
            serde_json::json!({
                "rule": c.rule.name(),
                "breaks": breaks,
                "file": p.path,
                "line": p.line_col.map(|(l, _)| l),
                "column": p.line_col.map(|(_, c)| c),
                "message": c.message,
                "help": c.help,
            })
        })
        .collect();
    let (wire, source, compatible) = counts(changes);
    serde_json::json!({
        "changes": list,
        "wire": wire,
        "source": source,
        "compatible": compatible,
        "semver": semver(changes).name(),
        "breaking": changes.iter().any(|c| c.breaks_any(selected)),
    })
}

/// Escapes a workflow command's message (`%`, CR, LF).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands: `::error` for a change that breaks one
/// of `selected`, `::warning` for one that breaks another category,
/// `::notice` for a compatible one, each on the new file (a removal on the
/// new file as a whole, naming where it was), then the summary as plain text.
pub fn render_github(
    changes: &[Change],
    old: &Catalog,
    new: &Catalog,
    selected: &[Category],
) -> String {
    let new_path = new
        .file
        .as_ref()
        .map(|f| f.path.display().to_string())
        .unwrap_or_default();
    let places = Places::new(old, new);
    let mut out = String::new();
    for c in changes {
        let level = if c.breaks_any(selected) {
            "error"
        } else if c.rule.breaks().is_empty() {
            "notice"
        } else {
            "warning"
        };
        let p = places.of(c);
        let mut message = c.message.clone();
        let mut props = format!("file={}", escape_property(&new_path));
        match (c.side, p.line_col) {
            (Side::New, Some((line, col))) => {
                let _ = write!(props, ",line={line},col={col}");
            }
            (Side::Old, Some((line, col))) => {
                let _ = write!(message, " (it was at {}:{line}:{col})", p.path);
            }
            _ => {}
        }
        if let Some(h) = &c.help {
            let _ = write!(message, "\nhelp: {h}");
        }
        let title = format!("{} {}", categories(c), c.rule.name());
        let _ = writeln!(
            out,
            "::{level} {props},title={}::{}",
            escape_property(&title),
            escape_data(&message)
        );
    }
    out.push_str(&summary(changes));
    out
}
