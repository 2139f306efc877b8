error_catalog::catalog!("ui/catalogs/when_header_not_a_header.toml");

fn main() {}
