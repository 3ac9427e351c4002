//! Certainty: how firmly a claim is stated.

use super::attribution::{Attribution, AttributionKind};
use super::{has_phrase, list, Words};
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
    // Only negated ("could not be ruled out", "refused to rule out"): stated, it denies
    // (`rules_out`).
    &["ruled", "out"],
    &["rule", "out"],
    &["rules", "out"],
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
    // An expectation is no event yet: "Ortega is expected to sign the bill".
    &["is", "expected", "to"],
    &["are", "expected", "to"],
    &["was", "expected", "to"],
    &["were", "expected", "to"],
    // A report without a reporter: "is reported to have resigned", "it was reported that".
    &["is", "reported", "to"],
    &["are", "reported", "to"],
    &["was", "reported", "to"],
    &["were", "reported", "to"],
    &["it", "is", "reported"],
    &["it", "was", "reported"],
    &["it", "has", "been", "reported"],
    // A question left unanswered states nothing: "declined to say whether it had paid".
    &["declined", "to", "say"],
    &["declined", "to", "comment"],
    &["declined", "to", "confirm"],
    &["declined", "to", "discuss"],
    &["declined", "to", "disclose"],
    &["refused", "to", "say"],
    &["refused", "to", "comment"],
    &["refused", "to", "confirm"],
    &["would", "not", "say"],
    &["would", "not", "confirm"],
    &["would", "not", "comment"],
    &["did", "not", "say"],
    &["did", "not", "confirm"],
    &["wouldn't", "say"],
    &["wouldn’t", "say"],
    &["wouldn't", "confirm"],
    &["wouldn’t", "confirm"],
    &["didn't", "say"],
    &["didn’t", "say"],
    &["didn't", "confirm"],
    &["didn’t", "confirm"],
    &["won't", "say"],
    &["won’t", "say"],
    &["has", "not", "said"],
    &["have", "not", "said"],
    // A state feared or believed, not known: "Dozens feared dead".
    &["feared", "dead"],
    &["feared", "killed"],
    &["feared", "missing"],
    &["feared", "trapped"],
    &["believed", "dead"],
    &["believed", "missing"],
    &["believed", "killed"],
    &["presumed", "dead"],
    &["unclear", "whether"],
    &["not", "clear", "whether"],
];

/// A charge or an accusation: what follows is alleged, by whoever brings it ("pleaded not
/// guilty to charges that he took bribes", "was charged with accepting bribes").
const ALLEGED_PHRASES: &[&[&str]] = &[
    &["charges", "that"],
    &["charged", "with"],
    &["accused", "of"],
    &["allegations", "that"],
    &["allegation", "that"],
    &["alleging"],
    &["alleges"],
    &["allege"],
];

/// Where the first denial word of `sentence` ends ("…, and denied that the claims …", "ruled
/// out hacking"), in bytes into it; `None` without one.
pub fn denial_end(sentence: &str) -> Option<usize> {
    let mut start = None;
    let mut rule = false;
    for (i, c) in sentence.char_indices().chain([(sentence.len(), ' ')]) {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = &sentence[s..i];
                if DENIAL_WORDS.iter().any(|d| d.eq_ignore_ascii_case(word))
                    || (rule && word.eq_ignore_ascii_case("out"))
                {
                    return Some(i);
                }
                rule = ["rule", "rules", "ruled", "ruling"]
                    .iter()
                    .any(|r| r.eq_ignore_ascii_case(word));
                start = None;
            }
            _ => {}
        }
    }
    None
}

/// The word lists above, with their bits in [`Words::lists`].
pub(super) const WORD_LISTS: &[(&[&str], u16)] = &[
    (DENIAL_WORDS, list::DENIAL),
    (&["alleged"], list::ALLEGED),
    (HEDGE_WORDS, list::HEDGE),
];

/// The phrase lists above, with the bits of their first words.
pub(super) const PHRASE_LISTS: &[(&[&[&str]], u16)] = &[
    (DENIAL_PHRASES, list::DENIAL_START),
    (HEDGE_PHRASES, list::HEDGE_START),
];

/// Classifies sentence `index`: denied, alleged, hedged, attributed or asserted, in that order.
#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
pub fn classify(
    text: &str,
    seg: &Segmented,
    words: &Words,
    index: usize,
    attribution: &Attribution,
) -> Certainty {
    let range = seg.sentences[index].tokens.clone();
    let hashes = words.hash.get(range.clone()).unwrap_or_default();
    let lists = words.lists.get(range.clone()).unwrap_or_default();
    let others = others_from(seg, words, index, attribution);
    // Denial words of another speaker ("…, but the company denied that …") are not this
    // claim's.
    let found = lists.iter().zip(range.clone()).fold(0, |m, (&bits, k)| {
        if others.is_some_and(|o| k >= o) {
            m | (bits & !list::DENIAL)
        } else {
            m | bits
        }
    });
    let phrase =
        |start: u16, phrases| found & start != 0 && has_phrase(hashes, lists, start, phrases);
    let denial_phrase = || phrase(list::DENIAL_START, phrase_list!(DENIAL_PHRASES));
    // "can neither confirm nor deny", "did not deny", "would not confirm or deny": a denial
    // word itself negated, or the other half of "confirm or deny", leaves the claim open.
    let open_denial = found & list::DENIAL != 0
        && (seg.sentences[index].tokens.clone())
            .take_while(|&k| others.is_none_or(|o| k < o))
            .filter(|&k| words.lists.get(k).is_some_and(|&b| b & list::DENIAL != 0))
            .all(|k| {
                (k.saturating_sub(3).max(seg.sentences[index].tokens.start)..k).any(|j| {
                    let w = words.lower(j);
                    matches!(
                        w,
                        "not" | "never" | "nor" | "neither" | "cannot" | "confirm"
                    ) || w.ends_with("n't")
                        || w.ends_with("n’t")
                })
            });
    if open_denial && !denial_phrase() {
        Certainty::Hedged
    } else if found & list::DENIAL != 0 || denial_phrase() || rules_out(words, index, seg, others) {
        Certainty::Denied
    } else if found & list::ALLEGED != 0 || alleged_phrase(hashes) {
        Certainty::Alleged
    } else if hedge_word(text, seg, words, index)
        || phrase(list::HEDGE_START, phrase_list!(HEDGE_PHRASES))
    {
        Certainty::Hedged
    } else if attribution.kind != AttributionKind::None {
        Certainty::Attributed
    } else {
        Certainty::Asserted
    }
}

/// Words before "rule out" that leave what it would rule out open: "could not be ruled out",
/// "refused to rule out", "declined to rule out".
const RULE_OUT_OPEN: &[&str] = &[
    "not", "never", "cannot", "refused", "declined", "unable", "won't", "won’t",
];

/// True when sentence `index` rules something out in its speaker's words ("apologized and ruled
/// out hacking", "Police have ruled out foul play"): a denial. Negated ("could not be ruled
/// out", "refused to rule out") it is a hedge instead ([`HEDGE_PHRASES`]).
fn rules_out(words: &Words, index: usize, seg: &Segmented, others: Option<usize>) -> bool {
    let range = seg.sentences[index].tokens.clone();
    let first = range.start;
    range
        .take_while(|&k| others.is_none_or(|o| k < o))
        .filter(|&k| {
            matches!(words.lower(k), "rule" | "rules" | "ruled" | "ruling")
                && words.lower(k + 1) == "out"
        })
        .any(|k| {
            !(k.saturating_sub(4).max(first)..k).any(|j| {
                let w = words.lower(j);
                RULE_OUT_OPEN.contains(&w) || w.ends_with("n't") || w.ends_with("n’t")
            })
        })
}

/// Words that open a clause set against the one before ("X said …, but the company denied …").
const CONTRAST_WORDS: &[&str] = &["but", "while", "whereas", "although", "though", "yet"];

/// The first token of sentence `index` that belongs to another speaker than the claim's: a
/// clause after the claim's cue that opens with a contrast word and has a subject of its own
/// before its verb ("Two workers said a pump had leaked, but the company denied that …"). A
/// clause without a subject ("…, but denied that …") is still the claim's speaker. `None` when
/// the claim has no cue or no such clause.
fn others_from(
    seg: &Segmented,
    words: &Words,
    index: usize,
    attribution: &Attribution,
) -> Option<usize> {
    let cue = attribution.cue?;
    let range = seg.sentences[index].tokens.clone();
    let after_cue = range
        .clone()
        .find(|&k| seg.tokens.get(k).is_some_and(|t| t.span.start >= cue.end))?;
    (after_cue..range.end).find(|&k| {
        CONTRAST_WORDS.contains(&words.lower(k))
            && k + 2 < range.end
            && words
                .lists
                .get(k + 1)
                .is_some_and(|&b| b & list::DENIAL == 0)
            && (k + 2..range.end.min(k + 8))
                .any(|j| words.lists.get(j).is_some_and(|&b| b & list::DENIAL != 0))
    })
}

/// True when words `hashes` hold a phrase of [`ALLEGED_PHRASES`]. Its first words have no bit
/// of their own (the lists' bits are all taken), so each word is looked up.
fn alleged_phrase(hashes: &[u64]) -> bool {
    let phrases = phrase_list!(ALLEGED_PHRASES);
    (0..hashes.len()).any(|i| {
        phrases
            .get(&hashes[i])
            .is_some_and(|ps| ps.iter().any(|p| hashes[i..].starts_with(p)))
    })
}

/// True when sentence `index` holds a hedge word; "May" capitalised after the first word is
/// the month ("in May"), not the modal.
fn hedge_word(text: &str, seg: &Segmented, words: &Words, index: usize) -> bool {
    let range = seg.sentences[index].tokens.clone();
    let first = range.start;
    range
        .filter(|&k| words.lists.get(k).is_some_and(|&b| b & list::HEDGE != 0))
        .any(|k| {
            let month = k > first
                && words.lower(k) == "may"
                && seg.tokens.get(k).is_some_and(|t| {
                    text.get(t.span.start..t.span.end)
                        .is_some_and(|w| w.starts_with('M'))
                });
            !month
        })
}
