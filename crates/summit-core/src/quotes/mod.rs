//! Quotes: attributed statements and their speakers.
//!
//! The stage reads the cleaned text, its segmentation and the entities, and reports every
//! attributed statement: direct quotations, reported speech with or without quoted
//! fragments, and quoted phrases credited to someone. It runs in four steps, one module each:
//!
//! - [`marks`]: which quotation-mark characters open and close quotations (apostrophes,
//!   nesting, broken punctuation, quotations running over paragraphs);
//! - [`lex`]: the stage's view of tokens and units (sentences read across quotation marks),
//!   with lexicon lookups from [`lexicon`] (reporting verbs in every inflection, word classes);
//! - [`attribute`]: cues, sources and contents, and the quote kinds;
//! - [`speakers`]: sources resolved to entities (names, pronouns, roles, unnamed sources).
//!
//! Marks never fail a document: what does not balance is decided locally and reported in
//! the warnings. Everything is linear in the text.

mod attribute;
mod lex;
mod lexicon;
mod marks;
mod speakers;

pub use attribute::Options;

use crate::clean::Cleaned;
use crate::segment::Segmentation;
use crate::{Addressee, Clause, Cue, Entity, Quote, Span, Speaker};

/// The quote stage's output.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// Spans are offsets into the cleaned text.
    pub quotes: Vec<Quote>,
    pub warnings: Vec<String>,
}

/// Finds the attributed statements of a cleaned document with the default options.
pub fn extract(cleaned: &Cleaned, segmentation: &Segmentation, entities: &[Entity]) -> Extracted {
    extract_with(cleaned, segmentation, entities, Options::default())
}

/// Finds the attributed statements of a cleaned document.
pub fn extract_with(
    cleaned: &Cleaned,
    segmentation: &Segmentation,
    entities: &[Entity],
    options: Options,
) -> Extracted {
    let paras = cleaned.block_spans();
    extract_text(&cleaned.text, &paras, segmentation, entities, options)
}

/// The stage on any text with its paragraph spans (the cleaner's blocks).
pub(crate) fn extract_text(
    text: &str,
    paras: &[Span],
    segmentation: &Segmentation,
    entities: &[Entity],
    options: Options,
) -> Extracted {
    let view = lex::View::build(text, paras, segmentation);
    let found = attribute::find(&view, options);
    let resolver = speakers::Resolver::new(&view, entities);
    let resolved = resolver.resolve_all(&found);
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| (found[i].span.start, found[i].span.end));
    // A content of marks and punctuation alone (a stray "”") says nothing.
    order.retain(|&i| found[i].span.slice(text).chars().any(char::is_alphanumeric));
    let slice = |s: Span| s.slice(text).to_owned();
    let mut quotes = Vec::with_capacity(found.len());
    for (n, &i) in order.iter().enumerate() {
        let f = &found[i];
        let r = &resolved[i];
        let cue = f.cue.map(|(a, b)| {
            let span = view.span(a, b - 1);
            Cue {
                text: slice(span),
                span,
            }
        });
        let speaker = r.np.map(|np| {
            let span = view.span(np.start, np.end - 1);
            let entity = r.entity.map(|e| resolver.entity(e));
            Speaker {
                entity: entity.map(|e| e.id.clone()),
                name: entity.map(|e| e.name.clone()),
                text: slice(span),
                span,
            }
        });
        let addressee = f.addressee.map(|np| {
            let span = view.span(np.start, np.end - 1);
            Addressee {
                entity: resolver
                    .addressee_entity(np)
                    .map(|e| resolver.entity(e).id.clone()),
                text: slice(span),
                span,
            }
        });
        let confidence = match (&speaker, f.cue) {
            (None, _) => 0.2,
            (Some(_), None) => r.confidence * 0.8,
            (Some(_), Some(_)) => r.confidence,
        };
        quotes.push(Quote {
            id: format!("q{}", n + 1),
            kind: f.kind,
            text: slice(f.span),
            span: f.span,
            cue,
            clause: f.clause.map(|span| Clause {
                text: slice(span),
                span,
            }),
            speaker,
            addressee,
            confidence,
        });
    }
    Extracted {
        quotes,
        warnings: view.repairs.warnings(),
    }
}

#[cfg(test)]
mod tests;
