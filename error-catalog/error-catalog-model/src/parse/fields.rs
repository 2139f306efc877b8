//! Parsing fields of an error (`[errors.fields]`, `[wire] fields`) and `[types]`,
//! whose members are fields too.

use super::*;

impl Parser {
    /// `[types]`: each declared object type's name and its table of members.
    pub(super) fn type_tables<'t, 'i>(
        &mut self,
        t: &'t DeTable<'i>,
    ) -> Vec<(Located<String>, &'t DeTable<'i>)> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            match v.get_ref() {
                DeValue::Table(members) => out.push((
                    Located::new(k.get_ref().to_string(), At::Toml(k.span())),
                    members,
                )),
                _ => self.wrong_type(v, k.get_ref(), "`[types]`", "a table of members"),
            }
        }
        out
    }

    pub(super) fn fields(
        &mut self,
        t: &DeTable<'_>,
        ctx: &str,
        fields_at: Option<&Located<Pointer>>,
    ) -> Vec<Field> {
        let mut out = Vec::new();
        for (k, v) in t.iter() {
            let wire_name: &str = k.get_ref();
            let key_at = At::Toml(k.span());
            let (ty_val, table) = match v.get_ref() {
                DeValue::String(s) => (Some(Located::new(s.to_string(), At::Toml(v.span()))), None),
                DeValue::Table(ft) => {
                    let fctx = format!("field `{wire_name}` of {ctx}");
                    self.check_keys(ft, &fctx, keys::FIELD);
                    if ft.get("type").is_none() {
                        self.missing(&At::Toml(v.span()), "type", &fctx);
                    }
                    (self.string(ft, "type", &fctx), Some((ft, fctx)))
                }
                _ => {
                    self.err(
                        Rule::ValueType,
                        &At::Toml(v.span()),
                        format!(
                            "field `{wire_name}` of {ctx} must be a type name like \"u64?\" or a table with `type`, found {}",
                            type_name(v.get_ref())
                        ),
                    );
                    continue;
                }
            };
            let Some(ty_val) = ty_val else { continue };
            let declared: Vec<&str> = self.type_names.iter().map(String::as_str).collect();
            let ty = match FieldType::parse_in(&ty_val.value, &declared) {
                Some(ty) => ty,
                None => {
                    let names = BaseType::ALL.iter().map(|(n, _)| *n).chain(declared);
                    let base = ty_val.value.trim_end_matches('?');
                    let base = base
                        .strip_prefix('[')
                        .and_then(|b| b.strip_suffix(']'))
                        .unwrap_or(base);
                    let mut d = Diagnostic::new(
                        Rule::FieldTypeUnknown,
                        &ty_val.at,
                        format!("field `{wire_name}` has unknown type `{}`", ty_val.value),
                    );
                    d = match did_you_mean(base, names.clone()) {
                        Some(m) => d.help(format!(
                            "did you mean `{m}`? (add `?` for an optional field)"
                        )),
                        None => d.help(format!(
                            "expected one of: {} (add `?` for an optional field, write `[string]` for a list)",
                            names.collect::<Vec<_>>().join(", ")
                        )),
                    };
                    self.diags.push(d);
                    continue;
                }
            };
            let mut field = Field {
                wire: Located::new(wire_name.to_string(), key_at.clone()),
                rust: Located::new(snake_case(wire_name), key_at.clone()),
                ty: Located::new(ty, ty_val.at.clone()),
                at_ptr: fields_at.map(|p| Located::new(p.value.child(wire_name), key_at.clone())),
                doc: None,
                internal: false,
            };
            if let Some((ft, fctx)) = table {
                if let Some(p) = self.pointer(ft, "at", &fctx) {
                    field.at_ptr = Some(p);
                }
                if let Some(r) = self.string(ft, "rust", &fctx) {
                    field.rust = r;
                }
                field.doc = self.plain(ft, "doc", &fctx);
                field.internal = self.bool(ft, "internal", &fctx).unwrap_or(false);
            }
            out.push(field);
        }
        out
    }
}
