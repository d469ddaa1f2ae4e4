//! Quotes: attributed statements and their speakers.

mod lex;
mod lexicon;
mod marks;

use crate::clean::Cleaned;
use crate::segment::Segmentation;
use crate::{Entity, Quote};

/// The quote stage's output.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// Spans are offsets into the cleaned text.
    pub quotes: Vec<Quote>,
    pub warnings: Vec<String>,
}

pub fn extract(cleaned: &Cleaned, segmentation: &Segmentation, entities: &[Entity]) -> Extracted {
    let _ = (cleaned, segmentation, entities);
    Extracted::default()
}
