//! An open-addressing hash table from 64-bit hashes to values (linear probing, load
//! ≤ 1/2), built once and then only read. Keys are already well mixed hashes.

/// Key 0 marks an empty slot; a real key 0 is stored as this one.
const ZERO_KEY: u64 = 0x8000_0000_0000_0001;

#[inline]
fn stored(key: u64) -> u64 {
    if key == 0 { ZERO_KEY } else { key }
}

#[derive(Clone, Debug)]
pub(crate) struct HashTable<V> {
    /// (key, value) side by side: one cache line per probe.
    slots: Vec<(u64, V)>,
    mask: usize,
    len: usize,
}

impl<V: Copy + Default> Default for HashTable<V> {
    fn default() -> Self {
        HashTable::with_capacity(0)
    }
}

impl<V: Copy + Default> HashTable<V> {
    pub fn with_capacity(n: usize) -> Self {
        let cap = (n.max(4) * 2).next_power_of_two();
        HashTable {
            slots: vec![(0, V::default()); cap],
            mask: cap - 1,
            len: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Inserts or replaces. Grows when the load would pass 1/2.
    pub fn insert(&mut self, key: u64, value: V) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let k = stored(key);
        let mut i = (k as usize) & self.mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.0 == 0 {
                *slot = (k, value);
                self.len += 1;
                return;
            }
            if slot.0 == k {
                slot.1 = value;
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn grow(&mut self) {
        let mut bigger = HashTable::with_capacity(self.slots.len());
        for (k, v) in self.iter() {
            bigger.insert(k, v);
        }
        *self = bigger;
    }

    #[inline]
    pub fn get(&self, key: u64) -> Option<V> {
        let k = stored(key);
        let mut i = (k as usize) & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.0 == k {
                return Some(slot.1);
            }
            if slot.0 == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Entries in slot order (keys as given, except that key 0 comes back as stored).
    pub fn iter(&self) -> impl Iterator<Item = (u64, V)> + '_ {
        self.slots.iter().filter(|(k, _)| *k != 0).copied()
    }

    /// Entries in a deterministic order for serialisation: by the slot they start from
    /// in a table of the same size built by [`HashTable::with_capacity`], so that
    /// re-inserting them in this order writes memory front to back (fast loading).
    pub fn sorted(&self) -> Vec<(u64, V)> {
        let mut v: Vec<(u64, V)> = self.iter().collect();
        sort_for_loading(&mut v);
        v
    }
}

/// Sorts (key, value) pairs into the loading order of [`HashTable::sorted`].
pub(crate) fn sort_for_loading<V>(v: &mut [(u64, V)]) {
    let mask = ((v.len().max(4) * 2).next_power_of_two() - 1) as u64;
    v.sort_unstable_by_key(|e| (stored(e.0) & mask, e.0));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_get_grow() {
        let mut t: HashTable<u32> = HashTable::with_capacity(1);
        for i in 0..1000u64 {
            t.insert(i.wrapping_mul(0x9E37_79B9_7F4A_7C15), i as u32);
        }
        assert_eq!(t.len(), 1000);
        for i in 0..1000u64 {
            assert_eq!(t.get(i.wrapping_mul(0x9E37_79B9_7F4A_7C15)), Some(i as u32));
        }
        assert_eq!(t.get(12345), None);
        t.insert(0, 7);
        assert_eq!(t.get(0), Some(7));
    }
}
