error_catalog::catalog!("ui/catalogs/when_never_chosen.toml");

fn main() {}
