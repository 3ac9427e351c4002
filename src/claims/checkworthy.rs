//! Check-worthiness: a score in [0, 1] from the features a fact-checker looks for.
//!
//! A logistic function of hand-set weights over sentence features: numbers, dates, named
//! entities, factual verbs, comparisons and attribution raise it; opinion and address lower
//! it. Each feature present is returned as a reason.

use super::attribution::{Attribution, AttributionKind};
use super::certainty::Certainty;
use super::Reason;
use crate::entities::{Label, Mention};
use crate::segment::{Segmented, TokenKind};

const BIAS: f64 = -1.6;
const WEIGHTS: &[(Reason, f64)] = &[
    (Reason::Number, 1.7),
    (Reason::Date, 0.4),
    (Reason::NamedEntity, 0.8),
    (Reason::FactualVerb, 0.9),
    (Reason::Comparison, 0.4),
    (Reason::Attributed, 0.3),
    (Reason::Hedged, 0.0),
    (Reason::Opinion, -1.4),
];

/// Verbs that report events and states a fact-checker can verify.
const FACTUAL_VERBS: &[&str] = &[
    "arrested",
    "attacked",
    "banned",
    "bombed",
    "built",
    "captured",
    "carried",
    "caused",
    "charged",
    "closed",
    "convicted",
    "crossed",
    "declined",
    "destroyed",
    "detained",
    "died",
    "doubled",
    "dropped",
    "elected",
    "entered",
    "escaped",
    "executed",
    "fell",
    "fled",
    "fought",
    "found",
    "funded",
    "grew",
    "has",
    "have",
    "had",
    "held",
    "hold",
    "holds",
    "increased",
    "injured",
    "invaded",
    "joined",
    "killed",
    "launched",
    "left",
    "lost",
    "opened",
    "owns",
    "paid",
    "passed",
    "raised",
    "reached",
    "received",
    "released",
    "rose",
    "ruled",
    "seized",
    "sent",
    "sentenced",
    "shot",
    "signed",
    "sold",
    "spent",
    "started",
    "stole",
    "took",
    "travelled",
    "traveled",
    "tripled",
    "voted",
    "won",
    "wounded",
    "is",
    "are",
    "was",
    "were",
    "allow",
    "allows",
    "allowed",
    "operate",
    "operates",
    "operated",
    "control",
    "controls",
    "controlled",
    "issued",
    "issuing",
    "planning",
    "plans",
    "planned",
    "provided",
    "supplied",
    "smuggled",
    "trained",
    "recruited",
    "returned",
    "moved",
    "obtained",
    "received",
];

const COMPARISON_WORDS: &[&str] = &[
    "more", "less", "fewer", "most", "least", "largest", "biggest", "highest", "lowest",
    "smallest", "record", "than", "increase", "decrease", "doubled", "tripled", "half", "majority",
    "minority", "worst", "best",
];

const OPINION_WORDS: &[&str] = &[
    "i",
    "we",
    "us",
    "our",
    "my",
    "should",
    "must",
    "think",
    "believe",
    "hope",
    "feel",
    "wonderful",
    "terrible",
    "great",
    "thank",
    "thanks",
    "please",
    "let's",
    "ought",
];

/// Scores sentence `index`; returns the score and the reasons present.
#[allow(clippy::too_many_arguments)]
pub fn score(
    text: &str,
    seg: &Segmented,
    index: usize,
    mentions: &[Mention],
    entities: &[usize],
    attribution: &Attribution,
    certainty: Certainty,
) -> (f64, Vec<Reason>) {
    let toks = &seg.tokens[seg.sentences[index].tokens.clone()];
    let words: Vec<String> = toks
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| text[t.span].to_lowercase())
        .collect();
    let labels = entities.iter().map(|&k| mentions[k].label);
    let mut reasons = Vec::new();
    let labels: Vec<Label> = labels.collect();
    if labels
        .iter()
        .any(|l| l.is_numeric() && *l != Label::Ordinal)
    {
        reasons.push(Reason::Number);
    }
    if labels
        .iter()
        .any(|l| matches!(l, Label::Date | Label::Time))
    {
        reasons.push(Reason::Date);
    }
    if labels.iter().any(|l| l.is_name()) {
        reasons.push(Reason::NamedEntity);
    }
    if words.iter().any(|w| FACTUAL_VERBS.contains(&w.as_str())) {
        reasons.push(Reason::FactualVerb);
    }
    if words.iter().any(|w| COMPARISON_WORDS.contains(&w.as_str())) {
        reasons.push(Reason::Comparison);
    }
    if attribution.kind != AttributionKind::None {
        reasons.push(Reason::Attributed);
    }
    if matches!(certainty, Certainty::Hedged | Certainty::Alleged) {
        reasons.push(Reason::Hedged);
    }
    let quoted_only = attribution.quote;
    let opinion = words
        .iter()
        .filter(|w| OPINION_WORDS.contains(&w.as_str()))
        .count();
    if opinion > 0 && !quoted_only || text[seg.sentences[index].span].ends_with('!') {
        reasons.push(Reason::Opinion);
    }
    let mut z = BIAS;
    for r in &reasons {
        z += WEIGHTS
            .iter()
            .find(|(w, _)| w == r)
            .map_or(0.0, |(_, x)| *x);
    }
    if words.len() < 7 {
        z -= 0.5;
    }
    let s = 1.0 / (1.0 + (-z).exp());
    ((s * 1000.0).round() / 1000.0, reasons)
}
