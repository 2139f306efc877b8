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
        input.variants.get(i).map(specs).unwrap_or_default()
    })
}

/// The plan's typed slots with the field each holds: (slot, that field).
pub(super) fn slot_fields<'a>(input: &'a Input, plan: &PlanBuf) -> Vec<(usize, &'a BoundField)> {
    plan.typed_slots
        .iter()
        .filter_map(|&(s, i, j)| Some((s, input.variants.get(i)?.fields.get(j)?)))
        .collect()
}

/// The fields of variant `b` as lowering sees them.
pub(super) fn specs(b: &Bound) -> Vec<FieldSpec<'_>> {
    b.fields
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
}

/// [`error_catalog_model::plan::exact_fields`] of pattern `t` of entry `e`, held by variant `b`.
pub(super) fn exact_fields(
    e: &ErrorEntry,
    b: &Bound,
    t: &Template,
) -> Option<Vec<(usize, usize, BaseType)>> {
    error_catalog_model::plan::exact_fields(e, &specs(b), t)
}
