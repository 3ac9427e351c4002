//! Entity mentions: dates and times, numbers with their values, and names typed by gazetteers.
//!
//! The recognisers run in that order over the tokens of each sentence; a token that one of them
//! takes is not seen by the next, so "October 9, 2019" is one DATE and not a CARDINAL.

pub mod aliases;
pub mod dates;
pub mod gazetteer;
pub mod key;
pub mod names;
pub mod numbers;
pub mod tagger;

use crate::segment::Segmented;
use crate::span::Span;
use serde::Serialize;

/// OntoNotes entity labels, as spaCy users know them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// People, including fictional.
    Person,
    /// Nationalities, religious or political groups.
    Norp,
    /// Buildings, airports, highways, bridges.
    Fac,
    /// Companies, agencies, institutions, armed groups, outlets.
    Org,
    /// Countries, cities, states.
    Gpe,
    /// Non-GPE locations: regions, seas, mountains.
    Loc,
    /// Objects, vehicles, foods (not services).
    Product,
    /// Named events: wars, battles, elections.
    Event,
    /// Titles of books, songs, reports.
    WorkOfArt,
    /// Named documents made into laws.
    Law,
    /// Named languages.
    Language,
    /// Absolute or relative dates or periods.
    Date,
    /// Times smaller than a day.
    Time,
    /// Percentages.
    Percent,
    /// Monetary values.
    Money,
    /// Measurements with a unit.
    Quantity,
    /// "first", "21st".
    Ordinal,
    /// Other numerals.
    Cardinal,
}

impl Label {
    /// The OntoNotes name ("PERSON", "GPE", …).
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Product => "PRODUCT",
            Label::Event => "EVENT",
            Label::WorkOfArt => "WORK_OF_ART",
            Label::Law => "LAW",
            Label::Language => "LANGUAGE",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Percent => "PERCENT",
            Label::Money => "MONEY",
            Label::Quantity => "QUANTITY",
            Label::Ordinal => "ORDINAL",
            Label::Cardinal => "CARDINAL",
        }
    }

    /// The name in angle brackets ("<PERSON>"), as a word in feature names.
    pub fn tag(self) -> &'static str {
        match self {
            Label::Person => "<PERSON>",
            Label::Norp => "<NORP>",
            Label::Fac => "<FAC>",
            Label::Org => "<ORG>",
            Label::Gpe => "<GPE>",
            Label::Loc => "<LOC>",
            Label::Product => "<PRODUCT>",
            Label::Event => "<EVENT>",
            Label::WorkOfArt => "<WORK_OF_ART>",
            Label::Law => "<LAW>",
            Label::Language => "<LANGUAGE>",
            Label::Date => "<DATE>",
            Label::Time => "<TIME>",
            Label::Percent => "<PERCENT>",
            Label::Money => "<MONEY>",
            Label::Quantity => "<QUANTITY>",
            Label::Ordinal => "<ORDINAL>",
            Label::Cardinal => "<CARDINAL>",
        }
    }

    /// True for the name labels (PERSON … LANGUAGE), false for dates, times and numbers.
    pub fn is_name(self) -> bool {
        !matches!(
            self,
            Label::Date
                | Label::Time
                | Label::Percent
                | Label::Money
                | Label::Quantity
                | Label::Ordinal
                | Label::Cardinal
        )
    }

    /// True for the labels that carry a numeric value.
    pub fn is_numeric(self) -> bool {
        matches!(
            self,
            Label::Percent | Label::Money | Label::Quantity | Label::Ordinal | Label::Cardinal
        )
    }
}

impl Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A numeric value as a range: equal ends when exact, `None` on an open side.
#[derive(Clone, Debug, PartialEq)]
pub struct Value {
    /// Lowest value the text allows, or `None` when open.
    pub low: Option<f64>,
    /// Highest value the text allows, or `None` when open.
    pub high: Option<f64>,
    /// "USD", "%", "km", … when there is a unit.
    pub unit: Option<&'static str>,
}

impl Value {
    /// An exact value.
    pub fn exact(x: f64, unit: Option<&'static str>) -> Value {
        Value {
            low: Some(x),
            high: Some(x),
            unit,
        }
    }
}

/// One entity mention in one source.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Where it is, in bytes.
    pub span: Span,
    /// Its OntoNotes label.
    pub label: Label,
    /// Normalised key for merging across sources (see `key::name_key`).
    pub key: String,
    /// The value of a numeric mention.
    pub value: Option<Value>,
    /// The ISO date of a DATE that resolves ("2019-10-09", "2019-10", "2019").
    pub iso: Option<String>,
}

/// Finds every entity mention in a segmented text, sorted by span.
pub fn find(text: &str, seg: &Segmented) -> Vec<Mention> {
    let toks = Tokens::new(text, seg);
    let mut taken = vec![false; seg.tokens.len()];
    let mut mentions = dates::find(&toks, &mut taken);
    mentions.extend(numbers::find(&toks, &mut taken));
    mentions.extend(names::find(&toks, &mut taken));
    mentions.sort_by(|a, b| a.span.cmp(&b.span).then(a.label.cmp(&b.label)));
    mentions.dedup_by(|a, b| a.span == b.span);
    numbered_branches(text, &mut mentions);
    mentions
}

/// Words that, closing an organisation's name, take the number after them: a union local, a
/// lodge, a post ("United Auto Workers Local 1843", "American Legion Post 12").
const NUMBERED: &[&str] = &["Local", "Lodge", "Post", "Chapter", "Precinct", "Ward"];

/// Joins the number that belongs to an organisation's name: "UAW Local 1843" is one name, not
/// "UAW Local" and the count 1843.
fn numbered_branches(text: &str, mentions: &mut Vec<Mention>) {
    let mut joined = vec![false; mentions.len()];
    for k in 1..mentions.len() {
        let (m, n) = (&mentions[k - 1], &mentions[k]);
        let joins = !joined[k - 1]
            && m.label == Label::Org
            && n.label == Label::Cardinal
            && text[m.span]
                .rsplit(' ')
                .next()
                .is_some_and(|w| NUMBERED.contains(&w))
            && text.get(m.span.end..n.span.start) == Some(" ")
            && text[n.span].bytes().all(|b| b.is_ascii_digit());
        if joins {
            let span = Span::new(m.span.start, n.span.end);
            mentions[k - 1].span = span;
            mentions[k - 1].key = names::key_of(&text[span]);
            joined[k] = true;
        }
    }
    let mut k = 0;
    mentions.retain(|_| {
        k += 1;
        !joined[k - 1]
    });
}

/// The tokens of one text with their lower-case forms, shared by the recognisers.
pub struct Tokens<'a> {
    /// The source text.
    pub text: &'a str,
    /// Its tokens and sentences.
    pub seg: &'a Segmented,
    /// Each token in lower case: a range of the text when it already is (most words), else of
    /// `lowered`.
    lower: Vec<Lower>,
    /// The lower-case forms of the tokens that have capitals, one after another: one buffer
    /// for the text rather than a string for each capitalised token.
    lowered: String,
}

/// Where a token's lower-case form is: bytes `start..end` of the text, or of `Tokens::lowered`.
#[derive(Clone, Copy)]
struct Lower {
    start: usize,
    end: usize,
    lowered: bool,
    /// The token starts with an upper-case letter (see `Tokens::capitalised`), found on the
    /// same pass: the recognisers ask it of most tokens, some several times.
    capitalised: bool,
}

impl<'a> Tokens<'a> {
    /// Lower-cases every token once; most are lower case already and are not copied.
    pub fn new(text: &'a str, seg: &'a Segmented) -> Tokens<'a> {
        let mut lowered = String::new();
        let lower = seg
            .tokens
            .iter()
            .map(|t| {
                let raw = &text[t.span];
                if !raw.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
                    return Lower {
                        start: t.span.start,
                        end: t.span.end,
                        lowered: false,
                        capitalised: false,
                    };
                }
                let capitalised = match raw.as_bytes().first() {
                    Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                    _ => raw.chars().next().is_some_and(char::is_uppercase),
                };
                let start = lowered.len();
                if raw.is_ascii() {
                    lowered.extend(raw.bytes().map(|b| char::from(b.to_ascii_lowercase())));
                } else {
                    // `to_lowercase` as `key::lower` does (a final sigma is not a sigma's
                    // lower case elsewhere).
                    lowered.push_str(&raw.to_lowercase());
                }
                Lower {
                    start,
                    end: lowered.len(),
                    lowered: true,
                    capitalised,
                }
            })
            .collect();
        Tokens {
            text,
            seg,
            lower,
            lowered,
        }
    }

    /// The text of token `i`.
    pub fn text(&self, i: usize) -> &'a str {
        &self.text[self.seg.tokens[i].span]
    }

    /// Token `i` in lower case, or "" past the end.
    pub fn lower(&self, i: usize) -> &str {
        let Some(w) = self.lower.get(i) else {
            return "";
        };
        let from = if w.lowered { &self.lowered } else { self.text };
        from.get(w.start..w.end).unwrap_or("")
    }

    /// The span from token `i` to token `j - 1`.
    pub fn span(&self, i: usize, j: usize) -> Span {
        Span::new(
            self.seg.tokens[i].span.start,
            self.seg.tokens[j - 1].span.end,
        )
    }

    /// True when token `i` directly follows token `i - 1` with no space.
    pub fn attached(&self, i: usize) -> bool {
        i > 0
            && i < self.seg.tokens.len()
            && self.seg.tokens[i - 1].span.end == self.seg.tokens[i].span.start
    }

    /// True when token `i` starts with an upper-case letter.
    #[inline]
    pub fn capitalised(&self, i: usize) -> bool {
        self.lower.get(i).is_some_and(|w| w.capitalised)
    }
}
