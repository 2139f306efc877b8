error_catalog::catalog!("ui/catalogs/code_range_empty.toml");

fn main() {}
