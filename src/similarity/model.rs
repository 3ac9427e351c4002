//! The piece vectors: `data/model/similarity.bin` read in place.
//!
//! The file (little-endian; each section starts at a multiple of 4 bytes, zero padded):
//! magic `XSIM`, then u32 version (1), dim, pieces, bits (8 or 4); f32 the teacher's lowest
//! piece score, f32 the fallback scale; u32 the longest piece in characters; then the pieces'
//! byte lengths (u8 each), the pieces' text (UTF-8, concatenated), their scores (f32 each),
//! each row's scale (the high 16 bits of an f32, "bf16"), and the rows: `dim` signed bytes per
//! piece, or `dim / 2` bytes of two signed 4-bit codes (byte j: dimension j in the low nibble,
//! dimension j + dim / 2 in the high one, so that both halves decode in straight runs). A
//! row's vector is its codes times its scale. Written by `scripts/build-similarity.sh`.

use super::tokenizer::{self, Lattice, Token, Vocab};
use std::cell::RefCell;

const MAGIC: &[u8; 4] = b"XSIM";
const VERSION: u32 = 1;
/// How many words the per-thread cache keeps (a power of two).
const CACHE_WORDS: usize = 16384;
/// Longer words, or words of more pieces, are segmented every time rather than cached.
const CACHE_WORD_BYTES: usize = 30;
const CACHE_WORD_TOKENS: usize = 8;

/// The static-vector sentence model: kept pieces, their scores for the tokeniser, and a
/// quantised vector per piece. Get it with [`super::model`].
pub struct Model {
    dim: usize,
    bits: u32,
    fallback: f32,
    scales: &'static [u8],
    codes: &'static [u8],
    vocab: Vocab,
}

/// Cuts `bytes` into the header's fields and the sections, in order.
struct Reader {
    bytes: &'static [u8],
    at: usize,
}

impl Reader {
    fn take(&mut self, n: usize) -> Option<&'static [u8]> {
        let bytes: &'static [u8] = self.bytes;
        let part = bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n.next_multiple_of(4);
        Some(part)
    }
    fn u32(&mut self) -> Option<u32> {
        let b = self.take(4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Option<f32> {
        self.u32().map(f32::from_bits)
    }
}

impl Model {
    /// The model in `bytes` (the artefact's format, above), or None if it is not one.
    pub(crate) fn parse(bytes: &'static [u8]) -> Option<Model> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC || r.u32()? != VERSION {
            return None;
        }
        let dim = r.u32()? as usize;
        let pieces = r.u32()? as usize;
        let bits = r.u32()?;
        let lowest_score = r.f32()?;
        let fallback = r.f32()?;
        let max_chars = r.u32()? as usize;
        if dim == 0 || !(bits == 8 || bits == 4 && dim % 2 == 0) {
            return None;
        }
        let lengths = r.take(pieces)?;
        let text_len = lengths.iter().map(|&n| usize::from(n)).sum();
        let text = r.take(text_len)?;
        let scores = r.take(4 * pieces)?;
        let scales = r.take(2 * pieces)?;
        let codes = r.take(pieces * dim * bits as usize / 8)?;
        if r.at != bytes.len() {
            return None;
        }
        let vocab = Vocab::new(lengths, text, scores, lowest_score, max_chars)?;
        Some(Model {
            dim,
            bits,
            fallback,
            scales,
            codes,
            vocab,
        })
    }

    /// A model with no pieces: every text embeds to zeros (what [`super::model`] gives if the
    /// compiled-in artefact did not parse, which a test rules out).
    pub(crate) fn empty() -> Model {
        Model {
            dim: 1,
            bits: 8,
            fallback: 0.0,
            scales: &[],
            codes: &[],
            vocab: Vocab::empty(),
        }
    }

    /// How many dimensions a vector has.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// How many pieces the vocabulary has.
    pub fn pieces(&self) -> usize {
        self.vocab.len()
    }

    /// The text of piece `id` (SentencePiece's "▁" marks a word's start; empty when out of range).
    pub fn piece(&self, id: u32) -> &'static str {
        self.vocab.piece(id as usize)
    }

    /// True when `word` (no spaces, normalised) starting a word is one whole piece of the
    /// vocabulary: a word frequent enough in the teacher's text to have a piece of its own. The
    /// vocabulary is cased, so a word in lower case that has one is a common word ("humanity",
    /// "doctors"), while most surnames have a piece only capitalised ("Smith").
    pub fn is_word(&self, word: &str) -> bool {
        if word.is_empty() {
            return false;
        }
        let mut piece = String::with_capacity(word.len() + 3);
        piece.push(tokenizer::SPACE_MARK);
        piece.push_str(word);
        self.vocab.has_piece(&piece)
    }

    /// The text's vector: the sum of its pieces' vectors, L2-normalised; all zeros for a text
    /// with no pieces (empty or only spaces). Compare two with [`super::cosine`].
    pub fn embed(&self, text: &str) -> Vec<f32> {
        let mut out = vec![0.0; self.dim];
        self.embed_into(text, &mut out);
        out
    }

    /// [`Model::embed`] into `out`, which should have [`Model::dim`] entries (extra entries are
    /// set to 0; a shorter `out` gets the first dimensions, normalised). Allocates nothing once
    /// the thread's buffers have grown, when `out` has the right size.
    pub fn embed_into(&self, text: &str, out: &mut [f32]) {
        self.sized(out, |sum| self.sum_into(text, sum));
        let norm = out.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            out.iter_mut().for_each(|x| *x /= norm);
        }
    }

    /// The vector of one word: the sum of its pieces' vectors, not normalised (its length grows
    /// with the word's weight; [`super::cosine`] ignores it). To align the words of two
    /// sentences, compare each word's vector with every word of the other and keep the best
    /// cosine. A "word" with spaces gets the sum over its words. Sizes of `out` as in
    /// [`Model::embed_into`].
    pub fn word_into(&self, word: &str, out: &mut [f32]) {
        self.sized(out, |sum| self.sum_into(word, sum));
    }

    /// The units the model sees in `text`, in order: kept pieces, and characters no kept piece
    /// covers. For inspection and tests; [`Model::embed`] needs none of it.
    pub fn tokens(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        with_scratch(|s| {
            tokenizer::for_each_word(text, &mut s.buf, |word| {
                tokenizer::segment(&self.vocab, word, &mut s.lattice, &mut out);
            });
        });
        out
    }

    /// Runs `fill` on `out` when it has `dim` entries, else on a buffer of `dim` copied back
    /// into as much of `out` as there is (the rest set to 0).
    fn sized(&self, out: &mut [f32], fill: impl FnOnce(&mut [f32])) {
        if out.len() == self.dim {
            fill(out);
        } else {
            let mut sum = vec![0.0; self.dim];
            fill(&mut sum);
            out.fill(0.0);
            let n = out.len().min(self.dim);
            out[..n].copy_from_slice(&sum[..n]);
        }
    }

    /// `out` (`dim` entries) = the sum of the vectors of the pieces of `text`.
    fn sum_into(&self, text: &str, out: &mut [f32]) {
        out.fill(0.0);
        with_scratch(|s| {
            let Scratch {
                buf,
                lattice,
                cache,
                tokens,
            } = s;
            let mut codes = [0u32; CACHE_WORD_TOKENS];
            tokenizer::for_each_word(text, buf, |word| {
                if let Some(n) = cache.get(word, &mut codes) {
                    for &code in &codes[..n] {
                        self.add_token(decode(code), out);
                    }
                } else {
                    tokens.clear();
                    tokenizer::segment(&self.vocab, word, lattice, tokens);
                    cache.put(word, tokens);
                    for &token in tokens.iter() {
                        self.add_token(token, out);
                    }
                }
            });
        });
    }

    #[inline]
    fn add_token(&self, token: Token, out: &mut [f32]) {
        match token {
            Token::Piece(p) => self.add_row(p as usize, out),
            Token::Char(c) => self.add_fallback(c, out),
        }
    }

    /// `out` += row `p`'s vector.
    #[inline]
    fn add_row(&self, p: usize, out: &mut [f32]) {
        let Some(s) = self.scales.get(2 * p..2 * p + 2) else {
            return;
        };
        let scale = f32::from_bits(u32::from(u16::from_le_bytes([s[0], s[1]])) << 16);
        if self.bits == 8 {
            let Some(row) = self.codes.get(p * self.dim..(p + 1) * self.dim) else {
                return;
            };
            for (o, &c) in out.iter_mut().zip(row) {
                *o += scale * f32::from(c as i8);
            }
        } else {
            // byte j: dimension j in the low nibble, dimension j + dim/2 in the high one
            let half = self.dim / 2;
            let Some(row) = self.codes.get(p * half..(p + 1) * half) else {
                return;
            };
            let (low, high) = out.split_at_mut(half);
            for ((l, h), &b) in low.iter_mut().zip(high.iter_mut()).zip(row) {
                *l += scale * f32::from(((b << 4) as i8) >> 4);
                *h += scale * f32::from((b as i8) >> 4);
            }
        }
    }

    /// `out` += the vector of a character no kept piece covers: ±the fallback scale in each
    /// dimension, the signs the bits of splitmix64 seeded with the code point, 64 at a time.
    /// Equal characters match; different ones are nearly orthogonal.
    fn add_fallback(&self, c: char, out: &mut [f32]) {
        let mut state = u64::from(c);
        for block in out.chunks_mut(64) {
            let bits = splitmix64(&mut state);
            for (j, o) in block.iter_mut().enumerate() {
                *o += if bits >> j & 1 == 1 {
                    self.fallback
                } else {
                    -self.fallback
                };
            }
        }
    }
}

/// splitmix64: the next number of the sequence seeded by `state`.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A thread's buffers: the normalised chunk, the Viterbi's arrays, and its word cache.
#[derive(Default)]
struct Scratch {
    buf: String,
    lattice: Lattice,
    cache: WordCache,
    tokens: Vec<Token>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's buffers (fresh ones if they are in use, which cannot happen
/// unless `f` calls back in).
fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => f(&mut scratch),
        Err(_) => f(&mut Scratch::default()),
    })
}

/// Words to their pieces, direct-mapped by hash: a word replaces whatever word was in its
/// slot. News repeats its words, so most words are segmented once per thread; the results are
/// the same with or without it. A slot holds the word and its pieces inline (one cache line),
/// for words of up to CACHE_WORD_BYTES bytes and CACHE_WORD_TOKENS pieces. Slots are plain
/// arrays of numbers, so the cache starts as zeroed memory the allocator need not write.
#[derive(Default)]
struct WordCache {
    slots: Vec<[u32; SLOT_WORDS]>,
}

/// A slot: the word's length in bytes (0 marks an empty slot) and its piece count, then the
/// word's bytes, in [`WORD_AT`]..[`CODES_AT`]; then the pieces, as [`encode`] writes them.
const SLOT_WORDS: usize = 16;
const WORD_AT: usize = 2;
const CODES_AT: usize = SLOT_WORDS - CACHE_WORD_TOKENS;
const _: () = assert!(WORD_AT + CACHE_WORD_BYTES <= 4 * CODES_AT);

/// A slot's bytes before its pieces.
fn slot_bytes(slot: &[u32; SLOT_WORDS]) -> [u8; 4 * CODES_AT] {
    let mut b = [0u8; 4 * CODES_AT];
    for (chunk, w) in b.chunks_exact_mut(4).zip(&slot[..CODES_AT]) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    b
}

/// A token as a number: a piece index, or a character with the top bit set.
fn encode(token: Token) -> u32 {
    match token {
        Token::Piece(p) => p,
        Token::Char(c) => 1 << 31 | u32::from(c),
    }
}

fn decode(code: u32) -> Token {
    if code >> 31 == 0 {
        Token::Piece(code)
    } else {
        Token::Char(char::from_u32(code & !(1 << 31)).unwrap_or('\u{fffd}'))
    }
}

impl WordCache {
    fn slot(&mut self, word: &str) -> Option<&mut [u32; SLOT_WORDS]> {
        if word.len() > CACHE_WORD_BYTES {
            return None;
        }
        if self.slots.is_empty() {
            self.slots = vec![[0; SLOT_WORDS]; CACHE_WORDS];
        }
        let h = crate::hash::fnv(crate::hash::FNV_OFFSET, word.as_bytes());
        self.slots
            .get_mut((h ^ h >> 32) as usize & (CACHE_WORDS - 1))
    }

    /// The pieces of `word` (as [`encode`] writes them), if it is in the cache.
    fn get(&mut self, word: &str, out: &mut [u32; CACHE_WORD_TOKENS]) -> Option<usize> {
        let slot = self.slot(word)?;
        let b = slot_bytes(slot);
        let same = usize::from(b[0]) == word.len()
            && b.get(WORD_AT..WORD_AT + word.len()) == Some(word.as_bytes());
        if !same {
            return None;
        }
        out.copy_from_slice(&slot[CODES_AT..]);
        Some(usize::from(b[1]).min(CACHE_WORD_TOKENS))
    }

    /// Keeps the pieces of `word` (when they fit in a slot).
    fn put(&mut self, word: &str, tokens: &[Token]) {
        if word.is_empty() || tokens.len() > CACHE_WORD_TOKENS {
            return;
        }
        let Some(slot) = self.slot(word) else {
            return;
        };
        let mut b = [0u8; 4 * CODES_AT];
        b[0] = word.len() as u8;
        b[1] = tokens.len() as u8;
        b[WORD_AT..WORD_AT + word.len()].copy_from_slice(word.as_bytes());
        for (w, chunk) in slot.iter_mut().zip(b.chunks_exact(4)) {
            *w = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        for (code, &token) in slot[CODES_AT..].iter_mut().zip(tokens) {
            *code = encode(token);
        }
    }
}
