error_catalog::catalog!("ui/catalogs/reserved_string_in_integer_catalog.toml");

fn main() {}
