error_catalog::catalog!("ui/catalogs/pattern_unread.toml");

fn main() {}
