//! Attribution: who says a claim, by which cue, through which outlet, and whether in their own
//! quoted words.
//!
//! Each sentence is scanned for **cue candidates**: a word of saying, showing, believing or
//! wanting ("said", "told", "warned", "accused", "believes"), a fixed pattern ("according to X",
//! "in a new poll", "his promise to", "as X put it", "Report wnd.com", a headline "X: …"), or a
//! noun of saying after a possessive. The cue words, with the share of their occurrences outside
//! quotation marks that are cues, come from the PolNeAR training articles
//! (`attribution_cues.txt`: `word cue_count occurrences`).
//!
//! Each candidate gets a **source** from the words around it:
//!
//! - the noun phrase before the verb ("WND reported", "the official further said", "Trump on
//!   Tuesday said"), with an apposition ("X, a security expert at Y, said") kept in the span and
//!   a parenthetical clause ("X, who …, said", "X, speaking to reporters, said") left out;
//! - a relative pronoun ("Trump, who said"), as PolNeAR marks it;
//! - after the verb when a quotation or a clause precedes it ("…,” said the official", "…,
//!   said Alan Abramowitz, a demographer at Emory University"), and after "according to";
//! - the subject for a participle or a second verb ("…, adding that", "X attacked Y and said"):
//!   the source of the previous cue, else the first noun phrase of the sentence;
//! - the agent of a passive ("was first reported by the Miami Herald"), and "X was quoted as
//!   saying".
//!
//! A logistic model (`attribution_weights.txt`, learned by
//! [`attribution_eval::train_weights`](super::attribution_eval::train_weights)) scores each
//! candidate on its cue word (and its lemma) and how often that word is a cue, how the source
//! was found, the words around cue and source, where both lie in the sentence and how far
//! apart, what the cue introduces ("that", a colon, a quotation), whether a verb comes before
//! the source, whether it is quoted, and the source's kind; candidates at or above
//! [`THRESHOLD`] are attributions ([`decode`]). Features are hashed from their parts, with no
//! allocation, into a small open-addressing table of weights.
//!
//! **via** is the outlet that carried the words: "told CNN", "told Al Arabiya.net", "in an
//! interview with Fox News", "according to wnd.com", "Report wnd.com".
//!
//! A sentence may hold several attributions ([`Attributions::find_all`]); the claim's
//! attribution ([`Attributions::find`]) is the first one outside quotation marks. A sentence inside a quotation that runs
//! over several sentences takes the attribution of the sentence where the quotation ends (a
//! source named after the quote: "…,” the official added.") or else where it begins ("He said:
//! “…").
//!
//! [`Attributions`] does the work once per text (quotation marks, lower-case words, each
//! sentence's candidates); [`find`] and [`find_all`] do it for the lines around one sentence.

use super::{list, Words};
use crate::entities::{Label, Mention};
use crate::segment::{Segmented, Token, TokenKind};
use crate::span::Span;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::OnceLock;

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
    /// The outlet that carried the words ("CNN" in "told CNN").
    pub via: Option<Span>,
}

impl Attribution {
    /// No attribution.
    pub fn none() -> Attribution {
        Attribution {
            kind: AttributionKind::None,
            quote: false,
            source: None,
            cue: None,
            via: None,
        }
    }
}

/// A word at least this often a cue is taken for a verb: it ends a noun phrase.
pub const SURE: f64 = 0.3;

/// A word less often a cue than this is no candidate.
const UNSURE: f64 = 0.05;

/// Cue words with their share of occurrences that are cues (from PolNeAR train).
fn cue_words() -> &'static Table {
    static CUES: OnceLock<Table> = OnceLock::new();
    CUES.get_or_init(|| {
        include_str!("attribution_cues.txt")
            .lines()
            .filter_map(|line| {
                let mut cols = line.split_whitespace();
                let word = cols.next()?;
                let cue: f64 = cols.next()?.parse().ok()?;
                let all: f64 = cols.next()?.parse().ok()?;
                (all > 0.0).then_some((word, cue / all))
            })
            .collect()
    })
}

/// Words that end a noun phrase when walking away from the cue.
const BOUNDARIES: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "because", "if", "when", "while", "as",
    "after", "before", "since", "where", "so", "than", "or", "nor", "to", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "not", "also", "it", "this", "there", "what",
    "although", "though", "however", "said", "says", "told", "in", "on", "at", "with", "by",
    "during", "into", "about", "against", "over", "under", "through", "do", "does", "did", "will",
    "would", "can", "could", "should", "may", "might", "must", "then", "even", "just", "now",
    "only", "yet", "why", "how", "whether", "until", "unless", "once", "like", "up", "out", "off",
    "down", "its",
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
    "are",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "did",
    "does",
    "do",
    "not",
    "never",
    "repeatedly",
    "publicly",
    "privately",
    "earlier",
    "already",
    "now",
    "separately",
    "specifically",
    "still",
    "just",
    "even",
    "often",
    "first",
    "quickly",
    "frequently",
    "always",
    "initially",
    "finally",
    "openly",
    "explicitly",
    "long",
    "been",
    "being",
    "all",
    "both",
    "well",
];

/// Auxiliaries that belong to the cue ("has said", "would not say").
const CUE_AUX: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "did", "does", "do", "not",
    "been", "being", "be", "could", "can", "should", "may", "might", "must",
];

/// Cue verbs whose source may follow them when nothing precedes ("…,” said the official).
const INVERTIBLE: &[&str] = &[
    "said",
    "read",
    "reads",
    "declares",
    "added",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "asked",
    "asks",
    "noted",
    "notes",
    "explained",
    "explains",
    "continued",
    "continues",
    "replied",
    "recalled",
    "argued",
    "argues",
    "insisted",
    "declared",
    "told",
    "tells",
    "warned",
    "warns",
    "countered",
    "responded",
    "reported",
    "reports",
    "claimed",
    "claims",
    "stated",
    "observed",
    "remarked",
    "quipped",
    "tweeted",
    "announced",
    "concluded",
    "suggested",
    "joked",
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
    "poll",
    "polls",
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
    "data",
    "figures",
    "voters",
];

/// Nouns of reports and statements: "in a new poll", "issued a statement saying".
const REPORT_NOUNS: &[&str] = &[
    "poll",
    "survey",
    "study",
    "report",
    "statement",
    "interview",
    "letter",
    "memo",
    "analysis",
    "tweet",
    "post",
    "speech",
    "op-ed",
    "column",
    "editorial",
    "email",
    "e-mail",
    "release",
    "filing",
    "lawsuit",
    "complaint",
    "video",
    "ad",
    "advertisement",
    "message",
    "note",
    "book",
    "article",
    "documents",
    "document",
    "testimony",
    "remarks",
];

/// Words of time that may stand between a source and its cue ("Trump on Tuesday said").
const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "time",
    "day",
    "past",
    "recent",
    "days",
    "weeks",
    "months",
    "years",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Nouns of saying whose possessor is the source: "his promise", "Trump's claim".
const NOUN_CUES: &[&str] = &[
    "accusation",
    "accusations",
    "admission",
    "advice",
    "announcement",
    "argument",
    "arguments",
    "assertion",
    "assessment",
    "attack",
    "attacks",
    "belief",
    "call",
    "calls",
    "claim",
    "claims",
    "comment",
    "comments",
    "complaint",
    "complaints",
    "concern",
    "concerns",
    "contention",
    "criticism",
    "critique",
    "decision",
    "declaration",
    "demand",
    "demands",
    "denial",
    "description",
    "endorsement",
    "explanation",
    "fear",
    "fears",
    "hope",
    "hopes",
    "insistence",
    "message",
    "opposition",
    "plan",
    "pledge",
    "position",
    "praise",
    "prediction",
    "promise",
    "promises",
    "proposal",
    "refusal",
    "remarks",
    "request",
    "response",
    "rhetoric",
    "stance",
    "statement",
    "suggestion",
    "support",
    "testimony",
    "threat",
    "tweet",
    "view",
    "views",
    "vow",
    "warning",
    "backing",
    "reaction",
    "feeling",
    "rethinking",
    "recognition",
    "words",
    "rejection",
    "perception",
    "perceptions",
    "determination",
    "confidence",
    "enthusiasm",
    "quip",
    "endorsements",
];

/// Reports that are sources themselves: "in a new poll".
const SOURCE_REPORTS: &[&str] = &[
    "poll",
    "survey",
    "study",
    "report",
    "analysis",
    "memo",
    "documents",
    "book",
    "article",
    "filing",
    "lawsuit",
    "complaint",
    "letter",
    "ad",
    "video",
];

/// Pronouns that stand for a named source.
/// Verbs whose object does what the infinitive after it says ("prompted voters to
/// reconsider", "forcing candidates to scramble").
const CONTROL_VERBS: &[&str] = &[
    "prompt",
    "prompts",
    "prompted",
    "prompting",
    "force",
    "forces",
    "forced",
    "forcing",
    "lead",
    "leads",
    "led",
    "leading",
    "drive",
    "drives",
    "drove",
    "driving",
    "driven",
    "require",
    "requires",
    "required",
    "requiring",
    "urge",
    "urges",
    "urged",
    "urging",
    "push",
    "pushes",
    "pushed",
    "pushing",
    "ask",
    "asks",
    "asked",
    "asking",
    "encourage",
    "encourages",
    "encouraged",
    "encouraging",
    "allow",
    "allows",
    "allowed",
    "allowing",
    "persuade",
    "persuaded",
    "convince",
    "convinced",
    "invite",
    "invited",
    "inviting",
    "tell",
    "told",
    "telling",
    "want",
    "wants",
    "wanted",
    "expect",
    "expects",
    "expected",
    "on",
];

/// Dashes that may sign a quotation or set off a speaker's name.
const DASHES: &[&str] = &["-", "--", "—", "–", "―"];

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you"];

/// Relative pronouns that stand for their antecedent ("Trump, who said").
const RELATIVES: &[&str] = &["who", "which", "that"];

/// Determiners after which a cue word is a noun or an adjective ("a reported 5,000").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your", "some", "any", "no", "every", "each",
];

/// Words that end a clause subject when looking for the first noun phrase of a sentence.
const OPENERS: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "still",
    "however",
    "meanwhile",
    "instead",
    "indeed",
    "now",
    "then",
];

/// One cue found in a sentence, before it is accepted or not.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The attribution it would give.
    pub attribution: Attribution,
    /// True when the cue is inside quotation marks.
    pub quoted: bool,
    /// The features it was scored on (see `attribution_weights.txt`).
    pub features: Vec<String>,
    /// The sum of the features' weights; accepted at [`THRESHOLD`] and above.
    pub score: f64,
    /// The index of its sentence.
    pub sentence: usize,
}

/// A candidate is an attribution when its score is at least this.
pub const THRESHOLD: f64 = 0.0;

/// What `cue_at` found: local token indexes of the cue, source and outlet.
struct Found {
    cue: (usize, usize),
    src: (usize, usize),
    via: Option<(usize, usize)>,
    how: &'static str,
    /// A fixed pattern ("according to", "his promise") rather than a cue verb.
    special: bool,
    feats: Feats,
}

type Table = super::WordTable<f64>;

/// The features of one candidate as they are added: their summed weight, and their names when
/// kept (to learn the weights).
struct Feats {
    keep: bool,
    names: Vec<String>,
    score: f64,
}

impl Feats {
    fn new(keep: bool) -> Feats {
        Feats {
            keep,
            names: Vec::new(),
            score: bias(),
        }
    }

    /// Adds the feature whose name is `parts` joined by spaces.
    fn add(&mut self, parts: &[Part]) {
        let h = parts
            .iter()
            .fold(FEATURE_SEED, |h, p| feature_step(h, p.hash));
        self.score += weights().get(feature_finish(h));
        if self.keep {
            let names: Vec<&str> = parts.iter().map(|p| p.name).collect();
            self.names.push(names.join(" "));
        }
    }
}

/// One part of a feature name ("w=", "said") with its [`part_hash`], computed where the
/// feature is added: there the hash of a literal part is a constant.
#[derive(Clone, Copy)]
struct Part<'a> {
    name: &'a str,
    hash: u64,
}

impl<'a> Part<'a> {
    #[inline(always)]
    fn new(name: &'a str) -> Part<'a> {
        Part {
            name,
            hash: part_hash(name.as_bytes()),
        }
    }
}

impl<'a> From<&'a str> for Part<'a> {
    #[inline(always)]
    fn from(name: &'a str) -> Part<'a> {
        Part::new(name)
    }
}

const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// The hash of one part of a feature name, eight bytes at a step.
#[inline(always)]
fn part_hash(s: &[u8]) -> u64 {
    let step = |h: u64, word: u64| (h ^ word).wrapping_mul(K).rotate_left(31);
    let mut h = 0x243F_6A88_85A3_08D3 ^ s.len() as u64;
    let mut chunks = s.chunks_exact(8);
    for chunk in &mut chunks {
        h = step(h, crate::hash::le_word(chunk));
    }
    if !chunks.remainder().is_empty() {
        h = step(h, crate::hash::le_word(chunks.remainder()));
    }
    h
}

const FEATURE_SEED: u64 = 0x1319_8A2E_0370_7344;

fn feature_step(h: u64, part: u64) -> u64 {
    (h ^ part).wrapping_mul(K).rotate_left(27)
}

fn feature_finish(h: u64) -> u64 {
    h ^ (h >> 29)
}

/// The hash of a feature from its parts ("w=", "said"): some thirty features are hashed for
/// each candidate, and hashing whole parts rather than bytes halved their cost. The weights
/// file keeps the parts apart with spaces (`w= said 1.234`).
fn feature_hash<'p>(parts: impl IntoIterator<Item = &'p str>) -> u64 {
    let h = parts.into_iter().fold(FEATURE_SEED, |h, p| {
        feature_step(h, part_hash(p.as_bytes()))
    });
    feature_finish(h)
}

/// Adds a feature named by its parts: `feat!(f, "w=", word)`.
macro_rules! feat {
    ($f:expr, $($part:expr),+) => {
        $f.add(&[$(Part::from($part)),+])
    };
}

/// A crude lemma: the word without its inflection ("believes", "believed" → "believ").
fn lemma(w: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if w.len() > suffix.len() + 2 && w.ends_with(suffix) {
            return &w[..w.len() - suffix.len()];
        }
    }
    w
}

/// A distance as a bucket: 0, 1, 2, 3 (3-5), 4 (6-10), 5 (more).
fn bucket(d: usize) -> usize {
    match d {
        0..=2 => d,
        3..=5 => 3,
        6..=10 => 4,
        _ => 5,
    }
}

/// Small numbers as feature values.
const DIGITS: [&str; 20] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19",
];

/// Words that start a fixed pattern: "according to", "in a poll", "his promise", "put it".
fn triggers() -> &'static super::WordTable<bool> {
    static TRIGGERS: OnceLock<super::WordTable<bool>> = OnceLock::new();
    TRIGGERS.get_or_init(|| {
        [
            "according",
            "in",
            "report",
            "reports",
            "via",
            "source",
            "put",
        ]
        .iter()
        .map(|&w| (w, false))
        .chain(NOUN_CUES.iter().map(|&w| (w, true)))
        .collect()
    })
}

/// The weight every candidate starts from.
fn bias() -> f64 {
    static BIAS: OnceLock<f64> = OnceLock::new();
    *BIAS.get_or_init(|| weights().get(feature_hash(["bias"])))
}

/// Feature weights learned on PolNeAR train (`attribution_weights.txt`: `feature weight`).
fn weights() -> &'static Weights {
    static WEIGHTS: OnceLock<Weights> = OnceLock::new();
    WEIGHTS.get_or_init(|| {
        Weights::new(
            include_str!("attribution_weights.txt")
                .lines()
                .filter_map(|line| {
                    let (f, w) = line.rsplit_once(' ')?;
                    Some((feature_hash(f.split(' ')), w.parse().ok()?))
                })
                .collect(),
        )
    })
}

/// Feature weights by the hash of the feature's name, looked up some thirty times per
/// candidate: eight bytes a slot (32 bits of the hash, the weight), so that the table stays in
/// cache (a `HashMap<u64, f64>` was a quarter of the time), and without a branch on whether a
/// feature has a weight (half of them have, which no branch predictor guesses).
struct Weights {
    table: crate::hash::HashTable<f32>,
}

impl Weights {
    fn new(pairs: Vec<(u64, f32)>) -> Weights {
        Weights {
            table: crate::hash::HashTable::new(pairs),
        }
    }

    fn get(&self, h: u64) -> f64 {
        f64::from(self.table.value_or_default(h))
    }
}

#[cfg(test)]
mod weight_tests {
    use super::*;

    #[test]
    fn every_weight_is_found_by_its_name_and_its_parts() {
        let mut hashes = crate::hash::FnvSet::default();
        let mut n = 0;
        for line in include_str!("attribution_weights.txt").lines() {
            let Some((name, w)) = line.rsplit_once(' ') else {
                continue;
            };
            let w: f32 = w.parse().unwrap_or(f32::NAN);
            let h = feature_hash(name.split(' '));
            // As `feat!` hashes them: part by part, where the feature is added.
            let parts: Vec<Part> = name.split(' ').map(Part::new).collect();
            let by_parts = parts
                .iter()
                .fold(FEATURE_SEED, |h, p| feature_step(h, p.hash));
            assert_eq!(feature_finish(by_parts), h, "{name}");
            assert_eq!(weights().get(h), f64::from(w), "{name}");
            hashes.insert(h);
            n += 1;
        }
        // No two names share a hash.
        assert!(n > 7000, "{n} weights");
        assert_eq!(hashes.len(), n);
    }
}

/// Every cue candidate of sentence `index`, accepted or not, with its features.
pub fn candidates(
    text: &str,
    seg: &Segmented,
    index: usize,
    mentions: &[Mention],
) -> Vec<Candidate> {
    Attributions::around(text, seg, mentions, index).candidates(index)
}

/// Finds the attribution of sentence `index` (see [`Attributions::find`]). For many sentences
/// of one text, [`Attributions`] shares the work between them.
pub fn find(
    text: &str,
    seg: &Segmented,
    index: usize,
    mentions: &[Mention],
    _entities: &[usize],
) -> Attribution {
    Attributions::around(text, seg, mentions, index).find(index)
}

/// Every attribution in sentence `index` (see [`Attributions::find_all`]).
pub fn find_all(
    text: &str,
    seg: &Segmented,
    index: usize,
    mentions: &[Mention],
    _entities: &[usize],
) -> Vec<Attribution> {
    Attributions::around(text, seg, mentions, index).find_all(index)
}

/// The attributions of one text, or of the lines around one sentence. What every sentence
/// needs is computed once: the quotation marks, each word in lower case (when first looked at)
/// and each sentence's attributions (when first asked for; a quotation over several sentences
/// asks for its neighbours').
pub struct Attributions<'a> {
    text: &'a str,
    seg: &'a Segmented,
    mentions: &'a [Mention],
    /// Index in `seg.tokens` of the first token covered (the start of a line).
    base: usize,
    /// Index in `seg.tokens` after the last token covered.
    end: usize,
    /// The claims stage's words: each token in lower case, with what the word lists say of it
    /// (by index in `seg.tokens` minus `words_base`).
    words: Cow<'a, Words>,
    words_base: usize,
    /// Whether each covered token is inside quotation marks (the marks themselves are not).
    quoted: Vec<bool>,
    /// For each covered token, the first token of its line and the token after its line's
    /// last (indexes in `seg.tokens`): a paragraph's bounds without a walk over its tokens.
    lines: Vec<(u32, u32)>,
    /// Index of the first sentence with covered tokens.
    first_sentence: usize,
    /// Each sentence's attributions, with whether the cue is quoted.
    found: Vec<OnceCell<Vec<(Attribution, bool)>>>,
}

/// The most tokens looked at before a sentence for an open quotation (by [`find`] alone).
const LOOK_BACK: usize = 1000;
/// The most tokens before a sentence looked at for its source.
const CONTEXT: usize = 60;
/// The most tokens looked at after a sentence for the end of a quotation.
const LOOK_AHEAD: usize = 120;

impl<'a> Attributions<'a> {
    /// The attributions of every sentence of `text`, found when first asked for.
    pub fn new(text: &'a str, seg: &'a Segmented, mentions: &'a [Mention]) -> Attributions<'a> {
        let words = Cow::Owned(Words::new(text, seg));
        Attributions::covering(text, seg, mentions, 0, seg.tokens.len(), words)
    }

    /// The same, with the text's [`Words`] already made (as the claims stage has them).
    pub fn with_words(
        text: &'a str,
        seg: &'a Segmented,
        mentions: &'a [Mention],
        words: &'a Words,
    ) -> Attributions<'a> {
        let words = if words.hash.len() == seg.tokens.len() {
            Cow::Borrowed(words)
        } else {
            Cow::Owned(Words::new(text, seg))
        };
        Attributions::covering(text, seg, mentions, 0, seg.tokens.len(), words)
    }

    /// Covers only the line around sentence `index` (up to [`LOOK_BACK`] tokens before it and
    /// [`LOOK_AHEAD`] after it): enough for that sentence alone.
    fn around(
        text: &'a str,
        seg: &'a Segmented,
        mentions: &'a [Mention],
        index: usize,
    ) -> Attributions<'a> {
        let Some(range) = seg.sentences.get(index).map(|s| s.tokens.clone()) else {
            let none = Cow::Owned(Words::for_tokens(text, &[]));
            return Attributions::covering(text, seg, mentions, 0, 0, none);
        };
        let mut line = range.start.min(seg.tokens.len());
        while line > 0 && range.start - line < LOOK_BACK && seg.tokens[line].newlines_before == 0 {
            line -= 1;
        }
        let mut last = range.end.min(seg.tokens.len());
        while last < seg.tokens.len()
            && last - range.end < LOOK_AHEAD
            && seg.tokens[last].newlines_before == 0
        {
            last += 1;
        }
        let words = Cow::Owned(Words::for_tokens(text, &seg.tokens[line..last]));
        Attributions::covering(text, seg, mentions, line, last, words)
    }

    /// Covers tokens `base..end`; `words` are those of the whole text, or of these tokens.
    fn covering(
        text: &'a str,
        seg: &'a Segmented,
        mentions: &'a [Mention],
        base: usize,
        end: usize,
        words: Cow<'a, Words>,
    ) -> Attributions<'a> {
        let words_base = if words.hash.len() == seg.tokens.len() {
            0
        } else {
            base
        };
        let toks = &seg.tokens[base..end];
        let quoted = quoted_lines(text, toks);
        let mut lines = vec![(0, 0); toks.len()];
        let mut start = base;
        for (k, t) in toks.iter().enumerate() {
            if t.newlines_before > 0 {
                start = base + k;
            }
            lines[k].0 = start as u32;
        }
        let mut after = end;
        for (k, t) in toks.iter().enumerate().rev() {
            lines[k].1 = after as u32;
            if t.newlines_before > 0 {
                after = base + k;
            }
        }
        let first_sentence = seg.sentences.partition_point(|s| s.tokens.end <= base);
        let last_sentence = seg.sentences.partition_point(|s| s.tokens.start < end);
        Attributions {
            text,
            seg,
            mentions,
            base,
            end,
            words,
            words_base,
            quoted,
            lines,
            first_sentence,
            found: vec![OnceCell::new(); last_sentence.saturating_sub(first_sentence)],
        }
    }

    /// The tokens around sentence `index` that its attributions are looked for in.
    fn paragraph(&self, index: usize) -> Paragraph<'_> {
        let range = self.seg.sentences[index].tokens.clone();
        let start = range.start.clamp(self.base, self.end);
        let stop = range.end.clamp(start, self.end);
        // Back to the line's start and on to the next line's, at most CONTEXT and LOOK_AHEAD
        // tokens.
        let line = |k: usize| self.lines.get(k - self.base).copied().unwrap_or_default();
        let mut first = start;
        if start < self.end {
            first = (line(start).0 as usize).max(start.saturating_sub(CONTEXT));
        } else {
            while first > self.base
                && start - first < CONTEXT
                && self.seg.tokens[first].newlines_before == 0
            {
                first -= 1;
            }
        }
        let mut last = stop;
        if stop < self.end {
            let next = if self.seg.tokens[stop].newlines_before > 0 {
                stop
            } else {
                line(stop).1 as usize
            };
            last = next.min(stop + LOOK_AHEAD);
        }
        let local = first - self.base..last - self.base;
        Paragraph {
            words: &self.words,
            offset: first - self.words_base,
            text: self.text,
            seg: self.seg,
            first,
            toks: &self.seg.tokens[first..last],
            quoted: &self.quoted[local],
        }
    }

    /// Every cue candidate of sentence `index`, accepted or not, with its features.
    pub fn candidates(&self, index: usize) -> Vec<Candidate> {
        if index >= self.seg.sentences.len() {
            return Vec::new();
        }
        self.paragraph(index)
            .candidates(index, self.mentions, true, false)
    }

    /// The accepted attributions of sentence `index`, each with whether its cue is quoted.
    fn of(&self, index: usize) -> &[(Attribution, bool)] {
        let Some(cell) = index
            .checked_sub(self.first_sentence)
            .and_then(|k| self.found.get(k))
        else {
            return &[];
        };
        cell.get_or_init(|| self.paragraph(index).attributions(index, self.mentions))
    }

    /// The first accepted attribution of sentence `index` whose cue is not quoted, as
    /// [`Attributions::of`] would give it. The candidates after it are not looked at: their
    /// sources could only matter to it when one overlapped its own and scored better (a
    /// different span for the same source, rare). When there is none, every candidate was
    /// looked at, and the sentence's attributions are kept for [`Attributions::of`].
    fn first_unquoted(&self, index: usize) -> Option<Attribution> {
        let cell = index
            .checked_sub(self.first_sentence)
            .and_then(|k| self.found.get(k))?;
        if let Some(all) = cell.get() {
            return all.iter().find(|a| !a.1).map(|(a, _)| a.clone());
        }
        let found: Vec<(Attribution, bool)> =
            decode(
                self.paragraph(index)
                    .candidates(index, self.mentions, false, true),
            )
            .into_iter()
            .map(|c| (c.attribution, c.quoted))
            .collect();
        match found.iter().find(|a| !a.1) {
            Some((a, _)) => Some(a.clone()),
            None => {
                // Every candidate was scored: these are all the sentence's attributions.
                let _ = cell.set(found);
                None
            }
        }
    }

    /// Every attribution in sentence `index`, in text order of their cues, including cues
    /// inside quotation marks (someone quoted as saying what someone else said).
    pub fn find_all(&self, index: usize) -> Vec<Attribution> {
        self.of(index).iter().map(|(a, _)| a.clone()).collect()
    }

    /// The attribution of sentence `index`: the first cue outside quotation marks, else the
    /// attribution of a quotation that runs into or out of the sentence.
    pub fn find(&self, index: usize) -> Attribution {
        if let Some(a) = self.first_unquoted(index) {
            return a;
        }
        if index >= self.seg.sentences.len() {
            return Attribution::none();
        }
        // A quotation that runs over several sentences: the source after its end, else before
        // its start.
        let para = self.paragraph(index);
        let (lo, hi) = para.local(index);
        let continues_after = hi > 0 && hi < para.toks.len() && para.inside_at(hi);
        let continued_before = lo < para.toks.len() && para.inside_at(lo);
        if continues_after {
            // The sentence where the quotation closes, with a cue after the closing mark.
            let mut close = hi;
            while close < para.toks.len() && para.inside_at(close) {
                close += 1;
            }
            if close < para.toks.len() {
                let at = para.toks[close].span.start;
                if let Some(s) = para.sentence_of(close) {
                    if let Some((a, _)) = self
                        .of(s)
                        .iter()
                        .find(|(a, quoted)| !quoted && a.cue.is_some_and(|c| c.start >= at))
                    {
                        return Attribution {
                            quote: true,
                            ..a.clone()
                        };
                    }
                }
            }
        }
        if continued_before {
            // The sentence where the quotation opens, with a cue before the opening mark.
            let mut open = lo;
            while open > 0 && para.inside_at(open) {
                open -= 1;
            }
            let at = para.toks[open].span.start;
            if let Some(s) = para.sentence_of(open) {
                if let Some((a, _)) = self
                    .of(s)
                    .iter()
                    .find(|(a, quoted)| !quoted && a.cue.is_some_and(|c| c.end <= at))
                {
                    return Attribution {
                        quote: true,
                        ..a.clone()
                    };
                }
            }
        }
        Attribution::none()
    }
}

const IS_BOUNDARY: u16 = list::BOUNDARY;
const IS_BETWEEN: u16 = list::BETWEEN;
const IS_TIME: u16 = list::TIME;

/// The attribution words of the claims stage's lexicon ([`Words`]): each with its list bits
/// and its share of cue occurrences (-1 when no cue word). Every lexicon and pattern word may
/// start a cue ([`list::CUE`]).
pub(super) fn lexicon_words() -> impl Iterator<Item = (&'static str, u16, f32)> {
    let cues = cue_words().iter().map(|(&w, &p)| (w, list::CUE, p as f32));
    let triggers = triggers().keys().map(|&w| (w, list::CUE, -1.0));
    let lists = [
        (BOUNDARIES, IS_BOUNDARY),
        (BETWEEN, IS_BETWEEN),
        (TIME_WORDS, IS_TIME),
    ]
    .into_iter()
    .flat_map(|(words, bit)| words.iter().map(move |&w| (w, bit, -1.0)));
    cues.chain(triggers).chain(lists)
}

/// True for a mark that may start a cue, a colon or a dash: [`Words`] gives it [`list::CUE`].
pub(super) fn cue_mark(w: &str) -> bool {
    w == ":" || DASHES.contains(&w)
}

/// A window of tokens around a sentence, borrowed from [`Attributions`].
struct Paragraph<'a> {
    text: &'a str,
    seg: &'a Segmented,
    /// Index in `seg.tokens` of `toks[0]`.
    first: usize,
    toks: &'a [Token],
    /// Each token in lower case with its list bits and cue share; `toks[k]` is word
    /// `offset + k`.
    words: &'a Words,
    offset: usize,
    /// Inside quotation marks (the marks themselves are not).
    quoted: &'a [bool],
}

impl Paragraph<'_> {
    /// True when local token `k` lies inside a quotation (or is a closing mark of one).
    fn inside_at(&self, k: usize) -> bool {
        self.quoted.get(k).copied().unwrap_or(false)
            || (k > 0
                && self.quoted.get(k - 1).copied().unwrap_or(false)
                && matches!(self.raw(k), "”" | "\"" | "’"))
    }

    /// The sentence holding local token `k`.
    fn sentence_of(&self, k: usize) -> Option<usize> {
        let g = self.first + k;
        let s = self.seg.sentences.partition_point(|s| s.tokens.end <= g);
        (s < self.seg.sentences.len()).then_some(s)
    }

    /// The local token range of sentence `index`, clipped to the paragraph.
    fn local(&self, index: usize) -> (usize, usize) {
        let r = &self.seg.sentences[index].tokens;
        let n = self.toks.len();
        (
            r.start.saturating_sub(self.first).min(n),
            r.end.saturating_sub(self.first).min(n),
        )
    }

    /// Local token `k` in lower case, "" past the end.
    fn w(&self, k: usize) -> &str {
        if k < self.toks.len() {
            self.words.lower(self.offset + k)
        } else {
            ""
        }
    }

    /// The list bits ([`Words::lists`]) of local token `k` (none past the end).
    fn lists(&self, k: usize) -> u16 {
        if k < self.toks.len() {
            self.words.lists.get(self.offset + k).copied().unwrap_or(0)
        } else {
            0
        }
    }

    /// True when local token `k` is in the word list `flag`.
    fn is(&self, k: usize, flag: u16) -> bool {
        self.lists(k) & flag != 0
    }

    /// True when local token `k` is at least [`SURE`] a cue: taken for a verb.
    fn sure_cue(&self, k: usize) -> bool {
        let cue = if k < self.toks.len() {
            self.words.cue.get(self.offset + k).copied().unwrap_or(-1.0)
        } else {
            -1.0
        };
        f64::from(cue) >= SURE
    }

    /// The text of local token `k`, "" past the end.
    fn raw(&self, k: usize) -> &str {
        self.toks.get(k).map_or("", |t| &self.text[t.span])
    }

    fn capitalised(&self, k: usize) -> bool {
        self.raw(k).chars().next().is_some_and(char::is_uppercase)
    }

    /// True for a punctuation token, and past the end.
    fn is_punct(&self, k: usize) -> bool {
        self.toks.get(k).is_none_or(|t| t.kind == TokenKind::Punct)
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b].span.end)
    }

    /// Attributions of sentence `index`, each with whether its cue is quoted.
    fn attributions(&self, index: usize, mentions: &[Mention]) -> Vec<(Attribution, bool)> {
        decode(self.candidates(index, mentions, false, false))
            .into_iter()
            .map(|c| (c.attribution, c.quoted))
            .collect()
    }

    /// Every cue candidate of sentence `index`, scored, with the names of its features when
    /// `keep`; when `first`, only up to the first accepted one outside quotation marks.
    fn candidates(
        &self,
        index: usize,
        mentions: &[Mention],
        keep: bool,
        first: bool,
    ) -> Vec<Candidate> {
        let (lo, hi) = self.local(index);
        let quoted_tokens = (lo..hi).filter(|&k| self.quoted[k]).count();
        // A sentence cut after an abbreviation ("Sen. Ron Johnson, R-Wis., said") continues
        // the one before.
        let ctx = if lo > 0
            && lo < hi
            && index > 0
            && self.toks[lo].newlines_before == 0
            && (self.w(lo) == ","
                || self.w(lo) == ")"
                || (self.toks[lo].kind == TokenKind::Word && !self.capitalised(lo))
                || self.unclosed_parenthesis(self.local(index - 1).0, lo))
        {
            self.local(index - 1).0
        } else {
            lo
        };
        // A line of its own without a final stop: a headline, a caption or a list item.
        let headline = hi > lo
            && (self.toks[lo].newlines_before > 0 || self.first + lo == 0)
            && (hi >= self.toks.len() || self.toks[hi].newlines_before > 0)
            && !matches!(self.w(hi - 1), "." | "!" | "?" | "”" | "\"" | "’");
        let mut out: Vec<Candidate> = Vec::new();
        let mut last_source: Option<(usize, usize)> = None;
        let mut c = lo;
        while c < hi {
            if !self.maybe_cue(c) {
                c += 1;
                continue;
            }
            let Some(found) = self.cue_at(c, ctx, hi, last_source, mentions, keep) else {
                c += 1;
                continue;
            };
            // A transcript's speaker label inside its quotation ("\"WALLACE: …") is no quote.
            let quoted = self.quoted[c] && found.how != "colon_after_mark";
            let (a, b) = found.src;
            if !found.special {
                last_source = Some((a, b));
            }
            let kind = self.kind_of(a, b, mentions);
            let mut f = found.feats;
            feat!(f, "kind=", kind.as_str());
            if quoted {
                feat!(f, "quoted");
                feat!(f, "quoted&src=", found.how);
                if !found.special {
                    feat!(f, "quoted&sw=", self.word(self.head(a, b)));
                }
            } else if quoted_tokens > 0 {
                feat!(f, "sentence_quotes");
            }
            if headline {
                feat!(f, "headline&src=", found.how);
            }
            if out.is_empty() {
                feat!(f, "first_cue");
            }
            out.push(Candidate {
                attribution: Attribution {
                    kind,
                    quote: quoted_tokens >= 3 && !quoted,
                    source: Some(self.span(a, b)),
                    cue: Some(self.span(found.cue.0, found.cue.1)),
                    via: found.via.map(|(x, y)| self.span(x, y)),
                },
                quoted,
                features: f.names,
                score: f.score,
                sentence: index,
            });
            if first && !quoted && out.last().is_some_and(|x| x.score >= THRESHOLD) {
                break;
            }
            c = found.cue.1 + 1;
        }
        out
    }

    /// A cue starting at local token `c` of the sentence `lo..hi`, with its source, outlet and
    /// features.
    fn cue_at(
        &self,
        c: usize,
        lo: usize,
        hi: usize,
        last_source: Option<(usize, usize)>,
        mentions: &[Mention],
        keep: bool,
    ) -> Option<Found> {
        let w = self.w(c);
        // Most tokens are no cue: two table lookups decide, whose answers are kept.
        let trigger = triggers().get(w).copied();
        let share = cue_words().get(w).copied();
        if w != ":" && !DASHES.contains(&w) && trigger.is_none() && share.is_none() {
            return None;
        }
        let noun_cue = trigger == Some(true);
        let special = |cue: (usize, usize), src: (usize, usize), how: &'static str| {
            let via = self.outlet_in(src.0, src.1, mentions).then_some(src);
            let mut feats = Feats::new(keep);
            feat!(feats, "special=", how);
            // "Q:", "A:", "Contributing:" and "Source:" head no attribution.
            feat!(
                feats,
                "special=",
                how,
                "&sw=",
                self.word(self.head(src.0, src.1))
            );
            Some(Found {
                cue,
                src,
                via,
                how,
                special: true,
                feats,
            })
        };
        if w == "according" && self.w(c + 1) == "to" && c + 2 < hi {
            let src = self.with_web(self.np_right(c + 2, hi)?);
            return special((c, c + 1), src, "according");
        }
        // "in a new CNN poll" (but not "said in a statement")
        if w == "in"
            && c + 1 < hi
            && matches!(self.w(c + 1), "a" | "an" | "the")
            && !(c > lo && self.sure_cue(c - 1))
        {
            let head = (c + 2..hi.min(c + 9)).find(|&k| SOURCE_REPORTS.contains(&self.w(k)))?;
            if (c + 2..head).any(|k| !self.is_np_word(k)) {
                return None;
            }
            return special((c, c), (c + 1, head), "in_report");
        }
        // A headline or transcript line "Dr. Ben Carson: Hillary Clinton …", also after an
        // opening mark or a dash: "\"WALLACE: …", "… TOO EARLY - Mark Blumenthal: “…".
        if w == ":" && c > lo && c + 1 < hi {
            let s = (c.saturating_sub(7).max(lo)..c)
                .rev()
                .find(|&k| self.opens_line_part(k))
                .map_or(lo, |k| k + 1);
            // A quoted transcript keeps its speakers' names inside the quotation.
            let name = |k: usize| {
                (self.is_np_word(k) || (s > lo && self.quoted[k] && !self.sure_cue(k)))
                    && (self.capitalised(k) || self.is_punct(k) || (k > s && self.w(k) == "and"))
            };
            if s < c && c - s <= 5 && self.capitalised(s) && (s..c).all(name) {
                let how = if s > lo { "colon_after_mark" } else { "colon" };
                return special((c, c), (s, c - 1), how);
            }
            return None;
        }
        // A quotation signed after a dash: "…” ― Sonya Herridge", "- Bernie Sanders." on the
        // line under it, "— Paul Ryan (@SpeakerRyan) July 5, 2016" under a tweet.
        if DASHES.contains(&w) && self.capitalised(c + 1) && c + 1 < hi {
            let np = self.np_right(c + 1, hi)?;
            let after = np.1 + 1;
            let handle = self.w(after) == "(" && self.raw(after + 1).starts_with('@');
            let signed = after >= hi
                || self.toks[after].newlines_before > 0
                || matches!(self.w(after), "." | "," | "(");
            if np.1 - np.0 < 6 && (handle || (signed && self.after_quotation(c))) {
                let src = if handle && self.w(after + 2) == ")" {
                    (np.0, after + 2)
                } else {
                    np
                };
                return special((c, c), src, "dash");
            }
            return None;
        }
        // "Report wnd.com", "(via Breitbart.com)": a web outlet named after the word.
        if matches!(w, "report" | "reports" | "via" | "source") {
            let k = if matches!(self.w(c + 1), ":" | "by" | "from") {
                c + 2
            } else {
                c + 1
            };
            if let Some(end) = self.web_at(k).filter(|&e| k < hi && e < hi) {
                return special((c, c), (k, end), "web");
            }
        }
        if self.is_punct(c) {
            return None;
        }
        // "his promise to build a wall", "Trump's claim that": the possessor says it.
        if noun_cue && c > lo {
            let mut k = c;
            while k > lo + 1
                && c - k < 2
                && self.toks[k - 1].kind == TokenKind::Word
                && !self.capitalised(k - 1)
                && !DETERMINERS.contains(&self.w(k - 1))
                && !BOUNDARIES.contains(&self.w(k - 1))
            {
                k -= 1;
            }
            let before = self.w(k - 1);
            let src = if matches!(before, "his" | "her" | "their" | "its" | "our" | "my") {
                Some((k - 1, k - 1))
            } else if matches!(before, "'s" | "’s") || self.possessive_mark(k - 1) {
                self.np_left(k - 1, lo).map(|(a, _)| (a, k - 1))
            } else {
                None
            };
            if let Some(src) = src {
                let mut found = special((c, c), src, "possessive")?;
                found.via = None;
                // "his claim that …", "her message: …" state what was said; "his decision" less.
                feat!(found.feats, "possessive&next=", self.class_of(c + 1, hi));
                return Some(found);
            }
        }
        // "the endorsement of the union", "a decision by Schumer", "the feeling among many
        // Americans", "in the words of a senior adviser": the agent after a preposition.
        if noun_cue && c + 2 < hi {
            let how = match self.w(c + 1) {
                "by" | "from" | "among" => "noun_by",
                "of" => "noun_of",
                _ => "",
            };
            if let Some(np) = self.np_right(c + 2, hi).filter(|_| !how.is_empty()) {
                let mut found = special((c, c + 1), self.with_web(np), how)?;
                feat!(found.feats, "special=", how, "&w=", w);
                return Some(found);
            }
        }
        // "as Akhil Amar put it"
        if w == "put" && self.w(c + 1) == "it" && c > lo + 1 {
            if let Some(((a, b), _)) = self.subject_left(c, lo, c) {
                if a > lo && self.w(a - 1) == "as" {
                    return special((c, c + 1), (a, b), "put_it");
                }
            }
        }
        let p = share?;
        if p < UNSURE {
            return None;
        }
        // "pointed out", "pointing to"
        let mut cue_b = c;
        if matches!(w, "pointed" | "pointing" | "points" | "point")
            && matches!(self.w(c + 1), "out" | "to")
        {
            cue_b = c + 1;
        }
        // A noun or adjective: "a reported 5,000", "the claims".
        if c > lo && DETERMINERS.contains(&self.w(c - 1)) {
            return None;
        }
        // Auxiliaries before the cue belong to it, with the adverbs after them ("has also
        // said", "was first reported").
        let aux = |k: usize| {
            !self.capitalised(k)
                && (CUE_AUX.contains(&self.w(k))
                    || self.w(k).ends_with("n’t")
                    || self.w(k).ends_with("n't"))
        };
        let mut cue_a = c;
        let mut k = c;
        while k > lo && k + 4 > c && (aux(k - 1) || self.is_between(k - 1)) {
            k -= 1;
            if aux(k) {
                cue_a = k;
            }
        }
        let passive = (cue_a..c).any(|k| {
            matches!(
                self.w(k),
                "was" | "were" | "is" | "are" | "been" | "being" | "be"
            )
        }) && (w.ends_with("ed") || matches!(w, "told" | "shown" | "seen" | "known"));
        let participle = w.ends_with("ing");
        let left_mark = if cue_a > lo { self.w(cue_a - 1) } else { "" };
        // A dash closing a parenthetical ("Christie — who is being vetted — said") is no
        // quotation's end.
        let closes_dashes = matches!(left_mark, "—" | "–")
            && cue_a > lo + 1
            && (cue_a.saturating_sub(30).max(lo)..cue_a - 1).any(|j| self.w(j) == left_mark);
        let after_quote = (matches!(left_mark, "”" | "“" | "\"" | "’" | "'" | "—" | "–" | ":")
            && !closes_dashes)
            || (left_mark == ","
                && cue_a >= lo + 2
                && matches!(self.w(cue_a - 2), "”" | "“" | "\"" | "’" | "'"));
        // "…, said Alan Abramowitz, a demographer at Emory University."
        let inverted = left_mark == ","
            && INVERTIBLE.contains(&w)
            && self.np_right(cue_b + 1, hi).is_some_and(|(a, b)| {
                let next = self.class_of(b + 1, hi);
                matches!(next, "end" | "stop")
                    || ((self.capitalised(a) || matches!(self.w(a), "the" | "a" | "an" | "one"))
                        && next == "comma")
            })
            // "Mehmet Yilmaz, a security expert at Ankara University, said 2,000 …"
            && !matches!(
                self.subject_left(cue_a, lo, c),
                Some(((a, b), "apposition"))
                    if (a == lo || self.is_punct(a - 1) || OPENERS.contains(&self.w(a - 1)))
                        // "for some, the losses would outstrip the gains, said X": a clause
                        && !(a..=b).any(|k| CUE_AUX.contains(&self.w(k)) && self.w(k) != "not")
            );
        let by = (cue_b + 1..hi.min(cue_b + 6)).find(|&k| self.w(k) == "by");
        let (src, how) = if passive && by.is_some() {
            // "was authored by House Speaker Philip Gunn"
            (self.np_right(by.unwrap_or(0) + 1, hi), "passive_by")
        } else if participle && c > lo + 1 && self.w(c - 1) == "as" && self.w(c - 2) == "quoted" {
            // "X was quoted as saying"
            let mut k = c - 2;
            while k > lo && self.is_between(k - 1) {
                k -= 1;
            }
            cue_a = k;
            (self.np_left(k, lo), "quoted_as")
        } else if participle
            && c > lo
            && (matches!(
                self.w(c - 1),
                "," | "and" | "despite" | "after" | "before" | "while" | "without"
            ) || REPORT_NOUNS.contains(&self.w(c - 1)))
        {
            // "…, adding that", "issued a statement saying"
            match last_source {
                Some(s) => (Some(s), "previous"),
                None => (self.first_np(lo, c), "first_np"),
            }
        } else if cue_a == c && c > lo + 1 && self.w(c - 1) == "to" {
            // "led her to declare": the object of a control verb speaks; "refused to say",
            // "is right to note": the subject of the verb before "to".
            cue_a = c - 1;
            self.infinitive_source(c - 1, lo)
        } else if after_quote || inverted || cue_a == lo {
            // "…,” said the official." / "Said Trump: …"
            match self.np_right(cue_b + 1, hi) {
                Some(s)
                    if (INVERTIBLE.contains(&w)
                        || (after_quote
                            && p >= SURE
                            && (self.capitalised(s.0)
                                || matches!(self.w(s.0), "the" | "a" | "an"))))
                        && !(s.0 == s.1 && PRONOUNS.contains(&self.w(s.0)) && !after_quote) =>
                {
                    (Some(self.with_apposition(s, hi)), "right")
                }
                _ => match self.subject_left(cue_a, lo, c) {
                    Some(s) => (Some(s.0), s.1),
                    None => (None, ""),
                },
            }
        } else {
            match self.subject_left(cue_a, lo, c) {
                Some(s) => (Some(s.0), s.1),
                None if cue_a > lo && matches!(self.w(cue_a - 1), "and" | "but") => {
                    match last_source {
                        Some(s) => (Some(s), "previous"),
                        None => (self.first_np(lo, cue_a - 1), "first_np"),
                    }
                }
                None => (None, ""),
            }
        };
        let src = src?;
        let via = if matches!(w, "told" | "tells" | "telling" | "tell") {
            self.np_right(cue_b + 1, hi)
                .map(|np| self.with_web(np))
                .filter(|&(a, b)| self.outlet_in(a, b, mentions))
        } else {
            self.interview_with(cue_b + 1, hi, mentions)
        };
        let pb = ((p * 10.0) as usize).min(9);
        let next = self.class_of(cue_b + 1, hi);
        let prev = if cue_a < c {
            "aux"
        } else {
            self.class_of(c.wrapping_sub(1), c)
        };
        let (a, b) = src;
        let mut f = Feats::new(keep);
        // Parts used in several features, hashed once.
        let (w_p, how_p, next_p, prev_p) = (
            Part::new(w),
            Part::new(how),
            Part::new(next),
            Part::new(prev),
        );
        let pb_p = Part::new(DIGITS[pb]);
        // Left out, as 10-fold cross-validation on train preferred (0.7984 with them, 0.8003
        // without): the cue word and its share bucket alone (its lemma and finer buckets
        // cover them), the classes before and after the cue alone, the source's length, the
        // cue's position, and the pairs src&next, lemma&src, bclass&src.
        feat!(f, "src=", how_p);
        feat!(f, "p=", pb_p, "&next=", next_p);
        if a == b && PRONOUNS.contains(&self.w(a)) {
            feat!(f, "pronoun&p=", pb_p);
        }
        let nw = self.word(cue_b + 1);
        let nw_p = Part::new(nw);
        feat!(f, "sw=", self.word(self.head(a, b)));
        // The head's ending and shape generalise over words rarely seen: "-ers", "-ists", "ALL".
        let head = self.head(a, b);
        let hw = self.word(head);
        if hw.len() > 4 && hw.is_char_boundary(hw.len() - 3) {
            feat!(f, "sws=", &hw[hw.len() - 3..]);
        }
        let raw = self.raw(head);
        let shape = if raw.starts_with(|c: char| c.is_ascii_digit()) {
            "digit"
        } else if raw.len() > 1 && raw.chars().all(|c| !c.is_lowercase()) {
            "upper"
        } else if self.capitalised(head) {
            "cap"
        } else {
            "lower"
        };
        feat!(f, "swshape=", shape, "&src=", how_p);
        feat!(f, "sf=", self.word(a));
        feat!(f, "nw=", nw_p);
        feat!(f, "w&nw=", w_p, "_", nw_p);
        feat!(f, "bs=", if a > 0 { self.w(a - 1) } else { "#" });
        feat!(f, "pv=", if cue_a > 0 { self.w(cue_a - 1) } else { "#" });
        feat!(f, "p20=", DIGITS[((p * 20.0) as usize).min(19)]);
        let suffix = if w.ends_with("ed") {
            "ed"
        } else if w.ends_with("ing") {
            "ing"
        } else if w.ends_with('s') {
            "s"
        } else {
            "other"
        };
        feat!(f, "suffix=", suffix, "&src=", how_p);
        if mentions_in(mentions, self.span(a, b)).any(|m| m.label == Label::Person) {
            feat!(f, "src_person");
        }
        // An organisation, a country or a group speaks; a date or a number does not.
        if let Some(m) = mentions_in(mentions, self.span(a, b)).find(|m| m.label != Label::Person) {
            feat!(f, "src_ent=", m.label.as_str());
        }
        if participle {
            feat!(f, "ing");
        }
        if passive {
            feat!(f, "passive");
        }
        // The word without its inflection pools "believes", "believed" and "believing".
        let lemma = lemma(w);
        let lemma_p = Part::new(lemma);
        feat!(f, "lemma=", lemma_p);
        feat!(f, "lemma=", lemma_p, "&next=", next_p);
        feat!(f, "lemma=", lemma_p, "&prev=", prev_p);
        // "did not respond", "would not say", "could be": the auxiliaries change the sense.
        if cue_a < c {
            feat!(f, "aux=", self.w(cue_a));
            let negated = (cue_a..c).any(|k| {
                let a = self.w(k);
                a == "not" || a == "never" || a.ends_with("n't") || a.ends_with("n’t")
            });
            if negated {
                feat!(f, "negated&lemma=", lemma_p);
            }
        }
        // Where cue and source lie in the sentence, and how far apart.
        feat!(f, "srcpos=", DIGITS[bucket(a.saturating_sub(lo))]);
        let dist = if a > c {
            a - cue_b
        } else {
            cue_a.saturating_sub(b)
        };
        feat!(f, "dist=", DIGITS[bucket(dist)], "&src=", how_p);
        let before = if a > lo {
            self.class_of(a - 1, hi)
        } else {
            "start"
        };
        let before_p = Part::new(before);
        feat!(f, "bclass=", before_p, "&lemma=", lemma_p);
        // What the cue introduces: "that", a colon or a quotation within three tokens.
        let that = (cue_b + 1..(cue_b + 4).min(hi))
            .find(|&k| matches!(self.class_of(k, hi), "that" | "colon" | "quote" | "close"));
        let then = that.map_or("none", |k| self.class_of(k, hi));
        let then_p = Part::new(then);
        feat!(f, "then=", then_p);
        feat!(f, "then=", then_p, "&lemma=", lemma_p);
        // A verb before the source: the source is then rarely the main clause's subject.
        let verb = (lo..a).any(|k| !self.quoted[k] && self.sure_cue(k));
        feat!(f, "verb_before=", DIGITS[usize::from(verb)], "&src=", how_p);
        Some(Found {
            cue: (cue_a, cue_b),
            src,
            via,
            how,
            special: false,
            feats: f,
        })
    }

    /// Token `k` in lower case for a feature: "#" for punctuation and past the end.
    fn word(&self, k: usize) -> &str {
        if self.is_punct(k) {
            "#"
        } else {
            self.w(k)
        }
    }

    /// The last word of the phrase `a..=b`.
    fn head(&self, a: usize, b: usize) -> usize {
        (a..=b).rev().find(|&k| !self.is_punct(k)).unwrap_or(b)
    }

    /// False for a token that cannot start a cue: its lower-case form is in no table, and it
    /// is no [`cue_mark`].
    fn maybe_cue(&self, k: usize) -> bool {
        self.is(k, list::CUE)
    }

    /// True when local token `k` is an opening quotation mark, or a dash with space on both
    /// sides, before a speaker's name ("\"WALLACE:", "TOO EARLY - Mark Blumenthal:").
    fn opens_line_part(&self, k: usize) -> bool {
        match self.w(k) {
            "\"" | "“" | "‘" => true,
            w if DASHES.contains(&w) => {
                let spaced = |a: usize, b: usize| self.toks[a].span.end < self.toks[b].span.start;
                k > 0 && k + 1 < self.toks.len() && spaced(k - 1, k) && spaced(k, k + 1)
            }
            _ => false,
        }
    }

    /// True when local token `k` comes right after a closing quotation mark, on its line or at
    /// the start of the next one.
    fn after_quotation(&self, k: usize) -> bool {
        let g = self.first + k;
        if g == 0 || g >= self.seg.tokens.len() {
            return false;
        }
        // The paragraph starts at a line, so the token before may lie outside it.
        let before = &self.text[self.seg.tokens[g - 1].span];
        matches!(before, "”" | "\"" | "’" | "''")
    }

    /// A coarse class of local token `k` (for features); "end" at or past `hi`.
    fn class_of(&self, k: usize, hi: usize) -> &'static str {
        if k >= hi || k >= self.toks.len() {
            return "end";
        }
        match self.w(k) {
            "that" => "that",
            ":" => "colon",
            "“" | "\"" | "‘" => "quote",
            "”" | "’" => "close",
            "," => "comma",
            "." | "!" | "?" => "stop",
            "to" => "to",
            "of" | "for" | "about" | "on" | "in" | "at" | "with" | "by" => "prep",
            "a" | "an" | "the" | "his" | "her" | "their" | "its" => "det",
            "he" | "she" | "they" | "i" | "we" | "it" | "you" => "pronoun",
            "and" | "but" | "or" => "conj",
            _ if self.is_punct(k) => "punct",
            _ if self.capitalised(k) => "cap",
            _ => "word",
        }
    }

    /// True for an adverb or auxiliary allowed between a source and its cue.
    fn is_between(&self, k: usize) -> bool {
        let w = self.w(k);
        !self.capitalised(k)
            && !self.quoted[k]
            && (self.is(k, IS_BETWEEN)
                || (w.ends_with("ly") && w.len() > 4)
                || w.ends_with("n't")
                || w.ends_with("n’t")
                || matches!(
                    w,
                    "ever"
                        | "actually"
                        | "more"
                        | "less"
                        | "too"
                        | "very"
                        | "however"
                        | "nevertheless"
                        | "since"
                        | "instead"
                        | "meanwhile"
                        | "likewise"
                        | "perhaps"
                        | "together"
                        | "almost"
                ))
    }

    /// The subject before the cue that starts at `k` (its auxiliaries included).
    fn subject_left(
        &self,
        k: usize,
        lo: usize,
        cue: usize,
    ) -> Option<((usize, usize), &'static str)> {
        let mut k = k;
        while k > lo && self.is_between(k - 1) {
            k -= 1;
        }
        // "Trump on Monday said", "Trump on Twitter said", "the committee this week announced"
        if k >= lo + 3 && self.w(k - 2) == "on" && self.capitalised(k - 1) {
            k -= 2;
        }
        k = self.skip_time_left(k, lo);
        while k > lo && self.is_between(k - 1) {
            k -= 1;
        }
        if k <= lo {
            return None;
        }
        let prev = self.w(k - 1);
        if RELATIVES.contains(&prev) {
            // "X, who said": the relative pronoun, as PolNeAR marks it.
            return (prev != "that" || k - 1 == lo || self.w(k - 2) != ",")
                .then_some(((k - 1, k - 1), "relative"))
                .filter(|_| cue > k - 1);
        }
        if prev == "," {
            return self.apposition_left(k - 1, lo).map(|s| (s, "apposition"));
        }
        // "Gov. Chris Christie — who is being vetted as a running mate — made": the phrase
        // before the dashes, with what they set off.
        if matches!(prev, "—" | "–" | "--") {
            let open = (k.saturating_sub(30).max(lo)..k - 1)
                .rev()
                .find(|&j| self.w(j) == prev)?;
            let (a, _) = self.np_left(open, lo)?;
            return Some(((a, k - 1), "apposition"));
        }
        if self.is_punct(k - 1)
            && !matches!(prev, "." | "'s" | "’s" | ")" | "%")
            && !self.possessive_mark(k - 1)
        {
            return None;
        }
        let np = self.np_left(k, lo)?;
        let how = if np.0 == np.1 && PRONOUNS.contains(&self.w(np.0)) {
            "pronoun"
        } else if self.capitalised(np.1) || self.w(np.1) == ")" {
            "name"
        } else {
            "np"
        };
        Some((np, how))
    }

    /// The source of a cue in the infinitive, whose "to" is local token `to`.
    fn infinitive_source(&self, to: usize, lo: usize) -> (Option<(usize, usize)>, &'static str) {
        if let Some((a, b)) = self.np_left(to, lo) {
            // The phrase found may run over the verb: "the win led her".
            let verb = (a.saturating_sub(1).max(lo)..b)
                .rev()
                .find(|&k| CONTROL_VERBS.contains(&self.w(k)));
            if let Some(v) = verb {
                return (Some((v + 1, b)), "object_control");
            }
        }
        // Skip auxiliaries and adverbs: "the House is likely to consider".
        let mut k = to;
        while k > lo && self.is_between(k - 1) {
            k -= 1;
        }
        // A headline: "AFL-CIO to endorse Clinton".
        if k == to && self.np_left(to, lo).is_some_and(|np| np.0 == lo) {
            return (self.np_left(to, lo), "headline_to");
        }
        // Before "to" comes the subject (when something was skipped) or a verb ("refused to
        // say", "is right to note") whose subject it is.
        let verb = if k < to {
            k
        } else if k > lo + 1 && !self.is_punct(k - 1) && !self.capitalised(k - 1) {
            k - 1
        } else {
            return (None, "");
        };
        match self.subject_left(verb, lo, to) {
            Some((np, _)) => (Some(np), "infinitive"),
            None => (None, ""),
        }
    }

    /// "X, a security expert at Y, said": the comma at `comma` closes an apposition or a
    /// parenthetical; the source is the phrase before it, with an apposition kept.
    fn apposition_left(&self, comma: usize, lo: usize) -> Option<(usize, usize)> {
        // The comma that opens it: the nearest one followed by a relative pronoun, else the
        // nearest followed by a determiner, a capitalised word or a participle, else the nearest.
        let mut commas = Vec::new();
        let mut j = comma;
        while j > lo && comma - j < 30 {
            j -= 1;
            let w = self.w(j);
            if w == "," {
                commas.push(j);
                continue;
            }
            if self.is_punct(j)
                && !matches!(w, "." | "-" | "'s" | "’s" | "(" | ")")
                && !self.possessive_mark(j)
            {
                break;
            }
        }
        let relative = |j: &usize| matches!(self.w(j + 1), "who" | "which" | "whose");
        let starter = |j: &usize| {
            let next = self.w(j + 1);
            matches!(
                next,
                "a" | "an" | "the" | "now" | "himself" | "herself" | "then" | "like"
            ) || self.capitalised(j + 1)
                || next.ends_with("ing")
        };
        let open = commas
            .iter()
            .find(|j| relative(j))
            .or_else(|| commas.iter().find(|j| starter(j)))
            .or(commas.first())
            .copied();
        let j = open?;
        let (a, _) = self.np_left(j, lo)?;
        let inner = self.w(j + 1);
        let clause = RELATIVES.contains(&inner)
            || matches!(
                inner,
                "whose" | "as" | "in" | "on" | "at" | "after" | "when" | "while" | "speaking"
            )
            || inner.ends_with("ing")
            || inner.ends_with("ed");
        if clause {
            Some((a, j - 1))
        } else {
            Some((a, comma - 1))
        }
    }

    /// The noun phrase ending just before local token `end`.
    fn np_left(&self, end: usize, lo: usize) -> Option<(usize, usize)> {
        if end <= lo {
            return None;
        }
        let last = end - 1;
        if PRONOUNS.contains(&self.w(last)) || matches!(self.w(last), "it" | "this") {
            return Some((last, last));
        }
        let mut k = end;
        let mut words = 0;
        while k > lo && words < 10 {
            if self.w(k - 1) == ")" {
                // "Rep. Hank Johnson (D-Ga.)": skip back to the opening parenthesis.
                let open = (k.saturating_sub(8).max(lo)..k - 1)
                    .rev()
                    .find(|&j| self.w(j) == "(");
                match open {
                    Some(j) if j > lo => {
                        k = j;
                        continue;
                    }
                    _ => break,
                }
            }
            if !self.is_np_word(k - 1) {
                break;
            }
            k -= 1;
            words += 1;
        }
        // The phrase starts with a word, not a parenthesis or a mark.
        while k < end && (self.is_punct(k) && !matches!(self.w(k), "(")) {
            k += 1;
        }
        (k < end && words > 0).then_some((k, last))
    }

    /// The noun phrase starting at local token `s`.
    fn np_right(&self, s: usize, hi: usize) -> Option<(usize, usize)> {
        let mut k = s;
        while k < hi
            && k - s < 10
            && (self.is_np_word(k)
                || (k > s && matches!(self.w(k), "of" | "at" | "for" | "in" | "from")))
            && self.w(k) != "."
        {
            k += 1;
        }
        while k > s && matches!(self.w(k - 1), "of" | "at" | "for" | "in" | "from") {
            k -= 1;
        }
        (k > s).then(|| (s, k - 1))
    }

    /// A noun phrase after its cue extended over an apposition: "Alan Abramowitz, a
    /// demographer at Emory University" (up to the next comma or the end of the sentence).
    fn with_apposition(&self, np: (usize, usize), hi: usize) -> (usize, usize) {
        let (a, b) = np;
        if self.w(b + 1) != "," || b + 2 >= hi {
            return np;
        }
        let next = self.w(b + 2);
        if !(matches!(next, "a" | "an" | "the" | "former" | "one")
            || (self.capitalised(b + 2) && !self.is_punct(b + 2)))
        {
            return np;
        }
        let mut e = b + 2;
        while e + 1 < hi
            && e - b < 30
            && !matches!(self.w(e + 1), "," | "." | ";" | ":" | "”" | "\"" | "—")
            && !self.quoted[e + 1]
        {
            e += 1;
        }
        (a, e)
    }

    /// The first noun phrase of the clause `lo..end` (after openers and an introductory phrase).
    fn first_np(&self, lo: usize, end: usize) -> Option<(usize, usize)> {
        let mut s = lo;
        while s < end && (self.is_punct(s) || OPENERS.contains(&self.w(s))) {
            s += 1;
        }
        // Skip an introductory phrase up to its comma ("On Monday, Trump …").
        if let Some(comma) = (s..end.min(s + 8)).find(|&k| self.w(k) == ",") {
            if !self.capitalised(s) || matches!(self.w(s), "on" | "in" | "at" | "after" | "last") {
                s = comma + 1;
            }
        }
        let np = self.np_right(s, end)?;
        Some(np)
    }

    /// Skips a time phrase ending before local token `k` ("this week", "on Wednesday morning",
    /// "at the time", "last month").
    fn skip_time_left(&self, k: usize, lo: usize) -> usize {
        let mut j = k;
        let mut timed = false;
        while j > lo && k - j < 5 {
            let w = self.w(j - 1);
            // A year counts as a time: "who in 2010 said".
            let year = w.len() == 4
                && (w.starts_with("19") || w.starts_with("20"))
                && w.bytes().all(|b| b.is_ascii_digit());
            if self.is(j - 1, IS_TIME) || year {
                timed = true;
            } else if !matches!(
                w,
                "on" | "last"
                    | "this"
                    | "next"
                    | "early"
                    | "late"
                    | "earlier"
                    | "at"
                    | "the"
                    | "that"
                    | "same"
                    | "in"
            ) {
                break;
            }
            j -= 1;
        }
        // The phrase starts with its first word, not with a dangling article.
        while j < k && !timed {
            j += 1;
        }
        if timed && j > lo {
            j
        } else {
            k
        }
    }

    /// True when tokens `a..b` open a parenthesis they do not close ("(D-N." before "Y.)").
    fn unclosed_parenthesis(&self, a: usize, b: usize) -> bool {
        let mut depth = 0i32;
        for k in a..b {
            match self.w(k) {
                "(" => depth += 1,
                ")" => depth -= 1,
                _ => {}
            }
        }
        depth > 0
    }

    /// True for a closing apostrophe that makes a possessive ("Sanders’ campaign").
    fn possessive_mark(&self, k: usize) -> bool {
        k > 0
            && k + 1 < self.toks.len()
            && matches!(self.w(k), "’" | "'")
            && self.toks[k - 1].span.end == self.toks[k].span.start
            && self.w(k - 1).ends_with('s')
            && self.toks[k].span.end < self.toks[k + 1].span.start
            && !self.is_punct(k + 1)
    }

    /// True at the start of a sentence or after an opening mark.
    fn at_start(&self, k: usize) -> bool {
        k == 0
            || matches!(
                self.w(k - 1),
                "." | "“" | "\"" | ":" | "—" | "(" | "!" | "?" | "‘"
            )
    }

    fn is_np_word(&self, k: usize) -> bool {
        let w = self.w(k);
        let boundary = self.is(k, IS_BOUNDARY) && (!self.capitalised(k) || self.at_start(k));
        (!self.is_punct(k) || matches!(w, "'s" | "’s" | "." | "-" | "%") || self.possessive_mark(k))
            && !boundary
            && !self.quoted[k]
            && !self.sure_cue(k)
    }

    /// True when tokens `a..=b` hold an outlet: an organisation or a web address.
    fn outlet_in(&self, a: usize, b: usize, mentions: &[Mention]) -> bool {
        let span = self.span(a, b);
        (a..=b).any(|k| self.is_web(k))
            || mentions_in(mentions, span).any(|m| m.label == Label::Org)
    }

    /// The last token of a web address starting at local token `k` ("wnd.com",
    /// "Arabiya.net"), which the tokenizer splits at its dots.
    fn web_at(&self, k: usize) -> Option<usize> {
        let attached = |j: usize| {
            j + 1 < self.toks.len() && self.toks[j].span.end == self.toks[j + 1].span.start
        };
        let mut j = k;
        if k >= self.toks.len() || self.is_punct(k) {
            return None;
        }
        while attached(j) && self.w(j + 1) == "." && attached(j + 1) && !self.is_punct(j + 2) {
            j += 2;
        }
        (j > k
            && matches!(
                self.w(j),
                "com" | "net" | "org" | "tv" | "news" | "info" | "uk"
            ))
        .then_some(j)
    }

    /// A noun phrase extended to the end of a web address that starts inside it ("Al
    /// Arabiya" → "Al Arabiya.net").
    fn with_web(&self, np: (usize, usize)) -> (usize, usize) {
        let end = (np.0..=np.1)
            .filter_map(|k| self.web_at(k))
            .max()
            .unwrap_or(np.1);
        (np.0, end.max(np.1))
    }

    /// True when token `k` starts or ends a web address.
    fn is_web(&self, k: usize) -> bool {
        self.web_at(k).is_some()
            || (k >= 2 && self.w(k - 1) == "." && self.web_at(k - 2) == Some(k))
    }

    /// "in an interview with CNN" after the cue: the outlet.
    fn interview_with(&self, s: usize, hi: usize, mentions: &[Mention]) -> Option<(usize, usize)> {
        let mut k = s;
        while k < hi && k < s + 6 {
            if matches!(self.w(k), "interview" | "appearance")
                && matches!(self.w(k + 1), "with" | "on")
            {
                let np = self.with_web(self.np_right(k + 2, hi)?);
                return self.outlet_in(np.0, np.1, mentions).then_some(np);
            }
            k += 1;
        }
        None
    }

    fn kind_of(&self, a: usize, b: usize, mentions: &[Mention]) -> AttributionKind {
        let source = self.span(a, b);
        let named = mentions_in(mentions, source).any(|m| {
            matches!(
                m.label,
                Label::Person | Label::Org | Label::Gpe | Label::Norp | Label::Fac
            )
        });
        if named || (a..=b).any(|k| self.web_at(k).is_some()) {
            return AttributionKind::Named;
        }
        if a == b
            && (PRONOUNS.contains(&self.w(a))
                || matches!(self.w(a), "his" | "her" | "their" | "my" | "our"))
        {
            return AttributionKind::Named;
        }
        if a == b && RELATIVES.contains(&self.w(a)) {
            // The antecedent decides: "Trump, who" is named, "an official, who" is not.
            let mut k = a;
            while k > 0 && self.w(k - 1) == "," {
                k -= 1;
            }
            return match self.np_left(k, 0) {
                Some((x, y)) if y < a => self.kind_of(x, y, mentions),
                _ => AttributionKind::Anonymous,
            };
        }
        let head = (a..=b)
            .rev()
            .find(|&k| self.toks[k].kind == TokenKind::Word)
            .map(|k| self.w(k))
            .unwrap_or("");
        if ANONYMOUS_HEADS.contains(&head) {
            return AttributionKind::Anonymous;
        }
        let capitalised = (a..=b).any(|k| {
            (k > 0 && !matches!(self.w(k - 1), "." | "“" | "\"" | "—" | "–"))
                && self.capitalised(k)
                && self.toks[k].kind == TokenKind::Word
        });
        if capitalised {
            AttributionKind::Named
        } else {
            AttributionKind::Anonymous
        }
    }
}

/// The accepted candidates of one sentence: those scoring at least [`THRESHOLD`]. A source
/// that overlaps a better-scored one takes its span: two overlapping spans can match one gold
/// source only once.
pub fn decode(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = candidates
        .into_iter()
        .filter(|c| c.score >= THRESHOLD)
        .collect();
    for i in 0..out.len() {
        let Some(si) = out[i].attribution.source else {
            continue;
        };
        let best = (0..out.len())
            .filter(|&j| out[j].attribution.source.is_some_and(|sj| sj.overlaps(si)))
            .max_by(|&x, &y| out[x].score.total_cmp(&out[y].score).then(y.cmp(&x)));
        if let Some(j) = best.filter(|&j| out[j].score > out[i].score) {
            out[i].attribution.source = out[j].attribution.source;
        }
    }
    out
}

/// The mentions inside `span` (mentions are sorted by span).
fn mentions_in(mentions: &[Mention], span: Span) -> impl Iterator<Item = &Mention> {
    let from = mentions.partition_point(|m| m.span.end <= span.start);
    mentions[from..]
        .iter()
        .take_while(move |m| m.span.start < span.end)
        .filter(move |m| span.contains(m.span))
}

/// For every token of `seg`, whether it lies between quotation marks (each line on its own).
pub fn quoted_tokens(text: &str, seg: &Segmented) -> Vec<bool> {
    quoted_lines(text, &seg.tokens)
}

/// For every token of `toks`, whether it lies between quotation marks, each line on its own.
fn quoted_lines(text: &str, toks: &[Token]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut start = 0;
    for k in 1..=toks.len() {
        if k == toks.len() || toks[k].newlines_before > 0 {
            mark_quoted(text, &toks[start..k], &mut out[start..k]);
            start = k;
        }
    }
    out
}

/// Marks the tokens of one line between quotation marks in `mask` (one `false` per token):
/// curly, straight, and the doubled apostrophes and backquotes of some archives (`''`,
/// ``` `` ```).
fn mark_quoted(text: &str, toks: &[Token], mask: &mut [bool]) {
    let mut inside = false;
    let mut k = 0;
    let attached = |k: usize| toks[k].span.end == toks[k + 1].span.start;
    while k < toks.len() {
        if toks[k].kind != TokenKind::Punct {
            mask[k] = inside;
            k += 1;
            continue;
        }
        let t = &text[toks[k].span];
        let doubled = k + 1 < toks.len() && attached(k) && &text[toks[k + 1].span] == t;
        // A “ right after a word closes ("…,“ said X" and German „…“).
        let closes = k > 0 && toks[k - 1].span.end == toks[k].span.start;
        match t {
            "“" => inside = !(inside && closes),
            "„" => inside = true,
            "”" => inside = false,
            "\"" => inside = !inside,
            "'" if doubled => {
                inside = !inside;
                k += 1;
            }
            "`" if doubled => {
                inside = true;
                k += 1;
            }
            _ => mask[k] = inside,
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn all(text: &str) -> Vec<(String, String, Option<String>)> {
        let seg = segment(text);
        (0..seg.sentences.len())
            .flat_map(|i| find_all(text, &seg, i, &[], &[]))
            .map(|a| {
                (
                    a.source.map_or(String::new(), |s| text[s].to_string()),
                    a.cue.map_or(String::new(), |s| text[s].to_string()),
                    a.via.map(|s| text[s].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn words_in_lower_case_with_their_cue_share() {
        let text = "Said “ — Émile ΟΔΟΣ said";
        let seg = segment(text);
        let words = Words::new(text, &seg);
        let lower: Vec<&str> = (0..seg.tokens.len()).map(|k| words.lower(k)).collect();
        assert_eq!(lower, ["said", "“", "—", "émile", "οδος", "said"]);
        assert_eq!(words.lower(99), "");
        assert!(words.cue[0] >= 0.0, "a cue word once lower-cased");
        assert_eq!(words.cue[0], words.cue[5]);
        assert!(words.lists[0] & list::CUE != 0);
        assert_eq!(words.cue[3], -1.0);
    }

    #[test]
    fn quotation_marks_of_every_style() {
        let text = "A ''b c'' d „e“ f “g,“ h `` i '' j";
        let seg = segment(text);
        let quoted: Vec<&str> = quoted_tokens(text, &seg)
            .iter()
            .zip(&seg.tokens)
            .filter(|(q, _)| **q)
            .map(|(_, t)| &text[t.span])
            .collect();
        assert_eq!(quoted, ["b", "c", "e", "g", ",", "i"]);
    }

    #[test]
    fn quotation_state_starts_at_the_line() {
        // A quotation left open on one line does not run into the next.
        let text = "“It was open.\nOfficials said 20 people fled.";
        let seg = segment(text);
        let q = quoted_tokens(text, &seg);
        let officials = seg
            .tokens
            .iter()
            .position(|t| &text[t.span] == "Officials")
            .unwrap();
        assert!(!q[officials]);
    }

    #[test]
    fn web_addresses_split_by_the_tokenizer_are_one_outlet() {
        let got = all("The minister told Al Arabiya.net that the border was closed.");
        assert_eq!(got[0].2.as_deref(), Some("Al Arabiya.net"));
        let got = all("Some 300 fighters crossed, according to wnd.com.");
        assert_eq!(got[0].0, "wnd.com");
    }

    #[test]
    fn time_phrases_between_source_and_cue() {
        let got = all("The committee this week announced that it would appeal.");
        assert_eq!(got[0].0, "The committee");
        let got = all("Trump on Tuesday said that he would appeal.");
        assert_eq!(got[0].0, "Trump");
    }

    #[test]
    fn passive_agent_is_the_source() {
        let got = all("The news was first reported by the Miami Herald on Monday.");
        assert_eq!(got[0].0, "the Miami Herald");
        assert_eq!(got[0].1, "was first reported");
    }

    #[test]
    fn a_headline_name_before_a_colon() {
        let got = all("Dr. Ben Carson: Clinton is not fit to serve");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str()),
            ("Dr. Ben Carson", ":")
        );
    }

    #[test]
    fn a_quotation_signed_after_a_dash() {
        let got = all("“He represents our greatest shame.” ― Sonya Herridge\n“Next one.”");
        assert_eq!(
            (got[0].0.as_str(), got[0].1.as_str()),
            ("Sonya Herridge", "―")
        );
        let got = all("\"It needs to stop.\"\n\n- Michelle Marks, Philadelphia.");
        assert_eq!(got[0].0, "Michelle Marks");
        // A dash inside a sentence signs nothing.
        let got = all("The senator — a Democrat — voted against the bill.");
        assert!(got.iter().all(|a| a.1 != "—"), "{got:?}");
    }

    #[test]
    fn a_transcript_speaker_inside_quotation_marks() {
        let got = all("Partial transcript:\n\n\"WALLACE: Let’s start with the debate.\n\n\"PENCE: Well, look, it was a good night.");
        let speakers: Vec<&str> = got
            .iter()
            .filter(|a| a.1 == ":")
            .map(|a| a.0.as_str())
            .collect();
        assert_eq!(speakers, ["WALLACE", "PENCE"]);
    }

    /// Every candidate (source, cue), accepted or not: what the rules propose, whatever the
    /// weights make of it.
    fn proposed(text: &str) -> Vec<(String, String)> {
        let seg = segment(text);
        (0..seg.sentences.len())
            .flat_map(|i| candidates(text, &seg, i, &[]))
            .filter_map(|c| {
                let a = c.attribution;
                Some((text[a.source?].to_string(), text[a.cue?].to_string()))
            })
            .collect()
    }

    fn has(got: &[(String, String)], source: &str, cue: &str) -> bool {
        got.iter().any(|(s, c)| s == source && c == cue)
    }

    #[test]
    fn the_object_of_a_control_verb_speaks_the_infinitive() {
        let got = proposed("The win led her to declare that the nomination was in sight.");
        assert!(has(&got, "her", "to declare"), "{got:?}");
        let got = proposed("The attack may prompt some Democrats to reconsider their support.");
        assert!(has(&got, "some Democrats", "to reconsider"), "{got:?}");
    }

    #[test]
    fn the_subject_of_the_verb_before_an_infinitive_cue() {
        let got = proposed("The House is likely to consider the Senate version of the bill.");
        assert!(has(&got, "The House", "to consider"), "{got:?}");
        let got = proposed("AFL-CIO to endorse Clinton");
        assert!(has(&got, "AFL-CIO", "to endorse"), "{got:?}");
    }

    #[test]
    fn the_agent_of_a_noun_cue_after_a_preposition() {
        let got =
            proposed("The bill drew sharp criticism from the National Education Association.");
        assert!(
            has(&got, "the National Education Association", "criticism from"),
            "{got:?}"
        );
        // A possessor speaks first: "Trump's endorsement of Cruz" is Trump's.
        let got = proposed("Trump's endorsement of Cruz surprised many.");
        assert!(!has(&got, "Cruz", "endorsement of"), "{got:?}");
    }

    #[test]
    fn shares_of_a_poll_and_auxiliaries_before_the_cue() {
        let got = proposed("On social issues, 42% say they are liberal.");
        assert!(has(&got, "42%", "say"), "{got:?}");
        let got = proposed("Most voters would be scared if he won.");
        assert!(has(&got, "Most voters", "would be scared"), "{got:?}");
    }

    #[test]
    fn a_clause_between_commas_is_no_apposition() {
        // "for some, … would …" has its own verb: the name after "said" is the source.
        let text = "But for some, the losses would outstrip the gains, said Batchelder.";
        let got = proposed(text);
        assert!(has(&got, "Batchelder", "said"), "{got:?}");
        // An apposition still keeps the source before the cue.
        let text = "Mehmet Yilmaz, a security expert at Ankara University, said Turkish officials.";
        let got = proposed(text);
        assert!(
            has(
                &got,
                "Mehmet Yilmaz, a security expert at Ankara University",
                "said"
            ),
            "{got:?}"
        );
    }

    #[test]
    fn a_subject_set_off_by_dashes() {
        let text =
            "Gov. Chris Christie — who is being vetted as a running mate — said the plan works.";
        let got = proposed(text);
        let christie = "Gov. Chris Christie — who is being vetted as a running mate —";
        assert!(has(&got, christie, "said"), "{got:?}");
    }
}
