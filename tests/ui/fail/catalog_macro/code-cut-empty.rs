error_catalog::catalog!("ui/catalogs/code_cut_empty.toml");

fn main() {}
