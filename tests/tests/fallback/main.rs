//! Whatever a catalog does not describe lands in the fallback with the body kept
//! byte for byte, and the code and message kept when they were found; what a known
//! error carries beyond its declared fields stays reachable and is written back.

#[macro_use]
mod support;
mod bad_details;
mod extra_members;
mod non_json_bodies;
mod unknown_errors;
