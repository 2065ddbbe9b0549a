//! [`Location`]: a file, line and column, where a place is named without its file being loaded
//! as a source (an input error, a baseline entry, an XLIFF unit). Below both the sources and the
//! errors about them, so that neither imports the other to name a place.

use std::fmt;

/// A place in a file that may not be loadable as text (used by input errors).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub line: u32,
    pub column: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}
