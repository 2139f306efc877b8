//! Terminal output: colour only when standard output is a terminal and `NO_COLOR` is unset.

use std::io::IsTerminal;

/// Whether to colour standard output.
pub fn colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// A label, bold when colouring.
pub fn label(text: &str) -> String {
    if colour() {
        format!("\x1b[1m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// A heading, bold cyan when colouring.
pub fn heading(text: &str) -> String {
    if colour() {
        format!("\x1b[1;36m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Prints `label: value` lines for the values that are present.
pub fn field(name: &str, value: Option<&str>) {
    if let Some(v) = value {
        outln!("  {} {v}", label(&format!("{name:<11}")));
    }
}
