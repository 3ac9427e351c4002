//! Claims: the sentences that state something checkable, with who says them and how surely.
//!
//! A candidate is a sentence that is not boilerplate, not a question and has at least four
//! words. Each gets a check-worthiness score (`checkworthy`), an attribution (`attribution`) and
//! a certainty (`certainty`).

/// A list of phrases as word-hash sequences by their first word's hash, built once (see
/// [`has_phrase`]).
macro_rules! phrase_list {
    ($list:expr) => {{
        static LIST: std::sync::OnceLock<crate::hash::FnvMap<u64, Vec<Vec<u64>>>> =
            std::sync::OnceLock::new();
        LIST.get_or_init(|| {
            let mut by_first = crate::hash::FnvMap::default();
            for p in $list.iter() {
                let p: Vec<u64> = p.iter().map(|w| crate::claims::word_hash(w)).collect();
                if let Some(&first) = p.first() {
                    by_first.entry(first).or_insert_with(Vec::new).push(p);
                }
            }
            by_first
        })
    }};
}

pub mod attribution;
#[cfg(not(target_arch = "wasm32"))]
pub mod attribution_eval;
pub mod certainty;
pub mod checkworthy;
#[cfg(not(target_arch = "wasm32"))]
pub mod checkworthy_eval;
#[cfg(not(target_arch = "wasm32"))]
pub mod checkworthy_train;

use crate::entities::{Label, Mention};
use crate::segment::{Segmented, Token, TokenKind};
use crate::span::Span;
use serde::Serialize;

pub use attribution::{Attribution, AttributionKind};
pub use certainty::Certainty;

/// Claims scoring at or above this are `checkworthy`.
pub const CHECKWORTHY_THRESHOLD: f64 = 0.5;

/// The fewest words a claim candidate has.
const MIN_WORDS: usize = 4;

/// One claim candidate in one source, in bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    /// The sentence.
    pub span: Span,
    /// Check-worthiness in [0, 1].
    pub score: f64,
    /// Why it scored as it did.
    pub reasons: Reasons,
    /// How firmly it is stated.
    pub certainty: Certainty,
    /// Who states it.
    pub attribution: Attribution,
    /// Indexes into the source's mentions of the entities inside the sentence.
    pub entities: Vec<usize>,
}

/// A reason a claim scored: each names one feature of the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// It has a number, amount or percentage.
    Number,
    /// It has a date.
    Date,
    /// It names a person, organisation or place.
    NamedEntity,
    /// It has a verb that states a fact ("killed", "arrested", "is").
    FactualVerb,
    /// It compares ("more than", "largest").
    Comparison,
    /// Someone is said to say it.
    Attributed,
    /// It is hedged.
    Hedged,
    /// It reads as opinion or address ("I think", "we must").
    Opinion,
    /// It gives a cause or a consequence ("because", "led to", "due to").
    Cause,
    /// It has a statistic: a percentage, an amount of money, a number with a rate, share, total
    /// or average, or a measure that changed ("the crime rate doubled").
    Statistic,
}

impl Reason {
    /// The name used in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Number => "number",
            Reason::Date => "date",
            Reason::NamedEntity => "named_entity",
            Reason::FactualVerb => "factual_verb",
            Reason::Comparison => "comparison",
            Reason::Attributed => "attributed",
            Reason::Hedged => "hedged",
            Reason::Opinion => "opinion",
            Reason::Cause => "cause",
            Reason::Statistic => "statistic",
        }
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A set of reasons, one bit each, kept in the claim itself: a list on the heap for every
/// claim cost an allocation and a free per sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reasons(u16);

impl Reasons {
    const ALL: [Reason; 10] = [
        Reason::Number,
        Reason::Date,
        Reason::NamedEntity,
        Reason::FactualVerb,
        Reason::Comparison,
        Reason::Attributed,
        Reason::Hedged,
        Reason::Opinion,
        Reason::Cause,
        Reason::Statistic,
    ];

    /// Adds `r`.
    pub fn insert(&mut self, r: Reason) {
        self.0 |= 1 << r as u16;
    }

    /// True when `r` is in the set.
    pub fn contains(self, r: Reason) -> bool {
        self.0 & 1 << r as u16 != 0
    }

    /// The reasons in their order (as `Reason` sorts).
    pub fn iter(self) -> impl Iterator<Item = Reason> {
        Reasons::ALL.into_iter().filter(move |&r| self.contains(r))
    }

    /// How many reasons.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// True when there is none.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// Words that open an indirect question.
const WH_WORDS: &[&str] = &["what", "how", "why", "where", "when", "who", "which"];

/// True when sentence `tokens` asks rather than states, though it ends without a question
/// mark: a headline's topic of a few words and an indirect question after a colon or a dash
/// ("Airline meltdown: what stranded passengers need to know"), or a headline that opens with
/// one ("What we know about the outage"; with no full stop, as headlines have none, since "What
/// we know is that …." states).
fn indirect_question(text: &str, tokens: &[Token]) -> bool {
    let word = |t: &Token| &text[t.span];
    let wh = |t: &Token| WH_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word(t)));
    let separator = tokens
        .iter()
        .rposition(|t| matches!(word(t), ":" | "—" | "–" | "-" | "|"));
    if let Some(at) = separator {
        let before = tokens[..at]
            .iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .count();
        return (1..=5).contains(&before) && tokens.get(at + 1).is_some_and(wh);
    }
    let ends_stated = tokens.last().is_some_and(|t| matches!(word(t), "." | "!"));
    let opens = match tokens {
        [first, ..] if wh(first) => 1,
        [here, is, what, ..]
            if word(here).eq_ignore_ascii_case("here")
                && word(is) == "is"
                && word(what).eq_ignore_ascii_case("what") =>
        {
            3
        }
        _ => return false,
    };
    !ends_stated
        && tokens
            .iter()
            .skip(opens)
            .take(4)
            .any(|t| word(t).eq_ignore_ascii_case("know"))
}

/// Finds the claims of one source.
pub fn find(text: &str, seg: &Segmented, mentions: &[Mention], boilerplate: &[Span]) -> Vec<Claim> {
    let mut claims = Vec::with_capacity(seg.sentences.len());
    let text_words = Words::new(text, seg);
    let attributions = attribution::Attributions::with_words(text, seg, mentions, &text_words);
    let mut resolver = attribution::resolve::Resolver::new(text, seg, mentions);
    let mut scorer = checkworthy::Scorer::default();
    let mut m = 0;
    for (index, sentence) in seg.sentences.iter().enumerate() {
        let span = sentence.span;
        if crate::clean::in_cruft(boilerplate, span) {
            continue;
        }
        let tokens = &seg.tokens[sentence.tokens.clone()];
        let words = tokens.iter().filter(|t| t.kind != TokenKind::Punct).count();
        let last = tokens
            .iter()
            .rev()
            .find(|t| !matches!(&text[t.span], "”" | "\"" | "’" | "'" | ")"));
        let question =
            last.is_some_and(|t| &text[t.span] == "?") || indirect_question(text, tokens);
        while m < mentions.len() && mentions[m].span.end <= span.start {
            m += 1;
        }
        // A short sentence with a figure is a claim all the same ("Turnout was 38%.", "Nine
        // people died.").
        let figure = || {
            (m..mentions.len())
                .take_while(|&k| mentions[k].span.start < span.end)
                .any(|k| mentions[k].label.is_numeric())
        };
        if (words < MIN_WORDS && !(words + 1 == MIN_WORDS && figure())) || question {
            continue;
        }
        let entities: Vec<usize> = (m..mentions.len())
            .take_while(|&k| mentions[k].span.start < span.end)
            .filter(|&k| span.contains(mentions[k].span))
            .collect();
        let mut attribution = attributions.find(index);
        resolver.resolve(index, &mut attribution);
        let certainty = certainty::classify(text, seg, &text_words, index, &attribution);
        let (score, reasons) = scorer.score(
            text,
            seg,
            &text_words,
            index,
            mentions,
            &entities,
            &attribution,
            certainty,
        );
        claims.push(Claim {
            span,
            score,
            reasons,
            certainty,
            attribution,
            entities,
        });
    }
    claims
}

/// The hash of a lower-case word, as in [`Words`], and of each part of a check-worthiness
/// feature name: eight bytes a step. (Attribution keeps its own `part_hash`, without the
/// finaliser: its feature hash mixes the parts again, and the finaliser cost 1 % there.)
pub fn word_hash(lower: &str) -> u64 {
    word_hash_bytes(lower.as_bytes())
}

const WORD_K: u64 = 0x9E37_79B9_7F4A_7C15;

/// One step of [`word_hash`]: eight bytes, little-endian.
fn word_step(h: u64, word: u64) -> u64 {
    (h ^ word).wrapping_mul(WORD_K).rotate_left(31)
}

/// [`word_hash`]'s last step: MurmurHash3's finaliser, so that every bit of the result depends
/// on every byte, and any 32 of them tell words apart ([`crate::hash::HashTable`] keeps the
/// high half as a tag).
fn word_finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// [`word_hash`] of bytes.
fn word_hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = crate::hash::FNV_OFFSET ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        h = word_step(h, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = word_step(h, crate::hash::le_word(rest));
    }
    word_finish(h)
}

/// Eight ASCII bytes in lower case at once: 0x20 added to each of 'A'..='Z' (every byte
/// below 0x80, so no sum carries into the next byte).
fn ascii_lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let at_least_a = x.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let above_z = x.wrapping_add(ONES * (0x7f - u64::from(b'Z')));
    x | ((at_least_a & !above_z & HIGH) >> 2)
}

/// Token `t` of `text`.
fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    text.get(t.span.start..t.span.end).unwrap_or_default()
}

/// Appends the word `text[start..start + len]` in lower case to `lower` and returns its
/// [`word_hash`], and whether it is free of digits; `None` when it is not ASCII (`lower` then
/// holds some of its bytes after what it held). Each eight bytes are read from the
/// text once (near the text's end, as [`crate::hash::le_word`] reads them) and written whole,
/// the bytes past the word then cut off: reading back bytes just copied stalled on the copy.
fn lower_ascii(text: &[u8], start: usize, len: usize, lower: &mut Vec<u8>) -> Option<(u64, bool)> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let out = lower.len();
    let mut h = crate::hash::FNV_OFFSET ^ len as u64;
    let mut digits = 0;
    let mut high = 0;
    let mut at = 0;
    while at < len {
        let n = (len - at).min(8);
        let i = start + at;
        let word = match text.get(i..i + 8) {
            Some(b) => {
                let mut w = [0; 8];
                w.copy_from_slice(b);
                let w = u64::from_le_bytes(w);
                // Only the word's own bytes.
                if n == 8 {
                    w
                } else {
                    w & ((1 << (8 * n)) - 1)
                }
            }
            None => crate::hash::le_word(text.get(i..i + n).unwrap_or_default()),
        };
        high |= word & HIGH;
        // The high bit of each byte in '0'..='9' (no sum carries, as in `ascii_lower8`).
        digits |= word.wrapping_add(ONES * (0x80 - u64::from(b'0')))
            & !word.wrapping_add(ONES * (0x7f - u64::from(b'9')))
            & HIGH;
        let word = ascii_lower8(word);
        h = word_step(h, word);
        lower.extend_from_slice(&word.to_le_bytes());
        at += n;
    }
    lower.truncate(out + len);
    (high == 0).then(|| (word_finish(h), digits == 0))
}

/// Appends `w` in lower case to `lower`: as `str::to_lowercase` (which knows a final sigma),
/// but without its allocation when every character is ASCII or general punctuation (curly
/// quotes, dashes), which lower-case to themselves.
fn lower_unicode(w: &str, lower: &mut Vec<u8>) {
    if w.chars()
        .all(|c| c.is_ascii() || ('\u{2000}'..='\u{206f}').contains(&c))
    {
        lower.extend(w.bytes().map(|b| b.to_ascii_lowercase()));
    } else {
        lower.extend_from_slice(w.to_lowercase().as_bytes());
    }
}

/// The word lists of the claims stage, one bit each, as [`Words::lists`] gives them. A
/// `*_START` bit marks the first word of a phrase in that list.
pub mod list {
    /// A verb that reports a checkable event or state.
    pub const FACTUAL: u16 = 1;
    /// A word of comparison.
    pub const COMPARISON: u16 = 1 << 1;
    /// A word of opinion or address.
    pub const OPINION: u16 = 1 << 2;
    /// A word that makes a number a statistic.
    pub const STATISTIC: u16 = 1 << 3;
    /// A measure ("rate", "inflation").
    pub const MEASURE: u16 = 1 << 4;
    /// A verb of change in a measure.
    pub const CHANGE: u16 = 1 << 5;
    /// The first word of a cause phrase.
    pub const CAUSE_START: u16 = 1 << 6;
    /// A word of denial.
    pub const DENIAL: u16 = 1 << 7;
    /// The first word of a denial phrase.
    pub const DENIAL_START: u16 = 1 << 8;
    /// "alleged".
    pub const ALLEGED: u16 = 1 << 9;
    /// A hedge word.
    pub const HEDGE: u16 = 1 << 10;
    /// The first word of a hedging phrase.
    pub const HEDGE_START: u16 = 1 << 11;
    /// A word that may start an attribution cue.
    pub const CUE: u16 = 1 << 12;
    /// A word that ends a noun phrase (attribution).
    pub const BOUNDARY: u16 = 1 << 13;
    /// A word that may come between a source and its cue ("also").
    pub const BETWEEN: u16 = 1 << 14;
    /// A word of time ("yesterday").
    pub const TIME: u16 = 1 << 15;
}

/// What the lexicon knows of a word: the bits of the lists it is in, and its share of cue
/// occurrences (-1 when no cue word, as for a word not in the lexicon).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Lexeme {
    lists: u16,
    cue: f32,
}

impl Default for Lexeme {
    fn default() -> Lexeme {
        Lexeme {
            lists: 0,
            cue: -1.0,
        }
    }
}

/// Word hash → its [`Lexeme`], from the lists of `checkworthy`, `certainty` and
/// `attribution`, built once.
fn lexicon() -> &'static crate::hash::HashTable<Lexeme> {
    static LEXICON: std::sync::OnceLock<crate::hash::HashTable<Lexeme>> =
        std::sync::OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut map: crate::hash::FnvMap<u64, Lexeme> = crate::hash::FnvMap::default();
        let mut add = |w: &str, bits: u16, cue: f32| {
            let e = map.entry(word_hash(w)).or_default();
            e.lists |= bits;
            if cue >= 0.0 {
                e.cue = cue;
            }
        };
        for &(words, bit) in checkworthy::WORD_LISTS.iter().chain(certainty::WORD_LISTS) {
            for w in words {
                add(w, bit, -1.0);
            }
        }
        for &(phrases, bit) in checkworthy::PHRASE_LISTS
            .iter()
            .chain(certainty::PHRASE_LISTS)
        {
            for first in phrases.iter().filter_map(|p| p.first()) {
                add(first, bit, -1.0);
            }
        }
        for (w, bits, cue) in attribution::lexicon_words() {
            add(w, bits, cue);
        }
        let mut entries: Vec<(u64, Lexeme)> = map.into_iter().collect();
        entries.sort_unstable_by_key(|e| e.0);
        crate::hash::HashTable::new(entries)
    })
}

/// The words of one text as the claims stage looks at them, computed once per text and shared
/// by every sentence's attribution, certainty and check-worthiness.
#[derive(Clone, Debug)]
pub struct Words {
    /// Per token of the text: [`word_hash`] of its lower case.
    pub hash: Vec<u64>,
    /// Per token of the text: the [`list`]s it is in (one table lookup per token, not one per
    /// list and sentence).
    pub lists: Vec<u16>,
    /// Per token of the text: its share of cue occurrences in PolNeAR (-1 when no cue word).
    pub cue: Vec<f32>,
    /// Per token of the text: the hash of its check-worthiness model word (see
    /// `checkworthy::model_word_hash`), which is [`Words::hash`] for an ASCII word without
    /// digits.
    pub model: Vec<u64>,
    /// Every token in lower case, one after another.
    lower: String,
    /// Where each token's lower case ends in `lower`.
    ends: Vec<usize>,
}

impl Words {
    /// The words of `text`, segmented as `seg`.
    pub fn new(text: &str, seg: &Segmented) -> Words {
        Words::for_tokens(text, &seg.tokens)
    }

    /// The words of some tokens of `text`.
    pub fn for_tokens(text: &str, tokens: &[Token]) -> Words {
        let lexicon = lexicon();
        let n = tokens.len();
        let mut hash = Vec::with_capacity(n);
        let mut lists = Vec::with_capacity(n);
        let mut cue = Vec::with_capacity(n);
        let mut ends = Vec::with_capacity(n);
        let mut model = Vec::with_capacity(n);
        // Bytes first, a string at the end: an ASCII word is lower-cased eight bytes at a
        // step, in the same pass as its hash.
        let mut lower: Vec<u8> = Vec::with_capacity(tokens.last().map_or(0, |t| t.span.end) + 8);
        for t in tokens {
            let start = lower.len();
            let len = t.span.end.saturating_sub(t.span.start);
            // Most words are ASCII, found so as they are lower-cased.
            let (h, plain) = match lower_ascii(text.as_bytes(), t.span.start, len, &mut lower) {
                Some(found) => found,
                None => {
                    lower.truncate(start);
                    lower_unicode(word(text, t), &mut lower);
                    (
                        word_hash_bytes(lower.get(start..).unwrap_or_default()),
                        false,
                    )
                }
            };
            model.push(if plain {
                h
            } else {
                checkworthy::model_word_hash(word(text, t))
            });
            let found = if t.kind != TokenKind::Punct {
                lexicon.value_or_default(h)
            } else if attribution::cue_mark(word(text, t)) {
                // A colon or a dash may start a cue (a headline's "Name: …", a signature).
                Lexeme {
                    lists: list::CUE,
                    cue: -1.0,
                }
            } else {
                Lexeme::default()
            };
            hash.push(h);
            lists.push(found.lists);
            cue.push(found.cue);
            ends.push(lower.len());
        }
        // Only whole characters were pushed: the bytes are UTF-8.
        let lower = String::from_utf8(lower)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        Words {
            hash,
            lists,
            cue,
            model,
            lower,
            ends,
        }
    }

    /// Token `k` in lower case ("" past the end).
    pub fn lower(&self, k: usize) -> &str {
        let start = if k == 0 {
            0
        } else {
            self.ends.get(k - 1).copied().unwrap_or(0)
        };
        let end = self.ends.get(k).copied().unwrap_or(start);
        self.lower.get(start..end).unwrap_or("")
    }
}

/// Words with values, looked up by [`word_hash`] and then checked against the word itself: as a
/// `HashMap<&str, V>`, but hashing eight bytes at a step, and in a [`crate::hash::HashTable`].
#[derive(Clone, Debug)]
pub(crate) struct WordTable<V> {
    /// By word hash: 1 + the entry's index (0: none).
    index: crate::hash::HashTable<u32>,
    entries: Vec<(&'static str, V)>,
}

impl<V> WordTable<V> {
    /// The value of word `w`.
    pub fn get(&self, w: &str) -> Option<&V> {
        let i = self.index.value_or_default(word_hash(w)) as usize;
        let (word, v) = self.entries.get(i.wrapping_sub(1))?;
        (*word == w).then_some(v)
    }

    /// The words and their values.
    pub fn iter(&self) -> impl Iterator<Item = (&&'static str, &V)> {
        self.entries.iter().map(|(w, v)| (w, v))
    }

    /// The words.
    pub fn keys(&self) -> impl Iterator<Item = &&'static str> {
        self.entries.iter().map(|(w, _)| w)
    }
}

impl<V> FromIterator<(&'static str, V)> for WordTable<V> {
    /// Of a word given twice, the last value is kept (as a map keeps it).
    fn from_iter<I: IntoIterator<Item = (&'static str, V)>>(pairs: I) -> WordTable<V> {
        let mut at: crate::hash::FnvMap<&str, usize> = crate::hash::FnvMap::default();
        let mut entries: Vec<(&'static str, V)> = Vec::new();
        for (w, v) in pairs {
            match at.get(w) {
                Some(&i) => entries[i].1 = v,
                None => {
                    at.insert(w, entries.len());
                    entries.push((w, v));
                }
            }
        }
        let index = crate::hash::HashTable::new(
            entries
                .iter()
                .enumerate()
                .map(|(i, (w, _))| (word_hash(w), i as u32 + 1)),
        );
        WordTable { index, entries }
    }
}

/// True when one of `phrases` (from `phrase_list!`) occurs in the word hashes `words`, whose
/// list bits are `lists`: only words with the phrase list's `start` bit are looked up.
fn has_phrase(
    words: &[u64],
    lists: &[u16],
    start: u16,
    phrases: &crate::hash::FnvMap<u64, Vec<Vec<u64>>>,
) -> bool {
    words.iter().zip(lists).enumerate().any(|(i, (h, &bits))| {
        bits & start != 0
            && phrases
                .get(h)
                .is_some_and(|ps| ps.iter().any(|p| words[i..].starts_with(p)))
    })
}

/// As [`has_phrase`] over the words of `toks` alone, punctuation skipped (a phrase may run
/// over a comma); `hashes` and `lists` are those of `toks`.
fn has_word_phrase(
    toks: &[Token],
    hashes: &[u64],
    lists: &[u16],
    start: u16,
    phrases: &crate::hash::FnvMap<u64, Vec<Vec<u64>>>,
) -> bool {
    let word = |k: &usize| toks.get(*k).is_some_and(|t| t.kind != TokenKind::Punct);
    (0..hashes.len().min(lists.len())).any(|i| {
        lists[i] & start != 0
            && word(&i)
            && phrases.get(&hashes[i]).is_some_and(|ps| {
                ps.iter().any(|p| {
                    let mut words = (i..hashes.len()).filter(word);
                    p.iter()
                        .all(|&h| words.next().is_some_and(|k| hashes[k] == h))
                })
            })
    })
}

/// True for labels that count as numbers inside a claim.
pub fn is_number_label(label: Label) -> bool {
    label.is_numeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_keep_every_reason_once_in_order() {
        // Why: the report lists a claim's reasons from this set, in the order `Reason` sorts.
        let mut set = Reasons::default();
        assert!(set.is_empty());
        for r in Reasons::ALL.iter().rev() {
            set.insert(*r);
            set.insert(*r);
        }
        let got: Vec<Reason> = set.iter().collect();
        let mut sorted = got.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(got, sorted);
        assert_eq!(set.len(), 10);
        assert_eq!(got.last(), Some(&Reason::Statistic));
        let mut two = Reasons::default();
        two.insert(Reason::Statistic);
        two.insert(Reason::Number);
        assert_eq!(
            two.iter().collect::<Vec<_>>(),
            [Reason::Number, Reason::Statistic]
        );
        assert!(!two.contains(Reason::Date));
    }

    #[test]
    fn word_hashes_differ_in_their_high_half() {
        // Words alike in length and first letters: the lexicon's table tells them apart by the
        // high 32 bits of their hashes alone.
        let words = [
            "alleged",
            "alleges",
            "allegex",
            "said",
            "sail",
            "saif",
            "according",
            "accordinG",
            "a",
            "b",
            "",
            "reported",
            "reporter",
            "reportedly",
        ];
        let mut high: Vec<u64> = words.iter().map(|w| word_hash(w) >> 32).collect();
        high.sort_unstable();
        high.dedup();
        assert_eq!(high.len(), words.len());
    }

    #[test]
    fn words_are_lower_cased_and_hashed_as_whole_strings() {
        // Words of every length up to 20 bytes, some at the very end of the text (read byte
        // by byte there), some not ASCII.
        let text = "The QUICK brown FOX, Jumped-Over “LAZY” dogs’ ΣΟΦΊΑ ΟΔΟΣ 2,000 A4 4x4x4x4x4 \
                    ABCDEFGHIJKLMNOPQRST aBcDeFgHiJkLmNoPqRsT [@`{] X";
        let seg = crate::segment::segment(text);
        let words = Words::new(text, &seg);
        for (k, t) in seg.tokens.iter().enumerate() {
            let lower = text[t.span].to_lowercase();
            assert_eq!(words.lower(k), lower);
            assert_eq!(words.hash[k], word_hash(&lower), "{lower}");
            let model = checkworthy::model_word_hash(&text[t.span]);
            assert_eq!(words.model[k], model, "{lower}");
        }
        for len in 0..=20 {
            let text = "QwErTyUiOpAsDfGhJkLz@[`{/0123456789:";
            // Ending at the text's end, and followed by more of it.
            for start in [text.len() - len, 0] {
                let mut out = b"x".to_vec();
                let (h, plain) =
                    lower_ascii(text.as_bytes(), start, len, &mut out).unwrap_or_default();
                let word = &text[start..start + len];
                let lower = format!("x{}", word.to_lowercase());
                assert_eq!(out, lower.as_bytes());
                assert_eq!(h, word_hash(&lower[1..]));
                assert_eq!(plain, !word.bytes().any(|b| b.is_ascii_digit()), "{word}");
            }
        }
    }

    #[test]
    fn word_phrases_skip_punctuation_as_the_words_alone_would() {
        let phrases = phrase_list!(checkworthy::CAUSE_PHRASES);
        let mut found = Vec::new();
        for text in [
            "Prices rose due to the war.",
            "Prices rose due, to the war.",
            "It was, as a result, late.",
            "It was as a",
            "Due to",
            "Nothing here; due.",
            "",
        ] {
            let seg = crate::segment::segment(text);
            let words = Words::new(text, &seg);
            let (hashes, lists): (Vec<u64>, Vec<u16>) = seg
                .tokens
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind != TokenKind::Punct)
                .map(|(k, _)| (words.hash[k], words.lists[k]))
                .unzip();
            let start = list::CAUSE_START;
            let skipping = has_word_phrase(&seg.tokens, &words.hash, &words.lists, start, phrases);
            assert_eq!(
                skipping,
                has_phrase(&hashes, &lists, start, phrases),
                "{text}"
            );
            found.push(skipping);
        }
        assert_eq!(found, [true, true, true, false, true, false, false]);
    }

    #[test]
    fn a_word_table_finds_its_words_and_no_other() {
        let words = ["said", "according", "told", "a", "", "reportedly", "said"];
        let table: WordTable<usize> = words.iter().enumerate().map(|(i, &w)| (w, i)).collect();
        assert_eq!(table.keys().count(), 6);
        assert_eq!(
            table.get("said"),
            Some(&6),
            "the last value of a word given twice"
        );
        for (i, w) in words.iter().enumerate().take(6).skip(1) {
            assert_eq!(table.get(w), Some(&i), "{w}");
        }
        for w in ["says", "Said", "tol", "toldd", " a", "b"] {
            assert_eq!(table.get(w), None, "{w}");
        }
    }

    #[test]
    fn the_lexicon_keeps_every_list_of_a_word() {
        let Lexeme { lists: bits, cue } = lexicon().value_or_default(word_hash("alleged"));
        assert!(
            bits & list::ALLEGED != 0 && bits & list::CUE != 0,
            "{bits:b}"
        );
        assert!(cue > 0.0 && cue < 1.0, "its share of cue uses: {cue}");
    }
}
