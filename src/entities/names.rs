//! Names: runs of capitalised words, cut into pieces by the gazetteers and typed.
//!
//! A run is a maximal sequence of capitalised tokens in one sentence, joined across name
//! particles ("al-", "bin", "van", "of") and the periods of title abbreviations ("Lt. Gen.").
//! Leading "the" and common sentence-initial words are dropped; titles split the run and make
//! what follows a PERSON; the longest gazetteer entry at each position gives a label; what no
//! gazetteer knows is typed by its shape (a given name, an organisation word at the end, an
//! acronym) and, for single words, by the rest of the document.

use super::gazetteer::{Gazetteer, Kind};
use super::key::{fold, name_key};
use super::{Label, Mention, Tokens};
use crate::segment::{is_abbreviation, TokenKind};
use crate::span::Span;
use std::collections::HashSet;

/// Lower-case words that may sit inside a name between two capitalised words.
const CONNECTORS: &[&str] = &[
    "of", "for", "de", "del", "della", "di", "da", "du", "van", "von", "der", "den", "bin", "ibn",
    "bint", "al", "el", "la", "le", "&", "y", "abu",
];

/// Suffixes after a hyphen that are not part of the name: "ISIS-held", "Britain-based".
fn lowercase_suffix_start(word: &str) -> Option<usize> {
    let pos = word.rfind('-')?;
    let suffix = &word[pos + 1..];
    (pos > 0 && suffix.chars().next().is_some_and(char::is_lowercase)).then_some(pos)
}

/// Verbs after a single unknown name that make it a person ("Smith said").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "explained",
    "argued",
    "noted",
    "stated",
    "warned",
    "claimed",
    "insisted",
];

struct Piece {
    span: Span,
    label: Option<Label>,
    /// Token range, for document-level typing of single words.
    first: usize,
    last: usize,
}

/// Finds names in the tokens not yet taken.
pub fn find(t: &Tokens, taken: &mut [bool]) -> Vec<Mention> {
    let g = Gazetteer::get();
    let mid_caps = capitalised_mid_sentence(t);
    let mut pieces: Vec<Piece> = Vec::new();
    for sentence in &t.seg.sentences {
        let (begin, end) = (sentence.tokens.start, sentence.tokens.end);
        let all_caps = is_all_caps(t, begin, end);
        let name_word = |k: usize, taken: &[bool]| -> bool {
            if k >= end || taken[k] || t.seg.tokens[k].kind != TokenKind::Word {
                return false;
            }
            let w = t.text(k);
            if all_caps {
                return w.chars().any(char::is_alphabetic);
            }
            let mut chars = w.chars();
            let first = chars.next().unwrap_or(' ');
            if first.is_uppercase() {
                return true;
            }
            // "al-Baghdadi", "el-Sisi"
            matches!(w.find('-'), Some(1..=3))
                && w.split_once('-')
                    .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_uppercase))
        };
        let mut i = begin;
        while i < end {
            if !name_word(i, taken) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            loop {
                if name_word(j, taken) && lowercase_suffix_start(t.text(j - 1)).is_none() {
                    j += 1;
                } else if j + 1 < end
                    && name_word(j + 1, taken)
                    && ((t.text(j) == "." && t.attached(j) && is_abbreviation(t.text(j - 1)))
                        || (!all_caps && CONNECTORS.contains(&t.lower(j)) && !taken[j]))
                {
                    // "Lt. Gen. Saad", "Bank of England"
                    j += 2;
                } else {
                    break;
                }
            }
            split_run(t, g, i, j, begin, all_caps, &mid_caps, &mut pieces);
            i = j;
        }
    }
    type_single_words(t, g, &mut pieces);
    let mut out = Vec::new();
    for p in pieces {
        if let Some(label) = p.label {
            taken[p.first..=p.last].iter_mut().for_each(|x| *x = true);
            let text = &t.text[p.span];
            out.push(Mention {
                span: p.span,
                label,
                key: name_key(text),
                value: None,
                iso: None,
            });
        }
    }
    out
}

/// Capitalised words seen away from the start of a sentence: evidence that they are names.
fn capitalised_mid_sentence<'a>(t: &Tokens<'a>) -> HashSet<&'a str> {
    let mut set = HashSet::new();
    for s in &t.seg.sentences {
        for k in s.tokens.start + 1..s.tokens.end {
            let prev = t.text(k - 1);
            if t.capitalised(k)
                && !matches!(prev, "“" | "\"" | ":" | "‘" | "'" | "(" | "—" | "–" | "-")
                && !is_all_caps(t, s.tokens.start, s.tokens.end)
            {
                set.insert(t.text(k));
            }
        }
    }
    set
}

/// A headline in capitals: capitalisation says nothing there.
fn is_all_caps(t: &Tokens, begin: usize, end: usize) -> bool {
    let mut words = 0;
    let mut caps = 0;
    for k in begin..end {
        let w = t.text(k);
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            words += 1;
            if !w.chars().any(char::is_lowercase) {
                caps += 1;
            }
        }
    }
    words >= 3 && caps * 10 >= words * 8
}

/// The span of tokens `p..q`, without a lowercase hyphen suffix on the last ("ISIS-held").
fn piece_span(t: &Tokens, p: usize, q: usize) -> Span {
    let mut span = t.span(p, q);
    let last = t.text(q - 1);
    if let Some(pos) = lowercase_suffix_start(last) {
        span.end = t.seg.tokens[q - 1].span.start + pos;
    }
    span
}

#[allow(clippy::too_many_arguments)]
fn split_run(
    t: &Tokens,
    g: &Gazetteer,
    mut i: usize,
    mut j: usize,
    sentence_start: usize,
    all_caps: bool,
    mid_caps: &HashSet<&str>,
    pieces: &mut Vec<Piece>,
) {
    let lookup = |p: usize, q: usize| g.lookup(&fold(&t.text[piece_span(t, p, q)]));
    let folded = |k: usize| fold(t.text(k));
    // Drop leading "the", common words and unknown sentence-initial words.
    while i < j {
        let w = folded(i);
        let initial = i == sentence_start || matches!(t.text(i - 1), "“" | "\"" | ":" | "‘" | "(");
        let known = lookup(i, i + 1).is_some() || g.is_first_name(&w);
        let drop = w == "the"
            // "IS", "US", "WHO" in capitals are acronyms, not the common words.
            || (!known && g.is_common_word(&w) && (all_caps || !is_acronym(t.text(i))))
            || (initial
                && !known
                && !mid_caps.contains(t.text(i))
                && !all_caps
                && !is_acronym(t.text(i)))
            || t.text(i) == ".";
        if !drop {
            break;
        }
        i += 1;
    }
    while j > i && (CONNECTORS.contains(&t.lower(j - 1)) || t.text(j - 1) == ".") {
        j -= 1;
    }
    if i >= j {
        return;
    }
    // A run ending in an organisation word is one organisation: "Turkish Interior Ministry".
    if !all_caps
        && j - i >= 2
        && g.is_org_word(&folded(j - 1))
        && !matches!(lookup(i, j), Some(Kind::Title))
    {
        let first_title = (i..j).rfind(|&k| {
            matches!(lookup(k, k + 1), Some(Kind::Title)) && k + 1 < j && !g.is_org_word(&folded(k))
        });
        let start = first_title.map_or(i, |k| k + 1);
        pieces.push(Piece {
            span: piece_span(t, start, j),
            label: Some(Label::Org),
            first: start,
            last: j - 1,
        });
        return;
    }
    let mut p = i;
    let mut after_title = false;
    while p < j {
        // A piece never starts with a connector ("Frenchman of Algerian descent").
        if CONNECTORS.contains(&t.lower(p)) {
            p += 1;
            continue;
        }
        // The longest gazetteer entry starting here.
        let longest = (p + 1..=j.min(p + g.max_words))
            .rev()
            .find_map(|q| lookup(p, q).map(|k| (q, k)));
        match longest {
            Some((q, Kind::Title)) => {
                after_title = true;
                p = q;
                // A connector after a title ("Minister of Defense") is not a name.
                while p < j && (CONNECTORS.contains(&t.lower(p)) || t.text(p) == ".") {
                    p += 1;
                }
            }
            Some((q, Kind::Name(label))) => {
                // After a title a known word may still start a longer personal name.
                if after_title && q < j {
                    p = unknown_stretch(t, g, p, j, true, all_caps, pieces, &lookup);
                } else {
                    pieces.push(Piece {
                        span: piece_span(t, p, q),
                        label: Some(label),
                        first: p,
                        last: q - 1,
                    });
                    p = q;
                }
                after_title = false;
            }
            _ => {
                p = unknown_stretch(t, g, p, j, after_title, all_caps, pieces, &lookup);
                after_title = false;
            }
        }
    }
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && !w.chars().any(char::is_lowercase)
}

#[allow(clippy::too_many_arguments)]
fn unknown_stretch(
    t: &Tokens,
    g: &Gazetteer,
    p: usize,
    j: usize,
    after_title: bool,
    all_caps: bool,
    pieces: &mut Vec<Piece>,
    lookup: &dyn Fn(usize, usize) -> Option<Kind>,
) -> usize {
    let first_name = g.is_first_name(&fold(t.text(p)));
    // A person's name runs to the end of the run; anything else stops where a known name starts.
    let mut q = p + 1;
    if first_name || after_title {
        q = j;
    } else {
        while q < j
            && (CONNECTORS.contains(&t.lower(q))
                || (p + 1..=j.min(q + 6)).all(|r| r <= q || lookup(q, r).is_none()))
        {
            q += 1;
        }
    }
    let mut end = q;
    while end > p + 1 && CONNECTORS.contains(&t.lower(end - 1)) {
        end -= 1;
    }
    let label = if all_caps {
        None
    } else if after_title || first_name {
        Some(Label::Person)
    } else if g.is_org_word(&fold(t.text(end - 1))) || (end - p == 1 && is_acronym(t.text(p))) {
        Some(Label::Org)
    } else if end - p >= 2 {
        Some(Label::Person)
    } else {
        // One unknown word: typed later from the rest of the document.
        Some(Label::Product)
    };
    pieces.push(Piece {
        span: piece_span(t, p, end),
        label,
        first: p,
        last: end - 1,
    });
    q
}

/// Single unknown words (marked `Product` above): a surname of a person named in full elsewhere,
/// or a word before "said", is a PERSON; any other is taken for an ORG.
fn type_single_words(t: &Tokens, g: &Gazetteer, pieces: &mut [Piece]) {
    let mut person_words: HashSet<String> = HashSet::new();
    for p in pieces
        .iter()
        .filter(|p| p.label == Some(Label::Person) && p.last > p.first)
    {
        for w in t.text[p.span].split_whitespace() {
            person_words.insert(fold(w));
        }
    }
    for p in pieces
        .iter_mut()
        .filter(|p| p.label == Some(Label::Product))
    {
        let w = fold(&t.text[p.span]);
        let next = t.lower(p.last + 1);
        p.label =
            if person_words.contains(&w) || g.is_first_name(&w) || SPEECH_VERBS.contains(&next) {
                Some(Label::Person)
            } else {
                Some(Label::Org)
            };
    }
}
