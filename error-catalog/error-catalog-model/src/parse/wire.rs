//! Parsing `[wire]`: where the code, message and fields are, what a success is, and
//! the pointer tables (`success`, `when`, `when_header`) errors share.

use super::*;

impl Parser {
    pub(super) fn pointer(
        &mut self,
        t: &DeTable<'_>,
        key: &str,
        ctx: &str,
    ) -> Option<Located<Pointer>> {
        let s = self.string(t, key, ctx)?;
        match Pointer::parse(&s.value) {
            Ok(p) => Some(Located::new(p, s.at)),
            Err(e) => {
                self.err(
                    Rule::PointerInvalid,
                    &s.at,
                    format!("`{key}` in {ctx}: {e}"),
                );
                None
            }
        }
    }

    pub(super) fn wire(&mut self, t: &DeTable<'_>, at: At) -> Wire {
        let mut wire = self.wire_in(t, at.clone(), "`[wire]`", keys::WIRE);
        if let Some((et, _)) = self.table(t, "envelopes", "`[wire]`", &at, false) {
            wire.envelopes = self.envelopes(et);
        }
        wire
    }

    /// `[wire.envelopes.NAME]`: the other envelopes the service's errors come
    /// in, each a wire of its own (the same keys as `[wire]` but `success`,
    /// `code_header` and `envelopes`), in the order written.
    fn envelopes(&mut self, t: &DeTable<'_>) -> Vec<Envelope> {
        let envelope_keys: Vec<&str> = keys::WIRE
            .iter()
            .filter(|k| !keys::WIRE_MAIN_ONLY.contains(k))
            .copied()
            .collect();
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let name = k.get_ref();
            let ctx = format!("`[wire.envelopes.{name}]`");
            match v.get_ref() {
                DeValue::Table(et) => {
                    let wire = self.wire_in(et, At::Toml(v.span()), &ctx, &envelope_keys);
                    out.push(Envelope {
                        name: Located::new(name.to_string(), At::Toml(k.span())),
                        wire,
                    });
                }
                _ => self.wrong_type(
                    v,
                    name,
                    "`[wire.envelopes]`",
                    "a table (`[wire.envelopes.NAME]`)",
                ),
            }
        }
        out
    }

    /// The keys of a wire table (`[wire]` or an envelope's), those in `allowed`.
    fn wire_in(&mut self, t: &DeTable<'_>, at: At, ctx: &str, allowed: &[&str]) -> Wire {
        self.check_keys(t, ctx, allowed);
        let preset = self.string(t, "preset", ctx).and_then(|s| {
            match WirePreset::ALL.iter().find(|(n, _)| *n == s.value) {
                Some((_, p)) => Some(Located::new(*p, s.at)),
                None => {
                    let names = WirePreset::ALL.iter().map(|(n, _)| *n);
                    let mut d = Diagnostic::new(
                        Rule::PresetUnknown,
                        &s.at,
                        format!("unknown wire preset `{}`", s.value),
                    );
                    d = match did_you_mean(&s.value, names.clone()) {
                        Some(m) => d.help(format!("did you mean `{m}`?")),
                        None => d.help(format!(
                            "expected one of: {}",
                            names.collect::<Vec<_>>().join(", ")
                        )),
                    };
                    self.diags.push(d);
                    None
                }
            }
        });
        // what a preset places is declared where the preset is named
        let mut wire = match &preset {
            Some(p) => Wire {
                at: at.clone(),
                ..preset_wire(p.value, p.at.clone())
            },
            None => custom_wire(at.clone()),
        };
        wire.preset = preset;
        if let Some(p) = self.pointer(t, "code", ctx) {
            wire.code = Some(p);
        }
        if let Some(p) = self.pointer(t, "message", ctx) {
            wire.message = Some(p);
        }
        if let Some((ct, cut_at)) = self.table(t, "code_cut", ctx, &at, false) {
            wire.code_cut = self.code_cut(ct, cut_at);
        }
        if let Some(h) = self.string(t, "code_header", ctx) {
            if crate::model::is_header_name(&h.value) {
                wire.code_header = Some(Located::new(h.value.to_ascii_lowercase(), h.at));
            } else {
                self.diags.push(
                    Diagnostic::new(
                        Rule::HeaderNameInvalid,
                        &h.at,
                        format!("`code_header` in {ctx}: `{}` is not a header name", h.value),
                    )
                    .help("name the header as it is sent, such as `x-amzn-errortype` (letters, digits, `-`; no spaces)"),
                );
            }
        }
        if let Some(p) = self.pointer(t, "fields_at", ctx) {
            wire.fields_at = Some(p);
        }
        if let Some(p) = self.pointer(t, "suggestion", ctx) {
            wire.suggestion = Some(p);
        }
        if let Some(p) = self.pointer(t, "docs_url", ctx) {
            wire.docs_url = Some(p);
        }
        if let Some(p) = self.pointer(t, "fix_command", ctx) {
            wire.fix_command = Some(p);
        }
        let kind = self.string(t, "code_type", ctx);
        if t.get("code_type").is_some() && kind.is_none() {
            self.code_type_lost = true;
        }
        if let Some(kind) = kind {
            match kind.value.as_str() {
                "string" => {}
                "integer" => wire.integer_codes = true,
                other => {
                    self.code_type_lost = true;
                    let mut d = Diagnostic::new(
                        Rule::CodeTypeUnknown,
                        &kind.at,
                        format!("unknown `code_type` `{other}` in {ctx}"),
                    );
                    d = match did_you_mean(other, ["string", "integer"]) {
                        Some(m) => d.help(format!("did you mean `{m}`?")),
                        None => d.help("expected one of: string, integer"),
                    };
                    self.diags.push(d);
                }
            }
        }
        if let Some(c) = self.plain(t, "content_type", ctx) {
            wire.content_type = c;
        }
        wire.identity = if wire.code.is_some() || wire.code_header.is_some() {
            Identity::Code
        } else if wire
            .preset
            .as_ref()
            .is_some_and(|p| p.value == WirePreset::StatusOnly)
        {
            Identity::Status
        } else if wire.message.is_some() {
            Identity::Message
        } else {
            Identity::Status
        };
        if let Some(id) = self.string(t, "identity", ctx) {
            match id.value.as_str() {
                "code" => wire.identity = Identity::Code,
                "message" => wire.identity = Identity::Message,
                "status" => wire.identity = Identity::Status,
                other => {
                    let mut d = Diagnostic::new(
                        Rule::IdentityUnknown,
                        &id.at,
                        format!("unknown `identity` value `{other}` in {ctx}"),
                    );
                    if let Some(m) = did_you_mean(other, keys::IDENTITY.iter().copied()) {
                        d = d.help(format!("did you mean `{m}`?"));
                    } else {
                        d = d.help("expected one of: code, message, status");
                    }
                    self.diags.push(d);
                }
            }
        }
        if let Some((ft, _)) = self.table(t, "fields", ctx, &at, false) {
            let fctx = format!("{}.fields]`", ctx.trim_end_matches("]`"));
            let extra = self.fields(ft, &fctx, None);
            wire.fields.extend(extra);
        }
        if let Some((st, _)) = self.table(t, "success", ctx, &at, false) {
            wire.success = self.pointer_values(st, "`[wire] success`");
        }
        wire
    }

    /// `code_cut = { after = "#", before = ":" }`: each text given is a
    /// non-empty string.
    fn code_cut(&mut self, t: &DeTable<'_>, at: At) -> Option<Located<CodeCutText>> {
        let ctx = "`[wire] code_cut`";
        self.check_keys(t, ctx, keys::CODE_CUT);
        let mut cut = CodeCutText::default();
        let mut ok = true;
        for key in keys::CODE_CUT {
            let Some(s) = self.string(t, key, ctx) else {
                continue;
            };
            if s.value.is_empty() {
                ok = false;
                self.diags.push(
                    Diagnostic::new(
                        Rule::CodeCutEmpty,
                        &s.at,
                        format!("`{key}` in {ctx} is empty: it would cut the whole code away"),
                    )
                    .help(if *key == "after" {
                        "give the text the code follows (`\"#\"` after an AWS namespace), or leave `after` out"
                    } else {
                        "give the text the code ends before (`\":\"` before an AWS suffix), or leave `before` out"
                    }),
                );
                continue;
            }
            if *key == "after" {
                cut.after = Some(s.value);
            } else {
                cut.before = Some(s.value);
            }
        }
        (ok && (cut.after.is_some() || cut.before.is_some())).then(|| Located::new(cut, at))
    }

    /// A table of JSON pointer → scalar (`success = { "/ok" = true }`, `when = {
    /// "/error/error_subcode" = 463 }`), each value as JSON text.
    pub(super) fn pointer_values(
        &mut self,
        t: &DeTable<'_>,
        ctx: &str,
    ) -> Vec<(Located<Pointer>, Located<String>)> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let key_at = At::Toml(k.span());
            let pointer = match Pointer::parse(k.get_ref()) {
                Ok(p) => p,
                Err(e) => {
                    self.err(
                        Rule::PointerInvalid,
                        &key_at,
                        format!("{ctx} key `{}`: {e}", k.get_ref()),
                    );
                    continue;
                }
            };
            let json = match v.get_ref() {
                DeValue::Boolean(b) => b.to_string(),
                DeValue::Integer(_) => match self.int(t, k.get_ref(), ctx) {
                    Some(n) => n.value.to_string(),
                    None => continue,
                },
                DeValue::String(s) => serde_json::Value::String(s.to_string()).to_string(),
                _ => {
                    self.wrong_type(v, k.get_ref(), ctx, "a boolean, an integer or a string");
                    continue;
                }
            };
            out.push((
                Located::new(pointer, key_at),
                Located::new(json, At::Toml(v.span())),
            ));
        }
        out
    }

    /// `when_header = { "x-ratelimit-remaining" = "0" }`: header names (kept
    /// in lowercase) and the text each must have.
    pub(super) fn header_values(
        &mut self,
        t: &DeTable<'_>,
        ctx: &str,
    ) -> Vec<(Located<String>, Located<String>)> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let name = k.get_ref();
            if !crate::model::is_header_name(name) {
                self.diags.push(
                    Diagnostic::new(
                        Rule::HeaderNameInvalid,
                        &At::Toml(k.span()),
                        format!("{ctx} key `{name}` is not a header name"),
                    )
                    .help("name the header as it is sent, such as `x-ratelimit-remaining` (letters, digits, `-`; no spaces)"),
                );
                continue;
            }
            match v.get_ref() {
                DeValue::String(s) => out.push((
                    Located::new(name.to_ascii_lowercase(), At::Toml(k.span())),
                    Located::new(s.trim().to_string(), At::Toml(v.span())),
                )),
                _ => self.wrong_type(v, name, ctx, "a string (a header's value is text)"),
            }
        }
        out
    }
}
