error_catalog::catalog!("ui/catalogs/code_ranges_overlap.toml");

fn main() {}
