//! stub
pub fn render_site(_: &crate::load::Project, _: Option<&std::path::Path>) -> Result<Vec<(String, Vec<u8>)>, super::RenderError> { Err(super::RenderError::Export("stub".into())) }
