//! Segmentation: tokens and sentences with byte offsets.
//!
//! PLACEHOLDER implementation (whitespace tokens, one sentence per block); the real
//! segmenter replaces it, keeping these types (fields may be added, not removed).

use std::ops::Range;

use crate::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, apostrophes or abbreviation dots
    /// ("Putin", "U.S.", "Kendall-Taylor", "n't", "'s").
    Word,
    /// Digits, possibly with decimal points, commas or a sign ("2021", "3.5", "1,000").
    Number,
    /// Punctuation, including every quotation mark as a token of its own.
    Punct,
    /// Anything else (currency signs, emoji, symbols).
    Symbol,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the segmented text.
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the segmented text, from the first token's start to the last token's end.
    pub span: Span,
    /// Indices into [`Segmentation::tokens`].
    pub tokens: Range<usize>,
    /// Index of the block (paragraph) holding the sentence.
    pub block: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Segmentation {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
}

impl Segmentation {
    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }
}

/// Segments `text`; `blocks` are the paragraph spans (sentences never cross them).
pub fn segment(text: &str, blocks: &[Span]) -> Segmentation {
    let mut seg = Segmentation::default();
    for (block, b) in blocks.iter().enumerate() {
        let first = seg.tokens.len();
        let mut at = b.start;
        for w in text[b.start..b.end].split(' ') {
            if !w.is_empty() {
                seg.tokens.push(Token {
                    span: Span::new(at, at + w.len()),
                    kind: TokenKind::Word,
                });
            }
            at += w.len() + 1;
        }
        seg.sentences.push(Sentence {
            span: *b,
            tokens: first..seg.tokens.len(),
            block,
        });
    }
    seg
}
