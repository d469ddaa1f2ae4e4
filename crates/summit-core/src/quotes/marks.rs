//! Quotation marks: which characters open and close quotations, which are apostrophes, and
//! the quoted regions they delimit.
//!
//! Real-world punctuation is broken: opening marks go missing, a closing mark is typed as an
//! opening one at a paragraph end (`dialogue. “`), marks float in stray spaces (` ”said`), and
//! the newspaper convention leaves a quotation open at the end of each paragraph it runs
//! over, reopening it at the start of the next. So marks are decided locally, one paragraph
//! at a time with a look at the next paragraph's first character, from the mark's glyph and
//! its flanking characters, never by balancing counts over the document. Every repair is
//! counted so the stage can say what it did in the document's warnings. One pass, linear in
//! the text.

use crate::Span;

/// What a quotation-mark character turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    Open,
    Close,
    /// An apostrophe or elision (`Russia’s`, `leaders’`, `’90s`): not a quotation mark.
    Apostrophe,
    /// A mark that delimits nothing; ignored.
    Stray,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    pub span: Span,
    pub role: Role,
    /// `“”"«»„`-family (true) or `‘’'‹›‚`-family (false).
    pub double: bool,
}

/// A quoted stretch of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Region {
    /// The opening mark; `None` when it was missing and the start was inferred.
    pub open: Option<Span>,
    /// The closing mark; `None` when the quotation runs to its paragraph's end.
    pub close: Option<Span>,
    /// The quoted words, without the marks and surrounding spaces.
    pub inner: Span,
    pub double: bool,
    /// 0 for an outermost quotation, 1 for one nested inside another.
    pub depth: u8,
    /// Index of the paragraph (block) holding it.
    pub para: usize,
    /// Left open at its paragraph's end because the next paragraph reopens it.
    pub continues: bool,
    /// Reopens (or, its opening mark lost, carries on) a quotation left open in the
    /// previous paragraph.
    pub continued: bool,
}

impl Region {
    /// From the opening mark (or the inferred start) to the closing mark (or the end).
    pub fn outer(&self) -> Span {
        Span::new(
            self.open.map_or(self.inner.start, |s| s.start),
            self.close.map_or(self.inner.end, |s| s.end),
        )
    }
}

/// What the pairing repaired, for the document's warnings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Repairs {
    /// A closing mark with no opening one: the start was inferred.
    pub missing_open: u32,
    /// An opening mark never closed: the quotation ends with its paragraph.
    pub missing_close: u32,
    /// A quotation still open when a new one opened: closed before it.
    pub closed_by_reopen: u32,
    /// An opening glyph (`“`) or a spaced mark used to close.
    pub misused_glyph: u32,
    /// Marks that delimit nothing and were ignored.
    pub ignored: u32,
}

impl Repairs {
    /// One warning per kind of repair, with counts.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut say = |n: u32, what: &str| {
            if n > 0 {
                out.push(format!("quotation marks: {n} {what}"));
            }
        };
        say(
            self.missing_open,
            "closing mark(s) without an opening one; the quotation's start was inferred",
        );
        say(
            self.missing_close,
            "quotation(s) never closed; ended at the paragraph's end",
        );
        say(
            self.closed_by_reopen,
            "quotation(s) still open when another opened; closed before it",
        );
        say(
            self.misused_glyph,
            "mark(s) with the wrong glyph or stray spaces read as closing",
        );
        say(self.ignored, "stray mark(s) ignored");
        out
    }
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Marks {
    /// Every quotation-mark character, in text order.
    pub marks: Vec<Mark>,
    /// Quoted regions, ordered by start.
    pub regions: Vec<Region>,
    pub repairs: Repairs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pref {
    Open,
    Close,
    Either,
}

/// The quotation-mark family and preferred role of `c`, or `None` for other characters.
fn glyph(c: char) -> Option<(bool, Pref)> {
    Some(match c {
        '"' => (true, Pref::Either),
        '\u{201C}' | '\u{201E}' | '\u{00AB}' | '\u{201F}' => (true, Pref::Open), // “ „ « ‟
        '\u{201D}' | '\u{00BB}' => (true, Pref::Close),                          // ” »
        '\'' => (false, Pref::Either),
        '\u{2018}' | '\u{201A}' | '\u{2039}' | '\u{201B}' => (false, Pref::Open), // ‘ ‚ ‹ ‛
        '\u{2019}' | '\u{203A}' => (false, Pref::Close),                          // ’ ›
        _ => return None,
    })
}

/// Whether `c` is a quotation-mark character.
pub(crate) fn is_mark(c: char) -> bool {
    glyph(c).is_some()
}

/// True for the lead bytes of every mark character: `"`, `'`, U+00AB/BB (0xC2), U+2018–203A (0xE2).
const fn interesting(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
}

/// Short words that an apostrophe elides at their start (`’em`, `rock ’n’ roll`, `’til`).
fn is_elision(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "em" | "n" | "til" | "tis" | "twas" | "cause" | "bout" | "round" | "s"
    )
}

struct Candidate {
    span: Span,
    double: bool,
    /// A typographic mark (not the straight `"`/`'`).
    curly: bool,
    pref: Pref,
    can_open: bool,
    can_close: bool,
    /// Preceded by "s" and followed by a space and a lower-case word: `leaders’ views`.
    plural_possessive: bool,
}

/// Finds and pairs the quotation marks of `text`, paragraph by paragraph.
pub(crate) fn find(text: &str, paras: &[Span]) -> Marks {
    let mut out = Marks::default();
    // Set when the previous paragraph left a quotation open: `Some(true)` when the
    // newspaper convention reopens it here, `Some(false)` when it was simply unclosed.
    let mut carried: Option<bool> = None;
    let mut cands: Vec<Candidate> = Vec::new();
    let typeset = typeset_curly(text);
    for (pi, &para) in paras.iter().enumerate() {
        cands.clear();
        collect(text, para, &mut out.marks, &mut cands);
        let next_opens = paras.get(pi + 1).and_then(|n| opening_style(text, *n));
        let ctx = Para {
            pi,
            span: para,
            next_opens,
            typeset_curly: typeset,
        };
        carried = pair(text, &ctx, &cands, carried, &mut out);
    }
    out.regions.sort_by_key(|r| (r.outer().start, r.depth));
    out
}

/// What [`pair`] knows of a paragraph's place in the document.
struct Para {
    pi: usize,
    span: Span,
    /// The next paragraph opens with a double mark: `Some(curly)`.
    next_opens: Option<bool>,
    /// The document's double quotes are typographic (`“”`): a lone straight `"` is debris.
    typeset_curly: bool,
}

/// Whether the text's double quotation marks are mostly typographic: at least four curly
/// ones and more than three times as many as straight ones.
fn typeset_curly(text: &str) -> bool {
    let (mut curly, mut straight) = (0usize, 0usize);
    for c in text.chars() {
        match c {
            '"' => straight += 1,
            '\u{201C}' | '\u{201D}' => curly += 1,
            _ => {}
        }
    }
    curly >= 4 && curly > 3 * straight
}

/// When a paragraph's first character is an opening double mark: whether it is curly.
fn opening_style(text: &str, para: Span) -> Option<bool> {
    let mut chars = para.slice(text).chars();
    let first = chars.next()?;
    match glyph(first) {
        Some((true, Pref::Open)) => Some(true),
        Some((true, Pref::Either)) => chars
            .next()
            .is_some_and(|c| !c.is_whitespace())
            .then_some(false),
        _ => None,
    }
}

/// Collects the mark characters of one paragraph with their flanking, settling apostrophes.
#[expect(
    clippy::string_slice,
    reason = "`i` stands on a mark's lead byte (ASCII, 0xC2 or 0xE2) or moves by whole characters"
)]
fn collect(text: &str, para: Span, marks: &mut Vec<Mark>, cands: &mut Vec<Candidate>) {
    let bytes = text.as_bytes();
    let mut i = para.start;
    // Next positions of the mark lead bytes, found with memchr: `"`, `'`, 0xE2 (U+2018–203A)
    // and 0xC2 (« »), the last one rare.
    let mut next_c2 = memchr::memchr(0xC2, &bytes[i..para.end]).map(|k| i + k);
    while i < para.end {
        if !interesting(bytes[i]) {
            let common = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[i..para.end]).map(|k| i + k);
            if next_c2.is_some_and(|c| c < i) {
                next_c2 = memchr::memchr(0xC2, &bytes[i..para.end]).map(|k| i + k);
            }
            i = match (common, next_c2) {
                (Some(a), Some(b)) => a.min(b),
                (Some(a), None) => a,
                (None, Some(b)) => b,
                (None, None) => break,
            };
            continue;
        }
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let len = c.len_utf8();
        let Some((mut double, pref)) = glyph(c) else {
            i += len;
            continue;
        };
        // Two straight apostrophes typed for a double mark: ''Like this,''.
        let mut len = len;
        if c == '\'' && bytes.get(i + 1) == Some(&b'\'') && i + 2 <= para.end {
            double = true;
            len = 2;
        }
        let span = Span::new(i, i + len);
        let prev = text[para.start..i].chars().next_back();
        let next = text[i + len..para.end].chars().next();
        let alnum_before = prev.is_some_and(char::is_alphanumeric);
        let alnum_after = next.is_some_and(char::is_alphanumeric);
        let ws_before = prev.is_none_or(char::is_whitespace);
        let ws_after = next.is_none_or(char::is_whitespace);
        if (!double && pref != Pref::Open) || c == '\u{2018}' {
            // Apostrophes: inside a word, or eliding digits or a short word at its start.
            let elided = !alnum_before && alnum_after && {
                let rest = &text[i + len..para.end];
                let word_end = rest
                    .find(|ch: char| !ch.is_alphanumeric())
                    .unwrap_or(rest.len());
                rest.starts_with(|ch: char| ch.is_ascii_digit()) || is_elision(&rest[..word_end])
            };
            if (alnum_before && alnum_after) || elided {
                marks.push(Mark {
                    span,
                    role: Role::Apostrophe,
                    double,
                });
                i += len;
                continue;
            }
        }
        let guillemet = matches!(c, '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}');
        let opening_context = ws_before
            || prev.is_some_and(|p| {
                matches!(
                    p,
                    '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | ':'
                ) || is_mark(p)
            });
        let (can_open, can_close) = if guillemet {
            // French typography spaces the inside of guillemets: the glyph decides.
            (
                pref == Pref::Open && next.is_some(),
                pref == Pref::Close && prev.is_some(),
            )
        } else {
            (
                !ws_after
                    && !next.is_some_and(|n| {
                        matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']')
                    })
                    && opening_context,
                !ws_before && (ws_after || !alnum_after),
            )
        };
        let plural_possessive = !double
            && matches!(prev, Some('s' | 'S'))
            && text[i + len..para.end]
                .strip_prefix(' ')
                .is_some_and(|r| r.starts_with(|ch: char| ch.is_lowercase()));
        marks.push(Mark {
            span,
            role: Role::Stray,
            double,
        });
        cands.push(Candidate {
            span,
            double,
            curly: c != '"' && c != '\'',
            pref,
            can_open,
            can_close,
            plural_possessive,
        });
        i += len;
    }
}

/// An open quotation on the pairing stack.
struct Open {
    /// Index into `marks` of the opening mark, or `None` when the opening was missing.
    mark: Option<usize>,
    start: usize,
    double: bool,
    curly: bool,
    continued: bool,
}

/// Pairs the candidates of one paragraph. Returns what carries into the next paragraph.
fn pair(
    text: &str,
    ctx: &Para,
    cands: &[Candidate],
    carried: Option<bool>,
    out: &mut Marks,
) -> Option<bool> {
    let (pi, para) = (ctx.pi, ctx.span);
    // Index in `out.marks` of the first candidate of this paragraph: candidates and their
    // marks are in the same order, apostrophes interleaved; map by span.
    let mark_index = |span: Span, marks: &[Mark]| -> usize {
        marks
            .binary_search_by_key(&span.start, |m| m.span.start)
            .unwrap_or(0)
    };
    let mut stack: Vec<Open> = Vec::new();
    // Start of text not yet covered by a region, for inferring a missing opening mark.
    let mut free_from = para.start;
    let mut last_colon: Option<usize> = None;
    let mut last_sentence_start = para.start;
    let mut scan_from = para.start;
    let mut first_double = true;
    for (ci, cand) in cands.iter().enumerate() {
        // Track colons and sentence starts in the text before this mark.
        scan_context(
            text,
            scan_from,
            cand.span.start,
            &mut last_colon,
            &mut last_sentence_start,
        );
        scan_from = cand.span.end;
        let mi = mark_index(cand.span, &out.marks);
        if cand.double {
            let is_first = first_double;
            first_double = false;
            let open_double = stack.iter().rposition(|o| o.double);
            if let Some(oi) = open_double {
                let close = cand.can_close || cand.pref == Pref::Close || !cand.can_open;
                if !close && cand.curly != stack[oi].curly {
                    // “…” inside "…" (or the reverse): a nested quotation.
                    out.marks[mi].role = Role::Open;
                    stack.push(Open {
                        mark: Some(mi),
                        start: cand.span.end,
                        double: true,
                        curly: cand.curly,
                        continued: false,
                    });
                } else if close {
                    if !cand.can_close {
                        out.repairs.misused_glyph += 1;
                    }
                    // Close the innermost quotation typed with the same kind of mark.
                    let oi = stack
                        .iter()
                        .rposition(|o| o.double && o.curly == cand.curly)
                        .unwrap_or(oi);
                    let o = pop_to(&mut stack, oi, &mut out.marks);
                    let nested = stack.iter().any(|o| o.double);
                    finish(text, pi, &o, Some(mi), cand.span.start, out, nested);
                    out.marks[mi].role = Role::Close;
                    free_from = cand.span.end;
                } else {
                    // Still open, and this one opens: the first lost its closing mark.
                    let o = pop_to(&mut stack, oi, &mut out.marks);
                    out.repairs.closed_by_reopen += 1;
                    finish(text, pi, &o, None, cand.span.start, out, false);
                    out.marks[mi].role = Role::Open;
                    stack.push(Open {
                        mark: Some(mi),
                        start: cand.span.end,
                        double: true,
                        curly: cand.curly,
                        continued: false,
                    });
                }
            } else if cand.can_open && (!cand.can_close || cand.pref != Pref::Close)
                || !cand.can_close && cand.pref == Pref::Open && cand.span.end < para.end
            {
                if !cand.can_open {
                    out.repairs.misused_glyph += 1;
                }
                out.marks[mi].role = Role::Open;
                stack.push(Open {
                    mark: Some(mi),
                    start: cand.span.end,
                    double: true,
                    curly: cand.curly,
                    continued: is_first && carried == Some(true),
                });
            } else if cand.can_close || cand.pref == Pref::Close {
                // A closing mark with nothing open: the opening mark went missing.
                let continued = is_first && carried.is_some() && free_from == para.start;
                let start = if continued {
                    para.start
                } else if let Some(colon) = last_colon.filter(|&c| c >= free_from) {
                    colon
                } else if free_from == para.start {
                    para.start
                } else {
                    last_sentence_start.max(free_from)
                };
                if !continued {
                    out.repairs.missing_open += 1;
                }
                out.marks[mi].role = Role::Close;
                let o = Open {
                    mark: None,
                    start,
                    double: true,
                    curly: cand.curly,
                    continued,
                };
                finish(text, pi, &o, Some(mi), cand.span.start, out, false);
                free_from = cand.span.end;
            } else {
                out.repairs.ignored += 1;
            }
            continue;
        }
        // Single-quote family.
        let inner_single = match stack.last() {
            Some(o) if !o.double => Some(stack.len() - 1),
            _ => None,
        };
        if let Some(si) = inner_single.filter(|_| cand.can_close) {
            if cand.plural_possessive && later_single_closer(cands, ci) {
                out.marks[mi].role = Role::Apostrophe;
                continue;
            }
            let o = stack.remove(si);
            let nested = stack.iter().any(|o| o.double);
            finish(text, pi, &o, Some(mi), cand.span.start, out, nested);
            out.marks[mi].role = Role::Close;
            if !nested {
                free_from = cand.span.end;
            }
        } else if cand.can_open {
            out.marks[mi].role = Role::Open;
            stack.push(Open {
                mark: Some(mi),
                start: cand.span.end,
                double: false,
                curly: cand.curly,
                continued: false,
            });
        } else {
            out.marks[mi].role = Role::Apostrophe;
        }
    }
    // Unclosed single quotes were apostrophes or noise: undo them, silently. An unclosed
    // double quotation runs to the paragraph's end, by the newspaper convention when the
    // next paragraph reopens it, by repair otherwise.
    let mut carry = None;
    for o in stack.iter().rev() {
        // A straight mark left open in a text typeset with curly ones is scraping debris
        // (`"Kevin was snoring.`), not a quotation.
        if o.double && !o.curly && ctx.typeset_curly && !o.continued {
            if let Some(m) = o.mark {
                out.marks[m].role = Role::Stray;
                out.repairs.ignored += 1;
                continue;
            }
        }
        if o.double && carry.is_none() {
            // The newspaper convention reopens with the same kind of mark.
            let next_opens = ctx.next_opens == Some(o.curly);
            if next_opens {
                carry = Some(true);
            } else {
                out.repairs.missing_close += 1;
                carry = Some(false);
            }
            finish(text, pi, o, None, para.end, out, false);
            if let Some(r) = out.regions.last_mut().filter(|r| r.para == pi) {
                r.continues = next_opens;
            }
        } else if let Some(m) = o.mark {
            out.marks[m].role = Role::Apostrophe;
        }
    }
    carry
}

/// Pops the stack down to and including entry `oi`, which it returns; single quotes opened
/// inside it and never closed become apostrophes.
fn pop_to(stack: &mut Vec<Open>, oi: usize, marks: &mut [Mark]) -> Open {
    while stack.len() > oi + 1 {
        if let Some(m) = stack.pop().and_then(|o| o.mark) {
            marks[m].role = Role::Apostrophe;
        }
    }
    stack.pop().expect("oi is a valid index")
}

/// Updates the last colon (followed by a space) and the last sentence start seen in
/// `text[from..to]`.
fn scan_context(
    text: &str,
    from: usize,
    to: usize,
    last_colon: &mut Option<usize>,
    last_sentence_start: &mut usize,
) {
    if from >= to {
        return;
    }
    let bytes = text.as_bytes();
    for i in from..to {
        match bytes[i] {
            b':' if bytes.get(i + 1) == Some(&b' ') => *last_colon = Some(i + 2),
            b'.' | b'?' | b'!' if bytes.get(i + 1) == Some(&b' ') => *last_sentence_start = i + 2,
            _ => {}
        }
    }
}

/// Whether a mark after `ci` can close a single quotation before the next double mark.
fn later_single_closer(cands: &[Candidate], ci: usize) -> bool {
    cands[ci + 1..]
        .iter()
        .take_while(|c| !c.double)
        .any(|c| c.can_close)
}

/// Records the region opened by `o` and closed at `end` (by the mark `close`, if any).
fn finish(
    text: &str,
    pi: usize,
    o: &Open,
    close: Option<usize>,
    end: usize,
    out: &mut Marks,
    nested: bool,
) {
    let inner = trim(text, Span::new(o.start.min(end), end));
    if inner.is_empty() {
        if let Some(m) = o.mark {
            out.marks[m].role = Role::Stray;
        }
        if let Some(m) = close {
            out.marks[m].role = Role::Stray;
        }
        out.repairs.ignored += 1;
        return;
    }
    out.regions.push(Region {
        open: o.mark.map(|m| out.marks[m].span),
        close: close.map(|m| out.marks[m].span),
        inner,
        double: o.double,
        depth: u8::from(nested),
        para: pi,
        continues: false,
        continued: o.continued,
    });
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs separated by blank lines, as the cleaner writes them.
    fn paras(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut at = 0;
        for p in text.split("\n\n") {
            out.push(Span::new(at, at + p.len()));
            at += p.len() + 2;
        }
        out
    }

    fn quoted(text: &str) -> Vec<&str> {
        find(text, &paras(text))
            .regions
            .iter()
            .map(|r| r.inner.slice(text))
            .collect()
    }

    #[test]
    fn curly_straight_and_guillemet_pairs() {
        assert_eq!(quoted("He said “we will win” today."), ["we will win"]);
        assert_eq!(quoted("He said \"we will win\" today."), ["we will win"]);
        assert_eq!(quoted("Il a dit « non » hier."), ["non"]);
        assert_eq!(quoted("Er sagte „nein“ gestern."), ["nein"]);
        assert_eq!(quoted("Er sagte ‚nein‘ gestern."), ["nein"]);
        assert_eq!(quoted("She said ‹ peut-être › then."), ["peut-être"]);
        assert_eq!(quoted("They called it ‘reckless’ and left."), ["reckless"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(
            quoted("Moscow’s view, the leaders’ views and rock ’n’ roll in the ’90s.").is_empty()
        );
        assert!(quoted("Don't count on the ministers' patience, it's thin.").is_empty());
        assert_eq!(
            quoted("He said ‘the leaders’ views are clear’ and left."),
            ["the leaders’ views are clear"]
        );
        // A stray closing apostrophe after a word does not pair with anything.
        assert!(quoted("to ensure strategic stability’ with arms control").is_empty());
    }

    #[test]
    fn nested_quotes() {
        let text = "“He told me ‘never again’ twice,” she said.";
        let m = find(text, &paras(text));
        assert_eq!(m.regions.len(), 2);
        assert_eq!(
            m.regions[0].inner.slice(text),
            "He told me ‘never again’ twice,"
        );
        assert_eq!(m.regions[0].depth, 0);
        assert_eq!(m.regions[1].inner.slice(text), "never again");
        assert_eq!(m.regions[1].depth, 1);
    }

    #[test]
    fn missing_opening_mark_after_a_colon() {
        let text = "He said of the envoy: He is sharp, he is tough.” Then he left.";
        let m = find(text, &paras(text));
        assert_eq!(m.regions.len(), 1);
        assert_eq!(m.regions[0].inner.slice(text), "He is sharp, he is tough.");
        assert!(m.regions[0].open.is_none());
        assert_eq!(m.repairs.missing_open, 1);
    }

    #[test]
    fn missing_opening_mark_at_paragraph_start() {
        let text = "We will not yield,” the minister said.";
        assert_eq!(quoted(text), ["We will not yield,"]);
    }

    #[test]
    fn closing_mark_typed_as_opening_at_paragraph_end() {
        let text =
            "It was the only way to “avoid further damage to our talks. “\n\nNext paragraph.";
        let m = find(text, &paras(text));
        assert_eq!(m.regions.len(), 1);
        assert_eq!(
            m.regions[0].inner.slice(text),
            "avoid further damage to our talks."
        );
        assert!(m.regions[0].close.is_some());
        assert_eq!(m.repairs.misused_glyph, 1);
        assert_eq!(m.repairs.missing_close, 0);
    }

    #[test]
    fn stray_space_before_closing_mark() {
        let text = "“We seek calm and focus on trade, ”said the envoy.";
        let m = find(text, &paras(text));
        assert_eq!(m.regions.len(), 1);
        assert_eq!(
            m.regions[0].inner.slice(text),
            "We seek calm and focus on trade,"
        );
        let text = "“We seek calm ” , said the envoy.";
        assert_eq!(quoted(text), ["We seek calm"]);
    }

    #[test]
    fn multi_paragraph_quote_reopens_each_paragraph() {
        let text = "“First part of the speech.\n\n“Second part.\n\n“Last part,” she said.";
        let m = find(text, &paras(text));
        assert_eq!(m.regions.len(), 3);
        assert!(m.regions[0].continues && !m.regions[0].continued);
        assert!(m.regions[1].continues && m.regions[1].continued);
        assert!(!m.regions[2].continues && m.regions[2].continued);
        assert_eq!(m.repairs, Repairs::default());
        assert_eq!(m.regions[0].inner.slice(text), "First part of the speech.");
    }

    #[test]
    fn lone_straight_mark_in_curly_text_is_debris() {
        // Scraped text typeset with curly quotes and a stray `"` opening a paragraph.
        let text = "“One,” she said.\n\n\"Then the lights went out.\n\n“Two,” he said. “Three.”";
        let m = find(text, &paras(text));
        let inner: Vec<&str> = m.regions.iter().map(|r| r.inner.slice(text)).collect();
        assert_eq!(inner, ["One,", "Two,", "Three."]);
        // The same mark in straight-quoted text is a quotation to its paragraph's end.
        let text = "\"One,\" she said.\n\n\"Then the lights went out.\n\nNext.";
        let m = find(text, &paras(text));
        assert_eq!(m.regions.len(), 2);
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let text = "“He needs calm and we admit that.\n\nAnd then he said: “Fix it.”";
        let m = find(text, &paras(text));
        assert_eq!(m.regions.len(), 2);
        assert_eq!(
            m.regions[0].inner.slice(text),
            "He needs calm and we admit that."
        );
        assert_eq!(m.repairs.missing_close, 1);
        assert_eq!(m.regions[1].inner.slice(text), "Fix it.");
        assert!(!m.regions[1].continued);
    }

    #[test]
    fn odd_straight_quotes_never_fail() {
        let text = "He said \"yes. She said \"no\" and \" then.";
        let m = find(text, &paras(text));
        assert!(!m.regions.is_empty());
        for r in &m.regions {
            assert!(r.inner.end <= text.len());
        }
    }

    #[test]
    fn split_quote_yields_two_regions() {
        let text = "“We will talk,” he said. “But we will not bend.”";
        assert_eq!(quoted(text), ["We will talk,", "But we will not bend."]);
    }

    #[test]
    fn many_marks_stay_linear() {
        let text = "“a” ".repeat(50_000);
        let m = find(&text, &[Span::new(0, text.len())]);
        assert_eq!(m.regions.len(), 50_000);
        let text = format!("“{}", "word ".repeat(200_000));
        let m = find(&text, &[Span::new(0, text.len())]);
        assert_eq!(m.regions.len(), 1);
        assert_eq!(m.repairs.missing_close, 1);
    }
}
