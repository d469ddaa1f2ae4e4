//! The one span type: a half-open byte range.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end`.
///
/// In a [`crate::Document`] every span is a byte offset into the input exactly as the
/// caller gave it. Inside the pipeline the same type addresses the cleaned text; the
/// [`crate::text::OffsetMap`] turns one into the other.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The slice of `text` this span addresses.
    ///
    /// # Panics
    /// When the span is out of bounds or not on character boundaries of `text`: the
    /// stages slice only the text their spans were built on.
    #[expect(
        clippy::string_slice,
        reason = "a documented contract: the span was built on `text`'s char boundaries"
    )]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}
