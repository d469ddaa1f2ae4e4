//! The tokenizer: one left-to-right pass over a block's bytes. ASCII bytes are classified
//! through a lookup table; other characters are decoded one at a time. Every decision
//! looks at most a few characters ahead, and every byte is scanned a bounded number of
//! times, so the pass is linear whatever the input.

use super::abbrev::{self, AbbrevClass};
use super::chars::*;
use super::{Token, TokenFlags as F, TokenKind};
use crate::Span;

/// Tokenizes `text[block]` and appends the tokens to `out`.
pub(super) fn tokenize(text: &str, block: Span, out: &mut Vec<Token>) {
    let mut t = Tokenizer {
        text,
        b: &text.as_bytes()[..block.end],
        end: block.end,
        first: out.len(),
        out,
        pending: F::SPACE_BEFORE,
    };
    t.run(block.start);
}

struct Tokenizer<'t, 'o> {
    text: &'t str,
    /// The text's bytes up to the end of the block.
    b: &'t [u8],
    /// End of the block (`b.len()`).
    end: usize,
    /// Index in `out` of the block's first token.
    first: usize,
    out: &'o mut Vec<Token>,
    /// The flags the next token gets from what precedes it: [`F::SPACE_BEFORE`] after a
    /// separator or at the block start, with [`F::NEWLINE_BEFORE`] after a line break.
    pending: F,
}

/// A scanned word, possibly followed by a clitic that was split off it.
struct WordScan {
    end: usize,
    /// End of the clitic (`’s`, `n't`…) that starts at `end`.
    clitic_end: Option<usize>,
    /// The word has internal dots and every dot-separated part is one or two letters
    /// (`U.S`, `e.g`, `Ph.D`): a following dot is part of the abbreviation.
    dotted: bool,
}

impl Tokenizer<'_, '_> {
    fn run(&mut self, mut i: usize) {
        let b = self.b;
        while let Some(&c) = b.get(i) {
            let class = ASCII[c as usize];
            if class & WS != 0 {
                self.mark_space();
                if matches!(c, b'\n' | b'\r' | 0x0B | 0x0C) {
                    self.pending |= F::NEWLINE_BEFORE;
                }
                i += 1;
            } else if class & ALNUM != 0 {
                i = self.plain_words(i, c);
            } else if c < 0x80 {
                i = self.ascii_other(i, c);
            } else {
                let ch = char_at(self.text, i);
                if is_separator(ch) {
                    self.mark_space();
                    if matches!(ch, '\u{85}' | '\u{2028}' | '\u{2029}') {
                        self.pending |= F::NEWLINE_BEFORE;
                    }
                    i += ch.len_utf8();
                } else {
                    i = self.non_ascii(i, ch);
                }
            }
        }
        self.mark_space();
    }

    /// The fast path for the commonest tokens: ASCII letters or digits ended by a space or
    /// by punctuation that cannot join or abbreviate them, and the single spaces between
    /// them. Anything else goes to [`Tokenizer::word`] or back to [`Tokenizer::run`].
    #[inline(always)]
    fn plain_words(&mut self, mut i: usize, mut first: u8) -> usize {
        let b = self.b;
        loop {
            let e = i + 1 + alnum_run(b.get(i + 1..).unwrap_or_default());
            let Some(&stop) = b.get(e) else {
                return self.push(i, e, kind_of(first), F::NONE);
            };
            if stop == b' ' {
                self.push(i, e, kind_of(first), F::SPACE_AFTER);
                self.pending = F::SPACE_BEFORE;
                i = e + 1;
                match b.get(i) {
                    Some(&c) if ASCII[c as usize] & ALNUM != 0 => {
                        first = c;
                        continue;
                    }
                    _ => return i,
                }
            }
            let plain = ASCII[stop as usize] & WORD_JOIN == 0
                || matches!(stop, b',' | b'/') && !b[e - 1].is_ascii_digit()
                || stop == b':' && !b[e - 1].is_ascii_digit() && !is_url_scheme(&b[i..e]);
            if plain {
                return self.push(i, e, kind_of(first), F::NONE);
            }
            // A dot that cannot join the word to what follows: the word ends here and
            // keeps the dot if it is an abbreviation.
            if stop == b'.'
                && b.get(e + 1).is_none_or(|&c| match c {
                    0x80.. => !is_word_start(char_at(self.text, e + 1)),
                    _ => ASCII[c as usize] & (ALNUM | WORD_JOIN) == 0,
                })
            {
                return if self.takes_dot(i, e, false) {
                    self.push(i, e + 1, kind_of(first), F::ABBREVIATION)
                } else {
                    self.push(i, e, kind_of(first), F::NONE)
                };
            }
            return self.word(i, i);
        }
    }

    /// Whether a separator (or the block start) came after the last token.
    #[inline(always)]
    fn space(&self) -> bool {
        self.pending != F::NONE
    }

    #[inline(always)]
    fn mark_space(&mut self) {
        if !self.space() {
            if self.out.len() > self.first
                && let Some(last) = self.out.last_mut()
            {
                last.flags |= F::SPACE_AFTER;
            }
            self.pending = F::SPACE_BEFORE;
        }
    }

    #[inline(always)]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind, flags: F) -> usize {
        self.out.push(Token {
            span: Span::new(start, end),
            kind,
            flags: flags | self.pending,
        });
        self.pending = F::NONE;
        end
    }

    /// The last token of this block, when it ends right at `i` (no separator between).
    fn attached(&self, i: usize) -> Option<&Token> {
        if self.space() || self.out.len() <= self.first {
            return None;
        }
        self.out.last().filter(|t| t.span.end == i)
    }

    fn word_char_at(&self, p: usize) -> bool {
        word_char_at(self.text, p, self.end)
    }

    fn digit_at(&self, p: usize) -> bool {
        p < self.end && self.b[p].is_ascii_digit()
    }

    /// A word or number whose token starts at `tok` and whose letters or digits start at
    /// `scan` (after a sign or a leading decimal point).
    fn word(&mut self, tok: usize, scan: usize) -> usize {
        if tok == scan
            && matches!(self.b[tok] | 0x20, b'h' | b'w' | b'f')
            && let Some(e) = self.url_end(tok)
        {
            return self.push(tok, e, TokenKind::Word, F::LINK);
        }
        let w = scan_word(self.text, scan, self.end);
        let mut end = w.end;
        let mut flags = F::NONE;
        if w.clitic_end.is_none() && self.takes_dot(scan, end, w.dotted) {
            end += 1;
            flags = F::ABBREVIATION;
        }
        let numeric = match self.b[scan] {
            c if c < 0x80 => c.is_ascii_digit(),
            _ => char_at(self.text, scan).is_numeric(),
        };
        let kind = if numeric || tok != scan {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        self.push(tok, end, kind, flags);
        match w.clitic_end {
            Some(ce) => self.push(w.end, ce, TokenKind::Word, F::CLITIC),
            None => end,
        }
    }

    /// Whether the dot at `dot`, right after the word `text[start..dot]`, belongs to it.
    #[expect(
        clippy::string_slice,
        reason = "`start` is a word's start and `dot` an ASCII `.`"
    )]
    fn takes_dot(&self, start: usize, dot: usize, dotted: bool) -> bool {
        if dot >= self.end || self.b[dot] != b'.' || self.b.get(dot + 1) == Some(&b'.') {
            return false;
        }
        if dotted {
            return true;
        }
        if dot - start > abbrev::MAX_LEN {
            // Longer than any listed abbreviation and than any single letter.
            return false;
        }
        let word = &self.text[start..dot];
        match abbrev::lookup(word) {
            Some(AbbrevClass::BeforeNumber) => return self.number_follows(dot + 1),
            Some(_) => return true,
            None => {}
        }
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_uppercase() => true,
            (Some(c), None) if c.is_lowercase() => self.number_follows(dot + 1),
            _ => false,
        }
    }

    /// A digit at `p`, after at most two spaces.
    fn number_follows(&self, mut p: usize) -> bool {
        for _ in 0..2 {
            if p < self.end && self.b[p] == b' ' {
                p += 1;
            }
        }
        self.digit_at(p)
    }

    /// The end of a URL starting at `i` with a scheme or `www.`, if there is one.
    fn url_end(&self, i: usize) -> Option<usize> {
        let rest = &self.b[i..self.end];
        let prefix = [&b"https://"[..], b"http://", b"ftp://", b"www."]
            .into_iter()
            .find(|p| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p))?
            .len();
        let body = i + prefix;
        if !has(self.b[body], ALNUM) {
            return None;
        }
        let mut e = body;
        while e < self.end {
            let c = self.b[e];
            if c < 0x80 {
                if has(c, WS) || matches!(c, b'"' | b'<' | b'>' | b'`') {
                    break;
                }
                e += 1;
            } else {
                let ch = char_at(self.text, e);
                if !is_word_continue(ch) {
                    break;
                }
                e += ch.len_utf8();
            }
        }
        let url = &self.b[body..e];
        let mut unclosed_parens = url.iter().filter(|&&c| c == b')').count() as isize
            - url.iter().filter(|&&c| c == b'(').count() as isize;
        while e > body {
            match self.b[e - 1] {
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b']' | b'}' => e -= 1,
                b')' if unclosed_parens > 0 => {
                    unclosed_parens -= 1;
                    e -= 1;
                }
                _ => break,
            }
        }
        Some(e)
    }

    fn ascii_other(&mut self, i: usize, c: u8) -> usize {
        use TokenKind::{Punct, Symbol};
        let next = self.b.get(i + 1).copied();
        // The commonest punctuation by far, followed by a space: take both, before the
        // general dispatch (a jump table whose target is hard to predict).
        if (c == b',' || c == b'.') && next == Some(b' ') {
            self.push(i, i + 1, Punct, F::SPACE_AFTER);
            self.pending = F::SPACE_BEFORE;
            return i + 2;
        }
        match c {
            b'.' => {
                if next == Some(b'.') {
                    let e = run_of(self.b, i, self.end, |c| c == b'.');
                    self.push(i, e, Punct, F::NONE)
                } else if self.space() && self.digit_at(i + 1) {
                    self.word(i, i + 1)
                } else {
                    self.push(i, i + 1, Punct, F::NONE)
                }
            }
            b'?' | b'!' => {
                let e = run_of(self.b, i, self.end, |c| c == b'?' || c == b'!');
                self.push(i, e, Punct, F::NONE)
            }
            b'-' | b'+' if self.space() && self.digit_at(i + 1) => self.word(i, i + 1),
            b'-' => {
                let e = run_of(self.b, i, self.end, |c| c == b'-');
                self.push(i, e, Punct, F::NONE)
            }
            b'"' => self.push(i, i + 1, Punct, F::QUOTE),
            b'`' => {
                let e = if next == Some(b'`') { i + 2 } else { i + 1 };
                self.push(i, e, Punct, F::QUOTE)
            }
            b'\'' => self.apostrophe(i, 1),
            b'@' => self.at_sign(i),
            b'#' => self.hashtag(i),
            b',' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'/' | b'\\' => {
                self.push(i, i + 1, Punct, F::NONE)
            }
            _ => {
                let e = self.extends(i + 1);
                self.push(i, e, Symbol, F::NONE)
            }
        }
    }

    fn non_ascii(&mut self, i: usize, ch: char) -> usize {
        use TokenKind::{Punct, Symbol};
        let len = ch.len_utf8();
        if is_word_start(ch) {
            return self.word(i, i);
        }
        match ch {
            '\u{2026}' => {
                // "…" is E2 80 A6: runs of it are one token.
                let mut e = i + len;
                while self.b[e..self.end].starts_with("\u{2026}".as_bytes()) {
                    e += len;
                }
                return self.push(i, e, Punct, F::NONE);
            }
            '\u{2019}' | '\u{2018}' => return self.apostrophe(i, len),
            '\u{2212}' if self.space() && self.digit_at(i + len) => {
                return self.word(i, i + len);
            }
            _ => {}
        }
        if is_quote_char(ch) {
            return self.push(i, i + len, Punct, F::QUOTE);
        }
        if is_punct(ch) {
            return self.push(i, i + len, Punct, F::NONE);
        }
        let mut e = i + len;
        if is_regional_indicator(ch) && e < self.end {
            let c2 = char_at(self.text, e);
            if is_regional_indicator(c2) {
                e += c2.len_utf8();
            }
        }
        let e = self.extends(e);
        self.push(i, e, Symbol, F::NONE)
    }

    /// Extends a symbol token over the combining marks, variation selectors and modifiers
    /// that follow it, and over ZERO WIDTH JOINER and the symbol it joins (emoji
    /// sequences such as 👩‍💻).
    fn extends(&self, mut e: usize) -> usize {
        while e < self.end && self.b[e] >= 0x80 {
            let ch = char_at(self.text, e);
            if !is_extend(ch) {
                break;
            }
            e += ch.len_utf8();
            if ch == '\u{200D}' && e < self.end && self.b[e] >= 0x80 {
                let joined = char_at(self.text, e);
                if !is_word_continue(joined)
                    && !is_separator(joined)
                    && !is_punct(joined)
                    && !is_quote_char(joined)
                {
                    e += joined.len_utf8();
                }
            }
        }
        e
    }

    /// An apostrophe or single quote (`'`, `’`, `‘`, `alen` bytes) at a token start.
    #[expect(
        clippy::string_slice,
        reason = "`i` indexes the apostrophe mark the scanner stopped at"
    )]
    fn apostrophe(&mut self, i: usize, alen: usize) -> usize {
        use TokenKind::{Number, Punct, Word};
        let a = i + alen;
        let attached_word = self
            .attached(i)
            .is_some_and(|t| matches!(t.kind, Word | Number));
        if attached_word {
            // The word scanner stops here only when no letter follows (a closing quote or
            // a possessive after `s`) or after an abbreviation (`U.S.'s`).
            if let Some(ce) = clitic_end(self.text, a, self.end) {
                return self.push(i, ce, Word, F::CLITIC);
            }
            let mut flags = F::QUOTE;
            if matches!(self.b[i - 1], b's' | b'S') && !self.text[i..].starts_with('\u{2018}') {
                flags |= F::CLITIC;
            }
            return self.push(i, a, Punct, flags);
        }
        // `’n’` as in `rock ’n’ roll`.
        if a < self.end && matches!(self.b[a], b'n' | b'N') {
            let l2 = apostrophe_len_at(self.text, a + 1, self.end);
            if l2 > 0 && !self.word_char_at(a + 1 + l2) {
                return self.push(i, a + 1 + l2, Word, F::NONE);
            }
        }
        // `'90s`.
        if self.digit_at(a)
            && self.digit_at(a + 1)
            && a + 2 < self.end
            && self.b[a + 2] == b's'
            && !self.word_char_at(a + 3)
        {
            return self.push(i, a + 3, Number, F::NONE);
        }
        // PTB's closing `''`.
        if alen == 1 && a < self.end && self.b[a] == b'\'' {
            return self.push(i, a + 1, Punct, F::QUOTE);
        }
        self.push(i, a, Punct, F::QUOTE)
    }

    /// `@`: an e-mail address (its local part already tokenized just before it), a
    /// handle, or a symbol.
    fn at_sign(&mut self, i: usize) -> usize {
        if self.attached(i).is_some()
            && let Some(domain_end) = self.domain_end(i + 1)
        {
            // Take back the attached tokens that form the local part.
            let mut start = i;
            let mut before = F::NONE;
            while self.out.len() > self.first {
                let Some(&t) = self.out.last() else { break };
                if t.span.end != start
                    || !self.b[t.span.start..t.span.end]
                        .iter()
                        .all(|&c| has(c, EMAIL_LOCAL))
                {
                    break;
                }
                self.out.pop();
                start = t.span.start;
                before = F(t.flags.0 & (F::SPACE_BEFORE.0 | F::NEWLINE_BEFORE.0));
                if t.space_before() {
                    break;
                }
            }
            if start < i {
                self.pending = before;
                return self.push(start, domain_end, TokenKind::Word, F::LINK);
            }
        }
        let handle_end = run_of(self.b, i + 1, self.end, |c| has(c, HANDLE));
        if handle_end > i + 1 && self.attached(i).is_none() {
            return self.push(i, handle_end, TokenKind::Word, F::LINK);
        }
        self.push(i, i + 1, TokenKind::Symbol, F::NONE)
    }

    /// The end of a domain name (`bbc.co.uk`) starting at `p`: at least two labels, the
    /// last one of letters.
    fn domain_end(&self, p: usize) -> Option<usize> {
        if p >= self.end || !has(self.b[p], ALNUM) {
            return None;
        }
        let mut e = run_of(self.b, p, self.end, |c| has(c, DOMAIN));
        while e > p && matches!(self.b[e - 1], b'.' | b'-') {
            e -= 1;
        }
        let domain = &self.b[p..e];
        let dot = domain.iter().rposition(|&c| c == b'.')?;
        let tld = &domain[dot + 1..];
        (tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)).then_some(e)
    }

    /// `#`: a hashtag when letters follow, else a symbol.
    fn hashtag(&mut self, i: usize) -> usize {
        let mut e = i + 1;
        let mut letter = false;
        while e < self.end {
            let c = self.b[e];
            if c < 0x80 {
                if !has(c, HANDLE) {
                    break;
                }
                letter |= has(c, ALPHA);
                e += 1;
            } else {
                let ch = char_at(self.text, e);
                if !is_word_continue(ch) {
                    break;
                }
                letter |= ch.is_alphabetic();
                e += ch.len_utf8();
            }
        }
        if letter {
            self.push(i, e, TokenKind::Word, F::LINK)
        } else {
            let e = self.extends(i + 1);
            self.push(i, e, TokenKind::Symbol, F::NONE)
        }
    }
}

/// `http`, `https` or `ftp`, in any case.
fn is_url_scheme(word: &[u8]) -> bool {
    [&b"http"[..], b"https", b"ftp"]
        .iter()
        .any(|s| word.eq_ignore_ascii_case(s))
}

#[inline(always)]
fn kind_of(first: u8) -> TokenKind {
    if first.is_ascii_digit() {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// End of the run of bytes from `i` (exclusive bound `end`) that satisfy `f`.
#[inline]
fn run_of(b: &[u8], mut i: usize, end: usize, f: impl Fn(u8) -> bool) -> usize {
    while i < end && f(b[i]) {
        i += 1;
    }
    i
}

/// Whether a word character starts at byte `p` (< `end`).
#[inline]
fn word_char_at(text: &str, p: usize, end: usize) -> bool {
    if p >= end {
        return false;
    }
    let c = text.as_bytes()[p];
    if c < 0x80 {
        has(c, ALNUM)
    } else {
        is_word_continue(char_at(text, p))
    }
}

/// Whether a letter starts at byte `p` (< `end`).
#[inline]
fn letter_at(text: &str, p: usize, end: usize) -> bool {
    if p >= end {
        return false;
    }
    let c = text.as_bytes()[p];
    if c < 0x80 {
        has(c, ALPHA)
    } else {
        char_at(text, p).is_alphabetic()
    }
}

/// Byte length of an apostrophe (`'`, `’`, `‘`) at `p`, or 0.
#[inline]
fn apostrophe_len_at(text: &str, p: usize, end: usize) -> usize {
    if p >= end {
        return 0;
    }
    match text.as_bytes()[p] {
        b'\'' => 1,
        0xE2 if is_apostrophe(char_at(text, p)) => 3,
        _ => 0,
    }
}

/// When the letters at `a` (just after an apostrophe) form a clitic (`s`, `m`, `d`, `ll`,
/// `re`, `ve`) ending the word, the clitic's end.
#[inline]
fn clitic_end(text: &str, a: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    let r = run_of(b, a, end.min(a + 3), |c| c.is_ascii_alphabetic());
    if r == a || word_char_at(text, r, end) {
        return None;
    }
    let mut buf = [0u8; 2];
    let part = &b[a..r];
    if part.len() > 2 {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(part) {
        *d = s.to_ascii_lowercase();
    }
    matches!(
        &buf[..part.len()],
        b"s" | b"m" | b"d" | b"ll" | b"re" | b"ve"
    )
    .then_some(r)
}

/// Whether `seg` (one dot-separated part of a word) is one or two letters.
#[inline]
fn short_alpha(seg: &str) -> bool {
    if seg.is_empty() || seg.len() > 8 {
        return false;
    }
    let mut n = 0;
    for c in seg.chars() {
        if !c.is_alphabetic() {
            return false;
        }
        n += 1;
    }
    n <= 2
}

/// Scans a word from `start` (a word character): letters and digits of any script,
/// joined by hyphens (`Biden-Putin`), underscores, apostrophes followed by letters
/// (`O’Brien`), dots (`U.S`, `3.5`, `bbc.co.uk`, but not `end.Next`), thousands commas
/// (`1,000`), colons and slashes between digits (`10:30`, `24/7`) and `&` between
/// capitals (`AT&T`). Stops before a clitic and reports it.
#[expect(
    clippy::string_slice,
    reason = "`seg_start` and `i` move by ASCII bytes and whole characters"
)]
fn scan_word(text: &str, start: usize, end: usize) -> WordScan {
    let b = text.as_bytes();
    let mut i = start;
    let mut seg_start = start;
    let mut dots = false;
    let mut short_segs = true;
    // The separator before the current group of characters (for thousands groups).
    let mut last_sep = 0u8;
    loop {
        while i < end && has(b[i], ALNUM) {
            i += 1;
        }
        if i >= end {
            break;
        }
        let c = b[i];
        if c >= 0x80 {
            let ch = char_at(text, i);
            let len = ch.len_utf8();
            if is_word_continue(ch) {
                i += len;
                continue;
            }
            if is_apostrophe(ch) {
                match apostrophe_in_word(text, start, i, len, end) {
                    InWord::Continue => {
                        i += len;
                        last_sep = b'\'';
                        continue;
                    }
                    InWord::Clitic(word_end, clitic_end) => {
                        return WordScan {
                            end: word_end,
                            clitic_end: Some(clitic_end),
                            dotted: false,
                        };
                    }
                    InWord::Stop => break,
                }
            }
            if is_joining_hyphen(ch) && word_char_at(text, i + len, end) {
                i += len;
                last_sep = b'-';
                continue;
            }
            break;
        }
        let prev = b[i - 1];
        let next = b
            .get(i + 1)
            .copied()
            .filter(|_| i + 1 < end)
            .unwrap_or(b' ');
        match c {
            b'-' | b'_' if word_char_at(text, i + 1, end) => {
                i += 1;
                last_sep = c;
            }
            b'.' => {
                // Decimal point, acronym (`U.S`), domain or file name (`bbc.co.uk`); not a
                // sentence end with a missing space (`end.Next`) or `No.1`.
                let go_on = if next.is_ascii_digit() {
                    prev.is_ascii_digit()
                } else if next < 0x80 {
                    if next.is_ascii_uppercase() {
                        !word_char_at(text, i + 2, end)
                    } else {
                        next.is_ascii_lowercase()
                    }
                } else {
                    let ch = char_at(text, i + 1);
                    if ch.is_uppercase() {
                        !word_char_at(text, i + 1 + ch.len_utf8(), end)
                    } else {
                        is_word_start(ch)
                    }
                };
                if !go_on {
                    break;
                }
                short_segs &= short_alpha(&text[seg_start..i]);
                dots = true;
                i += 1;
                seg_start = i;
                last_sep = b'.';
            }
            b',' if prev.is_ascii_digit()
                && (last_sep == b','
                    || (last_sep == 0
                        && i - start <= 3
                        && b[start..i].iter().all(u8::is_ascii_digit)))
                && (1..=3).all(|k| i + k < end && b[i + k].is_ascii_digit())
                && !(i + 4 < end && b[i + 4].is_ascii_digit()) =>
            {
                i += 1;
                last_sep = b',';
            }
            b':' | b'/' if prev.is_ascii_digit() && next.is_ascii_digit() => {
                i += 1;
                last_sep = c;
            }
            b'&' if prev.is_ascii_uppercase() && next.is_ascii_uppercase() => {
                i += 1;
                last_sep = c;
            }
            b'\'' => match apostrophe_in_word(text, start, i, 1, end) {
                InWord::Continue => {
                    i += 1;
                    last_sep = b'\'';
                }
                InWord::Clitic(word_end, clitic_end) => {
                    return WordScan {
                        end: word_end,
                        clitic_end: Some(clitic_end),
                        dotted: false,
                    };
                }
                InWord::Stop => break,
            },
            _ => break,
        }
    }
    let dotted = dots && short_segs && short_alpha(&text[seg_start..i]);
    WordScan {
        end: i,
        clitic_end: None,
        dotted,
    }
}

enum InWord {
    /// The apostrophe is inside the word (`O’Brien`).
    Continue,
    /// The word ends at `.0` and a clitic runs from there to `.1` (`do|n't`, `Russia|’s`).
    Clitic(usize, usize),
    /// The word ends before the apostrophe.
    Stop,
}

/// What an apostrophe at `i` (`alen` bytes) inside the word starting at `start` does.
fn apostrophe_in_word(text: &str, start: usize, i: usize, alen: usize, end: usize) -> InWord {
    let b = text.as_bytes();
    let a = i + alen;
    if !letter_at(text, a, end) {
        return InWord::Stop;
    }
    // `n't`: the clitic takes the `n` (`do` `n't`, `ca` `n't`).
    if i - 1 > start
        && matches!(b[i - 1], b'n' | b'N')
        && matches!(b[a], b't' | b'T')
        && !word_char_at(text, a + 1, end)
    {
        return InWord::Clitic(i - 1, a + 1);
    }
    match clitic_end(text, a, end) {
        Some(ce) => InWord::Clitic(i, ce),
        None => InWord::Continue,
    }
}
