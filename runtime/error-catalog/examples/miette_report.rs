//! Every generated enum is a `miette::Diagnostic`: its code, its suggestion and
//! fix command as help, its docs URL as url. This prints a few received errors
//! as miette reports.
//!
//! ```text
//! cargo run -p error-catalog --features miette --example miette_report
//! ```

use error_catalog::FromResponse;
use error_catalog_services::customer_verification::CustomerVerificationError;
use error_catalog_services::rakomi::RakomiError;
use miette::{GraphicalReportHandler, GraphicalTheme};

/// Renders one diagnostic as text, without colour, `width` columns wide.
pub fn render(diagnostic: &dyn miette::Diagnostic, width: usize) -> String {
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(width)
        .with_links(false);
    let mut out = String::new();
    match handler.render_report(&mut out, diagnostic) {
        Ok(()) => out,
        Err(_) => format!("{diagnostic}"),
    }
}

fn main() -> miette::Result<()> {
    // A nested-envelope error with a suggestion and a docs link.
    let body = br#"{"error": {"code": "RATE_LIMIT_EXCEEDED", "message": "Rate limit exceeded", "retryAfter": 60}}"#;
    let err = CustomerVerificationError::from_response(429, body);
    println!("{}", render(&err, 80));

    // A coded error whose catalog also has a fix command.
    let body = br#"{"code": "config/missing_api_key", "message": "apiKey is required"}"#;
    let err = RakomiError::from_response(400, body);
    println!("{}", render(&err, 80));

    // Or let miette print it, as `main` returning `miette::Result` does.
    let body = br#"{"error": {"code": "TOKEN_EXPIRED", "message": "Access token has expired"}}"#;
    let err = CustomerVerificationError::from_response(401, body);
    let report = miette::Report::new(err);
    println!("{report:?}");
    Ok(())
}
