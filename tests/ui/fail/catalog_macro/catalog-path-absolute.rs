error_catalog::catalog!("/etc/shop.toml");

fn main() {}
