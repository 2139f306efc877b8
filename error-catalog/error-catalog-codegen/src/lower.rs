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

/// The typed sink's variants (`__Typed::S{k}`): entries whose typed fields
/// are the same (field index, member, stored type) share one, so the sink's
/// `member` has one arm per shape, not per entry. Returns, per shape, one
/// entry that has it, and per entry its shape (`None`: nothing read typed).
pub(super) fn typed_shapes(input: &Input, plan: &PlanBuf) -> (Vec<usize>, Vec<Option<usize>>) {
    let mut keys: Vec<Vec<(usize, &str, String)>> = Vec::new();
    let mut first = Vec::new();
    let of = plan
        .typed_fields
        .iter()
        .enumerate()
        .map(|(i, tf)| {
            let b = input.variants.get(i)?;
            if tf.is_empty() {
                return None;
            }
            let key: Vec<(usize, &str, String)> = tf
                .iter()
                .filter_map(|(j, m)| {
                    let f = b.fields.get(*j)?;
                    Some((*j, m.as_str(), crate::tokens::view_ty(f).to_string()))
                })
                .collect();
            Some(match keys.iter().position(|k| *k == key) {
                Some(k) => k,
                None => {
                    keys.push(key);
                    first.push(i);
                    keys.len() - 1
                }
            })
        })
        .collect();
    (first, of)
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
