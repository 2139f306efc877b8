error_catalog::catalog!("ui/catalogs/misspelt_key.toml");

fn main() {}
