//! Cleaning: from scraped article text to the article itself.
//!
//! PLACEHOLDER implementation (splits on blank lines); the real cleaner replaces it.

use crate::text::{MappedText, OffsetMap};
use crate::{ParagraphKind, Removed, Span};

/// One kept block of the cleaned text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: ParagraphKind,
    /// Span in [`Cleaned::text`].
    pub span: Span,
}

/// The cleaner's output.
#[derive(Clone, Debug, Default)]
pub struct Cleaned {
    /// The kept blocks' text, separated by "\n\n".
    pub text: String,
    /// Maps [`Cleaned::text`] offsets back to the cleaner's input.
    pub map: OffsetMap,
    pub blocks: Vec<Block>,
    /// Dropped stretches, as spans of the cleaner's input.
    pub removed: Vec<Removed>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub warnings: Vec<String>,
}

impl Cleaned {
    pub fn block_spans(&self) -> Vec<Span> {
        self.blocks.iter().map(|b| b.span).collect()
    }
}

/// Cleans `text`.
pub fn clean(text: &str) -> Cleaned {
    let mut out = MappedText::with_capacity(text.len());
    let mut blocks = Vec::new();
    let mut pos = 0;
    for part in text.split("\n\n") {
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            let at = pos + (part.len() - part.trim_start().len());
            if !out.is_empty() {
                out.push_inserted("\n\n", at);
            }
            let start = out.len();
            out.push_copy(trimmed, at);
            let kind = if blocks.is_empty() {
                ParagraphKind::Title
            } else {
                ParagraphKind::Body
            };
            blocks.push(Block {
                kind,
                span: Span::new(start, out.len()),
            });
        }
        pos += part.len() + 2;
    }
    let title = blocks.first().map(|b| b.span.slice(&out.text).to_owned());
    Cleaned {
        text: out.text,
        map: out.map,
        blocks,
        title,
        ..Cleaned::default()
    }
}
