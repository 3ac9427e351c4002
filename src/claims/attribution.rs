//! Attribution: who says a claim, by which cue, and whether in their own quoted words.
//!
//! The cue is the first attribution verb ("said", "told", "reported", "added", "claimed") or
//! "according to" outside quotation marks. The source is the noun phrase before the verb
//! ("the official added", "WND reported"), or after it when the verb follows the quote
//! ("…,” said the official), or after "according to".

use crate::entities::{Label, Mention};
use crate::segment::{Segmented, TokenKind};
use crate::span::Span;

/// Whether a claim's source is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AttributionKind {
    /// A named person, organisation or outlet (or a pronoun standing for one).
    Named,
    /// An unnamed source: "an official", "security sources", "the documents".
    Anonymous,
    /// No attribution: the outlet's own voice.
    None,
}

impl AttributionKind {
    /// The name used in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::Named => "named",
            AttributionKind::Anonymous => "anonymous",
            AttributionKind::None => "none",
        }
    }
}

/// Who says a claim.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// Named, anonymous or none.
    pub kind: AttributionKind,
    /// True when the claim quotes its source directly.
    pub quote: bool,
    /// The source's noun phrase.
    pub source: Option<Span>,
    /// The cue ("said", "according to").
    pub cue: Option<Span>,
}

impl Attribution {
    /// No attribution.
    pub fn none() -> Attribution {
        Attribution {
            kind: AttributionKind::None,
            quote: false,
            source: None,
            cue: None,
        }
    }
}

/// Verbs that attribute what a sentence says to someone.
const CUE_VERBS: &[&str] = &[
    "accused",
    "acknowledged",
    "added",
    "adds",
    "admitted",
    "alleged",
    "alleges",
    "announced",
    "announces",
    "argued",
    "argues",
    "asserted",
    "asserts",
    "believes",
    "charged",
    "cited",
    "claimed",
    "claims",
    "confirmed",
    "confirms",
    "declared",
    "denied",
    "denies",
    "disclosed",
    "emphasised",
    "emphasized",
    "estimated",
    "estimates",
    "explained",
    "explains",
    "indicated",
    "indicates",
    "insisted",
    "insists",
    "maintained",
    "noted",
    "notes",
    "pointed",
    "reiterated",
    "reported",
    "reports",
    "revealed",
    "reveals",
    "said",
    "say",
    "says",
    "showed",
    "shows",
    "specified",
    "stated",
    "states",
    "stressed",
    "suggested",
    "suggests",
    "testified",
    "told",
    "tells",
    "warned",
    "warns",
    "wrote",
    "writes",
];

/// Words that end a noun phrase when walking away from the cue.
const BOUNDARIES: &[&str] = &[
    "that", "which", "who", "whom", "and", "but", "because", "if", "when", "while", "as", "after",
    "before", "since", "where", "so", "than", "or", "nor", "to", "is", "are", "was", "were", "be",
    "been", "has", "have", "had", "not", "also", "it", "this", "there", "what", "although",
    "though", "however", "said", "says", "told", "in", "on", "at", "with", "by",
];

/// Adverbs and auxiliaries allowed between a source and its verb ("the official further said").
const BETWEEN: &[&str] = &[
    "also",
    "further",
    "reportedly",
    "allegedly",
    "recently",
    "later",
    "previously",
    "once",
    "again",
    "then",
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "repeatedly",
    "publicly",
    "privately",
    "earlier",
    "already",
    "had",
    "now",
    "separately",
    "specifically",
];

/// Head nouns of unnamed sources.
const ANONYMOUS_HEADS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "diplomat",
    "diplomats",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "documents",
    "document",
    "report",
    "reports",
    "agency",
    "authorities",
    "police",
    "investigators",
    "observers",
    "people",
    "insiders",
    "aide",
    "aides",
    "commander",
    "commanders",
    "officer",
    "officers",
    "member",
    "members",
    "study",
    "survey",
    "statement",
    "media",
    "ministry",
    "government",
    "intelligence",
    "security",
    "activists",
    "monitor",
    "group",
    "military",
    "army",
    "critics",
    "researchers",
    "scientists",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you"];

/// Finds the attribution of sentence `index`.
pub fn find(
    text: &str,
    seg: &Segmented,
    index: usize,
    mentions: &[Mention],
    entities: &[usize],
) -> Attribution {
    let sentence = &seg.sentences[index];
    let range = sentence.tokens.clone();
    let toks = &seg.tokens[range.clone()];
    let words: Vec<String> = toks.iter().map(|t| text[t.span].to_lowercase()).collect();
    let quoted = quoted_mask(text, seg, range.clone());
    let n = toks.len();
    for c in 0..n {
        if quoted[c] {
            continue;
        }
        let w = words[c].as_str();
        let (cue, np) = if w == "according" && words.get(c + 1).is_some_and(|x| x == "to") {
            (
                Span::new(toks[c].span.start, toks[c + 1].span.end),
                noun_phrase_right(text, toks, &words, c + 2),
            )
        } else if CUE_VERBS.contains(&w)
            && !(w == "pointed" && words.get(c + 1).is_none_or(|x| x != "out"))
        {
            let cue_end = if w == "pointed" { c + 1 } else { c };
            let cue = Span::new(toks[c].span.start, toks[cue_end].span.end);
            let left = noun_phrase_left(text, toks, &words, c);
            let np = if left.is_some() {
                left
            } else {
                noun_phrase_right(text, toks, &words, cue_end + 1)
            };
            (cue, np)
        } else {
            continue;
        };
        let Some((a, b)) = np else { continue };
        let source = Span::new(toks[a].span.start, toks[b].span.end);
        let kind = kind_of(text, toks, &words, a, b, source, mentions, entities);
        let quote = quoted.iter().filter(|&&q| q).count() >= 3;
        return Attribution {
            kind,
            quote,
            source: Some(source),
            cue: Some(cue),
        };
    }
    Attribution::none()
}

/// Marks the tokens between quotation marks (curly or straight).
fn quoted_mask(text: &str, seg: &Segmented, range: std::ops::Range<usize>) -> Vec<bool> {
    let mut mask = Vec::with_capacity(range.len());
    let mut inside = false;
    for t in &seg.tokens[range] {
        match &text[t.span] {
            "“" => {
                inside = true;
                mask.push(false);
            }
            "”" => {
                inside = false;
                mask.push(false);
            }
            "\"" => {
                inside = !inside;
                mask.push(false);
            }
            _ => mask.push(inside && t.kind != TokenKind::Punct),
        }
    }
    mask
}

fn is_np_word(text: &str, t: &crate::segment::Token, w: &str) -> bool {
    (t.kind != TokenKind::Punct || matches!(&text[t.span], "'s" | "’s" | "." | "-"))
        && !BOUNDARIES.contains(&w)
}

/// The noun phrase ending just before token `c`, skipping adverbs next to the verb.
fn noun_phrase_left(
    text: &str,
    toks: &[crate::segment::Token],
    words: &[String],
    c: usize,
) -> Option<(usize, usize)> {
    let mut k = c;
    while k > 0 && BETWEEN.contains(&words[k - 1].as_str()) {
        k -= 1;
    }
    let end = k;
    while k > 0 && end - k < 10 && is_np_word(text, &toks[k - 1], &words[k - 1]) {
        k -= 1;
    }
    (k < end).then(|| (k, end - 1))
}

/// The noun phrase starting at token `s`.
fn noun_phrase_right(
    text: &str,
    toks: &[crate::segment::Token],
    words: &[String],
    s: usize,
) -> Option<(usize, usize)> {
    let mut k = s;
    while k < toks.len()
        && k - s < 8
        && (is_np_word(text, &toks[k], &words[k])
            || (k > s && matches!(words[k].as_str(), "of" | "at" | "for" | "in")))
        && words[k] != "."
    {
        k += 1;
    }
    // A phrase does not end on a preposition.
    while k > s && matches!(words[k - 1].as_str(), "of" | "at" | "for" | "in") {
        k -= 1;
    }
    (k > s).then(|| (s, k - 1))
}

#[allow(clippy::too_many_arguments)]
fn kind_of(
    text: &str,
    toks: &[crate::segment::Token],
    words: &[String],
    a: usize,
    b: usize,
    source: Span,
    mentions: &[Mention],
    entities: &[usize],
) -> AttributionKind {
    let named = entities.iter().map(|&k| &mentions[k]).any(|m| {
        source.contains(m.span)
            && matches!(
                m.label,
                Label::Person | Label::Org | Label::Gpe | Label::Norp | Label::Fac
            )
    });
    if named {
        return AttributionKind::Named;
    }
    if a == b && PRONOUNS.contains(&words[a].as_str()) {
        return AttributionKind::Named;
    }
    let head = (a..=b)
        .rev()
        .find(|&k| toks[k].kind == TokenKind::Word)
        .map(|k| words[k].as_str())
        .unwrap_or("");
    if ANONYMOUS_HEADS.contains(&head) {
        return AttributionKind::Anonymous;
    }
    let capitalised = (a..=b).any(|k| {
        k > 0
            && text[toks[k].span]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    });
    if capitalised {
        AttributionKind::Named
    } else {
        AttributionKind::Anonymous
    }
}
