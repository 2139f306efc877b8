api_error::catalog!("/etc/shop.toml");

fn main() {}
