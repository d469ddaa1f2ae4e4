//! Gazetteers as tagger features: named lists of multi-token names, matched
//! case-insensitively over a sentence; each token inside a match gets a feature for the
//! list and its B/I/L/U position in the matched entry.

use super::features::{TokenInfo, lower_hash};
use super::hash::mix;
use super::table::HashTable;

/// Marks a key that is a proper prefix of a longer entry.
pub(crate) const PREFIX: u32 = 1 << 31;
/// At most 31 lists (one bit each).
pub const MAX_LISTS: usize = 31;
/// Entries longer than this are ignored.
pub const MAX_ENTRY_TOKENS: usize = 8;

const SEED: u64 = 0x6A09_E667_F3BC_C908;

/// Named lists of token sequences.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    pub(crate) names: Vec<String>,
    pub(crate) table: HashTable<u32>,
    pub(crate) max_len: usize,
}

impl Gazetteer {
    /// Adds a list (or extends one of the same name). Each entry is a token sequence.
    /// Returns false when there are already [`MAX_LISTS`] lists.
    pub fn add_list<S: AsRef<str>>(&mut self, name: &str, entries: &[Vec<S>]) -> bool {
        let idx = match self.names.iter().position(|n| n == name) {
            Some(i) => i,
            None if self.names.len() < MAX_LISTS => {
                self.names.push(name.to_owned());
                self.names.len() - 1
            }
            None => return false,
        };
        for e in entries {
            if e.is_empty() || e.len() > MAX_ENTRY_TOKENS {
                continue;
            }
            let mut h = SEED;
            for (k, t) in e.iter().enumerate() {
                h = mix(h, lower_hash(t.as_ref()));
                let old = self.table.get(h).unwrap_or(0);
                let bits = if k + 1 == e.len() {
                    old | (1 << idx)
                } else {
                    old | PREFIX
                };
                self.table.insert(h, bits);
            }
            self.max_len = self.max_len.max(e.len());
        }
        true
    }

    pub fn list_names(&self) -> &[String] {
        &self.names
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Appends each token's gazetteer feature values to `out`; `start` receives
    /// `tokens.len() + 1` offsets into `out`.
    pub(crate) fn features(&self, tokens: &[TokenInfo], out: &mut Vec<u64>, start: &mut Vec<u32>) {
        let base = out.len();
        if self.table.is_empty() {
            start.extend(std::iter::repeat_n(base as u32, tokens.len() + 1));
            return;
        }
        // (token, feature) pairs, then grouped by token.
        let mut hits: Vec<(u32, u64)> = Vec::new();
        for i in 0..tokens.len() {
            let mut h = SEED;
            for j in i..tokens.len().min(i + self.max_len) {
                h = mix(h, tokens[j].lower);
                let Some(bits) = self.table.get(h) else { break };
                let mut lists = bits & !PREFIX;
                while lists != 0 {
                    let l = u64::from(lists.trailing_zeros());
                    lists &= lists - 1;
                    if i == j {
                        hits.push((i as u32, mix(l, 3)));
                    } else {
                        hits.push((i as u32, mix(l, 0)));
                        for k in i + 1..j {
                            hits.push((k as u32, mix(l, 1)));
                        }
                        hits.push((j as u32, mix(l, 2)));
                    }
                }
                if bits & PREFIX == 0 {
                    break;
                }
            }
        }
        hits.sort_unstable();
        hits.dedup();
        let mut k = 0;
        for i in 0..tokens.len() {
            start.push(out.len() as u32);
            while k < hits.len() && hits[k].0 as usize == i {
                out.push(hits[k].1);
                k += 1;
            }
        }
        start.push(out.len() as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::super::clusters::ClusterTable;
    use super::super::features::token_info;
    use super::*;

    fn infos(words: &[&str]) -> Vec<TokenInfo> {
        words
            .iter()
            .map(|w| token_info(w, &ClusterTable::default(), false))
            .collect()
    }

    #[test]
    fn multi_token_matches_mark_positions() {
        let mut g = Gazetteer::default();
        g.add_list("country", &[vec!["United", "States"], vec!["Russia"]]);
        g.add_list("org", &[vec!["United", "Nations"]]);
        let toks = infos(&["the", "UNITED", "STATES", "and", "Russia", "united"]);
        let mut out = Vec::new();
        let mut start = Vec::new();
        g.features(&toks, &mut out, &mut start);
        assert_eq!(start.len(), toks.len() + 1);
        let at = |i: usize| &out[start[i] as usize..start[i + 1] as usize];
        assert!(at(0).is_empty());
        assert_eq!(at(1), &[mix(0, 0)]);
        assert_eq!(at(2), &[mix(0, 2)]);
        assert_eq!(at(4), &[mix(0, 3)]);
        assert!(at(5).is_empty()); // a prefix alone is no match
    }
}
