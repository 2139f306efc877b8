// `catalog!` generates Debug, Clone, PartialEq, Serialize, Deserialize (for a
// code-identified catalog) and more: deriving one of them again is refused at
// its name, and the enum is still generated (`Eq` is kept), so nothing else fails.
error_catalog::catalog!(
    #[derive(Clone, serde::Deserialize, Eq)]
    pub "ui/catalogs/shop.toml"
);

fn main() {
    fn eq<T: Eq>() {}
    eq::<ShopError>();
}
