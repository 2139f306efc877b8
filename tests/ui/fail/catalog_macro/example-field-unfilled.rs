error_catalog::catalog!("ui/catalogs/example_field_unfilled.toml");

fn main() {}
