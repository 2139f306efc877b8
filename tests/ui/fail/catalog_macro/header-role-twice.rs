error_catalog::catalog!("ui/catalogs/header_given_twice.toml");

fn main() {}
