error_catalog::catalog!("ui/catalogs/envelope_unknown.toml");

fn main() {}
