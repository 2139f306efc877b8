api_error::catalog!("ui/catalogs/misspelt_key.toml");

fn main() {}
