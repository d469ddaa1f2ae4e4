//! Named entities: recognition, typing, resolution and roles.
//!
//! ```text
//! tokens ─ tagger (CoNLL PER/LOC/ORG/MISC spans) ─ refine (titles off, OntoNotes types)
//!        ─ rules (gazetteer names, head words, acronyms, dates) ─ roles ─ resolve ─ Entity
//! ```
//!
//! * [`lexicon`]: the embedded gazetteers and word lists, also used by the tagger as features.
//! * `refine`: turns tagger spans into typed mentions: strips titles and honorifics, splits
//!   "the United States Anatoly Antonov", maps PER/LOC/ORG/MISC to PERSON, GPE, LOC, FAC, ORG,
//!   NORP, EVENT, LAW or MISC.
//! * `rules`: adds what the tagger missed when the evidence is strong (a known country, a
//!   name ending in "Treaty", an acronym defined in parentheses) and DATE mentions.
//! * `roles`: titles and descriptions given to people, before the name or in apposition.
//! * `resolve`: clusters mentions into entities and picks each one's canonical name.

mod dates;
mod fallback;
pub(crate) mod fxhash;
pub mod lexicon;
mod refine;
mod resolve;
mod roles;
mod rules;
pub mod tagger;
mod tokens;

use std::ops::Range;

use crate::clean::Cleaned;
use crate::segment::Segmentation;
use crate::{Entity, EntityLabel, Span};

pub use tokens::DocView;

/// The four CoNLL-2003 types a statistical tagger predicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Coarse {
    Per,
    Loc,
    Org,
    Misc,
}

/// A tagger's span over the document's tokens (global token indices).
#[derive(Clone, Debug)]
pub(crate) struct Tagged {
    pub toks: Range<usize>,
    pub label: Coarse,
    /// How sure the tagger is, 0.5 to 1 (kept for callers that weigh spans).
    #[allow(dead_code)]
    pub confidence: f32,
}

/// Where a mention came from; later passes trust some more than others.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Origin {
    /// The statistical tagger (or its fallback).
    Tagger,
    /// A gazetteer phrase.
    Lexicon,
    /// A rule: head word, acronym definition, title split, date pattern.
    Rule,
}

/// A typed mention before resolution.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    /// Token range in the document view.
    pub toks: Range<usize>,
    /// Byte span in the cleaned text.
    pub span: Span,
    pub label: EntityLabel,
    pub origin: Origin,
    /// What the gazetteers call the thing (`United States` for `U.S.`), when they know it.
    pub canonical: Option<String>,
    /// The label the gazetteers give it, when they know it.
    pub lexicon_label: Option<EntityLabel>,
}

/// Finds the entities of a cleaned document; spans are offsets into `cleaned.text`.
pub fn recognize(cleaned: &Cleaned, segmentation: &Segmentation) -> Vec<Entity> {
    let view = DocView::new(cleaned, segmentation);
    recognize_view(&view)
}

/// Finds the entities of a tokenised document.
pub fn recognize_view(view: &DocView<'_>) -> Vec<Entity> {
    if view.toks.is_empty() {
        return Vec::new();
    }
    let tagged = tag(view);
    let mut cands = refine::refine(view, &tagged);
    let links = rules::apply(view, &mut cands);
    dates::find(view, &mut cands);
    cands.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    let roles = roles::find(view, &cands);
    resolve::resolve(view, cands, &links, &roles)
}

/// The statistical tagger's spans, or the rule-based fallback's when no model is built in.
fn tag(view: &DocView<'_>) -> Vec<Tagged> {
    let Ok(tagger) = tagger::Tagger::embedded() else {
        return fallback::tag(view);
    };
    let words: Vec<Vec<&str>> = view.sents.iter().map(|r| view.words(r.clone())).collect();
    let input: Vec<tagger::SentenceInput<'_>> = words
        .iter()
        .zip(&view.headline)
        .map(|(w, &headline)| tagger::SentenceInput {
            tokens: w,
            headline,
        })
        .collect();
    let tagged = tagger.tag_document(&input);
    let mut out = Vec::with_capacity(tagged.iter().map(Vec::len).sum());
    for (sent, spans) in view.sents.iter().zip(tagged) {
        for s in spans {
            if s.tokens.end > sent.len() {
                continue;
            }
            out.push(Tagged {
                toks: sent.start + s.tokens.start..sent.start + s.tokens.end,
                label: match s.label {
                    tagger::ConllType::Per => Coarse::Per,
                    tagger::ConllType::Loc => Coarse::Loc,
                    tagger::ConllType::Org => Coarse::Org,
                    tagger::ConllType::Misc => Coarse::Misc,
                },
                confidence: s.confidence,
            });
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod test_util {
    use super::*;

    /// Entities of a text written for the test: blocks on blank lines.
    pub fn entities(text: &str) -> Vec<Entity> {
        let view = DocView::from_text(text);
        recognize_view(&view)
    }

    pub fn find<'e>(es: &'e [Entity], name: &str) -> Option<&'e Entity> {
        es.iter()
            .find(|e| e.name == name || e.mentions.iter().any(|m| m.text == name))
    }

    pub fn describe(es: &[Entity]) -> String {
        es.iter()
            .map(|e| {
                format!(
                    "{} {} {:?} {:?}",
                    e.label.as_str(),
                    e.name,
                    e.mentions
                        .iter()
                        .map(|m| m.text.as_str())
                        .collect::<Vec<_>>(),
                    e.roles
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}
