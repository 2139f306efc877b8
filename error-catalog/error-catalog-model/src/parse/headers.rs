//! Parsing `[headers]`: the response headers the service uses, by role.

use super::*;

impl Parser {
    pub(super) fn headers(&mut self, t: &DeTable<'_>) -> Headers {
        let ctx = "`[headers]`";
        self.check_keys(t, ctx, keys::HEADERS);
        let mut written = Vec::new();
        let mut role = |this: &mut Self, key: &'static str| {
            let name = this.string(t, key, ctx)?;
            written.push((key, name.clone()));
            Some(name.value)
        };
        let retry_after = role(self, "retry_after");
        let rate_limit_limit = role(self, "rate_limit_limit");
        let rate_limit_remaining = role(self, "rate_limit_remaining");
        let rate_limit_reset = role(self, "rate_limit_reset");
        let request_id = role(self, "request_id");
        let should_retry = role(self, "should_retry");
        let keep = self.string_list(t, "keep", ctx);
        let rate_limit_reset_format =
            self.string(t, "rate_limit_reset_format", ctx)
                .and_then(|f| match ResetFormat::parse(&f.value) {
                    Some(format) => Some(Located::new(format, f.at)),
                    None => {
                        let names = ResetFormat::ALL.iter().map(|(n, _)| *n);
                        let mut d = Diagnostic::new(
                            Rule::ResetFormatUnknown,
                            &f.at,
                            format!("unknown `rate_limit_reset_format` `{}` in {ctx}", f.value),
                        );
                        d = match did_you_mean(&f.value, names) {
                            Some(m) => d.help(format!("did you mean `{m}`?")),
                            None => {
                                d.help("expected one of: epoch-seconds, delta-seconds, duration")
                            }
                        };
                        self.diags.push(d);
                        None
                    }
                });
        Headers {
            retry_after,
            rate_limit_limit,
            rate_limit_remaining,
            rate_limit_reset,
            request_id,
            should_retry,
            rate_limit_reset_format,
            keep,
            written,
            notes: self.plain(t, "notes", ctx),
        }
    }
}
