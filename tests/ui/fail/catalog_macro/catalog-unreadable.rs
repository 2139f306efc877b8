error_catalog::catalog!("ui/catalogs/no_such_catalog.toml");

fn main() {}
