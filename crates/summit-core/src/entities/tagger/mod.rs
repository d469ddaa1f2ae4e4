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

use std::collections::HashMap;

use decode::Scratch;
use features::{BuildIdentity, DocStats, SentenceInfo, TokenInfo};
use table::HashTable;

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

/// Calls `f` with owned sentences (tokens and a headline flag) as tagger input.
pub fn with_inputs<'a, R>(
    sentences: impl IntoIterator<Item = (&'a [String], bool)>,
    f: impl FnOnce(&[SentenceInput<'_>]) -> R,
) -> R {
    let sentences: Vec<(Vec<&str>, bool)> = sentences
        .into_iter()
        .map(|(t, h)| (t.iter().map(String::as_str).collect(), h))
        .collect();
    let inputs: Vec<SentenceInput<'_>> = sentences
        .iter()
        .map(|(tokens, headline)| SentenceInput {
            tokens,
            headline: *headline,
        })
        .collect();
    f(&inputs)
}

const N: usize = NUM_LABELS;

/// Summed weights of a group of features, for both passes.
type Scores = [[i32; N]; 2];

/// What a word type contributes to the scores of the tokens around it: at each offset
/// of [`features::OFFSETS`] (the type itself in the middle, as a neighbour elsewhere).
#[derive(Clone, Debug)]
struct TypeEntry {
    info: TokenInfo,
    scores: [Scores; 5],
}

/// Marks a reference into the per-document cache rather than the load-time one.
const LOCAL: u32 = 1 << 31;

/// The per-type scores of `words` (lower-case-mode sentences), for the model file.
pub(crate) fn frequent_scores(model: &Model, words: &[String]) -> Vec<(String, model::TypeScores)> {
    let mut buf = Vec::new();
    let mut seen = std::collections::HashSet::new();
    words
        .iter()
        .filter(|w| seen.insert(w.as_str()))
        .map(|w| {
            let info = features::token_info(w, &model.clusters, false);
            (w.clone(), type_entry(model, info, false, &mut buf).scores)
        })
        .collect()
}

/// A loaded model, ready to tag.
#[derive(Debug)]
pub struct Tagger {
    model: Model,
    /// Load-time cache of the frequent words (lower-case-mode sentences).
    frequent: HashTable<u32>,
    entries: Vec<TypeEntry>,
    /// Scores given by the sentence edge, per case mode and offset.
    edges: [[Scores; 5]; 2],
    /// The model's transitions with invalid ones masked, per pass.
    masked: [Transitions; 2],
    /// Second-pass scores of the first-pass label features, by label codes: the label
    /// alone, with the previous one, with the next one.
    label_own: Vec<[i32; N]>,
    label_prev: Vec<[i32; N]>,
    label_next: Vec<[i32; N]>,
}

/// Reusable per-call buffers (nothing is allocated per token).
#[derive(Debug, Default)]
struct Work {
    infos: Vec<SentenceInfo>,
    /// Per token of the document: its type entry (`LOCAL` bit: per-document cache).
    types: Vec<u32>,
    local_map: HashMap<u64, u32, BuildIdentity>,
    local: Vec<TypeEntry>,
    feats: Vec<u64>,
    rows: Vec<u32>,
    row_start: Vec<u32>,
    emissions: Vec<[f32; N]>,
    first: Vec<Label>,
    labels: Vec<Label>,
    margins: Vec<f32>,
    sent_start: Vec<usize>,
    stats: DocStats,
    scratch: Scratch,
}

/// Runs `f` with this thread's reusable buffers (fresh ones if they are in use).
fn with_work<R>(f: impl FnOnce(&mut Work) -> R) -> R {
    thread_local! {
        static WORK: std::cell::RefCell<Work> = std::cell::RefCell::new(Work::default());
    }
    WORK.with(|cell| match cell.try_borrow_mut() {
        Ok(mut w) => f(&mut w),
        Err(_) => f(&mut Work::default()),
    })
}

#[inline]
fn add(acc: &mut [i32; N], row: &[i16; N]) {
    for (a, &v) in acc.iter_mut().zip(row) {
        *a += i32::from(v);
    }
}

#[inline]
fn add32(acc: &mut [i32; N], row: &[i32; N]) {
    for (a, &v) in acc.iter_mut().zip(row) {
        *a += v;
    }
}

fn score_features(model: &Model, feats: &[u64]) -> Scores {
    let mut s = [[0i32; N]; 2];
    for &key in feats {
        if let Some(r) = model.features.get(key) {
            let row = model.features.row(r);
            add(&mut s[0], &row[0]);
            add(&mut s[1], &row[1]);
        }
    }
    s
}

fn type_entry(model: &Model, info: TokenInfo, upper: bool, buf: &mut Vec<u64>) -> TypeEntry {
    let mut scores = [[[0i32; N]; 2]; 5];
    for (k, &d) in features::OFFSETS.iter().enumerate() {
        buf.clear();
        if d == 0 {
            features::self_features(&info, upper, buf);
        } else {
            features::neighbor_features(Some(&info), d, upper, buf);
        }
        scores[k] = score_features(model, buf);
    }
    TypeEntry { info, scores }
}

impl Default for Tagger {
    /// A tagger without a model: it finds nothing.
    fn default() -> Self {
        Tagger::new(Model::default())
    }
}

impl Tagger {
    /// Wraps a model, precomputing the per-type scores of its frequent words.
    pub fn new(model: Model) -> Tagger {
        let mut buf = Vec::new();
        let mut edges = [[[[0i32; N]; 2]; 5]; 2];
        for (mode, e) in edges.iter_mut().enumerate() {
            for (k, &d) in features::OFFSETS.iter().enumerate() {
                if d != 0 {
                    buf.clear();
                    features::neighbor_features(None, d, mode == 1, &mut buf);
                    e[k] = score_features(&model, &buf);
                }
            }
        }
        let mut frequent = HashTable::with_capacity(model.frequent.len());
        let mut entries = Vec::with_capacity(model.frequent.len());
        for (w, scores) in &model.frequent {
            let info = features::token_info(w, &model.clusters, false);
            let key = hash::mix(info.word, 0);
            if frequent.get(key).is_none() {
                frequent.insert(key, entries.len() as u32);
                entries.push(TypeEntry {
                    info,
                    scores: *scores,
                });
            }
        }
        let masked = [model.transitions[0].masked(), model.transitions[1].masked()];
        const C: usize = features::LABEL_CODES;
        let mut label_own = vec![[0i32; N]; C];
        let mut label_prev = vec![[0i32; N]; C * C];
        let mut label_next = vec![[0i32; N]; C * C];
        for a in 0..C {
            label_own[a] = score_features(&model, &[features::label_keys(0, a as u64, 0)[0]])[1];
            for b in 0..C {
                let prev = features::label_keys(a as u64, b as u64, 0)[1];
                let next = features::label_keys(0, a as u64, b as u64)[2];
                label_prev[a * C + b] = score_features(&model, &[prev])[1];
                label_next[a * C + b] = score_features(&model, &[next])[1];
            }
        }
        Tagger {
            model,
            frequent,
            entries,
            edges,
            masked,
            label_own,
            label_prev,
            label_next,
        }
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
        with_work(|w| self.tag_spans(sentences, w))
    }

    fn tag_spans(&self, sentences: &[SentenceInput<'_>], w: &mut Work) -> Vec<Vec<TaggedSpan>> {
        self.run(sentences, w, true);
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
        with_work(|w| {
            self.run(sentences, w, false);
            (0..sentences.len())
                .map(|k| w.labels[w.sent_start[k]..w.sent_start[k + 1]].to_vec())
                .collect()
        })
    }

    /// The first-pass labels only (for ablations).
    pub fn tag_labels_first_pass(&self, sentences: &[SentenceInput<'_>]) -> Vec<Vec<Label>> {
        let mut w = Work::default();
        self.prepare(sentences, &mut w);
        self.first_pass(&mut w);
        (0..sentences.len())
            .map(|k| w.first[w.sent_start[k]..w.sent_start[k + 1]].to_vec())
            .collect()
    }

    #[inline]
    fn entry<'a>(&'a self, local: &'a [TypeEntry], r: u32) -> &'a TypeEntry {
        if r & LOCAL != 0 {
            &local[(r & !LOCAL) as usize]
        } else {
            &self.entries[r as usize]
        }
    }

    fn prepare(&self, sentences: &[SentenceInput<'_>], w: &mut Work) {
        let m = &self.model;
        w.sent_start.clear();
        w.types.clear();
        w.local_map.clear();
        w.local.clear();
        // Keep the sentence buffers of earlier calls; drop only the surplus.
        w.infos.truncate(sentences.len());
        w.infos.resize_with(sentences.len(), SentenceInfo::default);
        let mut at = 0;
        for (k, s) in sentences.iter().enumerate() {
            w.sent_start.push(at);
            at += s.tokens.len();
            let si = &mut w.infos[k];
            let (types, map, local, feats) =
                (&mut w.types, &mut w.local_map, &mut w.local, &mut w.feats);
            si.fill_with(s.tokens, s.headline, &m.gazetteer, |_, tok, upper| {
                let key = hash::mix(hash::hash_str(tok), u64::from(upper));
                if !upper && let Some(r) = self.frequent.get(key) {
                    types.push(r);
                    return self.entries[r as usize].info;
                }
                if let Some(&r) = map.get(&key) {
                    types.push(r | LOCAL);
                    return local[r as usize].info;
                }
                let info = features::token_info(tok, &m.clusters, upper);
                let r = local.len() as u32;
                local.push(type_entry(m, info, upper, feats));
                map.insert(key, r);
                types.push(r | LOCAL);
                info
            });
        }
        w.sent_start.push(at);
    }

    /// The cached scores of token `i` of a sentence for pass `p`.
    #[inline]
    fn window_scores(
        &self,
        w: &Work,
        base: usize,
        n: usize,
        upper: bool,
        i: usize,
        p: usize,
    ) -> [i32; N] {
        let mut acc = [0i32; N];
        for (k, &d) in features::OFFSETS.iter().enumerate() {
            let j = i as isize + d;
            if j >= 0 && (j as usize) < n {
                let e = self.entry(&w.local, w.types[base + j as usize]);
                add32(&mut acc, &e.scores[k][p]);
            } else {
                add32(&mut acc, &self.edges[usize::from(upper)][k][p]);
            }
        }
        acc
    }

    fn first_pass(&self, w: &mut Work) {
        let m = &self.model;
        let table = &m.features;
        let scale = m.scales[0];
        w.rows.clear();
        w.row_start.clear();
        w.first.clear();
        let mut emissions = std::mem::take(&mut w.emissions);
        for (k, info) in w.infos.iter().enumerate() {
            emissions.clear();
            let base = w.sent_start[k];
            let n = info.tokens.len();
            for i in 0..n {
                let mut acc = self.window_scores(w, base, n, info.upper, i, 0);
                w.feats.clear();
                features::pair_features(info, i, &mut w.feats);
                w.row_start.push(w.rows.len() as u32);
                for &key in &w.feats {
                    if let Some(r) = table.get(key) {
                        w.rows.push(r);
                        add(&mut acc, &table.row(r)[0]);
                    }
                }
                emissions.push(acc.map(|a| a as f32 * scale));
            }
            decode::viterbi(&emissions, &self.masked[0], &mut w.scratch, &mut w.first);
        }
        w.row_start.push(w.rows.len() as u32);
        w.emissions = emissions;
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
        let mut emissions = std::mem::take(&mut w.emissions);
        for (k, info) in w.infos.iter().enumerate() {
            let base = w.sent_start[k];
            let n = info.tokens.len();
            let first = &w.first[base..base + n];
            emissions.clear();
            for i in 0..n {
                let mut acc = self.window_scores(w, base, n, info.upper, i, 1);
                let r0 = w.row_start[base + i] as usize;
                let r1 = w.row_start[base + i + 1] as usize;
                for &r in &w.rows[r0..r1] {
                    add(&mut acc, &table.row(r)[1]);
                }
                const C: usize = features::LABEL_CODES;
                let ii = i as isize;
                let (p, c, nx) = (
                    features::label_code_at(first, ii - 1),
                    features::label_code_at(first, ii),
                    features::label_code_at(first, ii + 1),
                );
                add32(&mut acc, &self.label_own[c]);
                add32(&mut acc, &self.label_prev[p * C + c]);
                add32(&mut acc, &self.label_next[c * C + nx]);
                w.feats.clear();
                features::doc_features(info, i, first, &w.stats, &mut w.feats);
                for &key in &w.feats {
                    if let Some(r) = table.get(key) {
                        add(&mut acc, &table.row(r)[1]);
                    }
                }
                emissions.push(acc.map(|a| a as f32 * scale));
            }
            let start = w.labels.len();
            decode::viterbi(&emissions, &self.masked[1], &mut w.scratch, &mut w.labels);
            // Sentences without entities need no confidence.
            let any = w.labels[start..].iter().any(|l| *l != Label::O);
            if want_margins && any {
                decode::margins(
                    &emissions,
                    &self.masked[1],
                    &w.labels[start..],
                    &mut w.scratch,
                    &mut margins,
                );
                w.margins.extend_from_slice(&margins);
            } else {
                w.margins.resize(w.labels.len(), 0.0);
            }
        }
        w.emissions = emissions;
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
    fn cached_scores_equal_the_training_features() {
        // The per-type cache must give exactly the sums of the training feature set.
        let t = Tagger::shared();
        let m = t.model();
        assert!(
            !t.entries.is_empty(),
            "the model carries frequent-word scores"
        );
        // Stored scores equal freshly computed ones.
        let mut buf = Vec::new();
        for (w, scores) in m.frequent.iter().take(50) {
            let info = features::token_info(w, &m.clusters, false);
            assert_eq!(type_entry(m, info, false, &mut buf).scores, *scores, "{w}");
        }
        let words: &[&str] = &[
            "The",
            "Russian",
            "president",
            ",",
            "Vladimir",
            "Putin",
            ",",
            "said",
            ".",
        ];
        let caps: &[&str] = &["RUSSIA", "WARNS", "NATO", "OVER", "UKRAINE"];
        for sentence in [words, caps] {
            let mut w = Work::default();
            t.prepare(
                &[SentenceInput {
                    tokens: sentence,
                    headline: false,
                }],
                &mut w,
            );
            let info = SentenceInfo::build(sentence, false, &m.clusters, &m.gazetteer);
            for i in 0..sentence.len() {
                let mut feats = Vec::new();
                features::first_pass(&info, i, &mut feats);
                let want = score_features(m, &feats);
                let mut got = t.window_scores(&w, 0, sentence.len(), info.upper, i, 0);
                let mut got2 = t.window_scores(&w, 0, sentence.len(), info.upper, i, 1);
                let mut pair = Vec::new();
                features::pair_features(&w.infos[0], i, &mut pair);
                let p = score_features(m, &pair);
                add32(&mut got, &p[0]);
                add32(&mut got2, &p[1]);
                assert_eq!(got, want[0], "token {i} of {sentence:?}");
                assert_eq!(got2, want[1], "token {i} of {sentence:?}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// Any tokens, any sentence lengths: one row per sentence, spans inside their
        /// sentence, in order, not overlapping, and valid BILOU underneath.
        #[test]
        fn spans_are_well_formed(doc in proptest::collection::vec(
            proptest::collection::vec("[A-Za-z.'\\-]{0,8}|\\PC{0,3}", 0..12), 0..6)) {
            let refs: Vec<Vec<&str>> = doc.iter().map(|s| s.iter().map(String::as_str).collect()).collect();
            let sents: Vec<&[&str]> = refs.iter().map(Vec::as_slice).collect();
            let t = Tagger::shared();
            let out = t.tag(&sents);
            proptest::prop_assert_eq!(out.len(), sents.len());
            for (spans, s) in out.iter().zip(&sents) {
                let mut end = 0;
                for sp in spans {
                    proptest::prop_assert!(sp.tokens.start >= end && sp.tokens.start < sp.tokens.end);
                    proptest::prop_assert!(sp.tokens.end <= s.len());
                    proptest::prop_assert!((0.0..=1.0).contains(&sp.confidence));
                    end = sp.tokens.end;
                }
            }
            let inputs: Vec<SentenceInput<'_>> = sents.iter().map(|s| SentenceInput { tokens: s, headline: true }).collect();
            for labels in t.tag_labels(&inputs) {
                if let (Some(first), Some(last)) = (labels.first(), labels.last()) {
                    proptest::prop_assert!(first.can_start() && last.can_end());
                }
                for w in labels.windows(2) {
                    proptest::prop_assert!(w[0].can_precede(w[1]));
                }
            }
        }
    }

    #[test]
    fn empty_model_finds_nothing() {
        let t = Tagger::default();
        let s: &[&str] = &["Putin", "met", "Biden"];
        assert!(t.tag(&[s])[0].is_empty());
    }
}
