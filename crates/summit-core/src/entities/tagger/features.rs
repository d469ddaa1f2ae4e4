//! Feature extraction, shared exactly by training and tagging.
//!
//! Every feature is a 64-bit hash of a template id and a value (a word, a shape, a
//! cluster id, a gazetteer hit …). Word-level values are computed once per token
//! ([`TokenInfo`]); the templates then combine them over a ±2 window. The second pass
//! adds document-level features from the first pass's labels ([`DocStats`]).

use super::clusters::{ClusterTable, LEVELS};
use super::gazetteer::Gazetteer;
use super::hash::{StrHasher, fmix, hash_lower, hash_str, mix};
use super::labels::Label;

/// Feature templates. The discriminants are part of the model format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
enum T {
    Bias = 1,
    Word,
    Lower,
    Shape,
    ShortShape,
    CapsShape,
    Prefix1,
    Prefix2,
    Prefix3,
    Prefix4,
    Suffix1,
    Suffix2,
    Suffix3,
    Suffix4,
    Cluster0,
    Cluster1,
    Cluster2,
    Cluster3,
    WinLowerM2,
    WinLowerM1,
    WinLowerP1,
    WinLowerP2,
    WinShapeM1,
    WinShapeP1,
    WinClusterM1Coarse,
    WinClusterM1Fine,
    WinClusterP1Coarse,
    WinClusterP1Fine,
    WinShapeM2,
    WinShapeP2,
    WinClusterM2,
    WinClusterP2,
    WinClusterM1Mid,
    WinClusterP1Mid,
    FirstLower,
    CapsUsage,
    FirstCaps,
    BigramLeft,
    BigramRight,
    FirstShape,
    UpperSentence,
    Headline,
    Gazetteer,
    GazetteerLower,
    Flags,
    PrevLowerShape,
    // Document-level (second pass).
    HistMajor,
    HistHas,
    HistOnlyO,
    CapMidElsewhere,
    LowerElsewhere,
    FirstPass0,
    FirstPassM1,
    FirstPassP1,
    HistMajorShape,
}

#[inline]
fn f(t: T, v: u64) -> u64 {
    mix(t as u64, v)
}

const BOUNDARY_L: u64 = 0x5EED_0000_0000_0001;
const BOUNDARY_R: u64 = 0x5EED_0000_0000_0002;

/// Orthographic flags of a token.
pub(crate) mod flag {
    pub const INIT_CAP: u16 = 1;
    pub const ALL_CAPS: u16 = 2;
    pub const HAS_DIGIT: u16 = 4;
    pub const ALL_DIGIT: u16 = 8;
    pub const HAS_LETTER: u16 = 16;
    pub const HAS_HYPHEN: u16 = 32;
    pub const HAS_PERIOD: u16 = 64;
    pub const HAS_LOWER: u16 = 128;
    pub const SINGLE_CHAR: u16 = 256;
    pub const HAS_APOS: u16 = 512;
}

/// What the features need to know about one token, computed once.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokenInfo {
    pub word: u64,
    pub lower: u64,
    pub shape: u64,
    pub short_shape: u64,
    pub prefix: [u64; 4],
    pub suffix: [u64; 4],
    /// Cluster id + 1 at each granularity (0: unknown word).
    pub clusters: [u16; LEVELS],
    pub flags: u16,
    /// How the word is usually written (see `ClusterCorpus::capitalisation`).
    pub caps: u8,
}

impl TokenInfo {
    pub fn is_cap(&self) -> bool {
        self.flags & flag::INIT_CAP != 0
    }
    pub fn has_letter(&self) -> bool {
        self.flags & flag::HAS_LETTER != 0
    }
}

/// Maps a character to its shape class.
#[inline]
fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

/// Computes the word-level values of a token. No allocation.
pub(crate) fn token_info(token: &str, clusters: &ClusterTable, upper_sentence: bool) -> TokenInfo {
    let mut lower = StrHasher::new();
    let mut shape = StrHasher::new();
    let mut short = StrHasher::new();
    let mut flags = 0u16;
    let mut first4 = ['\0'; 4];
    let mut last4 = ['\0'; 4];
    let mut n = 0usize;
    let mut last_shape = '\0';
    let mut shape_len = 0usize;
    for (i, c) in token.chars().enumerate() {
        if c.is_uppercase() {
            if i == 0 {
                flags |= flag::INIT_CAP;
            }
        } else if c.is_lowercase() {
            flags |= flag::HAS_LOWER;
        }
        if c.is_alphabetic() {
            flags |= flag::HAS_LETTER;
        } else if c.is_numeric() {
            flags |= flag::HAS_DIGIT;
        } else if c == '-' {
            flags |= flag::HAS_HYPHEN;
        } else if c == '.' {
            flags |= flag::HAS_PERIOD;
        } else if c == '\'' || c == '’' {
            flags |= flag::HAS_APOS;
        }
        for l in c.to_lowercase() {
            lower.char(l);
            if n < 4 {
                first4[n] = l;
            }
            last4.rotate_left(1);
            last4[3] = l;
            n += 1;
        }
        let s = shape_char(c);
        if shape_len < 16 {
            shape.char(s);
            shape_len += 1;
        }
        if s != last_shape {
            short.char(s);
            last_shape = s;
        }
    }
    if flags & flag::HAS_LETTER != 0 && flags & flag::HAS_LOWER == 0 {
        flags |= flag::ALL_CAPS;
    }
    if flags & flag::HAS_DIGIT != 0 && flags & flag::HAS_LETTER == 0 {
        let only_digits = token.chars().all(|c| c.is_numeric() || ",.".contains(c));
        if only_digits {
            flags |= flag::ALL_DIGIT;
        }
    }
    if n == 1 {
        flags |= flag::SINGLE_CHAR;
    }
    let mut prefix = [0u64; 4];
    let mut h = StrHasher::new();
    for k in 0..4 {
        if k < n {
            h.char(first4[k]);
        }
        prefix[k] = h.finish();
    }
    let mut suffix = [0u64; 4];
    let mut h = StrHasher::new();
    // Suffixes are hashed right to left: "s", "ns", "ons", "ions" (reversed order).
    for k in 0..4 {
        if k < n.min(4) {
            h.char(last4[3 - k]);
        }
        suffix[k] = h.finish();
    }
    let word = hash_str(token);
    let lower = lower.finish();
    let caps = clusters.caps(lower);
    let clusters = lookup_clusters(token, word, lower, flags, clusters, upper_sentence);
    TokenInfo {
        caps,
        word,
        lower,
        shape: shape.finish(),
        short_shape: short.finish(),
        prefix,
        suffix,
        clusters,
        flags,
    }
}

/// Cluster ids of a token: the exact form; for capitalised words in an upper-case
/// sentence the title-case form first; then the lower-case form.
fn lookup_clusters(
    token: &str,
    word: u64,
    lower: u64,
    flags: u16,
    clusters: &ClusterTable,
    upper_sentence: bool,
) -> [u16; LEVELS] {
    if clusters.is_empty() {
        return [0; LEVELS];
    }
    if !(upper_sentence && flags & flag::ALL_CAPS != 0)
        && let Some(c) = clusters.get(word)
    {
        return c;
    }
    if flags & flag::ALL_CAPS != 0 && token.len() > 1 {
        let mut h = StrHasher::new();
        for (i, c) in token.chars().enumerate() {
            if i == 0 {
                h.char(c);
            } else {
                for l in c.to_lowercase() {
                    h.char(l);
                }
            }
        }
        if let Some(c) = clusters.get(h.finish()) {
            return c;
        }
    }
    if let Some(c) = clusters.get(lower) {
        return c;
    }
    [0; LEVELS]
}

/// The precomputed information of one sentence.
#[derive(Debug, Default, Clone)]
pub(crate) struct SentenceInfo {
    pub tokens: Vec<TokenInfo>,
    pub upper: bool,
    pub headline: bool,
    /// Gazetteer features per token: flat list and per-token ranges.
    pub gaz: Vec<u64>,
    pub gaz_start: Vec<u32>,
}

impl SentenceInfo {
    pub fn build(
        tokens: &[&str],
        headline: bool,
        clusters: &ClusterTable,
        gazetteer: &Gazetteer,
    ) -> SentenceInfo {
        let mut s = SentenceInfo::default();
        s.fill(tokens, headline, clusters, gazetteer);
        s
    }

    /// Refills this value, reusing its buffers.
    pub fn fill(
        &mut self,
        tokens: &[&str],
        headline: bool,
        clusters: &ClusterTable,
        gazetteer: &Gazetteer,
    ) {
        self.fill_with(tokens, headline, gazetteer, |_, t, upper| {
            token_info(t, clusters, upper)
        });
    }

    /// Refills this value, taking each token's information from `info(index, token,
    /// upper_sentence)` (the tagger's per-type cache).
    pub fn fill_with(
        &mut self,
        tokens: &[&str],
        headline: bool,
        gazetteer: &Gazetteer,
        mut info: impl FnMut(usize, &str, bool) -> TokenInfo,
    ) {
        self.tokens.clear();
        self.upper = upper_mode(tokens);
        self.headline = headline;
        for (i, t) in tokens.iter().enumerate() {
            self.tokens.push(info(i, t, self.upper));
        }
        self.gaz.clear();
        self.gaz_start.clear();
        gazetteer.features(&self.tokens, &mut self.gaz, &mut self.gaz_start);
    }
}

/// Whether a sentence is written in capitals (a CoNLL headline, a shouted title): at
/// least 80% of its (two or more) letter-bearing tokens have no lower-case letter.
pub(crate) fn upper_mode(tokens: &[&str]) -> bool {
    let mut upper_words = 0;
    let mut words = 0;
    for t in tokens {
        let mut has_letter = false;
        let mut has_lower = false;
        for c in t.chars() {
            if c.is_alphabetic() {
                has_letter = true;
                if c.is_lowercase() {
                    has_lower = true;
                    break;
                }
            }
        }
        if has_letter {
            words += 1;
            if !has_lower {
                upper_words += 1;
            }
        }
    }
    words >= 2 && upper_words * 10 >= words * 8
}

/// The shape of a token as its neighbours see it: in a capitals sentence the case of a
/// word says nothing, so only its other orthographic flags count.
#[inline]
fn sshape(t: &TokenInfo, upper: bool) -> u64 {
    if upper {
        fmix(u64::from(t.flags & !(flag::INIT_CAP | flag::ALL_CAPS)))
    } else {
        t.short_shape
    }
}

/// Offsets of the window, in the order of the cached per-type scores.
pub(crate) const OFFSETS: [isize; 5] = [-2, -1, 0, 1, 2];

/// Features that depend only on the token itself and the sentence's case mode.
pub(crate) fn self_features(t: &TokenInfo, upper: bool, out: &mut Vec<u64>) {
    let mode = u64::from(upper);
    out.push(f(T::Bias, mode));
    out.push(f(T::Lower, t.lower));
    if upper {
        out.push(f(T::CapsShape, t.short_shape));
        out.push(f(T::UpperSentence, fmix(u64::from(t.flags))));
    } else {
        out.push(f(T::Word, t.word));
        out.push(f(T::Shape, t.shape));
        out.push(f(T::ShortShape, t.short_shape));
    }
    out.push(f(T::Flags, mix(u64::from(t.flags), mode)));
    let pre = [T::Prefix1, T::Prefix2, T::Prefix3, T::Prefix4];
    let suf = [T::Suffix1, T::Suffix2, T::Suffix3, T::Suffix4];
    for k in 0..4 {
        out.push(f(pre[k], t.prefix[k]));
        out.push(f(suf[k], t.suffix[k]));
    }
    let cl = [T::Cluster0, T::Cluster1, T::Cluster2, T::Cluster3];
    for (k, c) in cl.iter().enumerate() {
        out.push(f(*c, u64::from(t.clusters[k])));
    }
    let cap = u64::from(t.flags & (flag::INIT_CAP | flag::ALL_CAPS));
    out.push(f(T::CapsUsage, mix(u64::from(t.caps), mode * 8 + cap)));
}

/// Features that a neighbour at offset `d` (±1, ±2) gives a token; `None` is the edge
/// of the sentence. They depend only on the neighbour and the case mode, so the tagger
/// caches their scores per word type.
pub(crate) fn neighbor_features(t: Option<&TokenInfo>, d: isize, upper: bool, out: &mut Vec<u64>) {
    let mode = u64::from(upper);
    let edge = if d < 0 { BOUNDARY_L } else { BOUNDARY_R };
    let (lower, shape, cl) = match t {
        Some(t) => (t.lower, sshape(t, upper), t.clusters.map(u64::from)),
        None => (edge, edge, [edge; LEVELS]),
    };
    match d {
        -2 => {
            out.push(f(T::WinLowerM2, lower));
            out.push(f(T::WinShapeM2, mix(shape, mode)));
            out.push(f(T::WinClusterM2, cl[1]));
        }
        -1 => {
            out.push(f(T::WinLowerM1, lower));
            out.push(f(T::WinShapeM1, mix(shape, mode)));
            out.push(f(T::WinClusterM1Coarse, cl[1]));
            out.push(f(T::WinClusterM1Mid, cl[2]));
            out.push(f(T::WinClusterM1Fine, cl[3]));
        }
        1 => {
            out.push(f(T::WinLowerP1, lower));
            out.push(f(T::WinShapeP1, mix(shape, mode)));
            out.push(f(T::WinClusterP1Coarse, cl[1]));
            out.push(f(T::WinClusterP1Mid, cl[2]));
            out.push(f(T::WinClusterP1Fine, cl[3]));
        }
        2 => {
            out.push(f(T::WinLowerP2, lower));
            out.push(f(T::WinShapeP2, mix(shape, mode)));
            out.push(f(T::WinClusterP2, cl[1]));
        }
        _ => {}
    }
}

/// Features that combine the token with its neighbours or its place in the sentence;
/// computed for every token.
pub(crate) fn pair_features(s: &SentenceInfo, i: usize, out: &mut Vec<u64>) {
    let toks = &s.tokens;
    let t = &toks[i];
    let upper = s.upper;
    let mode = u64::from(upper);
    let prev = if i > 0 { toks[i - 1].lower } else { BOUNDARY_L };
    let next = toks.get(i + 1).map_or(BOUNDARY_R, |n| n.lower);
    let shape = sshape(t, upper);
    out.push(f(T::BigramLeft, mix(prev, t.lower)));
    out.push(f(T::BigramRight, mix(t.lower, next)));
    out.push(f(T::PrevLowerShape, mix(prev, shape)));
    if i == 0 {
        out.push(f(T::FirstShape, mix(shape, mode)));
        out.push(f(T::FirstLower, t.lower));
        out.push(f(T::FirstCaps, mix(u64::from(t.caps), mode)));
    }
    if s.headline {
        out.push(f(T::Headline, mix(mode, shape)));
    }
    let g0 = s.gaz_start[i] as usize;
    let g1 = s.gaz_start[i + 1] as usize;
    let cap = t.is_cap() || upper;
    for &g in &s.gaz[g0..g1] {
        out.push(if cap {
            f(T::Gazetteer, g)
        } else {
            f(T::GazetteerLower, g)
        });
    }
}

/// All first-pass features of token `i`, appended to `out` (what training sees; the
/// tagger computes the same sum through its per-type cache).
pub(crate) fn first_pass(s: &SentenceInfo, i: usize, out: &mut Vec<u64>) {
    self_features(&s.tokens[i], s.upper, out);
    for d in OFFSETS {
        if d != 0 {
            let j = i as isize + d;
            let t = if j >= 0 {
                s.tokens.get(j as usize)
            } else {
                None
            };
            neighbor_features(t, d, s.upper, out);
        }
    }
    pair_features(s, i, out);
}

/// Document-level statistics gathered from the first pass.
#[derive(Debug, Default)]
pub(crate) struct DocStats {
    /// lower-form hash → per-type label counts (O, PER, LOC, ORG, MISC) and
    /// capitalised-mid-sentence / lower-case occurrence counts.
    map: std::collections::HashMap<u64, WordStats, BuildIdentity>,
}

#[derive(Debug, Default, Clone, Copy)]
struct WordStats {
    types: [u16; 5],
    cap_mid: u16,
    lower: u16,
}

/// The keys are already hashes: no need to hash them again.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct BuildIdentity;

impl std::hash::BuildHasher for BuildIdentity {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b) ^ (self.0 >> 56);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

fn type_slot(l: Label) -> usize {
    l.entity_type().map_or(0, |t| t.index() + 1)
}

impl DocStats {
    pub fn clear(&mut self) {
        self.map.clear();
    }

    /// Records one sentence and its first-pass labels.
    pub fn add(&mut self, s: &SentenceInfo, labels: &[Label]) {
        for (i, (t, l)) in s.tokens.iter().zip(labels).enumerate() {
            if !t.has_letter() {
                continue;
            }
            let e = self.map.entry(t.lower).or_default();
            let slot = type_slot(*l);
            e.types[slot] = e.types[slot].saturating_add(1);
            if !s.upper && i > 0 && t.is_cap() {
                e.cap_mid = e.cap_mid.saturating_add(1);
            }
            if t.flags & (flag::INIT_CAP | flag::ALL_CAPS) == 0 {
                e.lower = e.lower.saturating_add(1);
            }
        }
    }
}

fn label_code(l: Label) -> u64 {
    l.index() as u64 + 1
}

/// Second-pass features of token `i` (in addition to the first-pass ones).
pub(crate) fn second_pass(
    s: &SentenceInfo,
    i: usize,
    first: &[Label],
    stats: &DocStats,
    out: &mut Vec<u64>,
) {
    let at = |j: isize| -> u64 {
        if j < 0 || j as usize >= first.len() {
            0
        } else {
            label_code(first[j as usize])
        }
    };
    let ii = i as isize;
    let [a, b, c] = label_keys(at(ii - 1), at(ii), at(ii + 1));
    out.extend_from_slice(&[a, b, c]);
    doc_features(s, i, first, stats, out);
}

/// Number of first-pass label codes: 0 for the sentence edge, then label index + 1.
pub(crate) const LABEL_CODES: usize = super::labels::NUM_LABELS + 1;

/// The first-pass label code of token `j` of a sentence (0 beyond its edges).
#[inline]
pub(crate) fn label_code_at(first: &[Label], j: isize) -> usize {
    if j < 0 || j as usize >= first.len() {
        0
    } else {
        first[j as usize].index() + 1
    }
}

/// The features of the first-pass labels around a token (previous, own, next codes):
/// the current label alone, and paired with each neighbour's.
#[inline]
pub(crate) fn label_keys(prev: u64, cur: u64, next: u64) -> [u64; 3] {
    [
        f(T::FirstPass0, cur),
        f(T::FirstPassM1, mix(prev, cur)),
        f(T::FirstPassP1, mix(cur, next)),
    ]
}

/// Document-level features of token `i`: how the first pass labelled the same word
/// elsewhere, and how the word is written elsewhere.
pub(crate) fn doc_features(
    s: &SentenceInfo,
    i: usize,
    first: &[Label],
    stats: &DocStats,
    out: &mut Vec<u64>,
) {
    let t = &s.tokens[i];
    if !t.has_letter() {
        return;
    }
    let Some(w) = stats.map.get(&t.lower) else {
        return;
    };
    // Counts over the other occurrences: remove this token's own contribution.
    let mut types = w.types;
    let own = type_slot(first[i]);
    types[own] = types[own].saturating_sub(1);
    let mut cap_mid = w.cap_mid;
    if !s.upper && i > 0 && t.is_cap() {
        cap_mid = cap_mid.saturating_sub(1);
    }
    let mut lower = w.lower;
    if t.flags & (flag::INIT_CAP | flag::ALL_CAPS) == 0 {
        lower = lower.saturating_sub(1);
    }
    let ent: u32 = types[1..].iter().map(|&c| u32::from(c)).sum();
    if ent > 0 {
        let (best, &n) = types[1..]
            .iter()
            .enumerate()
            .max_by_key(|&(k, c)| (*c, std::cmp::Reverse(k)))
            .unwrap_or((0, &0));
        let share = (u32::from(n) * 4) / (ent + u32::from(types[0])).max(1);
        out.push(f(T::HistMajor, mix(best as u64, u64::from(share))));
        out.push(f(T::HistMajorShape, mix(best as u64, t.short_shape)));
        for (k, &c) in types[1..].iter().enumerate() {
            if c > 0 {
                out.push(f(T::HistHas, k as u64));
            }
        }
    } else if types[0] > 0 {
        out.push(f(T::HistOnlyO, u64::from(t.is_cap())));
    }
    if cap_mid > 0 {
        out.push(f(
            T::CapMidElsewhere,
            u64::from(s.upper) * 2 + u64::from(i == 0),
        ));
    }
    if lower > 0 {
        out.push(f(
            T::LowerElsewhere,
            u64::from(s.upper) * 2 + u64::from(t.is_cap()),
        ));
    }
}

/// The lower-case hash of a string, as the features compute it.
pub(crate) fn lower_hash(s: &str) -> u64 {
    hash_lower(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(s: &str) -> TokenInfo {
        token_info(s, &ClusterTable::default(), false)
    }

    #[test]
    fn flags_and_shapes() {
        let p = info("Putin");
        assert!(p.is_cap() && p.has_letter());
        assert_eq!(p.flags & flag::ALL_CAPS, 0);
        let us = info("U.S.");
        assert!(us.flags & flag::ALL_CAPS != 0 && us.flags & flag::HAS_PERIOD != 0);
        assert!(info("1,000").flags & flag::ALL_DIGIT != 0);
        // Same shape class for words of the same form.
        assert_eq!(info("Putin").short_shape, info("Biden").short_shape);
        assert_ne!(info("Putin").shape, info("Biden's").shape);
        assert_eq!(info("Putin").lower, info("PUTIN").lower);
    }

    #[test]
    fn affixes_hash_lower_case_characters() {
        let a = info("Russians");
        let b = info("russians");
        assert_eq!(a.prefix, b.prefix);
        assert_eq!(a.suffix, b.suffix);
        let c = info("Belgians");
        assert_eq!(a.suffix[2], c.suffix[2]); // "ans"
        assert_ne!(a.prefix[1], c.prefix[1]);
        // Short words: affixes longer than the word repeat the whole word.
        let d = info("a");
        assert_eq!(d.prefix[0], d.prefix[3]);
    }

    #[test]
    fn upper_sentence_detection() {
        let g = Gazetteer::default();
        let c = ClusterTable::default();
        let s = SentenceInfo::build(&["RUSSIA", "WARNS", "NATO", "."], false, &c, &g);
        assert!(s.upper);
        let s = SentenceInfo::build(&["Russia", "warns", "NATO", "."], false, &c, &g);
        assert!(!s.upper);
    }

    #[test]
    fn features_are_deterministic_and_positional() {
        let g = Gazetteer::default();
        let c = ClusterTable::default();
        let s = SentenceInfo::build(&["Mr", "Putin", "said", "."], false, &c, &g);
        let mut a = Vec::new();
        let mut b = Vec::new();
        first_pass(&s, 1, &mut a);
        first_pass(&s, 1, &mut b);
        assert_eq!(a, b);
        let mut c0 = Vec::new();
        first_pass(&s, 2, &mut c0);
        assert_ne!(a, c0);
        // The word "putin" as the current word and as the left neighbour are distinct.
        assert!(a.iter().all(|h| !c0.contains(h) || *h == a[0]) || a[0] == c0[0]);
    }

    #[test]
    fn document_features_use_other_occurrences() {
        let g = Gazetteer::default();
        let c = ClusterTable::default();
        let s1 = SentenceInfo::build(&["Putin", "spoke", "."], false, &c, &g);
        let s2 = SentenceInfo::build(&["Vladimir", "Putin", "said", "."], false, &c, &g);
        use super::super::labels::ConllType;
        let per_u = Label::new(ConllType::Per, super::super::labels::Position::Unit);
        let per_b = Label::new(ConllType::Per, super::super::labels::Position::Begin);
        let per_l = Label::new(ConllType::Per, super::super::labels::Position::Last);
        let mut stats = DocStats::default();
        let l1 = [per_u, Label::O, Label::O];
        let l2 = [per_b, per_l, Label::O, Label::O];
        stats.add(&s1, &l1);
        stats.add(&s2, &l2);
        let mut out = Vec::new();
        second_pass(&s1, 0, &l1, &stats, &mut out);
        assert!(out.contains(&f(T::HistHas, 0)));
        assert!(out.contains(&f(T::CapMidElsewhere, 1)));
        // A word seen only here gets no history features.
        let mut out = Vec::new();
        second_pass(&s1, 1, &l1, &stats, &mut out);
        assert!(!out.iter().any(|h| *h == f(T::HistHas, 0)));
    }
}
