//! The word lists of attribution: the learned cue words, the patterns' trigger words and the
//! hand-written lists that bound noun phrases and sources.

use crate::claims::list;
use std::sync::OnceLock;

/// A word at least this often a cue is taken for a verb: it ends a noun phrase.
pub const SURE: f64 = 0.3;

/// A word less often a cue than this is no candidate.
pub(super) const UNSURE: f64 = 0.05;

/// Cue words with their share of occurrences that are cues (from PolNeAR train), and the base
/// forms of verbs the training text gives only inflected ([`base_forms`]).
pub(super) fn cue_words() -> &'static Table {
    static CUES: OnceLock<Table> = OnceLock::new();
    CUES.get_or_init(|| {
        let seen: Vec<(&'static str, f64, f64)> = include_str!("../attribution_cues.txt")
            .lines()
            .filter_map(|line| {
                let mut cols = line.split_whitespace();
                let word = cols.next()?;
                let cue: f64 = cols.next()?.parse().ok()?;
                let all: f64 = cols.next()?.parse().ok()?;
                (all > 0.0).then_some((word, cue, all))
            })
            .collect();
        let bases = base_forms(&seen);
        seen.iter()
            .map(|&(w, cue, all)| (w, cue / all))
            .chain(bases)
            .collect()
    })
}

/// Base forms of verbs of saying and believing missing from the training text whose
/// inflections it has: "prosecutors allege" reads as "alleges" and "alleged" do. A base is
/// taken when two of its forms propose it, one of them the present tense ("-s"), with their
/// pooled share. A base form is often a noun too, and a cue word ends a noun phrase: other
/// verbs are left out ("the Miami Herald", though "heralded" is a cue), and so is a verb whose
/// present tense is never a cue ("state officials": "stated" and "stating" are, "states" is not).
fn base_forms(seen: &[(&'static str, f64, f64)]) -> Vec<(&'static str, f64)> {
    let known: std::collections::HashSet<&str> = seen.iter().map(|s| s.0).collect();
    // Each base: the forms proposing it, whether one is the present tense, cue and all counts.
    let mut proposed: std::collections::BTreeMap<String, (u32, bool, f64, f64)> =
        Default::default();
    for &(w, cue, all) in seen {
        // (base, proposed by the present tense)
        let mut bases: Vec<(String, bool)> = Vec::new();
        if let Some(b) = w.strip_suffix('s').filter(|b| !b.ends_with('s')) {
            bases.push((b.to_string(), true));
        }
        if let Some(b) = w.strip_suffix("ies") {
            bases.push((format!("{b}y"), true));
        }
        if let Some(b) = w.strip_suffix("ied") {
            bases.push((format!("{b}y"), false));
        }
        for suffix in ["ed", "ing"] {
            if let Some(b) = w.strip_suffix(suffix) {
                bases.push((b.to_string(), false));
                bases.push((format!("{b}e"), false));
            }
        }
        for (b, present) in bases {
            if b.len() >= 3 && !known.contains(b.as_str()) {
                let e = proposed.entry(b).or_default();
                *e = (e.0 + 1, e.1 || present, e.2 + cue, e.3 + all);
            }
        }
    }
    proposed
        .into_iter()
        .filter(|(b, (forms, present, _, _))| {
            *forms >= 2 && *present && SPEECH_AND_BELIEF.contains(&b.as_str())
        })
        // Built once per process: the table's words live as long as it does.
        .map(|(b, (_, _, cue, all))| (&*Box::leak(b.into_boxed_str()), cue / all))
        .collect()
}

/// Words that end a noun phrase when walking away from the cue.
pub(super) const BOUNDARIES: &[&str] = &[
    "that", "which", "who", "whom", "whose", "and", "but", "because", "if", "when", "while", "as",
    "after", "before", "since", "where", "so", "than", "or", "nor", "to", "is", "are", "was",
    "were", "be", "been", "has", "have", "had", "not", "also", "it", "this", "there", "what",
    "although", "though", "however", "said", "says", "told", "in", "on", "at", "with", "by",
    "during", "into", "about", "against", "over", "under", "through", "do", "does", "did", "will",
    "would", "can", "could", "should", "may", "might", "must", "then", "even", "just", "now",
    "only", "yet", "why", "how", "whether", "until", "unless", "once", "like", "up", "out", "off",
    "down", "its",
];

/// Adverbs and auxiliaries allowed between a source and its verb ("the official further said").
pub(super) const BETWEEN: &[&str] = &[
    "also",
    "further",
    "reportedly",
    "allegedly",
    "recently",
    "later",
    "previously",
    "once",
    "again",
    "then",
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "did",
    "does",
    "do",
    "not",
    "never",
    "repeatedly",
    "publicly",
    "privately",
    "earlier",
    "already",
    "now",
    "separately",
    "specifically",
    "still",
    "just",
    "even",
    "often",
    "first",
    "quickly",
    "frequently",
    "always",
    "initially",
    "finally",
    "openly",
    "explicitly",
    "long",
    "been",
    "being",
    "all",
    "both",
    "well",
];

/// Auxiliaries that belong to the cue ("has said", "would not say").
pub(super) const CUE_AUX: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "did", "does", "do", "not",
    "been", "being", "be", "could", "can", "should", "may", "might", "must",
];

/// Cue verbs whose source may follow them when nothing precedes ("…,” said the official).
pub(super) const INVERTIBLE: &[&str] = &[
    "said",
    "read",
    "reads",
    "declares",
    "added",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "asked",
    "asks",
    "noted",
    "notes",
    "explained",
    "explains",
    "continued",
    "continues",
    "replied",
    "recalled",
    "argued",
    "argues",
    "insisted",
    "declared",
    "told",
    "tells",
    "warned",
    "warns",
    "countered",
    "responded",
    "reported",
    "reports",
    "claimed",
    "claims",
    "stated",
    "observed",
    "remarked",
    "quipped",
    "tweeted",
    "announced",
    "concluded",
    "suggested",
    "joked",
];

/// Head nouns of unnamed sources.
pub(super) const ANONYMOUS_HEADS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "expert",
    "experts",
    "analyst",
    "analysts",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "diplomat",
    "diplomats",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "documents",
    "document",
    "report",
    "reports",
    "agency",
    "authorities",
    "police",
    "investigators",
    "observers",
    "people",
    "insiders",
    "aide",
    "aides",
    "commander",
    "commanders",
    "officer",
    "officers",
    "member",
    "members",
    "study",
    "survey",
    "poll",
    "polls",
    "statement",
    "media",
    "ministry",
    "government",
    "intelligence",
    "security",
    "activists",
    "monitor",
    "group",
    "military",
    "army",
    "critics",
    "researchers",
    "scientists",
    "data",
    "figures",
    "voters",
    "nurse",
    "nurses",
    "doctors",
    "worker",
    "workers",
    "employee",
    "employees",
    "staff",
    "passengers",
    "survivors",
    "pilots",
    "teachers",
    "students",
    "parents",
    "neighbours",
    "neighbors",
    "villagers",
    "protesters",
    "investors",
];

/// Heads of sources who speak for themselves, whatever a phrase after them names: "passengers
/// on a Baltic Skyways flight" do not speak for the airline, as "a spokesman for" it does.
pub(super) const BYSTANDERS: &[&str] = &[
    "passenger",
    "passengers",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "survivor",
    "survivors",
    "customer",
    "customers",
    "neighbours",
    "neighbors",
    "villagers",
    "students",
    "parents",
    "patients",
    "travellers",
    "travelers",
    "commuters",
    "shoppers",
    "visitors",
    "tourists",
    "fans",
    "families",
    "relatives",
    "onlookers",
    "bystanders",
];

/// Nouns of reports and statements: "in a new poll", "issued a statement saying".
pub(super) const REPORT_NOUNS: &[&str] = &[
    "poll",
    "survey",
    "study",
    "report",
    "statement",
    "interview",
    "letter",
    "memo",
    "analysis",
    "tweet",
    "post",
    "speech",
    "op-ed",
    "column",
    "editorial",
    "email",
    "e-mail",
    "release",
    "filing",
    "lawsuit",
    "complaint",
    "video",
    "ad",
    "advertisement",
    "message",
    "note",
    "book",
    "article",
    "documents",
    "document",
    "testimony",
    "remarks",
];

/// Words of time that may stand between a source and its cue ("Trump on Tuesday said").
pub(super) const TIME_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "week",
    "weekend",
    "month",
    "year",
    "morning",
    "afternoon",
    "evening",
    "night",
    "time",
    "day",
    "past",
    "recent",
    "days",
    "weeks",
    "months",
    "years",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Nouns of saying whose possessor is the source: "his promise", "Trump's claim".
pub(super) const NOUN_CUES: &[&str] = &[
    "accusation",
    "accusations",
    "admission",
    "advice",
    "announcement",
    "argument",
    "arguments",
    "assertion",
    "assessment",
    "attack",
    "attacks",
    "belief",
    "call",
    "calls",
    "claim",
    "claims",
    "comment",
    "comments",
    "complaint",
    "complaints",
    "concern",
    "concerns",
    "contention",
    "criticism",
    "critique",
    "decision",
    "declaration",
    "demand",
    "demands",
    "denial",
    "description",
    "endorsement",
    "explanation",
    "fear",
    "fears",
    "hope",
    "hopes",
    "insistence",
    "message",
    "opposition",
    "plan",
    "pledge",
    "position",
    "praise",
    "prediction",
    "promise",
    "promises",
    "proposal",
    "refusal",
    "remarks",
    "request",
    "response",
    "rhetoric",
    "stance",
    "statement",
    "suggestion",
    "support",
    "testimony",
    "threat",
    "tweet",
    "view",
    "views",
    "vow",
    "warning",
    "backing",
    "reaction",
    "feeling",
    "rethinking",
    "recognition",
    "words",
    "rejection",
    "perception",
    "perceptions",
    "determination",
    "confidence",
    "enthusiasm",
    "quip",
    "endorsements",
];

/// Reports that are sources themselves: "in a new poll".
pub(super) const SOURCE_REPORTS: &[&str] = &[
    "poll",
    "survey",
    "study",
    "report",
    "analysis",
    "memo",
    "documents",
    "book",
    "article",
    "filing",
    "lawsuit",
    "complaint",
    "letter",
    "ad",
    "video",
];

/// Pronouns that stand for a named source.
/// Verbs whose object does what the infinitive after it says ("prompted voters to
/// reconsider", "forcing candidates to scramble").
pub(super) const CONTROL_VERBS: &[&str] = &[
    "prompt",
    "prompts",
    "prompted",
    "prompting",
    "force",
    "forces",
    "forced",
    "forcing",
    "lead",
    "leads",
    "led",
    "leading",
    "drive",
    "drives",
    "drove",
    "driving",
    "driven",
    "require",
    "requires",
    "required",
    "requiring",
    "urge",
    "urges",
    "urged",
    "urging",
    "push",
    "pushes",
    "pushed",
    "pushing",
    "ask",
    "asks",
    "asked",
    "asking",
    "encourage",
    "encourages",
    "encouraged",
    "encouraging",
    "allow",
    "allows",
    "allowed",
    "allowing",
    "persuade",
    "persuaded",
    "convince",
    "convinced",
    "invite",
    "invited",
    "inviting",
    "tell",
    "told",
    "telling",
    "want",
    "wants",
    "wanted",
    "expect",
    "expects",
    "expected",
    "on",
];

/// Dashes that may sign a quotation or set off a speaker's name.
pub(super) const DASHES: &[&str] = &["-", "--", "—", "–", "―"];

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "you"];

/// Relative pronouns that stand for their antecedent ("Trump, who said").
pub(super) const RELATIVES: &[&str] = &["who", "which", "that"];

/// Determiners after which a cue word is a noun or an adjective ("a reported 5,000").
pub(super) const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your", "some", "any", "no", "every", "each",
];

/// Words that open an introductory phrase before a sentence's subject ("For months, Obama").
pub(super) const INTRODUCERS: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "last",
    "for",
    "since",
    "during",
    "throughout",
    "before",
    "earlier",
    "later",
    "over",
    "amid",
    "despite",
    "here",
    "there",
    "as",
    "when",
    "while",
    "although",
    "though",
    "because",
    "if",
    "unlike",
    "like",
    "with",
    "without",
    "by",
    "from",
    "under",
    "once",
    "until",
    "within",
    "across",
    "among",
    "finally",
    "first",
    "still",
];

/// Words that end a clause subject when looking for the first noun phrase of a sentence.
pub(super) const OPENERS: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "still",
    "however",
    "meanwhile",
    "instead",
    "indeed",
    "now",
    "then",
];

pub(super) type Table = crate::claims::WordTable<f64>;

/// Words that start a fixed pattern: "according to", "in a poll", "his promise", "put it".
pub(super) fn triggers() -> &'static crate::claims::WordTable<bool> {
    static TRIGGERS: OnceLock<crate::claims::WordTable<bool>> = OnceLock::new();
    TRIGGERS.get_or_init(|| {
        [
            "according",
            "in",
            "report",
            "reports",
            "via",
            "source",
            "put",
        ]
        .iter()
        .map(|&w| (w, false))
        .chain(NOUN_CUES.iter().map(|&w| (w, true)))
        .collect()
    })
}

pub(super) const IS_BOUNDARY: u16 = list::BOUNDARY;
pub(super) const IS_BETWEEN: u16 = list::BETWEEN;
pub(super) const IS_TIME: u16 = list::TIME;

/// The attribution words of the claims stage's lexicon ([`Words`]): each with its list bits
/// and its share of cue occurrences (-1 when no cue word). Every lexicon and pattern word may
/// start a cue ([`list::CUE`]).
pub(in crate::claims) fn lexicon_words() -> impl Iterator<Item = (&'static str, u16, f32)> {
    let cues = cue_words().iter().map(|(&w, &p)| (w, list::CUE, p as f32));
    let triggers = triggers().keys().map(|&w| (w, list::CUE, -1.0));
    let lists = [
        (BOUNDARIES, IS_BOUNDARY),
        (BETWEEN, IS_BETWEEN),
        (TIME_WORDS, IS_TIME),
    ]
    .into_iter()
    .flat_map(|(words, bit)| words.iter().map(move |&w| (w, bit, -1.0)));
    cues.chain(triggers).chain(lists)
}

/// True for a mark that may start a cue, a colon or a dash: [`Words`] gives it [`list::CUE`].
pub(in crate::claims) fn cue_mark(w: &str) -> bool {
    w == ":" || DASHES.contains(&w)
}

/// Verbs of saying, showing and believing, in their base and irregular forms: a cue verb means
/// one of these (by its [`lemma`](super::features::lemma)) for a claim's attribution to be
/// taken from it. PolNeAR also marks acts ("pledged", "voted", "opened an office", "are
/// planning"): its evaluation keeps them ([`super::Attributions::find_all`]), a claim's
/// source does not ([`super::Attributions::find`]): who did something is not who said it.
const SPEECH_AND_BELIEF: &[&str] = &[
    // saying
    "say",
    "said",
    "tell",
    "told",
    "add",
    "state",
    "claim",
    "assert",
    "announce",
    "declare",
    "report",
    "write",
    "wrote",
    "written",
    "tweet",
    "retweet",
    "post",
    "email",
    "speak",
    "spoke",
    "spoken",
    "talk",
    "explain",
    "describe",
    "note",
    "comment",
    "remark",
    "mention",
    "reply",
    "respond",
    "answer",
    "ask",
    "question",
    "wonder",
    "argue",
    "insist",
    "contend",
    "maintain",
    "acknowledge",
    "admit",
    "concede",
    "confirm",
    "deny",
    "reject",
    "dismiss",
    "refute",
    "dispute",
    "disclose",
    "reveal",
    "confide",
    "testify",
    "recall",
    "remind",
    "repeat",
    "reiterate",
    "echo",
    "emphasize",
    "emphasise",
    "stress",
    "highlight",
    "point",
    "cite",
    "quote",
    "refer",
    "reference",
    "suggest",
    "hint",
    "imply",
    "indicate",
    "signal",
    "warn",
    "caution",
    "urge",
    "advise",
    "recommend",
    "propose",
    "request",
    "demand",
    "call",
    "accuse",
    "allege",
    "charge",
    "blame",
    "criticize",
    "criticise",
    "condemn",
    "denounce",
    "decry",
    "slam",
    "blast",
    "attack",
    "assail",
    "rail",
    "rebuke",
    "mock",
    "praise",
    "applaud",
    "welcome",
    "thank",
    "defend",
    "complain",
    "lament",
    "bemoan",
    "apologize",
    "apologise",
    "boast",
    "tout",
    "joke",
    "shout",
    "yell",
    "chant",
    "interject",
    "predict",
    "forecast",
    "estimate",
    "project",
    "conclude",
    "find",
    "found",
    "show",
    "shown",
    "express",
    "voice",
    "liken",
    "compare",
    "portray",
    "label",
    "dub",
    "brand",
    "decline",
    "refuse",
    "threaten",
    "endorse",
    "agree",
    "disagree",
    "object",
    "protest",
    "plead",
    "assure",
    "reassure",
    "notify",
    "inform",
    "brief",
    "publish",
    "issue",
    "release",
    "according",
    "counter",
    "observe",
    "speculate",
    "muse",
    "quip",
    "brag",
    "proclaim",
    "affirm",
    "reaffirm",
    "clarify",
    "elaborate",
    "rule",
    "insinuate",
    "lash",
    "retort",
    "rebut",
    "learn",
    // believing and feeling
    "believe",
    "think",
    "thought",
    "feel",
    "felt",
    "know",
    "knew",
    "known",
    "fear",
    "hope",
    "expect",
    "worry",
    "doubt",
    "suspect",
    "assume",
    "consider",
    "view",
    "see",
    "saw",
    "seen",
    "understand",
    "understood",
    "regard",
    "deem",
    "convince",
    "concern",
    "skeptical",
    "sceptical",
    "confident",
    "certain",
    "sure",
    "aware",
    "wary",
    "worried",
    "convinced",
    "concerned",
    "afraid",
    "optimistic",
    "pessimistic",
    "reckon",
    "suppose",
    "guess",
    "imagine",
    "realize",
    "realise",
    "recognize",
    "recognise",
];

/// True when cue word `w` (lower case) says, shows or believes (see [`SPEECH_AND_BELIEF`]).
pub(super) fn speech_or_belief(w: &str) -> bool {
    static STEMS: OnceLock<crate::claims::WordTable<bool>> = OnceLock::new();
    let stems = STEMS.get_or_init(|| {
        SPEECH_AND_BELIEF
            .iter()
            .map(|&w| (super::features::lemma(w), true))
            .collect()
    });
    if stems.get(super::features::lemma(w)).is_some() {
        return true;
    }
    // "denied", "replies": the crude lemma keeps the "i" of "deni-", the list has "deny".
    let y = ["ied", "ies"]
        .iter()
        .find_map(|end| w.strip_suffix(end))
        .filter(|stem| stem.len() >= 2)
        .map(|stem| format!("{stem}y"));
    y.is_some_and(|w| stems.get(super::features::lemma(&w)).is_some())
}

/// Head nouns of a description that stands for a person named before it: "the official
/// added", "the senator said".
pub(super) const PERSON_DESCRIPTIONS: &[&str] = &[
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "senator",
    "governor",
    "president",
    "minister",
    "candidate",
    "lawmaker",
    "congressman",
    "congresswoman",
    "mayor",
    "chief",
    "director",
    "lawyer",
    "attorney",
    "leader",
    "chairman",
    "chairwoman",
    "secretary",
    "ambassador",
    "envoy",
    "diplomat",
    "general",
    "commander",
    "prosecutor",
    "judge",
    "expert",
    "analyst",
    "researcher",
    "professor",
    "economist",
    "executive",
    "founder",
    "businessman",
    "businesswoman",
    "billionaire",
    "nominee",
    "representative",
    "congressmember",
    "premier",
    "chancellor",
    "prime",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "man",
    "woman",
    "father",
    "mother",
    "sheriff",
    "coach",
    "author",
    "writer",
    "activist",
    "researcher",
    "scientist",
    "doctor",
    "spokesperson",
    "aide",
    "adviser",
    "advisor",
    "strategist",
];

/// Head nouns of a description that stands for an organisation named before it: "the company
/// said", "the ministry added".
pub(super) const ORG_DESCRIPTIONS: &[&str] = &[
    "company",
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
    "firm",
    "ministry",
    "agency",
    "department",
    "group",
    "organization",
    "organisation",
    "campaign",
    "committee",
    "party",
    "bank",
    "network",
    "newspaper",
    "paper",
    "union",
    "council",
    "commission",
    "court",
    "board",
    "foundation",
    "institute",
    "center",
    "centre",
    "association",
    "league",
    "club",
    "team",
    "university",
    "school",
    "hospital",
    "office",
    "bureau",
    "corporation",
    "corp",
    "carrier",
    "airline",
    "manufacturer",
    "maker",
    "retailer",
    "insurer",
    "lender",
    "outlet",
    "broadcaster",
    "channel",
    "magazine",
    "site",
    "website",
    "government",
    "administration",
    "regime",
    "militia",
    "movement",
    "alliance",
    "coalition",
    "federation",
    "authority",
    "service",
    "force",
    "army",
    "military",
    "police",
];

/// Titles before a name that tell a man: "Mr. Yilmaz".
pub(super) const MALE_TITLES: &[&str] = &[
    "mr", "mr.", "sir", "lord", "king", "prince", "mister", "monsieur", "herr", "señor", "father",
    "brother", "uncle", "duke", "emperor", "sultan", "sheikh",
];

/// Titles before a name that tell a woman: "Ms. Lindqvist".
pub(super) const FEMALE_TITLES: &[&str] = &[
    "mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "lady", "dame", "queen", "princess",
    "mme", "mme.", "frau", "señora", "sister", "aunt", "duchess", "empress",
];

/// Nouns of [`NOUN_CUES`] that name an act or a plan, not something said: "his promise to
/// build", "the decision by the board".
pub(super) const NOUN_ACTS: &[&str] = &[
    "decision",
    "plan",
    "pledge",
    "promise",
    "promises",
    "support",
    "backing",
    "opposition",
    "position",
    "stance",
    "vow",
    "determination",
    "enthusiasm",
    "rethinking",
    "recognition",
    "confidence",
];
