//! Aliases: which name mentions, within and across sources, are one entity. Every name mention's
//! `key` becomes its cluster's key, so the comparison merges them.
//!
//! First, a name one source writes is looked for again in every source: where another source
//! writes the same words and its tagger found them in pieces ("Earth" of "Friends of the
//! Earth"), the pieces become the name (`names::whole_names`); where its tagger missed it
//! ("Hunter voted…" opening a sentence), it becomes a mention (`names::repeat_names`). Then,
//! rules in order:
//! - within one source, a person named by fewer words ("Lohan", "Mr Jenkin") takes the key of
//!   the fuller names there that end with it, when they are one person;
//! - a definition in the text: "the Islamic State (ISIS)", "X, also known as Y";
//! - an acronym matches the initials of a name in the same source ("IS" ~ "Islamic State");
//! - a list of well-known aliases (`data/gazetteers/aliases.txt`: "ISIL" = "ISIS");
//! - case and diacritics fold ("Erdogan" = "Erdoğan"), and one key is one entity whatever
//!   label the tagger gave each mention ("Lohan" a person here, an organisation there);
//! - a one-letter misspelling of a long name ("Quillium Foundation" = "Quilliam Foundation");
//! - people are compared by the words that say who they are (`person_words`: no titles or
//!   roles, nickname, "Jr.", middle initials; a pet form is its given name: "Tom" is "Thomas"):
//!   full names with one given name and surname and no clashing middle names are one ("Donald
//!   J. Trump" = "Donald Trump", "Mark Jay Heller" = "Mark Heller", "Tom Bellamy" = "Thomas
//!   Bellamy"), and a nickname is a given name too ("Luis Gerardo (Jerry) Ortiz" = "Jerry
//!   Ortiz"); a surname left alone joins the full names across sources that end with it
//!   when they are one person, or the person the sources name three times as often as all
//!   others who share it; otherwise ("Vitali", "Wladimir Klitschko") it joins neither;
//! - organisations are compared without a leading place and a trailing company suffix ("Colts"
//!   = "Indianapolis Colts", "Supreme Court" = "U.S. Supreme Court", "Microsoft" =
//!   "Microsoft Corp."), unless two places lead the same name ("Texas Supreme Court"); one
//!   word typed a person that is nobody's surname and no given name may be such a name too
//!   ("Tarnwell said" of Tarnwell Corp.);
//! - a distinctive name and the same name followed by common words are one ("Morningside" =
//!   "Morningside Recovery", "Betty Ford Center" = "Betty Ford Clinic"), unless the distinctive
//!   part is a known place or organisation ("New York Times") or a person's name, and only
//!   from names written outside headlines;
//! - a name seen only in headlines that starts or ends with a name written in a body is that
//!   name ("Wladimir Klitschko Cruises"), unless the rest names something too ("Colts Beat
//!   Chiefs").
//!
//! A cluster's key is one of its names, written outside headlines if one is. A mention the
//! tagger typed a group or a thing by guess then takes the label most mentions of its key have
//! ("Okafor's brother-in-law" among "Okafor" the person: `vote_labels`).

use super::gazetteer::{Gazetteer, Kind};
use super::key::{fold, name_key};
use super::names;
use super::tagger::Model;
use super::{Label, Mention};
use crate::hash::{FnvMap, FnvSet};
use crate::segment::Segmented;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// What alias resolution needs of one source.
pub struct SourceNames<'a> {
    /// The text.
    pub text: &'a str,
    /// Its tokens.
    pub seg: &'a Segmented,
    /// Its mentions (keys are rewritten; mentions may be added for defined acronyms and for
    /// names that other sources write).
    pub mentions: &'a mut Vec<Mention>,
}

/// Labels that may share a key: "MIT" the agency and "MIT" a person never merge.
fn class(label: Label) -> u8 {
    match label {
        Label::Person => 0,
        Label::Gpe | Label::Loc | Label::Fac => 1,
        Label::Norp => 2,
        _ => 3,
    }
}

type Node = (String, u8);

struct UnionFind {
    ids: FnvMap<Node, usize>,
    parent: Vec<usize>,
}

impl UnionFind {
    fn id(&mut self, n: &Node) -> usize {
        if let Some(&i) = self.ids.get(n) {
            return i;
        }
        let i = self.parent.len();
        self.parent.push(i);
        self.ids.insert(n.clone(), i);
        i
    }
    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }
    fn union(&mut self, a: &Node, b: &Node) {
        let (a, b) = (self.id(a), self.id(b));
        self.union_ids(a, b);
    }
    fn union_ids(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// The alias list: folded name → line number.
fn alias_table() -> &'static FnvMap<String, usize> {
    static T: OnceLock<FnvMap<String, usize>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = FnvMap::default();
        let data = include_str!("../../data/gazetteers/aliases.txt");
        for (n, line) in data
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        {
            for name in line.split('|') {
                t.insert(name_key(name.trim()), n);
            }
        }
        t
    })
}

/// The longest name the alias list gives for a key, folded ("fbi" → "federal bureau of
/// investigation"): what an acronym stands for, for whoever needs its words.
pub fn longest_known_name(key: &str) -> Option<&'static str> {
    static LONGEST: OnceLock<Vec<String>> = OnceLock::new();
    let longest = LONGEST.get_or_init(|| {
        let data = include_str!("../../data/gazetteers/aliases.txt");
        data.lines()
            .map(|line| {
                if line.trim().is_empty() || line.starts_with('#') {
                    return String::new();
                }
                line.split('|')
                    .map(|n| name_key(n.trim()))
                    .max_by_key(|n| (n.split(' ').count(), std::cmp::Reverse(n.clone())))
                    .unwrap_or_default()
            })
            .collect()
    });
    let n = *alias_table().get(key)?;
    longest.get(n).map(String::as_str).filter(|n| *n != key)
}

/// Words skipped when taking initials ("Islamic State of Iraq and Syria" → ISIS keeps "and"? no).
const MINOR: &[&str] = &["of", "the", "and", "for", "in", "on", "al", "el", "de", "&"];

/// The initials of a folded multi-word name: "syrian democratic forces" → "sdf".
fn initials(key: &str) -> String {
    key.split(' ')
        .filter(|w| !MINOR.contains(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn is_acronym_text(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && s.chars()
            .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '&') || c.is_ascii_digit())
        && s.chars().any(|c| c.is_uppercase())
}

/// Rewrites every name mention's key to its cluster's key.
pub fn resolve(sources: &mut [SourceNames]) {
    let mut uf = UnionFind {
        ids: FnvMap::default(),
        parent: Vec::new(),
    };
    repeat_across(sources);
    // Every name mention is a node (its own key, its label class).
    // One node to look keys up with, not a copy of each mention's key.
    let mut probe: Node = (String::new(), 0);
    for s in sources.iter_mut() {
        add_defined_acronyms(s);
        rewrite_surnames(s);
        for m in s.mentions.iter().filter(|m| m.label.is_name()) {
            probe.0.clear();
            probe.0.push_str(&m.key);
            probe.1 = class(m.label);
            uf.id(&probe);
        }
    }
    for s in sources.iter() {
        definitions(s, &mut uf);
        acronyms(s, &mut uf);
    }
    let nodes: Vec<Node> = {
        let mut v: Vec<Node> = uf.ids.keys().cloned().collect();
        v.sort();
        v
    };
    // Well-known aliases, within one class.
    let table = alias_table();
    let mut by_line: FnvMap<(usize, u8), Node> = FnvMap::default();
    for n in &nodes {
        if let Some(&line) = table.get(&n.0) {
            match by_line.get(&(line, n.1)) {
                Some(first) => {
                    let first = first.clone();
                    uf.union(&first, n);
                }
                None => {
                    by_line.insert((line, n.1), n.clone());
                }
            }
        }
    }
    same_key_across_classes(&nodes, &mut uf);
    misspellings(&nodes, &mut uf);
    acronyms_across(&nodes, &mut uf);
    let mut counts: FnvMap<Node, usize> = FnvMap::default();
    for s in sources.iter() {
        for m in s.mentions.iter().filter(|m| m.label.is_name()) {
            probe.0.clear();
            probe.0.push_str(&m.key);
            probe.1 = class(m.label);
            match counts.get_mut(&probe) {
                Some(n) => *n += 1,
                None => {
                    counts.insert(probe.clone(), 1);
                }
            }
        }
    }
    let body = in_body(sources);
    surnames(&nodes, &counts, &body, &mut uf);
    let lone = lone_words(&nodes);
    // People by the tagger's guess that an organisation's name takes in: they count, and are
    // labelled, as the organisation ("Mercy Valley said" of Mercy Valley Health).
    let mut taken: FnvSet<Node> = FnvSet::default();
    org_prefixes(&nodes, &lone, &mut uf, &mut taken);
    shortened(&nodes, &body, &lone, &mut uf, &mut taken);
    shortened_after_full(sources, &body, &mut uf, &mut taken);
    headline_names(&nodes, &body, &mut uf);
    // Each cluster's class is the class most of its mentions have (the first on a tie); its key
    // is a name of that class, not a common word alone if it has another, written in a body if
    // one is: for people the fullest (by the words that say who, then the most mentioned, then
    // the shortest), otherwise the most mentioned.
    let mut votes: BTreeMap<usize, [usize; 4]> = BTreeMap::new();
    let vote_class = |n: &Node| if taken.contains(n) { 3 } else { n.1 };
    for n in &nodes {
        let r = uf.root(uf.ids[n]);
        votes.entry(r).or_default()[vote_class(n) as usize] += counts.get(n).copied().unwrap_or(0);
    }
    let cluster_class = |v: &[usize; 4]| (0..4u8).rev().max_by_key(|&c| v[c as usize]).unwrap_or(0);
    let mut best: BTreeMap<usize, Node> = BTreeMap::new();
    let model = Model::get();
    // The first words of the businesses' and organisations' names by cluster ("northway" of
    // "northway bank", "lakeshore" of "lakeshore health"): a short name is no key where the
    // full one is in the cluster.
    let business_firsts: FnvSet<(usize, &str)> = nodes
        .iter()
        .filter_map(|n| {
            let (first, rest) = n.0.split_once(' ')?;
            let last = rest.rsplit(' ').next().unwrap_or(rest);
            (rest.split(' ').count() <= 2 && (n.1 == 3 || names::ends_a_business(last)))
                .then(|| (uf.root(uf.ids[n]), first))
        })
        .collect();
    for n in &nodes {
        let r = uf.root(uf.ids[n]);
        if n.1 != cluster_class(&votes[&r]) {
            continue;
        }
        let score = |x: &Node| {
            let words = x.0.split(' ').count();
            let c = counts.get(x).copied().unwrap_or(0);
            let s = if x.1 == 0 {
                (person_words(&x.0).len(), c, usize::MAX - words)
            } else {
                (c, words, 0)
            };
            // A common word alone names nothing a reader knows ("the Daily" of "Malmstad
            // Daily", a byline outside the body), and a business's short name less than its
            // full one ("Northway" of "Northway Bank"): any fuller name of the cluster goes
            // first.
            let bare = !x.0.contains(' ')
                && (model.is_common_word(&x.0) || business_firsts.contains(&(r, x.0.as_str())));
            (!bare, body.contains(x), s, std::cmp::Reverse(x.0.clone()))
        };
        match best.get(&r) {
            Some(b) if score(n) <= score(b) => {}
            _ => {
                best.insert(r, n.clone());
            }
        }
    }
    // Two clusters of different classes may have the same key: the smaller gets its label.
    let mut key_classes: FnvMap<&str, FnvSet<u8>> = FnvMap::default();
    for n in best.values() {
        key_classes.entry(n.0.as_str()).or_default().insert(n.1);
    }
    let mut final_key: FnvMap<usize, String> = FnvMap::default();
    for (r, n) in &best {
        let shared = key_classes[n.0.as_str()].len() > 1;
        let key = if shared && n.1 != *key_classes[n.0.as_str()].iter().min().unwrap() {
            format!(
                "{} ({})",
                n.0,
                ["person", "place", "group", "org"][n.1 as usize]
            )
        } else {
            n.0.clone()
        };
        final_key.insert(*r, key);
    }
    for s in sources.iter_mut() {
        for m in s.mentions.iter_mut().filter(|m| m.label.is_name()) {
            let node = (m.key.clone(), class(m.label));
            let r = uf.root(uf.ids[&node]);
            // Every cluster has a key: its class is one some node of it has.
            if let Some(key) = final_key.get(&r) {
                m.key = key.clone();
            }
            if taken.contains(&node) && cluster_class(&votes[&r]) == 3 {
                m.label = Label::Org;
            }
        }
    }
    vote_labels(sources);
    org_not_person(sources);
    business_short_forms(sources);
    short_forms_take_the_full_label(sources);
}

/// The word a business goes by ("Calder" of "Calder Systems", see
/// `names::business_short_form`) is that business wherever it stands alone with the same key,
/// whatever the tagger typed it: "Calder did not respond" is no place.
fn business_short_forms(sources: &mut [SourceNames]) {
    let mut short: FnvSet<(String, String)> = FnvSet::default();
    for s in sources.iter() {
        for m in s.mentions.iter().filter(|m| m.label == Label::Org) {
            if let Some(w) = names::business_short_form(&s.text[m.span]) {
                short.insert((m.key.clone(), w.to_string()));
            }
        }
    }
    if short.is_empty() {
        return;
    }
    for s in sources.iter_mut() {
        for m in s.mentions.iter_mut() {
            if matches!(
                m.label,
                Label::Gpe | Label::Person | Label::Product | Label::Norp
            ) && short.contains(&(m.key.clone(), s.text[m.span].to_string()))
            {
                m.label = Label::Org;
            }
        }
    }
}

/// A name of several words that opens with no given name ("Norfolk Southern", "Acme Steel") is
/// an organisation in every mention when at least as many mentions are typed one as a person:
/// the tagger types an organisation a person where it speaks ("Norfolk Southern said").
fn org_not_person(sources: &mut [SourceNames]) {
    let mut votes: FnvMap<&str, (usize, usize)> = FnvMap::default();
    for s in sources.iter() {
        for m in s.mentions.iter() {
            let v = votes.entry(&m.key).or_default();
            match m.label {
                Label::Person => v.0 += 1,
                Label::Org => v.1 += 1,
                _ => {}
            }
        }
    }
    let g = Gazetteer::get();
    let orgs: FnvSet<String> = votes
        .into_iter()
        .filter(|&(key, (person, org))| {
            person > 0
                && org >= person
                && key.contains(' ')
                && key.split(' ').next().is_some_and(|w| !g.is_first_name(w))
        })
        .map(|(key, _)| key.to_string())
        .collect();
    if orgs.is_empty() {
        return;
    }
    for s in sources.iter_mut() {
        for m in s.mentions.iter_mut() {
            if m.label == Label::Person && orgs.contains(&m.key) {
                m.label = Label::Org;
            }
        }
    }
}

/// One entity has one label, where the tagger only guessed: a mention typed a group or a thing
/// (NORP, PRODUCT: what `names` makes of a MISC name it knows nothing of) takes the label most
/// mentions of its key have, in every source ("Okafor's brother-in-law" read as a group beside
/// "Okafor" a person eight times). On a tie, the label of the longest mention (by words), then
/// the first label. A name the gazetteers know as what it is keeps it ("Turkish"), and no mention
/// becomes a language, which only its context makes ("in Turkish"). Persons, places and
/// organisations keep theirs: the tagger confuses them on an unknown name as often as not, so a
/// majority of them says little ("Sulawesi" a person twice and a place twice).
fn vote_labels(sources: &mut [SourceNames]) {
    // Per key and label: mentions, and the most words of one.
    let mut votes: FnvMap<&str, BTreeMap<Label, (usize, usize)>> = FnvMap::default();
    for s in sources.iter() {
        for m in s.mentions.iter().filter(|m| m.label.is_name()) {
            let words = s.text[m.span].split_whitespace().count();
            let v = votes.entry(&m.key).or_default().entry(m.label).or_default();
            v.0 += 1;
            v.1 = v.1.max(words);
        }
    }
    let winner: FnvMap<String, Label> = votes
        .into_iter()
        .filter(|(_, v)| v.len() > 1 && v.keys().any(|&l| guessed(l)))
        .filter_map(|(key, v)| {
            // `max_by_key` keeps the last of equals: labels in reverse, so the first wins.
            let (&best, _) = v
                .iter()
                .rev()
                .max_by_key(|(_, &(count, words))| (count, words))?;
            (best != Label::Language).then(|| (key.to_string(), best))
        })
        .collect();
    if winner.is_empty() {
        return;
    }
    let g = Gazetteer::get();
    for s in sources.iter_mut() {
        for m in s.mentions.iter_mut().filter(|m| guessed(m.label)) {
            if let Some(&l) = winner.get(&m.key) {
                if g.lookup(&fold(&s.text[m.span])) != Some(Kind::Name(m.label)) {
                    m.label = l;
                }
            }
        }
    }
}

/// A shorter form of a name is what the name written in full is: "Okafor" read as an
/// organisation beside "Daniel Okafor" a person, "Meridian" read as a place beside "Meridian
/// Health" an organisation. Only when every mention written in full has one label, and only
/// between people, places and organisations (the tagger's confusions on a lone word).
fn short_forms_take_the_full_label(sources: &mut [SourceNames]) {
    let swappable = |l: Label| matches!(l, Label::Person | Label::Org | Label::Gpe | Label::Loc);
    // Per key: the one label of its mentions written in full, or `None` when they disagree.
    let mut full: FnvMap<String, Option<Label>> = FnvMap::default();
    for s in sources.iter() {
        for m in s.mentions.iter().filter(|m| swappable(m.label)) {
            if name_key(&s.text[m.span]) != m.key {
                continue;
            }
            full.entry(m.key.clone())
                .and_modify(|l| {
                    if *l != Some(m.label) {
                        *l = None
                    }
                })
                .or_insert(Some(m.label));
        }
    }
    for s in sources.iter_mut() {
        for m in s.mentions.iter_mut().filter(|m| swappable(m.label)) {
            let Some(&Some(label)) = full.get(&m.key) else {
                continue;
            };
            let shorter = s.text[m.span].split_whitespace().count() < m.key.split(' ').count();
            if shorter && label != m.label {
                m.label = label;
            }
        }
    }
}

/// Labels `names` gives a MISC name by its shape alone: a group, or else a thing.
fn guessed(label: Label) -> bool {
    matches!(label, Label::Norp | Label::Product)
}

/// A name one source writes is that name where another writes it again and the tagger
/// found it in pieces there (`names::whole_names`) or missed it ("Hunter voted against" in one
/// article, "Duncan Hunter" in another: `names::repeat_names`), with the names of every source.
fn repeat_across(sources: &mut [SourceNames]) {
    if sources.len() < 2 {
        return;
    }
    let mut known = names::KnownNames::default();
    for s in sources.iter() {
        known.add(s.text, s.seg, s.mentions);
    }
    let in_caps = |text: &str, seg: &Segmented, n: usize| {
        names::is_headline_in_capitals(text, seg, seg.sentences[n].tokens.clone())
    };
    // A name found whole somewhere replaces its pieces where a tagger split it.
    let joined: Vec<Vec<(std::ops::Range<usize>, Mention)>> = {
        let each: Vec<(&str, &Segmented, &[Mention])> = sources
            .iter()
            .map(|s| (s.text, s.seg, s.mentions.as_slice()))
            .collect();
        crate::each_source(&each, |&(text, seg, mentions)| {
            names::whole_names(text, seg, mentions, &|n| in_caps(text, seg, n), &known)
        })
    };
    for (s, whole) in sources.iter_mut().zip(joined) {
        for (pieces, m) in whole.into_iter().rev() {
            s.mentions.splice(pieces, [m]);
        }
    }
    let added: Vec<Vec<Mention>> = {
        let each: Vec<(&str, &Segmented, &[Mention])> = sources
            .iter()
            .map(|s| (s.text, s.seg, s.mentions.as_slice()))
            .collect();
        crate::each_source(&each, |&(text, seg, mentions)| {
            let mut taken = vec![false; seg.tokens.len()];
            let mut k = 0;
            for m in mentions {
                while k < taken.len() && seg.tokens[k].span.end <= m.span.start {
                    k += 1;
                }
                let mut j = k;
                while j < taken.len() && seg.tokens[j].span.start < m.span.end {
                    taken[j] = true;
                    j += 1;
                }
            }
            names::repeat_names(text, seg, &mut taken, &|n| in_caps(text, seg, n), &known)
        })
    };
    for (s, more) in sources.iter_mut().zip(added) {
        if !more.is_empty() {
            s.mentions.extend(more);
            s.mentions.sort_by_key(|m| m.span);
        }
    }
}

/// "Syrian Democratic Forces (SDF)": an acronym in brackets right after a name becomes a mention
/// of the same label when the tagger did not find it.
fn add_defined_acronyms(s: &mut SourceNames) {
    let toks = &s.seg.tokens;
    let mut added = Vec::new();
    let mut k = 0;
    for m in s.mentions.iter().filter(|m| m.label.is_name()) {
        // The first token starting at or after the mention's end: walked on from the last
        // mention's (mentions come in order; a search from the start for each cost a fifth
        // of this stage), searched for when a mention ends before the last.
        if k > 0 && toks[k - 1].span.start >= m.span.end {
            k = toks.partition_point(|t| t.span.start < m.span.end);
        }
        while k < toks.len() && toks[k].span.start < m.span.end {
            k += 1;
        }
        if k + 2 < toks.len() && &s.text[toks[k].span] == "(" && &s.text[toks[k + 2].span] == ")" {
            let inner = toks[k + 1].span;
            let t = &s.text[inner];
            // Mentions do not overlap one another: only the last few starting before the
            // acronym's end can overlap it (a search, not a scan, on a long text).
            let before = s.mentions.partition_point(|x| x.span.start < inner.end);
            let taken = s.mentions[..before]
                .iter()
                .rev()
                .take(4)
                .any(|x| x.span.overlaps(inner));
            if is_acronym_text(t) && !taken && could_abbreviate(&s.text[m.span], t) {
                added.push(Mention {
                    span: inner,
                    label: m.label,
                    key: name_key(t),
                    value: None,
                    iso: None,
                });
            }
        }
    }
    if !added.is_empty() {
        s.mentions.extend(added);
        s.mentions.sort_by_key(|m| m.span);
    }
}

/// True when `acronym` may stand for `name`: its first letter opens a word of the name
/// ("Kurdistan Workers' Party (PKK)"), as the agency after a dateline does not ("Ohio (AP)").
fn could_abbreviate(name: &str, acronym: &str) -> bool {
    let Some(first) = acronym.chars().find(|c| c.is_alphanumeric()) else {
        return false;
    };
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
        .any(|c| c.to_lowercase().eq(first.to_lowercase()))
}

/// Definitions: "NAME (ALIAS)", "NAME, also known as ALIAS", "NAME, known as ALIAS".
fn definitions(s: &SourceNames, uf: &mut UnionFind) {
    let names: Vec<&Mention> = s.mentions.iter().filter(|m| m.label.is_name()).collect();
    for w in names.windows(2) {
        let (a, b) = (w[0], w[1]);
        // Another class is one name only as an acronym that may stand for it: not the agency
        // after a dateline ("COLUMBUS, Ohio (AP)").
        if class(a.label) != class(b.label)
            && !(is_acronym_text(&s.text[b.span])
                && could_abbreviate(&s.text[a.span], &s.text[b.span]))
        {
            continue;
        }
        let between = &s.text[a.span.end..b.span.start];
        // Folding keeps every ASCII letter and digit, and the patterns have at most 15 bytes:
        // the sentences between most pairs of names need no folding.
        if between.bytes().filter(u8::is_ascii_alphanumeric).count() > 15 {
            continue;
        }
        let between = fold(between);
        let between = between.trim();
        let defines = between == "("
            || matches!(
                between,
                ", also known as"
                    | "also known as"
                    | ", known as"
                    | "known as"
                    | ", aka"
                    | "aka"
                    | "(also known as"
                    | ", or"
                    | "(or"
            );
        if defines {
            uf.union(
                &(a.key.clone(), class(a.label)),
                &(b.key.clone(), class(b.label)),
            );
        }
    }
}

/// Acronyms that spell the initials of a multi-word name in the same source.
fn acronyms(s: &SourceNames, uf: &mut UnionFind) {
    // Each expansion once, however often the text repeats it: the work stays linear in the text.
    let mut long: FnvMap<String, BTreeSet<Node>> = FnvMap::default();
    for m in s
        .mentions
        .iter()
        .filter(|m| m.label.is_name() && m.label != Label::Person && m.key.contains(' '))
    {
        long.entry(initials(without_company_suffix(&m.key)))
            .or_default()
            .insert((m.key.clone(), class(m.label)));
    }
    for m in s
        .mentions
        .iter()
        .filter(|m| m.label.is_name() && is_acronym_text(&s.text[m.span]))
    {
        // "PG&E" spells the initials of "Pacific Gas and Electric": "and" is no initial.
        let acronym: String = without_company_suffix(&m.key)
            .chars()
            .filter(|&c| c != ' ' && c != '&')
            .collect();
        if let Some(expansions) = long.get(&acronym) {
            for e in expansions {
                uf.union(&(m.key.clone(), e.1), e);
                if class(m.label) != e.1 {
                    uf.union(&(m.key.clone(), class(m.label)), &(m.key.clone(), e.1));
                }
            }
        }
    }
}

/// Across sources, an organisation's name that opens with the initials of another's opening
/// words and goes on the same is that one: "UAW Local 1843" in one outlet is "United Auto
/// Workers Local 1843" in another. (An acronym alone is matched within its source, where the
/// name it stands for is given; see [`acronyms`].)
fn acronyms_across(nodes: &[Node], uf: &mut UnionFind) {
    let orgs = || nodes.iter().filter(|n| n.1 == class(Label::Org));
    // Each name by the words after its first 2–5, keyed by their initials: linear in names.
    let mut long: FnvMap<(String, &str), Vec<&Node>> = FnvMap::default();
    for n in orgs() {
        let words: Vec<&str> = n.0.split(' ').collect();
        for k in 2..words.len().min(6) {
            let rest_start = words[..k].iter().map(|w| w.len() + 1).sum::<usize>();
            let head = initials(&words[..k].join(" "));
            if head.len() >= 2 {
                long.entry((head, &n.0[rest_start..])).or_default().push(n);
            }
        }
    }
    for n in orgs() {
        let Some((first, rest)) = n.0.split_once(' ') else {
            continue;
        };
        if !(2..=6).contains(&first.len()) || !first.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        if let Some([one]) = long.get(&(first.to_string(), rest)).map(Vec::as_slice) {
            uf.union(n, one);
        }
    }
}

/// One key under several classes is one entity: the tagger calls "Lohan" a person in one
/// article and an organisation in the next, "Creighton" a university here and a place there.
fn same_key_across_classes(nodes: &[Node], uf: &mut UnionFind) {
    for w in nodes.windows(2) {
        if w[0].0 == w[1].0 {
            uf.union(&w[0], &w[1]);
        }
    }
}

/// Words after a company's name that tell no company apart ("Microsoft Corp.").
const COMPANY_SUFFIXES: &[&str] = &[
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "co",
    "ltd",
    "llc",
    "plc",
    "ag",
    "sa",
    "gmbh",
];

/// Last words of a body that belongs to a place ("Calloway Supreme Court", "Harlow City
/// Council", "Harwick City Hall"): the words before them name the place, not the body.
const JURISDICTION_BODIES: &[&str] = &[
    "assembly",
    "council",
    "court",
    "department",
    "hall",
    "legislature",
    "parliament",
    "police",
    "senate",
];

/// Last words of a newspaper named for its town ("Calder Tribune"): the town alone is no
/// short name of it.
const PAPER_TITLES: &[&str] = &[
    "chronicle",
    "courier",
    "dispatch",
    "examiner",
    "gazette",
    "herald",
    "inquirer",
    "journal",
    "ledger",
    "observer",
    "tribune",
];

/// A key without a trailing company suffix ("pg&e corp" → "pg&e").
fn without_company_suffix(key: &str) -> &str {
    COMPANY_SUFFIXES
        .iter()
        .find_map(|suffix| key.strip_suffix(suffix).and_then(|r| r.strip_suffix(' ')))
        .unwrap_or(key)
}

/// An organisation's key without a leading place ("indianapolis colts", "us supreme court": a
/// place of the gazetteer or one the sources name) and a trailing company suffix, with the
/// place it dropped ("" when none).
fn org_core<'a>(key: &'a str, places: &FnvSet<&str>) -> (&'a str, &'a str) {
    let g = Gazetteer::get();
    let key = without_company_suffix(key);
    // The longest leading run of words that is a place, leaving at least one word. Before a
    // body of a place ("calloway supreme court"), one word that is no common word ("supreme")
    // is that place, whatever the tagger made of it.
    let spaces: Vec<usize> = key.match_indices(' ').map(|(i, _)| i).collect();
    let of_a_place = key
        .rsplit(' ')
        .next()
        .is_some_and(|w| JURISDICTION_BODIES.contains(&w));
    for &i in spaces.iter().rev() {
        let prefix = &key[..i];
        let place = places.contains(prefix)
            || matches!(
                g.lookup(prefix),
                Some(Kind::Name(Label::Gpe | Label::Loc | Label::Norp))
            )
            || (of_a_place && !prefix.contains(' ') && !Model::get().is_common_word(prefix));
        if place {
            return (&key[i + 1..], prefix);
        }
    }
    (key, "")
}

/// Organisations one leading place or company suffix apart are one ("Colts" = "Indianapolis
/// Colts", "Supreme Court" = "U.S. Supreme Court", "Microsoft" = "Microsoft Corp."), unless
/// two different places lead the same name ("Texas Supreme Court", "U.S. Supreme Court").
/// One word typed a person that is nobody's surname in the sources and no given name: the
/// tagger's guess for an unknown capitalised word ("Tarnwell said" of Tarnwell Corp.), free to
/// join an organisation's name.
fn lone_words(nodes: &[Node]) -> FnvSet<&Node> {
    let g = Gazetteer::get();
    let model = Model::get();
    // A person's name that opens with a common word and no given name is a description the
    // tagger ran into a name ("Carmaker Velmont"): its last word is nobody's surname.
    let surnames: FnvSet<&str> = nodes
        .iter()
        .filter(|n| n.1 == 0)
        .filter_map(|n| n.0.split_once(' ').map(|(first, _)| (first, n)))
        .filter(|(first, _)| g.is_first_name(first) || !model.is_common_word(first))
        .filter_map(|(_, n)| n.0.rsplit_once(' ').map(|(_, last)| last))
        .collect();
    nodes
        .iter()
        .filter(|n| {
            n.1 == 0
                && !n.0.contains(' ')
                && !surnames.contains(n.0.as_str())
                && !g.is_first_name(&n.0)
        })
        .collect()
}

fn org_prefixes(
    nodes: &[Node],
    lone: &FnvSet<&Node>,
    uf: &mut UnionFind,
    taken: &mut FnvSet<Node>,
) {
    let places: FnvSet<&str> = nodes
        .iter()
        .filter(|n| n.1 == 1)
        .map(|n| n.0.as_str())
        .collect();
    let mut by_core: BTreeMap<&str, Vec<(&Node, &str)>> = BTreeMap::new();
    for n in nodes.iter().filter(|n| n.1 == 3 || lone.contains(n)) {
        let (core, place) = org_core(&n.0, &places);
        by_core.entry(core).or_default().push((n, place));
    }
    for group in by_core.values().filter(|g| g.iter().any(|(n, _)| n.1 == 3)) {
        let mut places: Vec<&str> = group
            .iter()
            .map(|g| g.1)
            .filter(|p| !p.is_empty())
            .collect();
        places.sort_unstable();
        places.dedup();
        if places.len() <= 1 {
            for w in group.windows(2) {
                uf.union(w[0].0, w[1].0);
            }
            taken.extend(
                group
                    .iter()
                    .filter(|(n, _)| n.1 == 0)
                    .map(|(n, _)| (*n).clone()),
            );
        }
    }
}

/// The names that some source writes outside a headline: a title-case headline runs names
/// into the words around them ("Colts Beat Chiefs"), so a name seen only there is no sure name.
fn in_body(sources: &[SourceNames]) -> FnvSet<Node> {
    let mut out = FnvSet::default();
    for s in sources {
        let mut sentences = s.seg.sentences.iter().peekable();
        // The sentence last looked at and whether it is a headline.
        let mut seen: Option<(usize, bool)> = None;
        for m in s.mentions.iter().filter(|m| m.label.is_name()) {
            while sentences.next_if(|x| x.span.end <= m.span.start).is_some() {}
            let headline = sentences.peek().is_some_and(|x| match seen {
                Some((start, h)) if start == x.span.start => h,
                _ => {
                    let h = names::is_headline(s.text, s.seg, x.tokens.clone());
                    seen = Some((x.span.start, h));
                    h
                }
            });
            if !headline {
                out.insert((m.key.clone(), class(m.label)));
            }
        }
    }
    out
}

/// A distinctive name and the same name with common words after it are one ("Morningside" =
/// "Morningside Recovery", "Betty Ford Center" = "Betty Ford Treatment Center" = "Betty Ford
/// Clinic"): articles shorten a place or an institution to its distinctive part, or name it by
/// another common word. Not when the distinctive part is a known place, group or organisation
/// ("New York Times", "New York Police Department") or only common words ("Hunger Games",
/// "Hunger Strike"); never into a person's name, and only from names written in a body.
fn shortened(
    nodes: &[Node],
    in_body: &FnvSet<Node>,
    lone: &FnvSet<&Node>,
    uf: &mut UnionFind,
    taken: &mut FnvSet<Node>,
) {
    let g = Gazetteer::get();
    let model = Model::get();
    // A trade ends a business's name as a common word does: "Quandrix" of "Quandrix
    // Semiconductor".
    let common = |w: &str| model.is_common_word(w) || g.is_org_word(w) || names::ends_a_business(w);
    let distinctive = |p: &str| g.lookup(p).is_none() && !p.split(' ').all(common);
    let mut by_prefix: BTreeMap<&str, Vec<&Node>> = BTreeMap::new();
    // A body of a place or a paper named for its town is not its place: "Calloway Supreme
    // Court" is no "Calloway", nor the same body as "Calloway Legislature".
    let of_a_place = |key: &str| {
        key.rsplit(' ')
            .next()
            .is_some_and(|w| JURISDICTION_BODIES.contains(&w) || PAPER_TITLES.contains(&w))
    };
    for n in nodes
        .iter()
        .filter(|n| n.1 != 0 && in_body.contains(*n) && !of_a_place(&n.0))
    {
        // Every split into a distinctive part and a tail of common words.
        for (i, _) in n.0.match_indices(' ').collect::<Vec<_>>().into_iter().rev() {
            let (prefix, tail) = (&n.0[..i], &n.0[i + 1..]);
            if !tail.split(' ').all(common) {
                break;
            }
            if distinctive(prefix) {
                by_prefix.entry(prefix).or_default().push(n);
            }
        }
    }
    for (prefix, longer) in by_prefix {
        for w in longer.windows(2) {
            uf.union(w[0], w[1]);
        }
        // The distinctive part alone, unless it names a person.
        for class in [0, 1, 2, 3] {
            let short = (prefix.to_string(), class);
            if uf.ids.contains_key(&short) && (class != 0 || lone.contains(&short)) {
                uf.union(&short, longer[0]);
                if class == 0 && longer[0].1 == 3 {
                    taken.insert(short);
                }
            }
        }
    }
}

/// Words typed a person, or one word typed an organisation, which an organisation's name
/// written before them in the same source starts with, only common words after: the
/// organisation, shortened ("Mercy Valley Health … Mercy Valley said", plain words both; the
/// tagger took the short form for a person; "Meridian Terminals … Meridian has offered"). Not
/// when a given name starts them ("Betty Ford") or the gazetteer knows them ("Green Bay").
fn shortened_after_full(
    sources: &[SourceNames],
    in_body: &FnvSet<Node>,
    uf: &mut UnionFind,
    taken: &mut FnvSet<Node>,
) {
    let g = Gazetteer::get();
    let model = Model::get();
    // A plural counts as its noun ("Terminals").
    let common = |w: &str| {
        model.is_common_word(w)
            || g.is_org_word(w)
            || w.strip_suffix('s')
                .is_some_and(|one| one.len() > 2 && model.is_common_word(one))
    };
    for s in sources {
        // Each name's first mention in this source, in text order.
        let mut first: Vec<Node> = Vec::new();
        let mut seen: FnvSet<Node> = FnvSet::default();
        for m in s.mentions.iter().filter(|m| m.label.is_name()) {
            let n = (m.key.clone(), class(m.label));
            if seen.insert(n.clone()) {
                first.push(n);
            }
        }
        for (i, n) in first.iter().enumerate() {
            // Several words typed a person, or one word typed an organisation ("Meridian
            // has offered" after "Meridian Terminals").
            let guess = (n.1 == 0 && n.0.contains(' ') || n.1 == 3 && !n.0.contains(' '))
                && !n.0.split(' ').next().is_some_and(|w| g.is_first_name(w))
                && g.lookup(&n.0).is_none();
            if !guess {
                continue;
            }
            let full = first[..i].iter().find(|o| {
                o.1 == 3
                    && in_body.contains(*o)
                    && o.0
                        .strip_prefix(n.0.as_str())
                        .and_then(|t| t.strip_prefix(' '))
                        .is_some_and(|tail| tail.split(' ').all(common))
            });
            if let Some(o) = full {
                uf.union(n, o);
                taken.insert(n.clone());
            }
        }
    }
}

/// A name seen only in headlines that starts or ends with a name written in a body is that
/// name: the tagger ran it into the headline's words ("Wladimir Klitschko Cruises" is Wladimir
/// Klitschko, "Nab Teixeira" is Teixeira). Not when the rest names something too ("Colts Beat
/// Chiefs", "Obama Reverses Bush Rule"), nor when it ends as an organisation does ("New York
/// Times").
fn headline_names(nodes: &[Node], in_body: &FnvSet<Node>, uf: &mut UnionFind) {
    let g = Gazetteer::get();
    let body: FnvMap<&str, &Node> = nodes
        .iter()
        .filter(|n| in_body.contains(*n))
        .map(|n| (n.0.as_str(), n))
        .collect();
    for n in nodes.iter().filter(|n| !in_body.contains(*n)) {
        if g.lookup(&n.0).is_some() {
            continue;
        }
        let words: Vec<&str> = n.0.split(' ').collect();
        // The longest name from a body at the start, and at the end, with the rest.
        let at_start = (1..words.len()).rev().find_map(|k| {
            body.get(words[..k].join(" ").as_str())
                .map(|b| (*b, &words[k..]))
        });
        let at_end = (1..words.len()).find_map(|k| {
            body.get(words[k..].join(" ").as_str())
                .map(|b| (*b, &words[..k]))
        });
        let (name, rest) = match (at_start, at_end) {
            (Some(x), None) | (None, Some(x)) => x,
            _ => continue,
        };
        // The rest names nothing a body writes, alone or two words together.
        let names_more = rest.iter().any(|w| body.contains_key(w))
            || rest
                .windows(2)
                .any(|w| body.contains_key(w.join(" ").as_str()));
        if names_more || rest.iter().any(|w| g.is_org_word(w)) {
            continue;
        }
        uf.union(n, name);
    }
}

/// Keys of one class within one edit of each other, both at least `MIN_LEN` long, merge. Pairs
/// come from shared single-deletion variants, never from all pairs.
const MIN_LEN: usize = 8;

fn misspellings(nodes: &[Node], uf: &mut UnionFind) {
    let mut variants: FnvMap<(String, u8), Vec<usize>> = FnvMap::default();
    let long: Vec<&Node> = nodes
        .iter()
        .filter(|n| n.0.chars().count() >= MIN_LEN)
        .collect();
    for (i, n) in long.iter().enumerate() {
        let chars: Vec<char> = n.0.chars().collect();
        variants.entry((n.0.clone(), n.1)).or_default().push(i);
        for d in 0..chars.len() {
            let v: String = chars
                .iter()
                .enumerate()
                .filter(|&(k, _)| k != d)
                .map(|(_, c)| c)
                .collect();
            variants.entry((v, n.1)).or_default().push(i);
        }
    }
    for ids in variants.values() {
        for w in ids.windows(2) {
            let (a, b) = (long[w[0]], long[w[1]]);
            // The first letters agree and the names are not two different numbers of words.
            if a != b
                && a.0.chars().next() == b.0.chars().next()
                && a.0.split(' ').count() == b.0.split(' ').count()
            {
                uf.union(a, b);
            }
        }
    }
}

/// Suffixes after a surname that tell no one apart from the name before them.
const GENERATIONS: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// The words of a person key that say who it is: without a nickname in quotes or brackets
/// ("vincent "the chin" gigante"), leading titles and roles ("actress lindsay lohan", "mr
/// jenkin": a title of the gazetteer, or a common word that is no given name), a generational
/// suffix ("comeaux jr") or initials before the surname when a given name is there too
/// ("donald j trump", "w mark felt"). At least one word is kept.
fn person_words(key: &str) -> Vec<&str> {
    let g = Gazetteer::get();
    let model = Model::get();
    let quote = |c: char| matches!(c, '"' | '\'' | '“' | '”' | '(' | ')');
    let mut w: Vec<&str> = Vec::new();
    let mut nickname = false;
    for x in key.split(' ').filter(|x| !x.is_empty()) {
        // A quoted or bracketed nickname says no more than the name around it.
        if x.starts_with(quote) {
            nickname = true;
        }
        if !nickname {
            w.push(x);
        }
        if x.ends_with(quote) {
            nickname = false;
        }
    }
    if w.is_empty() {
        w = key.split(' ').collect();
    }
    let role = |x: &str| {
        matches!(g.lookup(x), Some(Kind::Title)) || (model.is_common_word(x) && !g.is_first_name(x))
    };
    while w.len() > 1 && role(w[0]) {
        w.remove(0);
    }
    while w.len() > 1 && w.last().is_some_and(|x| GENERATIONS.contains(x)) {
        w.pop();
    }
    let initial = |x: &str| x.chars().count() == 1;
    if w.iter().filter(|x| !initial(x)).count() >= 2 {
        let last = w.len() - 1;
        w = w
            .iter()
            .enumerate()
            .filter(|&(k, x)| k == last || !initial(x))
            .map(|(_, x)| *x)
            .collect();
    }
    // A pet form of a given name says who as the formal name does ("tom bellamy" is "thomas
    // bellamy"); a lone word is a surname, not a given name.
    if w.len() >= 2 {
        if let Some(formal) = pet_names().get(w[0]) {
            w[0] = formal;
        }
    }
    w
}

/// Pet forms of given names, folded, each to its formal name (`data/gazetteers/pet_names.txt`).
fn pet_names() -> &'static FnvMap<String, String> {
    static T: OnceLock<FnvMap<String, String>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = FnvMap::default();
        let data = include_str!("../../data/gazetteers/pet_names.txt");
        for line in data
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let mut names = line.split('|').map(|n| fold(n.trim()));
            if let Some(formal) = names.next() {
                for pet in names {
                    t.insert(pet, formal.clone());
                }
            }
        }
        t
    })
}

/// The one-word nickname in quotes or brackets in a person key ("luis gerardo (jerry) ortiz").
fn nickname(key: &str) -> Option<&str> {
    let quote = |c: char| matches!(c, '"' | '\'' | '“' | '”' | '(' | ')');
    key.split(' ')
        .find(|x| x.starts_with(quote) && x.ends_with(quote) && x.chars().count() > 2)
        .map(|x| x.trim_matches(quote))
}

/// True when `full` (person words) names the person that `short` (person words, fewer) may
/// stand for: its last words are `short` ("lindsay lohan" for "lohan", "saad al allaq" for "al
/// allaq").
fn ends_with_name(full: &[&str], short: &[&str]) -> bool {
    full.len() > short.len() && full.ends_with(short)
}

/// True when two full names (person words, two or more each) are one person's: the same given
/// name and surname, and any middle names agree ("mark jay heller" = "mark heller", not "mark
/// ray heller").
fn same_person(a: &[&str], b: &[&str]) -> bool {
    let (Some(fa), Some(fb), Some(la), Some(lb)) = (a.first(), b.first(), a.last(), b.last())
    else {
        return false;
    };
    if a.len() < 2 || b.len() < 2 || fa != fb || la != lb {
        return false;
    }
    let (ma, mb) = (&a[1..a.len() - 1], &b[1..b.len() - 1]);
    ma.is_empty() || mb.is_empty() || ma == mb
}

/// Within one source, a person named by fewer words ("Lohan", "Mr Jenkin") takes the key of
/// the fuller names in the same source that end with it, when they are all one person. Done
/// per source, before any merging, so that two people who share a surname never meet.
fn rewrite_surnames(s: &mut SourceNames) {
    let mut people: Vec<String> = s
        .mentions
        .iter()
        .filter(|m| m.label == Label::Person)
        .map(|m| m.key.clone())
        .collect();
    people.sort_unstable();
    people.dedup();
    let words: Vec<Vec<&str>> = people.iter().map(|k| person_words(k)).collect();
    // A fuller name ends with the same word: look among those alone, in order (all the
    // people against all was quadratic in a long text).
    let mut by_last: FnvMap<&str, Vec<usize>> = FnvMap::default();
    for (j, w) in words.iter().enumerate() {
        by_last
            .entry(w.last().copied().unwrap_or(""))
            .or_default()
            .push(j);
    }
    let mut rewrite: FnvMap<&str, &str> = FnvMap::default();
    for (k, short) in people.iter().zip(&words) {
        let same_last = by_last
            .get(short.last().copied().unwrap_or(""))
            .map_or(&[][..], Vec::as_slice);
        let full: Vec<usize> = same_last
            .iter()
            .copied()
            .filter(|&j| ends_with_name(&words[j], short))
            .collect();
        let one = full
            .iter()
            .all(|&j| full.iter().all(|&i| same_person(&words[i], &words[j])));
        // The fullest of them (then the first in order) stands for all.
        if let Some(&best) = full
            .iter()
            .max_by_key(|&&j| (words[j].len(), std::cmp::Reverse(j)))
        {
            if one {
                rewrite.insert(k.as_str(), people[best].as_str());
            }
        }
    }
    let rewrite: FnvMap<String, String> = rewrite
        .into_iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    for m in s.mentions.iter_mut().filter(|m| m.label == Label::Person) {
        if let Some(k) = rewrite.get(&m.key) {
            m.key = k.clone();
        }
    }
}

/// Across sources: full names of one person join ("Donald J. Trump" = "Donald Trump",
/// "Actress Lindsay Lohan" = "Lindsay Lohan"); then a name left short ("Lohan", "Mr Jenkin")
/// joins the fuller names anywhere that end with it, when they are by then one person. Two
/// people who share a surname ("Vitali Klitschko", "Wladimir Klitschko") keep it from joining
/// either.
fn surnames(
    nodes: &[Node],
    counts: &FnvMap<Node, usize>,
    in_body: &FnvSet<Node>,
    uf: &mut UnionFind,
) {
    let mut people: Vec<(&Node, Vec<&str>)> =
        nodes.iter().map(|n| (n, person_words(&n.0))).collect();
    // Longer names first: "arcade joseph comeaux" joins "convicted arcade joseph comeaux"
    // before "comeaux" looks for the one person it may be.
    people.sort_by_key(|(n, w)| (std::cmp::Reverse(w.len()), *n));
    // Full names, grouped by given name and surname; a name with a nickname is in the group of
    // the nickname too ("Luis Gerardo (Jerry) Ortiz" is "Jerry Ortiz").
    type Group<'a> = Vec<(usize, Vec<&'a str>)>;
    let mut by_ends: BTreeMap<(&str, &str), Group> = BTreeMap::new();
    for (i, (n, w)) in people.iter().enumerate() {
        if let (2.., Some(first), Some(last)) = (w.len(), w.first(), w.last()) {
            by_ends
                .entry((first, last))
                .or_default()
                .push((i, w.clone()));
            if let Some(nick) = nickname(&n.0) {
                by_ends
                    .entry((nick, last))
                    .or_default()
                    .push((i, vec![nick, last]));
            }
        }
    }
    for group in by_ends.values() {
        let one = group
            .iter()
            .all(|(_, a)| group.iter().all(|(_, b)| same_person(a, b)));
        // A name the tagger typed otherwise joins only a person's name.
        if one && group.iter().any(|&(i, _)| people[i].0 .1 == 0) {
            for w in group.windows(2) {
                uf.union(people[w[0].0].0, people[w[1].0].0);
            }
        }
    }
    // Mentions per cluster, as the full names have made them.
    let mut size: FnvMap<usize, usize> = FnvMap::default();
    for n in nodes {
        *size.entry(uf.root(uf.ids[n])).or_default() += counts.get(n).copied().unwrap_or(0);
    }
    // The people's full names written in a body, by surname; a name typed otherwise that
    // starts with a given name counts ("Milan Brezina" typed an organisation still keeps
    // "Brezina" from Anton Brezina).
    let g = Gazetteer::get();
    let mut by_surname: FnvMap<&str, Vec<usize>> = FnvMap::default();
    for (i, (n, w)) in people.iter().enumerate() {
        if let (2.., Some(first), Some(last)) = (w.len(), w.first(), w.last()) {
            if in_body.contains(*n) && (n.1 == 0 || g.is_first_name(first)) {
                by_surname.entry(last).or_default().push(i);
            }
        }
    }
    for (short, words) in &people {
        // A surname the tagger typed otherwise ("Teixeira" as a group): one uncommon word.
        if short.1 != 0
            && (short.1 == 1 || short.0.contains(' ') || Model::get().is_common_word(&short.0))
        {
            continue;
        }
        let Some(candidates) = words.last().and_then(|last| by_surname.get(last)) else {
            continue;
        };
        let mut roots: Vec<usize> = candidates
            .iter()
            .map(|&i| &people[i])
            .filter(|(_, full)| ends_with_name(full, words))
            .map(|(n, _)| uf.root(uf.ids[*n]))
            .collect();
        roots.sort_unstable();
        roots.dedup();
        // Several people: the one the sources name far more often than all the others.
        roots.sort_by_key(|r| std::cmp::Reverse(size[r]));
        let dominant = match roots[..] {
            [root] => Some(root),
            [top, ref rest @ ..]
                if size[&top] >= DOMINANCE * rest.iter().map(|r| size[r]).sum::<usize>() =>
            {
                Some(top)
            }
            _ => None,
        };
        if let Some(root) = dominant {
            let own = uf.ids[*short];
            uf.union_ids(own, root);
        }
    }
}

/// How many times more mentions the main bearer of a surname needs than all others together for
/// the bare surname to be theirs.
const DOMINANCE: usize = 3;
