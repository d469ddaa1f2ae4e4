//! Attribution: which words report speech (the cue), who is reported (the source noun
//! phrase) and what was said (the content), unit by unit.
//!
//! Every cue is read in one of a few frames:
//! - complement: `SOURCE CUE [ADDRESSEE] [adverbials] [that] CONTENT` ("Peskov told CNN on
//!   Friday that …", "he said of Putin: “…”");
//! - after its content: `CONTENT, SOURCE CUE` / `CONTENT, CUE SOURCE` ("“…,” said Alex
//!   Rodzianka, director of …", "…, analysts say.");
//! - participle: `…, saying that CONTENT`, whose source is the clause's subject;
//! - "according to SOURCE";
//! - naming: `CUE X as “…”`, `called him a “…”`, a quoted phrase credited to the source,
//!   with the clause it names (`Quote::clause`).
//!
//! Passes without a lexicon cue follow: nouns of saying with a possessor ("Trump's claim
//! that …"), headlines ("Lynch: …", "Obama Sees ‘…’"), "Name: “…”" in the body, dashes
//! after a quotation, and characterisations after "as" with any verb ("went after Trump as
//! a “con artist”"). Quoted regions that no cue claims continue the previous quotation when they stand alone
//! (a quoted sentence or paragraph after an attributed one); the rest are scare quotes and
//! titles. No regex, no allocation per token: a walk over the view's tokens.

use super::lex::{self, Shape, View};
use super::lexicon::{CueClass, CueVerb, Form, Lexicon, class, frame};
use super::marks::Role;
use crate::{QuoteKind, Span};

/// A noun phrase that names a source or an addressee: tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Np {
    pub start: usize,
    pub end: usize,
    pub head: usize,
    pub kind: NpKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NpKind {
    Pronoun,
    /// Headed by a capitalised word: a name ("Dmitry Peskov", "the Kremlin").
    Name,
    /// Headed by a common noun ("the Russian leader", "two sources familiar with …").
    Description,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Source {
    Np(Np),
    /// The same source as an earlier attribution (a continued quotation, a participle).
    Same(usize),
    None,
}

/// One attribution found in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub kind: QuoteKind,
    /// Content tokens, inclusive.
    pub content: (usize, usize),
    /// The content as a byte span (for direct quotes, inside the marks).
    pub span: Span,
    /// Cue tokens `a..b`.
    pub cue: Option<(usize, usize)>,
    pub source: Source,
    pub addressee: Option<Np>,
    /// The attribution continues an earlier one's quotation (no cue of its own).
    pub continues: Option<usize>,
    /// For a partial quote, the reported clause holding the quoted words ("Clinton as a
    /// “disgrace”"): bytes.
    pub clause: Option<Span>,
}

impl Found {
    /// The attribution of quoted region `ri`: its words inside the marks.
    fn quotation(
        v: &View<'_>,
        ri: usize,
        kind: QuoteKind,
        cue: Option<(usize, usize)>,
        source: Source,
    ) -> Found {
        Found {
            kind,
            content: (inner_first(v, ri), inner_last(v, ri)),
            span: v.regions[ri].region.inner,
            cue,
            source,
            addressee: None,
            continues: None,
            clause: None,
        }
    }

    /// The attribution of content tokens `s..e` (exclusive) read as `kind`, with its cue
    /// and source; the quotations it holds are claimed.
    fn claiming(
        v: &View<'_>,
        claimed: &mut [bool],
        kind: QuoteKind,
        (s, e): (usize, usize),
        cue: (usize, usize),
        source: Source,
    ) -> Found {
        let (content, span) = content_span(v, kind, s, e);
        claim(v, claimed, content);
        Found {
            kind,
            content,
            span,
            cue: Some(cue),
            source,
            addressee: None,
            continues: None,
            clause: None,
        }
    }
}

/// Options of the quote stage.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Also report attributed beliefs, wishes and findings ("Russia fears …", "the poll
    /// shows …") as indirect quotes.
    pub attitudes: bool,
}

struct CueHit {
    verb: &'static CueVerb,
    /// Noun-phrase contents are read too (the attitudes option).
    broad: bool,
    form: Form,
    /// Tokens of the cue, `a..b`.
    a: usize,
    b: usize,
    according: bool,
}

pub(crate) fn find(v: &View<'_>, opts: Options) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut claimed = vec![false; v.regions.len()];
    let lex = Lexicon::get();
    // Transcript turns first: their paragraphs hold no other attribution.
    let turn_units = transcript_turns(v, &mut out, &mut claimed);
    for (ui, unit) in v.units.iter().enumerate() {
        let (lo, hi) = (unit.start, unit.end);
        if turn_units.get(ui).copied().unwrap_or(false) {
            continue;
        }
        let first_in_unit = out.len();
        // Tokens covered by an attribution's content: cues inside them are nested.
        let mut covered_to = lo;
        let mut i = lo;
        while i < hi {
            let t = &v.toks[i];
            if t.in_region() || t.shape != Shape::Word || i < covered_to {
                i += 1;
                continue;
            }
            let Some(mut hit) = cue_at(v, i, hi, lex) else {
                i += 1;
                continue;
            };
            hit.broad = opts.attitudes;
            if !opts.attitudes && matches!(hit.verb.class, CueClass::Attitude | CueClass::Evidence)
            {
                i = hit.b;
                continue;
            }
            let before = out.len();
            attribute(v, &hit, lo, hi, first_in_unit, &mut out, &mut claimed);
            if out.len() > before {
                let f = &out[out.len() - 1];
                if f.content.0 >= hit.b {
                    covered_to = covered_to.max(f.content.1 + 1);
                }
                i = hit.b;
            } else {
                i = hit.b;
            }
            let _ = ui;
        }
    }
    nominal_attributions(v, &mut out, &mut claimed);
    headline_attribution(v, &mut out, &mut claimed);
    headline_quote(v, &mut out, &mut claimed);
    colon_attributions(v, &mut out, &mut claimed);
    as_characterisations(v, &mut out, &mut claimed);
    dash_attributions(v, &mut out, &mut claimed);
    continuations(v, &mut out, &mut claimed);
    out
}

/// Nouns of saying that attribute a that-clause to their possessor: "Trump's claim that
/// …", "her warning that …" (singular; a final "s" is the plural).
const SAYING_NOUNS: [&str; 18] = [
    "accusation",
    "admission",
    "allegation",
    "announcement",
    "argument",
    "assertion",
    "charge",
    "claim",
    "comment",
    "complaint",
    "contention",
    "insistence",
    "pledge",
    "prediction",
    "promise",
    "remark",
    "statement",
    "warning",
];

/// Attributions by a noun of saying: a possessor ("Trump's", "her"), the noun, "that" and
/// a clause: "Trump's claim that there have been “thousands of shootings”".
fn nominal_attributions(v: &View<'_>, out: &mut Vec<Found>, claimed: &mut [bool]) {
    // Tokens inside a content already found: nouns there are part of what was said. A
    // mask keeps the pass linear.
    let mut covered = vec![false; v.toks.len()];
    for f in out.iter() {
        if let Some(c) = covered.get_mut(f.content.0..=f.content.1) {
            c.fill(true);
        }
    }
    for k in 1..v.toks.len().saturating_sub(2) {
        let t = &v.toks[k];
        if covered[k] || t.in_region() || t.cap() || !v.is_word(k + 1, "that") {
            continue;
        }
        let lower = v.tok_text(k).to_ascii_lowercase();
        let noun = lower.strip_suffix('s').unwrap_or(&lower);
        if !SAYING_NOUNS.contains(&noun) {
            continue;
        }
        let unit = &v.units[v.unit_of[k] as usize];
        let (lo, hi) = (unit.start, unit.end);
        // The possessor: a possessive name or a possessive pronoun right before the noun.
        let p = &v.toks[k - 1];
        let source = if p.has(lex::POSSESSIVE) {
            np_left(v, k - 1, lo)
        } else if ["his", "her", "their"].iter().any(|w| v.is_word(k - 1, w)) {
            Some(Np {
                start: k - 1,
                end: k,
                head: k - 1,
                kind: NpKind::Pronoun,
            })
        } else {
            None
        };
        let Some(source) = source.filter(|np| np.start >= lo) else {
            continue;
        };
        let s = k + 2;
        let e = content_end(v, s, hi);
        if e < s + 3 || covered[s] {
            continue;
        }
        covered[s..e].fill(true);
        let kind = kind_of(v, s, e, true);
        out.push(Found::claiming(
            v,
            claimed,
            kind,
            (s, e),
            (k, k + 1),
            Source::Np(source),
        ));
    }
}

/// Words that label a headline, not a speaker: "Analysis: …", "The Latest: …".
const HEADLINE_LABELS: [&str; 24] = [
    "analysis",
    "breaking",
    "comment",
    "correction",
    "editorial",
    "exclusive",
    "explainer",
    "factbox",
    "guide",
    "interview",
    "latest",
    "live",
    "news",
    "newspaper",
    "obituary",
    "opinion",
    "photos",
    "poll",
    "preview",
    "profile",
    "review",
    "timeline",
    "update",
    "video",
];

fn is_headline_label(v: &View<'_>, k: usize) -> bool {
    HEADLINE_LABELS
        .iter()
        .any(|w| v.tok_text(k).eq_ignore_ascii_case(w))
}

/// The end of the headline (the first paragraph's tokens), when a body follows it.
fn headline_end(v: &View<'_>) -> Option<usize> {
    v.toks.iter().position(|t| t.para != 0)
}

/// The headline's end, when nothing in the headline is attributed yet.
fn open_headline(v: &View<'_>, out: &[Found]) -> Option<usize> {
    headline_end(v).filter(|&end| !out.iter().any(|f| f.content.0 < end))
}

/// A headline in the "Source: what they said" convention ("Lynch: No outside influence on
/// FBI probe", "Trump: ‘I’m the worst thing …’"): the name before the colon is the speaker
/// when the body names it too and what follows is a statement — a quotation or a verb —
/// rather than a profile's noun phrase ("Arthur Hailey: King of the bestsellers").
fn headline_attribution(v: &View<'_>, out: &mut Vec<Found>, claimed: &mut [bool]) {
    let Some(end) = open_headline(v, out) else {
        return;
    };
    let Some(colon) = (1..end.min(6)).find(|&k| v.toks[k].is_punct(':')) else {
        return;
    };
    let name_like = (0..colon).all(|k| {
        let t = &v.toks[k];
        t.is_word()
            && t.cap()
            && !t.in_region()
            && !t.is(class::PRON | class::DET)
            && !is_headline_label(v, k)
    });
    if !name_like {
        return;
    }
    // The body names the speaker again.
    let last = v.tok_text(colon - 1);
    if !v.toks[end..]
        .iter()
        .any(|t| t.cap() && t.span.slice(v.text) == last)
    {
        return;
    }
    let s = colon + 1;
    let mut e = end;
    while e > s && v.toks[e - 1].shape == Shape::Punct && !v.toks[e - 1].in_region() {
        e -= 1;
    }
    if e < s + 3 {
        return;
    }
    let quoted = (s..e).any(|k| v.toks[k].in_region());
    let statement = quoted
        || (s..e).any(|k| {
            let t = &v.toks[k];
            t.is(class::VERB | class::AUX | class::NEG)
                || t.entry.is_some_and(|e| !e.cues.is_empty())
        });
    if !statement || (s..e).any(|k| v.toks[k].in_region() && claimed[v.toks[k].region as usize]) {
        return;
    }
    // One quotation and nothing else: the speaker's words.
    let whole = v.toks[s].in_region() && {
        let ri = v.toks[s].region as usize;
        v.regions[ri].toks.0 == s && v.regions[ri].toks.1 + 1 >= e
    };
    let (kind, content, span) = if whole {
        let ri = v.toks[s].region as usize;
        let c = (inner_first(v, ri), inner_last(v, ri));
        (QuoteKind::Direct, c, v.regions[ri].region.inner)
    } else {
        let kind = if quoted {
            QuoteKind::Mixed
        } else {
            QuoteKind::Indirect
        };
        (kind, (s, e - 1), v.span(s, e - 1))
    };
    if content.1 < content.0 {
        return;
    }
    for k in s..e {
        if v.toks[k].in_region() {
            claimed[v.toks[k].region as usize] = true;
        }
    }
    out.push(Found {
        kind,
        content,
        span,
        cue: Some((colon, colon + 1)),
        source: Source::Np(Np {
            start: 0,
            end: colon,
            head: colon - 1,
            kind: NpKind::Name,
        }),
        addressee: None,
        continues: None,
        clause: None,
    });
}

/// A name and a colon before a quotation, in the body: "Clinton: “Our goal is …”",
/// "Pollsters agree - Carl Bialik: “…”", "From the report: “…”". The name opens its
/// sentence or follows a dash or "from"; the colon is the cue.
fn colon_attributions(v: &View<'_>, out: &mut Vec<Found>, claimed: &mut [bool]) {
    let body = headline_end(v).unwrap_or(v.toks.len());
    for k in body.max(1)..v.toks.len().saturating_sub(1) {
        let t = &v.toks[k];
        if !t.is_punct(':') || t.in_region() {
            continue;
        }
        let Some(ri) = v.opened_region(k + 1).filter(|&ri| !claimed[ri]) else {
            continue;
        };
        let lo = v.units[v.unit_of[k] as usize].start;
        let Some(np) = np_left(v, k - 1, lo) else {
            continue;
        };
        let h = &v.toks[np.head];
        let named = np.kind == NpKind::Name && !h.is(class::TIME)
            || h.is(class::ARTIFACT | class::SPEAKER | class::GROUP);
        let label = is_headline_label(v, np.head);
        let opens = np.start == lo || {
            let p = &v.toks[np.start - 1];
            matches!(p.ch, '-' | '\u{2014}' | '\u{2013}') && p.shape == Shape::Punct
                || v.is_word(np.start - 1, "from")
        };
        if np.end != k || !named || label || !opens || v.toks[np.start].para != t.para {
            continue;
        }
        claimed[ri] = true;
        out.push(Found::quotation(
            v,
            ri,
            QuoteKind::Direct,
            Some((k, k + 1)),
            Source::Np(np),
        ));
    }
}

/// A quoted characterisation after "as" with any verb: "Reid has gone after Trump as a
/// “con artist”", "Trump openly admires Putin as a “strong leader”". The verb's subject
/// is credited with the quoted words (a partial quote), the object and the quotation are
/// the clause. The verb must have a subject and an object: "known as “…”" has neither.
fn as_characterisations(v: &View<'_>, out: &mut Vec<Found>, claimed: &mut [bool]) {
    for ri in 0..v.regions.len() {
        if claimed[ri] {
            continue;
        }
        let r = &v.regions[ri];
        let o = r.toks.0;
        if v.opened_region(o) != Some(ri) || o < 4 {
            continue;
        }
        let lo = v.units[v.unit_of[o] as usize].start;
        let mut a = o - 1;
        if v.toks[a].is(class::DET) && a > lo {
            a -= 1;
        }
        if !v.is_word(a, "as") || a < lo + 3 {
            continue;
        }
        let verb_like = |k: usize| {
            let w = &v.toks[k];
            w.is_word()
                && !w.cap()
                && !w.in_region()
                && !w.is(class::FUNCTION | class::DET | class::TIME)
                && {
                    let t = v.tok_text(k);
                    t.ends_with("ed") || t.ends_with("es") || t.ends_with("ing") || t == "gone"
                }
                && !v.is_word(k, "known")
        };
        // The object: a pronoun or a noun phrase right before "as" (a noun phrase read
        // leftwards may run into the verb: it starts after it).
        let obj = if v.toks[a - 1].is(class::OBJ) {
            Some(a - 1)
        } else {
            np_left(v, a - 1, lo)
                .filter(|np| np.end == a && np.kind != NpKind::Pronoun)
                .map(|np| {
                    (np.start..np.head)
                        .rev()
                        .find(|&k| verb_like(k))
                        .map_or(np.start, |k| k + 1)
                })
        };
        let Some(obj) = obj.filter(|&s| s > lo + 1 && s < a) else {
            continue;
        };
        // The verb, with a particle ("gone after"), after the subject and any auxiliaries.
        let mut vb = obj - 1;
        let particle = v.toks[vb].is(class::PREP) && !v.is_word(vb, "of") && vb > lo + 1;
        if particle {
            vb -= 1;
        }
        if !verb_like(vb) {
            continue;
        }
        let mut g = vb;
        while g > lo && v.toks[g - 1].is(class::AUX | class::ADV | class::NEG) {
            g -= 1;
        }
        if g == lo {
            continue;
        }
        let Some(subject) = np_left(v, g - 1, lo).filter(|np| np.end == g) else {
            continue;
        };
        let hi = v.units[v.unit_of[o] as usize].end;
        let e = content_end(v, obj, hi);
        named_partials(v, (vb, obj), (obj, e), Source::Np(subject), out, claimed);
    }
}

/// A headline that credits a quotation to its subject: "Obama Sees ‘Personal Insult’ if
/// Blacks Don't Rally", "Hillary Clinton Speaks ‘Directly To White People’", "A lesson
/// from Loretta Lynch: ‘Be the voice that people hear.’". The subject is the capitalised
/// words before the verb (or the name before the colon); what follows the verb is the
/// content, as headline grammar has it. Only when nothing else in the headline was
/// attributed.
fn headline_quote(v: &View<'_>, out: &mut Vec<Found>, claimed: &mut [bool]) {
    let Some(end) = open_headline(v, out) else {
        return;
    };
    let Some(first_region) = (0..end).find(|&k| {
        v.opened_region(k)
            .is_some_and(|ri| !claimed[ri] && v.regions[ri].toks.1 < end)
    }) else {
        return;
    };
    // A label opens some headlines: "The Latest: …", "Analysis: …".
    let mut start = 0;
    if let Some(c) = (1..first_region.min(4)).find(|&k| v.toks[k].is_punct(':')) {
        if (0..c).any(|k| is_headline_label(v, k)) {
            start = c + 1;
        }
    }
    let lex = Lexicon::get();
    let name_word = |k: usize| {
        let t = &v.toks[k];
        t.is_word() && t.cap() && !t.in_region() && !t.is(class::PRON | class::DET | class::CONJ)
    };
    // "Name: …" (a name right before the colon, after "from" or at the start).
    let colon = (start + 1..first_region).find(|&k| v.toks[k].is_punct(':'));
    let (source, cue, from) = if let Some(c) = colon {
        let name_before = |e: usize| {
            let mut s = e;
            while s > start && name_word(s - 1) && e - s < 8 {
                s -= 1;
            }
            s
        };
        let mut s = name_before(c);
        let mut e = c;
        // "Obama on Climate Change: …": the name before the topic.
        if s > start + 1 && (v.is_word(s - 1, "on") || v.is_word(s - 1, "about")) {
            e = s - 1;
            s = name_before(e);
        }
        let opens = s == start || v.is_word(s - 1, "from");
        if s == e || !opens {
            return;
        }
        ((s, e), (c, c + 1), c + 1)
    } else {
        // "Subject Verb …": the first cue, or a verb in the third person, after a name.
        let Some(i) = (start + 1..first_region).find(|&i| {
            let t = &v.toks[i];
            let w = v.tok_text(i);
            t.is_word()
                && !t.has(lex::POSSESSIVE)
                && (cue_at(v, i, end, lex).is_some()
                    || t.entry.is_none() && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
        }) else {
            return;
        };
        if i - start > 5 || !(start..i).all(name_word) {
            return;
        }
        ((start, i), (i, i + 1), i + 1)
    };
    let mut e = end;
    while e > from && v.toks[e - 1].shape == Shape::Punct && !v.toks[e - 1].in_region() {
        e -= 1;
    }
    if e <= from {
        return;
    }
    let kind = kind_of(v, from, e, false);
    if kind == QuoteKind::Indirect {
        return;
    }
    let source = Source::Np(Np {
        start: source.0,
        end: source.1,
        head: source.1 - 1,
        kind: NpKind::Name,
    });
    out.push(Found::claiming(v, claimed, kind, (from, e), cue, source));
}

/// Interview transcripts: a paragraph opened by a speaker's label in capitals and a colon
/// ("PENCE: Well, look, …") is that speaker's words, to the paragraph's end.
fn transcript_turns(v: &View<'_>, out: &mut Vec<Found>, claimed: &mut [bool]) -> Vec<bool> {
    let mut turns = vec![false; v.units.len()];
    const NOT_SPEAKERS: [&str; 14] = [
        "UPDATE",
        "SUMMARY",
        "NOTE",
        "WATCH",
        "READ",
        "CORRECTION",
        "BREAKING",
        "EXCLUSIVE",
        "ANALYSIS",
        "OPINION",
        "PHOTOS",
        "VIDEO",
        "RELATED",
        "EDITOR",
    ];
    let mut u = 0;
    while u < v.units.len() {
        let unit = v.units[u].clone();
        u += 1;
        let lo = unit.start;
        if !v.toks[lo].has(lex::PARA_START) || v.toks[lo].para == 0 {
            continue;
        }
        // A quoted transcript: "“WALLACE: …" (the label inside the quotation).
        let quoted = v.opened_region(lo).is_some();
        let first = lo + usize::from(quoted);
        let mut k = first;
        while k < unit.end
            && k < first + 3
            && v.toks[k].has(lex::ALL_CAPS)
            && v.toks[k].shape == Shape::Word
        {
            k += 1;
        }
        if k == first || k >= unit.end || !v.toks[k].is_punct(':') {
            continue;
        }
        if (first..k).any(|j| NOT_SPEAKERS.iter().any(|w| v.tok_text(j) == *w)) {
            continue;
        }
        if quoted {
            let ri = v.toks[lo].region as usize;
            if claimed[ri] {
                continue;
            }
            claimed[ri] = true;
            let r = &v.regions[ri];
            let s = k + 1;
            let e = inner_last(v, ri);
            if e <= s {
                continue;
            }
            mark_units(v, lo, r.toks.1 + 1, &mut turns);
            out.push(Found {
                kind: QuoteKind::Direct,
                content: (s, e),
                span: Span::new(v.toks[s].span.start, r.region.inner.end),
                cue: Some((k, k + 1)),
                source: Source::Np(Np {
                    start: first,
                    end: k,
                    head: k - 1,
                    kind: NpKind::Name,
                }),
                addressee: None,
                continues: None,
                clause: None,
            });
            continue;
        }
        // The turn runs to the paragraph's end.
        let para = v.toks[lo].para;
        let mut end = unit.end;
        while end < v.toks.len() && v.toks[end].para == para {
            end += 1;
        }
        let s = k + 1;
        if end - s < 8
            || (s..end).any(|j| v.toks[j].in_region() && claimed[v.toks[j].region as usize])
        {
            continue;
        }
        for j in s..end {
            if v.toks[j].in_region() {
                claimed[v.toks[j].region as usize] = true;
            }
        }
        let mut e = end;
        while e > s + 1 && v.toks[e - 1].shape == Shape::Punct && !v.toks[e - 1].in_region() {
            e -= 1;
        }
        mark_units(v, lo, end, &mut turns);
        out.push(Found {
            kind: if (s..e).any(|j| v.toks[j].in_region()) {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            },
            content: (s, e - 1),
            span: v.span(s, e - 1),
            cue: Some((k, k + 1)),
            source: Source::Np(Np {
                start: first,
                end: k,
                head: k - 1,
                kind: NpKind::Name,
            }),
            addressee: None,
            continues: None,
            clause: None,
        });
    }
    turns
}

/// Marks the units holding tokens `from..to`.
fn mark_units(v: &View<'_>, from: usize, to: usize, units: &mut [bool]) {
    if from >= to || to > v.toks.len() {
        return;
    }
    for u in v.unit_of[from]..=v.unit_of[to - 1] {
        units[u as usize] = true;
    }
}

/// "“…” ― Francisco Herrero": a quotation signed with a dash and a name.
fn dash_attributions(v: &View<'_>, out: &mut Vec<Found>, claimed: &mut [bool]) {
    for (ri, r) in v.regions.iter().enumerate() {
        if claimed[ri] || r.region.close.is_none() {
            continue;
        }
        let d = r.toks.1 + 1;
        let Some(dash) = v.toks.get(d) else {
            continue;
        };
        let is_dash = dash.shape == Shape::Punct
            && (matches!(dash.ch, '\u{2015}' | '\u{2014}' | '\u{2013}')
                || dash.ch == '-' && v.toks.get(d + 1).is_some_and(|t| t.is_punct('-')));
        if !is_dash || dash.para != v.toks[r.toks.1].para {
            continue;
        }
        let mut s = d + 1;
        while s < v.toks.len() && v.toks[s].is_punct('-') {
            s += 1;
        }
        let unit_end = v.units[v.unit_of[d] as usize].end;
        let Some(np) = np_right(v, s, unit_end) else {
            continue;
        };
        let rest_ok = v.toks[np.end..unit_end]
            .iter()
            .all(|t| t.shape == Shape::Punct);
        if np.kind != NpKind::Name || !rest_ok || v.toks[np.start].para != dash.para {
            continue;
        }
        claimed[ri] = true;
        out.push(Found::quotation(
            v,
            ri,
            QuoteKind::Direct,
            Some((d, d + 1)),
            Source::Np(np),
        ));
    }
}

/// The reporting verb (or "according to") starting at token `i`.
fn cue_at(v: &View<'_>, i: usize, hi: usize, lex: &'static Lexicon) -> Option<CueHit> {
    let t = &v.toks[i];
    if v.is_word(i, "according") && i + 1 < hi && v.is_word(i + 1, "to") {
        let verb = lex.verbs.iter().find(|c| &*c.lemma == "say")?;
        return Some(CueHit {
            verb,
            broad: false,
            form: Form::Base,
            a: i,
            b: i + 2,
            according: true,
        });
    }
    let entry = t.entry?;
    'forms: for cf in &entry.cues {
        let b = i + 1 + cf.tail.len();
        if b > hi {
            continue;
        }
        for (k, w) in cf.tail.iter().enumerate() {
            let j = i + 1 + k;
            if v.toks[j].in_region() || !v.tok_text(j).eq_ignore_ascii_case(w) {
                continue 'forms;
            }
        }
        let verb = &lex.verbs[cf.verb as usize];
        let hit = CueHit {
            verb,
            broad: false,
            form: cf.form,
            a: i,
            b,
            according: false,
        };
        if verbal(v, &hit) {
            return Some(hit);
        }
    }
    None
}

/// Determiners that stand for people as a subject ("Yet another said", "Many argue").
const STANDING_DETERMINERS: [&str; 7] = [
    "another", "others", "many", "some", "several", "both", "most",
];

/// Whether the cue word is used as a verb here (not "a statement", "his claims").
fn verbal(v: &View<'_>, hit: &CueHit) -> bool {
    let i = hit.a;
    let prev = skip_left(v, i, |t| {
        t.is(class::ADV | class::NEG) && !t.is(class::TIME)
    });
    if let Some(p) = prev {
        let pt = &v.toks[p];
        if (pt.is(class::DET | class::POSS) && !pt.is(class::PRON) || pt.has(lex::POSSESSIVE))
            && !STANDING_DETERMINERS.iter().any(|w| v.is_word(p, w))
        {
            return false;
        }
        // "the said agreement", "a so-called"
        if pt.is_punct('-') {
            return false;
        }
    }
    if hit.verb.has(frame::NOUN) && matches!(hit.form, Form::Base | Form::ThirdSingular) {
        // "notes", "claims", "calls": a verb after a subject, an auxiliary or "to", or
        // when a complement follows ("calls on Russia to", "notes that").
        let subject_before = prev.is_some_and(|p| {
            let pt = &v.toks[p];
            pt.is(class::PRON | class::AUX | class::SPEAKER | class::GROUP | class::ROLE)
                || v.is_word(p, "to")
                || pt.cap() && !pt.has(lex::SENT_START)
        });
        let complement_after = hit.b < v.toks.len() && {
            let n = &v.toks[hit.b];
            v.is_word(hit.b, "that")
                || n.is_punct(':')
                || n.mark == Some(Role::Open)
                || hit.verb.has(frame::INF) && v.is_word(hit.b, "on")
        };
        if !subject_before && !complement_after {
            return false;
        }
    }
    // A capitalised cue in the middle of a sentence is a name ("Hope", "Post").
    if v.toks[i].cap() && !v.toks[i].has(lex::SENT_START) && !v.toks[i].has(lex::ALL_CAPS) {
        let titlecase_context =
            i > 0 && v.toks[i - 1].cap() && i + 1 < v.toks.len() && v.toks[i + 1].cap();
        if !titlecase_context && hit.verb.has(frame::NOUN) {
            return false;
        }
    }
    true
}

/// The nearest token left of `i` that `skip` does not skip, within the same unit.
fn skip_left(v: &View<'_>, i: usize, skip: impl Fn(&lex::Tok) -> bool) -> Option<usize> {
    let unit = v.units[v.unit_of[i] as usize].start;
    let mut k = i;
    while k > unit {
        k -= 1;
        if !skip(&v.toks[k]) {
            return Some(k);
        }
    }
    None
}

/// Reads one cue: source, addressee and content, in the frame that fits.
fn attribute(
    v: &View<'_>,
    hit: &CueHit,
    lo: usize,
    hi: usize,
    first_in_unit: usize,
    out: &mut Vec<Found>,
    claimed: &mut [bool],
) {
    if hit.according {
        according(v, hit, lo, hi, out, claimed);
        return;
    }
    // The verb group: auxiliaries, negation and adverbs before the cue.
    let mut g = hit.a;
    let mut passive = false;
    while g > lo {
        let t = &v.toks[g - 1];
        if t.in_region() {
            break;
        }
        if t.is(class::AUX | class::NEG) || t.is(class::ADV) && !t.is(class::TIME | class::SUB) {
            if matches!(
                v.tok_text(g - 1).to_ascii_lowercase().as_str(),
                "was" | "were" | "is" | "are" | "been" | "being" | "be"
            ) && matches!(hit.form, Form::Past | Form::PastParticiple)
            {
                passive = true;
            }
            g -= 1;
        } else {
            break;
        }
    }
    // "Brandt, asked whether he trusted …, paused": a question put to the name before
    // the comma, not a statement of anyone's.
    if hit.verb.has(frame::ASK)
        && matches!(hit.form, Form::Past | Form::PastParticiple)
        && g > lo
        && v.toks[g - 1].is_punct(',')
        && g >= lo + 2
        && v.toks[g - 2].is_word()
        && v.toks[g - 2].cap()
    {
        return;
    }
    if passive {
        // "was described as “…”": a partial quotation with an unstated source.
        if hit.verb.has(frame::AS | frame::NAME) {
            partial_after(v, hit, hit.b, hi, Source::None, out, claimed);
        }
        return;
    }
    let participle = hit.form == Form::Ing && !(g < hit.a && v.toks[g].is(class::AUX));
    let right = complement(v, hit, hi);
    let cue = (hit.a, hit.b);
    // A naming verb's object with its quotation, read once: "called Clinton a “disgrace”".
    let naming = hit.verb.has(frame::AS | frame::NAME);
    let named_object = if naming {
        object_quote(v, hit, hit.b, hi)
    } else {
        None
    };
    // Only a conjunction and a comma before the cue: "But, said Solovey, “…”".
    let cue_opens_unit = (lo..g).all(|k| v.toks[k].is(class::CONJ) || v.toks[k].is_punct(','));

    // Who: the subject on the left, an inverted subject on the right, or the clause's
    // subject for a participle.
    let left_np = if g > lo { np_left(v, g - 1, lo) } else { None };
    if participle {
        if let Some(np) = left_np {
            let gerund = np.start > lo
                && [
                    "about", "of", "on", "for", "by", "after", "despite", "against", "over",
                ]
                .iter()
                .any(|w| v.is_word(np.start - 1, w));
            // "footage of Clinton asking, “Why …?”": a gerund that introduces a
            // quotation still reports it.
            if gerund && !right.is_some_and(|r| r.introduced) {
                return;
            }
        }
    }
    // "and said", "but warned", and a list of predicates: "suggested …, called her “…”".
    let coordinated = g > lo
        && (v.is_word(g - 1, "and")
            || v.is_word(g - 1, "but")
            || v.toks[g - 1].is_punct(',')
                && matches!(hit.form, Form::Past | Form::ThirdSingular)
                && !v.toks[hit.a].cap()
                && out[first_in_unit..]
                    .iter()
                    .any(|f| f.cue.is_some_and(|c| c.1 < g) && f.content.1 < g)
                && v.toks.get(hit.b).is_some_and(|t| {
                    t.is(class::OBJ) || v.is_word(hit.b, "that") || t.is(class::DET | class::POSS)
                }));
    let mut source = Source::None;
    let mut content_left: Option<(usize, usize)> = None;
    // "The industry, she said, is “doing much better”": content on both sides of the cue.
    let mut paren: Option<(usize, usize)> = None;
    if coordinated && !participle {
        source = governing_source(v, lo, hit.a, first_in_unit, out);
    } else if participle {
        source = match left_np {
            Some(np)
                if !passive && np.kind != NpKind::Pronoun
                    || left_np.is_some_and(|n| n.kind == NpKind::Pronoun) =>
            {
                Source::Np(np)
            }
            _ => governing_source(v, lo, hit.a, first_in_unit, out),
        };
    } else if let Some(np) = left_np.filter(|_| !passive) {
        source = Source::Np(np);
        if right.is_none() {
            paren = parenthetical_rest(v, hit.b, hi);
        }
        // A bare clause on the right may be an adverbial ("“…,” Trump said 30 minutes
        // into the debate"): the left is read too, and a quotation there wins below.
        if right.is_none_or(|r| r.introduced || !r.that) {
            content_left = left_content(v, np.start, lo, first_in_unit, out, paren.is_some());
        }
        // "The day after the primary, Ducey called the long lines “unacceptable”": a
        // naming verb's content is its object.
        if named_object.is_some()
            && content_left.is_some_and(|(s, e)| kind_of(v, s, e, false) != QuoteKind::Direct)
        {
            content_left = None;
        }
        // Content on both sides: the right side wins unless the left is a quotation and
        // the right is no that-clause ("“…,” she said several months later, and …").
        if let (Some((s, e)), Some(r)) = (content_left, right) {
            if r.that || kind_of(v, s, e, false) != QuoteKind::Direct {
                content_left = None;
            }
        }
    } else if g > lo && is_comma_or_close(v, g - 1) {
        // "…,” said X" (inverted) or "X, who …, said". After "told" the name is the
        // addressee ("“…,” Holtz-Eakin, an economist, told The Times").
        let tell = hit.verb.has(frame::TELL);
        // A verb that only names ("called", "described") takes its subject on the left.
        let inverted = np_right(v, hit.b, hi)
            .filter(|_| !tell && hit.verb.has(frame::QUOTE | frame::CLAUSE | frame::COLON))
            .filter(|np| {
            np.end >= hi || {
                let n = &v.toks[np.end];
                n.shape == Shape::Punct && matches!(n.ch, ',' | '.' | ';' | '(' | ':' | '?' | '!')
                    || n.is(class::TIME)
                    || n.mark.is_some()
                    // "“…,” said Carly Fiorina during the debate"
                    || n.is(class::PREP) && !v.is_word(np.end, "of") && !n.cap()
                    // "“…,” said a GOP data expert who has worked for …"
                    || is_close_mark_before(v, g - 1)
                        && (v.is_word(np.end, "who") || v.is_word(np.end, "whose"))
            }
        });
        // "Ayrault, the foreign minister of France, said North Korea's latest “…”": a
        // source in apposition before the cue, and the words after it open the content.
        let appositive_first = right
            .is_some_and(|r| inverted.is_some_and(|np| r.start == np.start))
            && !is_close_mark_before(v, g - 1)
            && apposition_source(v, g - 1, lo).is_some();
        match inverted.filter(|_| !appositive_first) {
            Some(np) if right.is_none_or(|r| r.start <= np.end || r.introduced) => {
                source = Source::Np(np);
                content_left = left_content(v, hit.a, lo, first_in_unit, out, false);
                if let Some(np2) = apposition_source(v, g - 1, lo) {
                    if content_left.is_none() {
                        source = Source::Np(np2);
                    }
                }
            }
            _ => {
                if let Some(np) = apposition_source(v, g - 1, lo) {
                    source = Source::Np(np);
                    if right.is_none_or(|r| r.introduced) {
                        content_left = left_content(v, np.start, lo, first_in_unit, out, false);
                    }
                }
            }
        }
    } else if let Some(np) =
        np_right(v, hit.b, hi).filter(|_| cue_opens_unit && hit.verb.has(frame::QUOTE))
    {
        // Unit-initial inverted cue: "Said the minister: …" (rare).
        source = Source::Np(np);
    }
    let inverted_source_end = match source {
        Source::Np(np) if np.start >= hit.b => Some(np.end),
        _ => None,
    };
    // "Said Ellis: “…”", "Said Comey, “…”", "Said Poynter, who grew up with Ali, “…”"
    if let Some(mut e) = inverted_source_end {
        if g == lo && e + 2 < hi && v.toks[e].is_punct(',') && v.is_word(e + 1, "who") {
            if let Some(c) = (e + 2..(e + 20).min(hi))
                .find(|&k| v.toks[k].is_punct(',') && v.opened_region(k + 1).is_some())
            {
                e = c;
            }
        }
        if content_left.is_none()
            && e + 1 < hi
            && (v.toks[e].is_punct(':') || v.toks[e].is_punct(',') && cue_opens_unit)
            && v.opened_region(e + 1).is_some()
        {
            let ri = v.toks[e + 1].region as usize;
            claimed[ri] = true;
            out.push(Found::quotation(
                v,
                ri,
                QuoteKind::Direct,
                Some((hit.a, hit.b)),
                source,
            ));
            return;
        }
    }

    // What: content on the right (complement), or on the left (the cue follows it).
    // "“A,” she said, “B.”": a quotation on both sides is one split quotation, read from
    // the left.
    let split = content_left.is_some_and(|(s, e)| kind_of(v, s, e, false) == QuoteKind::Direct);
    if let Some(r) = right.filter(|r| {
        inverted_source_end.is_none_or(|e| r.start >= e) && !(split && (r.introduced || !r.that))
    }) {
        let kind = if r.introduced {
            QuoteKind::Direct
        } else {
            kind_of(v, r.start, r.end, r.that)
        };
        let found = Found::claiming(v, claimed, kind, (r.start, r.end), (hit.a, hit.b), source);
        out.push(Found {
            addressee: r.addressee,
            ..found
        });
        return;
    }
    if let Some((s, e)) = content_left {
        let kind = kind_of(v, s, e, false);
        let (content, span) = content_span(v, kind, s, e);
        claim(v, claimed, content);
        let idx = out.len();
        out.push(Found {
            kind,
            content,
            span,
            cue: Some((hit.a, hit.b)),
            source,
            addressee: right
                .and_then(|r| r.addressee)
                .or_else(|| addressee_after(v, hit, hi)),
            continues: None,
            clause: None,
        });
        // "“A,” he said, “B.”": the second part shares the attribution.
        if kind == QuoteKind::Direct {
            let after = inverted_source_end.unwrap_or(hit.b);
            split_rest(v, after, hi, idx, out, claimed);
        } else if let Some((s, e)) =
            paren.or_else(|| conjoined_quotation(v, inverted_source_end.unwrap_or(hit.b), hi))
        {
            push_rest(v, (s, e), (hit.a, hit.b), idx, out, claimed);
        }
        return;
    }
    // "During his years in office, he said, most voters …": the words after a
    // parenthetical cue are the content when those before it are a fronted phrase.
    if let Some((s, e)) = paren {
        let kind = kind_of(v, s, e, false);
        out.push(Found::claiming(v, claimed, kind, (s, e), cue, source));
        return;
    }
    // A verb of saying with an object holding a quoted fragment: "denied the “false” claims"
    // (mixed). A verb that names its object with quoted words ("called the judge a
    // “hater”", "described the attack as “a sobering reminder”") credits only the quoted
    // words: a partial quote, below.
    let from = inverted_source_end.unwrap_or(hit.b);
    // "what he called a “brazen breach” of U.N. resolutions": the free relative is the
    // reported thing, and the clause starts with it.
    let free_relative = match source {
        Source::Np(np) if np.start > lo && np.end == g && v.is_word(np.start - 1, "what") => {
            Some(np.start - 1)
        }
        _ => None,
    };
    let object = if naming && from == hit.b {
        named_object
    } else {
        object_quote(v, hit, from, hi)
    };
    if let Some((s, e)) = object {
        if naming {
            // "called Clinton a “disgrace”": each quoted phrase is a partial quote, and
            // the clause from the object on is what was reported.
            named_partials(
                v,
                cue,
                (free_relative.unwrap_or(s), e),
                source,
                out,
                claimed,
            );
        } else {
            out.push(Found::claiming(
                v,
                claimed,
                QuoteKind::Mixed,
                (s, e),
                cue,
                source,
            ));
        }
        return;
    }
    // A quoted phrase credited to the source: "dubbed it “reckless”", "warned of “…”".
    if !matches!(source, Source::None) || naming {
        let before = out.len();
        partial_after(
            v,
            hit,
            inverted_source_end.unwrap_or(hit.b),
            hi,
            source,
            out,
            claimed,
        );
        if let (Some(w), Some(f)) = (free_relative, out.get_mut(before)) {
            let end = f.clause.map_or(f.span.end, |c| c.end).max(
                v.toks
                    .get(f.content.1 + 1)
                    .filter(|t| t.mark == Some(Role::Close))
                    .map_or(0, |t| t.span.end),
            );
            f.clause = Some(Span::new(v.toks[w].span.start, end));
        }
    }
}

/// The object of a verb of saying, with the quoted words it holds or that complement it,
/// to the content's end: tokens `s..e`. The object comes first ("called *him* a “…”",
/// "described *the attack* as “…”"); a quotation right after the verb or after a
/// preposition ("dubbed “…”", "warned of “…”") is a partial quote instead.
fn object_quote(v: &View<'_>, hit: &CueHit, from: usize, hi: usize) -> Option<(usize, usize)> {
    let verb = hit.verb;
    let speech = matches!(verb.class, CueClass::Speech | CueClass::Writing);
    if !(speech || hit.broad) || !verb.has(frame::AS | frame::NAME | frame::OBJ) || from >= hi {
        return None;
    }
    let t = &v.toks[from];
    let naming = verb.has(frame::AS | frame::NAME);
    let object = t.is(class::OBJ) && !v.is_word(from, "us")
        // "called half of his supporters “…”", "rated 32% of claims as “…”", "called what
        // she witnessed “terrible”"
        || naming
            && (t.is(class::DET | class::NUM) && !t.is(class::PREP)
                || t.shape == Shape::Number
                || v.is_word(from, "what"))
        || np_right(v, from, hi).is_some();
    if t.in_region() || !object || t.is(class::PREP) && !t.is(class::OBJ) {
        return None;
    }
    let lex = Lexicon::get();
    let limit = (from + 14).min(hi);
    let mut k = from;
    while k < limit {
        let u = &v.toks[k];
        if u.in_region() {
            let r = &v.regions[u.region as usize];
            if r.region.inner.len() > 200 {
                return None;
            }
            let e = content_end(v, from, hi);
            return (e > k).then_some((from, e));
        }
        // A relative clause inside a named object: "called the assault that killed five
        // officers “an attack on our country”".
        let relative = naming
            && (k > from && (v.is_word(k, "that") || v.is_word(k, "who") || v.is_word(k, "which"))
                || k == from && v.is_word(k, "what"));
        if u.shape == Shape::Punct && !matches!(u.ch, '-' | '\'' | '%' | '/' | '$')
            || u.is(class::SUB) && !v.is_word(k, "as") && !relative
            || u.is(class::AUX)
            || k > from
                && u.is_word()
                && !u.cap()
                // "rated 32% of Republican claims as “false”": a noun, not a second cue
                && cue_at(v, k, hi, lex).is_some_and(|h| {
                    !(h.verb.has(frame::NOUN) && matches!(h.form, Form::Base | Form::ThirdSingular))
                })
        {
            return None;
        }
        k += 1;
    }
    None
}

/// The quoted phrases of a naming clause `s..e` ("Trump a “pathological liar” who is
/// “utterly amoral”"), each a partial quote that carries the whole clause.
fn named_partials(
    v: &View<'_>,
    cue: (usize, usize),
    (s, e): (usize, usize),
    source: Source,
    out: &mut Vec<Found>,
    claimed: &mut [bool],
) {
    // "likened the rules to “burning the Constitution”": what the rules were likened to
    // is the reported part.
    let first_region = (s..e).find(|&k| v.toks[k].in_region()).unwrap_or(e);
    let s = (s..first_region)
        .rfind(|&k| v.is_word(k, "to"))
        .map_or(s, |k| k + 1);
    // "… as a “disgrace” after she attacked …": a subordinate clause after the quoted
    // words is the writer's.
    let e = (first_region..e)
        .find(|&k| {
            let t = &v.toks[k];
            !t.in_region()
                && t.is(class::SUB)
                && !v.is_word(k, "as")
                && !v.is_word(k, "that")
                && k + 1 < e
                && v.toks[k + 1].is(class::PRON | class::DET)
        })
        .unwrap_or(e);
    let ((cs, ce), clause) = content_span(v, QuoteKind::Mixed, s, e);
    let mut k = cs;
    while k <= ce {
        let t = &v.toks[k];
        if !t.in_region() {
            k += 1;
            continue;
        }
        let ri = t.region as usize;
        let r = &v.regions[ri];
        if !claimed[ri] {
            claimed[ri] = true;
            out.push(Found {
                clause: Some(clause),
                ..Found::quotation(v, ri, QuoteKind::Partial, Some(cue), source)
            });
        }
        k = r.toks.1.max(k) + 1;
    }
}

/// A short quotation within a few words after the cue, credited as a partial quote.
fn partial_after(
    v: &View<'_>,
    hit: &CueHit,
    from: usize,
    hi: usize,
    source: Source,
    out: &mut Vec<Found>,
    claimed: &mut [bool],
) {
    let mut k = from;
    let mut preps = 0;
    let limit = (k + 8).min(hi);
    while k < limit {
        let t = &v.toks[k];
        if t.in_region() {
            let ri = t.region as usize;
            let r = &v.regions[ri];
            if claimed[ri] || r.region.inner.len() > 80 {
                return;
            }
            claimed[ri] = true;
            out.push(Found {
                // "warned of “grave consequences”": the words between the cue and the
                // quotation belong to what was reported.
                clause: (k > from).then(|| v.span(from, r.toks.1)),
                ..Found::quotation(v, ri, QuoteKind::Partial, Some((hit.a, hit.b)), source)
            });
            return;
        }
        // "sings to Clinton in a preview clip of ‘The 411’": past a second preposition
        // the quotation names something else.
        if t.is(class::PREP) && !v.is_word(k, "as") {
            preps += 1;
        }
        if t.shape == Shape::Punct && !matches!(t.ch, '-')
            || t.is(class::SUB) && !v.is_word(k, "as")
            || preps > 1
        {
            return;
        }
        k += 1;
    }
}

/// A closing quotation mark at `k`, or at `k - 1` before a comma at `k` (",”" / "”,").
fn is_close_mark_before(v: &View<'_>, k: usize) -> bool {
    v.toks[k].mark == Some(Role::Close)
        || k > 0 && v.toks[k].is_punct(',') && v.toks[k - 1].mark == Some(Role::Close)
}

fn is_comma_or_close(v: &View<'_>, k: usize) -> bool {
    let t = &v.toks[k];
    t.is_punct(',')
        || t.mark == Some(Role::Close)
        || t.is_punct('\u{2014}')
        || t.is_punct('\u{2013}')
}

/// "According to X, …" and "…, according to X".
fn according(
    v: &View<'_>,
    hit: &CueHit,
    lo: usize,
    hi: usize,
    out: &mut Vec<Found>,
    claimed: &mut [bool],
) {
    let Some(np) = np_right(v, hit.b, hi) else {
        return;
    };
    let (s, e) = if hit.a == lo
        || (hit.a > lo
            && v.toks[lo..hit.a]
                .iter()
                .all(|t| t.is(class::CONJ | class::ADV) || t.is_punct(',')))
    {
        // Content after the source: "According to X, CONTENT." The source may go on
        // ("According to a complaint filed by the SEC, the developers …"): the content
        // starts after the comma that closes it.
        let mut s = np.end;
        if s < hi && !v.toks[s].is_punct(',') {
            if let Some(c) = (s..hi.min(s + 25))
                .take_while(|&k| !v.toks[k].in_region() && !v.toks[k].is_punct(';'))
                .find(|&k| v.toks[k].is_punct(','))
            {
                s = c;
            }
        }
        while s < hi && v.toks[s].is_punct(',') {
            s += 1;
        }
        (s, content_end(v, s, hi))
    } else if hit.a > lo
        && (v.toks[hit.a - 1].is_punct(',')
            || v.toks[hit.a - 1].is_punct('(')
            || v.toks[hit.a - 1].mark == Some(Role::Close)
            // "… 46 percent to 39 percent according to a CBS poll released Monday.": the
            // source ends the sentence.
            || hi - np.end <= 8
                && v.toks[np.end..hi]
                    .iter()
                    .all(|t| !t.in_region() && !t.is_punct(',') && !t.is(class::SUB)))
    {
        let mut s = lo;
        if let Some(prev) = out
            .iter()
            .rev()
            .find(|f| f.content.1 < hit.a && f.content.1 >= lo)
        {
            s = prev.content.1 + 1;
        }
        (s, hit.a)
    } else {
        return;
    };
    if s >= e {
        return;
    }
    let kind = kind_of(v, s, e, false);
    let (content, span) = content_span(v, kind, s, e);
    if span.is_empty() {
        return;
    }
    claim(v, claimed, content);
    let idx = out.len();
    out.push(Found {
        kind,
        content,
        span,
        cue: Some((hit.a, hit.b)),
        source: Source::Np(np),
        addressee: None,
        continues: None,
        clause: None,
    });
    // "Since November, according to the report, forces have killed …": the sentence goes on.
    if e == hit.a {
        if let Some((s, e)) = parenthetical_rest(v, np.end, hi) {
            push_rest(v, (s, e), (hit.a, hit.b), idx, out, claimed);
        }
    }
}

/// A second quoted part joined after the attribution: in "Oz is “smart as hell,” Mosko
/// wrote in an email, and “full of it.”", the words from the quotation after ", and" (or
/// ", but", with an adverb: "and still “…”") to the content's end.
fn conjoined_quotation(v: &View<'_>, from: usize, hi: usize) -> Option<(usize, usize)> {
    let lex = Lexicon::get();
    let limit = (from + 16).min(hi);
    let mut k = from;
    while k + 2 < limit {
        let t = &v.toks[k];
        if t.in_region() || t.is_punct('.') || t.is_punct(';') || t.is_punct(':') {
            return None;
        }
        if t.is_word() && !t.cap() && k > from && cue_at(v, k, hi, lex).is_some() {
            return None;
        }
        if t.is_punct(',') && (v.is_word(k + 1, "and") || v.is_word(k + 1, "but")) {
            let mut q = k + 2;
            if q < hi && v.toks[q].is(class::ADV) && !v.toks[q].in_region() {
                q += 1;
            }
            let ri = v.opened_region(q)?;
            let e = content_end(v, q, hi);
            return (e > v.regions[ri].toks.1).then_some((q, e));
        }
        k += 1;
    }
    None
}

/// The rest of an attribution's content (`s..e`, after a parenthetical cue or an inner
/// source) as a second part sharing attribution `idx` and its cue.
fn push_rest(
    v: &View<'_>,
    (s, e): (usize, usize),
    cue: (usize, usize),
    idx: usize,
    out: &mut Vec<Found>,
    claimed: &mut [bool],
) {
    let kind = kind_of(v, s, e, false);
    let found = Found::claiming(v, claimed, kind, (s, e), cue, Source::Same(idx));
    out.push(Found {
        continues: Some(idx),
        clause: None,
        ..found
    });
}

/// Content tokens `start..end` (exclusive) on the cue's right, with what came before it.
#[derive(Clone, Copy, Debug)]
struct Right {
    start: usize,
    end: usize,
    that: bool,
    /// A quotation introduced by a colon or a comma ("said: “…”"): direct, whatever follows.
    introduced: bool,
    addressee: Option<Np>,
}

/// The addressee right after a cue that takes one ("told Reuters", "told reporters").
fn addressee_after(v: &View<'_>, hit: &CueHit, hi: usize) -> Option<Np> {
    if hit.b >= hi || !hit.verb.has(frame::TELL) {
        return None;
    }
    let t = &v.toks[hit.b];
    if t.is(class::OBJ) && (!t.is(class::PRON) || v.is_word(hit.b, "her")) {
        return Some(Np {
            start: hit.b,
            end: hit.b + 1,
            head: hit.b,
            kind: NpKind::Pronoun,
        });
    }
    np_right(v, hit.b, hi).filter(|np| np.kind != NpKind::Pronoun)
}

fn complement(v: &View<'_>, hit: &CueHit, hi: usize) -> Option<Right> {
    let verb = hit.verb;
    let mut p = hit.b;
    let mut addressee = None;
    if p >= hi {
        return None;
    }
    // An addressee: "told Reuters", "told reporters", "warned Moscow that".
    if verb.has(frame::TELL | frame::ADDR) {
        let t = &v.toks[p];
        if t.is(class::OBJ) && !t.is(class::PRON) || t.is(class::OBJ) && v.is_word(p, "her") {
            addressee = Some(Np {
                start: p,
                end: p + 1,
                head: p,
                kind: NpKind::Pronoun,
            });
            p += 1;
        } else if let Some(np) = np_right(v, p, hi) {
            let next_ok = np.end >= hi || {
                let n = &v.toks[np.end];
                v.is_word(np.end, "that")
                    || v.is_word(np.end, "to")
                    || n.is(class::PREP | class::TIME)
                    || n.shape == Shape::Punct
                    || n.mark.is_some()
            };
            if verb.has(frame::TELL) || next_ok && v.is_word(np.end, "that") {
                addressee = Some(np);
                p = np.end;
                // "told MSNBC’s “Morning Joe” that …": the show is part of the addressee.
                if v.toks[np.end - 1].has(lex::POSSESSIVE) {
                    if let Some(ri) = v.opened_region(np.end) {
                        let close = v.regions[ri].toks.1;
                        // "… “Morning Joe” on Friday that"
                        let mut t = close + 1;
                        while t < hi
                            && (v.toks[t].is(class::TIME)
                                || v.is_word(t, "on")
                                    && t + 1 < hi
                                    && v.toks[t + 1].is(class::TIME))
                        {
                            t += 1;
                        }
                        if t < hi && v.is_word(t, "that") {
                            addressee = Some(Np {
                                end: close + 1,
                                ..np
                            });
                            p = t;
                        }
                    }
                }
            }
        }
    }
    // Adverbials between the cue and its content.
    let mut guard = 0;
    while p < hi && guard < 6 {
        guard += 1;
        let t = &v.toks[p];
        if t.in_region() {
            break;
        }
        if t.is(class::TIME) || t.is(class::ADV) && !t.is(class::SUB) && !v.is_word(p, "yet") {
            p += 1;
            continue;
        }
        // "said this weekend he would …", "said last week that …"
        if (v.is_word(p, "this") || v.is_word(p, "last") || v.is_word(p, "next"))
            && p + 1 < hi
            && v.toks[p + 1].is(class::TIME)
        {
            p += 2;
            continue;
        }
        // ", however, that …": a parenthetical adverb between commas.
        if t.is_punct(',')
            && p + 2 < hi
            && v.toks[p + 1].is(class::ADV)
            && v.toks[p + 2].is_punct(',')
        {
            p += 3;
            continue;
        }
        // ", among other things, that …", ", in an interview, …": a prepositional phrase
        // between commas, of plain words.
        if t.is_punct(',') && p + 3 < hi && v.toks[p + 1].is(class::PREP) {
            let close = (p + 3..(p + 8).min(hi)).find(|&k| v.toks[k].is_punct(','));
            let plain = |k: usize| {
                let u = &v.toks[k];
                u.is_word()
                    && !u.in_region()
                    && !u.is(class::AUX | class::PRON)
                    && u.entry.is_none_or(|e| e.cues.is_empty())
            };
            if let Some(c) = close.filter(|&c| (p + 2..c).all(plain)) {
                p = c + 1;
                continue;
            }
        }
        if t.is(class::PREP) && !v.is_word(p, "that") {
            // "said at a press conference on Sunday that …", "told CNN in an interview, …",
            // "said to reporters that …"
            if verb.has(frame::INF)
                && !verb.has(frame::TELL)
                && (v.is_word(p, "to") || v.is_word(p, "on") || v.is_word(p, "for"))
            {
                break;
            }
            let mut k = p + 1;
            let limit = (p + 14).min(hi);
            let mut found = None;
            while k < limit {
                let u = &v.toks[k];
                if v.is_word(k, "to") && verb.has(frame::INF) && k > p + 1 {
                    // "tells his supporters at a rally to “go …”"
                    found = Some(k);
                    break;
                }
                if u.in_region()
                    || u.is(class::SUB) && !u.is(class::PREP) && !v.is_word(k, "that")
                    || v.is_word(k, "to")
                {
                    break;
                }
                if v.is_word(k, "that") {
                    // "… after the meeting that was held": a relative clause, not content.
                    if k + 1 < hi && v.toks[k + 1].is(class::AUX) {
                        break;
                    }
                    found = Some(k);
                    break;
                }
                if u.is_punct(',') {
                    found = Some(k);
                    break;
                }
                if u.is_punct(':') {
                    found = Some(k);
                    break;
                }
                if u.shape == Shape::Punct && !matches!(u.ch, '-' | '.' | '\'') {
                    break;
                }
                if u.entry.is_some_and(|e| !e.cues.is_empty()) && !u.cap() {
                    break;
                }
                k += 1;
            }
            if addressee.is_none() && v.is_word(p, "to") && verb.has(frame::CLAUSE) {
                if let Some(np) = np_right(v, p + 1, hi) {
                    addressee = Some(np);
                }
            }
            match found {
                // "told a town hall in Salem, New Hampshire on Monday that …": the comma
                // is inside the place; the adverbial runs on to "that".
                Some(k) if v.toks[k].is_punct(',') => {
                    if let Some(t) = adverbial_to_that(v, k + 1, hi) {
                        p = t;
                        break;
                    }
                    p = k + 1;
                    continue;
                }
                Some(k) => {
                    p = k;
                    break;
                }
                None => return None,
            }
        }
        break;
    }
    if p >= hi {
        return None;
    }
    let t = &v.toks[p];
    let mut that = false;
    let mut introduced = false;
    let start = if v.is_word(p, "that") && !t.in_region() {
        that = true;
        p + 1
    } else if t.is_punct(':') || t.is_punct(',') {
        // "said: “…”", "said, “…”"
        let n = p + 1;
        // "Caddell continued:" closing a paragraph whose successor is the quotation.
        if let Some(ri) = v.opened_region(n).filter(|_| t.is_punct(':') && n == hi) {
            let r = &v.regions[ri];
            return Some(Right {
                start: n,
                end: r.toks.1 + 1,
                that: false,
                introduced: true,
                addressee,
            });
        }
        if n < hi && v.toks[n].in_region() && v.toks[n].mark == Some(Role::Open)
            || t.is_punct(':') && n < hi && v.toks[n].in_region()
        {
            introduced = true;
            n
        } else if t.is_punct(':') && verb.has(frame::CLAUSE | frame::QUOTE | frame::COLON) && n < hi
        {
            n
        } else {
            return None;
        }
    } else if t.in_region() {
        if !verb.has(frame::QUOTE | frame::CLAUSE | frame::COLON) {
            return None;
        }
        // "said in March, “…”": the adverbial's comma introduces the quotation.
        introduced = p > hit.b && t.mark == Some(Role::Open) && v.toks[p - 1].is_punct(',');
        p
    } else if verb.has(frame::ASK)
        && matches!(
            v.tok_text(p).to_ascii_lowercase().as_str(),
            "whether" | "if" | "why" | "how" | "what" | "when" | "who" | "where"
        )
    {
        p
    } else if verb.has(frame::INF)
        && (v.is_word(p, "to")
            || !verb.has(frame::TELL) && (v.is_word(p, "on") || v.is_word(p, "for")))
    {
        if v.is_word(p, "to") { p } else { p + 1 }
    } else if verb.has(frame::BARE) && clause_start(v, p)
        || hit.broad
            && verb.has(frame::OBJ)
            && np_right(v, p, hi).is_some()
            // "condemned the test as “provocative”": the naming reading, below.
            && !(verb.has(frame::AS | frame::NAME) && object_quote(v, hit, p, hi).is_some())
    {
        p
    } else {
        return None;
    };
    if start >= hi {
        return None;
    }
    let mut end = content_end(v, start, hi);
    // A noun-phrase content (attitudes: "announcing the pick, the union called …") ends
    // at its comma.
    let object_content =
        !that && !introduced && !verb.has(frame::BARE | frame::INF | frame::ASK) && hit.broad;
    if object_content {
        if let Some(c) = (start..end).find(|&k| v.toks[k].is_punct(',') && !v.toks[k].in_region()) {
            end = c;
        }
    }
    if end <= start {
        return None;
    }
    // "chanting “Win!” as the crowd cheered", "chanted “What curfew?” and kept
    // marching": a quotation right after the verb ends at its closing mark when a
    // conjunction follows it.
    if let Some(ri) = v.opened_region(start) {
        let close = v.regions[ri].toks.1;
        let after = close + 1;
        if after < end
            && v.toks[after].is_word()
            && v.toks[after].is(class::CONJ | class::SUB)
            && !v.is_word(after, "that")
            && !v.is_word(after, "if")
        {
            end = after;
        }
    }
    // A bare clause needs some substance: "told Bill Smith of Fox News this week." ends
    // in a time adverbial, not in what was said.
    let substance = (start..end)
        .filter(|&k| {
            let t = &v.toks[k];
            t.is_word() && !t.is(class::TIME | class::DET | class::ADV | class::PREP)
        })
        .count();
    if !that && !v.toks[start].in_region() && (end - start < 3 || substance < 2) {
        return None;
    }
    Some(Right {
        start,
        end,
        that,
        introduced,
        addressee,
    })
}

/// The "that" ending an adverbial that continues at `p` after a comma ("Salem, New
/// Hampshire on Monday that", "Manchester, New Hampshire, breakfast spot that"): only
/// names, nouns, prepositions, dates and commas before it, no verb and no quotation.
fn adverbial_to_that(v: &View<'_>, p: usize, hi: usize) -> Option<usize> {
    let limit = (p + 10).min(hi);
    for k in p..limit {
        let t = &v.toks[k];
        if v.is_word(k, "that") {
            return (k > p).then_some(k);
        }
        let plain = t.is_word()
            && !t.in_region()
            && !t.is(class::VERB | class::AUX | class::PRON | class::SUB | class::NEG)
            && t.entry.is_none_or(|e| e.cues.is_empty());
        if !(plain || t.is_punct(',')) {
            return None;
        }
    }
    None
}

/// Whether a clause plausibly starts at `p` (after a zero "that").
fn clause_start(v: &View<'_>, p: usize) -> bool {
    let t = &v.toks[p];
    if t.in_region() {
        return true;
    }
    if t.is(class::PRON) && !v.is_word(p, "it") || v.is_word(p, "there") || v.is_word(p, "it") {
        return true;
    }
    if t.is(class::DET | class::NUM) && !v.is_word(p, "that") {
        return true;
    }
    // "said if he wins, …"
    if v.is_word(p, "if") || v.is_word(p, "unless") {
        return true;
    }
    // "said his staff had …", "said his staff “did the wrong thing”": a possessive subject
    // with a verb within a few words (not "maintain their doubts").
    if t.is(class::POSS) && !v.is_word(p, "her") {
        // "said his critics “seem to think …”"
        if (p + 1..(p + 4).min(v.toks.len())).any(|k| v.opened_region(k).is_some()) {
            return true;
        }
        let end = (p + 8).min(v.toks.len());
        return (p + 1..end)
            .take_while(|&k| v.toks[k].shape != Shape::Punct || v.toks[k].in_region())
            .any(|k| {
                let u = &v.toks[k];
                u.is(class::AUX)
                    || !u.cap() && u.is_word() && {
                        let w = v.tok_text(k);
                        w.ends_with("ed") && !u.is(class::ADV)
                    }
            });
    }
    if t.shape == Shape::Number {
        return true;
    }
    if t.cap() && !t.is(class::TIME) {
        return true;
    }
    // A lower-case subject: "said bilateral relations have …" — an auxiliary within a few
    // words tells a clause from an object; not a participle ("…, acknowledging that").
    if t.entry.is_some_and(|e| !e.cues.is_empty()) {
        return false;
    }
    // A gerund heads a subject only with a noun after it ("said voting fraud is …").
    if v.tok_text(p).ends_with("ing")
        && !v
            .toks
            .get(p + 1)
            .is_some_and(|n| n.is_word() && n.entry.is_none() && !n.in_region() && !n.cap())
    {
        return false;
    }
    // "said presumptive Republican presidential nominee Donald Trump was …"
    let end = (p + 9).min(v.toks.len());
    (p..end)
        .take_while(|&k| v.toks[k].shape == Shape::Word && !v.toks[k].in_region())
        .any(|k| v.toks[k].is(class::AUX))
}

/// Where content starting at `start` ends (exclusive): the unit's end or a boundary such as
/// "; ", ", adding that", "and said", ", according to", ", he said".
pub(crate) fn content_end(v: &View<'_>, start: usize, hi: usize) -> usize {
    let lex = Lexicon::get();
    let mut k = start;
    // Inside "-- “…” --": a dash followed by a quotation opened an aside.
    let mut dash_open = false;
    while k < hi {
        let t = &v.toks[k];
        if t.in_region() {
            let r = &v.regions[t.region as usize];
            k = r.toks.1.max(k) + 1;
            // A quotation ending in a comma ("… “low point,” adding that …") is followed
            // by the same boundaries as a comma.
            if k < hi
                && r.toks.1 > r.toks.0
                && v.toks[r.toks.1 - 1].is_punct(',')
                && boundary_after_comma(v, k, start, hi, lex)
            {
                return k;
            }
            continue;
        }
        if t.is_punct(';') {
            return k;
        }
        // "… taxed properly -- should be a five-alarm call …": a dash opens the writer's
        // aside, unless a quotation follows it ("Mr. Trump -- “a completely different …”").
        if k > start + 2 {
            // "--" may come as one token or two.
            let spaced = |i: usize| {
                i > 0
                    && i + 1 < v.toks.len()
                    && v.toks[i - 1].span.end < v.toks[i].span.start
                    && v.toks[i].span.end < v.toks[i + 1].span.start
            };
            let width = match v.tok_text(k) {
                "--" | "\u{2014}" | "\u{2013}" | "\u{2015}" => 1,
                // " - " typed for a dash
                "-" if spaced(k) => 1,
                "-" if v
                    .toks
                    .get(k + 1)
                    .is_some_and(|n| n.is_punct('-') && n.span.start == t.span.end) =>
                {
                    2
                }
                _ => 0,
            };
            if width > 0 {
                let quote_follows = v
                    .toks
                    .get(k + width)
                    .is_some_and(|n| n.mark == Some(Role::Open));
                // The second dash of a pair closes an aside the content holds.
                if !quote_follows && !dash_open {
                    return k;
                }
                dash_open = quote_follows;
                k += width;
                continue;
            }
        }
        if t.is_punct(',') && k + 1 < hi && boundary_after_comma(v, k + 1, start, hi, lex) {
            return k;
        }
        if t.is(class::CONJ) && (v.is_word(k, "and") || v.is_word(k, "but")) && k + 1 < hi {
            if let Some(h) = cue_at(v, k + 1, hi, lex) {
                if matches!(h.form, Form::Past | Form::ThirdSingular) {
                    return k;
                }
            }
            // "called her “third-rate” and boycotted …": after a quotation, a second
            // predicate of the author's.
            let w = &v.toks[k + 1];
            if k > start
                && v.toks[k - 1].mark == Some(Role::Close)
                && w.is_word()
                && !w.cap()
                && w.entry.is_none()
                && v.tok_text(k + 1).ends_with("ed")
            {
                return k;
            }
        }
        // "… as “baseless” by saying that …", "… before claiming …": a participle clause.
        if t.is(class::PREP) && k > start && k + 1 < hi && v.toks[k + 1].is_word() {
            if let Some(h) = cue_at(v, k + 1, hi, lex) {
                if h.form == Form::Ing {
                    return k;
                }
            }
        }
        k += 1;
    }
    hi
}

/// Whether the words from `n` on, after a comma, start something the content does not
/// hold: a participle cue (", adding that"), "according to", a new predicate (", but
/// refuted …", ", and said"), an aside after a quotation (",” which …"), or an inner
/// attribution (", he said").
fn boundary_after_comma(
    v: &View<'_>,
    n: usize,
    start: usize,
    hi: usize,
    lex: &'static Lexicon,
) -> bool {
    let nt = &v.toks[n];
    if nt.in_region() {
        return false;
    }
    // "… as a “strong leader,” comparing him …": after a quotation, a participle is the
    // writer's.
    let after_quote = n >= start + 2 && is_close_mark_before(v, n - 1);
    if after_quote
        && nt.is_word()
        && !nt.cap()
        && nt.entry.is_none()
        && v.tok_text(n).ends_with("ing")
    {
        return true;
    }
    if let Some(h) = cue_at(v, n, hi, lex) {
        if h.form == Form::Ing || h.according {
            return true;
        }
        // "suggested X, called her “…” and …": a second predicate with its own object.
        if h.form == Form::Past
            && h.b < hi
            && (v.toks[h.b].is(class::OBJ) || v.is_word(h.b, "that"))
            && !v.toks[n].cap()
        {
            return true;
        }
    }
    // "… called him a “killer,” Putin pointed to …": after a quotation, a new clause with a
    // subject of its own.
    // ", and Putin pointed to …": a clause with a subject of its own.
    let conj = nt.is(class::CONJ) && (v.is_word(n, "and") || v.is_word(n, "but"));
    if (after_quote || conj) && new_clause_at(v, n + usize::from(conj), hi) {
        return true;
    }
    if nt.is(class::CONJ) && n + 1 < hi {
        if let Some(h) = cue_at(v, n + 1, hi, lex) {
            if h.form != Form::Base {
                return true;
            }
        }
        // ", and he urged …": a new clause with its own subject.
        if v.toks[n + 1].is(class::PRON)
            && !v.toks[n + 1].is(class::POSS)
            && !v.is_word(n + 1, "it")
        {
            return true;
        }
        // ", but refuted …": a second predicate of the main clause's subject.
        let w = &v.toks[n + 1];
        if v.is_word(n, "but")
            && w.is_word()
            && !w.cap()
            && w.entry.is_none()
            && v.tok_text(n + 1).ends_with("ed")
        {
            return true;
        }
    }
    // ", though she noted …": a concession added by the author.
    if v.is_word(n, "though") || v.is_word(n, "although") {
        return true;
    }
    // ",” which …" right after a closing quotation mark: the author's aside.
    if (v.is_word(n, "which") || v.is_word(n, "who"))
        && n >= start + 2
        && v.toks[n - 1].mark == Some(Role::Close)
    {
        return true;
    }
    if (v.is_word(n, "which") || v.is_word(n, "who"))
        && n >= start + 3
        && v.toks[n - 1].is_punct(',')
        && v.toks[n - 2].mark == Some(Role::Close)
    {
        return true;
    }
    // ", he said" / ", the minister added" (an inner attribution).
    if let Some(np) = np_right(v, n, hi) {
        if np.end < hi {
            if let Some(h) = cue_at(v, np.end, hi, lex) {
                if h.form != Form::Ing && (h.b >= hi || v.toks[h.b].shape == Shape::Punct) {
                    return true;
                }
                // ", Trump told Fox that …", ", the mother of three replied, “…”": an
                // attribution of its own, with its own content.
                if matches!(h.form, Form::Past | Form::ThirdSingular) && np.kind != NpKind::Pronoun
                {
                    let mut k = h.b;
                    if h.verb.has(frame::TELL) {
                        if let Some(a) = np_right(v, k, hi) {
                            k = a.end;
                        }
                    }
                    let opens = |i: usize| v.opened_region(i).is_some();
                    if k < hi
                        && (v.is_word(k, "that")
                            || v.toks[k].is_punct(':')
                            || opens(k)
                            || v.toks[k].is_punct(',') && opens(k + 1))
                    {
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// Whether a clause with a named or pronoun subject and a finite verb starts at `n`
/// ("Putin pointed to …", "he has …").
fn new_clause_at(v: &View<'_>, n: usize, hi: usize) -> bool {
    let Some(np) = np_right(v, n, hi) else {
        return false;
    };
    if !matches!(np.kind, NpKind::Name | NpKind::Pronoun) || np.end >= hi {
        return false;
    }
    let w = &v.toks[np.end];
    let no_class = w.entry.is_none_or(|e| e.class == 0);
    w.is_word()
        && !w.cap()
        && (w.is(class::AUX | class::VERB) || no_class && v.tok_text(np.end).ends_with("ed"))
}

/// Content before the cue clause that starts at `clause_start`: from the unit's start (or
/// the end of the unit's previous attribution) to the comma or closing mark before it.
fn left_content(
    v: &View<'_>,
    clause_start: usize,
    lo: usize,
    first_in_unit: usize,
    out: &[Found],
    parenthetical: bool,
) -> Option<(usize, usize)> {
    if clause_start <= lo {
        return None;
    }
    let mut e = clause_start;
    // The separator: ", " or "—", or a closing mark (with the comma inside it).
    let sep = &v.toks[e - 1];
    if sep.is_punct(',') || sep.is_punct('\u{2014}') || sep.is_punct('\u{2013}') {
        e -= 1;
    } else if sep.mark != Some(Role::Close) {
        return None;
    }
    let mut s = lo;
    for f in &out[first_in_unit..] {
        if f.content.1 < e && f.content.1 + 1 > s {
            let cue_end = f.cue.map_or(f.content.1 + 1, |c| c.1);
            s = s.max(f.content.1 + 1).max(cue_end);
        }
    }
    // Skip leading punctuation and a fronted adverb ("Most importantly, …").
    while s < e && v.toks[s].shape == Shape::Punct {
        s += 1;
    }
    if parenthetical {
        // "Perhaps, he said, this …": the words before the cue start the content; a
        // fronted phrase alone ("During his years in office, he said, …") does not.
        let bare_phrase = v.toks[s].is(class::PREP)
            && !v.toks[s..e]
                .iter()
                .any(|t| t.in_region() || t.is(class::AUX | class::PRON | class::NEG));
        return (s < e && !bare_phrase).then_some((s, e));
    }
    if let Some(c) = (s..(s + 3).min(e)).find(|&k| v.toks[k].is_punct(',')) {
        if (s..c).all(|k| {
            v.toks[k].is(class::ADV) || v.tok_text(k).ends_with("ly") || v.toks[k].is(class::CONJ)
        }) {
            s = c + 1;
        }
    }
    if s >= e {
        return None;
    }
    // A fronted adverbial is no content: require a region, or a clause of some length,
    // and not a bare prepositional phrase ("At a fundraiser in New York, Clinton called …").
    let has_region = v.toks[s..e].iter().any(|t| t.in_region());
    if !has_region && e - s < 4 {
        return None;
    }
    if !has_region
        && v.toks[s].is(class::PREP)
        && !v.is_word(s, "that")
        && !v.toks[s..e]
            .iter()
            .any(|t| t.is(class::AUX | class::PRON | class::NEG))
    {
        return None;
    }
    // "X, meanwhile, said": the left part is a name, not content.
    if !has_region && np_right(v, s, e).is_some_and(|np| np.end >= e) {
        return None;
    }
    Some((s, e))
}

/// The content after a parenthetical attribution: in "The industry, she said, is “doing
/// much better”", the words after the cue's comma, when they carry on the sentence (not a
/// participle, a preposition, a conjunction or a relative clause of the author's).
fn parenthetical_rest(v: &View<'_>, from: usize, hi: usize) -> Option<(usize, usize)> {
    let mut k = from;
    while k < hi
        && (v.toks[k].is(class::TIME) || v.toks[k].is(class::ADV) && !v.toks[k].is(class::SUB))
    {
        k += 1;
    }
    if k + 1 >= hi || !(v.toks[k].is_punct(',') || v.toks[k].is_punct('\u{2014}')) {
        return None;
    }
    // "It's a reminder, Rogers said, that “…”"
    let s = if v.is_word(k + 1, "that") && k + 2 < hi {
        k + 2
    } else {
        k + 1
    };
    let t = &v.toks[s];
    if t.in_region() {
        return (s > k + 1).then(|| (s, content_end(v, s, hi)));
    }
    // "The two nations, Xi said, now have …": an adverb before the verb.
    let adverb_then_verb = t.is(class::ADV)
        && !t.is(class::CONJ | class::PREP)
        && s + 1 < hi
        && v.toks[s + 1].is_word()
        && !v.toks[s + 1].cap()
        && !v.toks[s + 1].is(class::CONJ | class::PREP | class::DET);
    if t.shape != Shape::Word && t.shape != Shape::Number
        || t.is(class::CONJ | class::PREP | class::ADV) && !v.is_word(s, "but") && !adverb_then_verb
        || t.is(class::SUB) && !t.is(class::DET)
        || cue_at(v, s, hi, Lexicon::get()).is_some()
        || v.is_word(s, "according")
    {
        return None;
    }
    let e = content_end(v, s, hi);
    let mut e2 = e;
    while e2 > s && v.toks[e2 - 1].shape == Shape::Punct && !v.toks[e2 - 1].in_region() {
        e2 -= 1;
    }
    (e2 >= s + 2).then_some((s, e))
}

/// Parts of a split direct quotation after its attribution: "“A,” he said, “B.”".
fn split_rest(
    v: &View<'_>,
    from: usize,
    hi: usize,
    idx: usize,
    out: &mut Vec<Found>,
    claimed: &mut [bool],
) {
    let mut k = from;
    while k < hi {
        let t = &v.toks[k];
        if t.in_region() {
            let ri = t.region as usize;
            if claimed[ri] || has_own_attribution(v, ri, hi) {
                return;
            }
            claimed[ri] = true;
            let r = &v.regions[ri];
            out.push(Found {
                continues: Some(idx),
                ..Found::quotation(v, ri, QuoteKind::Direct, out[idx].cue, Source::Same(idx))
            });
            k = r.toks.1 + 1;
            continue;
        }
        if t.shape == Shape::Punct || t.is(class::TIME | class::ADV | class::PREP | class::CONJ) {
            k += 1;
            continue;
        }
        // ", referring to the excuse, “…”": an aside between the parts. An aside with a
        // reporting verb of its own (", adding later, “…”") introduces its own quotation.
        let limit = (k + 16).min(hi);
        let mut j = k;
        let lex = Lexicon::get();
        while j < limit && !v.toks[j].in_region() {
            if v.toks[j].shape == Shape::Word && cue_at(v, j, hi, lex).is_some() {
                return;
            }
            j += 1;
        }
        if j < limit && j > k && v.toks[j - 1].is_punct(',') {
            k = j;
            continue;
        }
        return;
    }
}

/// Whether quoted region `ri` is followed by an attribution of its own ("“…,” said Kunin" or
/// "“…,” Kunin said"): a later cue claims it, not the quotation before it.
fn has_own_attribution(v: &View<'_>, ri: usize, hi: usize) -> bool {
    let r = &v.regions[ri];
    if r.region.close.is_none() {
        return false;
    }
    let mut k = r.toks.1 + 1;
    while k < hi && v.toks[k].is_punct(',') {
        k += 1;
    }
    if k >= hi || v.toks[k].in_region() {
        return false;
    }
    let lex = Lexicon::get();
    let inverted = cue_at(v, k, hi, lex)
        .is_some_and(|h| h.verb.has(frame::QUOTE) && np_right(v, h.b, hi).is_some());
    inverted
        || np_right(v, k, hi).is_some_and(|np| {
            np.end < hi
                && cue_at(v, np.end, hi, lex).is_some_and(|h| {
                    h.verb.has(frame::QUOTE)
                        && matches!(h.form, Form::Past | Form::ThirdSingular)
                        && (h.b >= hi || !v.toks[h.b].is_word() || !clause_start(v, h.b))
                })
        })
}

/// The source of a participle's clause ("…, saying that …"): the unit's last attribution's
/// source, or the unit's subject.
fn governing_source(
    v: &View<'_>,
    lo: usize,
    before: usize,
    first_in_unit: usize,
    out: &[Found],
) -> Source {
    if let Some((i, _)) = out[first_in_unit..]
        .iter()
        .enumerate()
        .rev()
        .find(|(_, f)| f.cue.is_some_and(|c| c.0 < before))
    {
        return Source::Same(first_in_unit + i);
    }
    match unit_subject(v, lo, before) {
        Some(np) => Source::Np(np),
        None => Source::None,
    }
}

/// The subject noun phrase of the unit starting at `lo`, past a fronted adverbial.
pub(crate) fn unit_subject(v: &View<'_>, lo: usize, hi: usize) -> Option<Np> {
    let mut s = lo;
    while s < hi
        && (v.toks[s].shape == Shape::Punct
            || v.toks[s].is(class::CONJ)
            || v.toks[s].mark.is_some())
    {
        s += 1;
    }
    if s >= hi {
        return None;
    }
    let t = &v.toks[s];
    let fronted = t.is(class::PREP | class::SUB | class::ADV) && !t.is(class::PRON)
        || v.tok_text(s).ends_with("ing")
        || v.tok_text(s).ends_with("ly")
        // "However, …" is fronted; "Brandt, asked whether …, paused" has its subject first
        // (a name and an apposition: a participle, a relative or a noun phrase).
        || s + 1 < hi && v.toks[s + 1].is_punct(',') && !(t.cap() && t.entry.is_none() && {
            let n = s + 2;
            n < hi && {
                let u = &v.toks[n];
                let w = v.tok_text(n);
                v.is_word(n, "who")
                    || v.is_word(n, "whose")
                    || u.is(class::DET) && !u.is(class::PRON)
                    || u.is_word() && !u.cap() && (w.ends_with("ed") || w.ends_with("ing"))
            }
        })
        || s + 2 < hi && v.toks[s + 2].is_punct(',') && !v.toks[s + 1].cap();
    if fronted {
        let limit = (s + 16).min(hi);
        let comma = (s..limit).find(|&k| v.toks[k].is_punct(',') && !v.toks[k].in_region())?;
        s = comma + 1;
    }
    np_right(v, s, hi)
}

/// The source in "X, who …, said" / "X, the head of Y, said" / "ROLE, NAME, said", given
/// the comma at `comma` just before the verb group.
fn apposition_source(v: &View<'_>, comma: usize, lo: usize) -> Option<Np> {
    if !v.toks[comma].is_punct(',') {
        return None;
    }
    let limit = comma.saturating_sub(40).max(lo);
    let mut k = comma;
    while k > limit {
        k -= 1;
        let t = &v.toks[k];
        if t.in_region() {
            return None;
        }
        if t.is_punct(',') {
            // Tokens k+1..comma are the aside; the NP ends at k-1.
            if k == lo {
                return None;
            }
            let mut np = np_left(v, k - 1, lo)?;
            // "ROLE, NAME, said": prefer the name between the commas.
            let role = (np.start..np.end).any(|j| v.toks[j].is(class::ROLE | class::TITLE));
            if np.kind == NpKind::Description || role {
                if let Some(inner) = np_right(v, k + 1, comma) {
                    if inner.kind == NpKind::Name && inner.end == comma {
                        return Some(inner);
                    }
                }
            }
            // "NAME, ROLE, DESCRIPTION, said": a name before a chain of appositives.
            let has_role =
                |n: &Np| (n.start..n.end).any(|j| v.toks[j].is(class::ROLE | class::TITLE));
            for _ in 0..2 {
                let appositive = np.kind == NpKind::Description
                    || has_role(&np)
                    || v.toks[np.start].is(class::DET) && !v.toks[np.start].cap();
                if !appositive || np.start < lo + 2 || !v.toks[np.start - 1].is_punct(',') {
                    break;
                }
                match np_left(v, np.start - 2, lo) {
                    Some(prev) if prev.end == np.start - 1 && prev.kind == NpKind::Name => {
                        np = prev;
                    }
                    _ => break,
                }
            }
            return Some(np);
        }
        if t.is_punct(';') || t.is_punct(':') || t.is_punct('.') {
            return None;
        }
    }
    None
}

/// The noun phrase ending at token `e` (inclusive), walking left, not before `lo`.
pub(crate) fn np_left(v: &View<'_>, e: usize, lo: usize) -> Option<Np> {
    let t = &v.toks[e];
    if t.in_region() || t.shape != Shape::Word && !t.is_punct(')') {
        return None;
    }
    if t.is(class::PRON) && !t.is(class::POSS) {
        return Some(Np {
            start: e,
            end: e + 1,
            head: e,
            kind: NpKind::Pronoun,
        });
    }
    // "Yet another said", "Others say", "Many argue": a determiner standing for people.
    if STANDING_DETERMINERS.iter().any(|w| v.is_word(e, w)) {
        return Some(Np {
            start: e,
            end: e + 1,
            head: e,
            kind: NpKind::Description,
        });
    }
    let mut k = e;
    let mut head = e;
    // A parenthesis after a name: "Rep. G.K. Butterfield (D-N.C.)".
    if t.is_punct(')') {
        let open = (k.saturating_sub(8).max(lo)..k)
            .rev()
            .find(|&j| v.toks[j].is_punct('('))?;
        if open == lo {
            return None;
        }
        k = open - 1;
        head = k;
    }
    if !np_token(v, head, true) {
        return None;
    }
    let mut start = k;
    let mut lower = 0;
    loop {
        let cur = &v.toks[start];
        if cur.is(class::DET | class::POSS) && !cur.is(class::PRON) {
            // A determiner opens the phrase, unless the phrase is the object of "of" in a
            // name: "Mr. Morgan of the Sierra Club".
            let of_name = start >= lo + 2
                && (v.is_word(start - 1, "of") || v.is_word(start - 1, "for"))
                && v.toks[start - 2].cap()
                && !v.toks[start - 2].in_region();
            if !of_name {
                break;
            }
        }
        if start == lo {
            break;
        }
        let p = start - 1;
        let pt = &v.toks[p];
        if pt.in_region() {
            break;
        }
        let ok = if pt.shape == Shape::Word {
            if pt.is(class::DET | class::POSS) && !pt.is(class::PRON)
                || pt.is(class::NUM)
                || pt.has(lex::POSSESSIVE)
            {
                true
            } else if v.is_word(p, "of")
                || v.is_word(p, "for")
                || v.is_word(p, "and")
                || v.is_word(p, "&")
            {
                // Inside a name: "Secretary of State", "Center for a New American Security".
                p > lo
                    && (v.toks[p - 1].cap() || v.toks[p - 1].is(class::ROLE))
                    && (cur.cap() || cur.is(class::DET))
            } else if pt.cap() {
                !pt.is(class::FUNCTION) || pt.is(class::TITLE)
            } else if np_token(v, p, false) {
                lower += 1;
                lower <= 4
            } else {
                false
            }
        } else {
            pt.shape == Shape::Number
                || pt.is_punct('-')
                    && p > lo
                    && v.toks[p - 1].shape == Shape::Word
                    && v.toks[p - 1].span.end == pt.span.start
                || pt.mark == Some(Role::Apostrophe)
                || pt.is_punct('.') && p > lo && v.toks[p - 1].cap()
        };
        if !ok {
            break;
        }
        start = p;
    }
    // Trim leading connectives.
    while start < head
        && (v.is_word(start, "of") || v.is_word(start, "for") || v.is_word(start, "and"))
    {
        start += 1;
    }
    // A place or setting after the head: "a narrator in the Clinton ad", "a spokesman at
    // the embassy". The head stays the first noun.
    if start >= lo + 2
        && (v.toks[start].is(class::DET) || v.toks[start].cap())
        && ["in", "at", "from", "with", "on"]
            .iter()
            .any(|w| v.is_word(start - 1, w))
    {
        if let Some(inner) = np_left(v, start - 2, lo).filter(|n| {
            let h = &v.toks[n.head];
            n.kind != NpKind::Pronoun
                && (v.toks[n.start].is(class::DET)
                    || h.is(class::SPEAKER | class::GROUP | class::ROLE | class::ARTIFACT))
        }) {
            return Some(Np {
                start: inner.start,
                end: e + 1,
                head: inner.head,
                kind: inner.kind,
            });
        }
    }
    Some(Np {
        start,
        end: e + 1,
        head,
        kind: np_kind(v, start, head),
    })
}

/// The noun phrase starting at token `s`, walking right, before `hi`.
pub(crate) fn np_right(v: &View<'_>, s: usize, hi: usize) -> Option<Np> {
    if s >= hi {
        return None;
    }
    let t = &v.toks[s];
    // "9/11 widow Terry Strada", "2016 nominee …": a number (one token or several run
    // together) modifies the noun phrase that follows.
    let numeric = |k: usize| {
        let w = v.tok_text(k);
        !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b'/')
    };
    if !t.in_region() && t.shape != Shape::Word && numeric(s) {
        let mut k = s + 1;
        while k < hi && numeric(k) && v.toks[k].span.start == v.toks[k - 1].span.end {
            k += 1;
        }
        let np = np_right(v, k, hi).filter(|np| np.kind != NpKind::Pronoun && np.start == k)?;
        return Some(Np { start: s, ..np });
    }
    if t.in_region() || t.shape != Shape::Word {
        return None;
    }
    if t.is(class::PRON) && !t.is(class::POSS) {
        return Some(Np {
            start: s,
            end: s + 1,
            head: s,
            kind: NpKind::Pronoun,
        });
    }
    let mut k = s;
    let mut head = None;
    let mut lower = 0;
    while k < hi {
        let u = &v.toks[k];
        if u.in_region() {
            break;
        }
        if head.is_some_and(|h: usize| v.toks[h].is(class::SPEAKER | class::GROUP))
            && ["familiar", "close", "briefed"]
                .iter()
                .any(|w| v.is_word(k, w))
        {
            break;
        }
        let ok = if u.shape == Shape::Word {
            if u.is(class::DET | class::POSS | class::NUM) && !u.is(class::PRON) {
                head.is_none() || v.toks[k - 1].is(class::PREP)
            } else if v.is_word(k, "of")
                || v.is_word(k, "for")
                || v.is_word(k, "and")
                || v.is_word(k, "&")
            {
                head.is_some()
                    && k + 1 < hi
                    && (v.toks[k + 1].cap()
                        || v.toks[k + 1].is(class::DET) && k + 2 < hi && v.toks[k + 2].cap())
                    && !(v.is_word(k, "and") && k + 1 < hi && v.toks[k + 1].is(class::PRON))
            } else if u.cap() {
                (!u.is(class::FUNCTION) || u.is(class::TITLE))
                    && !(u.entry.is_some_and(|e| !e.cues.is_empty())
                        && head.is_some()
                        && !u.has(lex::ALL_CAPS)
                        && !(k + 1 < hi && v.toks[k + 1].cap()))
            } else if u.is(class::TIME)
                && head.is_none()
                && k + 1 < hi
                && v.toks[k + 1].is_word()
                && !v.toks[k + 1].is(class::TIME)
                && np_token(v, k + 1, true)
            {
                // "a recent poll", "last week's report"
                true
            } else if np_token(v, k, false) {
                // After the head, a lower-case "-ed" word is the verb ("a panel voted").
                lower += 1;
                lower <= 4
                    && !(head.is_some()
                        && u.entry.is_none()
                        && (v.tok_text(k).ends_with("ed") || v.tok_text(k).ends_with("ing")))
            } else {
                false
            }
        } else {
            u.shape == Shape::Number && head.is_none()
                || u.is_punct('-')
                    && head.is_some()
                    && k + 1 < hi
                    && v.toks[k + 1].shape == Shape::Word
                || u.mark == Some(Role::Apostrophe)
        };
        if !ok {
            break;
        }
        if u.shape == Shape::Word
            && !u.is(class::DET | class::NUM | class::PREP)
            && !v.is_word(k, "and")
        {
            head = Some(k);
        }
        k += 1;
    }
    let mut head = head?;
    let mut end = head + 1;
    // "(D-N.C.)" after a name.
    if end < hi && v.toks[end].is_punct('(') && v.toks[head].cap() {
        if let Some(close) = (end..(end + 8).min(hi)).find(|&j| v.toks[j].is_punct(')')) {
            end = close + 1;
        }
    }
    // "sources familiar with the matter", "people close to him".
    if v.toks[head].is(class::SPEAKER | class::GROUP) && end < hi {
        let w = v.tok_text(end).to_ascii_lowercase();
        if matches!(w.as_str(), "familiar" | "close" | "briefed") {
            let mut j = end;
            while j < hi
                && !(v.toks[j].shape == Shape::Punct && v.toks[j].ch != '-')
                && !v.toks[j].in_region()
                && j < end + 10
            {
                if v.toks[j].entry.is_some_and(|e| !e.cues.is_empty()) && !v.toks[j].cap()
                    || v.is_word(j, "that")
                {
                    break;
                }
                j += 1;
            }
            end = j;
        }
    }
    if head < s {
        head = s;
    }
    Some(Np {
        start: s,
        end,
        head,
        kind: np_kind(v, s, head),
    })
}

/// Whether token `k` can be part of a noun phrase (as its head when `as_head`).
fn np_token(v: &View<'_>, k: usize, as_head: bool) -> bool {
    let t = &v.toks[k];
    if t.shape != Shape::Word || t.in_region() {
        return false;
    }
    if t.is(class::FUNCTION | class::TIME) && !t.is(class::TITLE | class::SPEAKER | class::ROLE) {
        return false;
    }
    if t.is(class::ADV) {
        return false;
    }
    // "the plan", "his claims": a determiner makes the cue word a noun.
    let after_determiner = k > 0 && {
        let p = &v.toks[k - 1];
        p.is(class::DET | class::POSS) && !p.is(class::PRON) || p.has(lex::POSSESSIVE)
    };
    if t.entry.is_some_and(|e| !e.cues.is_empty())
        && !t.cap()
        && !t.is(class::SPEAKER | class::ARTIFACT | class::ROLE)
        && !after_determiner
    {
        return false;
    }
    if t.cap() {
        return true;
    }
    if as_head {
        return !v.tok_text(k).ends_with("ly");
    }
    // Lower-case modifiers: not adverbs in -ly, not verbs in -ed that follow a name.
    let w = v.tok_text(k);
    !w.ends_with("ly")
}

fn np_kind(v: &View<'_>, start: usize, head: usize) -> NpKind {
    let h = &v.toks[head];
    if h.is(class::PRON) && start == head {
        return NpKind::Pronoun;
    }
    let generic =
        h.is(class::SPEAKER | class::GROUP | class::ROLE | class::ARTIFACT | class::TITLE);
    if h.cap() && !(generic && (h.has(lex::SENT_START) || head == start)) || h.has(lex::ALL_CAPS) {
        NpKind::Name
    } else {
        NpKind::Description
    }
}

/// The quote kind of content tokens `s..e`.
fn kind_of(v: &View<'_>, s: usize, e: usize, that: bool) -> QuoteKind {
    let mut e2 = e;
    while e2 > s && v.toks[e2 - 1].shape == Shape::Punct && !v.toks[e2 - 1].in_region() {
        e2 -= 1;
    }
    if e2 <= s {
        return QuoteKind::Indirect;
    }
    let first = &v.toks[s];
    if !that && first.in_region() {
        let r = &v.regions[first.region as usize];
        if r.toks.0 == s && r.toks.1 + 1 >= e2 {
            return QuoteKind::Direct;
        }
    }
    if v.toks[s..e2].iter().any(|t| t.in_region()) {
        QuoteKind::Mixed
    } else {
        QuoteKind::Indirect
    }
}

/// Content tokens and byte span for content `s..e` of `kind`.
fn content_span(v: &View<'_>, kind: QuoteKind, s: usize, e: usize) -> ((usize, usize), Span) {
    let mut e2 = e;
    while e2 > s + 1 && {
        let t = &v.toks[e2 - 1];
        !t.in_region()
            && (t.shape == Shape::Punct && !matches!(t.ch, ')' | '?' | '!') || t.is(class::CONJ))
    } {
        e2 -= 1;
    }
    if let Some(ri) =
        (kind == QuoteKind::Direct && v.toks[s].in_region()).then_some(v.toks[s].region as usize)
    {
        return (
            (inner_first(v, ri), inner_last(v, ri)),
            v.regions[ri].region.inner,
        );
    }
    // "… as “reckless” on Monday": a time adverbial after the quoted words dates the
    // saying, not what was said.
    let mut t = e2;
    while t > s + 1 && v.toks[t - 1].is(class::TIME) && !v.toks[t - 1].in_region() {
        t -= 1;
    }
    if t < e2 && t > s + 1 && (v.toks[t - 1].is(class::PREP) || v.toks[t - 1].is(class::DET)) {
        t -= 1;
    }
    if t < e2 && t > s && v.toks[t - 1].mark == Some(Role::Close) {
        e2 = t;
    }
    ((s, e2 - 1), v.span(s, e2 - 1))
}

fn inner_first(v: &View<'_>, ri: usize) -> usize {
    let r = &v.regions[ri];
    if r.region.open.is_some() {
        (r.toks.0 + 1).min(r.toks.1)
    } else {
        r.toks.0
    }
}

fn inner_last(v: &View<'_>, ri: usize) -> usize {
    let r = &v.regions[ri];
    if r.region.close.is_some() {
        r.toks.1.saturating_sub(1).max(r.toks.0)
    } else {
        r.toks.1
    }
}

/// Marks the regions inside content tokens as used.
fn claim(v: &View<'_>, claimed: &mut [bool], content: (usize, usize)) {
    let (s, e) = content;
    let mut k = s;
    while k <= e && k < v.toks.len() {
        let t = &v.toks[k];
        if t.in_region() {
            claimed[t.region as usize] = true;
            k = v.regions[t.region as usize].toks.1.max(k) + 1;
        } else {
            k += 1;
        }
    }
    // Content that starts inside a region's marks (a direct quote) claims that region.
    if s < v.toks.len() && v.toks[s].in_region() {
        claimed[v.toks[s].region as usize] = true;
    }
}

/// Unclaimed quoted regions that stand as a sentence of their own continue the previous
/// attribution when it is close (same or previous paragraph); a quotation continued over
/// paragraphs shares its attribution in both directions.
fn continuations(v: &View<'_>, out: &mut Vec<Found>, claimed: &mut [bool]) {
    // Backward: a multi-paragraph quotation attributed in its last paragraph.
    for ri in (0..v.regions.len()).rev() {
        if claimed[ri] || !v.regions[ri].region.continues {
            continue;
        }
        // Find the attribution of the next region in the chain.
        let next = ri + 1;
        if next >= v.regions.len() || !v.regions[next].region.continued || !claimed[next] {
            continue;
        }
        if let Some(idx) = out.iter().position(|f| region_of(v, f) == Some(next)) {
            claimed[ri] = true;
            out.push(Found {
                continues: Some(idx),
                ..Found::quotation(v, ri, QuoteKind::Direct, out[idx].cue, Source::Same(idx))
            });
        }
    }
    // Forward: in text order, a stand-alone quotation after an attributed one.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&i| out[i].span.start);
    let mut oi = 0;
    let mut last: Option<usize> = None;
    for (ri, &r) in v.regions.iter().enumerate() {
        while oi < order.len() && out[order[oi]].span.start < r.region.inner.start {
            let f = &out[order[oi]];
            // "“A,” the tycoon told Reuters when asked if …. “B.”": an attribution with no
            // source inside the paragraph of one with a source does not take over.
            let nested = matches!(f.source, Source::None)
                && last.is_some_and(|l| {
                    v.toks[out[l].content.0].para == v.toks[f.content.0].para
                        && !matches!(out[l].source, Source::None)
                });
            if f.kind != QuoteKind::Partial && !nested {
                last = Some(order[oi]);
            }
            oi += 1;
        }
        if claimed[ri] {
            continue;
        }
        let Some(prev) = last else {
            continue;
        };
        let (a, b) = r.toks;
        let unit = &v.units[v.unit_of[a] as usize];
        // Stands alone: the region is its unit (but for punctuation).
        let punct_only = |from: usize, to: usize| {
            v.toks
                .get(from..to)
                .is_some_and(|ts| ts.iter().all(|t| t.shape == Shape::Punct))
        };
        // "But “…”", "And “…”": a conjunction may open it.
        let opens = punct_only(unit.start, a)
            || a > unit.start
                && punct_only(unit.start, a - 1)
                && v.toks[a - 1].is(class::CONJ)
                && v.toks[a - 1].cap();
        // "“… reasons.” Asked what …": a quoted sentence ends where it ends, whatever the
        // unit holds after it.
        let ends = punct_only(b + 1, unit.end)
            || b > a + 1
                && v.toks[b - 1].shape == Shape::Punct
                && matches!(v.toks[b - 1].ch, '.' | '?' | '!')
                && v.toks.get(b + 1).is_some_and(|n| n.is_word() && n.cap());
        let alone = b < unit.end && opens && ends;
        let pf = &out[prev];
        let prev_para = v.toks[pf.content.0].para;
        let close = r.region.para as u32 == prev_para
            || r.region.para as u32 == prev_para + 1 && v.toks[a].has(lex::PARA_START)
            || r.region.continued;
        if close && (alone || r.region.continued) {
            claimed[ri] = true;
            let idx = out.len();
            // The attribution the quotation belongs to: through continuations and
            // participles ("…,” she said, adding that …. “…”") to the one with the cue.
            let mut root = pf.continues.unwrap_or(prev);
            for _ in 0..4 {
                match out[root].source {
                    Source::Same(j) if j != root && out[j].kind != QuoteKind::Partial => root = j,
                    _ => break,
                }
            }
            out.push(Found {
                continues: Some(root),
                ..Found::quotation(v, ri, QuoteKind::Direct, out[root].cue, Source::Same(root))
            });
            last = Some(idx);
        }
    }
}

/// The region a direct attribution quotes.
fn region_of(v: &View<'_>, f: &Found) -> Option<usize> {
    if f.kind != QuoteKind::Direct {
        return None;
    }
    let t = &v.toks[f.content.0];
    t.in_region().then_some(t.region as usize)
}
