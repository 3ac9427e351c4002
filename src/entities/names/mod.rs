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
//! missed it ("Manning" opening a sentence), unless the text also writes the word in lower case;
//! so is the word a business goes by ("Calworth" of "Calworth Systems"). A name the text calls a
//! business ("the port operator Meridian Terminals", "Meridian executives", "Meridian Terminals,
//! which") is one wherever it stands.
//! Labels: PER → PERSON, or ORG/FAC when the name ends as an institution or a building does
//! ("Betty Ford Center"); ORG → ORG; LOC → GPE for countries, cities and places not known to be
//! otherwise, LOC for regions and natural features, FAC for airports, bridges, streets; MISC →
//! NORP for nationalities and groups, EVENT, LAW or LANGUAGE where the words say so, PRODUCT
//! otherwise; whatever the type, "Pledge of Allegiance" is a WORK_OF_ART and "Bill of Rights" a
//! LAW (`DOCUMENT_HEADS`).
//!
//! The parts: `join` (joining and trimming a name's words), `headline` (headlines and the words
//! the body capitalises), `label` (a name's label).

mod headline;
mod join;
mod label;

use super::gazetteer::{fold_hash, list, Gazetteer, Kind};
use super::key::{fold, name_key};
use super::tagger::{self, features, Model};
use super::{Label, Mention, Tokens};
use crate::hash::{FnvMap, FnvSet, WordMap, WordSet};
use crate::segment::Segmented;
use crate::span::Span;
use headline::{
    capitalised_count, capitalised_elsewhere, cut_headline, is_word, split_title, title_case,
    title_case_words, written_lower, BodyCapitals,
};
pub(crate) use headline::{is_headline, is_headline_in_capitals};
use join::{
    drop_common_caps, free, hyphen_prefix, is_descriptor, join_connected, join_org_runs,
    join_possessive, mend, mend_people, rescue_acronyms, trim,
};
pub(crate) use label::ends_a_business;
use label::{
    before_civic_title, office_in_name, override_type, party_state, person_after_title,
    prefix_label, refine, FAC_WORDS,
};
use std::cell::RefCell;

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
    // Both only looked up: the word hash, not SipHash.
    let mut surnames: WordSet<String> = WordSet::default();
    // Places named before an office inside a name ("Warren" of "Warren Mayor Jim Fouts").
    let mut offices_of: WordSet<String> = WordSet::default();
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
        drop_common_caps(t, r.start, &mut tags);
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
            join_possessive(t, r.start, &mut tags, &|k| {
                features::gazetteer_bits(scratch, k)
            });
        }
        let headline = caps || titled;
        for (tr, ty) in tagger::spans(&tags) {
            let (i, j) = (r.start + tr.start, r.start + tr.end);
            // "Col. Anders Brekke" read as a place: an abbreviated title before a capitalised
            // name says a person follows ("Gen.", "Dr.", "Sen."), whatever the tagger read.
            let ty = if ty != 0 && titled_person(t, i, j, &gaz) {
                0
            } else {
                ty
            };
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
            let Some((i, mut j)) = free(taken, i, j) else {
                continue;
            };
            // A stretch cut short by a date ("the Port of Calder on | Monday") ends in no word
            // in lower case.
            while j > i + 1 && t.text(j - 1).chars().all(char::is_lowercase) {
                j -= 1;
            }
            // "Baltic Skyways Flight 402": a flight's number is no part of its carrier's name,
            // and "Flight 402" alone names no one.
            if t.lower(j - 1) == "flight"
                && j < t.seg.tokens.len()
                && t.text(j).starts_with(|c: char| c.is_ascii_digit())
            {
                if j == i + 1 {
                    continue;
                }
                j -= 1;
            }
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
            if let Some((o, c)) = office_in_name(t, i, j) {
                let place = key_of(&t.text[t.span(i, o)]);
                // The office and the names after it say enough: "Warren", a word of the
                // language too, is a place here.
                let plain = (i..o).all(|k| {
                    let w = t.text(k);
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().skip(1).any(char::is_lowercase)
                        && gaz(k) & (3 << (2 * list::ORG_WORD)) == 0
                });
                if o - i <= 3
                    && plain
                    && g.kind(fold_hash(&place))
                        .is_none_or(|k| k == Kind::Name(Label::Gpe))
                {
                    // "Warren Mayor Jim Fouts": the place of the office, and the person.
                    taken[i..j].iter_mut().for_each(|x| *x = true);
                    let person = t.span(c + 1, j);
                    surnames.insert(key_of(t.text(j - 1)));
                    offices_of.insert(place.clone());
                    for (span, label) in [(t.span(i, o), Label::Gpe), (person, Label::Person)] {
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
            // A name the gazetteers know is whole ("Prince Edward Island").
            let split = g.kind(fold_hash(&key_of(&t.text[t.span(i, j)]))).is_none();
            let common = |k: usize| lexical(k) || gaz(k) & (1 << (2 * list::COMMON)) != 0;
            if let Some((b, p)) = split
                .then(|| person_after_title(t, i, j, ty == 0, &gaz, &common))
                .flatten()
            {
                // "Jackson County Public Health Director Rachel Stone": the body the title is
                // of, unless it is one or two words of the language ("County Health Officer"),
                // and the person.
                taken[i..j].iter_mut().for_each(|x| *x = true);
                surnames.insert(key_of(t.text(j - 1)));
                let body = (i < b && (b - i > 2 || !(i..b).all(common))).then(|| {
                    let span = t.span(i, b);
                    let key = key_of(&t.text[span]);
                    let label = match g.kind(fold_hash(&key)) {
                        Some(Kind::Name(l)) => l,
                        _ if ty == 0 => Label::Org,
                        _ => refine(t, &key, None, i, b, override_type(None, ty)),
                    };
                    (span, label)
                });
                for (span, label) in body.into_iter().chain([(t.span(p, j), Label::Person)]) {
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
                    if key.is_empty() {
                        // Marks alone ("'s." after "McDonald") name nothing.
                        continue;
                    }
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
    described_businesses(t, &mut out);
    lists_of_one_kind(t.text, &surnames, &mut out);
    datelines(t.text, &mut out);
    out
}

/// Names listed together are of one kind: in "sold at Walmart, Kroger and Target" a known
/// organisation makes the unknown one-word names beside it organisations too; in "Ohio,
/// Kentucky and Dunmore" a known place makes them places, and so does a place the tagger found
/// in a list after "in" or "near". A given name or a surname the text
/// gives a person keeps a person ("Walmart and Sam Walton").
fn lists_of_one_kind(text: &str, surnames: &WordSet<String>, out: &mut [Mention]) {
    let g = Gazetteer::get();
    let mut order: Vec<usize> = (0..out.len()).filter(|&i| out[i].label.is_name()).collect();
    order.sort_by_key(|&i| out[i].span);
    // How two names are joined: 1 by a comma, 2 by "and" or "or", 0 not.
    let joined = |a: &Mention, b: &Mention| {
        if a.span.end > b.span.start {
            return 0;
        }
        match text.get(a.span.end..b.span.start) {
            Some(", ") => 1,
            Some(" and " | ", and " | " or " | ", or ") => 2,
            _ => 0,
        }
    };
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        // The list ends at its "and": a comma after it joins no more ("İzmir, Erdoğan said").
        let mut last_and = None;
        while end < order.len() {
            match joined(&out[order[end - 1]], &out[order[end]]) {
                0 => break,
                2 => last_and = Some(end),
                _ => {}
            }
            end += 1;
        }
        let run = &order[start..last_and.map_or(start, |e| e + 1)];
        start = end;
        if run.len() < 2 {
            continue;
        }
        let known = |m: &Mention| match g.kind(fold_hash(&m.key)) {
            Some(Kind::Name(l)) => Some(l),
            _ => None,
        };
        // The kind the known names agree on, when they all do. With none known, a list after
        // "in" or "near" with a place in it is of places ("shelters in Chico and Oroville").
        let mut kinds = run.iter().filter_map(|&i| known(&out[i]));
        let kind = match kinds.next() {
            Some(kind) => {
                if !matches!(kind, Label::Org | Label::Gpe) || kinds.any(|l| l != kind) {
                    continue;
                }
                kind
            }
            None => {
                let before = text[..out[run[0]].span.start].trim_end();
                let after_place_word = [" in", " near", " across", " outside"]
                    .iter()
                    .any(|w| before.ends_with(w));
                if !after_place_word || !run.iter().any(|&i| out[i].label == Label::Gpe) {
                    continue;
                }
                Label::Gpe
            }
        };
        for &i in run {
            let m = &out[i];
            let first = m.key.split(' ').next().unwrap_or("");
            let unknown = matches!(
                m.label,
                Label::Person | Label::Org | Label::Gpe | Label::Product
            ) && !m.key.contains(' ')
                && known(m).is_none()
                && !surnames.contains(&m.key)
                && !g.is_first_name(first);
            if unknown {
                out[i].label = kind;
            }
        }
    }
}

/// A name in capitals that opens a line before an agency in brackets and a dash, or before a
/// dash alone, is the dateline's place ("DETROIT (Wire) -", "OSLAND CITY (Reuters) —",
/// "COLUMBUS, Ohio (AP) —", "PARADISE PINES —"): the tagger reads a word in capitals before
/// brackets as an organisation.
fn datelines(text: &str, out: &mut [Mention]) {
    for m in out.iter_mut() {
        let name = &text[m.span];
        // The label and the capitals first: looking back for the line's start costs the most.
        let capitals =
            name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase);
        if !(matches!(m.label, Label::Org | Label::Person | Label::Product) && capitals) {
            continue;
        }
        let line_start = text[..m.span.start].rfind('\n').map_or(0, |i| i + 1);
        if !text[line_start..m.span.start].trim().is_empty() {
            continue;
        }
        if is_dateline_tail(&text[m.span.end..]) {
            m.label = Label::Gpe;
        }
    }
}

/// True when `rest` goes on as a dateline after its place: an optional ", State", an agency in
/// brackets or none, and a dash.
fn is_dateline_tail(rest: &str) -> bool {
    let rest = rest.split('\n').next().unwrap_or("");
    // "PARADISE PINES — Residents …", "WASHINGTON, D.C. — …": a dash right after the place, or
    // after its state, with no agency.
    let dash_next = |r: &str| r.trim_start().starts_with(['—', '–']) || r.starts_with(" - ");
    if dash_next(rest) {
        return true;
    }
    let rest = match rest.strip_prefix(',') {
        Some(r) => match r.find(['(', '—', '–']) {
            Some(k)
                if k <= 30
                    && !r[..k].contains(['-', '—', '–', ',', '('])
                    && r[k..].starts_with('(') =>
            {
                &r[k..]
            }
            Some(k) if k <= 30 && !r[..k].contains(['-', ',', '(']) => return dash_next(&r[k..]),
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

/// Whether tokens `i..j` open with an abbreviated title ("Col.", "Dr.", "Lt. Gen.") followed
/// by a capitalised word: a person's name. A title in full may open a place or a company
/// ("Prince Edward Island", "General Motors"); its abbreviation does not.
fn titled_person(t: &Tokens, i: usize, j: usize, gaz: &dyn Fn(usize) -> u32) -> bool {
    let title = |k: usize| gaz(k) & (3 << (2 * list::TITLE)) != 0;
    let mut k = i;
    let mut abbreviated = false;
    while k + 1 < j && title(k) && t.text(k + 1) == "." {
        abbreviated = true;
        k += 2;
    }
    abbreviated
        && k < j
        && t.text(k).starts_with(|c: char| c.is_uppercase())
        && t.text(k).chars().any(char::is_lowercase)
}

/// A one-word name the tagger took for a person or a place, that no gazetteer knows, is a
/// company wherever the text writes it if it does so once where only a company fits ("shares
/// in Nordair", "Nordair's shares", "Nordair chief executive Maria Sandvik"), or if the tagger
/// took it for an organisation as often as for anything else. A name read as a person's surname elsewhere ("Sandvik"
/// after "Maria Sandvik") stays a person.
fn companies(t: &Tokens, surnames: &WordSet<String>, out: &mut [Mention]) {
    let g = Gazetteer::get();
    let keys: Vec<&str> = out
        .iter()
        .filter(|m| matches!(m.label, Label::Person | Label::Gpe))
        .filter(|m| !m.key.contains(' ') && !surnames.contains(&m.key))
        .filter(|m| g.kind(fold_hash(&m.key)).is_none())
        .map(|m| m.key.as_str())
        .collect();
    if keys.is_empty() {
        return;
    }
    let candidates: WordSet<&str> = keys.iter().copied().collect();
    let n = t.seg.tokens.len();
    let word = |k: usize| if k < n { t.lower(k) } else { "" };
    // Most tokens are no candidate, with or without "'s": their lengths and first bytes tell.
    let mut lengths = 0u64;
    let mut leads = [false; 256];
    let mut any = false;
    for c in &keys {
        match c.as_bytes().first() {
            Some(&b) => leads[usize::from(b)] = true,
            None => any = true,
        }
        for extra in [0, "'s".len(), "\u{2019}s".len()] {
            lengths |= 1 << (c.len() + extra).min(63);
        }
    }
    let name_at = |k: usize| {
        let w = word(k);
        if !any
            && (lengths & 1 << w.len().min(63) == 0
                || !w.as_bytes().first().is_some_and(|&b| leads[usize::from(b)]))
        {
            return None;
        }
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

/// Words for a business that, right before a name, say what it is ("the port operator Meridian
/// Terminals", "the carrier Northwind").
const BUSINESS_DESCRIPTORS: &[&str] = &[
    "company",
    "firm",
    "operator",
    "carrier",
    "airline",
    "retailer",
    "manufacturer",
    "maker",
    "insurer",
    "lender",
    "utility",
    "contractor",
    "developer",
    "supplier",
    "provider",
    "conglomerate",
    "startup",
    "automaker",
    "carmaker",
    "chipmaker",
];

/// Words that, right after a name, make it a business's: its staff or its stock ("a senior
/// Meridian executive", "Meridian employees").
const BUSINESS_FOLLOWERS: &[&str] = &[
    "executive",
    "executives",
    "employees",
    "shareholders",
    "pilots",
    "passengers",
    "customers",
];

/// What a carrier runs, which after a name, alone or after one word ("a Baltic Skyways
/// passenger jet"), make it the carrier's.
const CARRIER_CRAFT: &[&str] = &[
    "flight",
    "flights",
    "plane",
    "planes",
    "jet",
    "jets",
    "aircraft",
    "airliner",
    "airliners",
];

/// A name the tagger took for a person (or a thing, or an unknown place) is a business wherever
/// the text writes it when the text once says so: a word for a business right before it ("the
/// port operator Meridian Terminals") or after it (", a South Korean battery maker"), its
/// staff or its craft after it ("a senior Meridian executive", "a Baltic Skyways flight"), or
/// ", which" after it ("Meridian Terminals, which runs the port"), a relative no person takes. A longer name that opens with a business's one
/// word is that business ("Meridian Terminals" beside "Meridian employees"). Never a name a
/// given name opens.
fn described_businesses(t: &Tokens, out: &mut [Mention]) {
    let g = Gazetteer::get();
    let tokens = &t.seg.tokens;
    let n = tokens.len();
    let given = |key: &str| g.is_first_name(key.split(' ').next().unwrap_or(key));
    // A person, or one unknown word the tagger took for a group ("a senior Meridian
    // executive"); not a known name ("a Turkish executive"). A thing with no model number
    // ("a Baltic Skyways flight", not "an Airbus A220 jet"), or a place of two words or more
    // the gazetteer does not know ("delays at Baltic Skyways").
    let guessed = |m: &Mention| {
        g.kind(fold_hash(&m.key)).is_none()
            && match m.label {
                Label::Person | Label::Norp => true,
                Label::Product => !m.key.contains(|c: char| c.is_ascii_digit()),
                Label::Gpe => m.key.contains(' '),
                _ => false,
            }
    };
    let mut found: FnvSet<&str> = FnvSet::default();
    // A thing or a place the text also calls an organisation is one: the tagger read the
    // name by the words around it ("Baltic Skyways said" / "a Baltic Skyways jet").
    let mut also_org: FnvSet<&str> = FnvSet::default();
    for m in out.iter().filter(|m| m.label == Label::Org || guessed(m)) {
        let i = tokens.partition_point(|x| x.span.start < m.span.start);
        let j = tokens.partition_point(|x| x.span.start < m.span.end);
        if i >= j || given(&m.key) {
            continue;
        }
        if m.label == Label::Org {
            also_org.insert(m.key.as_str());
        }
        let craft = |k: usize| k < n && CARRIER_CRAFT.contains(&t.lower(k));
        let before = i > 0 && BUSINESS_DESCRIPTORS.contains(&t.lower(i - 1));
        // ", a South Korean battery maker", ", a firm based in Seoul": what the name is, said
        // after it (the descriptor ends the phrase: ", a former company lawyer" is a lawyer).
        let appositive = j + 2 < n
            && t.text(j) == ","
            && matches!(t.lower(j + 1), "a" | "an")
            && (j + 2..(j + 7).min(n))
                .take_while(|&k| t.text(k).chars().all(char::is_alphabetic))
                .any(|k| {
                    BUSINESS_DESCRIPTORS.contains(&t.lower(k))
                        && (k + 1 >= n
                            || !t.text(k + 1).chars().all(char::is_alphabetic)
                            || matches!(t.lower(k + 1), "that" | "which" | "based" | "of"))
                });
        let after = j < n
            && (appositive
                || BUSINESS_FOLLOWERS.contains(&t.lower(j))
                || craft(j)
                || (craft(j + 1) && t.text(j).chars().all(|c| c.is_ascii_lowercase()))
                || (t.text(j) == "," && j + 1 < n && t.lower(j + 1) == "which"));
        if before || after {
            found.insert(m.key.as_str());
        }
    }
    let also_org: Vec<String> = also_org
        .into_iter()
        .filter(|k| !found.contains(k))
        .map(str::to_string)
        .collect();
    if found.is_empty() && also_org.is_empty() {
        return;
    }
    let found: Vec<String> = found.into_iter().map(str::to_string).collect();
    for m in out.iter_mut() {
        if !guessed(m) {
            continue;
        }
        if matches!(m.label, Label::Product | Label::Gpe) && also_org.contains(&m.key) {
            m.label = Label::Org;
            continue;
        }
        let business = found.iter().any(|k| {
            *k == m.key
                || m.key
                    .strip_prefix(k.as_str())
                    .is_some_and(|r| r.starts_with(' '))
                || k.strip_prefix(m.key.as_str())
                    .is_some_and(|r| r.starts_with(' '))
        });
        if business && !given(&m.key) {
            m.label = Label::Org;
        }
    }
}

/// Names as some text writes them, not at the start of a sentence, with their labels; and
/// the surnames of the people among them. `repeat_names` looks for them again.
#[derive(Default)]
pub(crate) struct KnownNames<'a> {
    names: WordMap<&'a str, Label>,
    first_words: WordSet<&'a str>,
    surnames: WordSet<&'a str>,
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
            if m.label == Label::Org {
                if let Some(short) = business_short_form(name) {
                    self.names.entry(short).or_insert(Label::Org);
                    self.first_words.insert(short);
                }
            }
        }
    }
}

/// The word a business of two or three words goes by in a story: "Northway" of "Northway
/// Bank", "Calder" of "Calder Systems". Not a word of the language, a place or a given name
/// ("First" of "First Republic Bank", "Chicago" of "Chicago Bank").
pub(crate) fn business_short_form(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split(' ').collect();
    let (&first, &last) = (words.first()?, words.last()?);
    if !(2..=3).contains(&words.len())
        || first.len() < 3
        || !first.starts_with(char::is_uppercase)
        || !first.chars().all(char::is_alphabetic)
        || !ends_a_business(&last.to_lowercase().replace('.', ""))
    {
        return None;
    }
    let folded = fold(first);
    let g = Gazetteer::get();
    (g.lookup(&folded).is_none()
        && !g.is_first_name(&folded)
        && !crate::similarity::model().is_word(&folded))
    .then_some(first)
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
pub(super) fn key_of(name: &str) -> String {
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
