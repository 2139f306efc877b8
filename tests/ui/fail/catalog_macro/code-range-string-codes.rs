error_catalog::catalog!("ui/catalogs/code_range_in_string_catalog.toml");

fn main() {}
