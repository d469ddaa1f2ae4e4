//! Sentence boundaries over one block's tokens: one pass, deciding at each terminal
//! (`.`, `?`, `!`, `…`, an abbreviation's dot) from the tokens right around it.

use std::ops::Range;

use super::abbrev::{self, AbbrevClass};
use super::chars::*;
use super::{MAX_SENTENCE_TOKENS, Sentence, SentenceEnd, Token, TokenFlags, TokenKind};
use crate::Span;

/// The kinds of sentence-final token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Terminal {
    Dot,
    QuestionOrExclamation,
    Ellipsis,
    /// `。！？` and kin: a boundary whatever follows.
    Fullwidth,
    /// A word whose final dot belongs to it (`U.S.`, `Mr.`).
    Abbreviation,
}

/// What came between a terminal and the next token.
#[derive(Clone, Copy, Debug, Default)]
struct Closers {
    any: bool,
    quote: bool,
}

/// Splits the tokens `range` of block `block` into sentences, appended to `out`.
pub(super) fn split(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
    block: usize,
    out: &mut Vec<Sentence>,
) {
    // The block's tokens are the last ones so far; cut there anyway so that no look-ahead
    // can leave the block.
    let tokens = &tokens[..range.end];
    let end = range.end;
    let mut start = range.start;
    let mut i = start;
    // Last comma, semicolon, colon or dash in the current sentence: where a forced break
    // goes.
    let mut last_pause: Option<usize> = None;
    while i < end {
        if i - start >= MAX_SENTENCE_TOKENS {
            let cut = match last_pause {
                Some(p) if p + 1 >= start + MAX_SENTENCE_TOKENS / 2 && p < i => p + 1,
                _ => i,
            };
            push(out, tokens, start..cut, block, SentenceEnd::LengthLimit);
            start = cut;
            last_pause = None;
            continue;
        }
        // Skip the tokens that cannot matter (words, numbers, symbols on the same line).
        let limit = end.min(start + MAX_SENTENCE_TOKENS);
        const SIGNIFICANT: u8 = TokenFlags::ABBREVIATION.0 | TokenFlags::NEWLINE_BEFORE.0;
        i += tokens[i..limit]
            .iter()
            .position(|t| t.kind == TokenKind::Punct || t.flags.0 & SIGNIFICANT != 0)
            .unwrap_or(limit - i);
        if i >= limit {
            continue;
        }
        let t = &tokens[i];
        if t.newline_before() && i > start && line_break_ends(text, &tokens[i - 1], t) {
            push(out, tokens, start..i, block, SentenceEnd::LineBreak);
            start = i;
            last_pause = None;
        }
        let term = if t.is_abbreviation() {
            Terminal::Abbreviation
        } else {
            match punct_role(text, t) {
                Role::Terminal(term) => term,
                Role::Pause => {
                    last_pause = Some(i);
                    i += 1;
                    continue;
                }
                Role::Other => {
                    i += 1;
                    continue;
                }
            }
        };
        let (j, closers) =
            absorb_closers(text, tokens, i + 1, end.min(start + MAX_SENTENCE_TOKENS));
        if j >= end {
            break;
        }
        if j - start < MAX_SENTENCE_TOKENS && is_boundary(text, tokens, start, i, j, term, closers)
        {
            push(out, tokens, start..j, block, SentenceEnd::Punctuation);
            start = j;
            last_pause = None;
        }
        i = j;
    }
    if start < end {
        push(out, tokens, start..end, block, SentenceEnd::BlockEnd);
    }
}

fn push(
    out: &mut Vec<Sentence>,
    tokens: &[Token],
    r: Range<usize>,
    block: usize,
    end: SentenceEnd,
) {
    out.push(Sentence {
        span: Span::new(tokens[r.start].span.start, tokens[r.end - 1].span.end),
        tokens: r,
        block,
        end,
    });
}

#[inline]
fn first_char(text: &str, t: &Token) -> char {
    char_at(text, t.span.start)
}

/// What a token does for sentence boundaries.
enum Role {
    Terminal(Terminal),
    /// A comma, semicolon, colon or dash: where a forced break may go.
    Pause,
    Other,
}

#[inline]
fn punct_role(text: &str, t: &Token) -> Role {
    if t.kind != TokenKind::Punct {
        return Role::Other;
    }
    match text.as_bytes()[t.span.start] {
        b',' | b';' | b':' | b'-' => Role::Pause,
        b'.' if t.span.len() == 1 => Role::Terminal(Terminal::Dot),
        b'.' => Role::Terminal(Terminal::Ellipsis),
        b'?' | b'!' => Role::Terminal(Terminal::QuestionOrExclamation),
        0..0x80 => Role::Other,
        _ => match first_char(text, t) {
            '\u{2026}' => Role::Terminal(Terminal::Ellipsis),
            '\u{2013}' | '\u{2014}' | '\u{3001}' | '\u{FF0C}' => Role::Pause,
            ch if is_fullwidth_terminal(ch) => Role::Terminal(Terminal::Fullwidth),
            _ => Role::Other,
        },
    }
}

/// Skips the closing quotes and brackets attached to a terminal (`.”)`), stray terminals
/// after it (`calculations. .`) and an isolated closing quote (`end. ” Next`); returns
/// the index of the first token after them (at most `limit`).
fn absorb_closers(text: &str, tokens: &[Token], mut j: usize, limit: usize) -> (usize, Closers) {
    let mut closers = Closers::default();
    while j < limit {
        let t = &tokens[j];
        if t.kind != TokenKind::Punct {
            break;
        }
        let ch = first_char(text, t);
        let terminal = matches!(punct_role(text, t), Role::Terminal(_));
        let closes = if !t.space_before() {
            (t.is_quote() && !is_opening_quote_glyph(ch)) || is_closing_bracket(ch) || terminal
        } else {
            terminal
                || (t.is_quote()
                    && t.space_after()
                    && matches!(ch, '\u{201D}' | '\u{2019}' | '\u{BB}' | '\u{203A}'))
        };
        if !closes {
            break;
        }
        closers.any = true;
        closers.quote |= t.is_quote();
        j += 1;
    }
    (j, closers)
}

/// Whether the sentence ends after the terminal `tokens[i]` and its closers, before
/// `tokens[j]`.
fn is_boundary(
    text: &str,
    tokens: &[Token],
    start: usize,
    i: usize,
    j: usize,
    term: Terminal,
    closers: Closers,
) -> bool {
    let t = &tokens[i];
    let next = &tokens[j];
    match term {
        Terminal::Fullwidth => true,
        Terminal::Abbreviation => match abbrev::class_of_token(t.text(text)) {
            AbbrevClass::Title | AbbrevClass::BeforeNumber | AbbrevClass::Never => false,
            _ if closers.any => opens_sentence(text, next),
            AbbrevClass::LikelyEnd => next.space_before() && opens_sentence(text, next),
            AbbrevClass::MayEnd => {
                (next.kind == TokenKind::Word && abbrev::is_sentence_opener(next.text(text)))
                    || (next.space_before()
                        && next.kind == TokenKind::Punct
                        && opens_sentence(text, next))
            }
        },
        Terminal::Dot | Terminal::QuestionOrExclamation | Terminal::Ellipsis => {
            if !next.space_before() {
                if closers.any {
                    let ch = first_char(text, next);
                    return (matches!(next.kind, TokenKind::Word | TokenKind::Number)
                        && ch.is_uppercase())
                        || (next.is_quote() && is_opening_quote_glyph(ch));
                }
                // A missing space: `end.Next`, `said.“Yes`.
                if term == Terminal::Ellipsis
                    || i == start
                    || t.space_before()
                    || tokens[i - 1].kind != TokenKind::Word
                    || !char_count_exceeds_one(tokens[i - 1].text(text))
                {
                    return false;
                }
                return match next.kind {
                    TokenKind::Word => {
                        first_char(text, next).is_uppercase()
                            && char_count_exceeds_one(next.text(text))
                    }
                    TokenKind::Punct => {
                        next.is_quote() && is_opening_quote_glyph(first_char(text, next))
                    }
                    _ => false,
                };
            }
            if !opens_sentence(text, next) {
                return false;
            }
            if term == Terminal::QuestionOrExclamation
                && closers.quote
                && attribution_follows(text, tokens, j, start + MAX_SENTENCE_TOKENS)
            {
                return false;
            }
            // A list number at the start of a block or sentence: `1. The first point`.
            if term == Terminal::Dot
                && i == start + 1
                && tokens[start].kind == TokenKind::Number
                && tokens[start].span.len() <= 2
                && !closers.any
            {
                return false;
            }
            true
        }
    }
}

/// Whether a line break between `prev` and `next` ends a sentence: `next` opens one and
/// the line before does not run on into it.
fn line_break_ends(text: &str, prev: &Token, next: &Token) -> bool {
    if !opens_sentence(text, next) {
        return false;
    }
    let s = prev.text(text);
    match prev.kind {
        TokenKind::Punct => {
            !(matches!(
                first_char(text, prev),
                ',' | ';' | ':' | '-' | '/' | '\u{2013}' | '\u{2014}'
            ) || is_opening_bracket(first_char(text, prev))
                || is_opening_quote_glyph(first_char(text, prev)))
        }
        TokenKind::Word if prev.is_abbreviation() => !matches!(
            abbrev::class_of_token(s),
            AbbrevClass::Title | AbbrevClass::Never | AbbrevClass::BeforeNumber
        ),
        TokenKind::Word => !matches!(
            s,
            "and"
                | "or"
                | "but"
                | "nor"
                | "of"
                | "the"
                | "a"
                | "an"
                | "to"
                | "in"
                | "on"
                | "at"
                | "by"
                | "for"
                | "from"
                | "with"
                | "as"
                | "that"
                | "than"
        ),
        TokenKind::Number => true,
        TokenKind::Symbol => !matches!(s, "&" | "+"),
    }
}

fn char_count_exceeds_one(s: &str) -> bool {
    s.chars().nth(1).is_some()
}

/// Whether `t` (after a terminal and a space) can open a sentence: a capitalised or
/// uncased word, a number, an opening quote or bracket, or a symbol (`£5m…`, an emoji).
fn opens_sentence(text: &str, t: &Token) -> bool {
    let s = t.text(text);
    let mut chars = s.chars();
    let ch = chars.next().unwrap_or(' ');
    match t.kind {
        TokenKind::Word | TokenKind::Number => {
            if ch.is_uppercase() || ch.is_numeric() || matches!(ch, '@' | '#') {
                return true;
            }
            if ch.is_lowercase() {
                // `iPhone`, `eBay`.
                return chars.next().is_some_and(char::is_uppercase);
            }
            if ch.is_alphabetic() {
                // Scripts without case (CJK, Arabic, Hebrew…).
                return true;
            }
            // A leading apostrophe (`'90s`).
            chars
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        }
        TokenKind::Punct => {
            (t.is_quote() && !t.space_after())
                || is_opening_bracket(ch)
                || is_opening_quote_glyph(ch)
                || matches!(ch, '\u{BF}' | '\u{A1}' | '\u{2022}')
        }
        TokenKind::Symbol => ch != '%',
    }
}

/// After a quoted question or exclamation: a capitalised name (up to four words) or a
/// subject pronoun, then a reporting verb (`“Why?” Biden asked.`, `“No!” Mr Smith
/// said.`): the sentence goes on.
fn attribution_follows(text: &str, tokens: &[Token], j: usize, limit: usize) -> bool {
    let limit = limit.min(tokens.len());
    let word = |k: usize| -> Option<&str> {
        (k < limit && tokens[k].kind == TokenKind::Word).then(|| tokens[k].text(text))
    };
    let Some(first) = word(j) else { return false };
    if abbrev::is_subject_pronoun(first) {
        return word(j + 1).is_some_and(abbrev::is_reporting_verb);
    }
    let mut k = j;
    while k < j + 4 && word(k).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        k += 1;
    }
    k > j && word(k).is_some_and(abbrev::is_reporting_verb)
}
