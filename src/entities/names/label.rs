//! A name's label: the tagger's type refined by the gazetteers and the name's own words (a
//! building, a natural place, an event, a law, a language, a group, a business), a document or a
//! work ("Pledge of Allegiance"), the place before an office ("Riverton mayor", "Warren Mayor Jim
//! Fouts"), the state in a party-and-state label ("R-Texas"), and a name before a hyphen suffix
//! ("ISIS-held").

use crate::entities::gazetteer::{fold_hash, list, Gazetteer, Kind};
use crate::entities::{Label, Tokens};
use crate::span::Span;

/// Last words that make a place a facility.
pub(super) const FAC_WORDS: &[&str] = &[
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

/// Last words that make a name a political place below a state, whatever the tagger says.
const GPE_WORDS: &[&str] = &[
    "county",
    "parish",
    "township",
    "borough",
    "province",
    "prefecture",
];

/// Last words that make a name a natural place whatever the tagger says: none of them a
/// surname, as "Lake", "Park" and "Bay" are.
const WATER_AND_LAND_WORDS: &[&str] = &[
    "river",
    "creek",
    "sea",
    "ocean",
    "mountains",
    "desert",
    "gulf",
    "strait",
    "straits",
    "canal",
    "peninsula",
    "islands",
    "glacier",
];

/// True when a number or a score ("2-1") stands within a few tokens of tokens `i..j`, as
/// in sports results.
fn among_scores(t: &Tokens, i: usize, j: usize) -> bool {
    let end = (j + 6).min(t.seg.tokens.len());
    (i.saturating_sub(6)..end)
        .filter(|&k| k < i || k >= j)
        .any(|k| {
            let w = t.text(k);
            let digits =
                |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
            digits(w)
                || w.split_once('-')
                    .is_some_and(|(a, b)| digits(a) && digits(b))
        })
}

/// Words that end the name of a disaster.
pub(super) const DISASTER_WORDS: &[&str] = &[
    "fire",
    "wildfire",
    "earthquake",
    "quake",
    "flood",
    "floods",
    "tornado",
    "outbreak",
    "spill",
];

/// Words after a name that tell an organisation speaking or its people: "Cal Fire said", "Cal
/// Fire officials".
const SPEAKS_OR_STAFFS: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief",
    "director",
    "crews",
    "staff",
    "employees",
];

/// True when the name at tokens `i..j` speaks or has people ([`SPEAKS_OR_STAFFS`] after it), or
/// is what a statement is "according to".
fn speaks_or_staffs(t: &Tokens, i: usize, j: usize) -> bool {
    let after = (j < t.seg.tokens.len()).then(|| t.lower(j));
    let according = i >= 2 && t.lower(i - 1) == "to" && t.lower(i - 2) == "according";
    according || after.is_some_and(|w| SPEAKS_OR_STAFFS.contains(&w))
}

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

/// First words of the names of documents, pledges and works ("Pledge of Allegiance", "Bill of
/// Rights", "Book of Mormon"): such a name is no organisation or person, whatever the tagger
/// says. `true` for a law, `false` for a work.
pub(super) const DOCUMENT_HEADS: &[(&str, bool)] = &[
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
pub(super) fn document_label(key: &str) -> Option<Label> {
    let mut words = key.split(' ');
    let head = words.next()?;
    let &(_, law) = DOCUMENT_HEADS.iter().find(|(h, _)| *h == head)?;
    (words.next()? == "of" && words.next().is_some()).then_some(if law {
        Label::Law
    } else {
        Label::WorkOfArt
    })
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

/// The tokens of a person's office inside the name at tokens `i..j` (first and last), after a
/// place and before the person's two or three capitalised names ("Warren Mayor Jim Fouts",
/// "Ohio Governor Mike DeWine", "Pasadena Fire Chief Marcus Delgado"): a name of a place, an
/// office and a person run together.
pub(super) fn office_in_name(t: &Tokens, i: usize, j: usize) -> Option<(usize, usize)> {
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
        ) || (k > i + 1
            && matches!(t.lower(k), "chief" | "commissioner")
            && matches!(t.lower(k - 1), "fire" | "police"))
    })?;
    let first = if matches!(t.lower(c), "chief" | "commissioner") {
        c - 1
    } else {
        c
    };
    let named = |k: usize| {
        let w = t.text(k);
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|ch| ch.is_alphabetic() || ch == '-' || ch == '.' || ch == '\'')
    };
    ((3..=4).contains(&(j - c)) && t.text(first).starts_with(char::is_uppercase))
        .then_some((first, c))
        .filter(|&(_, c)| (c + 1..j).all(named))
}

/// A person's given name and surname closing the name at tokens `i..j` after a title inside it
/// ("Jackson County Public Health Director Rachel Stone", "City Manager Brian Sjothun"): the
/// first token of the title's words and the first of the person's. The person's first word is
/// a known given name, or, after a title opening the name, no word of the language (`lexical`:
/// "Mayor Quinton Lucas", not "Prince Edward Island"); the rest are one or two capitalised
/// words that end no organisation's name ("King Abdullah University" is none). A title
/// opening a person's name (`person`, "President Mary Lane") is cut by `join::trim` already.
pub(super) fn person_after_title(
    t: &Tokens,
    i: usize,
    j: usize,
    person: bool,
    gaz: &dyn Fn(usize) -> u32,
    lexical: &dyn Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let has = |k: usize, l: usize| gaz(k) & (3 << (2 * l)) != 0;
    let named = |k: usize| {
        let w = t.text(k);
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && w.chars()
                .all(|ch| ch.is_alphabetic() || ch == '-' || ch == '\'')
            && !has(k, list::ORG_WORD)
            && !has(k, list::TITLE)
    };
    // The title's words before token `p`: "Director", or "Executive Director" all of the list.
    let title_start = |p: usize| {
        let mut b = p - 1;
        while b > i && gaz(b) & (1 << (2 * list::TITLE + 1)) != 0 {
            b -= 1;
        }
        b
    };
    let p = (i + 1..j).find(|&p| {
        (2..=3).contains(&(j - p))
            && has(p - 1, list::TITLE)
            && (p..j).all(named)
            && (has(p, list::FIRST_NAME)
                || (title_start(p) == i && !person && !(p..j).any(lexical)))
    })?;
    let b = title_start(p);
    (b > i || !person).then_some((b, p))
}

/// True when the name at tokens `i..j` (key `key`), which the tagger read as an organisation or
/// a thing, names a place because an office of a place follows it (`CIVIC_TITLES`, before the
/// sentence's end `end`): "Riverton mayor", "Riverton Mayor Daniel Okafor". Only a name of one
/// to three capitalised words, no acronyms ("BOJ Governor"), organisations' words or small
/// words, not all of them words of the language (`lexical`, the common words, the similarity
/// vocabulary: "Fed governor"), and no known party's ("Labour council": "Labour Party").
pub(super) fn before_civic_title(
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

/// The state in a party-and-state label of one token ("R-Texas", "D-Calif", with the period of
/// an abbreviated state: "R-Calif."), as a span.
pub(super) fn party_state(t: &Tokens, i: usize, j: usize) -> Option<Span> {
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

/// The label of a name before a hyphen suffix: what the gazetteers say, else the tagger's type
/// when it is a person, place or organisation; `None` for an unknown adjective ("Richmond-based"
/// in a MISC span is dropped rather than guessed).
pub(super) fn prefix_label(g: &Gazetteer, key: &str, ty: usize) -> Option<Label> {
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
pub(super) fn override_type(known: Option<Kind>, ty: usize) -> usize {
    match (ty, known) {
        (0 | 2 | 3, Some(Kind::Name(Label::Loc))) => 1,
        (1, Some(Kind::Name(Label::Org))) => 2,
        _ => ty,
    }
}

/// True when token `i` opens its sentence, or the body after a dateline's dash ("DENVER
/// (Wire) - Denver's council …").
fn opens_sentence(t: &Tokens, i: usize) -> bool {
    let sentences = &t.seg.sentences;
    let k = sentences.partition_point(|s| s.tokens.end <= i);
    let start = sentences.get(k).map_or(0, |s| s.tokens.start);
    i == start || (i > start && matches!(t.text(i - 1), "-" | "—" | "–"))
}

/// Words that with "of" after them name a place ("the city of Arequipa", "northwest of Lima").
const PLACE_BEFORE_OF: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "district",
    "region",
    "port",
    "township",
    "municipality",
    "north",
    "south",
    "east",
    "west",
    "northwest",
    "northeast",
    "southwest",
    "southeast",
    "outskirts",
];

/// Words, folded, that end an institution's name and that the gazetteer's organisation words
/// lack ("Geological Survey").
const INSTITUTION_WORDS: &[&str] = &["survey", "observatory", "directorate", "inspectorate"];

/// The OntoNotes label of tokens `i..j` (folded: `name`; in the gazetteers: `known`) that the
/// tagger typed `ty` (PER, LOC, ORG, MISC).
pub(super) fn refine(
    t: &Tokens,
    name: &str,
    known: Option<Kind>,
    i: usize,
    j: usize,
    ty: usize,
) -> Label {
    if let Some(l) = document_label(name) {
        // "Pledge of Allegiance", "Bill of Rights": a document or a work, not an organisation.
        return l;
    }
    let last = name.rsplit(' ').next().unwrap_or("");
    let first = name.split(' ').next().unwrap_or("");
    // "the Andean city of Arequipa", "58 kilometres northwest of Arequipa": a name a place's
    // word or a bearing and "of" go before is a place, whatever the tagger read.
    if i >= 2 && t.lower(i - 1) == "of" && PLACE_BEFORE_OF.contains(&t.lower(i - 2)) && ty != 1 {
        return Label::Gpe;
    }
    // "in the Paradise Pines area", "the Tampa Bay region": a name "the" and "area" go around
    // is a place.
    if matches!(ty, 0 | 2 | 3)
        && i > 0
        && t.lower(i - 1) == "the"
        && j < t.seg.tokens.len()
        && matches!(t.lower(j), "area" | "region")
    {
        return Label::Gpe;
    }
    // "fled his property near Ruch", "struck before dawn near Arequipa": one word after "near",
    // no one's, is a place.
    if matches!(ty, 0 | 2)
        && j - i == 1
        && i > 0
        && t.lower(i - 1) == "near"
        && !matches!(t.lower(j), "'s" | "’s" | "'" | "’")
    {
        return Label::Gpe;
    }
    // "Franklin County", "Tolland River" taken for a person or a thing; not "Ricki Lake": only
    // words no surname is. An organisation among scores keeps its label: "Notts County 2
    // Bury 1" is a football club.
    if j - i >= 2
        && GPE_WORDS.contains(&last)
        && (matches!(ty, 0 | 3) || (ty == 2 && !among_scores(t, i, j)))
    {
        return Label::Gpe;
    }
    if j - i >= 2
        && matches!(ty, 0 | 3)
        && WATER_AND_LAND_WORDS.contains(&last)
        && !Gazetteer::get().is_first_name(first)
    {
        return Label::Loc;
    }
    // "Cedar Ridge Fire", "Dixie Fire" taken for a person or an organisation: a disaster's
    // name, unless a given name or a known place opens it ("Chicago Fire" is a club).
    if j - i >= 2
        && matches!(ty, 0 | 2)
        && DISASTER_WORDS.contains(&last)
        && !Gazetteer::get().is_first_name(first)
        && Gazetteer::get().lookup(first).is_none()
    {
        // "Cal Fire said", "Cal Fire officials": a disaster does not speak or employ; an agency
        // so named does.
        return if speaks_or_staffs(t, i, j) {
            Label::Org
        } else {
            Label::Event
        };
    }
    match ty {
        // "Betty Ford Center": a name after a person that ends as a building or an
        // institution does is that.
        0 if j - i >= 2 && FAC_WORDS.contains(&last) => Label::Fac,
        0 if j - i >= 2
            && (Gazetteer::get().is_org_word(last) || INSTITUTION_WORDS.contains(&last)) =>
        {
            Label::Org
        }
        // "Gulfport Chemical", "Brantford Rail": a trade after a word that is no given name.
        0 if j - i >= 2
            && INDUSTRY_WORDS.contains(&last)
            && !Gazetteer::get().is_first_name(first) =>
        {
            Label::Org
        }
        // "Prosecutors in Veldhaven said": one word, no given name, after "in" after a word
        // in lower case (or opening the sentence), and no one's ("in Smith's view") is a place.
        0 if j - i == 1
            && i >= 2
            && t.lower(i - 1) == "in"
            && (!t.capitalised(i - 2) || opens_sentence(t, i - 2))
            && t.lower(i - 2).chars().all(char::is_alphabetic)
            && !matches!(t.lower(j), "'s" | "’s" | "'" | "’")
            && !Gazetteer::get().is_first_name(name) =>
        {
            Label::Gpe
        }
        // "Denver will stop allowing gas lines": one word opening the sentence (where its
        // capital tells nothing), a known place and no given name.
        0 if j - i == 1
            && matches!(known, Some(Kind::Name(Label::Gpe)))
            && !Gazetteer::get().is_first_name(name)
            && opens_sentence(t, i) =>
        {
            Label::Gpe
        }
        0 => Label::Person,
        2 => Label::Org,
        1 => match known {
            Some(Kind::Name(l @ (Label::Gpe | Label::Loc))) => l,
            // "Workers at Valmont Chemical": a trade ends a business's name, not a place's.
            _ if j - i >= 2 && is_trade_word(last) => Label::Org,
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
            } else if j - i >= 2 && INSTITUTION_WORDS.contains(&last) {
                // "Geological Survey" of "the U.S. Geological Survey" (a league or a
                // division, "National League", is a thing in news of sport).
                Label::Org
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

/// True when folded word `w` is a trade that ends a business's name ("Harlow
/// Pharmaceuticals", "Apex Energy"), in the singular or the plural.
pub fn is_trade_word(w: &str) -> bool {
    INDUSTRY_WORDS.contains(&w)
        || w.strip_suffix('s')
            .is_some_and(|w| INDUSTRY_WORDS.contains(&w))
}

/// True when folded word `w` ends a business's name: a trade ("Harlow Pharmaceuticals") or a
/// word businesses are called by ("Northway Bank", "Calder Systems", "Velmont Motors").
pub fn ends_a_business(w: &str) -> bool {
    is_trade_word(w)
        || matches!(
            w,
            "bank"
                | "bancorp"
                | "systems"
                | "group"
                | "motors"
                | "airlines"
                | "airways"
                | "holdings"
                | "industries"
                | "technologies"
                | "labs"
                | "partners"
                | "capital"
                | "corp"
                | "corporation"
                | "inc"
                | "co"
                | "ltd"
                | "llc"
                | "plc"
                | "company"
        )
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
    "beverage",
    "chemical",
    "cosmetics",
    "dairy",
    "electric",
    "energy",
    "financial",
    "food",
    "freight",
    "healthcare",
    "hotels",
    "insurance",
    "logistics",
    "mining",
    "nutrition",
    "petroleum",
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
    "steel",
    "telecom",
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
}
