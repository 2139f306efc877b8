//! Lowering for code generation: the validated input → the one decode plan
//! ([`error_catalog_model::plan::lower`], the same pass the CLI's plan comes from), with the
//! variants' fields as the entries' values; and what the printers ask of the
//! plan about those fields.

use crate::ast::{Bound, BoundField, Input};
use error_catalog_core::template::Template;
use error_catalog_model::model::{BaseType, ErrorEntry, FieldType};
use error_catalog_model::plan::{FieldSpec, PlanBuf};

/// Lowers a valid input: its entries hold their variants' fields.
pub(super) fn lower(input: &Input) -> PlanBuf {
    error_catalog_model::plan::lower(&input.catalog, |i, _| {
        let fields = input
            .variants
            .get(i)
            .map_or(&[][..], |b| b.fields.as_slice());
        fields
            .iter()
            .map(|f| FieldSpec {
                wire: &f.wire,
                at: f.at.as_ref(),
                ty: FieldType {
                    base: f.base,
                    list: f.list,
                    optional: f.optional,
                },
            })
            .collect()
    })
}

/// The plan's typed slots with the field each holds: (slot, that field).
pub(super) fn slot_fields<'a>(input: &'a Input, plan: &PlanBuf) -> Vec<(usize, &'a BoundField)> {
    plan.typed_slots
        .iter()
        .filter_map(|&(s, i, j)| Some((s, input.variants.get(i)?.fields.get(j)?)))
        .collect()
}

/// The placeholders of `t` (a pattern of `e`) when a match of it can spell
/// exactly what `e`'s template renders from the captured fields: the pattern is
/// the template, each placeholder fills its own field, and the field shows its
/// text unchanged (strings always, integers when written canonically: checked at
/// run time). Each is (its position among the holes, field index, base type).
pub(super) fn exact_fields(
    e: &ErrorEntry,
    b: &Bound,
    t: &Template,
) -> Option<Vec<(usize, usize, BaseType)>> {
    if Template::parse(&e.message.value).ok().as_ref() != Some(t) {
        return None;
    }
    let mut out: Vec<(usize, usize, BaseType)> = Vec::new();
    for (k, name) in t.placeholders().enumerate() {
        let j = b.fields.iter().position(|f| f.wire == name)?;
        if out.iter().any(|&(_, seen, _)| seen == j) {
            return None;
        }
        let f = b.fields.get(j)?;
        let base = f.base;
        if (base != BaseType::String && !base.is_integer()) || f.is_compound() {
            return None;
        }
        out.push((k, j, base));
    }
    Some(out)
}
