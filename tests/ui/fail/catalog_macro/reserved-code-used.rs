error_catalog::catalog!("ui/catalogs/reserved_code_used.toml");

fn main() {}
