//! Word clusters: a word → cluster-id table at several granularities, and the exchange
//! clustering that builds it from unlabelled text.
//!
//! The clustering is the *predictive exchange* algorithm (Uszkoreit & Brants 2008, "Distributed
//! word clustering for large scale class-based language modeling"): it maximises the
//! likelihood of the class-based bigram model `P(w | v) = P(w | c(w)) · P(c(w) | v)` by moving
//! one word at a time to the class that most improves it. It is run independently at each
//! granularity (coarse to fine); the cluster ids at the several granularities play the part
//! of the bit-string prefixes of Brown clusters in Ratinov & Roth (2009). Deterministic: no
//! random numbers, words visited in frequency order.

use std::collections::HashMap;

use super::hash::hash_str;
use super::table::HashTable;

/// Number of granularities.
pub const LEVELS: usize = 4;

/// Word (exact form, by its hash) → cluster id + 1 at each granularity; and lower-case
/// form → how the word is usually written (see [`ClusterCorpus::capitalisation`]).
#[derive(Clone, Debug, Default)]
pub struct ClusterTable {
    pub(crate) table: HashTable<[u16; LEVELS]>,
    pub(crate) caps: HashTable<u8>,
}

impl ClusterTable {
    pub fn from_words<'a>(words: impl IntoIterator<Item = (&'a str, [u16; LEVELS])>) -> Self {
        let mut table = HashTable::default();
        for (w, ids) in words {
            table.insert(hash_str(w), ids);
        }
        ClusterTable {
            table,
            caps: HashTable::default(),
        }
    }

    /// Adds the capitalisation classes of lower-case forms.
    pub fn with_capitalisation<'a>(
        mut self,
        words: impl IntoIterator<Item = (&'a str, u8)>,
    ) -> Self {
        for (w, c) in words {
            self.caps.insert(super::hash::hash_lower(w), c);
        }
        self
    }

    /// The capitalisation class of a word's lower-case form (0: unknown).
    #[inline]
    pub(crate) fn caps(&self, lower_hash: u64) -> u8 {
        self.caps.get(lower_hash).unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    #[inline]
    pub(crate) fn get(&self, word_hash: u64) -> Option<[u16; LEVELS]> {
        self.table.get(word_hash)
    }

    /// The ids of a word, if it was clustered.
    pub fn lookup(&self, word: &str) -> Option<[u16; LEVELS]> {
        self.get(hash_str(word))
    }
}

/// Settings of the clustering.
#[derive(Clone, Debug)]
pub struct ClusterConfig {
    /// Number of clusters at each granularity.
    pub sizes: [usize; LEVELS],
    /// Words seen fewer times share one "rare word" context and get no cluster.
    pub min_count: u32,
    /// Passes over the vocabulary per granularity.
    pub iterations: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            sizes: [16, 64, 256, 1024],
            min_count: 3,
            iterations: 8,
        }
    }
}

/// Collects unlabelled sentences, then clusters their words.
#[derive(Debug, Default)]
pub struct ClusterCorpus {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    counts: Vec<u32>,
    /// Token ids, sentences separated by `u32::MAX`.
    stream: Vec<u32>,
}

const SEP: u32 = u32::MAX;

impl ClusterCorpus {
    pub fn add_sentence<S: AsRef<str>>(&mut self, tokens: &[S]) {
        for t in tokens {
            let t = t.as_ref();
            let id = match self.ids.get(t) {
                Some(&id) => id,
                None => {
                    let id = self.words.len() as u32;
                    self.ids.insert(t.to_owned(), id);
                    self.words.push(t.to_owned());
                    self.counts.push(0);
                    id
                }
            };
            self.counts[id as usize] += 1;
            self.stream.push(id);
        }
        self.stream.push(SEP);
    }

    /// Number of tokens collected.
    pub fn tokens(&self) -> usize {
        self.stream.len() - self.sentences()
    }

    pub fn sentences(&self) -> usize {
        self.stream.iter().filter(|&&t| t == SEP).count()
    }

    pub fn types(&self) -> usize {
        self.words.len()
    }

    /// How each word (by lower-case form, seen at least `min_count` times in lower case or
    /// capitalised mid-sentence) is usually written: 1 almost always lower case, 2 mostly,
    /// 3 either, 4 mostly capitalised, 5 almost always. Sentence-initial tokens and
    /// sentences without lower-case words do not count.
    pub fn capitalisation(&self, min_count: u32) -> Vec<(String, u8)> {
        let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
        let mut sentence: Vec<u32> = Vec::new();
        let flush = |sentence: &mut Vec<u32>, counts: &mut HashMap<String, (u32, u32)>| {
            let has_lower = sentence
                .iter()
                .any(|&t| self.words[t as usize].chars().any(char::is_lowercase));
            if has_lower {
                for &t in sentence.iter().skip(1) {
                    let w = &self.words[t as usize];
                    let mut chars = w.chars();
                    let Some(first) = chars.next() else { continue };
                    if !first.is_alphabetic() {
                        continue;
                    }
                    let rest_lower = chars.all(|c| !c.is_uppercase());
                    let e = counts.entry(w.to_lowercase()).or_default();
                    if first.is_lowercase() && rest_lower {
                        e.0 += 1;
                    } else if first.is_uppercase() {
                        e.1 += 1;
                    }
                }
            }
            sentence.clear();
        };
        for &t in &self.stream {
            if t == SEP {
                flush(&mut sentence, &mut counts);
            } else {
                sentence.push(t);
            }
        }
        let mut out: Vec<(String, u8)> = counts
            .into_iter()
            .filter(|(_, (l, c))| l + c >= min_count)
            .map(|(w, (l, c))| {
                let r = f64::from(c) / f64::from(l + c);
                let class = if r < 0.05 {
                    1
                } else if r < 0.3 {
                    2
                } else if r < 0.7 {
                    3
                } else if r < 0.95 {
                    4
                } else {
                    5
                };
                (w, class)
            })
            .collect();
        out.sort();
        out
    }

    /// Clusters the words seen at least `min_count` times; returns (word, ids + 1).
    pub fn cluster(&self, config: &ClusterConfig) -> Vec<(String, [u16; LEVELS])> {
        // Vocabulary in frequency order (ties by spelling: deterministic).
        let mut order: Vec<u32> = (0..self.words.len() as u32)
            .filter(|&i| self.counts[i as usize] >= config.min_count)
            .collect();
        order.sort_by(|&a, &b| {
            self.counts[b as usize]
                .cmp(&self.counts[a as usize])
                .then_with(|| self.words[a as usize].cmp(&self.words[b as usize]))
        });
        let v = order.len();
        // Dense ids: 0..v clustered words, v = rare words, v+1 = sentence start.
        let mut dense = vec![v as u32; self.words.len()];
        for (d, &w) in order.iter().enumerate() {
            dense[w as usize] = d as u32;
        }
        let rare = v as u32;
        let start = v as u32 + 1;
        let contexts = v + 2;
        // Bigram counts (predecessor, word) for clustered words.
        let mut bigrams: HashMap<(u32, u32), u32> = HashMap::new();
        let mut prev = start;
        for &t in &self.stream {
            if t == SEP {
                prev = start;
                continue;
            }
            let d = dense[t as usize];
            if d != rare {
                *bigrams.entry((d, prev)).or_insert(0) += 1;
            }
            prev = d;
        }
        let mut pairs: Vec<((u32, u32), u32)> = bigrams.into_iter().collect();
        pairs.sort_unstable();
        // CSR: for each word, its predecessors and counts.
        let mut pred_start = vec![0usize; v + 1];
        for ((w, _), _) in &pairs {
            pred_start[*w as usize + 1] += 1;
        }
        for i in 0..v {
            pred_start[i + 1] += pred_start[i];
        }
        let preds: Vec<(u32, u32)> = pairs.iter().map(|((_, p), n)| (*p, *n)).collect();
        let word_count: Vec<u32> = order.iter().map(|&w| self.counts[w as usize]).collect();

        let mut result = vec![[0u16; LEVELS]; v];
        for (level, &c) in config.sizes.iter().enumerate() {
            let classes = exchange(
                c.max(1),
                contexts,
                &pred_start,
                &preds,
                &word_count,
                config.iterations,
            );
            for (w, &k) in classes.iter().enumerate() {
                result[w][level] = (k + 1) as u16;
            }
        }
        order
            .iter()
            .zip(result)
            .map(|(&w, ids)| (self.words[w as usize].clone(), ids))
            .collect()
    }
}

/// `x ln x`, with a table for small counts.
struct XLogX {
    table: Vec<f64>,
}

impl XLogX {
    fn new(n: usize) -> Self {
        XLogX {
            table: (0..n)
                .map(|x| {
                    if x == 0 {
                        0.0
                    } else {
                        x as f64 * (x as f64).ln()
                    }
                })
                .collect(),
        }
    }

    #[inline]
    fn g(&self, x: u32) -> f64 {
        match self.table.get(x as usize) {
            Some(&y) => y,
            None => f64::from(x) * f64::from(x).ln(),
        }
    }
}

/// One run of the exchange algorithm with `c` classes; returns each word's class.
fn exchange(
    c: usize,
    contexts: usize,
    pred_start: &[usize],
    preds: &[(u32, u32)],
    word_count: &[u32],
    iterations: usize,
) -> Vec<u32> {
    let v = word_count.len();
    let xlx = XLogX::new(1 << 16);
    let mut class: Vec<u32> = (0..v).map(|w| (w % c) as u32).collect();
    // n_vc[v * c + k]: how often context v precedes a word of class k.
    let mut n_vc = vec![0u32; contexts * c];
    let mut n_c = vec![0u64; c];
    for w in 0..v {
        let k = class[w] as usize;
        n_c[k] += u64::from(word_count[w]);
        for &(p, n) in &preds[pred_start[w]..pred_start[w + 1]] {
            n_vc[p as usize * c + k] += n;
        }
    }
    let g64 = |x: u64| {
        if x == 0 {
            0.0
        } else {
            x as f64 * (x as f64).ln()
        }
    };
    let mut gain = vec![0f64; c];
    for _ in 0..iterations {
        let mut moved = 0usize;
        for w in 0..v {
            let from = class[w] as usize;
            let nw = u64::from(word_count[w]);
            let ps = &preds[pred_start[w]..pred_start[w + 1]];
            // Take w out of its class.
            n_c[from] -= nw;
            for &(p, n) in ps {
                n_vc[p as usize * c + from] -= n;
            }
            for (k, g) in gain.iter_mut().enumerate() {
                *g = g64(n_c[k]) - g64(n_c[k] + nw);
            }
            for &(p, n) in ps {
                let row = &n_vc[p as usize * c..p as usize * c + c];
                let gn = xlx.g(n);
                for (g, &x) in gain.iter_mut().zip(row) {
                    if x != 0 {
                        *g += xlx.g(x + n) - xlx.g(x) - gn;
                    }
                }
            }
            // Best class; ties keep the current one, then the lowest index.
            let mut best = from;
            let mut best_gain = gain[from];
            for (k, &g) in gain.iter().enumerate() {
                if g > best_gain + 1e-9 {
                    best = k;
                    best_gain = g;
                }
            }
            if best != from {
                moved += 1;
            }
            class[w] = best as u32;
            n_c[best] += nw;
            for &(p, n) in ps {
                n_vc[p as usize * c + best] += n;
            }
        }
        if moved * 1000 < v {
            break;
        }
    }
    class
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut corpus = ClusterCorpus::default();
        for _ in 0..20 {
            for city in ["Paris", "London", "Berlin"] {
                corpus.add_sentence(&["flew", "to", city, "today"]);
                corpus.add_sentence(&["arrived", "in", city, "today"]);
            }
            for verb in ["said", "added", "warned"] {
                corpus.add_sentence(&["the", "minister", verb, "that"]);
                corpus.add_sentence(&["he", verb, "that"]);
            }
        }
        let config = ClusterConfig {
            sizes: [2, 4, 4, 8],
            min_count: 1,
            iterations: 10,
        };
        let clusters = corpus.cluster(&config);
        let table = ClusterTable::from_words(clusters.iter().map(|(w, ids)| (w.as_str(), *ids)));
        let paris = table.lookup("Paris").unwrap();
        assert_eq!(paris[3], table.lookup("London").unwrap()[3]);
        assert_eq!(paris[3], table.lookup("Berlin").unwrap()[3]);
        assert_eq!(
            table.lookup("said").unwrap()[3],
            table.lookup("warned").unwrap()[3]
        );
        assert_ne!(paris[3], table.lookup("said").unwrap()[3]);
        assert!(table.lookup("Rome").is_none());
        // Deterministic.
        assert_eq!(clusters, corpus.cluster(&config));
    }
}
