//! What the tagger missed, where the evidence is strong: gazetteer names (countries,
//! organisations, seats, regions, then cities, divisions and nationalities), names typed by
//! their head word ("New START Treaty", "National Security Council"), and acronyms defined in
//! parentheses ("North Atlantic Treaty Organization (NATO)").

use std::ops::Range;

use super::fallback::is_function_word;
use super::fxhash::{FxHashMap, FxHashSet};
use super::lexicon::{CaseFit, Lexicons, List};
use super::options::Rule;
use super::refine::type_span;
use super::tokens::DocView;
use super::{Cand, Origin};
use crate::{EntityLabel, Span};

/// Longest stretch a head word reaches to either side, in tokens (keeps a document of
/// capitalised words linear).
const MAX_NAME: usize = 8;

/// Pairs of mentions that name the same thing (an acronym and its expansion).
pub(crate) type Links = Vec<(Span, Span)>;

fn covered_mask(view: &DocView<'_>, cands: &[Cand]) -> Vec<bool> {
    let mut m = vec![false; view.toks.len()];
    for c in cands {
        for i in c.toks.clone() {
            if let Some(x) = m.get_mut(i) {
                *x = true;
            }
        }
    }
    m
}

/// Adds mentions to `cands`; returns the acronym links found.
pub(crate) fn apply(view: &DocView<'_>, cands: &mut Vec<Cand>) -> Links {
    let on = |rule| view.options.on(rule);
    if on(Rule::GazetteerOverride) {
        gazetteer_override(view, cands);
    }
    if on(Rule::ExtendHeads) {
        extend_heads(view, cands);
    }
    if on(Rule::Hyphenated) {
        hyphenated(view, cands);
    }
    if on(Rule::GazetteerStrong) {
        gazetteer(view, cands, true);
    }
    if on(Rule::HeadNames) {
        head_names(view, cands);
    }
    if on(Rule::GazetteerWeak) {
        gazetteer(view, cands, false);
    }
    let links = if on(Rule::Acronyms) {
        acronyms(view, cands)
    } else {
        Links::new()
    };
    if on(Rule::Repeats) {
        repeats(view, cands);
    }
    links
}

/// Names the tagger found once but missed elsewhere in the article: a person's surname
/// ("… called Price") and multi-word names repeated verbatim.
fn repeats(view: &DocView<'_>, cands: &mut Vec<Cand>) {
    let lex = Lexicons::shared();
    // First word → (words, label) of the names already found.
    let mut known: FxHashMap<&str, Vec<(Vec<&str>, EntityLabel)>> = FxHashMap::default();
    for c in cands.iter() {
        if matches!(c.label, EntityLabel::Date | EntityLabel::Misc)
            || c.span != view.span(c.toks.clone())
        {
            continue;
        }
        let words = view.words(c.toks.clone());
        if c.label == EntityLabel::Person && words.len() >= 2 {
            let last = words[words.len() - 1];
            if last.chars().count() > 2 {
                known
                    .entry(last)
                    .or_default()
                    .push((vec![last], EntityLabel::Person));
            }
        }
        if words.len() >= 2 {
            let e = known.entry(words[0]).or_default();
            if e.len() < 16 && !e.iter().any(|(w, _)| *w == words) {
                e.push((words, c.label));
            }
        }
    }
    if known.is_empty() {
        return;
    }
    let covered = covered_mask(view, cands);
    let mut added = Vec::new();
    let mut i = 0;
    while i < view.toks.len() {
        let t = &view.toks[i];
        let Some(options) = known.get(t.text) else {
            i += 1;
            continue;
        };
        if covered[i]
            || !t.is_cap()
            || is_function_word(t.text)
            || (view.sentence_initial(i) && view.seen_lower(t.text))
        {
            i += 1;
            continue;
        }
        let sent_end = view.sents[t.sent].end;
        let best = options
            .iter()
            .filter(|(w, _)| {
                i + w.len() <= sent_end
                    && w.iter()
                        .enumerate()
                        .all(|(k, x)| view.toks[i + k].text == *x && !covered[i + k])
            })
            .max_by_key(|(w, _)| w.len());
        let Some((w, label)) = best else {
            i += 1;
            continue;
        };
        let r = i..i + w.len();
        // A lone surname glued to another capitalised word is part of some other name.
        let glued = w.len() == 1
            && (view
                .toks
                .get(i + 1)
                .is_some_and(|n| n.sent == t.sent && n.is_cap() && !is_function_word(n.text))
                || (i > 0
                    && view.toks[i - 1].sent == t.sent
                    && view.toks[i - 1].is_cap()
                    && !view.sentence_initial(i - 1)));
        let in_lexicon = w.len() == 1 && lex.lookup(&[t.text]).iter().any(|e| lists_strong(e.list));
        if !glued && !in_lexicon {
            let mut c = typed_cand(view, r.clone(), Origin::Rule);
            if *label == EntityLabel::Person || c.lexicon_label.is_none() {
                c.label = *label;
            }
            added.push(c);
        }
        i = r.end;
    }
    cands.extend(added);
}

/// Hyphenated compounds of names that no mention covers ("US-Russia ties").
fn hyphenated(view: &DocView<'_>, cands: &mut Vec<Cand>) {
    let covered = covered_mask(view, cands);
    let persons: FxHashSet<&str> = cands
        .iter()
        .filter(|c| c.label == EntityLabel::Person && c.span == view.span(c.toks.clone()))
        .flat_map(|c| view.toks[c.toks.clone()].iter())
        .filter(|t| t.is_cap() && !t.text.contains('-'))
        .map(|t| t.text)
        .collect();
    for (i, t) in view.toks.iter().enumerate() {
        if covered[i] || !t.text.contains('-') {
            continue;
        }
        if let Some(parts) = super::refine::hyphen_parts(view, i, &persons, true) {
            cands.extend(parts);
        }
    }
}

/// A rule's mention over tokens `r`, typed by the gazetteers and head words alone.
fn typed_cand(view: &DocView<'_>, r: Range<usize>, origin: Origin) -> Cand {
    let (label, canonical, lexicon_label) = type_span(view, &r, None);
    Cand {
        span: view.span(r.clone()),
        toks: r,
        label,
        origin,
        canonical,
        lexicon_label,
        confidence: 1.0,
    }
}

fn is_cap_word(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase()) && s.chars().any(char::is_alphabetic)
}

/// Two or more letters, all capitals: `LEAGUE`, not `G7` or `I`.
fn is_all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() > 1 && !s.chars().any(char::is_lowercase)
}

/// Most of a sentence's words are set in capitals (a headline, a results table).
fn shouted(view: &DocView<'_>, sent: usize) -> bool {
    let (mut caps, mut words) = (0, 0);
    for t in &view.toks[view.sents[sent].clone()] {
        if t.text.chars().filter(|c| c.is_alphabetic()).count() > 1 {
            words += 1;
            caps += usize::from(is_all_caps(t.text));
        }
    }
    words >= 2 && caps * 2 > words
}

/// A hyphenated word ending in a lower-case part: `Louis-based`, `Kremlin-backed`.
fn is_lower_compound(s: &str) -> bool {
    s.rsplit_once('-')
        .is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_lowercase))
}

fn lists_strong(l: List) -> bool {
    matches!(
        l,
        List::Country | List::Organization | List::Seat | List::Party | List::Location
    )
}

fn lists_weak(l: List) -> bool {
    matches!(
        l,
        List::Capital | List::City | List::Division | List::Demonym | List::Norp
    )
}

/// Gazetteer phrases on tokens no mention covers. `strong`: countries, organisations, seats,
/// regions; otherwise cities, divisions and nationalities, with more care.
fn gazetteer(view: &DocView<'_>, cands: &mut Vec<Cand>, strong: bool) {
    let lex = Lexicons::shared();
    let mut covered = covered_mask(view, cands);
    let person_words: Vec<&str> = cands
        .iter()
        .filter(|c| c.label == EntityLabel::Person)
        .flat_map(|c| view.toks[c.toks.clone()].iter().map(|t| t.text))
        .collect();
    for sent in &view.sents {
        let words = view.words(sent.clone());
        let mut i = 0;
        while i < words.len() {
            let g = sent.start + i;
            if covered[g] || !view.starts_phrase(g) || !is_cap_word(words[i]) {
                i += 1;
                continue;
            }
            let m = lex.longest_at_where(&words, i, |e| {
                if strong {
                    lists_strong(e.list)
                } else {
                    lists_weak(e.list)
                }
            });
            let Some(m) = m else {
                i += 1;
                continue;
            };
            let (s, e) = (sent.start + m.start, sent.start + m.end);
            if (s..e).any(|k| covered[k]) {
                i += 1;
                continue;
            }
            let surface = &words[m.start..m.end];
            let headline = view.is_headline(s);
            let fit_ok = m.entries.iter().any(|en| {
                let fit = lex.case_fit(surface, en);
                fit == CaseFit::Exact
                    || (headline && fit == CaseFit::Shouted)
                    || (fit == CaseFit::Initials && surface.len() > 1)
            });
            if !fit_ok || !accept(view, lex, s, e, strong, &person_words) {
                i += 1;
                continue;
            }
            let c = typed_cand(view, s..e, Origin::Lexicon);
            if matches!(c.label, EntityLabel::Misc) {
                i += 1;
                continue;
            }
            covered[s..e].fill(true);
            cands.push(c);
            i = m.end;
        }
    }
}

/// Context checks for a gazetteer phrase at tokens `s..e`.
fn accept(
    view: &DocView<'_>,
    lex: &Lexicons,
    s: usize,
    e: usize,
    strong: bool,
    person_words: &[&str],
) -> bool {
    let first = view.toks[s].text;
    let single = e - s == 1;
    let prev = (s > view.sents[view.toks[s].sent].start).then(|| view.toks[s - 1].text);
    let next = (e < view.sents[view.toks[s].sent].end).then(|| view.toks[e].text);
    // Part of a longer name: "Chad Smith", "Jordan Peterson".
    if single {
        if let Some(p) = prev {
            if lex.word_lists(p).contains(List::FirstName) && is_cap_word(p) {
                return false;
            }
        }
    }
    // In a line set in capitals, a lone capitalised acronym may be any word ("THE", "AND"
    // are party abbreviations too); only a country or place is trusted there.
    if single && is_all_caps(first) && shouted(view, view.toks[s].sent) {
        let place = lex
            .word_lists(first)
            .iter()
            .any(|l| matches!(l, List::Country | List::Location | List::Capital));
        if !place {
            return false;
        }
    }
    if strong {
        return true;
    }
    if single {
        if person_words.contains(&first) {
            return false;
        }
        if view.seen_lower(first) || lex.word_lists(first).contains(List::FirstName) {
            return false;
        }
        let capital_unknown =
            |w: &str| is_cap_word(w) && !is_function_word(w) && lex.word_lists(w).is_empty();
        if prev.is_some_and(capital_unknown) && !view.sentence_initial(s - 1) {
            return false;
        }
        if next.is_some_and(capital_unknown) {
            return false;
        }
    }
    true
}

/// A tagger mention followed by a capitalised head word takes it in: "NATO" + "Summit",
/// "Nord Stream 2" + "Pipeline".
fn extend_heads(view: &DocView<'_>, cands: &mut [Cand]) {
    let lex = Lexicons::shared();
    for c in cands.iter_mut() {
        let mut e = c.toks.end;
        // "Nord Stream" + "2" + "Pipeline"
        if view
            .toks
            .get(e)
            .is_some_and(|t| t.text.len() <= 2 && t.text.chars().all(|c| c.is_ascii_digit()))
        {
            e += 1;
        }
        let Some(t) = view.toks.get(e) else {
            continue;
        };
        if t.sent != view.toks[c.toks.start].sent || !is_cap_word(t.text) {
            continue;
        }
        let l = lex.word_lists(t.text);
        let label = if l.contains(List::EventHead) {
            EntityLabel::Event
        } else if l.contains(List::LawHead) {
            EntityLabel::Law
        } else if l.contains(List::FacHead) {
            EntityLabel::Fac
        } else {
            continue;
        };
        if c.label == EntityLabel::Person {
            continue;
        }
        c.toks = c.toks.start..e + 1;
        c.span = view.span(c.toks.clone());
        c.label = label;
        c.canonical = None;
        c.lexicon_label = None;
    }
}

/// Multi-word capitalised names typed by a head word: EVENT, LAW and FAC by the last word,
/// ORG by an organisation word with its "of …" complement ("Security Council of Russia").
/// Such a name replaces the tagger's mentions lying inside it ("United States" + "Commerce"
/// in "United States Chamber of Commerce"), never a person.
fn head_names(view: &DocView<'_>, cands: &mut Vec<Cand>) {
    let lex = Lexicons::shared();
    let mut owner: Vec<Option<usize>> = vec![None; view.toks.len()];
    for (k, c) in cands.iter().enumerate() {
        for i in c.toks.clone() {
            if let Some(o) = owner.get_mut(i) {
                *o = Some(k);
            }
        }
    }
    let is_person =
        |o: Option<usize>, cands: &[Cand]| o.is_some_and(|k| cands[k].label == EntityLabel::Person);
    let mut removed = vec![false; cands.len()];
    let mut added: Vec<Cand> = Vec::new();
    let mut taken = vec![false; view.toks.len()];
    for sent in &view.sents {
        for h in sent.clone() {
            let w = view.toks[h].text;
            // An all-capitals word (a headline, a results table) says nothing of case.
            if taken[h] || is_person(owner[h], cands) || !is_cap_word(w) || is_all_caps(w) {
                continue;
            }
            let l = view.lists(h);
            let label = if l.contains(List::EventHead) {
                EntityLabel::Event
            } else if l.contains(List::LawHead) {
                EntityLabel::Law
            } else if l.contains(List::FacHead) {
                EntityLabel::Fac
            } else if l.contains(List::OrgHead) {
                EntityLabel::Org
            } else {
                continue;
            };
            // Left: capitalised words, acronyms and numbers, not titles or function words.
            let mut s = h;
            while s > sent.start && h - s < MAX_NAME {
                let p = view.toks[s - 1].text;
                // A number only right before the head ("Group 20 Summit"); "Leeds 1
                // Crystal Palace" is a score. "Louis-based" describes, it names nothing.
                let number = p.chars().all(|c| c.is_ascii_digit()) && p.len() < 3;
                let name_like = ((is_cap_word(p) && !is_lower_compound(p)) || (number && s == h))
                    && !is_function_word(p)
                    && !taken[s - 1]
                    && !is_person(owner[s - 1], cands);
                let pl = view.lists(s - 1);
                if !name_like
                    || pl.contains(List::Title)
                    || pl.contains(List::TitleModifier)
                    || pl.contains(List::Honorific)
                {
                    break;
                }
                s -= 1;
            }
            while s < h && view.sentence_initial(s) && view.seen_lower(view.toks[s].text) {
                s += 1;
            }
            // Right (organisations): "of/for/on" + capitalised words.
            let mut e = h + 1;
            if label == EntityLabel::Org {
                while let Some(c) = view.toks.get(e) {
                    if e >= sent.end || e - s > MAX_NAME || !matches!(c.text, "of" | "for" | "on") {
                        break;
                    }
                    let mut k = e + 1;
                    while k < sent.end && matches!(view.toks[k].text, "a" | "the") {
                        k += 1;
                    }
                    let start_k = k;
                    while k < sent.end
                        && k - s < 2 * MAX_NAME
                        && is_cap_word(view.toks[k].text)
                        && !super::fallback::is_calendar_word(view.toks[k].text)
                        && !is_person(owner[k], cands)
                        && !lex.word_lists(view.toks[k].text).contains(List::FirstName)
                    {
                        k += 1;
                    }
                    if k == start_k {
                        break;
                    }
                    e = k;
                }
            }
            if e - s < 2 {
                continue;
            }
            // "Kremlin Press Secretary": the head word is part of a title.
            if view.toks.get(e).is_some_and(|t| {
                t.sent == view.toks[h].sent && super::refine::is_title_word(lex, t.text)
            }) {
                continue;
            }
            // Every mention it touches must lie inside it; it must add something.
            let touched: Vec<usize> = {
                let mut v: Vec<usize> = (s..e).filter_map(|k| owner[k]).collect();
                v.dedup();
                v
            };
            if touched.iter().any(|&k| {
                cands[k].toks.start < s
                    || cands[k].toks.end > e
                    || removed[k]
                    || ((cands[k].origin == Origin::Lexicon || cands[k].lexicon_label.is_some())
                        && cands[k].toks.len() >= 2)
            }) {
                continue;
            }
            if touched.len() == 1 && cands[touched[0]].toks == (s..e) {
                continue;
            }
            for &k in &touched {
                removed[k] = true;
            }
            for t in taken.iter_mut().take(e).skip(s) {
                *t = true;
            }
            let r = s..e;
            added.push(Cand {
                span: view.span(r.clone()),
                toks: r,
                label,
                origin: Origin::Rule,
                canonical: None,
                lexicon_label: None,
                confidence: 1.0,
            });
        }
    }
    let mut k = 0;
    cands.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
    cands.extend(added);
}

/// Multi-word gazetteer names of organisations, seats, regions and countries, in their exact
/// spelling, replace tagger mentions that lie inside them or cut across them ("Center" +
/// "American Security Expert" → "Center for a New American Security").
fn gazetteer_override(view: &DocView<'_>, cands: &mut Vec<Cand>) {
    let lex = Lexicons::shared();
    let mut added = Vec::new();
    let mut removed = vec![false; cands.len()];
    let mut owners: Vec<Vec<usize>> = vec![Vec::new(); view.toks.len()];
    for (k, c) in cands.iter().enumerate() {
        for i in c.toks.clone() {
            if let Some(o) = owners.get_mut(i) {
                o.push(k);
            }
        }
    }
    for sent in &view.sents {
        let words = view.words(sent.clone());
        let mut i = 0;
        while i < words.len() {
            let g = sent.start + i;
            if !view.starts_phrase(g) || !view.toks[g].is_cap() {
                i += 1;
                continue;
            }
            let m = lex.matches_at(&words, i).into_iter().rev().find(|m| {
                m.end - m.start >= 2
                    && m.entries.iter().any(|e| {
                        lists_strong(e.list)
                            && lex.case_fit(&words[m.start..m.end], e) == CaseFit::Exact
                    })
            });
            let Some(m) = m else {
                i += 1;
                continue;
            };
            let (s, e) = (sent.start + m.start, sent.start + m.end);
            let mut touched: Vec<usize> = (s..e).flat_map(|k| owners[k].iter().copied()).collect();
            touched.sort_unstable();
            touched.dedup();
            // A mention that holds the whole name (and more) is left to refine's splits.
            let holds = touched
                .iter()
                .any(|&k| cands[k].toks.start <= s && cands[k].toks.end >= e);
            if holds
                || touched
                    .iter()
                    .any(|&k| cands[k].label == EntityLabel::Person)
            {
                i = m.end;
                continue;
            }
            for &k in &touched {
                removed[k] = true;
            }
            added.push(typed_cand(view, s..e, Origin::Lexicon));
            i = m.end;
        }
    }
    let mut k = 0;
    cands.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
    cands.extend(added);
}

fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    let alnum = s.chars().filter(|c| c.is_alphanumeric()).count();
    letters >= 1
        && alnum >= 2
        && s.chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '-')
}

/// Initials of the capitalised words of a name ("North Atlantic Treaty Organization" →
/// "NATO"), skipping function words.
pub(crate) fn initials(words: &[&str]) -> String {
    words
        .iter()
        .filter(|w| !matches!(**w, "of" | "for" | "the" | "and" | "on" | "a" | "in" | "to"))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

/// "Long Name (ACR)" and "ACR (Long Name)": the two name one thing.
fn acronyms(view: &DocView<'_>, cands: &mut Vec<Cand>) -> Links {
    let mut links = Links::new();
    let mut by_start: Vec<Option<usize>> = vec![None; view.toks.len() + 1];
    for (i, c) in cands.iter().enumerate() {
        by_start[c.toks.start] = Some(i);
    }
    let n = cands.len();
    for i in 0..n {
        let c = cands[i].clone();
        let e = c.toks.end;
        if e + 2 > view.toks.len() || view.toks.get(e).is_none_or(|t| t.text != "(") {
            continue;
        }
        let Some(close) = (e + 1..(e + 8).min(view.toks.len())).find(|&k| view.toks[k].text == ")")
        else {
            continue;
        };
        let inner = e + 1..close;
        if inner.is_empty() {
            continue;
        }
        let long_words = view.words(c.toks.clone());
        let inner_words = view.words(inner.clone());
        let (long, short): (Range<usize>, Range<usize>) =
            if inner.len() == 1 && is_acronym(inner_words[0]) {
                (c.toks.clone(), inner.clone())
            } else if long_words.len() == 1 && is_acronym(long_words[0]) && inner.len() > 1 {
                (inner.clone(), c.toks.clone())
            } else {
                continue;
            };
        let acr: String = view.toks[short.start]
            .text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        let long_w = view.words(long.clone());
        let lex = Lexicons::shared();
        let same_canonical = {
            let a = lex.lookup(&view.words(short.clone()));
            let b = lex.lookup(&long_w);
            a.iter()
                .any(|x| b.iter().any(|y| x.canonical == y.canonical))
        };
        let ini = initials(&long_w);
        // Counted and compared by character: an acronym may open with a letter of two
        // bytes or more ("ÖPA" after "Österreichische Plattform …").
        let plausible = same_canonical
            || ini == acr
            || (acr.chars().nth(1).is_some()
                && is_subsequence(&acr, &long_w.concat().to_uppercase())
                && acr
                    .chars()
                    .next()
                    .is_some_and(|first| ini.starts_with(first)));
        if !plausible {
            continue;
        }
        // Make sure both are mentions, with one label.
        let label = c.label;
        for r in [long.clone(), short.clone()] {
            match by_start[r.start] {
                Some(k) if cands[k].toks == r => {
                    if cands[k].lexicon_label.is_none() {
                        cands[k].label = label;
                    }
                }
                _ => {
                    if cands
                        .iter()
                        .any(|x| x.toks.start < r.end && r.start < x.toks.end)
                    {
                        continue;
                    }
                    let mut c = typed_cand(view, r.clone(), Origin::Rule);
                    if c.lexicon_label.is_none() {
                        c.label = label;
                    }
                    cands.push(c);
                    by_start[r.start] = Some(cands.len() - 1);
                }
            }
        }
        links.push((view.span(long), view.span(short)));
    }
    links
}

fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut h = hay.chars();
    needle.chars().all(|c| h.any(|x| x == c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_skip_function_words() {
        assert_eq!(
            initials(&["North", "Atlantic", "Treaty", "Organization"]),
            "NATO"
        );
        assert_eq!(
            initials(&["Center", "for", "a", "New", "American", "Security"]),
            "CNAS"
        );
    }

    #[test]
    fn acronyms_are_recognised() {
        assert!(is_acronym("NATO"));
        assert!(is_acronym("U.S."));
        assert!(is_acronym("G7"));
        assert!(!is_acronym("L"));
        assert!(!is_acronym("Nato"));
    }
}
