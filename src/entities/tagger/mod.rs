//! The learned name tagger: an averaged perceptron over BIO tags for PER, LOC, ORG and MISC,
//! decoded greedily left to right, with hashed features (see [`features`]).
//!
//! The weights come from `data/model/ner.bin`, written by `crosscheck train-ner` (see
//! `scripts/train-ner.sh`) and compiled into the binary; they are parsed once, on first use.
//! The file: magic `CCNER2`, the table's bit width, the class count, the feature version (u32),
//! the weight unit (f32), the lexicon's bit width; then, range coded (see [`coder`]), the `i8`
//! rows (index gaps, then each class: zero or not, sign, magnitude), the few `i16` rows, the
//! lexicon's set bits, and the word-vector projection (rows, dimension, then each row: its scale
//! as f32 bits and its `i8` codes; see `features::Projection`).

pub mod coder;
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

const MAGIC: &[u8; 6] = b"CCNER2";

/// Magic, table bits, classes, feature version, unit (f32), lexicon bits.
const HEADER: usize = 17;

/// The adaptive probabilities of the model file's range coding: the decoder and the encoder
/// (`train`) walk the same contexts in the same order.
#[derive(Default)]
struct Contexts {
    count: coder::Gamma,
    index: coder::Gamma,
    /// Is the weight of class `c` non-zero, after a zero (1) or not (0) in the same row.
    nonzero: [[coder::Prob; 2]; CLASSES],
    sign: [coder::Prob; CLASSES],
    magnitude: [coder::Gamma; CLASSES],
    heavy: coder::Gamma,
    lexicon: coder::Gamma,
    projection: coder::Gamma,
}

/// 0, -1, 1, -2, … from 0, 1, 2, 3, …
fn unzigzag(z: u32) -> i16 {
    ((z >> 1) as i32 ^ -((z & 1) as i32)) as i16
}

/// The inverse of [`unzigzag`].
#[cfg(not(target_arch = "wasm32"))]
fn zigzag(v: i16) -> u32 {
    ((i32::from(v) << 1) ^ (i32::from(v) >> 31)) as u32
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
        let mut d = coder::Decoder::new(&b[HEADER..]);
        let mut cx = Contexts::default();
        let size = 1usize << bits;
        let mut rows = vec![[0i8; CLASSES]; size];
        let mut heavy = Vec::new();
        let next = |d: &mut coder::Decoder, g: &mut coder::Gamma, at: &mut usize| {
            // Indexes are coded as gaps from the last one (the first from -1).
            *at = at.wrapping_add(d.gamma(g) as usize);
            (*at < size).then_some(*at).ok_or("model row out of range")
        };
        let count = d.gamma(&mut cx.count) as usize - 1;
        let mut at = usize::MAX;
        for _ in 0..count {
            let r = next(&mut d, &mut cx.index, &mut at)?;
            let mut zero = true;
            for (c, w) in rows[r].iter_mut().enumerate() {
                zero = !d.bit(&mut cx.nonzero[c][usize::from(zero)]);
                if !zero {
                    let negative = d.bit(&mut cx.sign[c]);
                    let m = d.gamma(&mut cx.magnitude[c]).min(127) as i8;
                    *w = if negative { -m } else { m };
                }
            }
            if d.overrun() {
                return Err("model file is truncated".into());
            }
        }
        let nheavy = d.gamma(&mut cx.count) as usize - 1;
        if nheavy > usize::from(u16::MAX) {
            return Err("too many heavy rows".into());
        }
        let mut at = usize::MAX;
        for k in 0..nheavy {
            let r = next(&mut d, &mut cx.index, &mut at)?;
            let mut w = [0i16; CLASSES];
            for x in &mut w {
                *x = unzigzag(d.gamma(&mut cx.heavy) - 1);
            }
            heavy.push(w);
            let [lo, hi] = (k as u16).to_le_bytes();
            rows[r] = [HEAVY, lo as i8, hi as i8, 0, 0, 0, 0, 0, 0];
        }
        let mut lexicon = features::Lexicon::new(lex_bits);
        let ones = d.gamma(&mut cx.count) as usize - 1;
        let mut at = u32::MAX;
        for _ in 0..ones {
            at = at.wrapping_add(d.gamma(&mut cx.lexicon));
            if !lexicon.set_bit(at) {
                return Err("bad lexicon".into());
            }
        }
        let prows = d.gamma(&mut cx.count) as usize - 1;
        let dim = d.gamma(&mut cx.count) as usize - 1;
        if prows.saturating_mul(dim) > 1 << 16 {
            return Err("bad projection".into());
        }
        let mut projection = Vec::with_capacity(prows * dim);
        for _ in 0..prows {
            let scale = f32::from_bits(d.gamma(&mut cx.count).wrapping_sub(1));
            if !scale.is_finite() {
                return Err("bad projection".into());
            }
            for _ in 0..dim {
                let q = unzigzag(d.gamma(&mut cx.projection) - 1);
                projection.push(f32::from(q) * scale);
            }
        }
        lexicon.projection = features::Projection::new(projection);
        if d.overrun() {
            return Err("model file is truncated".into());
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
