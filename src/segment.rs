//! Sentences and tokens.
//!
//! Tokens are words (letters and digits, joined across internal apostrophes, hyphens, decimal
//! points, thousands separators and the dots of "U.S."), and single punctuation marks. A
//! possessive "'s"/"’s" is its own token so that names end before it. Sentences end at `.`, `!`,
//! `?` or `…` (unless the word before is a known abbreviation or an initial), always at a blank
//! line, and at a line break unless the next line continues in lower case (a hard wrap).

use crate::span::Span;
use std::ops::Range;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Starts with a letter.
    Word,
    /// Starts with a digit.
    Number,
    /// One punctuation mark or symbol (an ellipsis "..." is one token).
    Punct,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is, in bytes.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
    /// Line breaks in the white space before it (2 or more: a blank line).
    pub newlines_before: u8,
}

/// One sentence: a span and the range of its tokens in `Segmented::tokens`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// From the first token's start to the last token's end.
    pub span: Span,
    /// Indexes into `Segmented::tokens`.
    pub tokens: Range<usize>,
}

/// The tokens and sentences of one text.
#[derive(Clone, Debug, Default)]
pub struct Segmented {
    /// Every token, in text order.
    pub tokens: Vec<Token>,
    /// Every sentence, in text order; together they cover every token exactly once.
    pub sentences: Vec<Sentence>,
}

/// Words after which a period does not end a sentence (lower case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "capt", "cmdr", "co", "col", "corp", "cpl", "cpt", "dec", "dept", "dr",
    "e.g", "feb", "fig", "gen", "gov", "i.e", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj",
    "mar", "messrs", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "pres", "prof", "pvt", "rep",
    "rev", "sen", "sep", "sept", "sgt", "sr", "st", "supt", "vs",
];

/// True for a word whose following period is part of it ("Dr", "Sept", "Lt").
pub fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    ABBREVIATIONS.binary_search(&lower.as_str()).is_ok()
}

/// Splits `text` into tokens and sentences.
pub fn segment(text: &str) -> Segmented {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    Segmented { tokens, sentences }
}

fn is_joiner_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '‑'
}

/// Tokenizes `text`; see the module docs.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let byte_at = |i: usize| if i < n { chars[i].0 } else { text.len() };
    let mut i = 0;
    let mut newlines: u8 = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || c.is_control() || is_invisible(c) {
            if c == '\n' {
                newlines = newlines.saturating_add(1);
            }
            i += 1;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            kind = if c.is_numeric() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            i += 1;
            loop {
                if i >= n {
                    break;
                }
                let c = chars[i].1;
                if c.is_alphanumeric() || is_combining(c) {
                    i += 1;
                    continue;
                }
                let next = chars.get(i + 1).map(|p| p.1);
                let prev = chars[i - 1].1;
                let next_alnum = next.is_some_and(|x| x.is_alphanumeric());
                if is_joiner_apostrophe(c) && next_alnum {
                    // A possessive "'s" stays a token of its own.
                    let after = chars.get(i + 2).map(|p| p.1);
                    let possessive = matches!(next, Some('s') | Some('S'))
                        && !after.is_some_and(|x| x.is_alphanumeric());
                    if possessive {
                        break;
                    }
                    i += 1;
                    continue;
                }
                if is_hyphen(c) && next_alnum {
                    i += 1;
                    continue;
                }
                if (c == ',' || c == '.' || c == ':' || c == '/')
                    && prev.is_numeric()
                    && next.is_some_and(|x| x.is_numeric())
                {
                    i += 1;
                    continue;
                }
                if c == '.'
                    && is_initialism_so_far(&chars[start..i])
                    && next.is_some_and(|x| x.is_alphabetic())
                    && chars.get(i + 2).map(|p| p.1) == Some('.')
                {
                    // "U.S", "U.N", "e.g": single letters joined by dots.
                    i += 1;
                    continue;
                }
                break;
            }
            // "U.S." keeps its final period; "Dr." does not (the sentence splitter checks it).
            if i < n
                && chars[i].1 == '.'
                && i - start >= 3
                && is_initialism_so_far(&chars[start..i])
            {
                i += 1;
            }
        } else if c == '.' && chars.get(i + 1).map(|p| p.1) == Some('.') {
            kind = TokenKind::Punct;
            while i < n && chars[i].1 == '.' {
                i += 1;
            }
        } else if c == '\'' || c == '’' {
            // A possessive "'s" after a word.
            kind = TokenKind::Punct;
            let next = chars.get(i + 1).map(|p| p.1);
            let after = chars.get(i + 2).map(|p| p.1);
            let prev_alnum = i > 0 && chars[i - 1].1.is_alphanumeric();
            if prev_alnum
                && matches!(next, Some('s') | Some('S'))
                && !after.is_some_and(|x| x.is_alphanumeric())
            {
                i += 2;
            } else {
                i += 1;
            }
        } else {
            kind = TokenKind::Punct;
            i += 1;
            while i < n && is_combining(chars[i].1) {
                i += 1;
            }
        }
        tokens.push(Token {
            span: Span::new(byte_at(start), byte_at(i)),
            kind,
            newlines_before: newlines,
        });
        newlines = 0;
    }
    tokens
}

/// True for "U", "U.S", "e.g": one letter, then dot-letter pairs.
fn is_initialism_so_far(chars: &[(usize, char)]) -> bool {
    if chars.is_empty() || chars.len() % 2 == 0 {
        return false;
    }
    chars.iter().enumerate().all(|(k, &(_, c))| {
        if k % 2 == 0 {
            c.is_alphabetic()
        } else {
            c == '.'
        }
    })
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0xFE00..=0xFE0F | 0x200D)
}

fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x200B | 0x200C | 0x200E | 0x200F | 0x2060 | 0xFEFF | 0x202A..=0x202E | 0x2066..=0x2069)
}

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "…" | "?!" | "!?")
        || (s.len() >= 3 && s.bytes().all(|b| b == b'.'))
}

fn is_closing(s: &str) -> bool {
    matches!(s, "”" | "’" | ")" | "]" | "»" | "\"" | "'")
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < tokens.len() {
        let tok = &text[tokens[i].span];
        let mut end_here = false;
        let mut last = i;
        if is_terminal(tok) {
            // Closing quotes and brackets right after the mark belong to this sentence.
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].newlines_before == 0
                && tokens[j].span.start == tokens[j - 1].span.end
                && is_closing(&text[tokens[j].span])
            {
                j += 1;
            }
            last = j - 1;
            match tokens.get(j) {
                None => end_here = true,
                Some(next) => {
                    let next_text = &text[next.span];
                    let after_abbrev = tok == "."
                        && i > begin
                        && tokens[i - 1].span.end == tokens[i].span.start
                        && {
                            let prev = &text[tokens[i - 1].span];
                            is_abbreviation(prev)
                                || (prev.chars().count() == 1
                                    && prev.chars().all(|c| c.is_uppercase()))
                        }
                        && !abbreviation_ends_sentence(text, tokens, i - 1, j);
                    // "1. The first point": a number opening a line is a list marker.
                    let list_number = tok == "."
                        && i == begin + 1
                        && tokens[begin].kind == TokenKind::Number
                        && tokens[begin].span.end == tokens[i].span.start
                        && (begin == 0 || tokens[begin].newlines_before > 0)
                        && text[tokens[begin].span].len() <= 2;
                    // "R-Calif., said", "DUNMORE, Ore. (Wire) -", "MARLOWE, W.Va. (AP) —": a
                    // period before a comma, or after a short capitalised word after a comma
                    // and before a bracket (a dateline's state), closes an abbreviation, not a
                    // sentence.
                    let short_before_bracket = tok == "." && next_text == "(" && i > begin + 1 && {
                        // The word before the period, with the letters and periods glued
                        // to it ("W.Va").
                        let mut j = i - 1;
                        while j > begin + 1
                            && tokens[j - 1].span.end == tokens[j].span.start
                            && &text[tokens[j - 1].span] != ","
                        {
                            j -= 1;
                        }
                        let prev = &text[tokens[j].span.start..tokens[i].span.start];
                        &text[tokens[j - 1].span] == ","
                            && prev.chars().count() <= 5
                            && prev.chars().next().is_some_and(char::is_uppercase)
                            && prev.chars().all(|c| c.is_alphabetic() || c == '.')
                            && !prev.contains("..")
                    };
                    let before_comma = tok == "." && next_text == "," && last == i;
                    // "The S&P 500 index .SPX fell": a period after a space and joined to
                    // capitals opens a ticker.
                    let ticker = tok == "."
                        && last == i
                        && i > begin
                        && tokens[i - 1].span.end < tokens[i].span.start
                        && next.span.start == tokens[i].span.end
                        && next.newlines_before == 0
                        && next_text.len() >= 2
                        && next_text
                            .chars()
                            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
                    end_here = next.newlines_before > 0
                        || !(after_abbrev
                            || list_number
                            || before_comma
                            || ticker
                            || short_before_bracket
                            || starts_lowercase(next_text));
                }
            }
        } else if tok.len() > 2
            && tok.ends_with('.')
            && tokens.get(i + 1).is_some_and(|n| n.newlines_before == 0)
            && abbreviation_ends_sentence(text, tokens, i, i + 1)
        {
            // "in the U.S. The company said": the initialism's own period ends the sentence.
            end_here = true;
        } else if let Some(next) = tokens.get(i + 1) {
            if next.newlines_before >= 2 {
                end_here = true;
            } else if next.newlines_before == 1 {
                // A hard-wrapped line continues in lower case (or after a comma or hyphen).
                let next_text = &text[next.span];
                let continues = starts_lowercase(next_text)
                    || matches!(tok, "," | ";" | ":" | "-" | "–" | "—" | "(" | "“");
                end_here = !continues;
            }
        } else {
            end_here = true;
        }
        if end_here {
            sentences.push(Sentence {
                span: Span::new(
                    content_start(text, tokens, begin, last),
                    tokens[last].span.end,
                ),
                tokens: begin..last + 1,
            });
            begin = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    if begin < tokens.len() {
        sentences.push(Sentence {
            span: Span::new(
                content_start(text, tokens, begin, tokens.len() - 1),
                tokens[tokens.len() - 1].span.end,
            ),
            tokens: begin..tokens.len(),
        });
    }
    sentences
}

/// Capitalised words that open a sentence and never go on a name before them: after an
/// abbreviation's period ("in the U.S. The company said", "Acme Corp. It is") the sentence ends.
const SENTENCE_OPENERS: &[&str] = &[
    "A",
    "After",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "But",
    "Earlier",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Meanwhile",
    "On",
    "Our",
    "She",
    "Since",
    "So",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "We",
    "When",
    "While",
    "Yet",
];

/// Company suffixes that often close a sentence: "… by Acme Corp. Shares fell 4%."
const COMPANY_SUFFIXES: &[&str] = &["co", "corp", "inc", "ltd"];

/// True when the abbreviation or initialism at token `k` (its period included or the next
/// token) ends its sentence before token `next`: `next` opens a sentence, or, after a company
/// suffix, is one capitalised word before a lower-case one ("Acme Corp. Shares fell"; "Acme
/// Corp. Chief Executive Jane Doe" goes on).
fn abbreviation_ends_sentence(text: &str, tokens: &[Token], k: usize, next: usize) -> bool {
    let Some(n) = tokens.get(next) else {
        return false;
    };
    let word = &text[n.span];
    if SENTENCE_OPENERS.contains(&word) {
        return true;
    }
    let abbreviation = text[tokens[k].span].trim_end_matches('.').to_lowercase();
    COMPANY_SUFFIXES.contains(&abbreviation.as_str())
        && n.kind == TokenKind::Word
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).all(char::is_lowercase)
        && tokens
            .get(next + 1)
            .is_some_and(|after| after.newlines_before == 0 && starts_lowercase(&text[after.span]))
}

/// Where a sentence's content starts: after a list marker ("-", "•", "1.") that opens its line.
fn content_start(text: &str, tokens: &[Token], begin: usize, last: usize) -> usize {
    let at_line_start = begin == 0 || tokens[begin].newlines_before > 0;
    if at_line_start && last > begin {
        let first = &text[tokens[begin].span];
        if matches!(first, "-" | "•" | "*" | "–" | "—" | "·" | "▪" | "◦" | "‣") {
            return tokens[begin + 1].span.start;
        }
        if last > begin + 1
            && tokens[begin].kind == TokenKind::Number
            && first.len() <= 2
            && matches!(&text[tokens[begin + 1].span], "." | ")")
        {
            return tokens[begin + 2].span.start;
        }
    }
    tokens[begin].span.start
}
