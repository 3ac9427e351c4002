//! Words of a claim as the comparison sees them: folded, stemmed, hashed.

use crate::entities::key::fold;
use crate::hash::{fnv, FnvSet, FNV_OFFSET};
use std::sync::OnceLock;

/// Function words and reporting verbs: they carry no content of a claim.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "added",
    "after",
    "all",
    "allegedly",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "but",
    "by",
    "can",
    "claimed",
    "could",
    "did",
    "do",
    "does",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "may",
    "might",
    "more",
    "most",
    "no",
    "not",
    "of",
    "on",
    "one",
    "or",
    "other",
    "our",
    "out",
    "over",
    "reported",
    "reportedly",
    "said",
    "say",
    "says",
    "she",
    "so",
    "some",
    "stated",
    "such",
    "tell",
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
    "told",
    "under",
    "up",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "you",
];

/// Words that turn a statement into its negation.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "n't", "neither", "nor", "nobody", "nothing", "none", "without",
];

/// The hash of a folded word.
pub fn word_hash(w: &str) -> u64 {
    fnv(FNV_OFFSET, w.as_bytes())
}

/// The stop words, by [`word_hash`].
pub fn is_stopword(hash: u64) -> bool {
    static S: OnceLock<FnvSet<u64>> = OnceLock::new();
    S.get_or_init(|| STOPWORDS.iter().map(|w| word_hash(w)).collect())
        .contains(&hash)
}

/// True when the folded word negates ("not", "never", "didn't").
pub fn is_negation(w: &str) -> bool {
    NEGATIONS.contains(&w) || w.ends_with("n't")
}

/// Irregular verb forms and the base form a stem is taken of: "struck" and "strike" are one
/// word to compare, as "arrested" and "arrest" are.
const IRREGULAR: &[(&str, &str)] = &[
    ("arose", "arise"),
    ("arisen", "arise"),
    ("began", "begin"),
    ("begun", "begin"),
    ("bought", "buy"),
    ("buying", "buy"),
    ("broke", "break"),
    ("broken", "break"),
    ("brought", "bring"),
    ("built", "build"),
    ("caught", "catch"),
    ("chose", "choose"),
    ("chosen", "choose"),
    ("came", "come"),
    ("dealt", "deal"),
    ("died", "die"),
    ("dies", "die"),
    ("dying", "die"),
    ("drew", "draw"),
    ("drawn", "draw"),
    ("drove", "drive"),
    ("driven", "drive"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("fled", "flee"),
    ("fleeing", "flee"),
    ("flew", "fly"),
    ("flown", "fly"),
    ("flies", "fly"),
    ("fought", "fight"),
    ("found", "find"),
    ("froze", "freeze"),
    ("frozen", "freeze"),
    ("gave", "give"),
    ("given", "give"),
    ("went", "go"),
    ("gone", "go"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("held", "hold"),
    ("hid", "hide"),
    ("hidden", "hide"),
    ("kept", "keep"),
    ("knew", "know"),
    ("known", "know"),
    ("led", "lead"),
    ("left", "leave"),
    ("lent", "lend"),
    ("lost", "lose"),
    ("made", "make"),
    ("meant", "mean"),
    ("met", "meet"),
    ("paid", "pay"),
    ("paying", "pay"),
    ("ran", "run"),
    ("rose", "rise"),
    ("risen", "rise"),
    ("said", "say"),
    ("says", "say"),
    ("saying", "say"),
    ("sank", "sink"),
    ("sunk", "sink"),
    ("saw", "see"),
    ("seen", "see"),
    ("sought", "seek"),
    ("sold", "sell"),
    ("sent", "send"),
    ("shook", "shake"),
    ("shaken", "shake"),
    ("shot", "shoot"),
    ("spent", "spend"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("stole", "steal"),
    ("stolen", "steal"),
    ("stood", "stand"),
    ("struck", "strike"),
    ("stricken", "strike"),
    ("stuck", "stick"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("took", "take"),
    ("taken", "take"),
    ("taught", "teach"),
    ("told", "tell"),
    ("thought", "think"),
    ("threw", "throw"),
    ("thrown", "throw"),
    ("tore", "tear"),
    ("torn", "tear"),
    ("understood", "understand"),
    ("woke", "wake"),
    ("won", "win"),
    ("wore", "wear"),
    ("worn", "wear"),
    ("withdrew", "withdraw"),
    ("withdrawn", "withdraw"),
    ("wrote", "write"),
    ("written", "write"),
];

/// A crude English stem: "fighters" → "fighter", "arrested" → "arrest".
pub fn stem(w: &str) -> &str {
    let w = IRREGULAR
        .iter()
        .find(|(form, _)| *form == w)
        .map_or(w, |(_, base)| *base);
    for suffix in ["ing", "ed", "es", "s"] {
        if w.len() > suffix.len() + 3 {
            if let Some(s) = w.strip_suffix(suffix) {
                return s;
            }
        }
    }
    w
}

/// `fold` into `out`, without allocating for ASCII words.
pub fn fold_word(word: &str, out: &mut String) {
    if word.is_ascii() {
        crate::entities::gazetteer::fold_into(word, out);
    } else {
        out.push_str(&fold(word));
    }
}

/// The words of `text` as byte ranges: runs of letters and digits, with an apostrophe, comma or
/// period inside ("don't", "2,000", "U.S") kept in the word.
pub fn words_of(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let inner = start.is_some()
            && matches!(c, '\'' | '’' | ',' | '.')
            && chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// How much a folded word tells: rarer words more.
pub fn word_weight(_w: &str) -> f32 {
    1.0
}

/// True when the folded word is all digits (with separators).
pub fn is_numeral(w: &str) -> bool {
    !w.is_empty()
        && w.bytes().any(|x| x.is_ascii_digit())
        && w.bytes()
            .all(|x| x.is_ascii_digit() || x == b',' || x == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_inner_marks() {
        // Reason: "2,000" and "don't" are one word each; a final period is not in the word.
        let t = "They don't have 2,000 men in the U.S.";
        let w: Vec<&str> = words_of(t).iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(
            w,
            ["They", "don't", "have", "2,000", "men", "in", "the", "U.S"]
        );
    }

    #[test]
    fn an_irregular_form_shares_its_verb_stem() {
        // Reason: "a bird strike" / "a bird may have struck the engine" shared no word: an
        // irregular past is a word of its own to a stem that only cuts endings.
        for forms in [
            &["strike", "struck"][..],
            &["take", "took", "taken"],
            &["flee", "fled", "fleeing"],
            &["catch", "caught"],
        ] {
            let stems: Vec<&str> = forms.iter().map(|w| stem(w)).collect();
            assert!(stems.iter().all(|s| *s == stems[0]), "{forms:?}: {stems:?}");
        }
        // Regular forms as before.
        assert_eq!(stem("arrested"), "arrest");
        assert_eq!(stem("fighters"), "fighter");
    }

    #[test]
    fn negations() {
        // Reason: "didn't" negates as "not" does; "note" does not.
        assert!(is_negation("didn't") && is_negation("never"));
        assert!(!is_negation("note"));
    }
}
