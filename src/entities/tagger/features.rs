//! Features of one token in its sentence, hashed: computed from the token strings only (the
//! text, the segmenter's tokens and their lower-case forms), so training on CoNLL text and
//! tagging pasted articles run the same code.
//!
//! Each feature is a template number and a value, hashed (FNV-1a for strings, then a 64-bit
//! mix) into a row of the weight table. Nothing is allocated per feature: string values are
//! hashed once per token and templates combine those hashes.

use crate::entities::gazetteer::{fold_hash, list, Gazetteer, IdHasher};
use crate::entities::Tokens;
use crate::hash::{fnv, FNV_OFFSET, FNV_PRIME};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;

/// Changes whenever a template or the hashing changes: a model trained with other features is
/// refused.
pub const VERSION: u32 = 7;

/// The splitmix64 finaliser: spreads a feature hash over all bits.
#[inline]
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A feature: template `t` with value `v`, by one multiplication (the table is indexed by the
/// top bits, which a multiplication mixes well).
#[inline]
pub fn feature(t: u64, v: u64) -> u64 {
    (v ^ t.wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xd6e8_feb8_6659_fd93)
}

/// Two values as one.
#[inline]
fn pair(a: u64, b: u64) -> u64 {
    a ^ mix(b.rotate_left(23) ^ 0x5851_f42d_4c95_7f2d)
}

// Templates.
const BIAS: u64 = 1;
const W: [u64; 5] = [2, 3, 4, 5, 6]; // words at -2..=2
const SH: [u64; 5] = [7, 8, 9, 10, 11]; // shapes at -2..=2
const SUF: u64 = 13;
const FLAG: u64 = 14;
const CAPS_SENT: u64 = 15;
const CAPS_SH0: u64 = 16;
const BI_L: u64 = 17;
const BI_R: u64 = 18;
const SH3: u64 = 19;
const GAZ: [u64; 3] = [20, 21, 22]; // gazetteer bits at -1..=1
const RAW: u64 = 23;
const RAW_M1: u64 = 25;
const RAW_P1: u64 = 26;
const FIRST_W: u64 = 27;
const PREV1: u64 = 30;
const PREV2: u64 = 31;
const PREV1_W: u64 = 32;
const PREV1_SH: u64 = 33;
const CODE: u64 = 34; // word-vector code prefixes of the token
const CODE_M1: u64 = 35;
const CODE_P1: u64 = 36;

// Token flags.
const INIT_CAP: u32 = 0;
const ALL_CAPS: u32 = 1;
const DIGIT: u32 = 2;
const HYPHEN: u32 = 3;
const APOSTROPHE: u32 = 4;
const PERIOD: u32 = 5;
const FIRST: u32 = 6;
const MIXED: u32 = 7;
const ONE_CHAR: u32 = 8;
const NO_LETTER: u32 = 9;
const AFTER_QUOTE: u32 = 10;

/// What is hashed once per token.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Info {
    word: u64,
    raw: u64,
    shape: u64,
    suffix: [u64; 3],
    /// `Gazetteer::mark`'s view of the token: the hash of its folded form, and whether that is
    /// empty (a period).
    fold_hash: u64,
    fold_empty: bool,
    flags: u32,
    gaz: u32,
    /// Letters, up to 255.
    letters: u8,
    /// Which gazetteer lists the token is in a match of (bit `l` for list `l`).
    lists: u32,
    /// In the lexicon of lower-case words (not a feature: see `names`).
    lex: bool,
    /// See [`Projection::code`].
    code: u32,
}

/// Lower-case words of the training text, as a bitset of hashed words: tells a capitalised
/// common word at the start of a sentence or in a headline ("Damage was …", "SUSPECTS") from a
/// name the tagger has never seen.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    bits: u32,
    set: Vec<u64>,
    /// Codes of word vectors, for words the training text never had.
    pub projection: Projection,
}

/// The most bits a word's code has: one per direction.
pub const CODE_BITS: usize = 16;

/// The code of a word: the signs of its word vector (see `crate::similarity`: any word has one,
/// seen in training or not) on the top principal directions of the training vocabulary's
/// vectors, their mean subtracted. Related words tend to share the leading bits ("tuesday" and
/// "friday", "germany" and "ukraine" their first four), as Brown-cluster prefixes do. Empty (no
/// codes) in a model without one.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Projection {
    /// The mean, `dim` numbers, then one direction of `dim` per bit.
    rows: Vec<f32>,
    dim: usize,
    bits: u32,
    /// A hash of `rows`: which projection the thread's cache of codes belongs to.
    id: u64,
}

/// How many words the per-thread cache of codes keeps (a power of two), and the longest.
const CODE_CACHE: usize = 32768;
const CODE_CACHE_BYTES: usize = 23;

/// A word and its code, as the cache keeps them; `len` 0 is an empty slot.
#[derive(Clone, Copy, Default)]
struct CodeSlot {
    len: u8,
    word: [u8; CODE_CACHE_BYTES],
    code: u32,
}

thread_local! {
    /// Codes of recent words, direct-mapped by hash, with the id of the projection they are of:
    /// a word's vector costs far more than its lookup, and texts share most of their words.
    static CODES: std::cell::RefCell<(u64, Vec<CodeSlot>)> = Default::default();
}

impl Projection {
    /// A projection from its rows (the mean, then the directions); one that does not fit the
    /// similarity model's dimension gives no codes.
    pub fn new(rows: Vec<f32>) -> Projection {
        let d = crate::similarity::model().dim();
        let n = rows.len() / d.max(1);
        if d == 0 || rows.len() % d != 0 || !(2..=CODE_BITS + 1).contains(&n) {
            return Projection::default();
        }
        let id = rows
            .iter()
            .fold(FNV_OFFSET, |h, x| fnv(h, &x.to_le_bytes()))
            | 1;
        Projection {
            rows,
            dim: d,
            bits: (n - 1) as u32,
            id,
        }
    }

    /// The mean, then the directions.
    pub fn rows(&self) -> &[f32] {
        &self.rows
    }

    /// How many bits its codes have (0: none).
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The unit vector of a word (lower case), or `None` for a word with no pieces.
    pub fn vector(word: &str, out: &mut [f32]) -> Option<()> {
        crate::similarity::model().word_into(word, out);
        let norm = out.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm.is_nan() || norm <= 0.0 {
            return None;
        }
        out.iter_mut().for_each(|x| *x /= norm);
        Some(())
    }

    /// The code of a word (lower case): bit `k` set when it lies on the positive side of
    /// direction `k`, and bit `CODE_BITS` set to say it has one; 0 when it has none.
    pub fn code(&self, word: &str) -> u32 {
        if self.bits == 0 {
            return 0;
        }
        let b = word.as_bytes();
        let at = {
            let h = fnv(FNV_OFFSET, b);
            (h ^ h >> 29) as usize & (CODE_CACHE - 1)
        };
        let cached = CODES.with(|c| {
            let c = c.try_borrow().ok()?;
            let slot = c.1.get(at).filter(|_| c.0 == self.id)?;
            (usize::from(slot.len) == b.len() && slot.word.get(..b.len()) == Some(b))
                .then_some(slot.code)
        });
        if let Some(code) = cached {
            return code;
        }
        let code = self.compute(word);
        if (1..=CODE_CACHE_BYTES).contains(&b.len()) {
            CODES.with(|c| {
                let Ok(mut c) = c.try_borrow_mut() else {
                    return;
                };
                if c.0 != self.id || c.1.is_empty() {
                    *c = (self.id, vec![CodeSlot::default(); CODE_CACHE]);
                }
                let mut slot = CodeSlot {
                    len: b.len() as u8,
                    code,
                    ..CodeSlot::default()
                };
                slot.word[..b.len()].copy_from_slice(b);
                c.1[at] = slot;
            });
        }
        code
    }

    fn compute(&self, word: &str) -> u32 {
        let dim = self.dim;
        let mut v = [0f32; 512];
        let Some(v) = v.get_mut(..dim) else {
            return 0;
        };
        if Projection::vector(word, v).is_none() {
            return 0;
        }
        let (mean, dirs) = self.rows.split_at(dim);
        v.iter_mut().zip(mean).for_each(|(x, m)| *x -= m);
        let mut code = 1 << CODE_BITS;
        for (k, d) in dirs.chunks_exact(dim).enumerate() {
            if dot(v, d) > 0.0 {
                code |= 1 << k;
            }
        }
        code
    }
}

impl Lexicon {
    /// An empty lexicon of `2^bits` bits.
    pub fn new(bits: u32) -> Lexicon {
        Lexicon {
            bits,
            set: vec![0; (1usize << bits).div_ceil(64)],
            projection: Projection::default(),
        }
    }

    /// Its bit width.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The set bits, in order, for the model file.
    pub fn ones(&self) -> Vec<u32> {
        (0..1u32 << self.bits)
            .filter(|&k| self.set[k as usize / 64] & (1 << (k % 64)) != 0)
            .collect()
    }

    /// Sets bit `k` (as read from the model file); false when out of range.
    pub fn set_bit(&mut self, k: u32) -> bool {
        let k = k as usize;
        if self.bits == 0 || k >= 1 << self.bits {
            return false;
        }
        self.set[k / 64] |= 1 << (k % 64);
        true
    }

    fn slot(&self, word: u64) -> Option<usize> {
        (self.bits > 0).then(|| (mix(word ^ 0x6c65_7869_636f_6e00) >> (64 - self.bits)) as usize)
    }

    /// Adds a lower-case word.
    pub fn insert(&mut self, lower: &str) {
        if let Some(k) = self.slot(fnv(FNV_OFFSET, lower.as_bytes())) {
            self.set[k / 64] |= 1 << (k % 64);
        }
    }

    /// True when the word (its FNV hash, lower case) was seen.
    /// True when the word (in lower case) is in the lexicon.
    pub fn has_word(&self, lower: &str) -> bool {
        self.contains(fnv(FNV_OFFSET, lower.as_bytes()))
    }

    fn contains(&self, word: u64) -> bool {
        self.slot(word)
            .is_some_and(|k| self.set[k / 64] & (1 << (k % 64)) != 0)
    }

    /// How many bits are set.
    pub fn count(&self) -> u32 {
        self.set.iter().map(|w| w.count_ones()).sum()
    }
}

/// What is known of one distinct token string, computed once per text: its own features (those
/// that do not depend on its neighbours) and its folded form for the gazetteers.
struct Entry {
    info: Info,
    /// Its own features, in `Scratch::own`.
    own: Range<usize>,
    /// The gazetteer lists the token alone is in.
    gaz_bits: u16,
    /// Its word-vector code, once asked for (see [`sentence`]).
    code: Option<u32>,
}

/// Reusable buffers for the sentences of one text, with a cache of the distinct token strings
/// seen so far (news text repeats its words: most tokens are found there).
#[derive(Default)]
pub struct Scratch {
    cache: HashMap<u64, u32, BuildHasherDefault<IdHasher>>,
    entries: Vec<Entry>,
    own: Vec<u64>,
    /// For each entry, the weights of its own features, once computed (see `tagger`).
    pub(super) own_scores: Vec<Option<[f32; super::CLASSES]>>,
    /// Which weights `own_scores` were computed with.
    pub(super) scored_by: usize,
    /// The entry of each token of the sentence.
    ids: Vec<u32>,
    /// Each token's info, with the flags of its position.
    info: Vec<Info>,
    gaz: Vec<u32>,
    /// Room for one token's features that depend on its neighbours (see [`context`]).
    pub feats: Vec<u64>,
    /// The sentence is a headline in capitals (see [`is_all_caps`]).
    pub caps: bool,
    /// Bits of the codes (see [`Projection`]).
    code_bits: u32,
}

impl Scratch {
    /// Buffers for a text of about `tokens` tokens.
    pub fn with_capacity(tokens: usize) -> Scratch {
        let distinct = tokens / 2 + 16;
        Scratch {
            cache: HashMap::with_capacity_and_hasher(distinct, Default::default()),
            entries: Vec::with_capacity(distinct),
            own: Vec::with_capacity(distinct * 16),
            own_scores: Vec::with_capacity(distinct),
            ..Scratch::default()
        }
    }

    /// How many distinct token strings are cached.
    pub fn distinct(&self) -> usize {
        self.entries.len()
    }

    /// The features of token `i` of the sentence that depend on it alone.
    pub fn own(&self, i: usize) -> &[u64] {
        &self.own[self.entries[self.ids[i] as usize].own.clone()]
    }

    /// The cache entry of token `i` (the same for the same string).
    pub fn entry(&self, i: usize) -> usize {
        self.ids[i] as usize
    }

    /// Looks a token string up in the cache, computing its entry the first time.
    fn intern(&mut self, raw: &str, lower: &str, lex: &Lexicon) -> u32 {
        let key = fnv(FNV_OFFSET, raw.as_bytes());
        if let Some(&id) = self.cache.get(&key) {
            return id;
        }
        let mut inf = if raw.is_ascii() {
            info_ascii(raw)
        } else {
            info(raw, lower)
        };
        inf.lex = lex.contains(inf.word);
        let start = self.own.len();
        let f = &mut self.own;
        f.push(feature(BIAS, 0));
        f.push(feature(W[2], inf.word));
        f.push(feature(SH[2], inf.shape));
        f.push(feature(RAW, inf.raw));
        for (k, &h) in inf.suffix.iter().enumerate() {
            if h != 0 {
                f.push(feature(SUF, h ^ k as u64));
            }
        }
        let mut fl = inf.flags;
        while fl != 0 {
            let b = fl.trailing_zeros();
            f.push(feature(FLAG, u64::from(b)));
            fl &= fl - 1;
        }
        let id = self.entries.len() as u32;
        let gaz_bits = if inf.fold_empty {
            0
        } else {
            Gazetteer::get().bits(inf.fold_hash)
        };
        self.entries.push(Entry {
            info: inf,
            own: start..self.own.len(),
            gaz_bits,
            code: None,
        });
        self.own_scores.push(None);
        self.cache.insert(key, id);
        id
    }
}

/// The dot product, in eight running sums that the compiler makes vector instructions.
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let (ac, bc) = (a.chunks_exact(8), b.chunks_exact(8));
    let mut rest = 0.0;
    for (x, y) in ac.remainder().iter().zip(bc.remainder()) {
        rest += x * y;
    }
    for (x, y) in ac.zip(bc) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    rest + acc.iter().sum::<f32>()
}

/// The first `n` bits of a code, with `n` itself: prefixes of different lengths differ.
#[inline]
fn prefix(code: u32, n: u32) -> u64 {
    u64::from(n) << 32 | u64::from(code & ((1 << n) - 1))
}

/// A headline in capitals: capitalisation says nothing there.
pub fn is_all_caps(t: &Tokens, r: Range<usize>) -> bool {
    all_caps_words(|k| t.text(k), r)
}

/// As [`is_all_caps`], with the text of token `k` as `word(k)`.
pub fn all_caps_words<'a>(word: impl Fn(usize) -> &'a str, r: Range<usize>) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for k in r {
        let w = word(k);
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            words += 1;
            if !w.chars().any(char::is_lowercase) {
                caps += 1;
            }
        }
    }
    words >= 3 && caps * 10 >= words * 8
}

fn char_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || (c.is_alphabetic()) {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

fn info(raw: &str, lower: &str) -> Info {
    let folded = crate::entities::key::fold(raw);
    let mut i = Info {
        word: fnv(FNV_OFFSET, lower.as_bytes()),
        raw: fnv(FNV_OFFSET, raw.as_bytes()),
        fold_hash: fold_hash(&folded),
        fold_empty: folded.is_empty(),
        ..Info::default()
    };
    // Shape: "Xx", "X.X.", "d,d", runs collapsed.
    let mut sh = FNV_OFFSET;
    let mut prev = '\0';
    let mut letters = 0;
    let mut chars = 0;
    let mut lower_seen = false;
    let mut upper_after_lower = false;
    let mut buf = [0u8; 4];
    for c in raw.chars() {
        chars += 1;
        let cl = char_class(c);
        if cl != prev {
            sh = fnv(sh, cl.encode_utf8(&mut buf).as_bytes());
        }
        prev = cl;
        if c.is_alphabetic() {
            letters += 1;
            if c.is_lowercase() {
                lower_seen = true;
            } else if c.is_uppercase() && lower_seen {
                upper_after_lower = true;
            }
        }
        match c {
            '-' | '‑' => i.flags |= 1 << HYPHEN,
            '\'' | '’' => i.flags |= 1 << APOSTROPHE,
            '.' => i.flags |= 1 << PERIOD,
            _ if c.is_numeric() => i.flags |= 1 << DIGIT,
            _ => {}
        }
    }
    i.shape = sh;
    i.letters = letters.min(255) as u8;
    if raw.chars().next().is_some_and(char::is_uppercase) {
        i.flags |= 1 << INIT_CAP;
    }
    if letters > 0 && !lower_seen {
        i.flags |= 1 << ALL_CAPS;
    }
    if upper_after_lower {
        i.flags |= 1 << MIXED;
    }
    if chars == 1 {
        i.flags |= 1 << ONE_CHAR;
    }
    if letters == 0 {
        i.flags |= 1 << NO_LETTER;
    }
    // Suffixes of the lower-case word, one to three characters.
    for (n, (k, _)) in lower.char_indices().rev().take(3).enumerate() {
        i.suffix[n] = fnv(FNV_OFFSET, &lower.as_bytes()[k..]);
    }
    i
}

/// [`info`] for an ASCII token, in one pass over its bytes (the lower-case form is the ASCII
/// lower case, the folded form as `fold_into` makes it); gives exactly the same hashes.
fn info_ascii(raw: &str) -> Info {
    let b = raw.as_bytes();
    let mut i = Info::default();
    let (mut word, mut rawh, mut sh, mut fold) = (FNV_OFFSET, FNV_OFFSET, FNV_OFFSET, FNV_OFFSET);
    let (mut folded, mut space) = (false, false);
    let mut prev = 0u8;
    let mut letters = 0usize;
    let mut lower_seen = false;
    let mut upper_after_lower = false;
    for &c in b {
        let l = c.to_ascii_lowercase();
        word = (word ^ u64::from(l)).wrapping_mul(FNV_PRIME);
        rawh = (rawh ^ u64::from(c)).wrapping_mul(FNV_PRIME);
        match c {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'-' | b'_' => space = folded,
            b'.' => {}
            _ => {
                if space {
                    fold = (fold ^ u64::from(b' ')).wrapping_mul(FNV_PRIME);
                    space = false;
                }
                let f = if c == b'`' { b'\'' } else { l };
                fold = (fold ^ u64::from(f)).wrapping_mul(FNV_PRIME);
                folded = true;
            }
        }
        let cl = match c {
            b'A'..=b'Z' => {
                letters += 1;
                if lower_seen {
                    upper_after_lower = true;
                }
                b'X'
            }
            b'a'..=b'z' => {
                letters += 1;
                lower_seen = true;
                b'x'
            }
            b'0'..=b'9' => {
                i.flags |= 1 << DIGIT;
                b'd'
            }
            b'-' => {
                i.flags |= 1 << HYPHEN;
                c
            }
            b'\'' => {
                i.flags |= 1 << APOSTROPHE;
                c
            }
            b'.' => {
                i.flags |= 1 << PERIOD;
                c
            }
            _ => c,
        };
        if cl != prev {
            sh = (sh ^ u64::from(cl)).wrapping_mul(FNV_PRIME);
        }
        prev = cl;
    }
    for n in 0..b.len().min(3) {
        let mut h = FNV_OFFSET;
        for &c in &b[b.len() - n - 1..] {
            h = (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
        }
        i.suffix[n] = h;
    }
    i.word = word;
    i.raw = rawh;
    i.shape = sh;
    i.fold_hash = fold;
    i.fold_empty = !folded;
    i.letters = letters.min(255) as u8;
    if b.first().is_some_and(u8::is_ascii_uppercase) {
        i.flags |= 1 << INIT_CAP;
    }
    if letters > 0 && !lower_seen {
        i.flags |= 1 << ALL_CAPS;
    }
    if upper_after_lower {
        i.flags |= 1 << MIXED;
    }
    if b.len() == 1 {
        i.flags |= 1 << ONE_CHAR;
    }
    if letters == 0 {
        i.flags |= 1 << NO_LETTER;
    }
    i
}

/// Outside the sentence.
const PAD_WORD: u64 = 0x1234_5678_9abc_def0;
const PAD_SHAPE: u64 = 0x0fed_cba9_8765_4321;

/// Prepares sentence `r` of the text: each token's own features (see [`Scratch::own`]), its
/// gazetteer marks, whether the sentence is in capitals; [`context`] then gives the features
/// that depend on its neighbours.
#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
pub fn sentence(t: &Tokens, r: Range<usize>, lex: &Lexicon, s: &mut Scratch) {
    let g = Gazetteer::get();
    let n = r.len();
    s.ids.clear();
    s.info.clear();
    let mut after_quote = false;
    for k in r.clone() {
        let raw = t.text(k);
        let id = s.intern(raw, t.lower(k), lex);
        let mut inf = s.entries[id as usize].info;
        // Position flags are not the token's own: they are features of the context.
        if k == r.start {
            inf.flags |= 1 << FIRST;
        }
        if after_quote {
            inf.flags |= 1 << AFTER_QUOTE;
        }
        after_quote =
            raw.len() <= 3 && matches!(raw, "“" | "\"" | "‘" | "'" | "(" | ":" | "—" | "–" | "-");
        s.ids.push(id);
        s.info.push(inf);
    }
    {
        let (entries, info) = (&s.entries, &s.info);
        let ids = &s.ids;
        let tokens = &t.seg.tokens[r.clone()];
        g.mark(
            n,
            |i| {
                let inf = &info[i];
                let bits = entries[ids[i] as usize].gaz_bits;
                (inf.fold_empty, inf.fold_hash, bits)
            },
            |i| t.text(r.start + i),
            |i| tokens[i].span.start > tokens[i - 1].span.end,
            &mut s.gaz,
        );
    }
    for (inf, &bits) in s.info.iter_mut().zip(&s.gaz) {
        inf.gaz = bits;
        if bits != 0 {
            // B or I of list l → bit l.
            let either = (bits | bits >> 1) & 0x5555_5555;
            inf.lists = (0..list::COUNT as u32).fold(0, |a, l| a | ((either >> (2 * l)) & 1) << l);
        }
    }
    // As `is_all_caps`, from what is already known of each token.
    let (words, upper) = s.info.iter().fold((0, 0), |(w, u), inf| {
        if inf.letters >= 2 {
            (w + 1, u + usize::from(inf.flags & (1 << ALL_CAPS) != 0))
        } else {
            (w, u)
        }
    });
    let caps = words >= 3 && upper * 10 >= words * 8;
    s.caps = caps;
    // Codes only from one token before to two after a token that may start a name: elsewhere
    // tokens are rarely scored, and a code costs a word vector. Training has the same rule.
    s.code_bits = lex.projection.bits();
    if s.code_bits > 0 {
        for i in 0..n {
            let near = (i.saturating_sub(1)..(i + 3).min(n)).any(|j| may_start(s, j));
            if !near || s.info[i].letters == 0 {
                continue;
            }
            let e = &mut s.entries[s.ids[i] as usize];
            let code = *e
                .code
                .get_or_insert_with(|| lex.projection.code(t.lower(r.start + i)));
            s.info[i].code = code;
        }
    }
}

/// True when token `i` of the sentence may start a name: it has a capital letter (or letters
/// without case), or the sentence is in capitals. A token that may not, after a token tagged O,
/// is O without being scored: most of news text is lower-case words and punctuation.
pub fn may_start(s: &Scratch, i: usize) -> bool {
    s.caps || s.info[i].flags & (1 << INIT_CAP | 1 << ALL_CAPS | 1 << MIXED) != 0
}

/// True when token `i` of the sentence looks like an acronym: two to six letters, all capitals,
/// no digits, hyphens or apostrophes ("IS", "U.N.", "MİT").
pub fn acronym_like(s: &Scratch, i: usize) -> bool {
    let inf = &s.info[i];
    (2..=6).contains(&inf.letters)
        && inf.flags & (1 << ALL_CAPS) != 0
        && inf.flags & (1 << DIGIT | 1 << HYPHEN | 1 << APOSTROPHE) == 0
}

/// Appends to `f` the features of token `i` of the sentence that depend on its neighbours.
pub fn context(s: &Scratch, i: usize, f: &mut Vec<u64>) {
    let info = &s.info;
    let n = info.len();
    let word = |i: isize| -> u64 {
        if i < 0 || i >= n as isize {
            PAD_WORD
        } else {
            info[i as usize].word
        }
    };
    let shape = |i: isize| -> u64 {
        if i < 0 || i >= n as isize {
            PAD_SHAPE
        } else {
            info[i as usize].shape
        }
    };
    let inf = &info[i];
    let ii = i as isize;
    for d in [0, 1, 3, 4] {
        f.push(feature(W[d], word(ii + d as isize - 2)));
        f.push(feature(SH[d], shape(ii + d as isize - 2)));
    }
    if i > 0 {
        f.push(feature(RAW_M1, info[i - 1].raw));
    }
    if i + 1 < n {
        f.push(feature(RAW_P1, info[i + 1].raw));
    }
    if inf.code != 0 {
        // Coarse to fine, as Brown-cluster prefixes (6/10/16 measured better than 4/8/12/16).
        for n in [6, 10, 16].into_iter().filter(|&n| n <= s.code_bits) {
            f.push(feature(CODE, prefix(inf.code, n)));
        }
    }
    for (j, template) in [(i.wrapping_sub(1), CODE_M1), (i + 1, CODE_P1)] {
        if let Some(c) = info.get(j).map(|x| x.code).filter(|&c| c != 0) {
            f.push(feature(template, prefix(c, 4)));
            f.push(feature(template, prefix(c, 8)));
        }
    }
    for b in [FIRST, AFTER_QUOTE] {
        if inf.flags & (1 << b) != 0 {
            f.push(feature(FLAG, u64::from(b)));
        }
    }
    if i == 0 || inf.flags & (1 << AFTER_QUOTE) != 0 {
        f.push(feature(FIRST_W, inf.word));
    }
    if s.caps {
        f.push(feature(CAPS_SENT, 0));
        f.push(feature(CAPS_SH0, inf.shape));
    }
    f.push(feature(BI_L, pair(word(ii - 1), inf.word)));
    f.push(feature(BI_R, pair(inf.word, word(ii + 1))));
    f.push(feature(
        SH3,
        pair(pair(shape(ii - 1), inf.shape), shape(ii + 1)),
    ));
    for (d, &template) in GAZ.iter().enumerate() {
        let j = ii + d as isize - 1;
        if j < 0 || j >= n as isize {
            continue;
        }
        // Around the token only which lists, not the position in the match.
        let inf = &info[j as usize];
        let mut bits = if d == 1 { inf.gaz } else { inf.lists };
        while bits != 0 {
            let b = bits.trailing_zeros();
            f.push(feature(template, u64::from(b)));
            bits &= bits - 1;
        }
    }
}

/// Gazetteer marks of token `i` of the last sentence passed to [`sentence`] (see
/// `Gazetteer::mark`).
pub fn gazetteer_bits(s: &Scratch, i: usize) -> u32 {
    s.gaz[i]
}

/// True when token `i` of the last sentence passed to [`sentence`] is a common lower-case word
/// of the training text.
pub fn in_lexicon(s: &Scratch, i: usize) -> bool {
    s.info[i].lex
}

/// Word and shape hashes of token `i` of the last sentence passed to [`sentence`].
pub fn word_shape(s: &Scratch, i: usize) -> (u64, u64) {
    (s.info[i].word, s.info[i].shape)
}

/// The features that depend on the tags already chosen: the previous one and two tags, alone
/// and with the word and shape.
#[inline]
pub fn dynamic(prev1: u8, prev2: u8, word: u64, shape: u64) -> [u64; 4] {
    let p1 = u64::from(prev1);
    let p2 = u64::from(prev2);
    [
        feature(PREV1, p1),
        feature(PREV2, p2 * 16 + p1),
        feature(PREV1_W, pair(p1, word)),
        feature(PREV1_SH, pair(p1, shape)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_fast_path_hashes_as_the_general_one() {
        for w in [
            "Erdogan",
            "U.S.",
            "al-Baghdadi",
            "1996-08-22",
            "NATO",
            "McDonald",
            "a",
            ".",
            "'s",
            "O'Brien",
            "x1Y2",
            "ISIS-held",
            "Abcdefgh",
            "",
        ] {
            assert_eq!(info_ascii(w), info(w, &w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn codes_come_from_the_projection_and_are_cached_exactly() {
        let dim = crate::similarity::model().dim();
        assert_eq!(Projection::new(vec![0.5; dim]).bits(), 0, "no directions");
        assert_eq!(
            Projection::new(vec![0.5; dim * 3 + 1]).bits(),
            0,
            "not whole rows"
        );
        let mut rows = vec![0.0; dim * 3];
        rows[dim] = 1.0; // first direction: dimension 0
        rows[2 * dim + 1] = -1.0; // second: minus dimension 1
        let p = Projection::new(rows);
        assert_eq!(p.bits(), 2);
        assert_eq!(p.code(""), 0);
        for w in [
            "tuesday",
            "smith",
            "a-very-long-hyphenated-word-past-the-cache",
        ] {
            let mut v = vec![0.0; dim];
            Projection::vector(w, &mut v).unwrap();
            let want = 1 << CODE_BITS | u32::from(v[0] > 0.0) | u32::from(v[1] < 0.0) << 1;
            assert_eq!(p.code(w), want, "{w}");
            assert_eq!(p.code(w), want, "{w}, cached");
        }
    }
}
