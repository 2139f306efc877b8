error_catalog::catalog!("ui/catalogs/reserved_twice.toml");

fn main() {}
