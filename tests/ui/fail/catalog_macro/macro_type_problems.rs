error_catalog::catalog!("ui/catalogs/type_problems.toml");

fn main() {}
