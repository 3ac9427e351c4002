//! Certainty: how firmly a claim is stated.

use super::attribution::{Attribution, AttributionKind};
use crate::segment::Segmented;

/// How firmly a claim is stated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Certainty {
    /// In the outlet's own voice.
    Asserted,
    /// Someone is said to say it.
    Attributed,
    /// Hedged: "reportedly", "may", "could not be ruled out".
    Hedged,
    /// An "alleged" act or actor.
    Alleged,
    /// Denied: "denied", "rejected claims that".
    Denied,
}

impl Certainty {
    /// The name used in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Asserted => "asserted",
            Certainty::Attributed => "attributed",
            Certainty::Hedged => "hedged",
            Certainty::Alleged => "alleged",
            Certainty::Denied => "denied",
        }
    }
}

const DENIAL_WORDS: &[&str] = &[
    "denied", "denies", "deny", "denying", "refuted", "refutes", "refute",
];
const DENIAL_PHRASES: &[&[&str]] = &[
    &["rejected", "claims"],
    &["rejected", "reports"],
    &["rejected", "allegations"],
    &["dismissed", "claims"],
    &["dismissed", "reports"],
    &["dismissed", "allegations"],
    &["not", "true"],
    &["no", "truth"],
    &["is", "false"],
    &["are", "false"],
];
const HEDGE_WORDS: &[&str] = &[
    "reportedly",
    "allegedly",
    "purportedly",
    "purported",
    "apparently",
    "possibly",
    "perhaps",
    "presumably",
    "supposedly",
    "rumored",
    "rumoured",
    "unconfirmed",
    "may",
    "might",
    "could",
    "likely",
    "unverified",
];
const HEDGE_PHRASES: &[&[&str]] = &[
    &["ruled", "out"],
    &["is", "believed"],
    &["are", "believed"],
    &["was", "believed"],
    &["were", "believed"],
    &["it", "is", "thought"],
    &["not", "excluded"],
    &["is", "said", "to"],
    &["are", "said", "to"],
    &["was", "said", "to"],
    &["were", "said", "to"],
    &["is", "suspected"],
    &["are", "suspected"],
];

/// Classifies sentence `index`: denied, alleged, hedged, attributed or asserted, in that order.
pub fn classify(text: &str, seg: &Segmented, index: usize, attribution: &Attribution) -> Certainty {
    let toks = &seg.tokens[seg.sentences[index].tokens.clone()];
    let words: Vec<String> = toks.iter().map(|t| text[t.span].to_lowercase()).collect();
    let has_phrase = |phrases: &[&[&str]]| {
        phrases.iter().any(|p| {
            words
                .windows(p.len())
                .any(|w| w.iter().zip(p.iter()).all(|(a, b)| a == b))
        })
    };
    let has_word = |set: &std::collections::HashSet<&'static str>| {
        words.iter().any(|w| set.contains(w.as_str()))
    };
    if has_word(word_set!(DENIAL_WORDS)) || has_phrase(DENIAL_PHRASES) {
        Certainty::Denied
    } else if words.iter().any(|w| w == "alleged") {
        Certainty::Alleged
    } else if has_word(word_set!(HEDGE_WORDS)) || has_phrase(HEDGE_PHRASES) {
        Certainty::Hedged
    } else if attribution.kind != AttributionKind::None {
        Certainty::Attributed
    } else {
        Certainty::Asserted
    }
}
