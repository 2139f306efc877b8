//! What the tests of every catalog share: the example catalogs' text and
//! loading a bundled catalog. (Each test binary uses what it needs of it.)
#![allow(dead_code)]

use error_catalog_model::model::Catalog;

/// The example catalogs.
pub const EXAMPLES: &[(&str, &str)] = &[
    ("github.toml", include_str!("../../examples/github.toml")),
    (
        "telegram.toml",
        include_str!("../../examples/telegram.toml"),
    ),
    (
        "facebook_graph.toml",
        include_str!("../../examples/facebook_graph.toml"),
    ),
    (
        "openai_style.toml",
        include_str!("../../examples/openai_style.toml"),
    ),
    (
        "json_rpc.toml",
        include_str!("../../examples/json_rpc.toml"),
    ),
    (
        "azure_resource_manager.toml",
        include_str!("../../examples/azure_resource_manager.toml"),
    ),
    ("okta.toml", include_str!("../../examples/okta.toml")),
    (
        "sendgrid.toml",
        include_str!("../../examples/sendgrid.toml"),
    ),
    (
        "jira_cloud.toml",
        include_str!("../../examples/jira_cloud.toml"),
    ),
    (
        "amazon_sqs.toml",
        include_str!("../../examples/amazon_sqs.toml"),
    ),
];

/// A bundled catalog, loaded.
pub fn bundled(id: &str) -> Catalog {
    let (_, file, text) = error_catalog_services::ALL
        .iter()
        .find(|(i, _, _)| *i == id)
        .unwrap_or_else(|| panic!("no bundled catalog `{id}`"));
    error_catalog_model::load_str(file, text).unwrap_or_else(|p| panic!("{p}"))
}
