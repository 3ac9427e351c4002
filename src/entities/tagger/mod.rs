//! The learned name tagger: an averaged perceptron over BIO tags for PER, LOC, ORG and MISC,
//! decoded greedily left to right, with hashed features (see [`features`]).
//!
//! The weights come from `data/model/ner.bin`, written by `crosscheck train-ner` (see
//! `scripts/train-ner.sh`) and compiled into the binary; they are parsed once, on first use.
//! The file: magic `CCNER3`, the table's bit width, the class count, the feature version (u32),
//! the weight unit (f32), the lexicon's bit width; then, numbers as u32 (little-endian) and
//! ascending indexes as LEB128 gaps (the first from 0): the `i8` rows (count, indexes, then one
//! column of weights per class), the few `i16` rows (count, indexes, their weights), the
//! lexicon's set bits (count, indexes), and the word-vector projection (rows, dimension, then
//! each row: its scale as f32 bits and its `i8` codes; see `features::Projection`). Plain bytes
//! rather than an entropy code: reading them takes a millisecond where decoding took ten, and
//! the page's transfer is gzipped anyway (the file gzips to 137 KB, a range coder's to 108 KB).

pub mod features;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

use crate::entities::Tokens;
use std::ops::Range;
use std::sync::OnceLock;

/// How many tags: O and B/I for four types.
pub const CLASSES: usize = 9;

/// The tags, by index.
pub const TAGS: [&str; CLASSES] = [
    "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];

/// The four entity types, in tag order (tag `2k + 1` begins type `k`).
pub const TYPES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];

/// The tag index of "B-X"/"I-X"/"O", or `None` for anything else.
pub fn tag_index(tag: &str) -> Option<u8> {
    TAGS.iter().position(|t| *t == tag).map(|p| p as u8)
}

/// True when tag `next` may follow tag `prev` (an I-X only after B-X or I-X).
#[inline]
pub fn allowed(prev: u8, next: u8) -> bool {
    next == 0 || next % 2 == 1 || (prev != 0 && prev.div_ceil(2) == next.div_ceil(2))
}

/// Anything that scores feature hashes per class.
pub trait Weights {
    /// Adds the weights of every feature hash in `feats` to `scores`.
    fn add(&self, feats: &[u64], scores: &mut [f32; CLASSES]);
    /// The lexicon of lower-case words the features use.
    fn lexicon(&self) -> &features::Lexicon;
}

/// Tags one sentence greedily; `out` gets one tag index per token.
#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
pub fn tag_sentence<W: Weights + ?Sized>(
    w: &W,
    t: &Tokens,
    r: Range<usize>,
    s: &mut features::Scratch,
    out: &mut Vec<u8>,
) {
    // Cached scores belong to one set of weights.
    let me = w as *const W as *const () as usize;
    if s.scored_by != me {
        s.own_scores.iter_mut().for_each(|x| *x = None);
        s.scored_by = me;
    }
    features::sentence(t, r.clone(), w.lexicon(), s);
    out.clear();
    let (mut p1, mut p2) = (0u8, 0u8);
    let mut ctx = std::mem::take(&mut s.feats);
    for i in 0..r.len() {
        if p1 == 0 && !features::may_start(s, i) {
            out.push(0);
            p2 = p1;
            p1 = 0;
            continue;
        }
        // A token's own features score the same wherever it is: once per distinct string.
        let e = s.entry(i);
        let mut scores = match s.own_scores[e] {
            Some(sc) => sc,
            None => {
                let mut sc = [0f32; CLASSES];
                w.add(s.own(i), &mut sc);
                s.own_scores[e] = Some(sc);
                sc
            }
        };
        ctx.clear();
        features::context(s, i, &mut ctx);
        w.add(&ctx, &mut scores);
        let (word, shape) = features::word_shape(s, i);
        w.add(&features::dynamic(p1, p2, word, shape), &mut scores);
        let best = best_allowed(&scores, p1);
        out.push(best);
        p2 = p1;
        p1 = best;
    }
    s.feats = ctx;
}

/// The highest-scoring tag that may follow `prev`; ties go to the lower index (O first).
#[inline]
pub fn best_allowed(scores: &[f32; CLASSES], prev: u8) -> u8 {
    let mut best = 0u8;
    for c in 1..CLASSES as u8 {
        if allowed(prev, c) && scores[c as usize] > scores[best as usize] {
            best = c;
        }
    }
    best
}

/// Entities from tags: `(token range, type index into TYPES)`.
pub fn spans(tags: &[u8]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 {
            i += 1;
            continue;
        }
        let ty = (t as usize - 1) / 2;
        let mut j = i + 1;
        while j < tags.len() && tags[j] as usize == 2 * ty + 2 {
            j += 1;
        }
        out.push((i..j, ty));
        i = j;
    }
    out
}

/// The compiled-in model: a dense table of `i8` weights in units of `scale`; the few rows with
/// a weight beyond ±127 units (features that fire on almost every token: the bias, the
/// previous tag) are `i16`, kept apart and marked in the table by [`HEAVY`].
pub struct Model {
    bits: u32,
    rows: Vec<[i8; CLASSES]>,
    heavy: Vec<[i16; CLASSES]>,
    lexicon: features::Lexicon,
}

/// First weight of a row that is kept in `Model::heavy`; the next two bytes are its index there.
const HEAVY: i8 = i8::MIN;

const MAGIC: &[u8; 6] = b"CCNER3";

/// Magic, table bits, classes, feature version, unit (f32), lexicon bits.
const HEADER: usize = 17;

/// Reads the model file's sections in order.
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let part = self
            .at
            .checked_add(n)
            .and_then(|end| self.b.get(self.at..end))
            .ok_or("model file is truncated")?;
        self.at += n;
        Ok(part)
    }

    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// An unsigned LEB128 number of at most 32 bits.
    fn varint(&mut self) -> Result<u32, String> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let byte = self.take(1)?[0];
            v |= u32::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("bad number in the model file".into())
    }

    /// `n` ascending indexes below `size`, stored as gaps (the first from 0).
    fn indexes(&mut self, n: usize, size: usize) -> Result<Vec<usize>, String> {
        let mut out = Vec::with_capacity(n.min(size));
        let mut at = 0usize;
        for k in 0..n {
            let gap = self.varint()? as usize;
            if k > 0 && gap == 0 {
                return Err("model indexes out of order".into());
            }
            at = at
                .checked_add(gap)
                .filter(|&a| a < size)
                .ok_or("model row out of range")?;
            out.push(at);
        }
        Ok(out)
    }
}

impl Model {
    /// Parses a model file.
    pub fn parse(b: &[u8]) -> Result<Model, String> {
        if b.len() < HEADER || &b[..6] != MAGIC {
            return Err("not a crosscheck NER model".into());
        }
        let bits = u32::from(b[6]);
        let classes = usize::from(b[7]);
        let version = u32::from_le_bytes(b[8..12].try_into().unwrap());
        let lex_bits = u32::from(b[16]);
        if classes != CLASSES || !(8..=24).contains(&bits) || lex_bits > 24 {
            return Err(format!(
                "model has {classes} classes, {bits} bits, a {lex_bits}-bit lexicon"
            ));
        }
        if version != features::VERSION {
            return Err(format!(
                "model was trained with features v{version}, this build has v{}",
                features::VERSION
            ));
        }
        let mut r = Reader { b, at: HEADER };
        let size = 1usize << bits;
        let mut rows = vec![[0i8; CLASSES]; size];
        let n = r.u32()? as usize;
        let index = r.indexes(n, size)?;
        // `indexes` checked that they ascend below `size`, so `n` is at most `size`.
        let columns = r.take(n * CLASSES)?;
        for (c, column) in columns.chunks_exact(n.max(1)).enumerate() {
            for (&i, &w) in index.iter().zip(column) {
                rows[i][c] = w as i8;
            }
        }
        let nheavy = r.u32()? as usize;
        if nheavy > usize::from(u16::MAX) {
            return Err("too many heavy rows".into());
        }
        let mut heavy = Vec::with_capacity(nheavy);
        for (k, i) in r.indexes(nheavy, size)?.into_iter().enumerate() {
            let mut w = [0i16; CLASSES];
            for (x, b) in w.iter_mut().zip(r.take(2 * CLASSES)?.chunks_exact(2)) {
                *x = i16::from_le_bytes([b[0], b[1]]);
            }
            heavy.push(w);
            let [lo, hi] = (k as u16).to_le_bytes();
            rows[i] = [HEAVY, lo as i8, hi as i8, 0, 0, 0, 0, 0, 0];
        }
        let mut lexicon = features::Lexicon::new(lex_bits);
        let ones = r.u32()? as usize;
        for k in r.indexes(ones, 1 << lex_bits)? {
            lexicon.set_bit(k as u32);
        }
        let prows = r.u32()? as usize;
        let dim = r.u32()? as usize;
        if prows.saturating_mul(dim) > 1 << 16 {
            return Err("bad projection".into());
        }
        let mut projection = Vec::with_capacity(prows * dim);
        for _ in 0..prows {
            let scale = f32::from_bits(r.u32()?);
            if !scale.is_finite() {
                return Err("bad projection".into());
            }
            projection.extend(r.take(dim)?.iter().map(|&q| f32::from(q as i8) * scale));
        }
        lexicon.projection = features::Projection::new(projection);
        if r.at != b.len() {
            return Err("model file has bytes after its end".into());
        }
        Ok(Model {
            bits,
            rows,
            heavy,
            lexicon,
        })
    }

    /// The model in `data/model/ner.bin`, parsed once. A model that does not parse (it is
    /// tested not to happen) tags nothing rather than panic.
    pub fn get() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| {
            Model::parse(include_bytes!("../../../data/model/ner.bin")).unwrap_or(Model {
                bits: 0,
                rows: vec![[0; CLASSES]],
                heavy: Vec::new(),
                lexicon: features::Lexicon::default(),
            })
        })
    }

    /// True when `lower` (a word in lower case) is in the lexicon of lower-case words of the
    /// tagger's training text.
    pub fn is_common_word(&self, lower: &str) -> bool {
        self.lexicon.has_word(lower)
    }

    /// The row of feature hash `h`.
    #[inline]
    fn row(&self, h: u64) -> usize {
        if self.bits == 0 {
            0
        } else {
            (h >> (64 - self.bits)) as usize
        }
    }
}

impl Weights for Model {
    #[inline]
    fn add(&self, feats: &[u64], scores: &mut [f32; CLASSES]) {
        let mut acc = [0i32; CLASSES];
        for &h in feats {
            let r = &self.rows[self.row(h)];
            if r[0] == HEAVY {
                let w = &self.heavy[usize::from(u16::from_le_bytes([r[1] as u8, r[2] as u8]))];
                for c in 0..CLASSES {
                    acc[c] += i32::from(w[c]);
                }
            } else {
                for c in 0..CLASSES {
                    acc[c] += i32::from(r[c]);
                }
            }
        }
        for c in 0..CLASSES {
            scores[c] += acc[c] as f32;
        }
    }

    fn lexicon(&self) -> &features::Lexicon {
        &self.lexicon
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_parses() {
        let m = Model::parse(include_bytes!("../../../data/model/ner.bin")).unwrap();
        assert!(m.bits >= 8);
        assert!(m.rows.iter().any(|r| r.iter().any(|&x| x != 0)));
    }

    #[test]
    fn bio_constraints() {
        assert!(allowed(0, 1));
        assert!(!allowed(0, 2));
        assert!(allowed(1, 2) && allowed(2, 2));
        assert!(!allowed(3, 2));
        assert_eq!(
            spans(&[1, 2, 0, 3, 5, 6]),
            [(0..2, 0), (3..4, 1), (4..6, 2)]
        );
    }
}
