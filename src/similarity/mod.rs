//! Sentence similarity from static piece vectors, distilled from Google's Universal Sentence
//! Encoder multilingual v3 (the teacher; Apache-2.0) by `scripts/build-similarity.sh`.
//!
//! A text is cut into the teacher's SentencePiece pieces (its normaliser and unigram Viterbi,
//! over the 32,000 kept pieces); its vector is the sum of its pieces' vectors, L2-normalised;
//! two texts are as similar as the cosine of their vectors. The vectors were fitted so that
//! this cosine follows the teacher's, and they keep much of its cross-lingual alignment: a
//! sentence and its translation come out close. A character no kept piece covers (an emoji, a
//! rare script) gets a vector of its own, hashed from the character.
//!
//! ```
//! use crosscheck::similarity::{cosine, model};
//! let m = model();
//! let a = m.embed("ISIS leaders fled to Turkey");
//! let b = m.embed("Islamic State commanders took refuge in Turkey");
//! let c = m.embed("The central bank raised interest rates");
//! assert!(cosine(&a, &b) > cosine(&a, &c));
//! ```
//!
//! The model (`data/model/similarity.bin`) is compiled in and read in place; the first call to
//! [`model`] builds the tokeniser's prefix table (a few milliseconds).

mod model;
mod tokenizer;

pub use model::Model;
pub use tokenizer::Token;

use std::sync::OnceLock;

static ARTEFACT: &[u8] = include_bytes!("../../data/model/similarity.bin");

/// The compiled-in model, parsed on first use.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(ARTEFACT).unwrap_or_else(Model::empty))
}

/// The dot product of two vectors summed exactly as [`cosine`] sums it, so that
/// `cosine_of(dot(a, b), squares(a), squares(b))` is `cosine(a, b)` to the bit: the squares of
/// a vector compared with many others are summed once.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut ab8 = [0f32; 8];
    let (ac, bc) = (a.chunks_exact(8), b.chunks_exact(8));
    let mut ab = 0.0f32;
    for (&x, &y) in ac.remainder().iter().zip(bc.remainder()) {
        ab += x * y;
    }
    for (x, y) in ac.zip(bc) {
        for k in 0..8 {
            ab8[k] += x[k] * y[k];
        }
    }
    ab + ab8.iter().sum::<f32>()
}

/// The sum of a vector's squares, as [`cosine`] sums it (see [`dot`]).
pub fn squares(a: &[f32]) -> f32 {
    dot(a, a)
}

/// The cosine from [`dot`] and the two [`squares`].
pub fn cosine_of(ab: f32, aa: f32, bb: f32) -> f32 {
    if aa > 0.0 && bb > 0.0 {
        ab / (aa.sqrt() * bb.sqrt())
    } else {
        0.0
    }
}

/// The cosine of two vectors: 1 same direction, 0 unrelated (or either is all zeros). Only
/// the common length counts.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    // Eight running sums of each, which the compiler turns into vector instructions (one sum
    // would keep it to one multiply at a time).
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let (mut ab8, mut aa8, mut bb8) = ([0f32; 8], [0f32; 8], [0f32; 8]);
    let (ac, bc) = (a.chunks_exact(8), b.chunks_exact(8));
    let (mut ab, mut aa, mut bb) = (0.0f32, 0.0f32, 0.0f32);
    for (&x, &y) in ac.remainder().iter().zip(bc.remainder()) {
        ab += x * y;
        aa += x * x;
        bb += y * y;
    }
    for (x, y) in ac.zip(bc) {
        for k in 0..8 {
            ab8[k] += x[k] * y[k];
            aa8[k] += x[k] * x[k];
            bb8[k] += y[k] * y[k];
        }
    }
    ab += ab8.iter().sum::<f32>();
    aa += aa8.iter().sum::<f32>();
    bb += bb8.iter().sum::<f32>();
    if aa > 0.0 && bb > 0.0 {
        ab / (aa.sqrt() * bb.sqrt())
    } else {
        0.0
    }
}
