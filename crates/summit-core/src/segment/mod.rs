//! Segmentation: tokens and sentences with byte offsets into the cleaned text.
//!
//! The cleaned text is a sequence of blocks (paragraphs, headings) separated by blank
//! lines; the caller passes their spans. [`segment`] tokenizes each block in one pass
//! over its bytes and then groups the block's tokens into sentences. Sentences never cross
//! a block, and every block ends a sentence.
//!
//! # Tokens
//! Tokens follow the Penn Treebank / CoNLL-2003 conventions, so that the entity tagger
//! sees tokens shaped like its training data:
//! - punctuation is split off; every quotation mark (`“ ” ‘ ’ « » „ ‚ " '`) is a token
//!   of its own, and so are `` `` `` and `''`;
//! - an apostrophe inside a word stays in it (`O’Brien`, `d'Ivoire`, `rock’n’roll`, and
//!   `’n’` in `rock ’n’ roll`); clitics split off (`Russia` `’s`, `do` `n’t`, `ca`
//!   `n't`, `I` `’ve`, `it` `'s`); an apostrophe after a final `s` is its own token
//!   flagged [`TokenFlags::CLITIC`] as well as [`TokenFlags::QUOTE`] because it may be a
//!   possessive (`leaders’`) or a closing single quote;
//! - hyphenated compounds stay whole (`Biden-Putin`, `78-year-old`, `1996-08-22`), and so
//!   do numbers with decimals and thousands separators (`3.5`, `2,500.75`), times
//!   (`10:30`), fractions and dates with slashes (`24/7`), ordinals and units (`15th`,
//!   `1m`); signs and currency split off (`$` `1m`, `50` `%`);
//! - abbreviations keep their dot (`U.S.`, `Mr.`, `e.g.`, initials `J.`; see the
//!   `abbrev` module), and a run of dots or `…` is one token;
//! - URLs, e-mail addresses, `@handles` and `#hashtags` are one token each, flagged
//!   [`TokenFlags::LINK`];
//! - letters and digits of every script are word characters; combining marks and joiners
//!   stay with what they follow; other symbols (currency, emoji with their modifiers)
//!   are [`TokenKind::Symbol`] tokens.
//!
//! Tokens never contain a separator ([`is_separator`]: Unicode white space and ZERO WIDTH
//! SPACE) and cover every other character of every block.
//!
//! # Sentences
//! A sentence ends after `.`, `?`, `!` or an ellipsis, together with the closing quotes
//! and brackets right after it (`.”`, `?’`, `!)`) and stray dots (`. .`), when whitespace
//! and then an uppercase letter, a digit, an opening quote or bracket, or a symbol
//! follows, or the block ends. Exceptions:
//! - titles (`Mr.`, `Gen.`, `St.`), `e.g.`/`vs.`, and `No.` before a number never end a
//!   sentence;
//! - `U.S.`, other dotted acronyms, company suffixes (`Inc.`), months and initials
//!   (`J.`) end one only when the next word is a common sentence opener (`The`, `He`,
//!   `But`…) or an opening quote follows: `…to the U.S. The talks…` splits,
//!   `the U.S. Senate` and `J. Biden` do not;
//! - `?` or `!` closed by a quote and followed by a lower-case word (`“Why?” he asked.`)
//!   or by a capitalised name and a reporting verb (`“Why?” Biden asked.`);
//! - a missing space (`end.Next`) ends a sentence when the words on both sides are
//!   longer than one character and the second is capitalised; after a closing quote
//!   (`said.”The`) a capitalised word suffices;
//! - fullwidth `。！？` end a sentence with or without a following space;
//! - a line break inside a block (a dateline, a caption line, a paragraph the cleaner
//!   kept together) ends a sentence when the next token could open one and the line
//!   before does not run on (it does not end in a comma, dash, opening bracket or quote,
//!   a title such as `Mr.`, or a word like `and`, `of`, `the`).
//!
//! A sentence longer than [`MAX_SENTENCE_TOKENS`] tokens is cut: after the last comma,
//! semicolon, colon or dash in its second half, or else right at the limit; such a
//! sentence ends with [`SentenceEnd::LengthLimit`]. This keeps per-sentence algorithms
//! downstream (Viterbi, quote matching) bounded on text without punctuation.
//!
//! Everything is linear in the input and allocation-free apart from the output vectors.

mod abbrev;
mod chars;
mod sentences;
mod tokenize;

#[cfg(test)]
mod tests;

use std::ops::{BitOr, BitOrAssign, Range};

use crate::Span;

pub use chars::is_separator;

/// Longest sentence, in tokens, before a forced break.
pub const MAX_SENTENCE_TOKENS: usize = 1000;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, hyphens, apostrophes or abbreviation dots
    /// ("Putin", "U.S.", "Kendall-Taylor", "n't", "'s"), and links (URLs, e-mail
    /// addresses, handles, hashtags).
    Word,
    /// Starts with a digit, possibly with a sign, decimal points, thousands separators or
    /// a unit ("2021", "-3.5", "1,000", "1m", "15th", "10:30", "'90s").
    Number,
    /// Punctuation, including every quotation mark as a token of its own.
    Punct,
    /// Anything else (currency signs, `%`, emoji, symbols).
    Symbol,
}

/// Facts about a token that the later stages need and that the token's text alone does
/// not tell (its surroundings, or a decision the tokenizer made).
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TokenFlags(u8);

impl TokenFlags {
    pub const NONE: TokenFlags = TokenFlags(0);
    /// Preceded by a separator, or first in its block.
    pub const SPACE_BEFORE: TokenFlags = TokenFlags(1);
    /// Followed by a separator, or last in its block.
    pub const SPACE_AFTER: TokenFlags = TokenFlags(1 << 1);
    /// A quotation mark (or an apostrophe that may be one: see [`TokenFlags::CLITIC`]).
    pub const QUOTE: TokenFlags = TokenFlags(1 << 2);
    /// Split off the word before it without a space: `’s`, `n't`, `'ve`, `'ll`, `'re`,
    /// `'d`, `'m`, or an apostrophe after a final `s` (then also [`TokenFlags::QUOTE`]:
    /// `the leaders’ views` or `‘…all the leaders’`).
    pub const CLITIC: TokenFlags = TokenFlags(1 << 3);
    /// A word whose final dot belongs to it (`Mr.`, `U.S.`, `J.`).
    pub const ABBREVIATION: TokenFlags = TokenFlags(1 << 4);
    /// A URL, e-mail address, `@handle` or `#hashtag`.
    pub const LINK: TokenFlags = TokenFlags(1 << 5);
    /// Preceded by separators that include a line break (inside a block: a line of its
    /// own such as a caption or a dateline, or a paragraph the cleaner kept together).
    pub const NEWLINE_BEFORE: TokenFlags = TokenFlags(1 << 6);

    pub const fn bits(self) -> u8 {
        self.0
    }

    /// Whether all flags of `other` are set.
    pub const fn contains(self, other: TokenFlags) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn insert(&mut self, other: TokenFlags) {
        self.0 |= other.0;
    }
}

impl BitOr for TokenFlags {
    type Output = TokenFlags;
    fn bitor(self, rhs: TokenFlags) -> TokenFlags {
        TokenFlags(self.0 | rhs.0)
    }
}

impl BitOrAssign for TokenFlags {
    fn bitor_assign(&mut self, rhs: TokenFlags) {
        self.0 |= rhs.0;
    }
}

impl std::fmt::Debug for TokenFlags {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const NAMES: [(TokenFlags, &str); 7] = [
            (TokenFlags::SPACE_BEFORE, "SPACE_BEFORE"),
            (TokenFlags::SPACE_AFTER, "SPACE_AFTER"),
            (TokenFlags::QUOTE, "QUOTE"),
            (TokenFlags::CLITIC, "CLITIC"),
            (TokenFlags::ABBREVIATION, "ABBREVIATION"),
            (TokenFlags::LINK, "LINK"),
            (TokenFlags::NEWLINE_BEFORE, "NEWLINE_BEFORE"),
        ];
        let mut set = f.debug_set();
        for (flag, name) in NAMES {
            if self.contains(flag) {
                set.entry(&format_args!("{name}"));
            }
        }
        set.finish()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the segmented text.
    pub span: Span,
    pub kind: TokenKind,
    pub flags: TokenFlags,
}

impl Token {
    /// A token without flags.
    pub const fn new(span: Span, kind: TokenKind) -> Self {
        Token {
            span,
            kind,
            flags: TokenFlags::NONE,
        }
    }

    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    pub const fn is_quote(&self) -> bool {
        self.flags.contains(TokenFlags::QUOTE)
    }

    pub const fn is_clitic(&self) -> bool {
        self.flags.contains(TokenFlags::CLITIC)
    }

    pub const fn is_abbreviation(&self) -> bool {
        self.flags.contains(TokenFlags::ABBREVIATION)
    }

    pub const fn is_link(&self) -> bool {
        self.flags.contains(TokenFlags::LINK)
    }

    pub const fn space_before(&self) -> bool {
        self.flags.contains(TokenFlags::SPACE_BEFORE)
    }

    pub const fn space_after(&self) -> bool {
        self.flags.contains(TokenFlags::SPACE_AFTER)
    }

    pub const fn newline_before(&self) -> bool {
        self.flags.contains(TokenFlags::NEWLINE_BEFORE)
    }
}

/// Why a sentence ends where it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SentenceEnd {
    /// Terminal punctuation, and another sentence follows in the block.
    Punctuation,
    /// The block ends (whether or not the sentence has terminal punctuation).
    BlockEnd,
    /// A line break inside the block, before a word that opens a sentence, after a line
    /// that does not run on (no comma, dash, title or `and` at its end).
    LineBreak,
    /// Cut at [`MAX_SENTENCE_TOKENS`].
    LengthLimit,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte span in the segmented text, from the first token's start to the last token's end.
    pub span: Span,
    /// Indices into [`Segmentation::tokens`].
    pub tokens: Range<usize>,
    /// Index of the block (paragraph) holding the sentence.
    pub block: usize,
    pub end: SentenceEnd,
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

    /// Index of the sentence holding token `token`, if any.
    pub fn sentence_of_token(&self, token: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.tokens.end <= token);
        (i < self.sentences.len() && self.sentences[i].tokens.contains(&token)).then_some(i)
    }

    /// Indices of the tokens that lie entirely inside `span`.
    pub fn tokens_within(&self, span: Span) -> Range<usize> {
        let start = self.tokens.partition_point(|t| t.span.start < span.start);
        let end = start + self.tokens[start..].partition_point(|t| t.span.end <= span.end);
        start..end
    }

    /// Checks the structural invariants against the text and blocks that produced this
    /// segmentation: tokens are non-empty, in order, disjoint, on character boundaries,
    /// inside the blocks, free of separators, and cover every other character of the
    /// blocks; sentences partition each block's tokens in order, never cross a block,
    /// span their tokens, and hold at most [`MAX_SENTENCE_TOKENS`] tokens. For tests and
    /// fuzzing; `Err` describes the first violation.
    pub fn check(&self, text: &str, blocks: &[Span]) -> Result<(), String> {
        let mut ti = 0;
        let mut block_of_token = Vec::with_capacity(self.tokens.len());
        for (k, b) in clip_blocks(text, blocks) {
            let mut pos = b.start;
            while pos < b.end {
                if let Some(t) = self.tokens.get(ti).filter(|t| t.span.start == pos) {
                    if t.span.is_empty() || t.span.end > b.end {
                        return Err(format!("token {ti} {:?} empty or outside {b:?}", t.span));
                    }
                    if !text.is_char_boundary(t.span.end) {
                        return Err(format!("token {ti} {:?} ends inside a char", t.span));
                    }
                    if let Some(c) = t.text(text).chars().find(|&c| is_separator(c)) {
                        return Err(format!("token {ti} {:?} holds separator {c:?}", t.span));
                    }
                    pos = t.span.end;
                    block_of_token.push(k);
                    ti += 1;
                    continue;
                }
                let Some(c) = text.get(pos..).and_then(|rest| rest.chars().next()) else {
                    return Err(format!("{pos} is not on a character boundary"));
                };
                if !is_separator(c) {
                    return Err(format!("{c:?} at {pos} is in no token"));
                }
                pos += c.len_utf8();
            }
        }
        if ti != self.tokens.len() {
            return Err(format!(
                "token {ti} {:?} is out of order or outside the blocks",
                self.tokens[ti].span
            ));
        }
        let mut next = 0;
        for (i, s) in self.sentences.iter().enumerate() {
            if s.tokens.start != next || s.tokens.is_empty() || s.tokens.end > self.tokens.len() {
                return Err(format!(
                    "sentence {i} tokens {:?} expected from {next}",
                    s.tokens
                ));
            }
            if s.tokens.len() > MAX_SENTENCE_TOKENS {
                return Err(format!("sentence {i} has {} tokens", s.tokens.len()));
            }
            if block_of_token[s.tokens.clone()]
                .iter()
                .any(|&k| k != s.block)
            {
                return Err(format!("sentence {i} crosses out of block {}", s.block));
            }
            let span = Span::new(
                self.tokens[s.tokens.start].span.start,
                self.tokens[s.tokens.end - 1].span.end,
            );
            if span != s.span {
                return Err(format!("sentence {i} span {:?} != {span:?}", s.span));
            }
            next = s.tokens.end;
        }
        if next != self.tokens.len() {
            return Err(format!("tokens from {next} are in no sentence"));
        }
        Ok(())
    }
}

/// The blocks as [`segment`] reads them: clipped to the text, moved inward to character
/// boundaries, and clipped to start after the previous block; empty ones are skipped.
/// Each item keeps the block's index in `blocks`.
fn clip_blocks<'a>(text: &'a str, blocks: &'a [Span]) -> impl Iterator<Item = (usize, Span)> + 'a {
    let mut floor = 0;
    blocks.iter().enumerate().filter_map(move |(k, b)| {
        let mut s = b.start.max(floor).min(text.len());
        let mut e = b.end.min(text.len());
        while s < e && !text.is_char_boundary(s) {
            s += 1;
        }
        while e > s && !text.is_char_boundary(e) {
            e -= 1;
        }
        if s >= e {
            return None;
        }
        floor = e;
        Some((k, Span::new(s, e)))
    })
}

/// Segments `text`; `blocks` are the paragraph spans, in order and disjoint (sentences
/// never cross them). Text outside the blocks is ignored; blocks that overlap, run past
/// the text or split a character are clipped, never a panic.
pub fn segment(text: &str, blocks: &[Span]) -> Segmentation {
    let bytes: usize = blocks.iter().map(|b| b.end.saturating_sub(b.start)).sum();
    let bytes = bytes.min(text.len());
    let mut seg = Segmentation {
        tokens: Vec::with_capacity(bytes / 5 + 16),
        sentences: Vec::with_capacity(bytes / 128 + 4),
    };
    for (k, b) in clip_blocks(text, blocks) {
        let first = seg.tokens.len();
        tokenize::tokenize(text, b, &mut seg.tokens);
        sentences::split(
            text,
            &seg.tokens,
            first..seg.tokens.len(),
            k,
            &mut seg.sentences,
        );
    }
    seg
}

/// The paragraphs of `text` split at blank lines (`"\n\n"`), trimmed of separators;
/// for callers that segment text the cleaner did not produce.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    for part in text.split("\n\n") {
        let trimmed = part.trim_matches(is_separator);
        if !trimmed.is_empty() {
            let start = pos + (part.len() - part.trim_start_matches(is_separator).len());
            out.push(Span::new(start, start + trimmed.len()));
        }
        pos += part.len() + 2;
    }
    out
}
