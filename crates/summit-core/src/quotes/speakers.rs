//! Speakers: from the words naming a source to the entity they refer to.
//!
//! - A name resolves to the entity the entity stage found there (a person before an
//!   organisation in "Kremlin spokesman Dmitry Peskov").
//! - A pronoun resolves by salience, gender and number: a subject mentioned earlier in its
//!   own sentence (but not inside a prepositional phrase: `For Putin, “…,” he said` is not
//!   Putin speaking), else the previous quotation's speaker, unless the narrative has since
//!   moved to another subject.
//! - A definite role description ("the Russian leader", "the White House press secretary")
//!   resolves through the roles the entity stage gave each person, and through the titles
//!   and appositions this module reads around each person's mentions, matching the role's
//!   head noun (with synonyms: leader ≈ president) and its country (Russian ≈ Kremlin).
//! - Unnamed sources ("a senior official", "two sources familiar with …") keep their words
//!   and no entity. Nothing that does not resolve is guessed: the entity stays `None` and
//!   the confidence says how sure the attribution is.

use super::attribute::{Found, Np, NpKind, Source, np_left, unit_subject};
use super::lex::{self, View};
use super::lexicon::{Lexicon, class};
use crate::{Entity, EntityLabel, Span};

const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Unknown,
    Masc,
    Fem,
}

/// What the resolver knows about one entity.
#[derive(Debug)]
struct EntityInfo {
    label: EntityLabel,
    gender: Gender,
    /// Lower-case role words, one list per role (from the entity stage and from the text).
    roles: Vec<Vec<String>>,
}

/// A resolved source: the words (`np`) and the entity (`entity`), with a confidence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Resolved {
    pub np: Option<Np>,
    pub entity: Option<usize>,
    pub confidence: f32,
}

impl Resolved {
    const NOBODY: Resolved = Resolved {
        np: None,
        entity: None,
        confidence: 0.2,
    };
}

pub(crate) struct Resolver<'a, 't> {
    v: &'a View<'t>,
    entities: &'a [Entity],
    info: Vec<EntityInfo>,
    /// Entity index of each token, or NONE.
    tok_ent: Vec<u32>,
    /// Unit-subject mentions: (token, entity), in text order.
    subjects: Vec<(usize, usize)>,
}

impl<'a, 't> Resolver<'a, 't> {
    pub fn new(v: &'a View<'t>, entities: &'a [Entity]) -> Self {
        let mut tok_ent = vec![NONE; v.toks.len()];
        let mut spans: Vec<(Span, usize)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i)))
            .collect();
        spans.sort_by_key(|(s, _)| s.start);
        let mut ti = 0;
        for (span, e) in &spans {
            while ti < v.toks.len() && v.toks[ti].span.end <= span.start {
                ti += 1;
            }
            let mut k = ti;
            while k < v.toks.len() && v.toks[k].span.start < span.end {
                if tok_ent[k] == NONE {
                    tok_ent[k] = *e as u32;
                }
                k += 1;
            }
        }
        let mut info: Vec<EntityInfo> = entities
            .iter()
            .map(|e| EntityInfo {
                label: e.label,
                gender: Gender::Unknown,
                roles: e
                    .roles
                    .iter()
                    .map(|r| words_lower(r))
                    .filter(|r| !r.is_empty())
                    .collect(),
            })
            .collect();
        if !entities.is_empty() {
            harvest_roles(v, &tok_ent, &mut info);
            guess_genders(v, &tok_ent, &mut info);
        }
        // Subjects matter for pronouns only, and only when there are entities.
        let mut subjects = Vec::new();
        let units: &[std::ops::Range<usize>] = if entities.is_empty() { &[] } else { &v.units };
        for u in units {
            if let Some(np) = unit_subject(v, u.start, u.end) {
                if let Some(e) = (np.start..np.end)
                    .rev()
                    .map(|k| tok_ent[k])
                    .find(|&e| e != NONE)
                {
                    subjects.push((np.head, e as usize));
                }
            }
        }
        Resolver {
            v,
            entities,
            info,
            tok_ent,
            subjects,
        }
    }

    pub fn entity(&self, i: usize) -> &Entity {
        &self.entities[i]
    }

    /// Resolves every attribution's source, in text order.
    pub fn resolve_all(&self, found: &[Found]) -> Vec<Resolved> {
        let mut order: Vec<usize> = (0..found.len()).collect();
        order.sort_by_key(|&i| found[i].span.start);
        let mut out = vec![Resolved::NOBODY; found.len()];
        let mut done = vec![false; found.len()];
        // The previous quotation's speaker: (resolution, token position, paragraph).
        let mut last: Option<(Resolved, usize, u32)> = None;
        for &i in &order {
            let f = &found[i];
            let r = match f.source {
                Source::Np(np) => Some(self.resolve_np(np, last)),
                Source::Same(j) if done[j] => Some(out[j]),
                Source::Same(_) => None,
                Source::None => Some(Resolved::NOBODY),
            };
            if let Some(r) = r {
                out[i] = r;
                done[i] = true;
                if r.np.is_some() {
                    let pos = f.cue.map_or(f.content.0, |c| c.0);
                    last = Some((r, pos, self.v.toks[pos].para));
                }
            }
        }
        // Sources that point forward (a quotation attributed in a later paragraph).
        for &i in order.iter().rev() {
            if let Source::Same(j) = found[i].source {
                if !done[i] {
                    out[i] = out[j];
                    done[i] = true;
                }
            }
        }
        out
    }

    fn resolve_np(&self, np: Np, last: Option<(Resolved, usize, u32)>) -> Resolved {
        match np.kind {
            NpKind::Pronoun => self.resolve_pronoun(np, last),
            NpKind::Name | NpKind::Description => {
                let named = self.entity_in(np);
                if np.kind == NpKind::Name {
                    if let Some(e) = named {
                        return Resolved {
                            np: Some(np),
                            entity: Some(e),
                            confidence: 0.95,
                        };
                    }
                    return Resolved {
                        np: Some(np),
                        entity: None,
                        confidence: 0.6,
                    };
                }
                // A description: a role of a person, or an unnamed source.
                if self.definite(np) {
                    if let Some((e, c)) = self.resolve_role(np) {
                        return Resolved {
                            np: Some(np),
                            entity: Some(e),
                            confidence: c,
                        };
                    }
                }
                // "the Kremlin's spokesman" is not the Kremlin; "the G7 countries" are the G7.
                let person_noun = self.v.toks[np.head].is(class::ROLE | class::SPEAKER)
                    && !self.v.toks[np.head].is(class::GROUP | class::ARTIFACT);
                if let Some(e) = named.filter(|_| !person_noun) {
                    return Resolved {
                        np: Some(np),
                        entity: Some(e),
                        confidence: 0.75,
                    };
                }
                Resolved {
                    np: Some(np),
                    entity: None,
                    confidence: 0.8,
                }
            }
        }
    }

    /// The entity named inside `np`: a person nearest the head, else another entity.
    fn entity_in(&self, np: Np) -> Option<usize> {
        let mut best: Option<(usize, u8, usize)> = None; // (entity, rank, distance)
        for k in np.start..np.end {
            let e = self.tok_ent[k];
            if e == NONE {
                continue;
            }
            let e = e as usize;
            let rank = match self.info[e].label {
                EntityLabel::Person => 0,
                EntityLabel::Org | EntityLabel::Gpe | EntityLabel::Norp => 1,
                EntityLabel::Date => continue,
                _ => 2,
            };
            let dist = np.head.abs_diff(k);
            if best.is_none_or(|(_, r, d)| (rank, dist) < (r, d)) {
                best = Some((e, rank, dist));
            }
        }
        best.map(|(e, _, _)| e)
    }

    fn definite(&self, np: Np) -> bool {
        let first = &self.v.toks[np.start];
        let w = self.v.tok_text(np.start).to_ascii_lowercase();
        matches!(w.as_str(), "the" | "this" | "that")
            || first.is(class::POSS) && !first.is(class::PRON)
            || first.has(lex::POSSESSIVE)
            || first.cap() && !first.is(class::DET | class::NUM)
    }

    fn resolve_role(&self, np: Np) -> Option<(usize, f32)> {
        let lex = Lexicon::get();
        let v = self.v;
        let head = v.tok_text(np.head).to_ascii_lowercase();
        let head_group = role_group(&head);
        let mut countries: Vec<u16> = Vec::new();
        let mut mods: Vec<String> = Vec::new();
        for k in np.start..np.end {
            if k == np.head || v.toks[k].is(class::DET) {
                continue;
            }
            let w = v.tok_text(k).to_ascii_lowercase();
            let w = w.trim_end_matches("'s").trim_end_matches("’s").to_owned();
            if let Some(c) = lex.country_of(&w) {
                countries.push(c);
            }
            if k + 1 < np.end {
                let bigram = format!("{} {}", w, v.tok_text(k + 1).to_ascii_lowercase());
                if let Some(c) = lex.country_of(&bigram) {
                    countries.push(c);
                }
            }
            mods.push(w);
        }
        let mut best: Option<(usize, i32)> = None;
        let mut tie = false;
        for (e, info) in self.info.iter().enumerate() {
            if info.label != EntityLabel::Person {
                continue;
            }
            let mut score = i32::MIN;
            for role in &info.roles {
                let Some(rh) = role.last() else {
                    continue;
                };
                let rgroup = role_group(rh);
                let head_match = *rh == head
                    || head_group.is_some() && rgroup == head_group
                    || role.len() >= 2 && format!("{} {}", role[role.len() - 2], rh) == head;
                if !head_match {
                    continue;
                }
                let mut s = 3;
                let mut role_countries = Vec::new();
                for (i, w) in role.iter().enumerate() {
                    if let Some(c) = lex.country_of(w) {
                        role_countries.push(c);
                    }
                    if i + 1 < role.len() {
                        if let Some(c) = lex.country_of(&format!("{} {}", w, role[i + 1])) {
                            role_countries.push(c);
                        }
                    }
                }
                if !countries.is_empty() {
                    if countries.iter().any(|c| role_countries.contains(c)) {
                        s += 2;
                    } else if !role_countries.is_empty() {
                        s -= 4;
                    }
                }
                s += mods.iter().filter(|m| role.contains(m)).count() as i32;
                score = score.max(s);
            }
            if score < 3 {
                continue;
            }
            match best {
                Some((_, b)) if b > score => {}
                Some((_, b)) if b == score => tie = true,
                _ => {
                    best = Some((e, score));
                    tie = false;
                }
            }
        }
        let (e, score) = best?;
        if tie {
            return None;
        }
        Some((e, if score >= 5 { 0.8 } else { 0.65 }))
    }

    fn resolve_pronoun(&self, np: Np, last: Option<(Resolved, usize, u32)>) -> Resolved {
        let v = self.v;
        let p = np.head;
        let w = v.tok_text(p).to_ascii_lowercase();
        let want: fn(&EntityInfo) -> bool = match w.as_str() {
            "he" | "his" => |i| i.label == EntityLabel::Person && i.gender != Gender::Fem,
            "she" | "her" => |i| i.label == EntityLabel::Person && i.gender != Gender::Masc,
            "it" | "its" => |i| {
                matches!(
                    i.label,
                    EntityLabel::Org | EntityLabel::Gpe | EntityLabel::Norp
                )
            },
            "they" | "their" => |i| {
                matches!(
                    i.label,
                    EntityLabel::Org | EntityLabel::Gpe | EntityLabel::Norp
                )
            },
            _ => {
                return Resolved {
                    np: Some(np),
                    entity: None,
                    confidence: 0.5,
                };
            }
        };
        let found = |e: usize, c: f32| Resolved {
            np: Some(np),
            entity: Some(e),
            confidence: c,
        };
        // 1. A subject earlier in the same unit, not inside a prepositional phrase or a
        //    quotation: "After Biden landed, he said …".
        let unit = &v.units[v.unit_of[p] as usize];
        let mut k = p;
        while k > unit.start {
            k -= 1;
            let e = self.tok_ent[k];
            if e == NONE || v.toks[k].in_region() {
                continue;
            }
            let e = e as usize;
            // The mention's first token and what precedes it.
            let mut m = k;
            while m > unit.start && self.tok_ent[m - 1] == e as u32 {
                m -= 1;
            }
            let governed = m > unit.start && {
                let before = &v.toks[m - 1];
                before.is(class::PREP) && !before.is(class::SUB)
                    || before.is(class::TITLE | class::DET)
                        && m > unit.start + 1
                        && v.toks[m - 2].is(class::PREP)
            };
            if !governed && want(&self.info[e]) && !v.toks[k].has(lex::POSSESSIVE) {
                return found(e, 0.7);
            }
            k = m;
        }
        // 2. The previous quotation's speaker, unless a later subject took over.
        let later_subject = self
            .subjects
            .iter()
            .rev()
            .find(|&&(t, e)| t < unit.start && want(&self.info[e]))
            .copied();
        if let Some((r, pos, para)) = last {
            let compatible = match r.entity {
                Some(e) => want(&self.info[e]),
                None => {
                    // An unnamed source: "they" for plural ones, "he"/"she" for singular.
                    let plural = r.np.is_some_and(|n| v.toks[n.head].is(class::PLURAL));
                    (w == "they") == plural
                }
            };
            let near = v.toks[p].para.saturating_sub(para) <= 4;
            if compatible && near {
                match later_subject {
                    Some((t, e))
                        if t > pos && Some(e) != r.entity && v.unit_of[t] + 2 >= v.unit_of[p] =>
                    {
                        return found(e, 0.55);
                    }
                    _ => {
                        return Resolved {
                            np: Some(np),
                            entity: r.entity,
                            confidence: if r.entity.is_some() { 0.75 } else { 0.5 },
                        };
                    }
                }
            }
        }
        if let Some((_, e)) = later_subject {
            return found(e, 0.5);
        }
        // 3. The most recent compatible mention.
        let mut k = unit.start;
        while k > 0 {
            k -= 1;
            let e = self.tok_ent[k];
            if e != NONE && want(&self.info[e as usize]) {
                return found(e as usize, 0.4);
            }
        }
        Resolved {
            np: Some(np),
            entity: None,
            confidence: 0.3,
        }
    }

    /// The entity named inside an addressee phrase.
    pub fn addressee_entity(&self, np: Np) -> Option<usize> {
        if np.kind == NpKind::Pronoun {
            return None;
        }
        self.entity_in(np)
    }
}

/// A coarse class of role head nouns, so that "leader" matches "president".
fn role_group(head: &str) -> Option<u8> {
    Some(match head {
        "leader" | "president" | "premier" | "chancellor" | "king" | "queen" | "monarch"
        | "counterpart" | "head" => 0,
        "spokesman" | "spokeswoman" | "spokesperson" | "secretary" | "mouthpiece" => 1,
        "adviser" | "advisor" | "aide" => 2,
        "ambassador" | "envoy" | "diplomat" => 3,
        "minister" => 4,
        _ => return None,
    })
}

fn words_lower(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// Reads titles and appositions around each person's mentions: "Kremlin spokesman Dmitry
/// Peskov", "Eric Green, the council's senior director, …".
fn harvest_roles(v: &View<'_>, tok_ent: &[u32], info: &mut [EntityInfo]) {
    let mut k = 0;
    while k < v.toks.len() {
        let e = tok_ent[k];
        if e == NONE || info[e as usize].label != EntityLabel::Person {
            k += 1;
            continue;
        }
        let start = k;
        while k < v.toks.len() && tok_ent[k] == e {
            k += 1;
        }
        let end = k;
        let unit = &v.units[v.unit_of[start] as usize];
        // Before: the words of the same noun phrase.
        if start > unit.start {
            if let Some(np) = np_left(v, start - 1, unit.start) {
                let has_role = (np.start..np.end).any(|j| v.toks[j].is(class::ROLE | class::TITLE));
                if has_role && np.kind != NpKind::Pronoun {
                    let words: Vec<String> = (np.start..np.end)
                        .filter(|&j| !v.toks[j].is(class::DET) && tok_ent[j] != e)
                        .map(|j| v.tok_text(j).to_lowercase().replace('’', "'"))
                        .collect();
                    if !words.is_empty() {
                        info[e as usize].roles.push(words);
                    }
                }
            }
        }
        // After: ", the council's senior director,".
        if end + 1 < unit.end && v.toks[end].is_punct(',') {
            let mut j = end + 1;
            let mut words = Vec::new();
            let mut has_role = false;
            while j < unit.end && j < end + 12 {
                let t = &v.toks[j];
                if t.shape == lex::Shape::Punct
                    || t.in_region()
                    || t.is(class::SUB)
                    || t.entry.is_some_and(|x| !x.cues.is_empty()) && !t.cap()
                {
                    break;
                }
                has_role |= t.is(class::ROLE | class::TITLE);
                if !t.is(class::DET) {
                    words.push(v.tok_text(j).to_lowercase().replace('’', "'"));
                }
                j += 1;
            }
            if has_role && !words.is_empty() {
                // Keep the role's head last: cut at "of"/"for"/"at" ("director of X" → head director).
                if let Some(cut) = words
                    .iter()
                    .position(|w| matches!(w.as_str(), "of" | "for" | "at" | "in"))
                {
                    let tail: Vec<String> = words.split_off(cut);
                    let mut role = tail[1..].to_vec();
                    role.extend(words);
                    info[e as usize].roles.push(role);
                } else {
                    info[e as usize].roles.push(words);
                }
            }
        }
    }
}

/// Each person's grammatical gender from the document: titles (Mr., Ms.), gendered role
/// nouns, and the pronoun that first follows a mention with no other person between.
fn guess_genders(v: &View<'_>, tok_ent: &[u32], info: &mut [EntityInfo]) {
    let mut votes = vec![(0i32, 0i32); info.len()];
    let mut recent: Option<(usize, usize)> = None; // (entity, token)
    for k in 0..v.toks.len() {
        let t = &v.toks[k];
        let e = tok_ent[k];
        if e != NONE && info[e as usize].label == EntityLabel::Person {
            let e = e as usize;
            if k > 0 && tok_ent[k - 1] != e as u32 {
                let p = &v.toks[k - 1];
                if p.is(class::MASC) {
                    votes[e].0 += 3;
                }
                if p.is(class::FEM) {
                    votes[e].1 += 3;
                }
            }
            recent = Some((e, k));
            continue;
        }
        if let Some((e, at)) = recent {
            if k - at > 40 || t.in_region() {
                continue;
            }
            if t.is(class::PRON | class::POSS | class::OBJ) && t.is(class::MASC | class::FEM) {
                if t.is(class::MASC) {
                    votes[e].0 += 1;
                } else {
                    votes[e].1 += 1;
                }
                recent = None;
            }
        }
    }
    for (i, (m, f)) in votes.into_iter().enumerate() {
        info[i].gender = if m > f {
            Gender::Masc
        } else if f > m {
            Gender::Fem
        } else {
            Gender::Unknown
        };
    }
}
