//! Changes to a list of fields: an error's own, the envelope's, or a declared
//! type's members.

use super::{Differ, Side};
use crate::diff::Rule;
use crate::model::{At, BaseType, Catalog, Field, FieldType};

/// True when every value a field of type `old` accepts, `new` accepts too
/// (lists and optionality aside).
fn base_widens(old: BaseType, new: BaseType, oc: &Catalog, nc: &Catalog) -> bool {
    use BaseType::*;
    let rank = |b: BaseType| match b {
        U8 => Some((0, 8)),
        U16 => Some((0, 16)),
        U32 => Some((0, 32)),
        U64 => Some((0, 64)),
        I32 => Some((1, 32)),
        I64 => Some((1, 64)),
        _ => None,
    };
    match (old, new, rank(old), rank(new)) {
        (_, Json, _, _) => true,
        (Object(a), Object(b), _, _) => base_name(oc, a) == base_name(nc, b),
        // (an unsigned type fits a signed one of more bits)
        (_, _, Some((os, ob)), Some((ns, nb))) => {
            (os == ns && nb >= ob) || (os == 0 && ns == 1 && nb > ob)
        }
        (_, F64, Some(_), _) => true,
        (a, b, _, _) => a == b,
    }
}

/// A declared type's name.
fn base_name(c: &Catalog, index: u16) -> &str {
    c.types
        .get(usize::from(index))
        .map_or("?", |t| t.name.value.as_str())
}

/// Where a field sits when it is not in the fields object under its own
/// name (the usual place, which `fields_at` moves for every field at once:
/// a change there is the envelope's).
fn own_place(c: &Catalog, f: &Field) -> Option<String> {
    let p = f.at_ptr.as_ref()?;
    let usual = c
        .wire
        .fields_at
        .as_ref()
        .map(|a| a.value.child(&f.wire.value));
    (usual.as_ref() != Some(&p.value)).then(|| p.value.text.clone())
}

/// The place of a field: its type when written, else its name.
fn place(f: &Field) -> At {
    f.ty.at.or(&f.wire.at)
}

impl Differ<'_> {
    /// Compares the fields `owner` has in the old catalog (`old`, `old_at`)
    /// and the new (`new`, `new_at`): pairs them by wire name, then the rest
    /// by Rust name.
    pub(super) fn fields(
        &mut self,
        owner: &str,
        old: &[Field],
        new: &[Field],
        new_at: &At,
        old_at: &At,
    ) {
        let mut pairs: Vec<(&Field, &Field)> = Vec::new();
        let mut gone: Vec<&Field> = Vec::new();
        for o in old {
            match new.iter().find(|n| n.wire.value == o.wire.value) {
                Some(n) => pairs.push((o, n)),
                None => gone.push(o),
            }
        }
        let mut added: Vec<&Field> = new
            .iter()
            .filter(|n| !old.iter().any(|o| o.wire.value == n.wire.value))
            .collect();
        for o in gone {
            match added.iter().position(|n| n.rust.value == o.rust.value) {
                Some(i) => {
                    let n = added.remove(i);
                    self.push(
                        Rule::FieldRenamed,
                        Side::New,
                        &n.wire.at.or(new_at),
                        format!(
                            "{owner}: field `{}` is now `{}` on the wire",
                            o.wire.value, n.wire.value
                        ),
                    );
                    pairs.push((o, n));
                }
                None => {
                    self.push(
                        Rule::FieldRemoved,
                        Side::Old,
                        &o.wire.at.or(old_at),
                        format!("{owner}: field `{}` was removed", o.wire.value),
                    );
                }
            }
        }
        for n in added {
            let text = self.new.type_text(n.ty.value);
            if n.ty.value.optional {
                self.push(
                    Rule::FieldAdded,
                    Side::New,
                    &n.wire.at.or(new_at),
                    format!("{owner}: optional field `{}` ({text}) was added", n.wire.value),
                )
                .help = Some(format!(
                    "Rust code that builds it with a struct literal, or matches it naming every field, must name `{}` (or `..`)",
                    n.rust.value
                ));
            } else {
                self.push(
                    Rule::RequiredFieldAdded,
                    Side::New,
                    &n.wire.at.or(new_at),
                    format!(
                        "{owner}: required field `{}` ({text}) was added: a body without it is not this error",
                        n.wire.value
                    ),
                )
                .help = Some("make it optional (`?`) if bodies sent before may lack it".into());
            }
        }
        for (o, n) in pairs {
            self.field(owner, o, n);
        }
    }

    /// Compares one field in its two versions.
    fn field(&mut self, owner: &str, o: &Field, n: &Field) {
        let (po, pn) = (own_place(self.old, o), own_place(self.new, n));
        if o.wire.value == n.wire.value && po != pn {
            let shown =
                |p: Option<String>| p.map_or("the fields object".into(), |p| format!("\"{p}\""));
            self.push(
                Rule::FieldRenamed,
                Side::New,
                &n.at_ptr.as_ref().map_or_else(|| place(n), |p| p.at.clone()),
                format!(
                    "{owner}: field `{}` moved from {} to {}",
                    n.wire.value,
                    shown(po),
                    shown(pn)
                ),
            );
        }
        if o.rust.value != n.rust.value {
            self.push(
                Rule::FieldRustRenamed,
                Side::New,
                &n.rust.at.or(&n.wire.at),
                format!(
                    "{owner}: field `{}` is now `{}` in Rust (was `{}`)",
                    n.wire.value, n.rust.value, o.rust.value
                ),
            );
        }
        self.field_type(owner, o, n);
        if o.doc != n.doc {
            self.push(
                Rule::DocChanged,
                Side::New,
                &place(n),
                format!("{owner}: the doc of field `{}` changed", n.wire.value),
            );
        }
    }

    /// Compares a field's types.
    fn field_type(&mut self, owner: &str, o: &Field, n: &Field) {
        let (ot, nt): (FieldType, FieldType) = (o.ty.value, n.ty.value);
        let (otext, ntext) = (self.old.type_text(ot), self.new.type_text(nt));
        if otext == ntext {
            return;
        }
        let name = &n.wire.value;
        let same_shape = ot.list == nt.list
            && (base_widens(ot.base, nt.base, self.old, self.new)
                && base_widens(nt.base, ot.base, self.new, self.old));
        if !same_shape {
            let widened = ot.list == nt.list && base_widens(ot.base, nt.base, self.old, self.new);
            if widened {
                self.push(
                    Rule::FieldRetyped,
                    Side::New,
                    &place(n),
                    format!("{owner}: field `{name}` was {otext}, is now {ntext} (it takes every value it took)"),
                );
            } else {
                self.push(
                    Rule::FieldTypeChanged,
                    Side::New,
                    &place(n),
                    format!("{owner}: field `{name}` was {otext}, is now {ntext}"),
                );
            }
        }
        match (ot.optional, nt.optional) {
            (true, false) => {
                self.push(
                    Rule::FieldRequired,
                    Side::New,
                    &place(n),
                    format!("{owner}: field `{name}` was optional, is now required: a body without it is not this error"),
                );
            }
            (false, true) => {
                self.push(
                    Rule::FieldRetyped,
                    Side::New,
                    &place(n),
                    format!("{owner}: field `{name}` was required, is now optional (an `Option` in Rust)"),
                );
            }
            _ => {}
        }
    }
}
