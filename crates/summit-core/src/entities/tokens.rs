//! The entity stage's view of the segmented text: word tokens with their spans, grouped in
//! sentences, with the per-document facts the later passes need.
//!
//! The segmenter is the authority on tokens. This view only makes sure that quotation marks,
//! brackets, trailing punctuation and a possessive `'s` are tokens of their own even when a
//! segmenter leaves them attached (a no-op on a PTB-style segmenter), because every lexicon
//! and rule below matches on whole tokens.

use std::ops::Range;

use crate::ParagraphKind;
use crate::Span;
use crate::clean::Cleaned;
use crate::segment::Segmentation;

use super::fxhash::FxHashSet;
use super::lexicon::{Lexicons, ListSet};
use super::options::Options;

#[derive(Clone, Copy, Debug)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub span: Span,
    /// Index of the sentence holding the token.
    pub sent: usize,
}

impl Tok<'_> {
    /// Starts with an upper-case letter (or a digit followed by letters: `G7` starts with a
    /// letter, `2Pac` with a digit).
    pub fn is_cap(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_word(&self) -> bool {
        self.text.chars().any(char::is_alphabetic)
    }
}

#[derive(Debug)]
pub struct DocView<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok<'a>>,
    /// Token ranges of the sentences.
    pub sents: Vec<Range<usize>>,
    /// Whether each sentence is a title or heading (capitals say little there).
    pub headline: Vec<bool>,
    /// Words seen in lower case somewhere in the document; a capitalised word never seen in
    /// lower case is more likely a name.
    lower_seen: FxHashSet<&'a str>,
    /// Every token text of the document.
    words_seen: FxHashSet<&'a str>,
    /// For each sentence, the index of its first token that is not an opening mark.
    first_word: Vec<usize>,
    /// For each token, the gazetteer lists it is a one-word phrase of, and whether some
    /// gazetteer phrase starts with it.
    lex: Vec<(ListSet, bool)>,
    /// Which rules of the entity stage run on this document.
    pub(crate) options: Options,
}

impl<'a> DocView<'a> {
    pub fn new(cleaned: &'a Cleaned, seg: &Segmentation) -> DocView<'a> {
        let text = cleaned.text.as_str();
        let heading_blocks: Vec<Span> = cleaned
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, ParagraphKind::Title | ParagraphKind::Heading))
            .map(|b| b.span)
            .collect();
        let mut toks = Vec::with_capacity(seg.tokens.len() + seg.tokens.len() / 8);
        let mut sents = Vec::with_capacity(seg.sentences.len());
        let mut headline = Vec::with_capacity(seg.sentences.len());
        for s in &seg.sentences {
            let first = toks.len();
            let sent = sents.len();
            for t in seg.tokens.get(s.tokens.clone()).unwrap_or(&[]) {
                if t.span.end > text.len()
                    || !text.is_char_boundary(t.span.start)
                    || !text.is_char_boundary(t.span.end)
                {
                    continue;
                }
                split_spaced(text, t.span, sent, &mut toks);
            }
            let sspan = s.span;
            headline.push(heading_blocks.iter().any(|b| b.contains(sspan)));
            sents.push(first..toks.len());
        }
        DocView::assemble(text, toks, sents, headline)
    }

    /// Builds a view straight from text (tests and tools): blocks split on blank lines,
    /// tokens by [`split_token`] on whitespace, one sentence per block.
    pub fn from_text(text: &'a str) -> DocView<'a> {
        let mut toks = Vec::new();
        let mut sents = Vec::new();
        let mut headline = Vec::new();
        let mut pos = 0;
        for block in text.split("\n\n") {
            let first = toks.len();
            let sent = sents.len();
            let mut at = pos;
            for w in block.split([' ', '\n', '\t']) {
                if !w.is_empty() {
                    split_token(text, Span::new(at, at + w.len()), sent, &mut toks);
                }
                at += w.len() + 1;
            }
            sents.push(first..toks.len());
            headline.push(false);
            pos += block.len() + 2;
        }
        DocView::assemble(text, toks, sents, headline)
    }

    /// Builds a view over caller-given tokens: `spans[k]` are the byte spans of sentence
    /// `k`'s tokens in `text`. Tokens are taken exactly as given (no punctuation split), so
    /// that every mention covers whole given tokens.
    pub(crate) fn from_token_spans(
        text: &'a str,
        spans: &[Vec<Span>],
        headline: &[bool],
    ) -> DocView<'a> {
        let n = spans.iter().map(Vec::len).sum();
        let mut toks = Vec::with_capacity(n);
        let mut sents = Vec::with_capacity(spans.len());
        for (k, s) in spans.iter().enumerate() {
            let first = toks.len();
            for &sp in s {
                toks.push(Tok {
                    text: text.get(sp.start..sp.end).unwrap_or(""),
                    span: sp,
                    sent: k,
                });
            }
            sents.push(first..toks.len());
        }
        let headline = (0..spans.len())
            .map(|k| headline.get(k).copied().unwrap_or(false))
            .collect();
        DocView::assemble(text, toks, sents, headline)
    }

    fn assemble(
        text: &'a str,
        toks: Vec<Tok<'a>>,
        sents: Vec<Range<usize>>,
        headline: Vec<bool>,
    ) -> DocView<'a> {
        let mut lower_seen = FxHashSet::default();
        let mut words_seen = FxHashSet::default();
        for t in &toks {
            words_seen.insert(t.text);
            if !t.text.chars().any(char::is_uppercase)
                && t.text.chars().next().is_some_and(char::is_lowercase)
            {
                lower_seen.insert(t.text);
            }
        }
        let first_word = sents
            .iter()
            .map(|r| {
                r.clone()
                    .find(|&i| !is_opening_punct(toks[i].text))
                    .unwrap_or(r.end)
            })
            .collect();
        let lexicons = Lexicons::shared();
        let lex = toks.iter().map(|t| lexicons.word_info(t.text)).collect();
        DocView {
            text,
            toks,
            sents,
            headline,
            lower_seen,
            words_seen,
            first_word,
            lex,
            options: Options::default(),
        }
    }

    /// The gazetteer lists token `i` is a one-word phrase of.
    pub fn lists(&self, i: usize) -> ListSet {
        self.lex.get(i).map_or(ListSet::EMPTY, |x| x.0)
    }

    /// Whether some gazetteer phrase starts with token `i`.
    pub fn starts_phrase(&self, i: usize) -> bool {
        self.lex.get(i).is_some_and(|x| x.1)
    }

    pub fn words(&self, r: Range<usize>) -> Vec<&'a str> {
        self.toks[r].iter().map(|t| t.text).collect()
    }

    /// The text of tokens `r`, as a slice of the document.
    #[expect(
        clippy::string_slice,
        reason = "token spans come from the segmenter, on char boundaries"
    )]
    pub fn slice(&self, r: Range<usize>) -> &'a str {
        if r.is_empty() || r.end > self.toks.len() {
            return "";
        }
        &self.text[self.toks[r.start].span.start..self.toks[r.end - 1].span.end]
    }

    pub fn span(&self, r: Range<usize>) -> Span {
        Span::new(self.toks[r.start].span.start, self.toks[r.end - 1].span.end)
    }

    /// Whether a line break separates token `i` from the token before it.
    pub fn line_break_before(&self, i: usize) -> bool {
        i > 0
            && i < self.toks.len()
            && self
                .text
                .get(self.toks[i - 1].span.end..self.toks[i].span.start)
                .is_some_and(|gap| gap.contains('\n'))
    }

    /// Whether the word occurs as a token of its own somewhere in the document.
    pub fn has_word(&self, word: &str) -> bool {
        self.words_seen.contains(word)
    }

    /// Whether the word occurs in lower case somewhere in the document.
    pub fn seen_lower(&self, word: &str) -> bool {
        if !word.chars().any(char::is_uppercase) {
            return self.lower_seen.contains(word);
        }
        self.lower_seen.contains(word.to_lowercase().as_str())
    }

    /// Whether token `i` opens its sentence (ignoring opening quotation marks and brackets).
    pub fn sentence_initial(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        self.first_word.get(t.sent).is_some_and(|&f| f >= i)
            || (i > 0
                && matches!(
                    self.toks[i - 1].text,
                    "." | "?" | "!" | ":" | "|" | "–" | "—"
                ))
    }

    pub fn is_headline(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| self.headline.get(t.sent).copied().unwrap_or(false))
    }
}

fn is_opening_punct(s: &str) -> bool {
    matches!(
        s,
        "\"" | "“" | "‘" | "'" | "(" | "[" | "«" | "„" | "‚" | "-" | "–" | "—" | "`" | "``"
    )
}

const LEADING: &[char] = &[
    '"', '“', '”', '‘', '’', '\'', '(', '[', '{', '«', '»', '„', '‚', '`', '*', '|',
];
const TRAILING: &[char] = &[
    '"', '“', '”', '‘', '’', '\'', ')', ']', '}', '«', '»', ',', ';', ':', '!', '?', '…', '*', '|',
];

/// Abbreviations whose final period belongs to the word.
const ABBREV: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm",
    "Sen", "Rep", "Gov", "Pres", "Prof", "Rev", "Fr", "Corp", "Inc", "Ltd", "Co", "No", "Mt", "Ft",
    "vs", "etc", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Amb",
    "Hon", "Mme", "Messrs", "approx", "Bros",
];

/// Pushes the tokens of a segmenter token that may hold whitespace (a placeholder segmenter).
#[expect(
    clippy::string_slice,
    reason = "the span is a segmenter token's and `at` moves by whole words and characters"
)]
fn split_spaced<'a>(text: &'a str, span: Span, sent: usize, out: &mut Vec<Tok<'a>>) {
    let piece = &text[span.start..span.end];
    if !piece.contains(char::is_whitespace) {
        split_token(text, span, sent, out);
        return;
    }
    let mut at = span.start;
    for w in piece.split(char::is_whitespace) {
        if !w.is_empty() && text.is_char_boundary(at) && text.is_char_boundary(at + w.len()) {
            split_token(text, Span::new(at, at + w.len()), sent, out);
        }
        at += w.len();
        // Step over the separating whitespace character.
        at += text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .map_or(1, char::len_utf8);
    }
}

/// Pushes the tokens of the segmenter token at `span`, splitting off attached punctuation.
#[expect(
    clippy::string_slice,
    reason = "`s` and `e` start at a segmenter token's bounds and move by whole characters or ASCII suffixes"
)]
pub fn split_token<'a>(text: &'a str, span: Span, sent: usize, out: &mut Vec<Tok<'a>>) {
    let mut s = span.start;
    let mut e = span.end;
    let mut tail = [Span::default(); 8];
    let mut ntail = 0;
    // A clitic the segmenter already split off ("’s", "n't", "'re") stays whole.
    let whole = &text[s..e];
    if matches!(
        whole.trim_start_matches(['\'', '’']),
        "s" | "S" | "re" | "ve" | "ll" | "d" | "m" | "t"
    ) && whole.len() > 1
        && whole.starts_with(['\'', '’'])
    {
        out.push(Tok {
            text: whole,
            span,
            sent,
        });
        return;
    }
    // Leading marks.
    while s < e {
        let c = text.get(s..e).and_then(|w| w.chars().next()).unwrap_or(' ');
        if LEADING.contains(&c) && e - s > c.len_utf8() {
            out.push(Tok {
                text: &text[s..s + c.len_utf8()],
                span: Span::new(s, s + c.len_utf8()),
                sent,
            });
            s += c.len_utf8();
        } else {
            break;
        }
    }
    // Trailing marks, the final period of a non-abbreviation, a possessive.
    loop {
        if e <= s {
            break;
        }
        let word = &text[s..e];
        let c = word.chars().next_back().unwrap_or(' ');
        let n = c.len_utf8();
        if word.len() > n && TRAILING.contains(&c) {
            // Keep an apostrophe that ends a plural possessive (`leaders'`) with the word.
            if ntail == tail.len() {
                break;
            }
            tail[ntail] = Span::new(e - n, e);
            ntail += 1;
            e -= n;
            continue;
        }
        if c == '.'
            && word.len() > 1
            && ntail < tail.len()
            && !keeps_period(&word[..word.len() - 1])
        {
            tail[ntail] = Span::new(e - 1, e);
            ntail += 1;
            e -= 1;
            continue;
        }
        break;
    }
    if s < e {
        let word = &text[s..e];
        let poss = ["'s", "’s", "'S", "’S"]
            .iter()
            .find(|p| word.len() > p.len() && word.ends_with(*p))
            .map(|p| p.len());
        match poss {
            Some(n) => {
                out.push(Tok {
                    text: &text[s..e - n],
                    span: Span::new(s, e - n),
                    sent,
                });
                out.push(Tok {
                    text: &text[e - n..e],
                    span: Span::new(e - n, e),
                    sent,
                });
            }
            None => out.push(Tok {
                text: word,
                span: Span::new(s, e),
                sent,
            }),
        }
    }
    for &sp in tail[..ntail].iter().rev() {
        out.push(Tok {
            text: &text[sp.start..sp.end],
            span: sp,
            sent,
        });
    }
}

/// Whether the period after `stem` is part of the word (`U.S.`, `J.`, `Mr.`).
fn keeps_period(stem: &str) -> bool {
    if stem.contains('.') {
        // "U.S", "a.m" — an abbreviation with inner periods.
        return stem.chars().all(|c| c.is_alphabetic() || c == '.');
    }
    let mut chars = stem.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    ABBREV.contains(&stem)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        DocView::from_text(text)
            .toks
            .iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn attached_punctuation_becomes_tokens() {
        assert_eq!(
            words("“Russia’s army,” said Mr. Smith of the U.S. today."),
            vec![
                "“", "Russia", "’s", "army", ",", "”", "said", "Mr.", "Smith", "of", "the", "U.S.",
                "today", "."
            ]
        );
        assert_eq!(words("J. Biden (US)"), vec!["J.", "Biden", "(", "US", ")"]);
        assert_eq!(
            words("the leaders’ views"),
            vec!["the", "leaders", "’", "views"]
        );
    }

    #[test]
    fn spans_slice_the_text() {
        let text = "“Kendall-Taylor’s” point; (NATO).\n\nNext block.";
        let v = DocView::from_text(text);
        for t in &v.toks {
            assert_eq!(t.span.slice(text), t.text);
        }
        assert_eq!(v.sents.len(), 2);
    }
}
