//! Training: averaged structured perceptron for both passes, with jackknifed first-pass
//! labels for the second pass's document features. Deterministic for a given seed.
//!
//! The trainer uses the very feature functions the tagger uses ([`super::features`]), so
//! training and tagging cannot drift apart.

use std::collections::HashMap;

use super::conll::{Counts, Score};
use super::decode::{self, Scratch, Transitions};
use super::features::{self, BuildIdentity, DocStats, SentenceInfo};
use super::labels::{Label, NUM_LABELS, decode_bilou};
use super::model::{FeatureTable, Model, Row};
use super::{ClusterTable, Gazetteer, SentenceInput, Tagger};

const N: usize = NUM_LABELS;

/// A labelled sentence.
#[derive(Clone, Debug, Default)]
pub struct TrainSentence {
    pub tokens: Vec<String>,
    pub labels: Vec<Label>,
    pub headline: bool,
}

/// A labelled document.
#[derive(Clone, Debug, Default)]
pub struct TrainDoc {
    pub sentences: Vec<TrainSentence>,
}

impl TrainDoc {
    pub fn tokens(&self) -> usize {
        self.sentences.iter().map(|s| s.tokens.len()).sum()
    }

    /// The document as tagger input.
    pub fn with_inputs<R>(&self, f: impl FnOnce(&[SentenceInput<'_>]) -> R) -> R {
        super::with_inputs(
            self.sentences.iter().map(|s| (&s.tokens[..], s.headline)),
            f,
        )
    }
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// Epochs of the first and the second pass.
    pub epochs: [usize; 2],
    /// Folds for the jackknifed first-pass labels of the training documents.
    pub folds: usize,
    pub seed: u64,
    /// Features whose largest averaged weight (in absolute value) is below this are dropped.
    pub min_weight: f32,
    /// Provenance note stored in the model.
    pub info: String,
    /// Train only the first pass (the second pass copies it): for ablations.
    pub first_pass_only: bool,
    /// Perceptrons averaged per pass (different shuffles).
    pub runs: usize,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: [12, 12],
            folds: 5,
            seed: 0x5EED,
            min_weight: 0.0,
            info: String::new(),
            first_pass_only: false,
            runs: 1,
        }
    }
}

/// Converts CoNLL documents; `ty` maps the file's type names to CoNLL types (`None`: O).
pub fn from_conll(
    docs: &[super::conll::ConllDocument],
    ty: impl Fn(&str) -> Option<super::ConllType> + Copy,
) -> Vec<TrainDoc> {
    docs.iter()
        .map(|d| TrainDoc {
            sentences: d
                .sentences
                .iter()
                .map(|s| TrainSentence {
                    tokens: s.tokens.clone(),
                    labels: super::labels::encode_bilou(
                        s.tokens.len(),
                        &super::conll::spans(&s.tags, ty),
                    ),
                    headline: false,
                })
                .collect(),
        })
        .collect()
}

/// Resources the features read: word clusters and gazetteers.
#[derive(Clone, Debug, Default)]
pub struct Resources {
    pub clusters: ClusterTable,
    pub gazetteer: Gazetteer,
    /// The most frequent words of running text, most frequent first: the tagger
    /// precomputes their scores at load (speed only; no effect on the labels).
    pub frequent: Vec<String>,
}

/// Feature lists of one sentence, as indices into the weight matrix.
#[derive(Debug, Default, Clone)]
struct SentFeats {
    feats: Vec<u32>,
    start: Vec<u32>,
    gold: Vec<Label>,
}

impl SentFeats {
    fn token(&self, i: usize) -> &[u32] {
        &self.feats[self.start[i] as usize..self.start[i + 1] as usize]
    }
}

#[derive(Debug, Default)]
struct Index {
    map: HashMap<u64, u32, BuildIdentity>,
    keys: Vec<u64>,
    frozen: bool,
}

impl Index {
    fn get(&mut self, key: u64) -> Option<u32> {
        if let Some(&i) = self.map.get(&key) {
            return Some(i);
        }
        if self.frozen {
            return None;
        }
        let i = self.keys.len() as u32;
        self.map.insert(key, i);
        self.keys.push(key);
        Some(i)
    }
}

/// Small deterministic generator (xorshift64*), for shuffling.
#[derive(Debug)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Averaged perceptron weights.
#[derive(Debug)]
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f64>,
    t: Transitions,
    tu: [[f64; N]; N],
    su: [f64; N],
    eu: [f64; N],
    c: f64,
}

impl Perceptron {
    fn new(n: usize) -> Self {
        Perceptron {
            w: vec![0.0; n * N],
            u: vec![0.0; n * N],
            t: Transitions::default(),
            tu: [[0.0; N]; N],
            su: [0.0; N],
            eu: [0.0; N],
            c: 1.0,
        }
    }

    fn emissions(w: &[f32], s: &SentFeats, out: &mut Vec<[f32; N]>) {
        out.clear();
        for i in 0..s.gold.len() {
            let mut e = [0f32; N];
            for &f in s.token(i) {
                let row = &w[f as usize * N..f as usize * N + N];
                for (a, &b) in e.iter_mut().zip(row) {
                    *a += b;
                }
            }
            out.push(e);
        }
    }

    fn update_feats(&mut self, feats: &[u32], y: usize, d: f32) {
        let cd = self.c * f64::from(d);
        for &f in feats {
            let k = f as usize * N + y;
            self.w[k] += d;
            self.u[k] += cd;
        }
    }

    fn learn(&mut self, s: &SentFeats, em: &mut Vec<[f32; N]>, scratch: &mut Scratch) {
        Self::emissions(&self.w, s, em);
        let mut pred = Vec::with_capacity(s.gold.len());
        decode::viterbi(em, &self.t.masked(), scratch, &mut pred);
        if pred != s.gold {
            let n = pred.len();
            for i in 0..n {
                let (g, p) = (s.gold[i].index(), pred[i].index());
                if g != p {
                    self.update_feats(s.token(i), g, 1.0);
                    self.update_feats(s.token(i), p, -1.0);
                }
            }
            let c = self.c;
            let tr = |a: usize, b: usize, d: f32, me: &mut Self| {
                me.t.trans[a][b] += d;
                me.tu[a][b] += c * f64::from(d);
            };
            for i in 1..n {
                tr(s.gold[i - 1].index(), s.gold[i].index(), 1.0, self);
                tr(pred[i - 1].index(), pred[i].index(), -1.0, self);
            }
            let (g0, p0) = (s.gold[0].index(), pred[0].index());
            self.t.start[g0] += 1.0;
            self.su[g0] += c;
            self.t.start[p0] -= 1.0;
            self.su[p0] -= c;
            let (gn, pn) = (s.gold[n - 1].index(), pred[n - 1].index());
            self.t.end[gn] += 1.0;
            self.eu[gn] += c;
            self.t.end[pn] -= 1.0;
            self.eu[pn] -= c;
        }
        self.c += 1.0;
    }

    /// The averaged weights.
    fn averaged(&self) -> (Vec<f32>, Transitions) {
        let c = self.c;
        let w = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (f64::from(w) - u / c) as f32)
            .collect();
        let mut t = Transitions::default();
        for a in 0..N {
            for b in 0..N {
                t.trans[a][b] = (f64::from(self.t.trans[a][b]) - self.tu[a][b] / c) as f32;
            }
            t.start[a] = (f64::from(self.t.start[a]) - self.su[a] / c) as f32;
            t.end[a] = (f64::from(self.t.end[a]) - self.eu[a] / c) as f32;
        }
        (w, t)
    }
}

fn decode_with(w: &[f32], t: &Transitions, s: &SentFeats, scratch: &mut Scratch) -> Vec<Label> {
    let mut em = Vec::new();
    Perceptron::emissions(w, s, &mut em);
    let mut out = Vec::new();
    decode::viterbi(&em, &t.masked(), scratch, &mut out);
    out
}

/// The spans of a label sequence with their type names, as `Score::add` takes them.
fn typed_spans(labels: &[Label]) -> Vec<(std::ops::Range<usize>, &'static str)> {
    decode_bilou(labels)
        .into_iter()
        .map(|(r, t)| (r, t.as_str()))
        .collect()
}

fn score(gold: &[&SentFeats], pred: &[Vec<Label>]) -> Counts {
    let mut sc = Score::default();
    for (g, p) in gold.iter().zip(pred) {
        let gs = typed_spans(&g.gold);
        let ps = typed_spans(p);
        sc.add(&gs, &ps);
    }
    sc.overall
}

/// Trains a perceptron on `train` for `epochs`, logging dev F1 after each epoch.
fn fit(
    n_feats: usize,
    train: &[&SentFeats],
    dev: &[&SentFeats],
    epochs: usize,
    seed: u64,
    label: &str,
    log: &mut dyn FnMut(String),
) -> (Vec<f32>, Transitions) {
    let mut p = Perceptron::new(n_feats);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng(seed | 1);
    let mut em = Vec::new();
    let mut scratch = Scratch::default();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            if !train[i].gold.is_empty() {
                p.learn(train[i], &mut em, &mut scratch);
            }
        }
        if !dev.is_empty() {
            let (w, t) = p.averaged();
            let pred: Vec<Vec<Label>> = dev
                .iter()
                .map(|s| decode_with(&w, &t, s, &mut scratch))
                .collect();
            let c = score(dev, &pred);
            log(format!(
                "{label} epoch {epoch:2}: dev P {:.4} R {:.4} F1 {:.4}",
                c.precision(),
                c.recall(),
                c.f1()
            ));
        }
    }
    p.averaged()
}

/// Trains `runs` perceptrons with different shuffles and averages their weights
/// (parameter mixing: steadier, and usually a little better, than one run).
#[allow(clippy::too_many_arguments)]
fn fit_mixed(
    n_feats: usize,
    train: &[&SentFeats],
    dev: &[&SentFeats],
    epochs: usize,
    seed: u64,
    runs: usize,
    label: &str,
    log: &mut dyn FnMut(String),
) -> (Vec<f32>, Transitions) {
    let (mut w, mut t) = fit(n_feats, train, dev, epochs, seed, label, log);
    let runs = runs.max(1);
    for r in 1..runs {
        let (w2, t2) = fit(
            n_feats,
            train,
            &[],
            epochs,
            seed ^ (0x9E37_79B9 * r as u64),
            label,
            log,
        );
        for (a, b) in w.iter_mut().zip(&w2) {
            *a += b;
        }
        for p in 0..N {
            for y in 0..N {
                t.trans[p][y] += t2.trans[p][y];
            }
            t.start[p] += t2.start[p];
            t.end[p] += t2.end[p];
        }
    }
    if runs > 1 {
        let k = 1.0 / runs as f32;
        w.iter_mut().for_each(|a| *a *= k);
        for p in 0..N {
            for y in 0..N {
                t.trans[p][y] *= k;
            }
            t.start[p] *= k;
            t.end[p] *= k;
        }
        if !dev.is_empty() {
            let mut scratch = Scratch::default();
            let pred: Vec<Vec<Label>> = dev
                .iter()
                .map(|s| decode_with(&w, &t, s, &mut scratch))
                .collect();
            let c = score(dev, &pred);
            log(format!(
                "{label} mixed ({runs} runs): dev P {:.4} R {:.4} F1 {:.4}",
                c.precision(),
                c.recall(),
                c.f1()
            ));
        }
    }
    (w, t)
}

/// Pre-computed per-document sentence information.
struct DocInfo {
    sents: Vec<SentenceInfo>,
}

fn infos(docs: &[TrainDoc], res: &Resources) -> Vec<DocInfo> {
    docs.iter()
        .map(|d| DocInfo {
            sents: d
                .sentences
                .iter()
                .map(|s| {
                    let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                    SentenceInfo::build(&toks, s.headline, &res.clusters, &res.gazetteer)
                })
                .collect(),
        })
        .collect()
}

fn first_feats(doc: &TrainDoc, info: &DocInfo, index: &mut Index) -> Vec<SentFeats> {
    let mut hashes = Vec::new();
    doc.sentences
        .iter()
        .zip(&info.sents)
        .map(|(s, si)| {
            let mut sf = SentFeats {
                gold: s.labels.clone(),
                ..SentFeats::default()
            };
            for i in 0..s.tokens.len() {
                sf.start.push(sf.feats.len() as u32);
                hashes.clear();
                features::first_pass(si, i, &mut hashes);
                sf.feats.extend(hashes.iter().filter_map(|&h| index.get(h)));
            }
            sf.start.push(sf.feats.len() as u32);
            sf
        })
        .collect()
}

fn second_feats(
    doc: &[SentFeats],
    info: &DocInfo,
    first: &[Vec<Label>],
    index: &mut Index,
) -> Vec<SentFeats> {
    let mut stats = DocStats::default();
    for (si, l) in info.sents.iter().zip(first) {
        stats.add(si, l);
    }
    let mut hashes = Vec::new();
    doc.iter()
        .zip(&info.sents)
        .zip(first)
        .map(|((sf1, si), l)| {
            let mut sf = SentFeats {
                gold: sf1.gold.clone(),
                ..SentFeats::default()
            };
            for i in 0..sf1.gold.len() {
                sf.start.push(sf.feats.len() as u32);
                sf.feats.extend_from_slice(sf1.token(i));
                hashes.clear();
                features::second_pass(si, i, l, &stats, &mut hashes);
                sf.feats.extend(hashes.iter().filter_map(|&h| index.get(h)));
            }
            sf.start.push(sf.feats.len() as u32);
            sf
        })
        .collect()
}

/// Trains a model. `dev` documents are only decoded to log progress (tune epochs there).
pub fn train(
    train_docs: &[TrainDoc],
    dev_docs: &[TrainDoc],
    res: Resources,
    cfg: &TrainConfig,
    log: &mut dyn FnMut(String),
) -> Model {
    let t0 = std::time::Instant::now();
    let tr_info = infos(train_docs, &res);
    let dev_info = infos(dev_docs, &res);
    let mut index = Index::default();
    let tr1: Vec<Vec<SentFeats>> = train_docs
        .iter()
        .zip(&tr_info)
        .map(|(d, i)| first_feats(d, i, &mut index))
        .collect();
    index.frozen = true;
    let dev1: Vec<Vec<SentFeats>> = dev_docs
        .iter()
        .zip(&dev_info)
        .map(|(d, i)| first_feats(d, i, &mut index))
        .collect();
    let n1 = index.keys.len();
    log(format!(
        "features: {n1} first-pass features over {} training tokens ({:.1}s)",
        train_docs.iter().map(TrainDoc::tokens).sum::<usize>(),
        t0.elapsed().as_secs_f64()
    ));
    let dev_flat: Vec<&SentFeats> = dev1.iter().flatten().collect();

    // Jackknifed first-pass labels for the training documents.
    let folds = cfg.folds.max(2);
    let mut tr_first: Vec<Vec<Vec<Label>>> = vec![Vec::new(); train_docs.len()];
    if !cfg.first_pass_only {
        for k in 0..folds {
            let train_k: Vec<&SentFeats> = tr1
                .iter()
                .enumerate()
                .filter(|(d, _)| d % folds != k)
                .flat_map(|(_, s)| s)
                .collect();
            let (w, t) = fit(
                n1,
                &train_k,
                &[],
                cfg.epochs[0],
                cfg.seed ^ (k as u64 + 1),
                "fold",
                log,
            );
            let mut scratch = Scratch::default();
            for (d, sents) in tr1.iter().enumerate() {
                if d % folds == k {
                    tr_first[d] = sents
                        .iter()
                        .map(|s| decode_with(&w, &t, s, &mut scratch))
                        .collect();
                }
            }
            log(format!(
                "fold {k}: done ({:.1}s)",
                t0.elapsed().as_secs_f64()
            ));
        }
    }
    let tr_flat: Vec<&SentFeats> = tr1.iter().flatten().collect();
    let (w1, t1) = fit(
        n1,
        &tr_flat,
        &dev_flat,
        cfg.epochs[0],
        cfg.seed,
        "pass 1",
        log,
    );
    log(format!(
        "pass 1 trained ({:.1}s)",
        t0.elapsed().as_secs_f64()
    ));

    let (w2, t2, n2) = if cfg.first_pass_only {
        (w1.clone(), t1.clone(), n1)
    } else {
        let mut scratch = Scratch::default();
        let dev_first: Vec<Vec<Vec<Label>>> = dev1
            .iter()
            .map(|d| {
                d.iter()
                    .map(|s| decode_with(&w1, &t1, s, &mut scratch))
                    .collect()
            })
            .collect();
        index.frozen = false;
        let tr2: Vec<Vec<SentFeats>> = tr1
            .iter()
            .zip(&tr_info)
            .zip(&tr_first)
            .map(|((d, i), f)| second_feats(d, i, f, &mut index))
            .collect();
        index.frozen = true;
        let dev2: Vec<Vec<SentFeats>> = dev1
            .iter()
            .zip(&dev_info)
            .zip(&dev_first)
            .map(|((d, i), f)| second_feats(d, i, f, &mut index))
            .collect();
        let n2 = index.keys.len();
        let tr_flat: Vec<&SentFeats> = tr2.iter().flatten().collect();
        let dev_flat: Vec<&SentFeats> = dev2.iter().flatten().collect();
        let (w2, t2) = fit_mixed(
            n2,
            &tr_flat,
            &dev_flat,
            cfg.epochs[1],
            cfg.seed.rotate_left(17),
            cfg.runs,
            "pass 2",
            log,
        );
        log(format!(
            "pass 2 trained ({:.1}s)",
            t0.elapsed().as_secs_f64()
        ));
        (w2, t2, n2)
    };

    // Quantise and prune.
    let max1 = w1.iter().fold(0f32, |a, &b| a.max(b.abs())).max(1e-6);
    let max2 = w2.iter().fold(0f32, |a, &b| a.max(b.abs())).max(1e-6);
    let scales = [max1 / 32000.0, max2 / 32000.0];
    let mut features = FeatureTable::with_capacity(n2);
    for (f, &key) in index.keys.iter().enumerate().take(n2) {
        let r1 = if f < n1 {
            &w1[f * N..f * N + N]
        } else {
            &[0.0; N][..]
        };
        let r2 = &w2[f * N..f * N + N];
        let big = r1.iter().chain(r2).fold(0f32, |a, &b| a.max(b.abs()));
        if big < cfg.min_weight || big == 0.0 {
            continue;
        }
        let mut row: Row = [[0; N]; 2];
        for y in 0..N {
            row[0][y] = (r1[y] / scales[0]).round() as i16;
            row[1][y] = (r2[y] / scales[1]).round() as i16;
        }
        if row.iter().flatten().any(|&v| v != 0) {
            features.insert(key, row);
        }
    }
    log(format!(
        "model: {} of {n2} features kept ({:.1}s)",
        features.len(),
        t0.elapsed().as_secs_f64()
    ));
    let mut model = Model {
        info: cfg.info.clone(),
        transitions: [t1, t2],
        scales,
        clusters: res.clusters,
        gazetteer: res.gazetteer,
        features,
        frequent: Vec::new(),
    };
    model.frequent = super::frequent_scores(&model, &res.frequent);
    model
}

/// Scores a tagger on labelled documents (conlleval figures), using the real tagging path.
pub fn evaluate(tagger: &Tagger, docs: &[TrainDoc], first_pass_only: bool) -> Score {
    let mut sc = Score::default();
    for d in docs {
        let pred = d.with_inputs(|inp| {
            if first_pass_only {
                tagger.tag_labels_first_pass(inp)
            } else {
                tagger.tag_labels(inp)
            }
        });
        for (s, p) in d.sentences.iter().zip(&pred) {
            let gs = typed_spans(&s.labels);
            let ps = typed_spans(p);
            sc.add(&gs, &ps);
            let ok = s.labels.iter().zip(p).filter(|(a, b)| a == b).count();
            sc.add_tokens(s.labels.len(), ok);
        }
    }
    sc
}

#[cfg(test)]
mod tests {
    use super::super::labels::{ConllType, encode_bilou};
    use super::*;

    type Spans<'a> = &'a [(std::ops::Range<usize>, ConllType)];

    fn doc(sents: &[(&[&str], Spans<'_>)]) -> TrainDoc {
        TrainDoc {
            sentences: sents
                .iter()
                .map(|(t, s)| TrainSentence {
                    tokens: t.iter().map(|x| x.to_string()).collect(),
                    labels: encode_bilou(t.len(), s),
                    headline: false,
                })
                .collect(),
        }
    }

    #[test]
    fn learns_a_toy_task_deterministically() {
        use ConllType::*;
        let mut docs = Vec::new();
        for (name, city) in [("Smith", "Paris"), ("Jones", "Berlin"), ("Brown", "Rome")] {
            docs.push(doc(&[
                (
                    &["Mr", name, "went", "to", city, "."],
                    &[(1..2, Per), (4..5, Loc)],
                ),
                (
                    &["John", name, "lives", "in", city, "."],
                    &[(0..2, Per), (4..5, Loc)],
                ),
            ]));
        }
        let cfg = TrainConfig {
            epochs: [5, 5],
            folds: 3,
            info: "toy".into(),
            ..TrainConfig::default()
        };
        let m = train(&docs, &docs[..1], Resources::default(), &cfg, &mut |_| {});
        let bytes = m.to_bytes();
        let m2 = train(&docs, &docs[..1], Resources::default(), &cfg, &mut |_| {});
        assert_eq!(bytes, m2.to_bytes(), "training is deterministic");
        let tagger = Tagger::from_bytes(&bytes).unwrap();
        let score = evaluate(&tagger, &docs, false);
        assert_eq!(score.overall.f1(), 1.0, "{}", score.report());
        let s: &[&str] = &["Mr", "Smith", "went", "to", "Rome", "."];
        let spans = tagger.tag(&[s]);
        assert_eq!(
            spans[0]
                .iter()
                .map(|s| (s.tokens.clone(), s.label))
                .collect::<Vec<_>>(),
            vec![(1..2, Per), (4..5, Loc)]
        );
    }
}
