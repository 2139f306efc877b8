error_catalog::catalog!(pub shop);

fn main() {}
