#[test]
fn expand_tmp() {
    let tokens: proc_macro2::TokenStream = r#""errors.toml""#.parse().unwrap();
    let out = error_catalog_codegen::catalog(tokens);
    let file: syn::File = syn::parse2(out).unwrap();
    let item = file.items[0].clone();
    let src = quote::quote!(#item)
        .to_string()
        .replace(":: error_catalog :: ApiError", "");
    let d = error_catalog_codegen::derive(src.parse().unwrap());
    let file: syn::File = syn::parse2(d).unwrap();
    std::fs::write("/tmp/bcx/out.rs", prettyplease::unparse(&file)).unwrap();
}
