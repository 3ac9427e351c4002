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

/// The first eight bytes of `b` (all of them when fewer, zero-padded) as a little-endian
/// number: what folding them in one by one gives, but with a branch on the length's class
/// alone (no loop over the bytes, which mispredicts on words of every length). Two reads that
/// overlap put each byte in its place: the bytes they share are ORed with themselves.
pub fn le_word(b: &[u8]) -> u64 {
    let n = b.len();
    if n >= 8 {
        b.first_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w))
    } else if n >= 4 {
        let lo = b.first_chunk::<4>().map_or(0, |w| u32::from_le_bytes(*w));
        let hi = b.last_chunk::<4>().map_or(0, |w| u32::from_le_bytes(*w));
        u64::from(lo) | u64::from(hi) << (8 * (n - 4))
    } else if n > 0 {
        let byte = |i: usize| u64::from(b.get(i).copied().unwrap_or(0)) << (8 * i);
        byte(0) | byte(n / 2) | byte(n - 1)
    } else {
        0
    }
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

/// A hasher for tables of words that are only looked up, never iterated (so their order,
/// which the hash decides, reaches no output): a word's first and last eight bytes and its
/// length in a few multiplications, where FNV-1a takes one per byte.
#[derive(Clone, Copy, Default)]
pub struct WordHash(u64);

impl Hasher for WordHash {
    fn finish(&self) -> u64 {
        // hashbrown takes the bucket from the low bits and a tag from the top seven.
        let h = self.0.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^ h >> 32
    }
    fn write(&mut self, bytes: &[u8]) {
        let tail = le_word(&bytes[bytes.len().saturating_sub(8)..]);
        let h = (le_word(bytes) ^ (bytes.len() as u64).rotate_right(8))
            .wrapping_mul(0xd6e8_feb8_6659_fd93)
            ^ tail.rotate_left(31);
        self.0 = (self.0 ^ h).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(23) ^ n).wrapping_mul(0xd6e8_feb8_6659_fd93);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

/// A `HashMap` of words with [`WordHash`]: never iterate one.
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHash>>;
/// A `HashSet` of words with [`WordHash`]: never iterate one.
pub type WordSet<K> = HashSet<K, BuildHasherDefault<WordHash>>;

/// Values by hash, for tables built once and looked up for every word or feature: a model's
/// weights by feature hash, the claims stage's lexicon by word hash. Open addressing over
/// buckets of four slots: a bucket holds 4-byte tags (the high half of the hash) and, in the
/// same cache line, the values, and a hash lives in its home bucket or, when that is full, in
/// the next bucket with room. At most half the slots are used, so that a lookup nearly always
/// ends in the home bucket; [`HashTable::value_or`] then finds its answer without a branch on
/// whether the hash is there, which no branch predictor could guess for words or features (half
/// of which have a value). Two hashes with the same tag whose probes meet would share a value:
/// the hash must mix every input bit into its high half (see `claims::word_hash`).
#[derive(Clone, Debug, Default)]
pub struct HashTable<V> {
    buckets: Vec<Bucket<V>>,
    mask: usize,
    len: usize,
}

/// Four slots: their tags, and their values then one `V::default()` that a miss reads. One
/// cache line (for values of up to eight bytes): the value's load after the tags' hits the
/// line they brought in (with tags and values apart, it missed the cache a second time).
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(64))]
struct Bucket<V> {
    tags: [u32; 4],
    values: [V; 5],
}

impl<V: Copy + Default> HashTable<V> {
    /// The table of `pairs`; of a hash given twice, the last value is kept.
    pub fn new(pairs: impl IntoIterator<Item = (u64, V)>) -> HashTable<V> {
        let pairs: Vec<(u64, V)> = pairs.into_iter().collect();
        let buckets = (2 * pairs.len()).next_power_of_two().div_ceil(4).max(1);
        let mut table = HashTable {
            buckets: vec![Bucket::default(); buckets],
            mask: buckets - 1,
            len: 0,
        };
        for (h, v) in pairs {
            let tag = HashTable::<V>::tag(h);
            let mut b = table.home(h);
            // The first slot with this tag or empty, from the home bucket on; slots fill in
            // order, so a bucket with an empty slot ends every probe.
            let (b, i) = loop {
                let tags = &table.buckets[b].tags;
                if let Some(i) = tags.iter().position(|&t| t == tag || t == 0) {
                    break (b, i);
                }
                b = (b + 1) & table.mask;
            };
            let bucket = &mut table.buckets[b];
            if bucket.tags[i] == 0 {
                table.len += 1;
            }
            bucket.tags[i] = tag;
            bucket.values[i] = v;
        }
        table
    }

    /// The high half of the hash, never 0 (which marks an empty slot).
    fn tag(h: u64) -> u32 {
        ((h >> 32) as u32).max(1)
    }

    fn home(&self, h: u64) -> usize {
        (h ^ (h >> 29)) as usize & self.mask
    }

    /// The value of hash `h`, if it has one.
    pub fn get(&self, h: u64) -> Option<V> {
        let tag = HashTable::<V>::tag(h);
        let mut b = self.home(h);
        loop {
            let bucket = self.buckets.get(b)?;
            if let Some(i) = bucket.tags.iter().position(|&t| t == tag) {
                return Some(bucket.values[i]);
            }
            if bucket.tags[3] == 0 {
                return None;
            }
            b = (b + 1) & self.mask;
        }
    }

    /// The value of hash `h`, or `V::default()`: as `get`, but without a branch on the answer.
    pub fn value_or_default(&self, h: u64) -> V {
        let tag = HashTable::<V>::tag(h);
        let mut b = self.home(h);
        loop {
            let Some(bucket) = self.buckets.get(b) else {
                return V::default();
            };
            let found = bucket
                .tags
                .iter()
                .enumerate()
                .fold(0u32, |m, (i, &t)| m | u32::from(t == tag) << i);
            // Bit 4: the bucket has room, so the hash is in no later one.
            let end = found | u32::from(bucket.tags[3] == 0) << 4;
            if end != 0 {
                // A miss reads the default after the slots (`found` has no bit: 32 zeros).
                let i = (found.trailing_zeros() as usize).min(4);
                return bucket.values.get(i).copied().unwrap_or_default();
            }
            b = (b + 1) & self.mask;
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
    fn le_word_is_the_bytes_folded() {
        let bytes: Vec<u8> = (1..=12).map(|i| i * 17).collect();
        for n in 0..=12 {
            let b = &bytes[..n];
            let folded = b[..n.min(8)]
                .iter()
                .rev()
                .fold(0u64, |w, &x| (w << 8) | u64::from(x));
            assert_eq!(le_word(b), folded, "{n} bytes");
        }
    }

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
        assert_eq!(HashTable::<f64>::new([]).value_or_default(7), 0.0);
        // Without a branch, the same answers.
        for i in 0..13000u64 {
            let h = fnv(FNV_OFFSET, &i.to_le_bytes());
            assert_eq!(table.value_or_default(h), table.get(h).unwrap_or_default());
        }
        // Hashes that share a home bucket overflow into the next ones.
        let crowded: Vec<(u64, f64)> = (0..40u64).map(|i| ((i + 1) << 40, i as f64)).collect();
        let table = HashTable::new(crowded.clone());
        for (h, w) in &crowded {
            assert_eq!((table.get(*h), table.value_or_default(*h)), (Some(*w), *w));
        }
        assert_eq!(
            (table.get(41 << 40), table.value_or_default(41 << 40)),
            (None, 0.0)
        );
    }
}
