//! The statistical named-entity tagger: CoNLL types (PER, LOC, ORG, MISC) over tokens.
//!
//! An averaged structured perceptron over BILOU labels, decoded by Viterbi with learned
//! transitions and the BILOU validity constraints. Features follow Ratinov & Roth (2009):
//! word, lower case, shapes, affixes, a ±2 window, bigrams, capitals-sentence indicators,
//! word clusters at four granularities, gazetteer hits, and a second pass that sees how
//! the first pass labelled the same word elsewhere in the document and whether the word
//! appears capitalised mid-sentence elsewhere. See `docs/MODEL.md`.
//!
//! The model ships inside the crate (`model/ner.bin`) and loads once per process:
//!
//! ```
//! use summit_core::entities::tagger::{ConllType, Tagger};
//! let tagger = Tagger::shared();
//! let sentence: &[&str] = &["Vladimir", "Putin", "met", "Joe", "Biden", "in", "Geneva", "."];
//! let spans = tagger.tag(&[sentence]);
//! assert_eq!(spans.len(), 1);
//! for s in &spans[0] {
//!     let words = &sentence[s.tokens.clone()];
//!     println!("{:?} {:?} {:.2}", words, s.label, s.confidence);
//! }
//! ```
//!
//! A document is tagged as a whole (all its sentences in one call), because the second
//! pass looks at the other sentences. Work is linear in the number of tokens.

// Label-matrix code indexes several arrays by the same label or token index.
#![allow(clippy::needless_range_loop)]

mod clusters;
pub mod conll;
mod decode;
mod features;
mod gazetteer;
mod hash;
mod labels;
mod model;
mod table;
pub mod train;

use std::ops::Range;
use std::sync::OnceLock;

pub use clusters::{ClusterConfig, ClusterCorpus, ClusterTable, LEVELS};
pub use decode::Transitions;
pub use gazetteer::Gazetteer;
pub use labels::{ConllType, Label, NUM_LABELS, Position, decode_bilou, encode_bilou};
pub use model::{Model, ModelError};

use decode::Scratch;
use features::{DocStats, SentenceInfo};

/// The model compiled into the crate.
static EMBEDDED: &[u8] = include_bytes!("../../../model/ner.bin");

/// One entity found by the tagger.
#[derive(Clone, Debug, PartialEq)]
pub struct TaggedSpan {
    /// Token indices within the sentence.
    pub tokens: Range<usize>,
    pub label: ConllType,
    /// How clearly the decoder preferred this span, 0.5 to 1.
    pub confidence: f32,
}

/// One sentence to tag.
#[derive(Clone, Copy, Debug)]
pub struct SentenceInput<'a> {
    pub tokens: &'a [&'a str],
    /// The sentence is a headline or title (typography says little about names there).
    pub headline: bool,
}

/// A loaded model, ready to tag.
#[derive(Debug, Default)]
pub struct Tagger {
    model: Model,
}

/// Reusable per-call buffers (nothing is allocated per token).
#[derive(Debug, Default)]
struct Work {
    infos: Vec<SentenceInfo>,
    feats: Vec<u64>,
    slots: Vec<u32>,
    slot_start: Vec<u32>,
    emissions: Vec<[f32; NUM_LABELS]>,
    first: Vec<Label>,
    labels: Vec<Label>,
    margins: Vec<f32>,
    sent_start: Vec<usize>,
    stats: DocStats,
    scratch: Scratch,
}

impl Tagger {
    pub fn new(model: Model) -> Tagger {
        Tagger { model }
    }

    /// Parses a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Model::from_bytes(bytes).map(Tagger::new)
    }

    /// The embedded model, parsed on first use.
    pub fn embedded() -> Result<&'static Tagger, &'static ModelError> {
        static SHARED: OnceLock<Result<Tagger, ModelError>> = OnceLock::new();
        SHARED.get_or_init(|| Tagger::from_bytes(EMBEDDED)).as_ref()
    }

    /// The embedded model. Should it ever fail to parse (a test guarantees it does not),
    /// this is an empty tagger that finds nothing.
    pub fn shared() -> &'static Tagger {
        static EMPTY: OnceLock<Tagger> = OnceLock::new();
        match Tagger::embedded() {
            Ok(t) => t,
            Err(_) => EMPTY.get_or_init(Tagger::default),
        }
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tags the sentences of one document (no headline hints).
    pub fn tag(&self, sentences: &[&[&str]]) -> Vec<Vec<TaggedSpan>> {
        let input: Vec<SentenceInput<'_>> = sentences
            .iter()
            .map(|t| SentenceInput {
                tokens: t,
                headline: false,
            })
            .collect();
        self.tag_document(&input)
    }

    /// Tags the sentences of one document; one list of spans per sentence, in order.
    pub fn tag_document(&self, sentences: &[SentenceInput<'_>]) -> Vec<Vec<TaggedSpan>> {
        let mut w = Work::default();
        self.run(sentences, &mut w, true);
        let mut out = Vec::with_capacity(sentences.len());
        for k in 0..sentences.len() {
            let r = w.sent_start[k]..w.sent_start[k + 1];
            let labels = &w.labels[r.clone()];
            let margins = &w.margins[r];
            out.push(
                decode_bilou(labels)
                    .into_iter()
                    .map(|(tokens, label)| {
                        let m = margins[tokens.clone()]
                            .iter()
                            .fold(f32::INFINITY, |a, &b| a.min(b));
                        TaggedSpan {
                            confidence: 1.0 / (1.0 + (-m).exp()),
                            tokens,
                            label,
                        }
                    })
                    .collect(),
            );
        }
        out
    }

    /// The BILOU labels of every token of a document, one list per sentence.
    pub fn tag_labels(&self, sentences: &[SentenceInput<'_>]) -> Vec<Vec<Label>> {
        let mut w = Work::default();
        self.run(sentences, &mut w, false);
        (0..sentences.len())
            .map(|k| w.labels[w.sent_start[k]..w.sent_start[k + 1]].to_vec())
            .collect()
    }

    /// The first-pass labels only (for training and ablations).
    pub fn tag_labels_first_pass(&self, sentences: &[SentenceInput<'_>]) -> Vec<Vec<Label>> {
        let mut w = Work::default();
        self.prepare(sentences, &mut w);
        self.first_pass(&mut w);
        (0..sentences.len())
            .map(|k| w.first[w.sent_start[k]..w.sent_start[k + 1]].to_vec())
            .collect()
    }

    fn prepare(&self, sentences: &[SentenceInput<'_>], w: &mut Work) {
        let m = &self.model;
        w.infos.clear();
        w.sent_start.clear();
        let mut at = 0;
        for s in sentences {
            w.sent_start.push(at);
            at += s.tokens.len();
            w.infos.push(SentenceInfo::build(
                s.tokens,
                s.headline,
                &m.clusters,
                &m.gazetteer,
            ));
        }
        w.sent_start.push(at);
    }

    fn first_pass(&self, w: &mut Work) {
        let m = &self.model;
        let table = &m.features;
        let scale = m.scales[0];
        w.slots.clear();
        w.slot_start.clear();
        w.first.clear();
        for info in &w.infos {
            w.emissions.clear();
            for i in 0..info.tokens.len() {
                w.feats.clear();
                features::first_pass(info, i, &mut w.feats);
                w.slot_start.push(w.slots.len() as u32);
                let mut acc = [0i32; NUM_LABELS];
                for &key in &w.feats {
                    if let Some(slot) = table.slot(key) {
                        w.slots.push(slot as u32);
                        let row = &table.value_at(slot)[0];
                        for (a, &v) in acc.iter_mut().zip(row) {
                            *a += i32::from(v);
                        }
                    }
                }
                w.emissions.push(acc.map(|a| a as f32 * scale));
            }
            decode::viterbi(
                &w.emissions,
                &m.transitions[0],
                &mut w.scratch,
                &mut w.first,
            );
        }
        w.slot_start.push(w.slots.len() as u32);
    }

    fn run(&self, sentences: &[SentenceInput<'_>], w: &mut Work, want_margins: bool) {
        self.prepare(sentences, w);
        self.first_pass(w);
        let m = &self.model;
        let table = &m.features;
        let scale = m.scales[1];
        w.stats.clear();
        for (k, info) in w.infos.iter().enumerate() {
            w.stats
                .add(info, &w.first[w.sent_start[k]..w.sent_start[k + 1]]);
        }
        w.labels.clear();
        w.margins.clear();
        let mut margins = Vec::new();
        for (k, info) in w.infos.iter().enumerate() {
            let base = w.sent_start[k];
            let first = &w.first[base..w.sent_start[k + 1]];
            w.emissions.clear();
            for i in 0..info.tokens.len() {
                let mut acc = [0i32; NUM_LABELS];
                let s0 = w.slot_start[base + i] as usize;
                let s1 = w.slot_start[base + i + 1] as usize;
                for &slot in &w.slots[s0..s1] {
                    let row = &table.value_at(slot as usize)[1];
                    for (a, &v) in acc.iter_mut().zip(row) {
                        *a += i32::from(v);
                    }
                }
                w.feats.clear();
                features::second_pass(info, i, first, &w.stats, &mut w.feats);
                for &key in &w.feats {
                    if let Some(slot) = table.slot(key) {
                        let row = &table.value_at(slot)[1];
                        for (a, &v) in acc.iter_mut().zip(row) {
                            *a += i32::from(v);
                        }
                    }
                }
                w.emissions.push(acc.map(|a| a as f32 * scale));
            }
            let start = w.labels.len();
            decode::viterbi(
                &w.emissions,
                &m.transitions[1],
                &mut w.scratch,
                &mut w.labels,
            );
            if want_margins {
                decode::margins(
                    &w.emissions,
                    &m.transitions[1],
                    &w.labels[start..],
                    &mut w.scratch,
                    &mut margins,
                );
                w.margins.extend_from_slice(&margins);
            } else {
                w.margins.resize(w.labels.len(), 0.0);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_loads() {
        let t = Tagger::embedded().expect("the embedded model parses");
        assert!(!t.model().info().is_empty());
    }

    #[test]
    fn any_input_gives_one_row_per_sentence() {
        let t = Tagger::shared();
        let weird: &[&str] = &["", " ", "\u{0}", "ÄÖÜ", "'''", "a-b-c-d-e-f-g-h-i-j-k-l-m"];
        let empty: &[&str] = &[];
        let out = t.tag(&[weird, empty, weird]);
        assert_eq!(out.len(), 3);
        assert!(out[1].is_empty());
        for s in out.iter().flatten() {
            assert!(s.tokens.end <= weird.len() && s.tokens.start < s.tokens.end);
            assert!((0.0..=1.0).contains(&s.confidence));
        }
    }

    #[test]
    fn empty_model_finds_nothing() {
        let t = Tagger::default();
        let s: &[&str] = &["Putin", "met", "Biden"];
        assert!(t.tag(&[s])[0].is_empty());
    }
}
