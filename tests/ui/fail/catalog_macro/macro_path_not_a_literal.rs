api_error::catalog!(pub shop);

fn main() {}
