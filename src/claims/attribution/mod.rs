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
//! A sentence may hold several attributions ([`Attributions::find_all`], every cue PolNeAR
//! would mark, acts of intent included: "pledged to", "are planning"). The claim's attribution
//! ([`Attributions::find`]) is narrower: only a cue of saying, showing or believing (`says`),
//! outside quotation marks, and never a date as source; of several, the one that closes the
//! sentence after a comma ("Members of the group are plotting …, the head of intelligence told
//! CNN."), else the first. A sentence inside a quotation that runs over several sentences takes
//! the attribution of the sentence where the quotation ends (a source named after the quote:
//! "…,” the official added.") or else where it begins ("He said: “…"); a quotation of its own
//! that follows a quoted speaker in the same paragraph ("…,” she said. “…”) is that speaker's.
//! Who a pronoun, "who" or "the company" stands for, and whether the source is named, is
//! settled by the claims stage over the whole text ([`resolve`]).
//!
//! [`Attributions`] does the work once per text (quotation marks, lower-case words, each
//! sentence's candidates); [`find`] and [`find_all`] do it for the lines around one sentence.

mod candidates;
mod decode;
mod features;
mod lexicon;
mod phrases;
mod quotes;
pub mod resolve;
#[cfg(test)]
mod tests;

pub use decode::decode;
pub use lexicon::SURE;
pub(super) use lexicon::{cue_mark, lexicon_words};
pub use quotes::quoted_tokens;

use super::{list, Words};
use crate::entities::{Label, Mention};
use crate::segment::Segmented;
use crate::span::Span;
use candidates::Paragraph;
use lexicon::{DETERMINERS, RELATIVES};
use quotes::quoted_lines;
use std::borrow::Cow;
use std::cell::OnceCell;

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
    /// The name mention of the entity the source stands for: a name inside the source, or
    /// the speaker a pronoun, a relative pronoun or a description ("he", "who", "the
    /// company") refers to ([`resolve::Resolver`]); set by the claims stage.
    pub resolved: Option<Span>,
    /// The unnamed group or person a pronoun stands for: the source of an earlier sentence
    /// ("they said" → "Federal prosecutors", "she said" → "one nurse"); set by the claims stage.
    pub stands_for: Option<Span>,
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
            resolved: None,
            stands_for: None,
        }
    }
}

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
    /// Cue words inside a name, after its first word and outside a headline ("Rail" of
    /// "Northline Rail said"): indexes in `seg.tokens`, sorted.
    in_names: Vec<usize>,
}

/// The cue words of tokens `covered` (indexes in `seg.tokens`) that lie inside a name after its
/// first word and are capitalised ("Rail" of "Northline Rail said" rails at no one), as
/// indexes in `seg.tokens`. A line without a final stop (a headline) is left alone: there the
/// tagger runs names into the words around them ("Mayor Okafor Says …"). `lines` holds, per
/// covered token, its line's bounds.
fn cue_words_in_names(
    text: &str,
    seg: &Segmented,
    mentions: &[Mention],
    covered: std::ops::Range<usize>,
    words: &Words,
    words_base: usize,
    lines: &[(u32, u32)],
) -> Vec<usize> {
    let toks = &seg.tokens;
    let mut out = Vec::new();
    for m in mentions.iter().filter(|m| m.label.is_name()) {
        let first = toks.partition_point(|t| t.span.start < m.span.start);
        let last = toks.partition_point(|t| t.span.start < m.span.end);
        for k in (first + 1).max(covered.start)..last.min(covered.end) {
            let cue = words
                .lists
                .get(k - words_base)
                .is_some_and(|&b| b & list::CUE != 0);
            if !cue || !text[toks[k].span].starts_with(char::is_uppercase) {
                continue;
            }
            let line_end = lines.get(k - covered.start).map_or(0, |l| l.1 as usize);
            let stop = line_end
                .checked_sub(1)
                .and_then(|j| toks.get(j))
                .is_some_and(|t| matches!(&text[t.span], "." | "!" | "?" | "”" | "\"" | "’"));
            if stop {
                out.push(k);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The most tokens looked at before a sentence for an open quotation (by [`find`] alone).
const LOOK_BACK: usize = 1000;
/// The most tokens before a sentence looked at for its source.
const CONTEXT: usize = 60;
/// The most tokens looked at after a sentence for the end of a quotation.
const LOOK_AHEAD: usize = 120;
/// The most sentences back a quotation of its own is taken for its speaker's ("…,” she said.
/// “…” “…”).
const CONTINUED: usize = 8;

/// True when attribution `a` says, shows or believes: its cue is a verb of saying or
/// believing ([`lexicon::speech_or_belief`]), a fixed pattern ("according to", "in a poll", a
/// colon or a dash) or a noun of saying ("his claim that"), not of acting or planning ("his
/// promise", "the decision by").
pub(crate) fn says(text: &str, a: &Attribution) -> bool {
    let Some(cue) = a.cue else {
        return false;
    };
    let mut words = text[cue]
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .peekable();
    if words.peek().is_none() {
        // A colon or a dash.
        return true;
    }
    if pleads_to_a_charge(text, cue)
        || a_verdict(text, cue)
        || names_a_noun(text, cue)
        || acts_on_an_object(text, cue)
        || of_a_clause_after_as(text, a, cue)
        || of_a_relative_clause(text, a)
    {
        return false;
    }
    words.any(|w| {
        lexicon::speech_or_belief(&w)
            || matches!(
                w.as_str(),
                "in" | "via" | "report" | "reports" | "source" | "put"
            )
            || (lexicon::NOUN_CUES.contains(&w.as_str())
                && !lexicon::NOUN_ACTS.contains(&w.as_str()))
    })
}

/// True when cue `cue` is a word that is also a noun ([`NOUNS_TOO`]), bare, right before a
/// lower-case content word: a noun before the noun it describes ("rail cars", "the
/// century-old rail bridge", "a report card"), not a verb of saying, which a clause, an object
/// or a preposition follows ("rail against", "claim that").
fn names_a_noun(text: &str, cue: Span) -> bool {
    let word = text[cue].trim();
    if !NOUNS_TOO.contains(&word) {
        return false;
    }
    let rest = text.get(cue.end..).unwrap_or("");
    // The next word, directly after one space: punctuation or a quotation between them ends it.
    let Some(next) = rest.strip_prefix(' ') else {
        return false;
    };
    let next: String = next
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '-')
        .collect();
    !next.is_empty()
        && next.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !next.ends_with("ly")
        && !LEADS_A_CLAUSE.contains(&next.as_str())
}

/// The verb of a cue, in lower case: its last word ("has declared", "had issued").
fn cue_verb(text: &str, cue: Span) -> String {
    text[cue]
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase()
}

/// True when what follows "asked" is a request: "for" or "to" after at most a short object,
/// before any word that opens a question or a statement ("whether", "if", "that", "about").
fn asks_for(rest: &str) -> bool {
    for (i, w) in rest.split_whitespace().take(6).enumerate() {
        let bare = w.trim_end_matches([',', '.', ';', ':']);
        match bare {
            "for" => return true,
            "to" => return i > 0,
            "whether" | "if" | "that" | "about" | "how" | "why" | "what" | "when" | "who" => {
                return false
            }
            _ if bare.len() != w.len() || w.contains(['"', '“', '”']) => return false,
            _ => {}
        }
    }
    false
}

/// True when `rest` opens with a number or a sum: "48,000 euros", "$2,000", "about 40".
fn next_word_is_a_sum(rest: &str) -> bool {
    let mut words = rest.split_whitespace();
    let mut w = words.next().unwrap_or("");
    if matches!(
        w,
        "about" | "around" | "nearly" | "almost" | "roughly" | "some" | "more"
    ) {
        w = words.next().unwrap_or("");
    }
    w.trim_start_matches(['$', '€', '£', '¥'])
        .starts_with(|c: char| c.is_ascii_digit())
}

/// Words before a source that join a clause to the one before or a phrase to a word, not a
/// noun the source's clause tells of.
const JOINING: &[&str] = &[
    "for", "of", "in", "on", "at", "by", "with", "from", "to", "about", "into", "over", "under",
    "per", "via", "than", "like", "among", "between", "against", "within", "without", "and", "but",
    "or", "nor", "so", "yet", "that", "because", "as", "while", "when", "whereas", "although",
    "though", "if", "since", "after", "before", "until", "then", "also", "where", "once", "unless",
    "whether", "now", "still", "even", "only", "just",
];

/// True when attribution `a` opens a relative clause without "that" on the noun before it ("…,
/// a project the team estimates will cost $1.25 billion"): the team estimates the cost, not
/// what the sentence says before the noun. The source opens with a determiner and a lower-case
/// word that is no verb form and joins no clause comes right before it.
fn of_a_relative_clause(text: &str, a: &Attribution) -> bool {
    let Some(source) = a.source else {
        return false;
    };
    let first = text[source].split_whitespace().next().unwrap_or("");
    if !matches!(first, "the" | "a" | "an" | "its" | "his" | "her" | "their") {
        return false;
    }
    let before = text.get(..source.start).unwrap_or("");
    if !before.ends_with(' ') {
        return false;
    }
    let mut words = before.split_whitespace().rev();
    let word = words.next().unwrap_or("");
    // A verb of saying before the source takes its clause ("we know the team", "say the
    // police"); after a determiner it is a noun ("a project the team estimates").
    let noun_after_determiner = words
        .next()
        .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()));
    word.len() > 2
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !word.ends_with("ed")
        && !word.ends_with("ing")
        && !JOINING.contains(&word)
        && (noun_after_determiner || !lexicon::speech_or_belief(word))
}

/// True when attribution `a` is the subject and verb of a clause after "as" and its verb has an
/// object of its own: "cases climb to 44 as clinics see long lines", "stocks fell as investors
/// feared a recession" tell of the clinics and the investors, not who says the rest. "as
/// officials said" (nothing after it) and "as officials said that …" attribute.
fn of_a_clause_after_as(text: &str, a: &Attribution, cue: Span) -> bool {
    let Some(source) = a.source else {
        return false;
    };
    let before = text.get(..source.start).unwrap_or("").trim_end();
    let after_as = before
        .strip_suffix("as")
        .is_some_and(|b| b.ends_with(|c: char| !c.is_alphanumeric()));
    let between = text.get(source.end..cue.start).unwrap_or("x");
    if !after_as || !between.trim().is_empty() {
        return false;
    }
    let verb = cue_verb(text, cue);
    let lemma = features::lemma(&verb);
    if lemma == features::lemma("said") || lemma == features::lemma("told") {
        return false;
    }
    let next = text
        .get(cue.end..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("");
    next.starts_with(|c: char| c.is_alphanumeric()) && next != "that"
}

/// True when cue `cue` is a verb that says only with what is said after it ([`SAYS_WITH_A_CLAUSE`])
/// and an object follows instead: "declared a state of emergency", "issued an evacuation
/// order", "requested federal aid" are acts; "declared that …", "issued a statement saying
/// …", "…, the governor declared." say.
fn acts_on_an_object(text: &str, cue: Span) -> bool {
    let word = cue_verb(text, cue);
    let rest = text.get(cue.end..).unwrap_or("").trim_start();
    // "asked for federal help", "asked the federal government for help", "asked the court to
    // dismiss the case" request; "asked whether", "asked him about" say.
    if features::lemma(&word) == "ask" && asks_for(rest) {
        return true;
    }
    // "testified against the mayor", "testified before Congress" tell where a witness spoke,
    // not what; "testified that" says.
    if features::lemma(&word) == features::lemma("testified")
        && matches!(
            rest.split_whitespace().next(),
            Some("against" | "before" | "at" | "in" | "for")
        )
    {
        return true;
    }
    // "refused to budge", "declined to resign" act; "refused to comment", "declined to say"
    // tell of what was (not) said.
    let lemma = features::lemma(&word);
    if lemma == features::lemma("refuse") || lemma == features::lemma("decline") {
        let mut next = rest.split_whitespace();
        if next.next() == Some("to") {
            let verb = next.next().unwrap_or("").to_lowercase();
            let verb = verb.trim_matches(|c: char| !c.is_alphanumeric());
            if !verb.is_empty() && verb != "be" && !lexicon::speech_or_belief(verb) {
                return true;
            }
        }
    }
    // "inspectors found bacteria at the plant", "FDA finds bacteria": a thing found, not a
    // finding told ("found that", "found she had claimed", "found the engine failed").
    if matches!(word.as_str(), "find" | "finds" | "found") && finds_a_thing(rest) {
        return true;
    }
    // "she had claimed 48,000 euros", "claimed $2,000 in expenses": a sum claimed is asked
    // for, not said.
    if features::lemma(&word) == features::lemma("claimed") && next_word_is_a_sum(rest) {
        return true;
    }
    // "a group calling itself BlackVault" names; "Corvane saw its stock drop 8%" undergoes.
    let next = rest.split_whitespace().next();
    if features::lemma(&word) == "call"
        && matches!(next, Some("itself" | "themselves" | "himself" | "herself"))
    {
        return true;
    }
    if matches!(word.as_str(), "see" | "sees" | "saw" | "seen" | "seeing")
        && matches!(next, Some("its" | "their" | "his" | "her" | "our"))
    {
        return true;
    }
    // "called up the National Guard", "called off the search" act; "called it" says.
    if features::lemma(&word) == "call"
        && matches!(
            rest.split_whitespace().next(),
            Some("up" | "off" | "in" | "out")
        )
    {
        return true;
    }
    if !SAYS_WITH_A_CLAUSE
        .iter()
        .any(|v| features::lemma(v) == features::lemma(&word))
    {
        return false;
    }
    // Nothing, punctuation or a quotation next: the cue closes or opens what was said.
    if rest.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
        return false;
    }
    let says = |w: &str| {
        matches!(w, "that" | "saying" | "stating" | "warning" | "declaring")
            || (lexicon::NOUN_CUES.contains(&w)
                && !lexicon::NOUN_ACTS.contains(&w)
                && w != "declaration")
            || matches!(w, "statement" | "statements" | "report" | "reports")
    };
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // A time or place after the verb, not its object: "…, the governor declared on Monday."
    if matches!(
        next.as_str(),
        "on" | "in"
            | "at"
            | "after"
            | "before"
            | "during"
            | "late"
            | "earlier"
            | "later"
            | "again"
            | "also"
    ) || lexicon::TIME_WORDS.contains(&next.as_str())
    {
        return false;
    }
    // "Polls show the senator trailing": what is shown is a clause without "that".
    if lemma == features::lemma("show")
        && rest
            .split_whitespace()
            .take(4)
            .any(|w| w.len() > 5 && w.ends_with("ing"))
    {
        return false;
    }
    let mut words = rest.split_whitespace();
    !words.by_ref().take(5).any(|w| {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        says(&bare) || w.contains(['"', '“', ':'])
    })
}

/// True when what follows "found" is a thing, not a clause: a few words (no auxiliary, no
/// word in "-ed", no "that") running to the end of the sentence or line, a comma or a
/// preposition of place ("bacteria at its plant", "bacteria.").
fn finds_a_thing(rest: &str) -> bool {
    let mut words = 0;
    // A line ends a sentence (a headline has no stop).
    let line = rest.split('\n').next().unwrap_or("");
    for raw in line.split_whitespace() {
        let w = raw
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if w.is_empty() {
            return words > 0;
        }
        if words > 0
            && matches!(
                w.as_str(),
                "at" | "in" | "on" | "inside" | "near" | "across"
            )
        {
            return true;
        }
        let verb_like = w.ends_with("ed")
            || matches!(
                w.as_str(),
                "that"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "had"
                    | "have"
                    | "will"
                    | "would"
                    | "could"
                    | "can"
                    | "may"
                    | "might"
                    | "should"
                    | "did"
                    | "does"
                    | "to"
                    | "no"
                    | "not"
                    | "guilty"
            );
        if verb_like || words >= 4 {
            return false;
        }
        words += 1;
        // Punctuation after the word ends the object.
        if raw.ends_with([',', '.', ';', ':', '!', '?']) {
            return true;
        }
    }
    words > 0
}

/// Verbs of saying that as often do what they name to an object.
const SAYS_WITH_A_CLAUSE: &[&str] = &[
    "declare", "issue", "request", "release", "publish", "recall", "post", "show",
];

/// Cue words that are as often nouns in their bare form.
const NOUNS_TOO: &[&str] = &[
    "alert", "answer", "boast", "call", "caution", "charge", "claim", "comment", "counter",
    "doubt", "email", "estimate", "fear", "hope", "joke", "note", "point", "post", "quote", "rail",
    "reply", "report", "signal", "stress", "tweet", "warning", "worry",
];

/// Words that may follow a verb of saying: they start its clause, its object or a phrase.
const LEADS_A_CLAUSE: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "against",
    "all",
    "also",
    "an",
    "and",
    "any",
    "as",
    "at",
    "because",
    "before",
    "both",
    "but",
    "by",
    "each",
    "even",
    "every",
    "few",
    "for",
    "from",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "it",
    "its",
    "many",
    "me",
    "more",
    "most",
    "much",
    "my",
    "never",
    "no",
    "none",
    "not",
    "now",
    "of",
    "on",
    "one",
    "or",
    "our",
    "over",
    "she",
    "since",
    "so",
    "some",
    "still",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "too",
    "two",
    "under",
    "up",
    "us",
    "we",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "several",
];

/// True when cue `cue` is a plea to a charge ("pleaded not guilty to charges that he took
/// bribes"): the defendant enters a plea, and the charge that follows is not theirs to say.
fn pleads_to_a_charge(text: &str, cue: Span) -> bool {
    let word = text[cue].trim().to_lowercase();
    if !word.starts_with("plead") && word != "pled" {
        return false;
    }
    let after: Vec<String> = text
        .get(cue.end..)
        .unwrap_or("")
        .split_whitespace()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    matches!(
        after.iter().map(String::as_str).collect::<Vec<_>>()[..],
        ["guilty", ..] | ["not", "guilty"] | ["innocent", ..] | ["no", "contest"]
    )
}

/// True when cue `cue` finds someone guilty or liable ("the jury found Bellamy, 58, guilty on
/// six counts", "a judge found the company liable"): a verdict is the court's act, a fact the
/// outlet states, not a view the court is reported to hold ("investigators found that the
/// engine had failed" is one).
fn a_verdict(text: &str, cue: Span) -> bool {
    let word = cue_verb(text, cue);
    if !matches!(word.as_str(), "find" | "finds" | "found") {
        return false;
    }
    text.get(cue.end..)
        .unwrap_or("")
        .split_whitespace()
        .take(VERDICT_WORDS)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .take_while(|w| w != "that")
        .any(|w| matches!(w.as_str(), "guilty" | "liable" | "innocent"))
}

/// The most words after "found" within which "guilty" makes it a verdict ("found former
/// Harwick mayor Tom Bellamy guilty").
const VERDICT_WORDS: usize = 8;

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
        let in_names =
            cue_words_in_names(text, seg, mentions, base..end, &words, words_base, &lines);
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
            in_names,
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
            in_names: &self.in_names,
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

    /// Every attribution in sentence `index`, in text order of their cues, including cues
    /// inside quotation marks (someone quoted as saying what someone else said).
    pub fn find_all(&self, index: usize) -> Vec<Attribution> {
        self.of(index).iter().map(|(a, _)| a.clone()).collect()
    }

    /// The attribution of sentence `index`: its own cue of saying or believing outside
    /// quotation marks (`own`), else the attribution of a quotation that runs
    /// into or out of the sentence, else that of a quotation the sentence goes on with.
    pub fn find(&self, index: usize) -> Attribution {
        if index >= self.seg.sentences.len() {
            return Attribution::none();
        }
        self.own(index)
            .or_else(|| self.across_quotation(index))
            .or_else(|| self.continued_quotation(index))
            .unwrap_or_else(Attribution::none)
    }

    /// The sentence's own attribution: of its accepted cues outside quotation marks that say
    /// or believe ([`says`]), one that closes the sentence after a comma ("Members of the
    /// group are plotting a resurgence, the head of intelligence told CNN on Monday."): what
    /// comes before it is what was said, its subject no source; else the first.
    fn own(&self, index: usize) -> Option<Attribution> {
        let found = self.of(index);
        let saying: Vec<&Attribution> = found
            .iter()
            .filter(|(a, quoted)| !quoted && says(self.text, a) && !self.dated(a))
            .map(|(a, _)| a)
            .collect();
        // A relative clause about the source ("An official, who asked not to be named,
        // said") gives way to the source's own cue.
        let relative = |a: &&Attribution| {
            a.source
                .is_some_and(|s| RELATIVES.contains(&self.text[s].to_lowercase().as_str()))
        };
        let own: Vec<&Attribution> = match saying.iter().filter(|a| !relative(a)).count() {
            0 => saying,
            _ => saying.into_iter().filter(|a| !relative(a)).collect(),
        };
        // A cue inside another's source is part of who that source is ("A nurse who asked not
        // to be named because she feared retaliation said"): the other cue is the sentence's.
        let within = |a: &&Attribution| {
            a.cue
                .is_some_and(|c| own.iter().any(|b| b.source.is_some_and(|s| s.contains(c))))
        };
        let own: Vec<&Attribution> = match own.iter().filter(|a| !within(a)).count() {
            0 => own,
            _ => own.iter().filter(|a| !within(a)).copied().collect(),
        };
        let first = *own.first()?;
        let trailing = own.iter().skip(1).find(|a| self.closes_sentence(a, index));
        Some(trailing.copied().unwrap_or(first).clone())
    }

    /// True when the source of `a` is a date or a time, which speaks for no one ("Aug. 6
    /// said"; PolNeAR's evaluation keeps them, [`Attributions::find_all`]).
    fn dated(&self, a: &Attribution) -> bool {
        let Some(source) = a.source else {
            return false;
        };
        let before = self
            .mentions
            .partition_point(|m| m.span.start <= source.start);
        self.mentions[..before]
            .iter()
            .rev()
            .take(4)
            .any(|m| matches!(m.label, Label::Date | Label::Time) && m.span.contains(source))
    }

    /// True when attribution `a` comes after a comma and only a few words (a time, a place)
    /// follow it up to the end of sentence `index`.
    fn closes_sentence(&self, a: &Attribution, index: usize) -> bool {
        let (Some(source), Some(cue)) = (a.source, a.cue) else {
            return false;
        };
        // "X said …, according to Y": Y carried what X said, X remains the source.
        if self.text[cue].to_lowercase().starts_with("according") {
            return false;
        }
        let sentence = self.seg.sentences[index].span;
        let start = source.start.min(cue.start);
        let end = [Some(source), Some(cue), a.via]
            .into_iter()
            .flatten()
            .map(|s| s.end)
            .max()
            .unwrap_or(cue.end);
        if start <= sentence.start || end > sentence.end {
            return false;
        }
        let before = self.text[sentence.start..start].trim_end();
        let before = before.trim_end_matches(['”', '"', '’']);
        if !before.ends_with(',') {
            return false;
        }
        let after = &self.text[end..sentence.end];
        let words = after.split_whitespace().count();
        // "told" is followed by its hearer as well: "…, the governor told a news conference on
        // Monday."
        let tells = matches!(
            self.text[cue].to_lowercase().as_str(),
            "told" | "tells" | "tell" | "telling"
        );
        (words <= 4 || (tells && words <= 7))
            && !after
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case("that"))
            && !after.contains(',')
    }

    /// The attribution of a quotation that runs over several sentences: the source after its
    /// end, else before its start.
    fn across_quotation(&self, index: usize) -> Option<Attribution> {
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
                    if let Some((a, _)) = self.of(s).iter().find(|(a, quoted)| {
                        !quoted && a.cue.is_some_and(|c| c.start >= at) && says(self.text, a)
                    }) {
                        return Some(Attribution {
                            quote: true,
                            ..a.clone()
                        });
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
                if let Some((a, _)) = self.of(s).iter().find(|(a, quoted)| {
                    !quoted && a.cue.is_some_and(|c| c.end <= at) && says(self.text, a)
                }) {
                    return Some(Attribution {
                        quote: true,
                        ..a.clone()
                    });
                }
                // A quotation of its own that goes on from a speaker quoted before it ("“…,”
                // he said. “Second sentence. Third sentence.”"): that speaker, in every
                // sentence of it.
                if s < index {
                    return self.continued_quotation(s);
                }
            }
        }
        None
    }

    /// A quotation of its own that goes on from a quoted speaker earlier in the paragraph
    /// ("“…,” she said. “Second sentence.”"): the same speaker, quoted. Each sentence between
    /// them must be such a quotation too; at most [`CONTINUED`] sentences back.
    fn continued_quotation(&self, index: usize) -> Option<Attribution> {
        if !self.opens_quotation(index) {
            return None;
        }
        let mut s = index;
        for _ in 0..CONTINUED {
            let start = self.seg.sentences[s].tokens.start;
            if s == 0 || self.seg.tokens.get(start)?.newlines_before > 0 {
                return None;
            }
            s -= 1;
            if let Some(a) = self.own(s).or_else(|| self.across_quotation(s)) {
                return a.quote.then_some(Attribution { quote: true, ..a });
            }
            if !self.opens_quotation(s) {
                return None;
            }
        }
        None
    }

    /// True when sentence `index` opens with a quotation mark and lies inside the quotation
    /// up to its last words.
    fn opens_quotation(&self, index: usize) -> bool {
        let para = self.paragraph(index);
        let (lo, hi) = para.local(index);
        if hi < lo + 3 || !matches!(para.w(lo), "“" | "\"" | "‘" | "``") {
            return false;
        }
        let inside = (lo + 1..hi).filter(|&k| para.inside_at(k)).count();
        inside + 1 >= hi - lo - 1
    }
}
