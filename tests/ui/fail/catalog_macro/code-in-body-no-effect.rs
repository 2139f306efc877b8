error_catalog::catalog!("ui/catalogs/code_in_body_no_effect.toml");

fn main() {}
