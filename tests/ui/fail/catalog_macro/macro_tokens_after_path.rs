error_catalog::catalog!(pub "ui/catalogs/shop.toml", "ui/catalogs/other.toml");

fn main() {}
