//! Text → pieces, as the teacher's tokeniser cuts it (SentencePiece unigram, USE multilingual
//! v3), over the kept pieces only.
//!
//! Normalising: the teacher's `nmt_nfkc` is NFKC (of its Unicode version) plus its own
//! whitespace rules ([`is_teacher_space`]) and one exception (it keeps the fullwidth tilde).
//! This module applies NFKC from `unicode-normalization` plus the same rules, which gives the
//! teacher's text on every fixture (`tests/fixtures/similarity.json`); it can differ on
//! characters newer than the teacher's tables (some modifier letters) and on odd orders of
//! combining marks. No piece crosses a space, so the text is cut into words and each word,
//! with the space mark in front, is segmented alone by the unigram Viterbi.

use crate::hash::{fnv, FNV_OFFSET};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// SentencePiece's mark for a space, in front of every word.
pub const SPACE_MARK: char = '\u{2581}';

/// Words longer than this many characters (the space mark included) are cut into parts of this
/// many, to bound the work on text that is no text (the teacher would not cut them).
pub const MAX_WORD: usize = 256;

/// One unit of a text as the model sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token {
    /// A kept piece, by its index in the model's vocabulary.
    Piece(u32),
    /// A character no kept piece covers; it gets a hashed vector of its own.
    Char(char),
}

/// Characters the teacher's normaliser makes spaces besides those NFKC makes spaces (its table
/// maps them to a space: controls that break lines, zero-width and direction marks, the byte
/// order mark, the replacement character, and the space mark itself).
fn is_teacher_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\u{c}'
            | '\u{1680}'
            | '\u{200b}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{2581}'
            | '\u{feff}'
            | '\u{fffd}'
    )
}

/// Calls `f` with each word of `text`, normalised as the teacher normalises (a word is what
/// spaces separate after normalising). `buf` holds the normalised text of a chunk that needed
/// it. ASCII and already-normalised chunks are passed as they are.
pub fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    for chunk in text.split(is_teacher_space) {
        if chunk.is_empty() {
            continue;
        }
        if chunk.is_ascii() || is_nfkc_quick(chunk.chars()) == IsNormalized::Yes {
            f(chunk);
            continue;
        }
        buf.clear();
        // NFKC would make the fullwidth tilde a '~'; the teacher keeps it.
        for (i, part) in chunk.split('\u{ff5e}').enumerate() {
            if i > 0 {
                buf.push('\u{ff5e}');
            }
            buf.extend(part.nfkc());
        }
        for word in buf.split(is_teacher_space) {
            if !word.is_empty() {
                f(word);
            }
        }
    }
}

/// The kept pieces and what the Viterbi needs of them: their text (in the artefact, read in
/// place), their scores, and a table of every prefix of every piece.
pub struct Vocab {
    bytes: &'static [u8],
    /// Piece i is `bytes[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<u32>,
    scores: &'static [u8],
    prefixes: PrefixTable,
    /// The longest piece, in characters.
    max_chars: usize,
    /// The score of a character no kept piece covers: the teacher's lowest score minus 10, as
    /// the teacher scores an unknown character.
    unknown_score: f64,
}

impl Vocab {
    /// The vocabulary over `lengths` (each piece's length in bytes), `bytes` (the pieces' text,
    /// concatenated) and `scores` (f32 per piece, little-endian). None if they do not agree.
    pub fn new(
        lengths: &[u8],
        bytes: &'static [u8],
        scores: &'static [u8],
        lowest_score: f32,
        max_chars: usize,
    ) -> Option<Vocab> {
        let mut offsets = Vec::with_capacity(lengths.len() + 1);
        let mut end = 0u32;
        offsets.push(0);
        for &n in lengths {
            end += u32::from(n);
            offsets.push(end);
        }
        if end as usize != bytes.len()
            || scores.len() != 4 * lengths.len()
            || std::str::from_utf8(bytes).is_err()
        {
            return None;
        }
        let mut vocab = Vocab {
            bytes,
            offsets,
            scores,
            prefixes: PrefixTable::default(),
            max_chars,
            unknown_score: f64::from(lowest_score) - 10.0,
        };
        vocab.prefixes = PrefixTable::new(&vocab)?;
        Some(vocab)
    }

    /// No pieces: every character is unknown.
    pub fn empty() -> Vocab {
        Vocab {
            bytes: &[],
            offsets: vec![0],
            scores: &[],
            prefixes: PrefixTable::default(),
            max_chars: 1,
            unknown_score: -10.0,
        }
    }

    /// How many pieces.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// The text of piece `i` (empty for an index out of range).
    pub fn piece(&self, i: usize) -> &'static str {
        let bytes: &'static [u8] = self.bytes;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => bytes
                .get(a as usize..b as usize)
                .and_then(|p| std::str::from_utf8(p).ok())
                .unwrap_or(""),
            _ => "",
        }
    }

    /// True when `text` is one whole kept piece.
    pub fn has_piece(&self, text: &str) -> bool {
        self.prefixes
            .find(fnv(FNV_OFFSET, text.as_bytes()))
            .is_some()
    }

    fn score(&self, i: usize) -> f64 {
        let b = self.scores.get(4 * i..4 * i + 4).unwrap_or(&[0; 4]);
        f64::from(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

/// The pieces by FNV-1a hash (open addressing, linear probing, at most half full; a slot holds
/// the hash, then the piece + 1 (0 marks an empty slot) and its score: one cache line per
/// lookup), and a bit per hash of every proper prefix of a piece (a prefix ends at a character
/// boundary), so the Viterbi stops extending a unit that no piece continues. Both start as
/// zeroed memory and take one pass over the pieces to fill: the first analysis builds them.
/// Building checks the bytes, so no two pieces share a hash; a lookup trusts the hash (a string
/// that is no piece would have to hit one of the 64-bit hashes: about one chance in 2^49 per
/// lookup). A prefix bit may be set by another string's hash: that only costs a lookup more.
#[derive(Default)]
struct PrefixTable {
    /// Per slot: the hash, and `piece + 1 | score bits << 32`.
    slots: Vec<[u64; 2]>,
    mask: usize,
    /// A bit per proper prefix, at the top `prefix_bits` bits of its hash.
    prefixes: Vec<u64>,
    prefix_bits: u32,
}

/// A piece found in the table.
#[derive(Clone, Copy)]
struct Slot {
    score: f32,
    piece: u32,
}

/// The bytes of piece `i` (empty out of range).
fn piece_bytes(vocab: &Vocab, i: usize) -> &'static [u8] {
    let bytes: &'static [u8] = vocab.bytes;
    match (vocab.offsets.get(i), vocab.offsets.get(i + 1)) {
        (Some(&a), Some(&b)) => bytes.get(a as usize..b as usize).unwrap_or(&[]),
        _ => &[],
    }
}

impl PrefixTable {
    fn new(vocab: &Vocab) -> Option<PrefixTable> {
        if vocab.len() >= u32::MAX as usize - 1 {
            return None;
        }
        let piece = |i: usize| piece_bytes(vocab, i);
        let boundary = |b: &u8| b & 0xc0 != 0x80;
        let size = (vocab.len() * 2).next_power_of_two().max(2);
        // About eight bits per prefix: few false "some piece goes on".
        let prefix_count: usize = (0..vocab.len()).map(|i| piece(i).len()).sum();
        let prefix_bits = (prefix_count * 8)
            .next_power_of_two()
            .max(64)
            .trailing_zeros();
        let mut table = PrefixTable {
            slots: vec![[0; 2]; size],
            mask: size - 1,
            prefixes: vec![0; (1usize << prefix_bits) / 64],
            prefix_bits,
        };
        for i in 0..vocab.len() {
            let piece = piece(i);
            let mut h = FNV_OFFSET;
            let mut start = 0;
            for end in (1..piece.len()).filter(|&e| boundary(&piece[e])) {
                h = fnv(h, &piece[start..end]);
                start = end;
                let bit = (h >> (64 - prefix_bits)) as usize;
                table.prefixes[bit / 64] |= 1 << (bit % 64);
            }
            h = fnv(h, &piece[start..]);
            let new = u64::from(i as u32 + 1) | u64::from((vocab.score(i) as f32).to_bits()) << 32;
            let mut p = h as usize & table.mask;
            loop {
                let slot = &mut table.slots[p];
                if slot[1] == 0 {
                    *slot = [h, new];
                    break;
                }
                if slot[0] == h {
                    if piece_bytes(vocab, (slot[1] as u32) as usize - 1) != piece {
                        return None; // two pieces with one hash: refuse the model
                    }
                    break; // the same piece twice: the first one stands
                }
                p = (p + 1) & table.mask;
            }
        }
        Some(table)
    }

    /// The piece with hash `h`, if there is one.
    #[inline]
    fn find(&self, h: u64) -> Option<Slot> {
        if self.slots.is_empty() {
            return None;
        }
        let mut p = h as usize & self.mask;
        loop {
            let [hash, packed] = self.slots[p];
            if packed == 0 {
                return None;
            }
            if hash == h {
                return Some(Slot {
                    score: f32::from_bits((packed >> 32) as u32),
                    piece: packed as u32 - 1,
                });
            }
            p = (p + 1) & self.mask;
        }
    }

    /// False when no piece is longer than, and begins with, the string of hash `h`.
    #[inline]
    fn goes_on(&self, h: u64) -> bool {
        if self.prefixes.is_empty() {
            return false;
        }
        let bit = (h >> (64 - self.prefix_bits)) as usize;
        self.prefixes[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The Viterbi's working arrays, kept between words.
#[derive(Default)]
pub struct Lattice {
    /// Byte offset of each character boundary of the word.
    bounds: Vec<usize>,
    /// Best score of a segmentation of the word up to each boundary.
    best: Vec<f64>,
    /// The boundary where the last unit of that segmentation starts, and the unit.
    from: Vec<(usize, Token)>,
}

/// Appends the pieces of `word` (normalised, without the space mark) to `out`, as the teacher's
/// Viterbi over the kept pieces cuts "▁word": for each boundary, the best-scoring segmentation up
/// to it, extended by every kept piece that starts there (the first of equal scores wins, as in
/// SentencePiece), or by one unknown character when no kept piece of one character does.
pub fn segment(vocab: &Vocab, word: &str, lattice: &mut Lattice, out: &mut Vec<Token>) {
    // The word with its mark, cut into parts of MAX_WORD characters (at most 4 bytes each).
    let mut part = [0u8; 4 * MAX_WORD];
    let mut len = SPACE_MARK.encode_utf8(&mut part).len();
    let mut chars = 1;
    for c in word.chars() {
        if chars == MAX_WORD {
            segment_part(vocab, &part[..len], lattice, out);
            len = 0;
            chars = 0;
        }
        len += c.encode_utf8(&mut part[len..]).len();
        chars += 1;
    }
    segment_part(vocab, &part[..len], lattice, out);
}

fn segment_part(vocab: &Vocab, part: &[u8], lattice: &mut Lattice, out: &mut Vec<Token>) {
    let Ok(text) = std::str::from_utf8(part) else {
        return;
    };
    let Lattice { bounds, best, from } = lattice;
    bounds.clear();
    bounds.extend(text.char_indices().map(|(at, _)| at));
    bounds.push(text.len());
    let n = bounds.len() - 1;
    best.clear();
    best.resize(n + 1, -1e38);
    best[0] = 0.0;
    from.clear();
    from.resize(n + 1, (0, Token::Piece(0)));
    for i in 0..n {
        let base = best[i];
        let stop = (i + vocab.max_chars).min(n);
        let mut single = false;
        let mut h = FNV_OFFSET;
        for j in i + 1..=stop {
            h = fnv(h, &part[bounds[j - 1]..bounds[j]]);
            if let Some(slot) = vocab.prefixes.find(h) {
                let score = base + f64::from(slot.score);
                if score > best[j] {
                    best[j] = score;
                    from[j] = (i, Token::Piece(slot.piece));
                }
                single |= j == i + 1;
            }
            if !vocab.prefixes.goes_on(h) {
                break;
            }
        }
        if !single {
            let score = base + vocab.unknown_score;
            if score > best[i + 1] {
                best[i + 1] = score;
                let c = text[bounds[i]..].chars().next().unwrap_or('\u{fffd}');
                from[i + 1] = (i, Token::Char(c));
            }
        }
    }
    let first = out.len();
    let mut p = n;
    while p > 0 {
        let (start, token) = from[p];
        out.push(token);
        p = start;
    }
    out[first..].reverse();
}
