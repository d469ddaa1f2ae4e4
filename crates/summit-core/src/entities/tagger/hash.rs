//! Stable 64-bit hashing for feature keys, cluster and gazetteer tables.
//!
//! The model file stores these hashes, so the function is fixed for a model format
//! version: byte order and constants never depend on the platform.

const K: u64 = 0x9E37_79B9_7F4A_7C15;
const SEED: u64 = 0xCBF2_9CE4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01B3;

/// The finaliser of MurmurHash3 / SplitMix64: spreads every input bit over the output.
#[inline]
pub(crate) fn fmix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^= h >> 33;
    h
}

/// Combines two hashes (order matters).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    fmix(a.wrapping_mul(K).rotate_left(31) ^ b)
}

/// A streaming byte hasher (FNV-1a with a strong finaliser), so that lower-cased forms,
/// shapes and affixes can be hashed without building strings.
#[derive(Clone, Copy, Debug)]
pub(crate) struct StrHasher(u64);

impl StrHasher {
    #[inline]
    pub(crate) fn new() -> Self {
        StrHasher(SEED)
    }

    #[inline]
    pub(crate) fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }

    #[inline]
    pub(crate) fn char(&mut self, c: char) {
        if c.is_ascii() {
            self.byte(c as u8);
        } else {
            let mut buf = [0u8; 4];
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                self.byte(b);
            }
        }
    }

    #[inline]
    pub(crate) fn finish(&self) -> u64 {
        fmix(self.0)
    }
}

/// Hash of a string, equal to streaming its characters through [`StrHasher`].
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    let mut h = StrHasher::new();
    for &b in s.as_bytes() {
        h.byte(b);
    }
    h.finish()
}

/// Hash of the lower-cased string (Unicode lower case, streamed).
pub(crate) fn hash_lower(s: &str) -> u64 {
    let mut h = StrHasher::new();
    for c in s.chars() {
        for l in c.to_lowercase() {
            h.char(l);
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streaming_equals_whole_string() {
        let mut h = StrHasher::new();
        for c in "Zürich".chars() {
            h.char(c);
        }
        assert_eq!(h.finish(), hash_str("Zürich"));
        assert_eq!(hash_lower("ZÜRICH"), hash_str("zürich"));
    }

    #[test]
    fn values_are_pinned() {
        // The model file depends on these: a change needs a new format version.
        assert_eq!(hash_str(""), fmix(SEED));
        assert_ne!(mix(1, 2), mix(2, 1));
    }
}
