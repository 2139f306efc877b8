//! Values survive their own envelope and problem+json: for every wire preset (a
//! small inline enum each) and every variant of the five bundled enums, serialize,
//! parse back with the error's status, and get an equal value.

#[macro_use]
mod harness;
mod bundled;
mod edge_values;
mod fallback;
mod preset_enums;
mod presets;
