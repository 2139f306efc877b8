//! Parsing `[service]`, `[[rate_limits]]` and `reserved`: who the service is and
//! what it publishes.

use super::*;

impl Parser {
    pub(super) fn service(&mut self, t: &DeTable<'_>, at: &At) -> Service {
        let ctx = "`[service]`";
        self.check_keys(t, ctx, keys::SERVICE);
        let id = self.req_string(t, "id", ctx, at);
        let name = self.req_string(t, "name", ctx, at);
        let enum_name = self.string(t, "enum_name", ctx).unwrap_or_else(|| {
            Located::new(format!("{}Error", upper_camel(&id.value)), id.at.clone())
        });
        let docs_url = self.string(t, "docs_url", ctx);
        let description = self.plain(t, "description", ctx);
        let non_exhaustive = match t.get("non_exhaustive") {
            Some(v) => Located::new(
                self.bool(t, "non_exhaustive", ctx).unwrap_or(true),
                At::Toml(v.span()),
            ),
            None => Located::new(true, at.clone()),
        };
        Service {
            id,
            name,
            enum_name,
            docs_url,
            description,
            non_exhaustive,
        }
    }

    pub(super) fn rate_limit(&mut self, t: &DeTable<'_>, at: &At) -> RateLimitPolicy {
        let ctx = "`[[rate_limits]]`";
        self.check_keys(t, ctx, keys::RATE_LIMIT);
        let scope = self.req_string(t, "scope", ctx, at).value;
        if t.get("limit").is_none() {
            self.missing(at, "limit", ctx);
        }
        let limit = self
            .int(t, "limit", ctx)
            .map_or(0, |l| u64::try_from(l.value).unwrap_or(0));
        let window = self.req_string(t, "window", ctx, at).value;
        let notes = self.plain(t, "notes", ctx);
        RateLimitPolicy {
            scope,
            limit,
            window,
            notes,
        }
    }

    /// `reserved = ["OLD_CODE", 20001, { code = "GONE", reason = "…" }]`: each
    /// item a code (a string, or an integer kept as its decimal text), alone
    /// or in a table with its reason.
    pub(super) fn reserved(&mut self, root: &DeTable<'_>) -> Vec<Reserved> {
        let ctx = "the catalog's top level";
        let expected = "an array of codes (strings, integers or `{ code = …, reason = \"…\" }`)";
        let Some(v) = root.get("reserved") else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.wrong_type(v, "reserved", ctx, expected);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            let code_of = |p: &mut Parser, v: &Val<'_>| match v.get_ref() {
                DeValue::String(s) => Some(Located::new(s.to_string(), At::Toml(v.span()))),
                DeValue::Integer(_) => p
                    .int_value(v, "reserved", ctx)
                    .map(|n| Located::new(n.value.to_string(), n.at)),
                _ => {
                    p.wrong_type(v, "reserved", ctx, expected);
                    None
                }
            };
            match item.get_ref() {
                DeValue::Table(t) => {
                    let tctx = "a `reserved` item";
                    self.check_keys(t, tctx, keys::RESERVED);
                    let reason = self.plain(t, "reason", tctx);
                    match t.get("code") {
                        Some(c) => {
                            if let Some(code) = code_of(self, c) {
                                out.push(Reserved { code, reason });
                            }
                        }
                        None => self.missing(&At::Toml(item.span()), "code", tctx),
                    }
                }
                _ => {
                    if let Some(code) = code_of(self, item) {
                        out.push(Reserved { code, reason: None });
                    }
                }
            }
        }
        out
    }
}
