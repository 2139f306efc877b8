error_catalog::catalog!("ui/catalogs/unknown_reset_format.toml");

fn main() {}
