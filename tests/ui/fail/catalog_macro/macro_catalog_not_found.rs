api_error::catalog!("ui/catalogs/no_such_catalog.toml");

fn main() {}
