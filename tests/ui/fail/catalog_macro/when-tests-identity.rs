error_catalog::catalog!("ui/catalogs/when_tests_code_and_message.toml");

fn main() {}
