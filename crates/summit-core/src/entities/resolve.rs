//! Resolution within a document: mentions clustered into entities.
//!
//! * places, organisations and other names: by the gazetteers' canonical name (`US`, `U.S.`,
//!   `America` → United States), by normalised text, by acronym definitions and initials
//!   (`NATO` ↔ `North Atlantic Treaty Organization`);
//! * people: full names by surname and a compatible given name (`Sergey`/`Sergei`, `J.`/`Joe`,
//!   never `Jake`/`John`), misspelt or truncated surnames where the given name agrees
//!   (`Alexei Navaln`/`Alexei Navalny`); a lone surname joins the nearest preceding full name
//!   that has it (else the nearest following one).
//!
//! Comparisons are blocked on name keys, so a document with thousands of names stays
//! near-linear.

use std::ops::Range;

use super::fxhash::FxHashMap;
use super::options::Rule;
use super::refine::type_span;
use super::rules::{Links, initials};
use super::tokens::DocView;
use super::{Cand, Coarse, Origin};
use crate::{Entity, EntityLabel, Mention, Span};

/// Most clusters compared with one mention inside a block.
const MAX_BLOCK: usize = 64;

struct Dsu(Vec<usize>);

impl Dsu {
    fn new(n: usize) -> Dsu {
        Dsu((0..n).collect())
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The earlier mention stays the root.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | '‘' => out.push('\''),
            c if c.is_whitespace() => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    let out = out.trim();
    out.strip_prefix("the ").unwrap_or(out).to_owned()
}

/// Levenshtein distance, or `bound + 1` once it must exceed `bound`.
pub(crate) fn edit_distance(a: &str, b: &str, bound: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > bound {
        return bound + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > bound {
            return bound + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()].min(bound + 1)
}

fn is_initial(w: &str) -> bool {
    let t = w.trim_end_matches('.');
    t.chars().count() == 1
}

/// Two given names may name one person: equal, an initial of the other, or a spelling
/// variant (`Sergey`/`Sergei`, `Alexei`/`Aleksei`).
fn given_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ca, cb) = (a.chars().next(), b.chars().next());
    if ca != cb {
        return false;
    }
    if is_initial(a) || is_initial(b) {
        return true;
    }
    let n = a.chars().count().min(b.chars().count());
    n >= 4 && edit_distance(a, b, 2) <= if n >= 6 { 2 } else { 1 }
}

/// Whether `a` may be a misspelling or truncation of surname `b` (or the reverse).
fn surname_variant(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let n = la.min(lb);
    if n < 5 {
        return false;
    }
    let prefix = a.starts_with(b) || b.starts_with(a);
    (prefix && la.abs_diff(lb) <= 2) || (n >= 6 && edit_distance(a, b, 1) <= 1)
}

struct PersonCluster {
    root: usize,
    given: Option<String>,
    surname: String,
    /// Where its full-name mentions start, in text order.
    positions: Vec<usize>,
}

/// The words of a mention (a part of a hyphenated token is one word).
fn cand_words<'a>(view: &DocView<'a>, c: &Cand) -> Vec<&'a str> {
    if c.toks.len() == 1 && view.toks[c.toks.start].span != c.span {
        return vec![cand_text(view, c)];
    }
    view.words(c.toks.clone())
}

fn cand_text<'a>(view: &DocView<'a>, c: &Cand) -> &'a str {
    view.text.get(c.span.start..c.span.end).unwrap_or("")
}

fn person_words<'a>(view: &DocView<'a>, c: &Cand) -> Vec<&'a str> {
    cand_words(view, c)
        .into_iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect()
}

fn block_key(surname: &str) -> String {
    surname.chars().take(4).collect()
}

pub(crate) fn resolve(
    view: &DocView<'_>,
    cands: Vec<Cand>,
    links: &Links,
    roles: &[(Range<usize>, String)],
) -> Vec<Entity> {
    // One mention per token: drop later overlapping candidates.
    let mut cands: Vec<Cand> = {
        let mut kept: Vec<Cand> = Vec::with_capacity(cands.len());
        for c in cands {
            if let Some(last) = kept.last() {
                if c.span.start < last.span.end {
                    continue;
                }
            }
            kept.push(c);
        }
        kept
    };
    let n = cands.len();
    // Person surnames (lower case) from full names, to retype stray single words.
    let mut surnames: FxHashMap<String, ()> = FxHashMap::default();
    for c in &cands {
        if c.label == EntityLabel::Person {
            let w = person_words(view, c);
            if w.len() >= 2 {
                surnames.insert(w[w.len() - 1].to_lowercase(), ());
            }
        }
    }
    for c in cands.iter_mut() {
        if view.options.on(Rule::SurnameRetype)
            && c.label != EntityLabel::Person
            && c.label != EntityLabel::Date
            && c.lexicon_label.is_none()
            && c.origin == Origin::Tagger
            && c.toks.len() == 1
            && surnames.contains_key(&cand_text(view, c).to_lowercase())
        {
            c.label = EntityLabel::Person;
        }
    }
    if view.options.on(Rule::UnifyLabels) {
        unify_labels(view, &mut cands);
    }
    let mut dsu = Dsu::new(n);

    // Places, organisations, other names: canonical or normalised text.
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    let mut by_initials: FxHashMap<String, usize> = FxHashMap::default();
    let mut by_span: FxHashMap<Span, usize> = FxHashMap::default();
    for (i, c) in cands.iter().enumerate() {
        by_span.insert(c.span, i);
        if c.label == EntityLabel::Person {
            continue;
        }
        // Mentions the tagger typed as different kinds of thing are different things
        // ("Surrey" the county and "Surrey" the cricket club).
        let family = match coarse_of(c.label) {
            None => "d:",
            Some(Coarse::Loc) => "l:",
            Some(Coarse::Org) => "o:",
            Some(Coarse::Misc) => "m:",
            Some(Coarse::Per) => "p:",
        };
        let key = match &c.canonical {
            Some(k) => format!("{family}{}", norm(k)),
            None => format!("{family}{}", norm(cand_text(view, c))),
        };
        match by_key.get(&key) {
            Some(&j) => dsu.union(j, i),
            None => {
                by_key.insert(key, i);
            }
        }
        let words = cand_words(view, c);
        if words.len() >= 2 && matches!(c.label, EntityLabel::Org | EntityLabel::Gpe) {
            by_initials.entry(initials(&words)).or_insert(i);
        }
    }
    for (i, c) in cands.iter().enumerate() {
        if !matches!(c.label, EntityLabel::Org | EntityLabel::Gpe) || c.toks.len() != 1 {
            continue;
        }
        let w = cand_text(view, c);
        let acr: String = w.chars().filter(|c| c.is_alphanumeric()).collect();
        if acr.len() >= 2
            && acr.len() <= 6
            && acr.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            if let Some(&j) = by_initials.get(&acr) {
                if cands[j].label == c.label {
                    dsu.union(i, j);
                }
            }
        }
    }
    for (a, b) in links {
        if let (Some(&i), Some(&j)) = (by_span.get(a), by_span.get(b)) {
            dsu.union(i, j);
        }
    }

    // People.
    let persons: Vec<usize> = (0..n)
        .filter(|&i| cands[i].label == EntityLabel::Person)
        .collect();
    let mut clusters: Vec<PersonCluster> = Vec::new();
    let mut blocks: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for &i in &persons {
        let w = person_words(view, &cands[i]);
        if w.len() < 2 {
            continue;
        }
        let given = w[0].to_lowercase();
        let surname = w[w.len() - 1].to_lowercase();
        let block = blocks.entry(block_key(&surname)).or_default();
        let found = block.iter().take(MAX_BLOCK).copied().find(|&k| {
            let cl: &PersonCluster = &clusters[k];
            let given_ok = cl
                .given
                .as_deref()
                .is_none_or(|g| given_compatible(g, &given));
            let exact = cl.surname == surname;
            (exact && given_ok)
                || (cl.given.as_deref() == Some(given.as_str())
                    && surname_variant(&cl.surname, &surname))
                || (given_ok
                    && !is_initial(&given)
                    && surname_variant(&cl.surname, &surname)
                    && cl.given.as_deref().is_some_and(|g| g.chars().count() > 3))
        });
        match found {
            Some(k) => {
                dsu.union(clusters[k].root, i);
                clusters[k].positions.push(cands[i].span.start);
                // The fuller spelling of the surname names the cluster.
                if surname.chars().count() > clusters[k].surname.chars().count() {
                    clusters[k].surname = surname;
                }
            }
            None => {
                let k = clusters.len();
                clusters.push(PersonCluster {
                    root: i,
                    given: Some(given),
                    surname: surname.clone(),
                    positions: vec![cands[i].span.start],
                });
                block.push(k);
            }
        }
    }
    // Lone names: the nearest preceding full name with that surname, else the nearest
    // following one; else a cluster of their own.
    for &i in &persons {
        let w = person_words(view, &cands[i]);
        if w.len() != 1 {
            continue;
        }
        let word = w[0].to_lowercase();
        let pos = cands[i].span.start;
        let mut best: Option<(bool, usize, usize)> = None; // (precedes, distance, cluster)
        if let Some(block) = blocks.get(&block_key(&word)) {
            for &k in block.iter().take(MAX_BLOCK) {
                let cl = &clusters[k];
                if !(cl.surname == word || surname_variant(&cl.surname, &word)) {
                    continue;
                }
                // Nearest full-name mention of the cluster before and after.
                let at = cl.positions.partition_point(|&p| p < pos);
                let mut consider = |c: (bool, usize, usize)| {
                    best = Some(match best {
                        Some(b) if !((c.0 && !b.0) || (c.0 == b.0 && c.1 < b.1)) => b,
                        _ => c,
                    });
                };
                if at > 0 {
                    consider((true, pos - cl.positions[at - 1], k));
                }
                if let Some(&p) = cl.positions.get(at) {
                    consider((false, p - pos, k));
                }
            }
        }
        // A lone given name ("Steven") that exactly one full name has, and no surname.
        if best.is_none() && !is_initial(&word) {
            let mut owners = clusters
                .iter()
                .enumerate()
                .filter(|(_, cl)| cl.given.as_deref() == Some(word.as_str()));
            if let (Some((k, _)), None) = (owners.next(), owners.next()) {
                if clusters.len() <= MAX_BLOCK * 16 {
                    best = Some((true, 0, k));
                }
            }
        }
        match best {
            Some((_, _, k)) => {
                dsu.union(clusters[k].root, i);
            }
            None => {
                let k = clusters.len();
                clusters.push(PersonCluster {
                    root: i,
                    given: None,
                    surname: word.clone(),
                    positions: vec![pos],
                });
                blocks.entry(block_key(&word)).or_default().push(k);
            }
        }
    }

    build(view, &mut cands, &mut dsu, roles)
}

/// The CoNLL type an OntoNotes label subdivides (`None` for DATE).
pub(crate) fn coarse_of(label: EntityLabel) -> Option<Coarse> {
    match label {
        EntityLabel::Person => Some(Coarse::Per),
        EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac => Some(Coarse::Loc),
        EntityLabel::Org => Some(Coarse::Org),
        EntityLabel::Norp | EntityLabel::Event | EntityLabel::Law | EntityLabel::Misc => {
            Some(Coarse::Misc)
        }
        EntityLabel::Date => None,
    }
}

/// Below this confidence the tagger's type of a mention gives way to the document's
/// majority for the same text.
const UNIFY_BELOW: f32 = 0.6;

/// The tagger may type one name two ways in one article ("Obama" ORG here, PER there): the
/// tagger's own mentions of that text vote with their confidence, and a mention the tagger
/// was unsure of takes the winning CoNLL type (subdivided again).
fn unify_labels(view: &DocView<'_>, cands: &mut [Cand]) {
    let mut votes: FxHashMap<String, [f32; 4]> = FxHashMap::default();
    let slot = |c: Coarse| match c {
        Coarse::Per => 0,
        Coarse::Loc => 1,
        Coarse::Org => 2,
        Coarse::Misc => 3,
    };
    const ORDER: [Coarse; 4] = [Coarse::Per, Coarse::Loc, Coarse::Org, Coarse::Misc];
    for c in cands.iter() {
        let Some(k) = coarse_of(c.label) else {
            continue;
        };
        if c.origin != Origin::Tagger {
            continue;
        }
        votes.entry(norm(cand_text(view, c))).or_default()[slot(k)] += c.confidence;
    }
    for c in cands.iter_mut() {
        let Some(own) = coarse_of(c.label) else {
            continue;
        };
        if c.confidence >= UNIFY_BELOW {
            continue;
        }
        let Some(v) = votes.get(&norm(cand_text(view, c))) else {
            continue;
        };
        let best = ORDER
            .iter()
            .copied()
            .fold(None::<Coarse>, |b, k| match b {
                Some(x) if v[slot(x)] >= v[slot(k)] => Some(x),
                _ => Some(k),
            })
            .unwrap_or(own);
        if best == own || v[slot(best)] <= v[slot(own)] {
            continue;
        }
        // Only whole-token mentions can be typed again (a part of "US-Russia" keeps its own).
        if c.span != view.span(c.toks.clone()) {
            continue;
        }
        let (label, canonical, lexicon_label) = type_span(view, &c.toks, Some(best));
        c.label = label;
        c.canonical = canonical;
        c.lexicon_label = lexicon_label;
    }
}

fn build(
    view: &DocView<'_>,
    cands: &mut [Cand],
    dsu: &mut Dsu,
    roles: &[(Range<usize>, String)],
) -> Vec<Entity> {
    let n = cands.len();
    let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    let mut order: Vec<usize> = Vec::new();
    for i in 0..n {
        let r = dsu.find(i);
        let g = groups.entry(r).or_default();
        if g.is_empty() {
            order.push(r);
        }
        g.push(i);
    }
    order.sort_by_key(|r| groups[r].iter().map(|&i| cands[i].span.start).min());
    let mut roles_by_tok: FxHashMap<usize, Vec<&str>> = FxHashMap::default();
    for (r, role) in roles {
        roles_by_tok.entry(r.start).or_default().push(role);
    }
    let mut out = Vec::with_capacity(order.len());
    for root in order {
        let members = &groups[&root];
        let label = cluster_label(cands, members, view.options.on(Rule::ClusterLexicon));
        let name = canonical_name(view, cands, members, label);
        let mut mentions: Vec<Mention> = members
            .iter()
            .map(|&i| Mention {
                span: cands[i].span,
                text: cand_text(view, &cands[i]).to_owned(),
            })
            .collect();
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        let mut rs: Vec<String> = Vec::new();
        if label == EntityLabel::Person {
            for &i in members {
                for role in roles_by_tok.get(&cands[i].toks.start).into_iter().flatten() {
                    if !rs.iter().any(|r| r == role) {
                        rs.push((*role).to_owned());
                    }
                }
            }
        }
        out.push(Entity {
            id: format!("e{}", out.len() + 1),
            label,
            name,
            roles: rs,
            mentions,
        });
    }
    out
}

fn cluster_label(cands: &[Cand], members: &[usize], lexicon_first: bool) -> EntityLabel {
    let mut counts: Vec<(EntityLabel, usize, usize)> = Vec::new(); // label, votes, first
    let lexicon: Vec<EntityLabel> = members
        .iter()
        .filter_map(|&i| cands[i].lexicon_label)
        .collect();
    let pool: Vec<EntityLabel> = if lexicon.is_empty() || !lexicon_first {
        members.iter().map(|&i| cands[i].label).collect()
    } else {
        lexicon
    };
    for (k, l) in pool.into_iter().enumerate() {
        match counts.iter_mut().find(|c| c.0 == l) {
            Some(c) => c.1 += 1,
            None => counts.push((l, 1, k)),
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map_or(EntityLabel::Misc, |c| c.0)
}

fn canonical_name(
    view: &DocView<'_>,
    cands: &[Cand],
    members: &[usize],
    label: EntityLabel,
) -> String {
    // (score, count, first position, text)
    let mut forms: Vec<(usize, usize, usize, String)> = Vec::new();
    for &i in members {
        let text = cand_text(view, &cands[i]);
        let text = text.strip_prefix("the ").unwrap_or(text).to_owned();
        let words = cand_words(view, &cands[i]);
        let mut score = words
            .iter()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
            * 4;
        if label == EntityLabel::Person && words.first().is_some_and(|w| is_initial(w)) {
            score = score.saturating_sub(3);
        }
        // A shouted dateline ("ISTANBUL") is the same name in worse letters.
        if text.chars().filter(|c| c.is_alphabetic()).count() > 4
            && !text.chars().any(char::is_lowercase)
        {
            score = score.saturating_sub(1);
        }
        match forms.iter_mut().find(|f| f.3 == text) {
            Some(f) => f.1 += 1,
            None => forms.push((score, 1, cands[i].span.start, text)),
        }
    }
    let best = forms
        .into_iter()
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.cmp(&a.2)));
    // A country named only by abbreviation ("US", "UK") takes its full name.
    if label == EntityLabel::Gpe {
        if let Some(full) = members.iter().find_map(|&i| {
            (cands[i].lexicon_label == Some(EntityLabel::Gpe))
                .then(|| cands[i].canonical.clone())
                .flatten()
        }) {
            let abbreviated = best
                .as_ref()
                .is_some_and(|b| b.3.chars().filter(|c| c.is_lowercase()).count() == 0);
            if abbreviated && full.contains(' ') {
                return full;
            }
        }
    }
    best.map(|f| f.3).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::test_util::{describe, entities, find};

    #[test]
    fn edit_distance_is_bounded() {
        assert_eq!(edit_distance("sergey", "sergei", 2), 1);
        assert_eq!(edit_distance("navaln", "navalny", 2), 1);
        assert_eq!(edit_distance("abcdef", "uvwxyz", 2), 3);
    }

    #[test]
    fn given_names_and_surnames() {
        assert!(given_compatible("sergey", "sergei"));
        assert!(given_compatible("j.", "joe"));
        assert!(!given_compatible("jake", "john"));
        assert!(surname_variant("navaln", "navalny"));
        assert!(!surname_variant("green", "greer"));
    }

    fn mentions_of(text: &str, name: &str) -> Vec<String> {
        let es = entities(text);
        find(&es, name)
            .unwrap_or_else(|| panic!("{name} not found in\n{}", describe(&es)))
            .mentions
            .iter()
            .map(|m| m.text.clone())
            .collect()
    }

    #[test]
    fn person_variants_resolve() {
        let text = "Vladimir Putin arrived. President Putin spoke and Putin left.\n\nMr. Biden and J. Biden are Joe Biden.";
        assert_eq!(
            mentions_of(text, "Vladimir Putin"),
            vec!["Vladimir Putin", "Putin", "Putin"]
        );
        assert_eq!(
            mentions_of(text, "Joe Biden"),
            vec!["Biden", "J. Biden", "Joe Biden"]
        );
        let es = entities(text);
        assert_eq!(find(&es, "Joe Biden").unwrap().name, "Joe Biden");
    }

    #[test]
    fn transliterations_and_misspellings_resolve() {
        let text = "Foreign Minister Sergey Lavrov met them. Later Sergei Lavrov said no. \
                    The dissident Alexei Navalny was jailed; Alexei Navaln appealed.";
        assert_eq!(mentions_of(text, "Sergey Lavrov").len(), 2);
        assert_eq!(mentions_of(text, "Alexei Navalny").len(), 2);
        assert_eq!(
            find(&entities(text), "Alexei Navaln").unwrap().name,
            "Alexei Navalny"
        );
    }

    #[test]
    fn two_sullivans_stay_apart() {
        let text = "Adviser Jake Sullivan came with former ambassador John Sullivan. \
                    Later Sullivan said the talks went well.";
        let es = entities(text);
        let jake = find(&es, "Jake Sullivan").unwrap();
        let john = find(&es, "John Sullivan").unwrap();
        assert_ne!(jake.id, john.id);
        // The lone surname goes to the nearest preceding full name.
        assert_eq!(john.mentions.len(), 2, "{}", describe(&es));
        assert_eq!(jake.mentions.len(), 1);
    }

    #[test]
    fn country_variants_resolve() {
        let text = "The United States and Zorbia met. The US said America wants peace, and U.S. officials agreed.";
        let es = entities(text);
        let us = find(&es, "United States").unwrap();
        assert_eq!(us.label, EntityLabel::Gpe);
        assert_eq!(us.mentions.len(), 4, "{}", describe(&es));
        assert_eq!(us.name, "United States");
    }

    #[test]
    fn acronym_expansion_resolves() {
        let text = "Ukraine may join the North Atlantic Treaty Organization (NATO). NATO said yes. \
                    The Zorbian Widget Council (ZWC) met; the ZWC agreed.";
        let es = entities(text);
        let nato = find(&es, "NATO").unwrap();
        assert_eq!(nato.name, "North Atlantic Treaty Organization");
        assert_eq!(nato.mentions.len(), 3, "{}", describe(&es));
        assert_eq!(nato.label, EntityLabel::Org);
        let zwc = find(&es, "ZWC").unwrap();
        assert_eq!(zwc.mentions.len(), 3, "{}", describe(&es));
    }

    #[test]
    fn a_country_before_a_person_is_not_one_organisation() {
        let text = "He met Russian Ambassador to the United States Anatoly Antonov.\n\n\
                    United States (US) President Joe Biden met his counterpart.";
        let es = entities(text);
        let antonov = find(&es, "Anatoly Antonov").unwrap();
        assert_eq!(antonov.label, EntityLabel::Person);
        assert_eq!(
            antonov.roles,
            vec!["Russian Ambassador to the United States"]
        );
        let us = find(&es, "United States").unwrap();
        assert_eq!(us.label, EntityLabel::Gpe);
        assert!(
            us.mentions.iter().any(|m| m.text == "US"),
            "{}",
            describe(&es)
        );
        let biden = find(&es, "Joe Biden").unwrap();
        assert_eq!(biden.label, EntityLabel::Person);
        assert_eq!(biden.roles, vec!["United States President"]);
        assert!(find(&es, "Russian").is_some_and(|e| e.label == EntityLabel::Norp));
    }

    #[test]
    fn entity_ids_follow_first_mentions() {
        let es = entities("Zorbia and Vladimir Putin. Putin and Zorbia.");
        for (k, e) in es.iter().enumerate() {
            assert_eq!(e.id, format!("e{}", k + 1));
            assert!(
                e.mentions
                    .windows(2)
                    .all(|w| w[0].span.start < w[1].span.start)
            );
        }
    }
}
