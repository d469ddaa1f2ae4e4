//! The quote stage's view of a document: tokens with their lexicon entries, the quoted
//! region each lies in, and "units": sentences whose boundaries inside a quotation are
//! ignored, so that a direct quotation and its attribution are read together.
//!
//! Tokens come from the segmenter. Any that still carry punctuation or quotation marks at
//! their edges (a whitespace tokenizer leaves `“great` and `powers,”`) are split further, so
//! the stage reads the same tokens whatever the segmenter does; for a segmenter that already
//! splits punctuation this is a no-op. One pass, one allocation per document.

use std::ops::Range;

use super::lexicon::{Form, Lexicon, WordEntry, class};
use super::marks::{self, Mark, Region, Role};
use crate::Span;
use crate::segment::Segmentation;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    Word,
    Number,
    Punct,
    /// A quotation-mark character (see [`Tok::mark`] for what it turned out to be).
    Mark,
    Symbol,
}

pub(crate) const CAP: u8 = 1;
pub(crate) const SENT_START: u8 = 1 << 1;
/// A word ending in `’s`/`'s`.
pub(crate) const POSSESSIVE: u8 = 1 << 2;
pub(crate) const PARA_START: u8 = 1 << 3;
/// Every letter upper case ("NATO", "US").
pub(crate) const ALL_CAPS: u8 = 1 << 4;

pub(crate) const NO_REGION: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub span: Span,
    pub shape: Shape,
    /// First character.
    pub ch: char,
    pub flags: u8,
    /// For quotation marks, their role.
    pub mark: Option<Role>,
    pub entry: Option<&'static WordEntry>,
    pub para: u32,
    /// Index of the outermost quoted region holding the token (marks included), or
    /// [`NO_REGION`].
    pub region: u32,
}

impl Tok {
    pub fn is(&self, c: u32) -> bool {
        self.entry.is_some_and(|e| e.class & c != 0)
    }
    pub fn cap(&self) -> bool {
        self.flags & CAP != 0
    }
    pub fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.shape == Shape::Punct && self.ch == c
    }
    pub fn in_region(&self) -> bool {
        self.region != NO_REGION
    }
    pub fn is_word(&self) -> bool {
        self.shape == Shape::Word
    }
}

/// A quoted region with its token range.
#[derive(Clone, Copy, Debug)]
pub(crate) struct QRegion {
    pub region: Region,
    /// Tokens from the opening mark (or the first quoted token) to the closing mark (or
    /// the last quoted token), inclusive of the marks.
    pub toks: (usize, usize),
}

#[derive(Debug)]
pub(crate) struct View<'t> {
    pub text: &'t str,
    pub toks: Vec<Tok>,
    /// Outermost quoted regions (depth 0), ordered.
    pub regions: Vec<QRegion>,
    /// Units: token ranges, ordered, covering every token.
    pub units: Vec<Range<usize>>,
    /// Unit index of each token.
    pub unit_of: Vec<u32>,
    pub repairs: marks::Repairs,
}

impl<'t> View<'t> {
    pub fn build(text: &'t str, paras: &[Span], seg: &Segmentation) -> View<'t> {
        let lex = Lexicon::get();
        let paras = split_paragraphs(text, paras);
        let found = marks::find(text, &paras);
        let mut toks: Vec<Tok> = Vec::with_capacity(seg.tokens.len() + seg.tokens.len() / 4);
        let mut mark_at = 0usize;
        for sent in &seg.sentences {
            let mut first = true;
            for t in seg.tokens.get(sent.tokens.clone()).unwrap_or_default() {
                // A clitic split off its word ("Russia" + "’s", "did" + "n't") joins it
                // again: the stage reads "Russia’s" as one possessive word.
                // After a pronoun, "’s" is "is" or "has" ("He’s claiming that …"): it stays
                // a token of its own, an auxiliary, and the pronoun stays a subject.
                if t.is_clitic() && !t.is_quote() && pronoun_is(text, &toks, t.span) {
                    if let Some(prev) = toks.last().copied() {
                        toks.push(Tok {
                            span: t.span,
                            flags: 0,
                            entry: lex.word("is"),
                            ..prev
                        });
                        continue;
                    }
                }
                if t.is_clitic() && !t.is_quote() && !t.space_before() {
                    if let Some(prev) = toks.last_mut() {
                        if prev.shape == Shape::Word && prev.span.end == t.span.start {
                            prev.span.end = t.span.end;
                            let word = prev.span.slice(text);
                            let clitic = t.span.slice(text);
                            if clitic.eq_ignore_ascii_case("’s")
                                || clitic.eq_ignore_ascii_case("'s")
                            {
                                prev.flags |= POSSESSIVE;
                            } else if let Some(e) = lex.word(word) {
                                prev.entry = Some(e);
                            }
                            continue;
                        }
                    }
                }
                // Set below, by position.
                let para = 0;
                let before = toks.len();
                split_token(
                    text,
                    t.span,
                    para,
                    &found.marks,
                    &mut mark_at,
                    lex,
                    &mut toks,
                );
                if first && toks.len() > before {
                    toks[before].flags |= SENT_START;
                    first = false;
                }
            }
        }
        // Paragraphs by position (a segmenter token can straddle a line break).
        let mut pi = 0usize;
        for t in &mut toks {
            while pi + 1 < paras.len() && paras[pi].end <= t.span.start {
                pi += 1;
            }
            t.para = pi as u32;
        }
        let mut last_para = u32::MAX;
        for t in &mut toks {
            if t.para != last_para {
                t.flags |= PARA_START | SENT_START;
                last_para = t.para;
            }
        }
        mark_sentence_starts(&mut toks);
        let regions = assign_regions(&found.regions, &mut toks);
        let units = make_units(&toks, &regions);
        let mut unit_of = vec![0u32; toks.len()];
        for (u, r) in units.iter().enumerate() {
            for x in &mut unit_of[r.clone()] {
                *x = u as u32;
            }
        }
        View {
            text,
            toks,
            regions,
            units,
            unit_of,
            repairs: found.repairs,
        }
    }

    pub fn tok_text(&self, i: usize) -> &'t str {
        self.toks[i].span.slice(self.text)
    }

    /// The outermost region whose opening mark is token `i`. An opening mark inside
    /// another quotation, or one left without a region by a repair, opens none.
    pub fn opened_region(&self, i: usize) -> Option<usize> {
        let t = self.toks.get(i)?;
        let ri = t.region as usize;
        (t.mark == Some(Role::Open) && t.in_region() && self.regions.get(ri)?.toks.0 == i)
            .then_some(ri)
    }

    /// Case-insensitive comparison of token `i` with an ASCII lower-case word.
    pub fn is_word(&self, i: usize, lower: &str) -> bool {
        i < self.toks.len() && self.tok_text(i).eq_ignore_ascii_case(lower)
    }

    /// The byte span from token `a` to token `b` inclusive.
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b].span.end)
    }
}

/// The paragraphs the stage reads: the cleaner's blocks, further split at line breaks that
/// end a sentence or a quotation (a block whose paragraphs are separated by single
/// newlines), but not at the line breaks of hard-wrapped prose.
#[expect(
    clippy::string_slice,
    reason = "`at` indexes an ASCII newline inside a block whose bounds are char boundaries"
)]
fn split_paragraphs(text: &str, blocks: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let s = b.slice(text);
        let mut start = b.start;
        for (i, _) in s.match_indices('\n') {
            let at = b.start + i;
            let before = text[start..at].trim_end().chars().next_back();
            let after = text[at + 1..b.end].trim_start().chars().next();
            let ends = before.is_some_and(|c| {
                matches!(c, '.' | '?' | '!' | ':' | ')' | '…') || marks::is_mark(c)
            }) || after.is_some_and(marks::is_mark)
                || before.is_none();
            if ends {
                if !text[start..at].trim().is_empty() {
                    out.push(Span::new(start, at));
                }
                start = at + 1;
            }
        }
        if !text[start..b.end].trim().is_empty() || start == b.start {
            out.push(Span::new(start, b.end));
        }
    }
    out
}

/// Whether the clitic at `clitic` is the "’s" of "he’s", "it’s", "that’s" (is / has) right
/// after the last token: a contraction, not a possessive.
fn pronoun_is(text: &str, toks: &[Tok], clitic: Span) -> bool {
    let Some(prev) = toks.last() else {
        return false;
    };
    let c = clitic.slice(text);
    if prev.span.end != clitic.start
        || !(c.eq_ignore_ascii_case("’s") || c.eq_ignore_ascii_case("'s"))
    {
        return false;
    }
    let word = prev.span.slice(text);
    prev.is(class::PRON) && !prev.is(class::POSS)
        || ["that", "there", "here", "what", "who", "where"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
}

/// Splits one segmenter token into the stage's tokens.
#[expect(
    clippy::string_slice,
    reason = "`i` and `j` move by ASCII bytes and whole characters from the token's start"
)]
fn split_token(
    text: &str,
    span: Span,
    para: u32,
    marks: &[Mark],
    mark_at: &mut usize,
    lex: &'static Lexicon,
    out: &mut Vec<Tok>,
) {
    let s = span.slice(text);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let b = bytes[i];
        if b == b' ' || b == b'\n' || b == b'\t' || b == b'\r' {
            i += 1;
            continue;
        }
        let c = if b.is_ascii() {
            b as char
        } else {
            s.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ')
        };
        let clen = c.len_utf8();
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        let start = i;
        let shape;
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut j = i + clen;
            while j < s.len() {
                if bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                    continue;
                }
                let d = s.get(j..).and_then(|r| r.chars().next()).unwrap_or(' ');
                let dlen = d.len_utf8();
                if d.is_alphanumeric() {
                    j += dlen;
                    continue;
                }
                let joins = match d {
                    '\'' | '\u{2019}' | '\u{2018}' | '-' | '\u{2010}' | '&' | '_' | '.' => true,
                    ',' | ':' => numeric,
                    _ => false,
                };
                let next_alnum = s
                    .get(j + dlen..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphanumeric);
                if joins && next_alnum {
                    j += dlen;
                } else {
                    break;
                }
            }
            // A period ends an abbreviation or an initial, not the sentence.
            if j < s.len() && bytes[j] == b'.' {
                let word = &s[i..j];
                let abbrev = word.contains('.')
                    || (word.chars().count() == 1 && word.starts_with(char::is_uppercase))
                    || {
                        let mut buf = [0u8; 32];
                        let n = word.len();
                        n < 31 && {
                            buf[..n].copy_from_slice(word.as_bytes());
                            buf[n] = b'.';
                            std::str::from_utf8(&buf[..=n])
                                .ok()
                                .and_then(|w| lex.word(w))
                                .is_some_and(|e| e.class & class::ABBREV != 0)
                        }
                    };
                if abbrev {
                    j += 1;
                }
            }
            i = j;
            shape = if numeric { Shape::Number } else { Shape::Word };
        } else {
            i += clen;
            // A two-character mark ('' typed for a double quotation mark) is one token.
            if c == '\'' && i < s.len() && bytes[i] == b'\'' {
                let at = span.start + start;
                if marks
                    .get(*mark_at..)
                    .and_then(|ms| ms.iter().find(|m| m.span.start >= at))
                    .is_some_and(|m| m.span.start == at && m.span.len() == 2)
                {
                    i += 1;
                }
            }
            shape = if marks::is_mark(c) {
                Shape::Mark
            } else if c.is_ascii_punctuation()
                || matches!(
                    c,
                    '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2026}' | '\u{00B7}' | '\u{2022}'
                )
            {
                Shape::Punct
            } else {
                Shape::Symbol
            };
        }
        let tspan = Span::new(span.start + start, span.start + i);
        let word = &s[start..i];
        let mut flags = 0;
        let mut entry = None;
        let mut mark = None;
        match shape {
            Shape::Word => {
                if c.is_uppercase() {
                    flags |= CAP;
                    if word
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
                        && word.len() > 1
                    {
                        flags |= ALL_CAPS;
                    }
                }
                if word.ends_with("’s") || word.ends_with("'s") || word.ends_with("’S") {
                    flags |= POSSESSIVE;
                }
                entry = lex.word(word);
                if entry.is_none() && flags & POSSESSIVE != 0 {
                    let base = word
                        .strip_suffix("’s")
                        .or_else(|| word.strip_suffix("'s"))
                        .or_else(|| word.strip_suffix("’S"));
                    entry = base.and_then(|b| lex.word(b));
                }
            }
            Shape::Mark => {
                while *mark_at < marks.len() && marks[*mark_at].span.start < tspan.start {
                    *mark_at += 1;
                }
                mark = marks
                    .get(*mark_at)
                    .filter(|m| m.span.start == tspan.start)
                    .map(|m| m.role);
            }
            _ => {}
        }
        out.push(Tok {
            span: tspan,
            shape,
            ch: c,
            flags,
            mark,
            entry,
            para,
            region: NO_REGION,
        });
    }
}

/// Adds sentence starts after `.`, `?`, `!` and `…` (and any closing marks or brackets after
/// them) when the next token looks like a sentence's first.
fn mark_sentence_starts(toks: &mut [Tok]) {
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let ends = t.shape == Shape::Punct && matches!(t.ch, '.' | '?' | '!' | '\u{2026}');
        if !ends {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len()
            && toks[j].para == t.para
            && (toks[j].mark == Some(Role::Close)
                || toks[j].shape == Shape::Punct && matches!(toks[j].ch, ')' | ']' | '.'))
        {
            j += 1;
        }
        if j < toks.len() && toks[j].para == t.para {
            let n = &toks[j];
            let starts = n.cap()
                || n.shape == Shape::Number
                || n.mark == Some(Role::Open)
                || n.shape == Shape::Punct && matches!(n.ch, '(' | '[');
            if starts {
                toks[j].flags |= SENT_START;
            }
        }
        i = j.max(i + 1);
    }
}

/// Records each token's outermost region; returns the outermost regions with token ranges.
fn assign_regions(regions: &[Region], toks: &mut [Tok]) -> Vec<QRegion> {
    let mut out = Vec::new();
    let mut ti = 0;
    let mut last_end = 0usize;
    for r in regions {
        if r.depth > 0 {
            continue;
        }
        let outer = r.outer();
        if outer.start < last_end {
            continue; // overlapping repairs: keep the first
        }
        while ti < toks.len() && toks[ti].span.end <= outer.start {
            ti += 1;
        }
        let first = ti;
        let mut last = None;
        let idx = out.len() as u32;
        let mut k = ti;
        while k < toks.len() && toks[k].span.start < outer.end {
            toks[k].region = idx;
            last = Some(k);
            k += 1;
        }
        if let Some(last) = last {
            out.push(QRegion {
                region: *r,
                toks: (first, last),
            });
            last_end = outer.end;
            ti = k;
        }
    }
    out
}

/// Sentences, with sentence starts strictly inside a quoted region ignored.
fn make_units(toks: &[Tok], regions: &[QRegion]) -> Vec<Range<usize>> {
    let mut units = Vec::new();
    let mut start = 0;
    for i in 1..toks.len() {
        let t = &toks[i];
        if !t.has(SENT_START) {
            continue;
        }
        let inside = t.region != NO_REGION && {
            let r = &regions[t.region as usize];
            i > r.toks.0 && t.para == toks[r.toks.0].para
        };
        if inside && !t.has(PARA_START) {
            continue;
        }
        // "“Is that so?” Borger asked." / "“Build it!” the crowd chanted.": a quotation
        // ending in its own sentence punctuation, then its attribution.
        if !t.has(PARA_START) && attribution_after_quote(toks, regions, i) {
            continue;
        }
        units.push(start..i);
        start = i;
    }
    if start < toks.len() {
        units.push(start..toks.len());
    }
    units
}

/// Whether the sentence starting at `i`, right after a closing quotation mark, is the
/// quotation's attribution: a name or noun phrase and a reporting verb in the past or the
/// present ("Borger asked", "Sen. Ann Lee (D) said"), or the verb first ("Said Lee").
/// After a full stop the verb must end its clause ("“We left.” Lee said." but not "“We
/// left.” Lee said the talks …"), since a new sentence may report something else. The
/// quotation must open its sentence: a quoted fragment closing a sentence of reported
/// speech is followed by a sentence of its own.
fn attribution_after_quote(toks: &[Tok], regions: &[QRegion], i: usize) -> bool {
    if i < 2 || toks[i - 1].mark != Some(Role::Close) || toks[i - 1].region == NO_REGION {
        return false;
    }
    // The quotation stands as a sentence of its own (not a fragment inside reported speech).
    let r = &regions[toks[i - 1].region as usize];
    if !toks[r.toks.0].has(SENT_START) {
        return false;
    }
    let end_punct = &toks[i - 2];
    if end_punct.shape != Shape::Punct || !matches!(end_punct.ch, '?' | '!' | '.' | '…') {
        return false;
    }
    let is_cue = |t: &Tok| {
        t.entry.is_some_and(|e| {
            e.cues
                .iter()
                .any(|c| matches!(c.form, Form::Past | Form::ThirdSingular) && c.tail.is_empty())
        })
    };
    let limit = (i + 9).min(toks.len());
    let mut k = i;
    while k < limit {
        let t = &toks[k];
        if t.para != toks[i].para || t.region != NO_REGION {
            return false;
        }
        if t.shape == Shape::Word && is_cue(t) && (k == i || !t.cap()) {
            if end_punct.ch != '.' || k == i {
                return k > i || k + 1 < toks.len() && toks[k + 1].shape == Shape::Word;
            }
            // After a full stop: the verb ends the clause or takes an adverbial.
            return toks.get(k + 1).is_none_or(|n| {
                n.shape == Shape::Punct && matches!(n.ch, '.' | ';')
                    || n.entry
                        .is_some_and(|e| e.class & (class::PREP | class::TIME) != 0)
            });
        }
        let ok = match t.shape {
            Shape::Word => {
                t.cap()
                    || t.entry.is_some_and(|e| {
                        e.class & (class::DET | class::PRON | class::POSS | class::NUM) != 0
                    })
                    || k > i
            }
            Shape::Punct => matches!(t.ch, '(' | ')' | '-' | '\'' | '’'),
            Shape::Number => true,
            _ => false,
        };
        if !ok {
            return false;
        }
        k += 1;
    }
    false
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::segment::{Sentence, SentenceEnd, Token, TokenKind};

    /// A segmentation like the simplest segmenter's: whitespace tokens, one sentence per
    /// blank-line paragraph. The view must not depend on anything finer.
    pub(crate) fn rough(text: &str) -> (Vec<Span>, Segmentation) {
        let mut paras = Vec::new();
        let mut seg = Segmentation::default();
        let mut at = 0;
        for (block, p) in text.split("\n\n").enumerate() {
            let first = seg.tokens.len();
            let mut pos = at;
            for w in p.split(' ') {
                if !w.is_empty() {
                    seg.tokens
                        .push(Token::new(Span::new(pos, pos + w.len()), TokenKind::Word));
                }
                pos += w.len() + 1;
            }
            paras.push(Span::new(at, at + p.len()));
            seg.sentences.push(Sentence {
                span: Span::new(at, at + p.len()),
                tokens: first..seg.tokens.len(),
                block,
                end: SentenceEnd::BlockEnd,
            });
            at += p.len() + 2;
        }
        (paras, seg)
    }

    fn words(text: &str) -> Vec<&str> {
        let (paras, seg) = rough(text);
        let v = View::build(text, &paras, &seg);
        v.toks.iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn splits_edge_punctuation_and_keeps_abbreviations() {
        assert_eq!(
            words("“J. Biden met Mr. Putin in the U.S. on Monday,” he said."),
            [
                "“", "J.", "Biden", "met", "Mr.", "Putin", "in", "the", "U.S.", "on", "Monday",
                ",", "”", "he", "said", "."
            ]
        );
        assert_eq!(
            words("Russia’s rock ’n’ roll, 1,000.5 (L)"),
            [
                "Russia’s",
                "rock",
                "’",
                "n",
                "’",
                "roll",
                ",",
                "1,000.5",
                "(",
                "L",
                ")"
            ]
        );
    }

    #[test]
    fn units_ignore_sentence_ends_inside_quotes() {
        let text = "“We came. We saw,” he said. “We left.” Then they went home.";
        let (paras, seg) = rough(text);
        let v = View::build(text, &paras, &seg);
        let units: Vec<&str> = v
            .units
            .iter()
            .map(|u| v.span(u.start, u.end - 1).slice(text))
            .collect();
        assert_eq!(
            units,
            [
                "“We came. We saw,” he said.",
                "“We left.”",
                "Then they went home."
            ]
        );
    }
}
