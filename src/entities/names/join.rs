//! Joining and trimming a name's words: particles and the pieces of a person's name the tagger
//! splits ("Saad al-Allaq", "Frederick C. LaRue"), a name split at "for" or "of" ("Habitat for
//! Humanity"), a run of capitalised words that ends as organisations do ("Nordic Aviators
//! Association"), acronyms the tagger leaves out; and the ends of a name cut off: "the",
//! possessives, titles, a word telling a kind of business ("Carmaker Velmont"), a place made an
//! adjective by a hyphen ("Boston-based"), and tokens dates and numbers took first.

use super::label::{DISASTER_WORDS, DOCUMENT_HEADS, FAC_WORDS};
use crate::entities::gazetteer::{fold_hash, list, Gazetteer, Kind};
use crate::entities::key::fold;
use crate::entities::tagger::features;
use crate::entities::{Label, Tokens};

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
pub(super) fn mend(t: &Tokens, first: usize, tags: &mut [u8]) {
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
        if inside == 2 && tags[k] == 1 && ends_a_thing(t, first, tags, k) {
            // A person right before a "person" that ends as a disaster or an organisation
            // does is one name the tagger broke ("Cedar" and "Ridge Fire").
            join = 1;
        } else if is_particled(w) && tags[k] != inside {
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

/// Words in capitals that are common nouns, not names: "a photo ID", "on TV", "the CEO".
const COMMON_CAPS: &[&str] = &[
    "ATM", "ATMs", "CEO", "CEOs", "CFO", "DNA", "EV", "EVs", "GDP", "ID", "IDs", "IQ", "PC", "PCs",
    "SUV", "SUVs", "TV",
];

/// Untags a name of one word that is a common noun in capitals ("voters must show ID"): the
/// tagger takes a capitalised short word for an organisation.
#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
pub(super) fn drop_common_caps(t: &Tokens, first: usize, tags: &mut [u8]) {
    let n = tags.len();
    for k in 0..n {
        let begins = tags[k] % 2 == 1;
        let alone = k + 1 == n || tags[k + 1] != tags[k] + 1;
        if begins && alone && COMMON_CAPS.contains(&t.text(first + k)) {
            tags[k] = 0;
        }
    }
}

/// True when the person starting at token `k` (of the sentence starting at `first`) is
/// capitalised and its last word ends disasters' or organisations' names ("Ridge Fire").
fn ends_a_thing(t: &Tokens, first: usize, tags: &[u8], k: usize) -> bool {
    if !t.capitalised(first + k) || t.text(first + k - 1).ends_with(['.', ',']) {
        return false;
    }
    let mut end = k + 1;
    while end < tags.len() && tags[end] == 2 {
        end += 1;
    }
    let last = t.lower(first + end - 1);
    DISASTER_WORDS.contains(&last) || Gazetteer::get().is_org_word(&fold(t.text(first + end - 1)))
}

/// Joins the pieces of a person's name the tagger splits at an initial or a nickname:
/// "Frederick C." and "LaRue", "Vincent", "“The Chin”" and "Gigante", "Kimani (Kiki) Gray".
/// The first piece may have any type; the last must be a person.
#[inline(never)] // per sentence: see `crate::analyze` on wasm tiering
pub(super) fn mend_people(t: &Tokens, first: usize, tags: &mut [u8]) {
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
        // A one-word given name the tagger ends before its initial ("George" of "George W.
        // Bush"): the initial is the person's.
        if inside == 2
            && end == k + 1
            && end + 2 < n
            && tags[end] == 0
            && initial(end)
            && word(end + 1) == "."
            && t.capitalised(first + end + 2)
        {
            tags[end] = 2;
            end += 1;
        }
        // Where the person's last piece starts: after ". " or after a quoted nickname.
        let mut next = end;
        if initial(end - 1) {
            if next < n && word(next) == "." && tags[next] == 0 {
                next += 1;
            }
            // A second initial ("George H. W. Bush").
            while next + 2 < n && tags[next] == 0 && initial(next) && word(next + 1) == "." {
                next += 2;
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
pub(super) fn join_connected(
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
            // "Texas Commission on Environmental Quality", "Committee on Foreign Relations":
            // a body named for what it works on.
            "on" if BODIES_ON.contains(&t.lower(first + k - 1)) => false,
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
        let on = t.lower(first + k) == "on";
        let fits = if document {
            true
        } else if on {
            ty == ORG && right != Some(PER)
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

/// Heads of bodies named for what they work on, before "on".
const BODIES_ON: &[&str] = &[
    "commission",
    "committee",
    "subcommittee",
    "council",
    "panel",
    "conference",
    "board",
    "task",
    "force",
    "institute",
    "center",
    "centre",
    "office",
];

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
pub(super) fn join_org_runs(
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
/// Joins a name and the capitalised words after its possessive into one organisation when they
/// end as a building or an organisation does: "St. Anne's Medical Center", "St. Mary's
/// Hospital", "Children's Hospital". Token `k` of the sentence is token `first + k` of the text;
/// `gaz` takes `k`.
pub(super) fn join_possessive(
    t: &Tokens,
    first: usize,
    tags: &mut [u8],
    gaz: &dyn Fn(usize) -> u32,
) {
    const ORG: u8 = 2;
    let n = tags.len();
    let ends_a_name = |k: usize| {
        let w = t.lower(first + k);
        FAC_WORDS.contains(&w)
            || matches!(w, "center" | "centre" | "clinic")
            || gaz(k) & (3 << (2 * list::ORG_WORD)) != 0
    };
    let mut k = 1;
    while k + 1 < n {
        let possessive = matches!(t.text(first + k), "'s" | "’s");
        if !possessive || tags[k - 1] == 0 || tags[k + 1] != 0 && tags[k + 1] % 2 == 0 {
            k += 1;
            continue;
        }
        // The capitalised words after it, ending as an organisation does.
        let mut e = k + 1;
        while e < n && e - k <= 4 && t.capitalised(first + e) {
            e += 1;
        }
        let Some(last) = (k + 1..e).rev().find(|&q| ends_a_name(q)) else {
            k += 1;
            continue;
        };
        let mut s = k - 1;
        while s > 0 && tags[s] != 0 && tags[s] % 2 == 0 {
            s -= 1;
        }
        tags[s] = 2 * ORG + 1;
        tags[s + 1..=last].iter_mut().for_each(|x| *x = 2 * ORG + 2);
        k = last + 1;
    }
}

pub(super) fn rescue_acronyms(
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
pub(super) fn trim(
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
        // A possessive split from the name before ("Corvane" "'s" "CEO") opens no name.
        if (lower(i) && common(i))
            || (punct(i) && t.text(i) != "$")
            || matches!(t.text(i), "'s" | "’s" | "'S" | "’S")
        {
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
    // "Lakeshore Chief" of "Lakeshore Chief Executive Maria Ostrowski": a title that closes
    // a name, with a capitalised word going on after it, opens someone's title.
    if !person {
        while j > i + 1 && title(j - 1) && j < t.seg.tokens.len() && t.capitalised(j) {
            j -= 1;
        }
    }
    if (i..j).all(|k| title(k) || punct(k)) {
        // What is left is a title ("'s CEO"): no name.
        return None;
    }
    // "U.N.", "Acme Corp." and "Sacramento, Calif." keep their period; a period after a
    // space, or after a word that is no abbreviation ("Acme Research."), ends the sentence.
    if j > i + 1 && t.text(j - 1) == "." {
        let before = t.text(j - 2);
        let chars = before.chars().count();
        let short =
            chars == 1 || crate::segment::is_abbreviation(before) || (chars <= 5 && !common(j - 2));
        if !t.attached(j - 1) || !short {
            j -= 1;
        }
    }
    (i < j).then_some((i, j))
}

/// True for a lower-case noun that tells what kind of business or person a name is, and goes
/// before the name in news ("carmaker Velmont", "drugmaker Calloway", "retailer Kessel").
pub(super) fn is_descriptor(w: &str) -> bool {
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

/// The longest run of tokens in `i..j` not taken by an earlier recogniser.
pub(super) fn free(taken: &[bool], i: usize, j: usize) -> Option<(usize, usize)> {
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

/// The byte where a lower-case hyphen suffix starts in token `k` ("ISIS-held" → 4).
pub(super) fn hyphen_prefix(t: &Tokens, k: usize) -> Option<usize> {
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
