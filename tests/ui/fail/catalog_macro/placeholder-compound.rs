error_catalog::catalog!("ui/catalogs/placeholder_names_list.toml");

fn main() {}
