//! The model: weights, transitions, clusters and gazetteers, and its binary format.
//!
//! Format (all integers little-endian), version 1:
//! ```text
//! "SMTNER\0\x01"                      magic
//! u32 version, u32 labels (17), u32 cluster levels (4)
//! u32 len, bytes                      provenance note (UTF-8)
//! 2 × (17·17 + 17 + 17) f32            transitions of pass 1 and pass 2
//! 2 × f32                             weight scales of pass 1 and pass 2
//! u32 n, n × (u64 word hash, 4 × u16)  clusters
//! u32 n, n × (u64 lower-case hash, u8 class) capitalisation classes
//! u32 lists, lists × (u32 len, bytes), u32 max entry length,
//! u32 n, n × (u64 key, u32 bits)       gazetteer
//! u32 n, n × (u32 len, bytes, 5·2·17 i32)   frequent words and their summed scores
//! u32 n, n × (u64 key, u64 mask, popcount(mask) × i16)   features: the mask says which
//!                                     of the 34 weights (17 per pass) are stored
//! u64 checksum of everything before it
//! ```
//! Parsing checks every length against the bytes left, so a corrupt or truncated file is
//! an error, never a panic or a huge allocation.

use super::clusters::{ClusterTable, LEVELS};
use super::decode::Transitions;
use super::gazetteer::{Gazetteer, MAX_ENTRY_TOKENS, MAX_LISTS};
use super::labels::NUM_LABELS;
use super::table::HashTable;

const MAGIC: &[u8; 8] = b"SMTNER\0\x01";
const VERSION: u32 = 1;

/// The weights of one feature for both passes, quantised.
pub(crate) type Row = [[i16; NUM_LABELS]; 2];

/// Summed weights of a word type at each window offset, for both passes.
pub(crate) type TypeScores = [[[i32; NUM_LABELS]; 2]; 5];

/// Why a model file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a summit NER model (bad magic bytes)")]
    BadMagic,
    #[error("unsupported NER model version {found} (this build reads {VERSION})")]
    UnsupportedVersion { found: u32 },
    #[error("NER model truncated while reading {section}")]
    Truncated { section: &'static str },
    #[error("NER model corrupt: {what}")]
    Corrupt { what: &'static str },
    #[error("NER model checksum mismatch")]
    ChecksumMismatch,
}

/// Feature hash → weight row; rows are stored densely in key order.
#[derive(Clone, Debug, Default)]
pub(crate) struct FeatureTable {
    index: HashTable<u32>,
    rows: Vec<Row>,
}

impl FeatureTable {
    pub fn with_capacity(n: usize) -> Self {
        FeatureTable {
            index: HashTable::with_capacity(n),
            rows: Vec::with_capacity(n),
        }
    }

    /// Adds a feature (keys must be distinct).
    pub fn insert(&mut self, key: u64, row: Row) {
        match self.index.get(key) {
            Some(i) => self.rows[i as usize] = row,
            None => {
                self.index.insert(key, self.rows.len() as u32);
                self.rows.push(row);
            }
        }
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<u32> {
        self.index.get(key)
    }

    #[inline]
    pub fn row(&self, i: u32) -> &Row {
        &self.rows[i as usize]
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    fn sorted(&self) -> Vec<(u64, Row)> {
        let mut v: Vec<(u64, Row)> = self
            .index
            .iter()
            .map(|(k, i)| (k, self.rows[i as usize]))
            .collect();
        super::table::sort_for_loading(&mut v);
        v
    }
}

/// A trained tagger model.
#[derive(Clone, Debug, Default)]
pub struct Model {
    pub(crate) info: String,
    pub(crate) transitions: [Transitions; 2],
    pub(crate) scales: [f32; 2],
    pub(crate) clusters: ClusterTable,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) features: FeatureTable,
    /// The most frequent words with their per-type scores (derived from the weights at
    /// training time, so that loading needs no feature look-ups).
    pub(crate) frequent: Vec<(String, TypeScores)>,
}

/// A 64-bit checksum, eight bytes at a time.
fn checksum(data: &[u8]) -> u64 {
    let mut h: u64 = 0x2545_F491_4F6C_DD1D ^ data.len() as u64;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(b))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    super::hash::fmix(h)
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, section: &'static str) -> Result<&'a [u8], ModelError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or(ModelError::Truncated { section })?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u16(&mut self, section: &'static str) -> Result<u16, ModelError> {
        let b = self.take(2, section)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self, section: &'static str) -> Result<u32, ModelError> {
        let b = self.take(4, section)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self, section: &'static str) -> Result<u64, ModelError> {
        let b = self.take(8, section)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }

    fn f32(&mut self, section: &'static str) -> Result<f32, ModelError> {
        let v = f32::from_bits(self.u32(section)?);
        if v.is_finite() {
            Ok(v)
        } else {
            Err(ModelError::Corrupt {
                what: "a weight is not finite",
            })
        }
    }

    /// A count of records of `record` bytes each, checked against what is left.
    fn count(&mut self, record: usize, section: &'static str) -> Result<usize, ModelError> {
        let n = self.u32(section)? as usize;
        if n.saturating_mul(record) > self.data.len() - self.pos {
            return Err(ModelError::Truncated { section });
        }
        Ok(n)
    }

    fn string(&mut self, section: &'static str) -> Result<String, ModelError> {
        let n = self.count(1, section)?;
        let b = self.take(n, section)?;
        String::from_utf8(b.to_vec()).map_err(|_| ModelError::Corrupt {
            what: "a name is not UTF-8",
        })
    }
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u32(out, s.len() as u32);
    out.extend_from_slice(s.as_bytes());
}

impl Model {
    /// The provenance note written at training time.
    pub fn info(&self) -> &str {
        &self.info
    }

    /// Number of features with weights.
    pub fn num_features(&self) -> usize {
        self.features.len()
    }

    pub fn clusters(&self) -> &ClusterTable {
        &self.clusters
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Serialises the model (deterministic: tables are written in key order).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        put_u32(&mut out, VERSION);
        put_u32(&mut out, NUM_LABELS as u32);
        put_u32(&mut out, LEVELS as u32);
        put_str(&mut out, &self.info);
        for t in &self.transitions {
            for row in &t.trans {
                for v in row {
                    out.extend_from_slice(&v.to_le_bytes());
                }
            }
            for v in t.start.iter().chain(&t.end) {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        for s in &self.scales {
            out.extend_from_slice(&s.to_le_bytes());
        }
        let clusters = self.clusters.table.sorted();
        put_u32(&mut out, clusters.len() as u32);
        for (k, ids) in clusters {
            out.extend_from_slice(&k.to_le_bytes());
            for id in ids {
                out.extend_from_slice(&id.to_le_bytes());
            }
        }
        let caps = self.clusters.caps.sorted();
        put_u32(&mut out, caps.len() as u32);
        for (k, c) in caps {
            out.extend_from_slice(&k.to_le_bytes());
            out.push(c);
        }
        put_u32(&mut out, self.gazetteer.names.len() as u32);
        for n in &self.gazetteer.names {
            put_str(&mut out, n);
        }
        put_u32(&mut out, self.gazetteer.max_len as u32);
        let gaz = self.gazetteer.table.sorted();
        put_u32(&mut out, gaz.len() as u32);
        for (k, bits) in gaz {
            out.extend_from_slice(&k.to_le_bytes());
            put_u32(&mut out, bits);
        }
        put_u32(&mut out, self.frequent.len() as u32);
        for (w, scores) in &self.frequent {
            put_str(&mut out, w);
            for v in scores.iter().flatten().flatten() {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        let feats = self.features.sorted();
        put_u32(&mut out, feats.len() as u32);
        for (k, row) in feats {
            out.extend_from_slice(&k.to_le_bytes());
            let mut mask = 0u64;
            for (j, v) in row.iter().flatten().enumerate() {
                if *v != 0 {
                    mask |= 1 << j;
                }
            }
            out.extend_from_slice(&mask.to_le_bytes());
            for v in row.iter().flatten() {
                if *v != 0 {
                    out.extend_from_slice(&v.to_le_bytes());
                }
            }
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Parses a model file. Never panics; a damaged file is an error.
    pub fn from_bytes(data: &[u8]) -> Result<Model, ModelError> {
        if data.len() < MAGIC.len() || &data[..MAGIC.len()] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        if data.len() < MAGIC.len() + 8 + 12 {
            return Err(ModelError::Truncated { section: "header" });
        }
        let (body, sum) = data.split_at(data.len() - 8);
        let mut r = Reader {
            data: body,
            pos: MAGIC.len(),
        };
        let version = r.u32("header")?;
        if version != VERSION {
            return Err(ModelError::UnsupportedVersion { found: version });
        }
        let mut s = [0u8; 8];
        s.copy_from_slice(sum);
        if checksum(body) != u64::from_le_bytes(s) {
            return Err(ModelError::ChecksumMismatch);
        }
        if r.u32("header")? as usize != NUM_LABELS || r.u32("header")? as usize != LEVELS {
            return Err(ModelError::Corrupt {
                what: "label set or cluster levels differ from this build",
            });
        }
        let info = r.string("provenance")?;
        let mut transitions: [Transitions; 2] = Default::default();
        for t in &mut transitions {
            for row in &mut t.trans {
                for v in row.iter_mut() {
                    *v = r.f32("transitions")?;
                }
            }
            for v in t.start.iter_mut() {
                *v = r.f32("transitions")?;
            }
            for v in t.end.iter_mut() {
                *v = r.f32("transitions")?;
            }
        }
        let scales = [r.f32("scales")?, r.f32("scales")?];

        let n = r.count(16, "clusters")?;
        let mut table = HashTable::with_capacity(n);
        for _ in 0..n {
            let k = r.u64("clusters")?;
            let mut ids = [0u16; LEVELS];
            for id in &mut ids {
                *id = r.u16("clusters")?;
            }
            table.insert(k, ids);
        }
        let n = r.count(9, "capitalisation")?;
        let mut caps = HashTable::with_capacity(n);
        for _ in 0..n {
            let k = r.u64("capitalisation")?;
            let c = r.take(1, "capitalisation")?[0];
            caps.insert(k, c);
        }
        let clusters = ClusterTable { table, caps };

        let lists = r.count(4, "gazetteer")?;
        if lists > MAX_LISTS {
            return Err(ModelError::Corrupt {
                what: "too many gazetteer lists",
            });
        }
        let mut names = Vec::with_capacity(lists);
        for _ in 0..lists {
            names.push(r.string("gazetteer")?);
        }
        let max_len = r.u32("gazetteer")? as usize;
        if max_len > MAX_ENTRY_TOKENS {
            return Err(ModelError::Corrupt {
                what: "gazetteer entry length",
            });
        }
        let n = r.count(12, "gazetteer")?;
        let mut table = HashTable::with_capacity(n);
        for _ in 0..n {
            let k = r.u64("gazetteer")?;
            let bits = r.u32("gazetteer")?;
            table.insert(k, bits);
        }
        let gazetteer = Gazetteer {
            names,
            table,
            max_len,
        };

        let n = r.count(4 + 4 * 5 * 2 * NUM_LABELS, "frequent words")?;
        let mut frequent = Vec::with_capacity(n);
        for _ in 0..n {
            let w = r.string("frequent words")?;
            let mut scores: TypeScores = [[[0; NUM_LABELS]; 2]; 5];
            for v in scores.iter_mut().flatten().flatten() {
                *v = r.u32("frequent words")? as i32;
            }
            frequent.push((w, scores));
        }
        let n = r.count(16, "features")?;
        let mut features = FeatureTable::with_capacity(n);
        for _ in 0..n {
            let k = r.u64("features")?;
            let mask = r.u64("features")?;
            if mask >> (2 * NUM_LABELS) != 0 {
                return Err(ModelError::Corrupt {
                    what: "feature mask",
                });
            }
            let mut row: Row = [[0; NUM_LABELS]; 2];
            let mut m = mask;
            while m != 0 {
                let j = m.trailing_zeros() as usize;
                m &= m - 1;
                row[j / NUM_LABELS][j % NUM_LABELS] = r.u16("features")? as i16;
            }
            features.insert(k, row);
        }
        if r.pos != body.len() {
            return Err(ModelError::Corrupt {
                what: "trailing bytes",
            });
        }
        Ok(Model {
            info,
            transitions,
            scales,
            clusters,
            gazetteer,
            features,
            frequent,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn toy() -> Model {
        let mut m = Model {
            info: "toy".into(),
            scales: [0.5, 0.25],
            ..Model::default()
        };
        m.transitions[0].trans[1][2] = 1.5;
        m.transitions[1].end[3] = -2.0;
        m.clusters = ClusterTable::from_words([("Paris", [1, 2, 3, 4]), ("London", [1, 2, 3, 5])])
            .with_capitalisation([("paris", 5)]);
        m.gazetteer.add_list("country", &[vec!["United", "States"]]);
        let mut row: Row = [[0; NUM_LABELS]; 2];
        row[0][3] = 7;
        row[1][16] = -9;
        m.features.insert(42, row);
        m.features.insert(0, [[1; NUM_LABELS]; 2]);
        m.frequent = vec![("the".into(), [[[3; NUM_LABELS]; 2]; 5])];
        m
    }

    #[test]
    fn round_trip() {
        let m = toy();
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.info, "toy");
        assert_eq!(back.scales, m.scales);
        assert_eq!(back.transitions, m.transitions);
        assert_eq!(back.clusters.lookup("London"), Some([1, 2, 3, 5]));
        assert_eq!(
            back.clusters.caps(super::super::hash::hash_lower("PARIS")),
            5
        );
        assert_eq!(back.gazetteer.list_names(), ["country"]);
        assert_eq!(back.gazetteer.len(), m.gazetteer.len());
        let row = |m: &Model, k| m.features.get(k).map(|i| *m.features.row(i));
        assert_eq!(row(&back, 42), row(&m, 42));
        assert_eq!(row(&back, 0), row(&m, 0));
        assert_eq!(back.frequent, m.frequent);
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn corrupt_files_are_errors() {
        let bytes = toy().to_bytes();
        assert_eq!(Model::from_bytes(b"").unwrap_err(), ModelError::BadMagic);
        assert_eq!(
            Model::from_bytes(b"SMTNER\0\x02rest").unwrap_err(),
            ModelError::BadMagic
        );
        for cut in [9, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        // Every single flipped byte is caught.
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0x5A;
            assert!(Model::from_bytes(&b).is_err(), "flip at {i}");
        }
    }

    #[test]
    fn lengths_are_checked_before_allocating() {
        // A well-formed checksum over a body claiming four billion clusters.
        let mut body = Vec::new();
        body.extend_from_slice(MAGIC);
        put_u32(&mut body, VERSION);
        put_u32(&mut body, NUM_LABELS as u32);
        put_u32(&mut body, LEVELS as u32);
        put_str(&mut body, "");
        body.extend(std::iter::repeat_n(
            0u8,
            2 * (NUM_LABELS * NUM_LABELS + 2 * NUM_LABELS) * 4 + 8,
        ));
        put_u32(&mut body, u32::MAX);
        let sum = checksum(&body);
        body.extend_from_slice(&sum.to_le_bytes());
        assert_eq!(
            Model::from_bytes(&body).unwrap_err(),
            ModelError::Truncated {
                section: "clusters"
            }
        );
    }
}
