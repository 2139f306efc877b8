error_catalog::catalog!("ui/catalogs/when_ambiguous.toml");

fn main() {}
