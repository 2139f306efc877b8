error_catalog::catalog!("ui/catalogs/envelope_without_code.toml");

fn main() {}
