//! Claims: the sentences that state something checkable, with who says them and how surely.
//!
//! A candidate is a sentence that is not boilerplate, not a question and has at least four
//! words. Each gets a check-worthiness score (`checkworthy`), an attribution (`attribution`) and
//! a certainty (`certainty`).

/// A word list as a set of word hashes ([`crate::hash::fnv`] of each), built once:
/// `word_set!(LIST).contains(&hash)` in O(1), against the hashes in [`Words`].
macro_rules! word_set {
    ($list:expr) => {{
        static SET: std::sync::OnceLock<crate::hash::FnvSet<u64>> = std::sync::OnceLock::new();
        SET.get_or_init(|| $list.iter().map(|w| crate::claims::word_hash(w)).collect())
    }};
}

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
use crate::segment::{Segmented, TokenKind};
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
    pub reasons: Vec<Reason>,
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

/// Finds the claims of one source.
pub fn find(text: &str, seg: &Segmented, mentions: &[Mention], boilerplate: &[Span]) -> Vec<Claim> {
    let mut claims = Vec::new();
    let text_words = Words::new(text, seg);
    let attributions = attribution::Attributions::new(text, seg, mentions);
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
        let question = last.is_some_and(|t| &text[t.span] == "?");
        if words < MIN_WORDS || question {
            continue;
        }
        while m < mentions.len() && mentions[m].span.end <= span.start {
            m += 1;
        }
        let entities: Vec<usize> = (m..mentions.len())
            .take_while(|&k| mentions[k].span.start < span.end)
            .filter(|&k| span.contains(mentions[k].span))
            .collect();
        let attribution = attributions.find(index);
        let certainty = certainty::classify(seg, &text_words, index, &attribution);
        let (score, reasons) = checkworthy::score(
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

/// The hash of a lower-case word, as in [`Words`].
pub fn word_hash(lower: &str) -> u64 {
    crate::hash::fnv(crate::hash::FNV_OFFSET, lower.as_bytes())
}

/// The lower-case hashes of one text's tokens: computed once per text and shared by every
/// sentence's certainty and check-worthiness.
pub struct Words {
    /// Per token of the text: [`word_hash`] of its lower case.
    pub hash: Vec<u64>,
}

impl Words {
    /// The words of `text`, segmented as `seg`.
    pub fn new(text: &str, seg: &Segmented) -> Words {
        let hash = seg
            .tokens
            .iter()
            .map(|t| {
                let w = &text[t.span];
                if w.is_ascii() {
                    // The hash of the lower case without making it.
                    w.bytes().fold(crate::hash::FNV_OFFSET, |h, b| {
                        crate::hash::fnv(h, &[b.to_ascii_lowercase()])
                    })
                } else {
                    word_hash(&w.to_lowercase())
                }
            })
            .collect();
        Words { hash }
    }
}

/// True when one of `phrases` (from `phrase_list!`) occurs in the word hashes `words`: one
/// lookup per word.
fn has_phrase(words: &[u64], phrases: &crate::hash::FnvMap<u64, Vec<Vec<u64>>>) -> bool {
    words.iter().enumerate().any(|(i, h)| {
        phrases
            .get(h)
            .is_some_and(|ps| ps.iter().any(|p| words[i..].starts_with(p)))
    })
}

/// True for labels that count as numbers inside a claim.
pub fn is_number_label(label: Label) -> bool {
    label.is_numeric()
}
