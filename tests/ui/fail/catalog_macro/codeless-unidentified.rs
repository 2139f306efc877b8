error_catalog::catalog!("ui/catalogs/codeless_unidentified.toml");

fn main() {}
