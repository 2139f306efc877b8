//! The raw capture of a typed sink, made on first use. A body that generated
//! code reads entirely typed (the usual case) captures nothing raw, so the
//! sink carries one pointer instead of the whole capture structure, and sets up
//! and drops nothing.

use super::Captured;

/// A [`Captured`] allocated when the first raw value arrives.
///
/// ```
/// use error_catalog_core::engine::LazyCapture;
/// let mut k = LazyCapture::default();
/// assert!(k.get_mut().is_none());
/// k.make().extras.push("/x", "1").unwrap();
/// assert_eq!(k.get_mut().map(|c| c.extras.len()), Some(1));
/// ```
#[derive(Debug, Default)]
pub struct LazyCapture<'b>(Option<Box<Captured<'b>>>);

impl<'b> LazyCapture<'b> {
    /// The capture, made now if nothing was captured yet.
    #[inline]
    pub fn make(&mut self) -> &mut Captured<'b> {
        self.0.get_or_insert_with(Box::default)
    }

    /// The capture, when anything was captured raw.
    #[inline]
    pub fn get_mut(&mut self) -> Option<&mut Captured<'b>> {
        self.0.as_deref_mut()
    }
}
