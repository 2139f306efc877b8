error_catalog::catalog!("ui/catalogs/slots_too_many.toml");

fn main() {}
