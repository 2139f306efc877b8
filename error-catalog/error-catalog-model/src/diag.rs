//! Diagnostics: every problem found, with where it is and what to do.

use std::fmt;

use crate::model::{At, SourceFile};
use crate::rules::Rule;

/// One problem in a catalog or a derive input.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// The rule broken, printed as `error[rule-id]`.
    pub rule: Rule,
    /// Where the problem is.
    pub at: At,
    /// What is wrong, lowercase, naming the key literally.
    pub message: String,
    /// What to do, e.g. a did-you-mean.
    pub help: Option<String>,
    /// A second place that explains the first, e.g. where a duplicate was
    /// first defined.
    pub note: Option<(At, String)>,
}

impl Diagnostic {
    /// A diagnostic of `rule` without help.
    pub fn new(rule: Rule, at: &At, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            at: at.clone(),
            message: message.into(),
            help: None,
            note: None,
        }
    }

    /// Adds a help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a note about a second place, rendered with its own
    /// `file:line:column`.
    ///
    /// ```
    /// use error_catalog_model::diag::Diagnostic;
    /// use error_catalog_model::model::{At, SourceFile};
    /// use error_catalog_model::rules::Rule;
    ///
    /// let file = SourceFile { path: "shop.toml".into(), text: "a\nb\n".into() };
    /// let d = Diagnostic::new(Rule::CodeDuplicate, &At::Toml(2..3), "duplicate error code `b`")
    ///     .note(&At::Toml(0..1), "`b` is first defined here");
    /// assert_eq!(
    ///     d.render(Some(&file)),
    ///     "error[code-duplicate]: shop.toml:2:1: duplicate error code `b`\n  note: shop.toml:1:1: `b` is first defined here"
    /// );
    /// ```
    pub fn note(mut self, at: &At, text: impl Into<String>) -> Self {
        self.note = Some((at.clone(), text.into()));
        self
    }

    /// `error[rule-id]: file:line:column: message` (+ note and help) when the
    /// place is in a file; without the place otherwise.
    pub fn render(&self, file: Option<&SourceFile>) -> String {
        let starts = file.map(SourceFile::line_starts).unwrap_or_default();
        self.render_in(file, &starts)
    }

    /// [`Diagnostic::render`] with the file's precomputed line starts.
    pub fn render_in(&self, file: Option<&SourceFile>, starts: &[usize]) -> String {
        format!(
            "error[{}]: {}",
            self.rule.id(),
            self.render_body(file, starts)
        )
    }

    /// [`Diagnostic::render_in`] without the leading `error[rule-id]: `, for
    /// printers that show the rule their own way (a compile error).
    pub fn render_body(&self, file: Option<&SourceFile>, starts: &[usize]) -> String {
        let mut s = match (&self.at, file) {
            (At::Toml(r), Some(f)) => {
                let (line, col) = f.line_col_in(starts, r.start);
                format!("{}:{line}:{col}: {}", f.path.display(), self.message)
            }
            (_, Some(f)) => format!("{}: {}", f.path.display(), self.message),
            _ => self.message.clone(),
        };
        if let Some((at, text)) = &self.note {
            s.push_str("\n  note: ");
            if let (At::Toml(r), Some(f)) = (at, file) {
                let (line, col) = f.line_col_in(starts, r.start);
                s.push_str(&format!("{}:{line}:{col}: ", f.path.display()));
            }
            s.push_str(text);
        }
        if let Some(h) = &self.help {
            s.push_str("\n  help: ");
            s.push_str(h);
        }
        s
    }
}

/// The problems found in one catalog, rendered with its file.
#[derive(Debug, Clone)]
pub struct Problems {
    /// The file they are in.
    pub file: Option<SourceFile>,
    /// Every problem, in source order.
    pub list: Vec<Diagnostic>,
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let starts = self
            .file
            .as_ref()
            .map(SourceFile::line_starts)
            .unwrap_or_default();
        for (i, d) in self.list.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            f.write_str(&d.render_in(self.file.as_ref(), &starts))?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// The closest of `known` to `word`, when it is close enough to be a likely typo.
///
/// ```
/// use error_catalog_model::diag::did_you_mean;
/// assert_eq!(did_you_mean("stauts", ["status", "code"]), Some("status"));
/// assert_eq!(did_you_mean("u46", ["u64", "u32", "string"]), Some("u64"));
/// assert_eq!(did_you_mean("zzz", ["status", "code"]), None);
/// ```
pub fn did_you_mean<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    known
        .into_iter()
        .filter(|k| *k != word)
        .map(|k| {
            // One edit is always close, and a swap of two neighbours (the commonest
            // typo) closest; otherwise ask for a similar shape.
            let osa = strsim::osa_distance(word, k);
            let swap = osa == 1 && strsim::levenshtein(word, k) > 1;
            let bonus = match (osa <= 1, swap) {
                (_, true) => 1.5,
                (true, false) => 1.0,
                _ => 0.0,
            };
            let score = strsim::jaro_winkler(word, k) + bonus;
            (score, k)
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}
