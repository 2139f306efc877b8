//! Parsing `[[errors]]`: one entry per error, its code or code range, and its
//! examples.

use super::*;

impl Parser {
    pub(super) fn error(&mut self, t: &DeTable<'_>, at: At, main: &Wire) -> ErrorEntry {
        let envelope = self.envelope_of(t, main);
        let wire = match &envelope {
            Some(i) => &main.envelopes[i.value].wire,
            None => main,
        };
        let code_range = self.code_range(t);
        let code = match &code_range {
            // (a range's text stands for its code: `-32099..=-32000`)
            Some(r) if t.get("code").is_none() => {
                Located::new(format!("{}..={}", r.value.0, r.value.1), r.at.clone())
            }
            Some(r) => {
                self.err(
                    Rule::CodeAndCodeRange,
                    &r.at,
                    "give `code` or `code_range`, not both",
                );
                self.code(t, &at, wire)
            }
            // (a `code_range` that did not parse was reported: no `code` is missing)
            None if t.get("code_range").is_some() && t.get("code").is_none() => {
                Located::new(String::new(), at.clone())
            }
            None => self.code(t, &at, wire),
        };
        let ctx = if code.value.is_empty() {
            "`[[errors]]`".to_string()
        } else {
            format!("error `{}`", code.value)
        };
        self.check_keys(t, &ctx, keys::ERROR);
        let variant = self.string(t, "variant", &ctx).unwrap_or_else(|| {
            let name = match &code_range {
                Some(r) => format!(
                    "{}To{}",
                    variant_of(&r.value.0.to_string()),
                    variant_of(&r.value.1.to_string()).trim_start_matches("Code")
                ),
                None => variant_of(&code.value),
            };
            Located::new(name, code.at.clone())
        });
        let status = self.int(t, "status", &ctx);
        let message = self.req_string(t, "message", &ctx, &at);
        let matches = if t.get("matches").is_some() {
            self.string_list(t, "matches", &ctx)
        } else if wire.identity == Identity::Message {
            vec![message.clone()]
        } else {
            Vec::new()
        };
        let priority = self.int(t, "priority", &ctx).map_or(0, |p| p.value);
        let retry = match self.string(t, "retry", &ctx) {
            None => RetryRule::Never,
            Some(s) => match RetryRule::ALL.iter().find(|(n, _)| *n == s.value) {
                Some((_, r)) => *r,
                None => {
                    let names = RetryRule::ALL.iter().map(|(n, _)| *n);
                    let mut d = Diagnostic::new(
                        Rule::RetryUnknown,
                        &s.at,
                        format!("unknown `retry` rule `{}` in {ctx}", s.value),
                    );
                    d = match did_you_mean(&s.value, names) {
                        Some(m) => d.help(format!("did you mean `{m}`?")),
                        None => d.help("expected one of: never, backoff, once, after"),
                    };
                    self.diags.push(d);
                    RetryRule::Never
                }
            },
        };
        let mut fields = match self.table(t, "fields", &ctx, &at, false) {
            Some((ft, _)) => {
                self.fields(ft, &format!("the fields of {ctx}"), wire.fields_at.as_ref())
            }
            None => Vec::new(),
        };
        // an entry covering a range keeps the code it received, in field `code`
        if let (Some(r), Some(p)) = (&code_range, &wire.code) {
            let wire_name = p.value.segments.last().cloned().unwrap_or_default();
            fields.push(Field {
                wire: Located::new(wire_name, r.at.clone()),
                rust: Located::new("code".to_string(), r.at.clone()),
                ty: Located::new(
                    FieldType {
                        base: BaseType::I64,
                        ..FieldType::default()
                    },
                    r.at.clone(),
                ),
                at_ptr: Some(Located::new(p.value.clone(), r.at.clone())),
                doc: Some("The code received, within the range.".to_string()),
                internal: false,
            });
        }
        let when = match self.table(t, "when", &ctx, &at, false) {
            Some((wt, _)) => self.pointer_values(wt, &format!("the `when` of {ctx}")),
            None => Vec::new(),
        };
        let when_headers = match self.table(t, "when_header", &ctx, &at, false) {
            Some((ht, _)) => self.header_values(ht, &format!("the `when_header` of {ctx}")),
            None => Vec::new(),
        };
        let code_in_body = self.bool(t, "code_in_body", &ctx).map(|b| {
            let at = t
                .get("code_in_body")
                .map_or(At::Nowhere, |v| At::Toml(v.span()));
            Located::new(b, at)
        });
        let examples = self
            .array_of_tables(t, "examples", &ctx)
            .into_iter()
            .map(|(et, eat)| self.example(et, &eat, &ctx))
            .collect();
        ErrorEntry {
            code,
            variant,
            status,
            message,
            matches,
            priority,
            title: self.plain(t, "title", &ctx),
            cause: self.plain(t, "cause", &ctx),
            causes: self
                .string_list(t, "causes", &ctx)
                .into_iter()
                .map(|s| s.value)
                .collect(),
            suggestion: self.plain(t, "suggestion", &ctx),
            solutions: self
                .string_list(t, "solutions", &ctx)
                .into_iter()
                .map(|s| s.value)
                .collect(),
            docs_url: self.plain(t, "docs_url", &ctx),
            fix_command: self.string(t, "fix_command", &ctx),
            retry,
            retry_after_field: self.string(t, "retry_after_field", &ctx),
            fields,
            when,
            when_headers,
            code_in_body,
            code_range,
            examples,
            envelope,
            at,
            damaged: false,
        }
    }

    /// `code_range = [-32099, -32000]`: the first and last code (inclusive)
    /// of a range one entry covers.
    pub(super) fn code_range(&mut self, t: &DeTable<'_>) -> Option<Located<(i64, i64)>> {
        let v = t.get("code_range")?;
        let at = At::Toml(v.span());
        let ctx = "`[[errors]]`";
        let bounds = match v.get_ref() {
            DeValue::Array(items) if items.len() == 2 => {
                let first = self.int_value(&items[0], "code_range", ctx)?;
                let last = self.int_value(&items[1], "code_range", ctx)?;
                (first.value, last.value)
            }
            _ => {
                self.wrong_type(v, "code_range", ctx, "two integers, `[first, last]`");
                return None;
            }
        };
        Some(Located::new(bounds, at))
    }

    /// An error's code: a string, or under `code_type = "integer"` a TOML
    /// integer, kept as its decimal text (`-32601`).
    pub(super) fn code(&mut self, t: &DeTable<'_>, at: &At, wire: &Wire) -> Located<String> {
        let ctx = "`[[errors]]`";
        let Some(v) = t.get("code") else {
            self.missing(at, "code", ctx);
            return Located::new(String::new(), at.clone());
        };
        let v_at = At::Toml(v.span());
        // (a `code_type` that did not parse leaves the kind unknown: then
        // either kind is taken, rather than reported against a guess)
        let lost = self.code_type_lost;
        // (an error sent without a code has a name, not a code: any string)
        let named = matches!(
            t.get("code_in_body").map(|v| v.get_ref()),
            Some(DeValue::Boolean(false))
        );
        match (v.get_ref(), wire.integer_codes) {
            (DeValue::String(s), false) => Located::new(s.to_string(), v_at),
            (DeValue::String(s), true) if lost || named => Located::new(s.to_string(), v_at),
            (DeValue::Integer(_), _) if wire.integer_codes || lost => {
                match self.int(t, "code", ctx) {
                    Some(n) => Located::new(n.value.to_string(), v_at),
                    None => Located::new(String::new(), at.clone()),
                }
            }
            (DeValue::Integer(_), false) => {
                self.diags.push(
                    Diagnostic::new(Rule::CodeTypeMismatch, &v_at, "`code` is an integer, but the catalog's codes are strings")
                        .help("write it as a string, or set `code_type = \"integer\"` in `[wire]` when the service sends codes as JSON numbers"),
                );
                Located::new(String::new(), at.clone())
            }
            (DeValue::String(s), true) => {
                self.diags.push(
                    Diagnostic::new(Rule::CodeTypeMismatch, &v_at, format!("`code` \"{s}\" is a string, but the catalog's codes are integers (`code_type = \"integer\"`)"))
                        .help("write it as a TOML integer, e.g. `code = -32601`"),
                );
                Located::new(String::new(), at.clone())
            }
            _ => {
                self.wrong_type(
                    v,
                    "code",
                    ctx,
                    "a string (or an integer, with `code_type = \"integer\"`)",
                );
                Located::new(String::new(), at.clone())
            }
        }
    }

    pub(super) fn example(&mut self, t: &DeTable<'_>, at: &At, ctx: &str) -> Example {
        let ectx = format!("an example of {ctx}");
        self.check_keys(t, &ectx, keys::EXAMPLE);
        let body = self.req_string(t, "body", &ectx, at);
        let status = self
            .int(t, "status", &ectx)
            .and_then(|s| u16::try_from(s.value).ok());
        let mut headers = Vec::new();
        if let Some((ht, _)) = self.table(t, "headers", &ectx, at, false) {
            for (k, v) in ht.iter() {
                match v.get_ref() {
                    DeValue::String(s) => headers.push((k.get_ref().to_string(), s.to_string())),
                    _ => self.wrong_type(v, k.get_ref(), &ectx, "a string"),
                }
            }
        }
        Example {
            body,
            status,
            headers,
        }
    }

    /// `envelope = "NAME"`: one of `[wire.envelopes]`, by its index.
    fn envelope_of(&mut self, t: &DeTable<'_>, main: &Wire) -> Option<Located<usize>> {
        let name = self.string(t, "envelope", "`[[errors]]`")?;
        let names = main.envelopes.iter().map(|e| e.name.value.as_str());
        if let Some(i) = names.clone().position(|n| n == name.value) {
            return Some(Located::new(i, name.at));
        }
        let mut d = Diagnostic::new(
            Rule::EnvelopeUnknown,
            &name.at,
            format!(
                "unknown `envelope` `{}`: `[wire.envelopes]` declares no such envelope",
                name.value
            ),
        );
        d = match did_you_mean(&name.value, names.clone()) {
            Some(m) => d.help(format!("did you mean `{m}`?")),
            None if main.envelopes.is_empty() => d.help(format!(
                "declare it: `[wire.envelopes.{}]` with `preset = \"oauth2\"` or its own pointers",
                name.value
            )),
            None => d.help(format!(
                "expected one of: {}",
                names.collect::<Vec<_>>().join(", ")
            )),
        };
        self.diags.push(d);
        None
    }
}
