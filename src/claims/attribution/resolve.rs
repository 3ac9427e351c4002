//! Who a source stands for, within one text: a name inside it, else the speaker a pronoun
//! ("he said"), a relative pronoun ("Trump, who said") or a description ("the company said",
//! "the official added") refers to. Light coreference: the claims stage resolves its claims'
//! attributions in text order, each looking back at the speakers and names of the sentences
//! before it.
//!
//! - **he/she**: the speaker of the nearest sentence before (a few at most) who is a person,
//!   else that sentence's first person named outside quotation marks; a gender is used only
//!   when the text tells it (a title before the name: "Mr.", "Ms.", or a pronoun already
//!   resolved to that person), else any person fits. An unnamed speaker ("an official …
//!   he added") leaves the pronoun unnamed: anonymous.
//! - **who/which/that**: the name just before it ("Trump, who said"); a description before it
//!   ("an official, who asked not to be named") makes the source anonymous.
//! - **the official / the company**: the nearest speaker of that sort (a person, an
//!   organisation) before it; an organisation may also be the nearest one named. A description
//!   that refers to no one named is anonymous, and so is one whose head an unnamed speaker had
//!   ("a security expert said …" … "the security expert") when no one named bears it as a title.
//!
//! Whether a source is named then follows its span ([`Resolver::resolve`]): a name of a
//! person, organisation, group or place in it, or an entity it refers to, is named; a bare
//! description ("an official", "a security expert", "sources") is anonymous, and so is a pronoun
//! that stands for no one the text names ("They said").

use super::lexicon::{
    ANONYMOUS_HEADS, BYSTANDERS, FEMALE_TITLES, MALE_TITLES, ORG_DESCRIPTIONS, PERSON_DESCRIPTIONS,
    PRONOUNS, RELATIVES,
};
use super::quotes::quoted_tokens;
use super::{Attribution, AttributionKind};
use crate::entities::{Label, Mention};
use crate::hash::FnvMap;
use crate::segment::{Segmented, TokenKind};
use crate::span::Span;

/// Heads of a description that may stand for any business named before ("the company").
const BUSINESS_HEADS: &[&str] = &[
    "company",
    "firm",
    "group",
    "bank",
    "airline",
    "carrier",
    "network",
    "newspaper",
    "paper",
    "corporation",
    "corp",
    "manufacturer",
    "maker",
    "retailer",
    "insurer",
    "lender",
    "broadcaster",
    "channel",
    "magazine",
    "outlet",
    "site",
    "website",
    "chain",
    "operator",
    "giant",
    "conglomerate",
    "startup",
    "utility",
    "provider",
    "supplier",
    "automaker",
    "carmaker",
    "chipmaker",
    "drugmaker",
    "publisher",
    "railroad",
    "railway",
];

/// Last words of an organisation's name that make it an institution, not a business.
const INSTITUTION_WORDS: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "police",
    "council",
    "committee",
    "court",
    "party",
    "union",
    "association",
    "army",
    "government",
    "commission",
    "office",
    "parliament",
    "airport",
    "university",
    "college",
    "school",
    "bureau",
    "authority",
    "administration",
    "embassy",
];

/// Sorts of organisation, to tell whether a description ("the union") can be a body named
/// ("the Nordic Aviators Association") or described before ("the company").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sort {
    Business,
    Labour,
    Government,
    Justice,
    Force,
    Party,
    School,
}

/// The sort of organisation a head or a name's last word says, if any.
fn sort_of(word: &str) -> Option<Sort> {
    Some(match word {
        "union" | "association" | "federation" | "guild" | "syndicate" => Sort::Labour,
        "ministry" | "department" | "government" | "office" | "agency" | "bureau"
        | "administration" | "authority" | "commission" | "embassy" | "council" | "parliament"
        | "committee" | "board" | "cabinet" | "service" => Sort::Government,
        "court" | "tribunal" => Sort::Justice,
        "police" | "army" | "navy" | "military" | "force" | "forces" => Sort::Force,
        "party" | "movement" | "campaign" | "coalition" => Sort::Party,
        "university" | "college" | "school" | "institute" => Sort::School,
        w if BUSINESS_HEADS.contains(&w) => Sort::Business,
        "airways" | "airlines" | "inc" | "corp" | "ltd" | "llc" | "plc" | "holdings" => {
            Sort::Business
        }
        w if crate::entities::names::ends_a_business(w) => Sort::Business,
        _ => return None,
    })
}

/// The most sentences looked back at for the speaker of a pronoun or a description.
const LOOK_BACK: usize = 6;

/// Words that say a speaker asked not to be named.
const UNNAMED_BY_REQUEST: &[&str] = &[
    "condition of anonymity",
    "not to be named",
    "not to be identified",
    "declined to be named",
    "declined to be identified",
    "not authorized to speak",
    "not authorised to speak",
];

/// Who spoke in a sentence, as resolved.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Speaker {
    /// A name mention (index into the mentions).
    Named(usize),
    /// An unnamed person ("an official") or organisation ("a ministry").
    Anonymous { person: bool },
}

/// What "they" stands for.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Group {
    /// A people or party named (a mention index).
    Named(usize),
    /// An unnamed group's phrase.
    Unnamed(Span),
}

/// How many sentences back "they" looks for its group.
const GROUP_LOOK_BACK: usize = 3;

/// True when `head` heads a phrase for many ("prosecutors", "police", "court documents"): a
/// plural noun, or one of the words that are plural without an "s".
fn is_group(head: &str) -> bool {
    matches!(
        head,
        "police" | "people" | "staff" | "media" | "data" | "military"
    ) || (head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !head.ends_with("us")
        && !head.ends_with("is")
        && head.chars().all(|c| c.is_alphabetic()))
}

/// What a person's pronoun says of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Male,
    Female,
    /// Told both ways: no use.
    Unknown,
}

/// Resolves the sources of one text's attributions, sentence after sentence.
pub struct Resolver<'a> {
    text: &'a str,
    seg: &'a Segmented,
    mentions: &'a [Mention],
    /// Whether each token lies inside quotation marks.
    quoted: Vec<bool>,
    /// Each sentence's speaker, once its attribution was resolved.
    speakers: Vec<Option<Speaker>>,
    /// Each sentence's source names an institution in its words ("the FBI's field office"),
    /// once resolved: no business ("the company") refers to it.
    institutions: Vec<bool>,
    /// Each sentence's source head when it is an unnamed organisation ("the national
    /// statistics office": "office"): a later "the bank" is another body.
    org_descriptions: Vec<Option<String>>,
    /// People's genders by entity key, as titles and resolved pronouns tell them.
    genders: FnvMap<&'a str, Gender>,
    /// The people each title names in the text ("mayor": "Riverton Mayor Daniel Okafor",
    /// "The mayor of Riverton, Daniel Okafor", "Linda Moss, the council president"): by title
    /// word, every mention of them, in text order.
    titled: FnvMap<&'a str, Vec<usize>>,
    /// Heads of the unnamed people who spoke so far ("a security expert" → "expert"): "the
    /// security expert" later is that one, not whoever was named since.
    described: crate::hash::FnvSet<String>,
    /// The description each organisation was resolved from ("the union" → the Nordic
    /// Aviators Association): by entity key, the head. A company called "the company" is no
    /// "union" later.
    org_heads: FnvMap<&'a str, &'static str>,
    /// Each sentence's source when it is an unnamed group ("Federal prosecutors", "Police",
    /// "they" standing for one): a later "they" stands for it.
    groups: Vec<Option<Span>>,
    /// Each sentence's source when it is a person the text does not name ("one nurse", or
    /// "she" standing for her): a later "he" or "she" stands for them.
    unnamed_people: Vec<Option<Span>>,
    /// The longest name of each organisation by entity key, in lower case ("northway bank"
    /// for "Northway" and "Northway Bank"): its last word tells its sort.
    full_names: FnvMap<&'a str, String>,
}

/// How many words before a person's name, or after the comma that follows it, a title is
/// looked for.
const TITLE_REACH: usize = 6;

/// The labels of names that can speak.
fn speaks(label: Label) -> bool {
    matches!(
        label,
        Label::Person | Label::Org | Label::Gpe | Label::Norp | Label::Fac
    )
}

/// The labels of organisations and the places and groups that speak as one.
fn org_like(label: Label) -> bool {
    matches!(label, Label::Org | Label::Gpe | Label::Norp | Label::Fac)
}

impl<'a> Resolver<'a> {
    /// A resolver for `text`; `mentions` sorted by span, their keys final.
    pub fn new(text: &'a str, seg: &'a Segmented, mentions: &'a [Mention]) -> Resolver<'a> {
        let mut r = Resolver {
            text,
            seg,
            mentions,
            quoted: quoted_tokens(text, seg),
            speakers: vec![None; seg.sentences.len()],
            institutions: vec![false; seg.sentences.len()],
            org_descriptions: vec![None; seg.sentences.len()],
            genders: FnvMap::default(),
            titled: FnvMap::default(),
            described: Default::default(),
            org_heads: FnvMap::default(),
            groups: vec![None; seg.sentences.len()],
            unnamed_people: vec![None; seg.sentences.len()],
            full_names: FnvMap::default(),
        };
        for m in mentions.iter().filter(|m| org_like(m.label)) {
            let name = text[m.span].to_lowercase();
            let longer = r
                .full_names
                .get(m.key.as_str())
                .is_none_or(|n| n.split(' ').count() < name.split(' ').count());
            if longer {
                r.full_names.insert(m.key.as_str(), name);
            }
        }
        // What an acronym stands for, when the text never spells it out ("FBI": "Federal Bureau
        // of Investigation", a bureau).
        for m in mentions.iter().filter(|m| org_like(m.label)) {
            if let Some(long) = crate::entities::aliases::longest_known_name(&m.key) {
                let words = long.split(' ').count();
                if r.full_names
                    .get(m.key.as_str())
                    .is_none_or(|n| n.split(' ').count() < words)
                {
                    r.full_names.insert(m.key.as_str(), long.to_string());
                }
            }
        }
        let mut titles_of: FnvMap<&str, Vec<&str>> = FnvMap::default();
        for (title, key) in r.find_titles() {
            let list = titles_of.entry(key).or_default();
            if !list.contains(&title) {
                list.push(title);
            }
        }
        for (k, m) in mentions.iter().enumerate() {
            if m.label != Label::Person {
                continue;
            }
            for &title in titles_of.get(m.key.as_str()).into_iter().flatten() {
                r.titled.entry(title).or_default().push(k);
            }
        }
        // A title before a person's name tells their gender: "Mr. Yilmaz", "Ms. Lindqvist".
        for m in mentions.iter().filter(|m| m.label == Label::Person) {
            let k = seg.tokens.partition_point(|t| t.span.start < m.span.start);
            let Some(prev) = k.checked_sub(1).map(|j| &seg.tokens[j]) else {
                continue;
            };
            let mut word = text[prev.span].to_lowercase();
            if word == "." && k >= 2 {
                word = text[seg.tokens[k - 2].span].to_lowercase();
            }
            let gender = if MALE_TITLES.contains(&word.as_str()) {
                Gender::Male
            } else if FEMALE_TITLES.contains(&word.as_str()) {
                Gender::Female
            } else {
                continue;
            };
            r.learn(&m.key, gender);
        }
        r
    }

    /// Each person's titles, from the words that go with their name: before it in one noun
    /// phrase ("Transport Minister Dewi Hartono", "The mayor of Riverton, Daniel Okafor") or
    /// after it in apposition ("Linda Moss, the council president,"). Only words of
    /// [`PERSON_DESCRIPTIONS`] are titles.
    fn find_titles(&self) -> Vec<(&'a str, &'a str)> {
        let text = self.text;
        let tokens = &self.seg.tokens;
        let mut out = Vec::new();
        for m in self.mentions.iter().filter(|m| m.label == Label::Person) {
            let first = tokens.partition_point(|t| t.span.start < m.span.start);
            let last = tokens.partition_point(|t| t.span.start < m.span.end);
            let title = |k: usize| {
                let w = text[tokens[k].span].to_lowercase();
                PERSON_DESCRIPTIONS
                    .iter()
                    .find(|d| **d == w)
                    .filter(|d| !matches!(**d, "man" | "woman" | "father" | "mother"))
                    .copied()
            };
            // Before: words back to the sentence's start, a clause's end or another name; one
            // comma may stand between the title's phrase and the name.
            let mut commas = 0;
            for k in (first.saturating_sub(TITLE_REACH)..first).rev() {
                let t = &text[tokens[k].span];
                if t == "," {
                    commas += 1;
                    if commas > 1 || k + 1 != first {
                        break;
                    }
                    continue;
                }
                if matches!(t, ";" | ":" | "\"" | "“" | "”" | "(" | ")")
                    || (t == "." && k > 0 && text[tokens[k - 1].span].len() > 3)
                    || self.starts_sentence(tokens[k + 1].span.start)
                {
                    break;
                }
                if let Some(d) = title(k) {
                    out.push((d, m.key.as_str()));
                    break;
                }
            }
            // After: ", the council president," or ", a spokesman for".
            if tokens.get(last).is_some_and(|t| &text[t.span] == ",") {
                for k in last + 1..(last + 1 + TITLE_REACH).min(tokens.len()) {
                    let t = &text[tokens[k].span];
                    if matches!(t, "," | "." | ";" | ":" | "of" | "for" | "at") {
                        break;
                    }
                    if let Some(d) = title(k) {
                        out.push((d, m.key.as_str()));
                        break;
                    }
                }
            }
        }
        out
    }

    /// True when a sentence starts at byte `at` (sentences are in text order).
    fn starts_sentence(&self, at: usize) -> bool {
        let s = &self.seg.sentences;
        s.get(s.partition_point(|s| s.span.start < at))
            .is_some_and(|s| s.span.start == at)
    }

    /// The latest mention before byte `before` of a person the text gives title `head`.
    fn titled(&self, head: &str, before: usize) -> Option<usize> {
        let list = self.titled.get(head)?;
        let end = self.mentions.partition_point(|m| m.span.end <= before);
        list.partition_point(|&k| k < end)
            .checked_sub(1)
            .map(|i| list[i])
    }

    fn learn(&mut self, key: &'a str, gender: Gender) {
        let g = self.genders.entry(key).or_insert(gender);
        if *g != gender {
            *g = Gender::Unknown;
        }
    }

    /// Fills `a.resolved` and sets `a.kind` by its source for the attribution of sentence
    /// `index`. Sentences are to be resolved in text order.
    pub fn resolve(&mut self, index: usize, a: &mut Attribution) {
        let Some(source) = a.source else {
            return;
        };
        if index >= self.speakers.len() || source.end > self.text.len() {
            return;
        }
        let words: Vec<&str> = self.text[source]
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'))
            .filter(|w| !w.is_empty())
            .collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        // The head: the last word before a preposition or a comma ("the head of military
        // intelligence", "the official, who …").
        let raw: Vec<&str> = self.text[source].split_whitespace().collect();
        let mut end = lower.len();
        for (k, w) in lower.iter().enumerate() {
            if k > 0
                && matches!(
                    w.as_str(),
                    "of" | "at" | "for" | "from" | "in" | "with" | "on"
                )
            {
                end = k;
                break;
            }
            if raw.get(k).is_some_and(|r| r.ends_with(',')) && raw.len() == lower.len() {
                end = k + 1;
                break;
            }
        }
        let head = lower[..end]
            .last()
            .map(|w| w.trim_end_matches('.'))
            .unwrap_or("");
        let org_head = ORG_DESCRIPTIONS.contains(&head);
        let person_head =
            PERSON_DESCRIPTIONS.contains(&head) || (ANONYMOUS_HEADS.contains(&head) && !org_head);
        // "A senior Meridian executive", "an official, speaking on condition of anonymity": a
        // person the text does not name, whatever organisation or place it names.
        let described_only = end == lower.len()
            && person_head
            && matches!(lower.first().map(String::as_str), Some("a" | "an"));
        // "Passengers on Baltic Skyways Flight 402": people the phrase after them places,
        // speaking for no one it names.
        let bystanders = BYSTANDERS.contains(&head)
            && lower.get(end).is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "of" | "at" | "for" | "from" | "in" | "with" | "on"
                )
            });
        let (speaker, kind) = if described_only || bystanders || self.unnamed_by_request(index) {
            (
                Some(Speaker::Anonymous { person: true }),
                AttributionKind::Anonymous,
            )
        } else if let Some(m) = self.name_in(source) {
            (Some(Speaker::Named(m)), AttributionKind::Named)
        } else if lower.len() == 1 && matches!(head, "he" | "she") {
            let gender = if head == "he" {
                Gender::Male
            } else {
                Gender::Female
            };
            match self.person_before(index, Some(gender), true) {
                Some(Speaker::Named(m)) => {
                    self.learn(&self.mentions[m].key, gender);
                    (Some(Speaker::Named(m)), AttributionKind::Named)
                }
                Some(anonymous) => {
                    // Who the pronoun stands for: the unnamed person who spoke last.
                    a.stands_for = (index.saturating_sub(LOOK_BACK)..index)
                        .rev()
                        .find(|&s| self.speakers[s] == Some(anonymous))
                        .and_then(|s| self.unnamed_people[s]);
                    (Some(anonymous), AttributionKind::Anonymous)
                }
                // No one before it: a pronoun names no one.
                None => (None, AttributionKind::Anonymous),
            }
        } else if lower.len() == 1 && head == "it" {
            // "It said": the organisation that spoke or was named before.
            match self.org_before(index, source.start, head, &[]) {
                Some(Speaker::Named(m)) => (Some(Speaker::Named(m)), AttributionKind::Named),
                _ => (
                    Some(Speaker::Anonymous { person: false }),
                    AttributionKind::Anonymous,
                ),
            }
        } else if lower.len() == 1 && RELATIVES.contains(&head) {
            match self.antecedent(source) {
                Some(m) => (Some(Speaker::Named(m)), AttributionKind::Named),
                None => (None, AttributionKind::Anonymous),
            }
        } else if let (true, Some(m)) = (
            person_head
                && lower.len() == 2
                && (lower[0].ends_with("'s") || lower[0].ends_with("’s")),
            self.titled(head, source.start),
        ) {
            // "Okafor's lawyer said": the person the text calls a lawyer, if any.
            (Some(Speaker::Named(m)), AttributionKind::Named)
        } else if lower.first().is_some_and(|w| w == "the")
            && (person_head || org_head)
            && words[1..end]
                .iter()
                .enumerate()
                .all(|(k, w)| !w.starts_with(char::is_uppercase) || based_at(&lower[1..end], k))
        {
            // Only a description of no other identity: "the official", "the former senator";
            // "the Turkish president" may be someone not named before.
            // "the official", "the company": a speaker named before, else anonymous.
            // A title the text gives someone is that person ("the mayor": "Mayor Daniel
            // Okafor"), not whoever spoke last.
            let found = if org_head {
                self.org_before(index, source.start, head, &lower[1..end.max(2) - 1])
            } else if let Some(m) = self.titled(head, source.start) {
                Some(Speaker::Named(m))
            } else if self.described.contains(head) {
                // "A security expert said …" before: "the security expert" is that one.
                None
            } else if lower[1..end.max(2) - 1]
                .iter()
                .any(|w| !PLAIN_MODIFIERS.contains(&w.as_str()))
            {
                // "the fire chief" is no one the text has not called a chief, however near
                // another speaker is; "the former official" may be the last who spoke.
                None
            } else {
                self.person_before(index, None, false)
            };
            if let (true, Some(Speaker::Named(m)), Some(h)) = (
                org_head,
                found,
                ORG_DESCRIPTIONS.iter().find(|d| **d == head),
            ) {
                self.org_heads
                    .entry(self.mentions[m].key.as_str())
                    .or_insert(h);
            }
            match found {
                Some(Speaker::Named(m)) => (Some(Speaker::Named(m)), AttributionKind::Named),
                _ => (
                    Some(Speaker::Anonymous { person: !org_head }),
                    AttributionKind::Anonymous,
                ),
            }
        } else if lower.len() == 1 && head == "they" {
            // "They said": the group that spoke just before, named ("Democrats") or not
            // ("Federal prosecutors": still anonymous, `stands_for` says which group).
            match self.group_before(index) {
                Some(Group::Named(m)) => (Some(Speaker::Named(m)), AttributionKind::Named),
                Some(Group::Unnamed(span)) => {
                    a.stands_for = Some(span);
                    self.groups[index] = Some(span);
                    (None, AttributionKind::Anonymous)
                }
                None => (None, AttributionKind::Anonymous),
            }
        } else if lower.len() == 1 && PRONOUNS.contains(&head) {
            // "They said", "we know": no one the text names.
            (None, AttributionKind::Anonymous)
        } else {
            let kind = self.kind_without_names(&words, &lower, a.kind);
            let speaker = (kind == AttributionKind::Anonymous && (person_head || org_head))
                .then_some(Speaker::Anonymous {
                    person: person_head,
                });
            (speaker, kind)
        };
        if kind == AttributionKind::Anonymous && person_head && !org_head {
            self.described.insert(head.to_string());
        }
        if kind == AttributionKind::Anonymous
            && is_group(head)
            && !matches!(lower[0].as_str(), "a" | "an" | "one")
        {
            self.groups[index] = Some(source);
        }
        a.kind = kind;
        a.resolved = match speaker {
            Some(Speaker::Named(m)) => Some(self.mentions[m].span),
            _ => None,
        };
        if speaker == Some(Speaker::Anonymous { person: true }) {
            self.unnamed_people[index] = a.stands_for.or(Some(source));
        }
        self.speakers[index] = speaker;
        self.institutions[index] = INSTITUTION_WORDS.contains(&head);
        if let Some(Speaker::Anonymous { person: false }) = speaker {
            self.org_descriptions[index] = Some(head.to_string());
        }
    }

    /// True when sentence `index` says its speaker would not be named ("speaking on condition
    /// of anonymity", "who asked not to be identified").
    fn unnamed_by_request(&self, index: usize) -> bool {
        let Some(sentence) = self.seg.sentences.get(index) else {
            return false;
        };
        let text = self.text[sentence.span].to_lowercase();
        UNNAMED_BY_REQUEST.iter().any(|p| text.contains(p))
    }

    /// The name that makes source `span` named: a person in it, else an organisation, else
    /// a place or a group that is the whole source ("Turkey said"; "Turkish officials" are
    /// unnamed).
    fn name_in(&self, span: Span) -> Option<usize> {
        let from = self.mentions.partition_point(|m| m.span.end <= span.start);
        let inside: Vec<usize> = (from..self.mentions.len())
            .take_while(|&k| self.mentions[k].span.start < span.end)
            .filter(|&k| span.contains(self.mentions[k].span) && speaks(self.mentions[k].label))
            .filter(|&k| {
                !self.past_the_head(span.start, self.mentions[k].span.start)
                    || self.named_after_a_title(span, k)
            })
            .collect();
        // The whole source, or the name a description after a comma goes on about ("Pacific
        // Power, the utility that serves the area").
        let whole = |k: &usize| {
            let m = self.mentions[*k].span;
            let rest = |s: &str| s.trim().is_empty() || s.trim().eq_ignore_ascii_case("the");
            let after = self.text[m.end..span.end].trim();
            rest(&self.text[span.start..m.start]) && (after.is_empty() || after.starts_with(','))
        };
        let by = |labels: &[Label]| {
            inside
                .iter()
                .copied()
                .find(|&k| labels.contains(&self.mentions[k].label))
        };
        // "Okafor's lawyer, Steven Price", "Tillman's defense attorney Greg Sato": the lawyer
        // speaks, not Okafor.
        let owner = |k: usize| {
            let rest = &self.text[self.mentions[k].span.end..span.end];
            let Some(after) = rest.strip_prefix("'s").or_else(|| rest.strip_prefix("’s")) else {
                return false;
            };
            let described = after.split_whitespace().take(3).any(|w| {
                let w = w.to_lowercase();
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                PERSON_DESCRIPTIONS.contains(&w) || ANONYMOUS_HEADS.contains(&w)
            });
            let person_after = inside.iter().any(|&j| {
                self.mentions[j].label == Label::Person
                    && self.mentions[j].span.start >= self.mentions[k].span.end
            });
            described || person_after
        };
        inside
            .iter()
            .copied()
            .find(|&k| self.mentions[k].label == Label::Person && !owner(k))
            .or_else(|| by(&[Label::Org, Label::Fac]).filter(|&k| !owner(k)))
            .or_else(|| inside.iter().copied().find(whole))
    }

    /// True when person `k` ends source `span` right after a word for what they are: the
    /// person is its head ("Oregon Department of Forestry spokesperson Jim Walsh").
    fn named_after_a_title(&self, span: Span, k: usize) -> bool {
        let m = &self.mentions[k];
        if !self.text[m.span.end..span.end].trim().is_empty() {
            return false;
        }
        let before = self.text[span.start..m.span.start]
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        match m.label {
            Label::Person => {
                PERSON_DESCRIPTIONS.contains(&before.as_str())
                    || ANONYMOUS_HEADS.contains(&before.as_str())
            }
            // "figures from the research firm Carver Auto Research": the firm is the name
            // the description goes on with, the one who speaks.
            Label::Org => ORG_DESCRIPTIONS.contains(&before.as_str()),
            _ => false,
        }
    }

    /// True when a name starting at byte `at` lies beyond the noun phrase a source starting at
    /// `start` is: more than a determiner after the first preposition ("the Turkish
    /// authorities of the arrest of 15 ISIS supporters": ISIS does not speak; "the head of
    /// Iraqi Military Intelligence", "a spokesman for the FBI" are of their names).
    fn past_the_head(&self, start: usize, at: usize) -> bool {
        let Some(before) = self.text.get(start..at) else {
            return false;
        };
        let words: Vec<String> = before
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .collect();
        // A name in a relative clause is what the source did, not who it is: "Current and
        // former officials who spoke with The Huffington Post".
        let relative = |w: &String| matches!(w.as_str(), "who" | "whose" | "which" | "that");
        if words.iter().skip(1).any(relative) {
            return true;
        }
        let prep = words.iter().skip(1).position(|w| {
            matches!(
                w.as_str(),
                "of" | "at" | "for" | "from" | "in" | "with" | "on"
            )
        });
        prep.is_some_and(|p| words.len() - (p + 2) > 1)
    }

    /// A source without a name in it: named when it is a web address ("wnd.com"), or when
    /// every word is capitalised like a name the tagger did not know ("Farrow", "WALLACE")
    /// and none is a description ("Officials"); anonymous when it is a description or a
    /// phrase with a determiner ("a security expert", "sources", "the documents"); else as
    /// the candidate had it (a pronoun with no one to refer to, a share of a poll).
    fn kind_without_names(
        &self,
        words: &[&str],
        lower: &[String],
        kind: AttributionKind,
    ) -> AttributionKind {
        let web = lower.iter().any(|w| {
            [".com", ".net", ".org", ".tv", ".news", ".info", ".uk"]
                .iter()
                .any(|end| w.ends_with(end) && w.len() > end.len())
        });
        if web {
            return AttributionKind::Named;
        }
        let described = lower.iter().any(|w| {
            let w = w.as_str();
            let singular = w.strip_suffix('s').unwrap_or(w);
            [w, singular].iter().any(|w| {
                ANONYMOUS_HEADS.contains(w)
                    || PERSON_DESCRIPTIONS.contains(w)
                    || ORG_DESCRIPTIONS.contains(w)
            })
        });
        let determiner = lower.first().is_some_and(|w| {
            matches!(
                w.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "these"
                    | "those"
                    | "some"
                    | "many"
                    | "most"
                    | "several"
                    | "two"
                    | "three"
                    | "other"
                    | "another"
                    | "one"
                    | "all"
            )
        });
        // A single plural at the start of a sentence is capitalised as any word there
        // ("Jihadists are urged").
        let plural = words.len() == 1 && words[0].ends_with('s');
        let name_like = !words.is_empty()
            && !plural
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && !w.chars().all(|c| c.is_ascii_digit() || c == '.')
            });
        if determiner || (described && (words.len() == 1 || !name_like)) {
            AttributionKind::Anonymous
        } else if name_like && words.len() <= 4 {
            AttributionKind::Named
        } else {
            kind
        }
    }

    /// The name just before a relative pronoun ("Trump, who"), with only commas between.
    fn antecedent(&self, relative: Span) -> Option<usize> {
        let k = self
            .mentions
            .partition_point(|m| m.span.end <= relative.start);
        let m = k.checked_sub(1)?;
        let between = self.text.get(self.mentions[m].span.end..relative.start)?;
        (speaks(self.mentions[m].label) && between.chars().all(|c| c == ',' || c.is_whitespace()))
            .then_some(m)
    }

    /// The token index of byte offset `at`'s token.
    fn token_at(&self, at: usize) -> usize {
        self.seg.tokens.partition_point(|t| t.span.end <= at)
    }

    /// The person a pronoun of `gender` (or a person's description, `gender` None) in
    /// sentence `index` refers to: the nearest sentence before it whose speaker is a person
    /// (named, or not: then no name), else, when `mentions`, whose first person named outside
    /// quotation marks fits.
    fn person_before(
        &self,
        index: usize,
        gender: Option<Gender>,
        mentions: bool,
    ) -> Option<Speaker> {
        let fits = |m: usize| {
            let mention = &self.mentions[m];
            mention.label == Label::Person
                && match (gender, self.genders.get(mention.key.as_str())) {
                    (Some(g), Some(&known)) => known == g || known == Gender::Unknown,
                    _ => true,
                }
        };
        for s in (index.saturating_sub(LOOK_BACK)..index).rev() {
            match self.speakers[s] {
                Some(Speaker::Named(m)) if fits(m) => return Some(Speaker::Named(m)),
                Some(Speaker::Anonymous { person: true }) => {
                    return Some(Speaker::Anonymous { person: true })
                }
                _ => {}
            }
            if mentions {
                if let Some(m) = self.unquoted_in(s).find(|&m| fits(m)) {
                    return Some(Speaker::Named(m));
                }
            }
        }
        None
    }

    /// The group "they" in sentence `index` stands for: the speaker of the nearest sentence
    /// before (a few at most) that has one, when it is a group: an unnamed one ("Police said
    /// …"), or a people or party named ("Democrats"). A single speaker nearer ("Mayor Ann Lowe
    /// said …") leaves "they" unresolved.
    fn group_before(&self, index: usize) -> Option<Group> {
        for s in (index.saturating_sub(GROUP_LOOK_BACK)..index).rev() {
            if let Some(span) = self.groups[s] {
                return Some(Group::Unnamed(span));
            }
            match self.speakers[s] {
                Some(Speaker::Named(m)) if self.mentions[m].label == Label::Norp => {
                    return Some(Group::Named(m))
                }
                Some(_) => return None,
                None => {}
            }
        }
        None
    }

    /// The organisation a description in sentence `index` refers to: the nearest speaker
    /// before that is one, else the nearest organisation named outside quotation marks.
    fn org_before(
        &self,
        index: usize,
        source_start: usize,
        head: &str,
        modifiers: &[String],
    ) -> Option<Speaker> {
        // An organisation named earlier in the same sentence is the nearest ("Pilots at
        // Nordair began a strike …, the company said") when it can be what the head says:
        // its name has the head ("the ministry": the Foreign Ministry), or the head says
        // "business" and the name is not an institution's ("Police raided Dorland Mining
        // Company, the ministry said" is the ministry of no one named).
        let business = BUSINESS_HEADS.contains(&head);
        // The head among the words of a name or of what it stands for ("the bureau": the FBI).
        let has_head = |m: usize| {
            let key = self.mentions[m].key.as_str();
            key.split(' ').any(|w| w == head)
                || self
                    .full_names
                    .get(key)
                    .is_some_and(|n| n.split(' ').any(|w| w == head))
        };
        let fits = |m: usize| {
            let key = &self.mentions[m].key;
            let last = key.rsplit(' ').next().unwrap_or("");
            has_head(m) || business && !INSTITUTION_WORDS.contains(&last)
        };
        // What an organisation is, by its own name's last word ("… Association") or by the
        // description it was resolved from before ("the company"): another sort of body is not
        // what the head says ("the labour ministry" is no union; "the union" is no company).
        let sort_of_head = sort_of(head);
        let name_sort = |m: usize| {
            let key = self.mentions[m].key.as_str();
            let name = self.full_names.get(key).map_or(key, String::as_str);
            let name = if key.contains(' ') { key } else { name };
            // The name's own head: its last word, or the word before "of" ("Federal Bureau
            // of Investigation" is a bureau, "Bank of America" a bank).
            let head_part = name.split(" of ").next().unwrap_or(name);
            let last = head_part.rsplit(' ').next().unwrap_or("");
            if name.contains(' ') {
                sort_of(last)
            } else {
                None
            }
        };
        let other_sort = |m: usize| {
            if has_head(m) {
                return false;
            }
            let differ =
                |s: Option<Sort>| s.is_some() && sort_of_head.is_some() && s != sort_of_head;
            let key = self.mentions[m].key.as_str();
            differ(name_sort(m)) || differ(self.org_heads.get(key).and_then(|h| sort_of(h)))
        };
        // A description with words before its head ("the county elections office") names a
        // body only by them or by the head: it is no "City Council" of the same sort.
        let named_by = |m: usize| {
            let key = self.mentions[m].key.as_str();
            let alike = |a: &str, b: &str| a.chars().take(5).eq(b.chars().take(5));
            modifiers.is_empty()
                || key
                    .split(' ')
                    .any(|w| w == head || modifiers.iter().any(|x| alike(x, w)))
        };
        // Named in passing, not as a speaker: only a body of the sort the head says ("the
        // union" is no company the text merely mentions; "the ministry" the Foreign Ministry).
        let same_sort = |m: usize| {
            head == "it"
                || has_head(m)
                || (sort_of_head.is_some() && name_sort(m) == sort_of_head && named_by(m))
        };
        // What the text says an organisation is: by its name, or by the description it was
        // resolved from before.
        let known_sort = |m: usize| {
            name_sort(m).or_else(|| {
                self.org_heads
                    .get(self.mentions[m].key.as_str())
                    .and_then(|h| sort_of(h))
            })
        };
        let in_sentence: Vec<usize> = self
            .unquoted_in(index)
            .filter(|&m| self.mentions[m].label == Label::Org)
            .filter(|&m| self.mentions[m].span.end <= source_start)
            .collect();
        // One of the sort the head says comes first ("Halvorsen Motors will shut its Toledo
        // plant, the automaker announced": the Motors, not a place the tagger took for a body).
        let here = in_sentence
            .iter()
            .rev()
            .find(|&&m| sort_of_head.is_some() && known_sort(m) == sort_of_head && fits(m))
            .or(in_sentence.last().filter(|&&m| fits(m)));
        if let Some(&m) = here {
            return Some(Speaker::Named(m));
        }
        let range = index.saturating_sub(LOOK_BACK)..index;
        // A speaker known to be of the sort the head says comes first: "the agency" after
        // "the FDA said" and a company's chief is the agency ("… Administration"), "the
        // company" after an agency's report is the company the text called one.
        if sort_of_head.is_some() {
            for s in range.clone().rev() {
                if let Some(Speaker::Named(m)) = self.speakers[s] {
                    if org_like(self.mentions[m].label)
                        && known_sort(m) == sort_of_head
                        && (business || named_by(m))
                    {
                        return Some(Speaker::Named(m));
                    }
                }
            }
            // Then one named of that sort in passing ("Workers at Valmont Chemical …").
            for s in (index.saturating_sub(LOOK_BACK)..=index).rev() {
                let named = self
                    .unquoted_in(s)
                    .filter(|&m| self.mentions[m].label == Label::Org && !self.told(m))
                    .filter(|&m| self.mentions[m].span.end <= source_start)
                    .filter(|&m| known_sort(m) == sort_of_head && (business || named_by(m)))
                    .last();
                if let Some(m) = named {
                    return Some(Speaker::Named(m));
                }
            }
        }
        for s in range.clone().rev() {
            match self.speakers[s] {
                // "The FBI's field office confirmed …" is no company the next sentence's
                // "the company said" refers to.
                Some(Speaker::Named(m))
                    if org_like(self.mentions[m].label)
                        && !other_sort(m)
                        && (business || named_by(m))
                        && !(business && (self.institutions[s] || !fits(m))) =>
                {
                    return Some(Speaker::Named(m))
                }
                // The unnamed body that spoke before, when it can be what the head says: "the
                // national statistics office" is no "the bank" after it.
                Some(Speaker::Anonymous { person: false })
                    if self.org_descriptions[s].as_deref().is_none_or(|h| {
                        head == "it"
                            || h == head
                            || sort_of_head.is_some() && sort_of(h) == sort_of_head
                    }) =>
                {
                    return Some(Speaker::Anonymous { person: false })
                }
                _ => {}
            }
        }
        for s in range.clone().rev() {
            // Not the outlet a source spoke to ("…, a person … told ByteLine. The company has
            // denied paying."): it reports, it is not reported on.
            let last = self
                .unquoted_in(s)
                .filter(|&m| self.mentions[m].label == Label::Org && !self.told(m))
                .filter(|&m| {
                    if business {
                        fits(m) && !other_sort(m)
                    } else {
                        same_sort(m)
                    }
                })
                .last();
            if let Some(m) = last {
                return Some(Speaker::Named(m));
            }
        }
        // Further back: the one body of that sort the text names before ("the bank" in a
        // story on Northway Bank, twelve sentences after its name). Two of that sort leave
        // it open.
        if sort_of_head.is_none() || head == "it" {
            return None;
        }
        // A business may also be one whose name says no sort ("Buckeye Power & Light" for
        // "the utility"), when it is the only such one.
        let one_before = |sorted: bool| {
            let mut found: Option<usize> = None;
            for s in 0..range.start {
                for m in self.unquoted_in(s) {
                    let x = &self.mentions[m];
                    if !org_like(x.label) || self.told(m) || x.span.end > source_start {
                        continue;
                    }
                    let fitting = if sorted {
                        known_sort(m) == sort_of_head && (business || named_by(m))
                    } else {
                        x.label == Label::Org && known_sort(m).is_none() && fits(m)
                    };
                    if !fitting {
                        continue;
                    }
                    match found {
                        Some(f) if self.mentions[f].key != x.key => return Err(()),
                        _ => found = Some(m),
                    }
                }
            }
            Ok(found)
        };
        match one_before(true) {
            Ok(Some(m)) => Some(Speaker::Named(m)),
            Ok(None) if business => one_before(false).ok().flatten().map(Speaker::Named),
            _ => None,
        }
    }

    /// True when mention `m` is who was told something ("a person … told ByteLine").
    fn told(&self, m: usize) -> bool {
        let before = self.text[..self.mentions[m].span.start].trim_end();
        let word = before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        matches!(word.as_str(), "told" | "tells" | "tell" | "telling")
    }

    /// The name mentions of sentence `s` outside quotation marks, in text order.
    fn unquoted_in(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        let span = self.seg.sentences[s].span;
        let from = self.mentions.partition_point(|m| m.span.end <= span.start);
        (from..self.mentions.len())
            .take_while(move |&k| self.mentions[k].span.start < span.end)
            .filter(move |&k| {
                let m = &self.mentions[k];
                let t = self.token_at(m.span.start);
                speaks(m.label)
                    && span.contains(m.span)
                    && !self.quoted.get(t).copied().unwrap_or(false)
                    && self
                        .seg
                        .tokens
                        .get(t)
                        .is_some_and(|t| t.kind == TokenKind::Word)
            })
    }
}

/// True when word `k` of `words` (lower case) is part of where a body is based: "the
/// Chicago-based bank", "the New York-based company" tell where the body named before is, not
/// another one.
fn based_at(words: &[String], k: usize) -> bool {
    words
        .iter()
        .skip(k)
        .take(3)
        .any(|w| w.ends_with("-based") || w.ends_with("-headquartered"))
}

/// Words before a person's description that leave who it may be open ("the former official",
/// "the senior diplomat"); any other ("the fire chief", "the state senator") says which one.
const PLAIN_MODIFIERS: &[&str] = &[
    "former",
    "senior",
    "top",
    "new",
    "same",
    "other",
    "veteran",
    "longtime",
    "retired",
    "current",
    "outgoing",
    "incoming",
    "embattled",
    "then",
];
