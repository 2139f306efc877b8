//! Every example of the five seed documents (`/work/shared/seeds/`), run through the
//! bundled enums: the variant and status it classifies as, its typed fields, its
//! Display text, the suggestion / fix command / docs link the seed gives, the retry
//! advice under the seed's response headers, and that serializing the parsed value
//! gives the seed's body back (as a JSON value).

mod aironclaw;
mod catalog_examples;
mod customer_verification;
mod kya;
mod moca_air;
mod rakomi;
mod support;

#[path = "../common/seed_bodies.rs"]
#[allow(dead_code)]
mod seed_bodies;
