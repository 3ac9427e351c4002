//! A fast, deterministic hash for the pipeline's own tables: FNV-1a. The standard SipHash
//! guards against hash flooding by remote peers; these tables are keyed by the user's own
//! text on the user's own machine, and SipHash was a tenth of the analysis time.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a's starting state.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a's multiplier.
pub const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Continues an FNV-1a hash over `bytes`.
pub fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
    h
}

/// FNV-1a as a `Hasher`, for `HashMap`s.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(FNV_OFFSET)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv(self.0, bytes);
    }
    // Integers in one step: they are already well mixed or small ids.
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(FNV_PRIME);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
}

/// A `HashMap` with [`Fnv`].
pub type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A `HashSet` with [`Fnv`].
pub type FnvSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;

/// Values by hash, for tables built once and looked up for every word or feature: a model's
/// weights by feature hash, the claims stage's lexicon by word hash. Most weights looked up are
/// absent, so a bit set of 16 bits per entry (one bit per hash, set for the hashes held)
/// answers most misses from a few kilobytes that stay in the first-level cache (a tenth off
/// the check-worthiness time). Past it, open addressing: a probe reads 4-byte tags (the high
/// half of the hash), the value only on a hit, and ends at the first empty slot, the table
/// being at most half full. Two hashes with the same tag whose probes meet would share a
/// value: the hash must mix every input bit into its high half (see `claims::word_hash`).
#[derive(Clone, Debug, Default)]
pub struct HashTable<V> {
    filter: Vec<u64>,
    filter_mask: usize,
    tags: Vec<u32>,
    values: Vec<V>,
    mask: usize,
    len: usize,
}

impl<V: Copy + Default> HashTable<V> {
    /// The table of `pairs`; of a hash given twice, the last value is kept.
    pub fn new(pairs: impl IntoIterator<Item = (u64, V)>) -> HashTable<V> {
        let pairs: Vec<(u64, V)> = pairs.into_iter().collect();
        let size = (2 * pairs.len()).next_power_of_two().max(2);
        let bits = (16 * pairs.len()).next_power_of_two().max(64);
        let mut table = HashTable {
            filter: vec![0; bits / 64],
            filter_mask: bits - 1,
            tags: vec![0; size],
            values: vec![V::default(); size],
            mask: size - 1,
            len: 0,
        };
        for (h, v) in pairs {
            let tag = HashTable::<V>::tag(h);
            let mut i = table.home(h);
            while table.tags[i] != 0 && table.tags[i] != tag {
                i = (i + 1) & table.mask;
            }
            if table.tags[i] == 0 {
                table.len += 1;
            }
            table.tags[i] = tag;
            table.values[i] = v;
            let bit = table.bit(h);
            table.filter[bit / 64] |= 1 << (bit % 64);
        }
        table
    }

    /// The high half of the hash, never 0 (which marks an empty slot).
    fn tag(h: u64) -> u32 {
        ((h >> 32) as u32).max(1)
    }

    /// The filter bit of hash `h`: bits apart from the home slot's and the tag's.
    fn bit(&self, h: u64) -> usize {
        (h >> 40 ^ h >> 11) as usize & self.filter_mask
    }

    fn home(&self, h: u64) -> usize {
        (h ^ (h >> 29)) as usize & self.mask
    }

    /// The value of hash `h`, if it has one.
    pub fn get(&self, h: u64) -> Option<V> {
        let bit = self.bit(h);
        if self
            .filter
            .get(bit / 64)
            .is_none_or(|w| w & 1 << (bit % 64) == 0)
        {
            return None;
        }
        let tag = HashTable::<V>::tag(h);
        let mut i = self.home(h);
        loop {
            match self.tags[i] {
                0 => return None,
                t if t == tag => return Some(self.values[i]),
                _ => i = (i + 1) & self.mask,
            }
        }
    }

    /// How many distinct hashes have a value.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when no hash has a value.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_table_finds_what_it_holds_and_nothing_else() {
        let pairs: Vec<(u64, f64)> = (0..3000u64)
            .map(|i| (fnv(FNV_OFFSET, &i.to_le_bytes()), i as f64))
            .collect();
        let table = HashTable::new(pairs.clone());
        assert_eq!(table.len(), 3000);
        for (h, w) in &pairs {
            assert_eq!(table.get(*h), Some(*w));
        }
        let misses = (3000..13000u64)
            .filter(|i| table.get(fnv(FNV_OFFSET, &i.to_le_bytes())).is_some())
            .count();
        assert_eq!(misses, 0);
        // A repeated hash keeps its last value; an empty table answers nothing.
        let t = HashTable::new([(7, 1.0), (7, 0.5)]);
        assert_eq!((t.len(), t.get(7)), (1, Some(0.5)));
        assert_eq!(HashTable::<f64>::new([]).get(7), None);
    }
}
