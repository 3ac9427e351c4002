//! Headlines and capitals: whether a sentence is a headline, in capitals or in title case;
//! which words the body of the text capitalises, writes in lower case or knows as words of the
//! language; and how a name a title-case headline runs into the words around it is cut back to
//! the words that are names ("Tara Reid Finally Checks Into Rehab" → "Tara Reid").

use super::CONNECTORS;
use crate::entities::gazetteer::list;
use crate::entities::tagger::features;
use crate::entities::Tokens;
use crate::hash::{WordMap, WordSet};
use crate::segment::Segmented;

/// True when the word of token `i` is written the same somewhere in the text where a sentence
/// does not start: evidence that it is a name. `elsewhere` holds those words, gathered on first
/// use (once per text).
pub(super) fn capitalised_elsewhere<'a>(
    t: &Tokens<'a>,
    i: usize,
    elsewhere: &mut Option<WordMap<&'a str, u32>>,
) -> bool {
    capitalised_count(t, i, elsewhere) > 0
}

/// How many times the word of token `i` is written the same where a sentence, a quotation or a
/// clause after a colon does not start, not counting where it ends a name joined by "of" or
/// "for" ("Life" in "Smiles for Life" says nothing of "Life" alone) or stands inside a longer
/// name ("City" in "Harwick City Hall"). `elsewhere` holds the
/// counts, gathered on first use (once per text).
pub(super) fn capitalised_count<'a>(
    t: &Tokens<'a>,
    i: usize,
    elsewhere: &mut Option<WordMap<&'a str, u32>>,
) -> u32 {
    let counts = elsewhere.get_or_insert_with(|| {
        let mut initial = vec![false; t.seg.tokens.len()];
        for s in &t.seg.sentences {
            if let Some(x) = initial.get_mut(s.tokens.start) {
                *x = true;
            }
        }
        let mut counts = WordMap::default();
        let connector = |c: usize| matches!(t.lower(c), "of" | "for");
        for (k, &opens) in initial.iter().enumerate().skip(1) {
            if opens
                || !t.capitalised(k)
                || matches!(
                    t.text(k - 1),
                    "“" | "\"" | "‘" | "'" | "(" | ":" | "—" | "–" | "-"
                )
            {
                continue;
            }
            let joined = (k >= 2 && connector(k - 1) && t.capitalised(k - 2))
                || (k >= 3 && t.lower(k - 1) == "the" && connector(k - 2) && t.capitalised(k - 3));
            // Inside a longer name ("City" of "Harwick City Hall"): the name is capitalised,
            // not the word.
            let inside = t.capitalised(k - 1) && k + 1 < initial.len() && t.capitalised(k + 1);
            if !joined && !inside {
                *counts.entry(t.text(k)).or_insert(0) += 1;
            }
        }
        counts
    });
    counts.get(t.text(i)).copied().unwrap_or(0)
}

/// True when token `k` of the sentence from `first` is a word of the language, not a given
/// name: in the tagger's lexicon or the gazetteer of common words, written in lower case
/// somewhere in the text (`lower`), or in lower case a whole word of the similarity model's
/// vocabulary (cased: most surnames have a piece only capitalised).
pub(super) fn is_word(
    s: &features::Scratch,
    lower: &WordSet<&str>,
    t: &Tokens,
    first: usize,
    k: usize,
) -> bool {
    let w = t.lower(first + k);
    if !w.chars().any(char::is_alphabetic)
        || features::gazetteer_bits(s, k) & (3 << (2 * list::FIRST_NAME)) != 0
    {
        return false;
    }
    features::in_lexicon(s, k)
        || features::gazetteer_bits(s, k) & (1 << (2 * list::COMMON)) != 0
        || lower.contains(w)
        || crate::similarity::model().is_word(w)
}

/// The words the text writes in lower case somewhere: words of the language, not names, whatever
/// a title-case headline does with them.
pub(super) fn written_lower<'a>(t: &Tokens<'a>) -> WordSet<&'a str> {
    // Room for the distinct words of a text at once, rather than growing step by step.
    let mut out =
        WordSet::with_capacity_and_hasher(t.seg.tokens.len() / 4 + 16, Default::default());
    out.extend(
        (0..t.seg.tokens.len())
            .map(|k| t.text(k))
            .filter(|w| w.starts_with(|c: char| c.is_lowercase())),
    );
    out
}

/// Whether words are written capitalised in the body of the text: not first in a sentence, a
/// quotation or a clause after a colon, and not in a title-case headline (a headline in
/// capitals writes its words in capitals, which match no word in title case). Looked up word
/// by word, as headlines need few.
#[derive(Default)]
pub(super) struct BodyCapitals<'a> {
    /// Words looked up, and the answer.
    words: Vec<(&'a str, bool)>,
    /// Whether each sentence is in title case, once asked.
    titled: Vec<Option<bool>>,
}

impl<'a> BodyCapitals<'a> {
    #[inline(never)]
    pub(super) fn has(&mut self, t: &Tokens<'a>, word: &'a str) -> bool {
        if let Some(&(_, found)) = self.words.iter().find(|(w, _)| *w == word) {
            return found;
        }
        if self.titled.is_empty() {
            self.titled = vec![None; t.seg.sentences.len()];
        }
        let mut found = false;
        'sentences: for (n, s) in t.seg.sentences.iter().enumerate() {
            for k in s.tokens.start + 1..s.tokens.end {
                let span = t.seg.tokens[k].span;
                if span.end - span.start != word.len() || &t.text[span] != word {
                    continue;
                }
                let opens = matches!(
                    t.text(k - 1),
                    "“" | "\"" | "‘" | "'" | "(" | ":" | "—" | "–" | "-"
                );
                if !opens && !*self.titled[n].get_or_insert_with(|| title_case(t, s.tokens.clone()))
                {
                    found = true;
                    break 'sentences;
                }
            }
        }
        self.words.push((word, found));
        found
    }
}

/// In a title-case headline every word has a capital, so the tagger runs names into the words
/// around them ("Tara Reid Finally Checks Into Rehab"). When some word of a name is written
/// capitalised in the body of the text, the name loses the common words (`common`: the
/// tagger's lexicon, by index in the sentence) that the body never capitalises, and what is
/// left on either side of them are names of their own ("Colts Beat Chiefs": "Colts",
/// "Chiefs"); small words ("of", "and") stay between two kept words. A name with no word from
/// the body is left alone (a table of names, a text that is all headline), unless it is three
/// or more words, three in four of them of the tagger's lexicon: that is a headline's words run
/// together.
#[inline(never)]
pub(super) fn split_title<'a>(
    t: &Tokens<'a>,
    first: usize,
    tags: &mut [u8],
    common: &dyn Fn(usize) -> bool,
    body: &mut BodyCapitals<'a>,
) {
    // Only a name of two or more words can be split.
    if !tags
        .windows(2)
        .any(|w| w[0] != 0 && w[1] == 2 * w[0].div_ceil(2))
    {
        return;
    }
    let capitalised: Vec<bool> = (0..tags.len())
        .map(|k| t.capitalised(first + k) && body.has(t, t.text(first + k)))
        .collect();
    let in_body = |k: usize| capitalised[k];
    // A nickname between quotation marks inside a name ("Vincent 'Chin' Gigante") stays, even
    // when the body writes the word in lower case.
    let quote = |k: usize| matches!(t.text(first + k), "\"" | "“" | "”" | "'" | "‘" | "’");
    let word = |k: usize| t.capitalised(first + k) || t.lower(first + k) == "the";
    let quoted: Vec<bool> = (0..tags.len())
        .map(|k| {
            let mut a = k;
            while a > 0 && word(a - 1) {
                a -= 1;
            }
            let mut b = k + 1;
            while b < tags.len() && word(b) {
                b += 1;
            }
            a > 0 && quote(a - 1) && b < tags.len() && quote(b) && tags[a - 1] != 0
        })
        .collect();
    let named = |k: usize| in_body(k) || !common(k) || quoted[k];
    // A headline says something in common words; a line of a table lists names and numbers.
    let plain = (0..tags.len())
        .filter(|&k| t.capitalised(first + k) && !named(k))
        .count();
    let numbers = (first..first + tags.len())
        .filter(|&k| t.seg.tokens[k].kind == crate::segment::TokenKind::Number)
        .count();
    if plain < 2 || numbers > 2 {
        return;
    }
    let mut k = 0;
    while k < tags.len() {
        if tags[k] == 0 {
            k += 1;
            continue;
        }
        // The entity k..end, of one type.
        let inside = 2 * tags[k].div_ceil(2);
        let mut end = k + 1;
        while end < tags.len() && tags[end] == inside {
            end += 1;
        }
        if !(k..end).any(in_body) {
            // Only words of the body's vocabulary, none of them a name there ("Wife Indicted On
            // Campaign Finance Fraud Charges"): a headline's words, not a name.
            let words: Vec<usize> = (k..end)
                .filter(|&q| !CONNECTORS.contains(&t.lower(first + q)))
                .collect();
            let known = words.iter().filter(|&&q| common(q)).count();
            if words.len() >= 3 && known * 4 >= words.len() * 3 {
                tags[k..end].iter_mut().for_each(|x| *x = 0);
            }
        } else {
            let mut open = false;
            for (q, tag) in tags.iter_mut().enumerate().take(end).skip(k) {
                let connector =
                    open && q + 1 < end && named(q + 1) && CONNECTORS.contains(&t.lower(first + q));
                *tag = if named(q) || connector {
                    let tag = if open { inside } else { inside - 1 };
                    open = true;
                    tag
                } else {
                    open = false;
                    0
                };
            }
        }
        k = end;
    }
}

/// Words a title-case headline leaves in lower case.
const TITLE_SMALL: &[&str] = &[
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "at", "by", "with", "from", "as",
    "vs", "is",
];

/// A headline in title case ("ISIS Militants and Commanders Flee to Turkey"): four or more
/// words, every one but the small ones capitalised, no final period. Capitals say little there.
pub(super) fn title_case(t: &Tokens, r: std::ops::Range<usize>) -> bool {
    title_case_words(|k| t.text(k), r)
}

/// As `title_case`, with the text of token `k` as `word(k)`.
pub(super) fn title_case_words<'a>(
    word: impl Fn(usize) -> &'a str,
    r: std::ops::Range<usize>,
) -> bool {
    if r.is_empty() || matches!(word(r.end - 1), "." | "!" | "?" | "”" | "\"" | ":") {
        return false;
    }
    let mut words = 0;
    for k in r {
        let w = word(k);
        if !w.chars().next().is_some_and(char::is_alphabetic)
            || TITLE_SMALL.iter().any(|s| s.eq_ignore_ascii_case(w))
        {
            continue;
        }
        words += 1;
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    words >= 4
}

/// True for a headline in capitals: the sentence `r` of `seg`.
pub(crate) fn is_headline_in_capitals(
    text: &str,
    seg: &Segmented,
    r: std::ops::Range<usize>,
) -> bool {
    features::all_caps_words(|k: usize| &text[seg.tokens[k].span], r)
}

/// True for a headline, in capitals or in title case: the sentence `r` of `seg`.
pub(crate) fn is_headline(text: &str, seg: &Segmented, r: std::ops::Range<usize>) -> bool {
    let word = |k: usize| &text[seg.tokens[k].span];
    features::all_caps_words(word, r.clone()) || title_case_words(word, r)
}

/// In a headline in capitals a known name followed only by common words ends where the
/// gazetteer's name ends: "ISIS SUSPECTS" is "ISIS".
pub(super) fn cut_headline(
    i: usize,
    j: usize,
    gaz: &dyn Fn(usize) -> u32,
    lexical: &dyn Fn(usize) -> bool,
) -> usize {
    let mut end = i;
    for l in [
        list::ORG,
        list::COUNTRY,
        list::CITY,
        list::REGION,
        list::DEMONYM,
    ] {
        if gaz(i) & (1 << (2 * l)) != 0 {
            let mut q = i + 1;
            while q < j && gaz(q) & (1 << (2 * l + 1)) != 0 {
                q += 1;
            }
            end = end.max(q);
        }
    }
    if end > i && end < j && (end..j).all(lexical) {
        end
    } else {
        j
    }
}
