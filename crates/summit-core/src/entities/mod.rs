//! Named entities: recognition, typing and resolution.
//!
//! PLACEHOLDER: finds nothing yet.

pub(crate) mod fxhash;
pub mod lexicon;

use crate::Entity;
use crate::clean::Cleaned;
use crate::segment::Segmentation;

/// Finds the entities of a cleaned document; spans are offsets into `cleaned.text`.
pub fn recognize(cleaned: &Cleaned, segmentation: &Segmentation) -> Vec<Entity> {
    let _ = (cleaned, segmentation);
    Vec::new()
}
