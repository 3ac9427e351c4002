//! Claims: the sentences that state something checkable, with who says them and how surely.
//!
//! A candidate is a sentence that is not boilerplate, not a question and has at least four
//! words. Each gets a check-worthiness score (`checkworthy`), an attribution (`attribution`) and
//! a certainty (`certainty`).

/// A word list as a set, built once: `word_set!(LIST).contains(word)` in O(1) instead of a
/// scan of the list for every word of every sentence.
macro_rules! word_set {
    ($list:expr) => {{
        static SET: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
            std::sync::OnceLock::new();
        SET.get_or_init(|| $list.iter().copied().collect())
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
    let mut m = 0;
    for (index, sentence) in seg.sentences.iter().enumerate() {
        let span = sentence.span;
        if boilerplate.iter().any(|b| b.overlaps(span)) {
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
        let attribution = attribution::find(text, seg, index, mentions, &entities);
        let certainty = certainty::classify(text, seg, index, &attribution);
        let (score, reasons) = checkworthy::score(
            text,
            seg,
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

/// True for labels that count as numbers inside a claim.
pub fn is_number_label(label: Label) -> bool {
    label.is_numeric()
}
