error_catalog::catalog!("ui/catalogs/code_and_code_range.toml");

fn main() {}
