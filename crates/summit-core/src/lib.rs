//! summit-core: structured facts from news text.
//!
//! One call, [`Analyzer::analyze`], turns the bytes of a scraped article into a
//! [`Document`]: the cleaned text, its paragraphs, what was removed and why, the named
//! entities with all their mentions, and the quotes with their speakers.
//!
//! Data flows one way, each stage reading what the earlier ones built:
//!
//! ```text
//! bytes ─ input::decode ─ clean::clean ─ segment::segment ─ entities ─ quotes ─ Document
//! ```
//!
//! The stages work on the cleaned text; every span they report is mapped back through
//! the cleaner's and the decoder's [`text::OffsetMap`]s, so that a [`Document`]'s offsets
//! are byte offsets into the caller's input and each span's `text` is that slice.
//!
//! ```
//! let analyzer = summit_core::Analyzer::default();
//! let doc = analyzer.analyze("example", "Talks resume\n\nThe talks resumed on Monday.".as_bytes()).unwrap();
//! assert_eq!(doc.title.as_deref(), Some("Talks resume"));
//! ```

// Slicing a `&str` by a byte index panics inside a multi-byte character ("ÖPA"[..1]); the
// core must not panic on any text, so every such slice is flagged, and each one kept says in
// a comment why its index is a character boundary.
#![warn(clippy::string_slice)]

pub mod clean;
pub mod document;
pub mod entities;
mod error;
pub mod input;
mod pipeline;
pub mod quotes;
pub mod segment;
mod span;
pub mod text;

pub use document::{
    Addressee, Clause, Cue, Document, Entity, EntityLabel, Mention, Paragraph, ParagraphKind,
    Quote, QuoteKind, RemovalReason, Removed, Speaker,
};
pub use error::{Error, Result};
pub use input::{Limits, Options};
pub use pipeline::Analyzer;
#[doc(hidden)]
pub use pipeline::{FAULT_INJECT_ENV, fault_marker_from_env};
pub use span::Span;

/// Analyses one document with the default options (see [`Analyzer`]).
pub fn analyze(id: &str, input: &[u8]) -> Result<Document> {
    Analyzer::shared().analyze(id, input)
}
