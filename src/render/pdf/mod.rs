//! stub
pub struct PdfRenderer;
impl PdfRenderer {
    pub fn new(_: &[std::path::PathBuf]) -> Result<Self, super::RenderError> { Ok(Self) }
    pub fn render(&self, _: &crate::view::EditionView, _: Option<&std::path::Path>) -> Result<Vec<u8>, super::RenderError> { Err(super::RenderError::Export("stub".into())) }
}
