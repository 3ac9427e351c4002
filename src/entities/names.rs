//! Names: the learned tagger (`tagger`) finds PER/LOC/ORG/MISC spans in each sentence; rules
//! and gazetteers then fix the spans and refine the types into OntoNotes labels.
//!
//! Spans: a leading "the", a trailing possessive and titles before a person ("President",
//! "Lt. Gen.", "Defense Minister") are cut off; "ISIS-held" keeps "ISIS"; tokens already taken
//! by dates and numbers are left out; a person split at an initial or a quoted nickname is made
//! whole ("Frederick C. LaRue", "Vincent "The Chin" Gigante"); in a title-case headline a name
//! loses the common words the body never capitalises ("Tara Reid Finally Checks Into Rehab" →
//! "Tara Reid"), and a word of the language alone there is no name ("Congressman Resigns"); a
//! name the tagger splits at "for" or "of" is made whole when its parts are common words, not
//! people ("Smiles for Life", "Habitat for Humanity"); a run of capitalised words that ends as
//! organisations do and that the tagger reads in pieces is one organisation ("Nordic Aviators
//! Association"), and so is one the tagger reads whole as a place or a thing ("Harlow
//! Construction"); a name right before an office of a town or a state is the place ("Riverton
//! mayor"). A name found once is found again where the text repeats it and the tagger
//! missed it ("Manning" opening a sentence), unless the text also writes the word in lower case.
//! Labels: PER → PERSON, or ORG/FAC when the name ends as an institution or a building does
//! ("Betty Ford Center"); ORG → ORG; LOC → GPE for countries, cities and places not known to be
//! otherwise, LOC for regions and natural features, FAC for airports, bridges, streets; MISC →
//! NORP for nationalities and groups, EVENT, LAW or LANGUAGE where the words say so, PRODUCT
//! otherwise; whatever the type, "Pledge of Allegiance" is a WORK_OF_ART and "Bill of Rights" a
//! LAW (`DOCUMENT_HEADS`).

use super::gazetteer::{fold_hash, list, Gazetteer, Kind};
use super::key::{fold, name_key};
use super::tagger::{self, features, Model};
use super::{Label, Mention, Tokens};
use crate::hash::{FnvMap, FnvSet};
use crate::segment::Segmented;
use crate::span::Span;
use std::cell::RefCell;
use std::collections::HashSet;

/// Last words that make a place a facility.
const FAC_WORDS: &[&str] = &[
    "airport",
    "airbase",
    "base",
    "bridge",
    "square",
    "street",
    "avenue",
    "road",
    "highway",
    "stadium",
    "tower",
    "towers",
    "palace",
    "prison",
    "hospital",
    "mosque",
    "church",
    "cathedral",
    "temple",
    "dam",
    "port",
    "station",
    "crossing",
    "gate",
    "building",
    "hotel",
    "arena",
    "museum",
    "gallery",
    "theatre",
    "theater",
    "castle",
];

/// Last words that make a place a natural or non-political location.
const LOC_WORDS: &[&str] = &[
    "river",
    "sea",
    "ocean",
    "lake",
    "mountains",
    "mountain",
    "mount",
    "mt",
    "valley",
    "desert",
    "gulf",
    "bay",
    "island",
    "islands",
    "peninsula",
    "strait",
    "straits",
    "canal",
    "basin",
    "coast",
    "plain",
    "plains",
    "heights",
    "hills",
    "region",
    "delta",
    "forest",
    "park",
];

/// Words that make a MISC name an event.
const EVENT_WORDS: &[&str] = &[
    "cup",
    "open",
    "games",
    "olympics",
    "olympic",
    "championship",
    "championships",
    "classic",
    "prix",
    "war",
    "revolution",
    "uprising",
    "spring",
    "election",
    "elections",
    "summit",
    "conference",
    "tour",
    "series",
    "marathon",
    "rally",
    "trophy",
    "festival",
    "massacre",
    "intifada",
    "wimbledon",
];

/// Last words that make a MISC name a law.
const LAW_WORDS: &[&str] = &[
    "act",
    "treaty",
    "accord",
    "accords",
    "constitution",
    "convention",
    "charter",
    "agreement",
    "resolution",
    "amendment",
    "law",
];

/// Languages, typed LANGUAGE after "in", "speak" and the like (else they are NORP).
const LANGUAGES: &[&str] = &[
    "arabic",
    "chinese",
    "english",
    "farsi",
    "french",
    "german",
    "hebrew",
    "hindi",
    "italian",
    "japanese",
    "kurdish",
    "mandarin",
    "persian",
    "portuguese",
    "russian",
    "spanish",
    "turkish",
    "urdu",
    "dutch",
    "greek",
    "korean",
    "swahili",
    "pashto",
    "dari",
];

/// Small words inside names ("Bank of England", "Fish and Wildlife Service").
const CONNECTORS: &[&str] = &[
    "of", "and", "de", "&", "the", "for", "al", "el", "von", "van",
];

/// The most distinct token strings kept between texts (a few hundred bytes each).
const CACHE_LIMIT: usize = 20_000;

thread_local! {
    /// The tagger's buffers, with what it knows of each token string it has met (its own
    /// features and their weights), kept from text to text as a vocabulary is: most words of a
    /// news article were in the last one. Cleared past `CACHE_LIMIT` strings.
    static SCRATCH: RefCell<features::Scratch> = RefCell::new(features::Scratch::default());
}

/// Forgets the token strings met so far (for measuring speed on unseen text).
pub fn forget() {
    SCRATCH.with(|s| *s.borrow_mut() = features::Scratch::default());
}

/// Finds names in the tokens not yet taken.
pub fn find(t: &Tokens, taken: &mut [bool]) -> Vec<Mention> {
    SCRATCH.with(|s| {
        let mut s = s.borrow_mut();
        if s.distinct() == 0 || s.distinct() > CACHE_LIMIT {
            *s = features::Scratch::with_capacity(t.seg.tokens.len());
        }
        find_with(t, taken, &mut s)
    })
}

fn find_with(t: &Tokens, taken: &mut [bool], scratch: &mut features::Scratch) -> Vec<Mention> {
    let g = Gazetteer::get();
    let model = Model::get();
    let mut tags = Vec::new();
    let mut out = Vec::new();
    let mut surnames = HashSet::new();
    // Places named before an office inside a name ("Warren" of "Warren Mayor Jim Fouts").
    let mut offices_of: HashSet<String> = HashSet::new();
    // Which sentences are in capitals, for `repeat_names`.
    let mut in_caps = Vec::with_capacity(t.seg.sentences.len());
    let mut elsewhere = None;
    let mut body = BodyCapitals::default();
    // The words the text writes in lower case, for title-case headlines.
    let mut lower_words = None;
    for sentence in &t.seg.sentences {
        let r = sentence.tokens.clone();
        tagger::tag_sentence(model, t, r.clone(), scratch, &mut tags);
        let gaz = |k: usize| features::gazetteer_bits(scratch, k - r.start);
        mend(t, r.start, &mut tags);
        mend_people(t, r.start, &mut tags);
        let caps = scratch.caps;
        in_caps.push(caps);
        let titled = !caps && title_case(t, r.clone());
        if titled {
            // A common word, unless it ends organisation names or comes right before one that
            // does ("Building Authority").
            let org_word =
                |k: usize| features::gazetteer_bits(scratch, k) & (3 << (2 * list::ORG_WORD)) != 0;
            let lower = &*lower_words.get_or_insert_with(|| written_lower(t));
            // A word of the language (`is_word`: also one the text writes in lower case, or
            // the similarity vocabulary has in lower case), unless a given name ("Will").
            let common = |k: usize| {
                (features::in_lexicon(scratch, k) || is_word(scratch, lower, t, r.start, k))
                    && !org_word(k)
                    && !(k + 1 < r.len() && org_word(k + 1))
            };
            split_title(t, r.start, &mut tags, &common, &mut body);
        }
        if !caps && !titled {
            join_connected(
                t,
                r.start,
                &mut tags,
                &taken[r.clone()],
                &|k| features::gazetteer_bits(scratch, k),
                &|k| features::in_lexicon(scratch, k),
                &mut |k| capitalised_count(t, r.start + k, &mut elsewhere) <= 1,
            );
            // A common word opening the sentence is capitalised for that alone, unless it is a
            // known name ("American") or the text capitalises it elsewhere too.
            let lexical = |k: usize| {
                features::in_lexicon(scratch, k)
                    || features::gazetteer_bits(scratch, k) & (1 << (2 * list::COMMON)) != 0
                    || crate::similarity::model().is_word(t.lower(r.start + k))
            };
            join_org_runs(
                t,
                r.start,
                &mut tags,
                &taken[r.clone()],
                &|k| features::gazetteer_bits(scratch, k),
                &|k| lexical(k) && g.kind(fold_hash(&fold(t.text(r.start + k)))).is_none(),
                &mut |k| {
                    lexical(k)
                        && g.kind(fold_hash(&fold(t.text(r.start + k)))).is_none()
                        && !capitalised_elsewhere(t, r.start + k, &mut elsewhere)
                },
            );
        }
        if !scratch.caps {
            rescue_acronyms(t, g, scratch, r.clone(), &mut tags, taken);
        }
        let headline = caps || titled;
        for (tr, ty) in tagger::spans(&tags) {
            let (i, j) = (r.start + tr.start, r.start + tr.end);
            let Some((i, j)) = trim(t, i, j, ty == 0, &gaz) else {
                continue;
            };
            let lexical = |k: usize| features::in_lexicon(scratch, k - r.start);
            let j = if headline {
                cut_headline(i, j, &gaz, &lexical)
            } else {
                j
            };
            if titled
                && j == i + 1
                && t.text(i).chars().any(char::is_lowercase)
                && g.kind(fold_hash(&fold(t.text(i)))).is_none()
                && lower_words
                    .as_ref()
                    .is_some_and(|lower| is_word(scratch, lower, t, r.start, i - r.start))
                && !body.has(t, t.text(i))
            {
                // "Congressman Resigns Amid Ethics Probe": a word of the language alone, which
                // the body never capitalises, is no name because a headline capitalises it.
                continue;
            }
            if j == i + 1
                && (lexical(i) || gaz(i) & (1 << (2 * list::COMMON)) != 0)
                && t.text(i).chars().any(char::is_lowercase)
                && (i == r.start
                    || matches!(
                        t.text(i - 1),
                        "“" | "\"" | "‘" | "'" | "(" | ":" | "—" | "–" | "-"
                    ))
                && g.kind(fold_hash(&fold(t.text(i)))).is_none()
                && !capitalised_elsewhere(t, i, &mut elsewhere)
            {
                // "Damage was …": a common word capitalised because it starts the sentence
                // (and nowhere else in the text).
                continue;
            }
            // "Carmaker Velmont to cut 4,200 jobs": a word telling what kind of business or
            // person follows, opening the sentence, is no part of the name after it.
            let opens = i == r.start
                || matches!(
                    t.text(i - 1),
                    "“" | "\"" | "‘" | "'" | "(" | ":" | "—" | "–" | "-"
                );
            let i = if j > i + 1
                && opens
                && is_descriptor(t.lower(i))
                && t.text(i).chars().skip(1).all(char::is_lowercase)
                && g.kind(fold_hash(&fold(&t.text[t.span(i, j)]))).is_none()
            {
                i + 1
            } else {
                i
            };
            // "Boston-based Reagan Communications": a place made an adjective by a hyphen is no
            // part of the name after it.
            let i = (i..j - 1)
                .rev()
                .find(|&k| hyphen_prefix(t, k).is_some())
                .map_or(i, |k| k + 1);
            // Dates and numbers came first: keep the longest free stretch of the name.
            let Some((i, j)) = free(taken, i, j) else {
                continue;
            };
            if let Some(state) = party_state(t, i, j) {
                // "R-Texas": a member's party and state; the state is the name.
                taken[i..j].iter_mut().for_each(|x| *x = true);
                out.push(Mention {
                    span: state,
                    label: Label::Gpe,
                    key: key_of(&t.text[state]),
                    value: None,
                    iso: None,
                });
                continue;
            }
            if let Some(c) = office_in_name(t, i, j) {
                let place = key_of(&t.text[t.span(i, c)]);
                // The office and the names after it say enough: "Warren", a word of the
                // language too, is a place here.
                let plain = (i..c).all(|k| {
                    let w = t.text(k);
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().skip(1).any(char::is_lowercase)
                        && gaz(k) & (3 << (2 * list::ORG_WORD)) == 0
                });
                if c - i <= 3
                    && plain
                    && g.kind(fold_hash(&place))
                        .is_none_or(|k| k == Kind::Name(Label::Gpe))
                {
                    // "Warren Mayor Jim Fouts": the place of the office, and the person.
                    taken[i..j].iter_mut().for_each(|x| *x = true);
                    let person = t.span(c + 1, j);
                    surnames.insert(key_of(t.text(j - 1)));
                    offices_of.insert(place.clone());
                    for (span, label) in [(t.span(i, c), Label::Gpe), (person, Label::Person)] {
                        out.push(Mention {
                            span,
                            label,
                            key: key_of(&t.text[span]),
                            value: None,
                            iso: None,
                        });
                    }
                    continue;
                }
            }
            let (span, label, key) = match hyphen_prefix(t, j - 1) {
                Some(end) => {
                    // "ISIS-held", "U.S.-led": the name is the part before the hyphen.
                    let span = Span::new(t.seg.tokens[i].span.start, end);
                    let key = key_of(&t.text[span]);
                    match prefix_label(g, &key, ty) {
                        Some(l) => (span, l, key),
                        None => continue,
                    }
                }
                None => {
                    let span = t.span(i, j);
                    let key = key_of(&t.text[span]);
                    let known = g.kind(fold_hash(&key));
                    // "Syrian Kurds", "Bosnian Serb": a MISC with a demonym in it is a group.
                    let demonym = (i..j).any(|k| gaz(k) & (3 << (2 * list::DEMONYM)) != 0);
                    // "Nordic Aviators Association" ends as organisations do: no group. A
                    // competition ("American League", "Western Division") stays MISC.
                    let org_end = j - i >= 2
                        && gaz(j - 1) & (3 << (2 * list::ORG_WORD)) != 0
                        && !matches!(t.lower(j - 1), "league" | "division" | "conference");
                    let known = match known {
                        None if ty == 3 && demonym && !org_end => Some(Kind::Name(Label::Norp)),
                        k => k,
                    };
                    // "Harlow Construction" read as a place or a thing ends as organisations
                    // do: an organisation. Not a place ending as a building does ("National
                    // Tennis Centre").
                    let place_end = FAC_WORDS.contains(&t.lower(j - 1))
                        || matches!(t.lower(j - 1), "center" | "centre" | "court");
                    let label = if org_end && known.is_none() && (ty == 3 || ty == 1 && !place_end)
                    {
                        Label::Org
                    } else {
                        refine(t, &key, known, i, j, override_type(known, ty))
                    };
                    let label = if matches!(label, Label::Org | Label::Product)
                        && known.is_none_or(|k| k == Kind::Name(Label::Gpe))
                        && before_civic_title(t, &key, i, j, r.end, &gaz, &lexical)
                    {
                        // "Riverton mayor", "Riverton Police": the place the office is of.
                        Label::Gpe
                    } else {
                        label
                    };
                    (span, label, key)
                }
            };
            taken[i..j].iter_mut().for_each(|x| *x = true);
            if label == Label::Person && j - i >= 2 {
                // "al-Allaq" or "Bozkurt" alone later is this person.
                surnames.insert(key_of(t.text(j - 1)));
            }
            out.push(Mention {
                span,
                label,
                key,
                value: None,
                iso: None,
            });
        }
    }
    for m in &mut out {
        if matches!(m.label, Label::Org | Label::Product | Label::Gpe)
            && surnames.contains(&m.key)
            && g.kind(fold_hash(&m.key)).is_none()
        {
            m.label = Label::Person;
        } else if m.label == Label::Person
            && offices_of.contains(&m.key)
            && !surnames.contains(&m.key)
        {
            // "Warren" after "Warren Mayor Jim Fouts" is the city, wherever it stands.
            m.label = Label::Gpe;
        }
    }
    let mut known = KnownNames::default();
    known.add(t.text, t.seg, &out);
    let again = repeat_names(t.text, t.seg, taken, &|n| in_caps[n], &known);
    out.extend(again);
    companies(t, &surnames, &mut out);
    datelines(t.text, &mut out);
    out
}

/// A name in capitals that opens a line before an agency in brackets and a dash is the
/// dateline's place ("DETROIT (Wire) -", "OSLAND CITY (Reuters) —", "COLUMBUS, Ohio (AP) —"): the
/// tagger reads a word in capitals before brackets as an organisation.
fn datelines(text: &str, out: &mut [Mention]) {
    for m in out.iter_mut() {
        let name = &text[m.span];
        let line_start = text[..m.span.start].rfind('\n').map_or(0, |i| i + 1);
        let opens_line = text[line_start..m.span.start].trim().is_empty();
        let capitals =
            name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase);
        if !(opens_line
            && capitals
            && matches!(m.label, Label::Org | Label::Person | Label::Product))
        {
            continue;
        }
        if is_dateline_tail(&text[m.span.end..]) {
            m.label = Label::Gpe;
        }
    }
}

/// True when `rest` goes on as a dateline after its place: an optional ", State", an agency in
/// brackets, and a dash.
fn is_dateline_tail(rest: &str) -> bool {
    let rest = rest.split('\n').next().unwrap_or("");
    let rest = match rest.strip_prefix(',') {
        Some(r) => match r.find('(') {
            Some(k) if k <= 30 && !r[..k].contains(['-', '—', '–', ',']) => &r[k..],
            _ => return false,
        },
        None => rest.trim_start(),
    };
    let Some(inner) = rest.strip_prefix('(') else {
        return false;
    };
    let Some(close) = inner.find(')').filter(|&k| k > 0 && k <= 40) else {
        return false;
    };
    inner[close + 1..].trim_start().starts_with(['-', '—', '–'])
}

/// A one-word name the tagger took for a person or a place, that no gazetteer knows, is a
/// company wherever the text writes it if it does so once where only a company fits ("shares
/// in Nordair", "Nordair's shares", "Nordair chief executive Maria Sandvik"), or if the tagger
/// took it for an organisation as often as for anything else. A name read as a person's surname elsewhere ("Sandvik"
/// after "Maria Sandvik") stays a person.
fn companies(t: &Tokens, surnames: &HashSet<String>, out: &mut [Mention]) {
    let g = Gazetteer::get();
    let candidates: FnvSet<&str> = out
        .iter()
        .filter(|m| matches!(m.label, Label::Person | Label::Gpe))
        .filter(|m| !m.key.contains(' ') && !surnames.contains(&m.key))
        .filter(|m| g.kind(fold_hash(&m.key)).is_none())
        .map(|m| m.key.as_str())
        .collect();
    if candidates.is_empty() {
        return;
    }
    let n = t.seg.tokens.len();
    let word = |k: usize| if k < n { t.lower(k) } else { "" };
    let name_at = |k: usize| {
        let w = word(k);
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("\u{2019}s"))
            .unwrap_or(w);
        candidates.contains(w).then_some(w)
    };
    // A name the tagger itself took for an organisation at least as often as for anything else
    // in the text is one ("a strike at Nordair" beside the headline's "Nordair").
    // Only a "person": a place the tagger sometimes calls an organisation is most often a
    // place and its team or council ("Queens").
    let mut votes: FnvMap<&str, (usize, usize, bool)> = FnvMap::default();
    for m in out.iter() {
        if candidates.contains(m.key.as_str()) {
            let v = votes.entry(m.key.as_str()).or_default();
            if m.label == Label::Org {
                v.0 += 1;
            } else {
                v.1 += 1;
                v.2 |= m.label == Label::Person;
            }
        }
    }
    let mut found: FnvSet<String> = votes
        .into_iter()
        .filter(|(_, (org, other, person))| *person && org >= other)
        .map(|(k, _)| k.to_string())
        .collect();
    for k in 0..n {
        let Some(name) = name_at(k) else { continue };
        let (prev2, prev, next, next2) = (
            if k >= 2 { word(k - 2) } else { "" },
            if k >= 1 { word(k - 1) } else { "" },
            word(k + 1),
            word(k + 2),
        );
        let possessive = word(k).ends_with('s') && word(k).len() > name.len()
            || matches!(next, "'s" | "\u{2019}s");
        let after = if matches!(next, "'s" | "\u{2019}s") {
            next2
        } else {
            next
        };
        let company = (matches!(prev, "in" | "of") && matches!(prev2, "shares" | "stock"))
            || (possessive || after == next) && matches!(after, "shares" | "shareholders")
            || (after == next && matches!((next, next2), ("chief", "executive") | ("ceo", _)));
        if company {
            found.insert(name.to_string());
        }
    }
    for m in out.iter_mut() {
        if matches!(m.label, Label::Person | Label::Gpe) && found.contains(&m.key) {
            m.label = Label::Org;
        }
    }
}

/// Names as some text writes them, not at the start of a sentence, with their labels; and
/// the surnames of the people among them. `repeat_names` looks for them again.
#[derive(Default)]
pub(crate) struct KnownNames<'a> {
    names: FnvMap<&'a str, Label>,
    first_words: FnvSet<&'a str>,
    surnames: FnvSet<&'a str>,
}

impl<'a> KnownNames<'a> {
    /// Adds the name mentions of one text (`mentions` sorted by span).
    pub(crate) fn add(&mut self, text: &'a str, seg: &Segmented, mentions: &[Mention]) {
        self.names.reserve(mentions.len());
        let mut sentences = seg.sentences.iter().peekable();
        for m in mentions.iter().filter(|m| m.label.is_name()) {
            while sentences.next_if(|s| s.span.end <= m.span.start).is_some() {}
            let opens = sentences
                .peek()
                .is_some_and(|s| s.span.start == m.span.start);
            let name = &text[m.span];
            if m.label == Label::Person {
                if let Some((_, last)) = name.rsplit_once(' ') {
                    self.surnames.insert(last);
                }
            }
            if opens
                || name.len() < 2
                || name.chars().filter(|c| c.is_alphabetic()).nth(1).is_none()
            {
                continue;
            }
            self.names.entry(name).or_insert(m.label);
            self.first_words
                .insert(name.split(' ').next().unwrap_or(name));
        }
    }
}

/// A name found is that name wherever the text writes it again: "Manning" opening a sentence,
/// "Colts" after "The" in a text that named "Colts" mid-sentence elsewhere. Runs of up to four
/// tokens, not taken, capitalised, that spell a known name (or a person's surname) become
/// mentions of its label, unless the text writes the first word in lower case too ("A",
/// "Bond") or the sentence is in capitals (`in_caps` of its index).
#[inline(never)]
pub(crate) fn repeat_names(
    text: &str,
    seg: &Segmented,
    taken: &mut [bool],
    in_caps: &dyn Fn(usize) -> bool,
    known: &KnownNames,
) -> Vec<Mention> {
    let (names, first_words, surnames) = (&known.names, &known.first_words, &known.surnames);
    let word = |k: usize| &text[seg.tokens[k].span];
    let span = |i: usize, j: usize| Span::new(seg.tokens[i].span.start, seg.tokens[j - 1].span.end);
    // The runs that spell a known name, outside headlines in capitals.
    let mut found = Vec::new();
    for (n, s) in seg.sentences.iter().enumerate() {
        let r = s.tokens.clone();
        let mut caps = None;
        let mut k = r.start;
        while k < r.end {
            // Most tokens are lower-case words: one byte tells.
            let lead = text.as_bytes()[seg.tokens[k].span.start];
            if taken[k] || lead.is_ascii_lowercase() || lead.is_ascii_digit() {
                k += 1;
                continue;
            }
            let w = word(k);
            if !w.starts_with(char::is_uppercase)
                || w.len() < 2
                || !(first_words.contains(w) || surnames.contains(w))
            {
                k += 1;
                continue;
            }
            let longest = (1..=4).rev().find_map(|len| {
                let j = k + len;
                if j > r.end || taken[k..j].iter().any(|&x| x) {
                    return None;
                }
                let name = &text[span(k, j)];
                let label = names
                    .get(name)
                    .copied()
                    .or_else(|| (len == 1 && surnames.contains(name)).then_some(Label::Person))?;
                Some((j, label))
            });
            match longest {
                Some(_) if *caps.get_or_insert_with(|| in_caps(n)) => break,
                Some((j, label)) => {
                    found.push((k, j, label));
                    k = j;
                }
                None => k += 1,
            }
        }
    }
    if found.is_empty() {
        return Vec::new();
    }
    // Which of their first words the text also writes in lower case: one pass over the
    // tokens, each looked up once among the first words (lengths and first bytes first: most
    // tokens are neither).
    // Each distinct first word once (an id per word), so that a word the text writes in lower
    // case many times costs one mark, not one per name it starts.
    let mut firsts: crate::hash::FnvMap<String, usize> = Default::default();
    let first_of: Vec<usize> = found
        .iter()
        .map(|&(i, _, _)| {
            let n = firsts.len();
            *firsts.entry(word(i).to_lowercase()).or_insert(n)
        })
        .collect();
    let lengths: u64 = firsts.keys().fold(0, |m, w| m | 1 << w.len().min(63));
    let mut leads = [false; 256];
    for w in firsts.keys() {
        leads[usize::from(w.as_bytes()[0])] = true;
    }
    let mut lower_word = vec![false; firsts.len()];
    for token in &seg.tokens {
        let len = token.span.end - token.span.start;
        if lengths & (1 << len.min(63)) == 0
            || !leads[usize::from(text.as_bytes()[token.span.start])]
        {
            continue;
        }
        let w = &text[token.span];
        if !w.starts_with(|c: char| c.is_lowercase()) {
            continue;
        }
        if let Some(&id) = firsts.get(w) {
            lower_word[id] = true;
        }
    }
    let lower_too: Vec<bool> = first_of.iter().map(|&id| lower_word[id]).collect();
    let mut added = Vec::new();
    for (&(k, j, label), _) in found.iter().zip(&lower_too).filter(|(_, &l)| !l) {
        let span = span(k, j);
        taken[k..j].iter_mut().for_each(|x| *x = true);
        added.push(Mention {
            span,
            label,
            key: key_of(&text[span]),
            value: None,
            iso: None,
        });
    }
    added
}

/// A name of two to six words that one text of the story found whole (`known`) is that name,
/// with its label, where a text writes the same words and its tagger found them in pieces:
/// "Earth" alone of "Friends of the Earth" opening a sentence, "Indian" and "Navy" apart. Only
/// name mentions wholly inside the words are replaced, and the words they leave out must be
/// capitalised words but no titles, initials, or small words inside names (`CONNECTORS`): a
/// name or (outside a title-case headline) a capitalised word that goes on past them
/// ("Friends of the Earth Europe"), a date
/// or number, punctuation
/// or a lower-case word among them ("Washington." ending a sentence, "Gulf of Aden since")
/// leaves them alone, and so does a person's full name in them unless the name is a person's
/// too ("American Hasim Rahman"), and a headline in capitals (`in_caps` of the sentence's
/// index). Returns each name with the range of `mentions` (sorted by span, disjoint) that it
/// replaces.
pub(crate) fn whole_names(
    text: &str,
    seg: &Segmented,
    mentions: &[Mention],
    in_caps: &dyn Fn(usize) -> bool,
    known: &KnownNames,
) -> Vec<(std::ops::Range<usize>, Mention)> {
    let word = |k: usize| &text[seg.tokens[k].span];
    let span = |i: usize, j: usize| Span::new(seg.tokens[i].span.start, seg.tokens[j - 1].span.end);
    let g = Gazetteer::get();
    // A word the pieces leave out: a capitalised word but no title, or a small word; or the
    // period of a middle initial ("George W. Bush").
    let left_out = |k: usize| {
        let w = word(k);
        let initial = |q: usize| word(q).len() == 1 && word(q).starts_with(char::is_uppercase);
        if CONNECTORS.contains(&w)
            || w == "."
                && k > 0
                && initial(k - 1)
                && seg.tokens[k - 1].span.end == seg.tokens[k].span.start
        {
            return true;
        }
        w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
            && g.kind(fold_hash(&fold(w))) != Some(Kind::Title)
    };
    let mut out = Vec::new();
    for (n, s) in seg.sentences.iter().enumerate() {
        let r = s.tokens.clone();
        let mut k = r.start;
        while k < r.end {
            let w = word(k);
            if !w.starts_with(char::is_uppercase) || !known.first_words.contains(w) {
                k += 1;
                continue;
            }
            let longest = (2..=6).rev().find_map(|len| {
                let j = k + len;
                if j > r.end {
                    return None;
                }
                let whole = span(k, j);
                let &label = known.names.get(&text[whole])?;
                // The mentions over it: at least one, all names inside it, not it already.
                let a = mentions.partition_point(|m| m.span.end <= whole.start);
                let b = mentions.partition_point(|m| m.span.start < whole.end);
                let pieces = &mentions[a..b];
                let inside = pieces.iter().all(|m| {
                    m.label.is_name() && m.span.start >= whole.start && m.span.end <= whole.end
                });
                let person = pieces
                    .iter()
                    .any(|m| m.label == Label::Person && text[m.span].contains(' '));
                let covered = |q: usize| {
                    let t = seg.tokens[q].span;
                    pieces
                        .iter()
                        .any(|m| m.span.start <= t.start && t.end <= m.span.end)
                };
                // "U.S. Surgeon" of "U.S. Surgeon General": the capitals go on past it (as
                // they do anywhere in a title-case headline).
                let goes_on = j < r.end
                    && word(j).starts_with(char::is_uppercase)
                    && !title_case_words(word, r.clone());
                let fits = a < b
                    && inside
                    && pieces[0].span != whole
                    && !goes_on
                    && (!person || label == Label::Person)
                    && (k..j).all(|q| covered(q) || left_out(q));
                fits.then_some((j, a..b, whole, label))
            });
            match longest {
                Some(_) if in_caps(n) => break,
                Some((j, pieces, whole, label)) => {
                    out.push((
                        pieces,
                        Mention {
                            span: whole,
                            label,
                            key: key_of(&text[whole]),
                            value: None,
                            iso: None,
                        },
                    ));
                    k = j;
                }
                None => k += 1,
            }
        }
    }
    out
}

/// `key::name_key` of a name, without allocating more than the key for ASCII text (the common
/// case; anything else goes to `name_key`).
fn key_of(name: &str) -> String {
    if !name.is_ascii() {
        return name_key(name);
    }
    let mut k = String::with_capacity(name.len());
    let mut space = false;
    for b in name.bytes() {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'-' | b'_' => space = !k.is_empty(),
            b'.' => {}
            _ => {
                if space {
                    k.push(' ');
                    space = false;
                }
                k.push(if b == b'`' {
                    '\''
                } else {
                    char::from(b.to_ascii_lowercase())
                });
            }
        }
    }
    if k.starts_with("the ") {
        k.drain(..4);
    }
    for suffix in ["'s", "'"] {
        if k.ends_with(suffix) {
            k.truncate(k.len() - suffix.len());
            break;
        }
    }
    k
}

/// Lower-case name particles that stand alone between a given name and a surname.
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "bint", "abu", "van", "von", "der", "den", "de", "del", "della",
    "di", "da", "du", "dos", "das", "la", "le", "ter", "ten",
];

/// "al-Allaq", "el-Sisi", "bin-Laden", "d'Estaing": a lower-case particle joined to a
/// capitalised name.
fn is_particled(w: &str) -> bool {
    let Some(p) = w.find(['-', '\'', '’']) else {
        return false;
    };
    let (particle, rest) = (&w[..p], &w[p..]);
    let rest = rest.chars().skip(1).collect::<String>();
    (1..=4).contains(&particle.len())
        && particle.chars().all(|c| c.is_ascii_lowercase())
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// Joins name particles the tagger (trained on English news of 1996) leaves out: "Saad
/// al-Allaq", "Jabhat al-Nusra" and, in a person's name, "Osama bin Laden".
#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
fn mend(t: &Tokens, first: usize, tags: &mut [u8]) {
    let n = tags.len();
    let mut k = 1;
    while k < n {
        let prev = tags[k - 1];
        if prev == 0 {
            k += 1;
            continue;
        }
        let inside = 2 * prev.div_ceil(2); // I- of the open entity's type
        let w = t.text(first + k);
        let mut join = 0;
        if is_particled(w) && tags[k] != inside {
            join = 1;
        } else if inside == 2
            && tags[k] == 0
            && PARTICLES.contains(&w)
            && k + 1 < n
            && t.capitalised(first + k + 1)
        {
            join = 2;
        }
        if join == 0 {
            k += 1;
            continue;
        }
        let old = tags[k + join - 1];
        for x in &mut tags[k..k + join] {
            *x = inside;
        }
        k += join;
        // What the tagger had continuing the old entity now continues the joined one.
        while k < n && old != 0 && tags[k] == 2 * old.div_ceil(2) && old != inside {
            tags[k] = inside;
            k += 1;
        }
    }
}

/// Joins the pieces of a person's name the tagger splits at an initial or a nickname:
/// "Frederick C." and "LaRue", "Vincent", "“The Chin”" and "Gigante", "Kimani (Kiki) Gray".
/// The first piece may have any type; the last must be a person.
#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
fn mend_people(t: &Tokens, first: usize, tags: &mut [u8]) {
    let n = tags.len();
    let word = |k: usize| t.text(first + k);
    let initial = |k: usize| {
        let w = word(k);
        w.len() <= 3
            && w.chars().count() <= 2
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(|c| c == '.')
    };
    let mut k = 0;
    while k < n {
        if tags[k] == 0 {
            k += 1;
            continue;
        }
        let inside = 2 * tags[k].div_ceil(2);
        let mut end = k + 1;
        while end < n && tags[end] == inside {
            end += 1;
        }
        // Where the person's last piece starts: after ". " or after a quoted nickname.
        let mut next = end;
        if initial(end - 1) {
            if next < n && word(next) == "." && tags[next] == 0 {
                next += 1;
            }
        } else if inside == 2 && next < n && matches!(word(next), "\"" | "“" | "(" | "'" | "‘")
        {
            let close = (next + 1..n.min(next + 5))
                .find(|&q| matches!(word(q), "\"" | "”" | ")" | "'" | "’"));
            match close {
                Some(q)
                    if q > next + 1
                        && (next + 1..q)
                            .all(|x| t.capitalised(first + x) || t.lower(first + x) == "the") =>
                {
                    next = q + 1
                }
                _ => {}
            }
        }
        // After an initial the surname must be typed a person's; after a quoted nickname, or a
        // bracketed one the tagger calls a person ("Robert (Bobby) Kwan"), any capitalised word
        // will do ("Vincent 'Chin' Gigante", Gigante typed an organisation; "Lance Armstrong
        // (U.S.) Motorola" is a table).
        let nickname = next > end + 1
            && (word(end) != "(" || (next == end + 3 && matches!(tags[end + 1], 1 | 2)));
        // After a given name and an initial, a one-word surname of any type will do too
        // ("Frederick C. LaRue", LaRue typed a place).
        let one_word =
            next < n && tags[next] % 2 == 1 && (next + 1 >= n || tags[next + 1] != tags[next] + 1);
        let given = end - k == 2 && initial(end - 1) && one_word;
        let person_next = next < n
            && (matches!(tags[next], 1 | 2)
                || ((nickname || given) && t.capitalised(first + next)));
        if next == end || !person_next {
            k = end;
            continue;
        }
        let mut stop = next + 1;
        let inside = 2 * tags[next].div_ceil(2);
        while stop < n && tags[next] != 0 && tags[stop] == inside {
            stop += 1;
        }
        tags[k] = 1;
        for x in &mut tags[k + 1..stop] {
            *x = 2;
        }
        k = stop;
    }
}

/// First words of the names of documents, pledges and works ("Pledge of Allegiance", "Bill of
/// Rights", "Book of Mormon"): such a name is no organisation or person, whatever the tagger
/// says. `true` for a law, `false` for a work.
const DOCUMENT_HEADS: &[(&str, bool)] = &[
    ("articles", true),
    ("bill", true),
    ("charter", true),
    ("code", true),
    ("covenant", true),
    ("declaration", true),
    ("proclamation", true),
    ("statute", true),
    ("statutes", true),
    ("treaty", true),
    ("ballad", false),
    ("book", false),
    ("gospel", false),
    ("hymn", false),
    ("oath", false),
    ("ode", false),
    ("pledge", false),
    ("psalm", false),
    ("song", false),
];

/// The label of a name read as "<document> of …" ("Pledge of Allegiance": WORK_OF_ART,
/// "Declaration of Independence": LAW), from its key.
fn document_label(key: &str) -> Option<Label> {
    let mut words = key.split(' ');
    let head = words.next()?;
    let &(_, law) = DOCUMENT_HEADS.iter().find(|(h, _)| *h == head)?;
    (words.next()? == "of" && words.next().is_some()).then_some(if law {
        Label::Law
    } else {
        Label::WorkOfArt
    })
}

/// Joins a name the tagger splits at "for" or "of" mid-sentence: "Smiles for Life" (two
/// persons), "Habitat for Humanity" (an organisation and a word left out), "Bill of Rights". A
/// person's name is not made of common words around "for" or "of". Two one-word names, persons
/// or a person and an organisation (not after "of"), are one name when neither is a given name
/// or a title, neither is written capitalised elsewhere (`named_once`) and one is a common word
/// (`common`: the tagger's lexicon, the gazetteer of common words or the similarity vocabulary,
/// in lower case). Otherwise the part before must be one to three common words, and the part
/// after, past an optional "the", is the tagger's next name or a run of capitalised words it
/// left out; a person there must be one common word named once; after "of" it is no place or
/// organisation unless the part before is a place ("Karlsruhe of Germany", "Brown of Reuters"
/// are two names). A document's first word (`DOCUMENT_HEADS`) needs none of this but the
/// capital. The part before is a tagged run that does not open the sentence, a quotation or a
/// clause (there a capital says nothing). The whole is an organisation, a place after a place,
/// or MISC (typed by `refine`) for a document or after MISC. Token `k` of the sentence is token
/// `first + k` of the text; `taken`, `gaz`, `lexical` and `named_once` take `k`.
#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
fn join_connected(
    t: &Tokens,
    first: usize,
    tags: &mut [u8],
    taken: &[bool],
    gaz: &dyn Fn(usize) -> u32,
    lexical: &dyn Fn(usize) -> bool,
    named_once: &mut dyn FnMut(usize) -> bool,
) {
    const PER: u8 = 0;
    const LOC: u8 = 1;
    const ORG: u8 = 2;
    const MISC: u8 = 3;
    let n = tags.len();
    let has = |k: usize, l: usize| gaz(k) & (3 << (2 * l)) != 0;
    let word = |k: usize| t.text(first + k);
    let capitalised = |k: usize| {
        t.capitalised(first + k) && word(k).chars().all(|c| c.is_alphabetic() || c == '-')
    };
    // A capitalised word that is no title or given name.
    let plain = |k: usize| capitalised(k) && !has(k, list::TITLE) && !has(k, list::FIRST_NAME);
    let common = |k: usize| {
        plain(k)
            && (lexical(k)
                || has(k, list::COMMON)
                || crate::similarity::model().is_word(t.lower(first + k)))
    };
    let mut k = 1;
    while k + 1 < n {
        let of = match t.lower(first + k) {
            "of" => true,
            "for" => false,
            _ => {
                k += 1;
                continue;
            }
        };
        if tags[k] != 0 || tags[k - 1] == 0 {
            k += 1;
            continue;
        }
        // The part before: s..k, of one type.
        let ty = (tags[k - 1] - 1) / 2;
        let mut s = k - 1;
        while s > 0 && tags[s] == 2 * ty + 2 {
            s -= 1;
        }
        let opener = s == 0
            || matches!(
                word(s - 1),
                "“" | "\"" | "‘" | "'" | "(" | ":" | "—" | "–" | "-" | "." | "!" | "?"
            );
        if opener || k - s > 3 {
            k += 1;
            continue;
        }
        let head = t.lower(first + s);
        let document = of && capitalised(s) && DOCUMENT_HEADS.iter().any(|(h, _)| *h == head);
        // The part after: q..end, of the tagger's type `right` (None: left out).
        let mut q = k + 1;
        if t.lower(first + q) == "the" {
            q += 1;
        }
        if q >= n || !capitalised(q) || has(q, list::TITLE) || tags[q] % 2 == 0 && tags[q] != 0 {
            k += 1;
            continue;
        }
        let mut end = q + 1;
        let right = if tags[q] == 0 {
            while end < n && tags[end] == 0 && capitalised(end) && !has(end, list::TITLE) {
                end += 1;
            }
            None
        } else {
            let rt = (tags[q] - 1) / 2;
            while end < n && tags[end] == 2 * rt + 2 {
                end += 1;
            }
            Some(rt)
        };
        let fits = if document {
            true
        } else if matches!((ty, right), (PER | ORG, Some(PER)) | (PER, Some(ORG)))
            && k - s == 1
            && end - q == 1
            && !(of && right == Some(ORG))
        {
            // "Smiles for Life": two one-word persons (or a person and an organisation).
            plain(s) && plain(q) && (common(s) || common(q)) && named_once(s) && named_once(q)
        } else {
            let place = matches!(right, Some(LOC | ORG))
                || has(q, list::COUNTRY)
                || has(q, list::CITY)
                || has(q, list::REGION);
            (s..k).all(common)
                && (ty != PER || (s..k).all(&mut *named_once))
                && (right != Some(PER) || end - q == 1 && common(q) && named_once(q))
                && !(of && place && ty != LOC)
        };
        if !fits || taken[s..end].iter().any(|&x| x) {
            k += 1;
            continue;
        }
        let joined = if document || ty == MISC {
            MISC
        } else if ty == LOC {
            LOC
        } else {
            ORG
        };
        tags[s] = 2 * joined + 1;
        for x in &mut tags[s + 1..end] {
            *x = 2 * joined + 2;
        }
        k = end;
    }
}

/// Joins a run of capitalised words that ends as organisations do (`list::ORG_WORD`:
/// "Association", "Union") when the tagger reads it in pieces of different types, or leaves
/// out capitalised words in it: "Nordic Aviators Association", read as a group, nothing and a
/// person, is one organisation. Punctuation and lower-case words end a run, but for one "and"
/// after common words (`plain_word`: "Food and Drug Administration"); it is cut after
/// its last organisation's word where no name goes on past it ("American Airlines Chief
/// Executive" keeps "American Airlines" as it is). A leading "The", or a common word
/// capitalised only because it opens the sentence, a quotation or a clause (`common_opener`),
/// is no part of a run. A run whose last piece is a name the gazetteers know ("Jewish West
/// Bank") is left alone. Token `k` of the sentence is token `first + k` of the text; `taken`,
/// `gaz` and `common_opener` take `k`.
#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
fn join_org_runs(
    t: &Tokens,
    first: usize,
    tags: &mut [u8],
    taken: &[bool],
    gaz: &dyn Fn(usize) -> u32,
    plain_word: &dyn Fn(usize) -> bool,
    common_opener: &mut dyn FnMut(usize) -> bool,
) {
    let n = tags.len();
    let word = |k: usize| {
        t.capitalised(first + k)
            && t.text(first + k)
                .chars()
                .all(|c| c.is_alphabetic() || c == '-')
    };
    let org_word = |k: usize| gaz(k) & (3 << (2 * list::ORG_WORD)) != 0;
    let inside = |tag: u8| tag != 0 && tag % 2 == 0;
    let mut k = 0;
    while k < n {
        if !word(k) {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < n && word(end) {
            end += 1;
        }
        // "Food and Drug Administration": common words, "and", and words that end as an
        // organisation does are one run ("France and European Union" are two names).
        let mut joined_at = None;
        if end + 1 < n
            && matches!(t.lower(first + end), "and" | "&")
            && word(end + 1)
            && (k..end).all(|q| plain_word(q) || q == k && t.lower(first + q) == "the")
        {
            joined_at = Some(end);
            end += 2;
            while end < n && word(end) {
                end += 1;
            }
            if !org_word(end - 1) {
                end = joined_at.take().unwrap_or(end);
            }
        }
        // Most runs have no organisation's word.
        if !(k..end).any(org_word) {
            k = end;
            continue;
        }
        let opens = k == 0
            || matches!(
                t.text(first + k - 1),
                "“" | "\"" | "‘" | "'" | "(" | ":" | "—" | "–" | "-"
            );
        let s = if t.lower(first + k) == "the" || opens && common_opener(k) {
            k + 1
        } else {
            k
        };
        // The run s..e, cut after its last organisation's word where no name goes on.
        let Some(e) = (s + 2..=end)
            .rev()
            .find(|&e| org_word(e - 1) && (e == n || !inside(tags[e])))
            .filter(|&e| joined_at.is_none_or(|c| e > c + 1))
        else {
            k = joined_at.map_or(end, |c| c + 1);
            continue;
        };
        // A run joined at "and" takes in the name it goes on ("U.S. Food and Drug
        // Administration", read as "U.S. Food" and "Drug Administration").
        let mut s = s;
        if joined_at.is_some() {
            while s > 0 && inside(tags[s]) {
                s -= 1;
            }
        }
        let left_out = (s..e).any(|q| tags[q] == 0);
        let last = (s..e).rev().find(|&q| tags[q] % 2 == 1).unwrap_or(s);
        // "Jewish West Bank": the last piece is a place the gazetteers know.
        let known = e - last >= 2
            && (last + 1..e).all(|q| inside(tags[q]))
            && Gazetteer::get()
                .kind(fold_hash(&fold(&t.text[t.span(first + last, first + e)])))
                .is_some();
        let mut types = (s..e).filter(|&q| tags[q] % 2 == 1).map(|q| tags[q]);
        let one = types.next();
        let mixed = types.any(|x| Some(x) != one);
        let broken = one.is_some() && (left_out || mixed);
        if !broken || known || inside(tags[s]) || taken[s..e].iter().any(|&x| x) {
            k = end;
            continue;
        }
        tags[s] = 5;
        tags[s + 1..e].iter_mut().for_each(|x| *x = 6);
        k = end;
    }
}

/// Capitalised acronyms the tagger leaves out because their lower-case form is a common word
/// ("IS commanders"), or that a gazetteer knows: in a sentence not in capitals, an untagged
/// 2–6 letter word in capitals is the gazetteer's name, or else an organisation when its
/// lower-case form is a common word. Not called for headlines in capitals.
fn rescue_acronyms(
    t: &Tokens,
    g: &Gazetteer,
    s: &features::Scratch,
    r: std::ops::Range<usize>,
    tags: &mut [u8],
    taken: &[bool],
) {
    for k in r.clone() {
        let i = k - r.start;
        if tags[i] != 0 || taken[k] || !features::acronym_like(s, i) {
            continue;
        }
        let w = t.text(k);
        let ty = match g.kind(fold_hash(&fold(w))) {
            Some(Kind::Name(Label::Person)) => 0,
            Some(Kind::Name(Label::Gpe | Label::Loc | Label::Fac)) => 1,
            Some(Kind::Name(Label::Org)) => 2,
            Some(Kind::Name(_)) => 3,
            _ if features::gazetteer_bits(s, i) & (1 << (2 * list::COMMON)) != 0 => 2,
            _ => continue,
        };
        tags[i] = 2 * ty + 1;
    }
}

/// Cuts a leading "the" (and other common lower-case words), punctuation at either end, a
/// trailing possessive, trailing lower-case words ("Nortel Open in") and, for a person, leading
/// titles. `None` when nothing is left.
#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
fn trim(
    t: &Tokens,
    mut i: usize,
    mut j: usize,
    person: bool,
    gaz: &dyn Fn(usize) -> u32,
) -> Option<(usize, usize)> {
    let punct = |k: usize| !t.text(k).chars().any(char::is_alphanumeric);
    let lower = |k: usize| {
        let w = t.text(k);
        w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_uppercase)
    };
    let common = |k: usize| gaz(k) & (1 << (2 * list::COMMON)) != 0;
    let title = |k: usize| gaz(k) & (3 << (2 * list::TITLE)) != 0;
    if (i..j).all(|k| title(k) || punct(k)) {
        // "Rep." starting a sentence: a title alone is no name, whatever the tagger says.
        return None;
    }
    loop {
        if i >= j {
            return None;
        }
        if (lower(i) && common(i)) || (punct(i) && t.text(i) != "$") {
            i += 1;
            continue;
        }
        if person && gaz(i) & (3 << (2 * list::TITLE)) != 0 {
            // Titles and their periods ("Lt. Gen." is Lt . Gen .); a title alone is no name.
            i += 1;
            while i < j && t.text(i) == "." {
                i += 1;
            }
            continue;
        }
        break;
    }
    while j > i {
        let w = t.text(j - 1);
        let apostrophe = |w: &str| matches!(w, "'" | "’");
        if matches!(w, "'s" | "’s" | "'S" | "’S") || apostrophe(w) || lower(j - 1) {
            // "Fed 's" split by a space into ' and s is a possessive too.
            if matches!(w, "s" | "S") && j - 1 > i && apostrophe(t.text(j - 2)) {
                j -= 1;
            }
            j -= 1;
        } else if punct(j - 1) && w != "." && w != ")" {
            j -= 1;
        } else {
            break;
        }
    }
    // "U.N." keeps its period; a period after a space is not part of a name.
    if j > i + 1 && t.text(j - 1) == "." && !t.attached(j - 1) {
        j -= 1;
    }
    (i < j).then_some((i, j))
}

/// True for a lower-case noun that tells what kind of business or person a name is, and goes
/// before the name in news ("carmaker Velmont", "drugmaker Calloway", "retailer Kessel").
fn is_descriptor(w: &str) -> bool {
    (w.len() > 7 && w.ends_with("maker"))
        || matches!(
            w,
            "retailer"
                | "insurer"
                | "lender"
                | "broker"
                | "miner"
                | "airline"
                | "carrier"
                | "regulator"
                | "watchdog"
                | "startup"
                | "conglomerate"
                | "supermarket"
                | "publisher"
                | "broadcaster"
                | "manufacturer"
                | "supplier"
                | "operator"
                | "streamer"
                | "brewer"
                | "distiller"
                | "shipper"
                | "builder"
                | "developer"
        )
}

/// True when the word of token `i` is written the same somewhere in the text where a sentence
/// does not start: evidence that it is a name. `elsewhere` holds those words, gathered on first
/// use (once per text).
fn capitalised_elsewhere<'a>(
    t: &Tokens<'a>,
    i: usize,
    elsewhere: &mut Option<FnvMap<&'a str, u32>>,
) -> bool {
    capitalised_count(t, i, elsewhere) > 0
}

/// How many times the word of token `i` is written the same where a sentence, a quotation or a
/// clause after a colon does not start, not counting where it ends a name joined by "of" or
/// "for" ("Life" in "Smiles for Life" says nothing of "Life" alone). `elsewhere` holds the
/// counts, gathered on first use (once per text).
fn capitalised_count<'a>(
    t: &Tokens<'a>,
    i: usize,
    elsewhere: &mut Option<FnvMap<&'a str, u32>>,
) -> u32 {
    let counts = elsewhere.get_or_insert_with(|| {
        let mut initial = vec![false; t.seg.tokens.len()];
        for s in &t.seg.sentences {
            if let Some(x) = initial.get_mut(s.tokens.start) {
                *x = true;
            }
        }
        let mut counts = FnvMap::default();
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
            if !joined {
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
fn is_word(
    s: &features::Scratch,
    lower: &FnvSet<&str>,
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
fn written_lower<'a>(t: &Tokens<'a>) -> FnvSet<&'a str> {
    (0..t.seg.tokens.len())
        .map(|k| t.text(k))
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .collect()
}

/// Whether words are written capitalised in the body of the text: not first in a sentence, a
/// quotation or a clause after a colon, and not in a title-case headline (a headline in
/// capitals writes its words in capitals, which match no word in title case). Looked up word
/// by word, as headlines need few.
#[derive(Default)]
struct BodyCapitals<'a> {
    /// Words looked up, and the answer.
    words: Vec<(&'a str, bool)>,
    /// Whether each sentence is in title case, once asked.
    titled: Vec<Option<bool>>,
}

impl<'a> BodyCapitals<'a> {
    #[inline(never)]
    fn has(&mut self, t: &Tokens<'a>, word: &'a str) -> bool {
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
fn split_title<'a>(
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
fn title_case(t: &Tokens, r: std::ops::Range<usize>) -> bool {
    title_case_words(|k| t.text(k), r)
}

/// As `title_case`, with the text of token `k` as `word(k)`.
fn title_case_words<'a>(word: impl Fn(usize) -> &'a str, r: std::ops::Range<usize>) -> bool {
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
fn cut_headline(
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

/// Words for offices of a town, a county or a state that follow the place's name ("Riverton
/// mayor", "Ohio Governor", "Harris County Sheriff", "Riverton police").
const CIVIC_TITLES: &[&str] = &[
    "mayor",
    "mayoral",
    "governor",
    "sheriff",
    "police",
    "council",
    "councillor",
    "councilor",
    "councilman",
    "councilwoman",
    "alderman",
];

/// The token of a person's office inside the name at tokens `i..j`, after a place and before
/// the person's two or three capitalised names ("Warren Mayor Jim Fouts", "Ohio Governor Mike
/// DeWine"): a name of a place, an office and a person run together.
fn office_in_name(t: &Tokens, i: usize, j: usize) -> Option<usize> {
    let c = (i + 1..j).find(|&k| {
        matches!(
            t.lower(k),
            "mayor"
                | "governor"
                | "sheriff"
                | "councillor"
                | "councilor"
                | "councilman"
                | "councilwoman"
                | "alderman"
        )
    })?;
    let named = |k: usize| {
        let w = t.text(k);
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|ch| ch.is_alphabetic() || ch == '-' || ch == '.' || ch == '\'')
    };
    ((3..=4).contains(&(j - c)) && t.text(c).starts_with(char::is_uppercase))
        .then_some(c)
        .filter(|&c| (c + 1..j).all(named))
}

/// True when the name at tokens `i..j` (key `key`), which the tagger read as an organisation or
/// a thing, names a place because an office of a place follows it (`CIVIC_TITLES`, before the
/// sentence's end `end`): "Riverton mayor", "Riverton Mayor Daniel Okafor". Only a name of one
/// to three capitalised words, no acronyms ("BOJ Governor"), organisations' words or small
/// words, not all of them words of the language (`lexical`, the common words, the similarity
/// vocabulary: "Fed governor"), and no known party's ("Labour council": "Labour Party").
fn before_civic_title(
    t: &Tokens,
    key: &str,
    i: usize,
    j: usize,
    end: usize,
    gaz: &dyn Fn(usize) -> u32,
    lexical: &dyn Fn(usize) -> bool,
) -> bool {
    if j >= end || j - i > 3 || !CIVIC_TITLES.contains(&t.lower(j)) {
        return false;
    }
    let plain = |k: usize| {
        let w = t.text(k);
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && gaz(k) & (3 << (2 * list::ORG_WORD)) == 0
    };
    let common = |k: usize| {
        lexical(k)
            || gaz(k) & (1 << (2 * list::COMMON)) != 0
            || crate::similarity::model().is_word(t.lower(k))
    };
    let party = format!("{key} party");
    (i..j).all(plain) && !(i..j).all(common) && Gazetteer::get().kind(fold_hash(&party)).is_none()
}

/// The longest run of tokens in `i..j` not taken by an earlier recogniser.
fn free(taken: &[bool], i: usize, j: usize) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    let mut k = i;
    while k < j {
        if taken[k] {
            k += 1;
            continue;
        }
        let start = k;
        while k < j && !taken[k] {
            k += 1;
        }
        if best.is_none_or(|(a, b)| k - start > b - a) {
            best = Some((start, k));
        }
    }
    best
}

/// The state in a party-and-state label of one token ("R-Texas", "D-Calif", with the period of
/// an abbreviated state: "R-Calif."), as a span.
fn party_state(t: &Tokens, i: usize, j: usize) -> Option<Span> {
    let dot = j == i + 2
        && t.text(i + 1) == "."
        && t.seg.tokens[i].span.end == t.seg.tokens[i + 1].span.start;
    if j != i + 1 && !dot {
        return None;
    }
    let w = t.text(i);
    let rest = w
        .strip_prefix("R-")
        .or_else(|| w.strip_prefix("D-"))
        .or_else(|| w.strip_prefix("I-"))?;
    let mut chars = rest.chars();
    (chars.next()?.is_uppercase() && chars.clone().count() >= 1 && chars.all(char::is_alphabetic))
        .then(|| {
            let start = t.seg.tokens[i].span.start + 2;
            Span::new(start, t.seg.tokens[j - 1].span.end)
        })
}

/// The byte where a lower-case hyphen suffix starts in token `k` ("ISIS-held" → 4).
fn hyphen_prefix(t: &Tokens, k: usize) -> Option<usize> {
    let w = t.text(k);
    let pos = w.rfind('-')?;
    let suffix = &w[pos + 1..];
    let prefix = &w[..pos];
    (pos > 0
        && suffix.chars().next().is_some_and(char::is_lowercase)
        && prefix.chars().next().is_some_and(char::is_uppercase)
        && !prefix.contains('-'))
    .then_some(t.seg.tokens[k].span.start + pos)
}

/// The label of a name before a hyphen suffix: what the gazetteers say, else the tagger's type
/// when it is a person, place or organisation; `None` for an unknown adjective ("Richmond-based"
/// in a MISC span is dropped rather than guessed).
fn prefix_label(g: &Gazetteer, key: &str, ty: usize) -> Option<Label> {
    match g.kind(fold_hash(key)) {
        Some(Kind::Name(l)) => Some(l),
        Some(Kind::Title) => None,
        None => match ty {
            0 => Some(Label::Person),
            1 => Some(Label::Gpe),
            2 => Some(Label::Org),
            _ => None,
        },
    }
}

/// The tagger's type, unless the whole name is a gazetteer's region ("Euphrates" is no
/// organisation) or organisation ("Islamic State" is no place). Countries and cities are left to
/// the tagger: a national side or a city's club is an organisation in sports news.
fn override_type(known: Option<Kind>, ty: usize) -> usize {
    match (ty, known) {
        (0 | 2 | 3, Some(Kind::Name(Label::Loc))) => 1,
        (1, Some(Kind::Name(Label::Org))) => 2,
        _ => ty,
    }
}

/// The OntoNotes label of tokens `i..j` (folded: `name`; in the gazetteers: `known`) that the
/// tagger typed `ty` (PER, LOC, ORG, MISC).
fn refine(t: &Tokens, name: &str, known: Option<Kind>, i: usize, j: usize, ty: usize) -> Label {
    if let Some(l) = document_label(name) {
        // "Pledge of Allegiance", "Bill of Rights": a document or a work, not an organisation.
        return l;
    }
    let last = name.rsplit(' ').next().unwrap_or("");
    let first = name.split(' ').next().unwrap_or("");
    match ty {
        // "Betty Ford Center": a name after a person that ends as a building or an
        // institution does is that.
        0 if j - i >= 2 && FAC_WORDS.contains(&last) => Label::Fac,
        0 if j - i >= 2 && Gazetteer::get().is_org_word(last) => Label::Org,
        // "Gulfport Chemical", "Brantford Rail": a trade after a word that is no given name.
        0 if j - i >= 2
            && INDUSTRY_WORDS.contains(&last)
            && !Gazetteer::get().is_first_name(first) =>
        {
            Label::Org
        }
        0 => Label::Person,
        2 => Label::Org,
        1 => match known {
            Some(Kind::Name(l @ (Label::Gpe | Label::Loc))) => l,
            _ if FAC_WORDS.contains(&last) => Label::Fac,
            _ if LOC_WORDS.contains(&last) || LOC_WORDS.contains(&first) => Label::Loc,
            _ => Label::Gpe,
        },
        _ => {
            let words: Vec<&str> = name.split(' ').collect();
            let prev = if i > 0 { t.lower(i - 1) } else { "" };
            if j - i == 1
                && LANGUAGES.contains(&name)
                && matches!(
                    prev,
                    "in" | "speak" | "speaks" | "speaking" | "spoke" | "into" | "from"
                )
            {
                Label::Language
            } else if matches!(known, Some(Kind::Name(Label::Norp)))
                || is_group_word(last) && j - i <= 2
            {
                Label::Norp
            } else if words.iter().any(|w| EVENT_WORDS.contains(w)) {
                Label::Event
            } else if LAW_WORDS.contains(&last) {
                Label::Law
            } else if j - i == 1
                && name.chars().all(char::is_alphabetic)
                && !t.text(i).chars().all(char::is_uppercase)
            {
                // One unknown capitalised word typed MISC is most often an adjective of a
                // place or a group ("Chechen", "Islamist").
                Label::Norp
            } else {
                Label::Product
            }
        }
    }
}

/// Trades that end a business's name ("Gulfport Chemical", "Northline Rail", "Apex Energy"),
/// none of them a common surname: a name the tagger typed a person that ends in one is a
/// business unless a given name opens it.
const INDUSTRY_WORDS: &[&str] = &[
    "aerospace",
    "airline",
    "automotive",
    "aviation",
    "bancorp",
    "biotech",
    "brands",
    "brewing",
    "chemical",
    "electric",
    "energy",
    "financial",
    "freight",
    "healthcare",
    "hotels",
    "logistics",
    "pharma",
    "pharmaceutical",
    "rail",
    "railroad",
    "railway",
    "refining",
    "resources",
    "robotics",
    "semiconductor",
    "software",
    "solutions",
    "therapeutics",
    "transit",
    "utilities",
    "wireless",
];

/// Words shaped like nationalities and groups: "Kurdish", "Sudanese", "Islamist", "Serbs".
fn is_group_word(w: &str) -> bool {
    [
        "ish", "ese", "an", "ans", "ian", "ians", "ist", "ists", "ic", "i", "is", "ite", "ites",
        "ch", "ers",
    ]
    .iter()
    .any(|s| w.ends_with(s) && w.len() > s.len() + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_goes_on_with_an_agency_in_brackets_and_a_dash() {
        // Reason: "DETROIT (Wire) -" and "COLUMBUS, Ohio (AP) —" are datelines; a name before a
        // bracket that no dash follows ("NATO (the alliance) said") is not, and text in any
        // script after the name is read without a panic.
        assert!(is_dateline_tail(" (Wire) - Velmont Motors said"));
        assert!(is_dateline_tail(", Ohio (AP) — A federal judge"));
        assert!(is_dateline_tail(" (NTB) – Åsane kommune sa"));
        assert!(!is_dateline_tail(" (the alliance) said on Monday"));
        assert!(!is_dateline_tail(", the capital, (Wire) - "));
        assert!(!is_dateline_tail(" (Wire)\n- list item"));
        assert!(!is_dateline_tail("ÅÄÖ"));
    }

    #[test]
    fn documents_of_something_are_laws_or_works() {
        // A document's name is no organisation: laws and works by the first word, before "of".
        assert_eq!(
            document_label("pledge of allegiance"),
            Some(Label::WorkOfArt)
        );
        assert_eq!(document_label("bill of rights"), Some(Label::Law));
        assert_eq!(
            document_label("declaration of independence"),
            Some(Label::Law)
        );
        // "Bill Clinton", a bare "Pledge" or "Bill of" say nothing of a document.
        assert_eq!(document_label("bill clinton"), None);
        assert_eq!(document_label("pledge"), None);
        assert_eq!(document_label("bill of"), None);
        assert_eq!(document_label("bank of england"), None);
    }

    #[test]
    fn fast_keys_are_name_keys() {
        for n in [
            "The Islamic State",
            "the  U.S.",
            "Turkey's",
            "Jones'",
            "al-Baghdadi",
            "AT&T",
            "Lt. Gen.",
            "x_y",
            "`Quote`",
            "New\nYork",
            "-Lead",
            "The",
            "Erdoğan’s",
            "  the the ",
            "'s",
        ] {
            assert_eq!(key_of(n), name_key(n), "{n:?}");
        }
    }
}
