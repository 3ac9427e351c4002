//! What the comparison knows of one claim: its words, names, numbers, dates, negation, who it
//! cites, and its meaning as a vector. Built once per claim; pairs are scored from these.

use super::text::{
    fold_word, is_negation, is_numeral, is_stopword, stem, word_hash, word_weight, words_of,
};
use super::toll::Toll;
use super::Analysed;
use crate::claims::{AttributionKind, Certainty, Claim};
use crate::entities::{Label, Mention};
use crate::hash::{fnv, FnvMap, FNV_OFFSET};
use std::collections::BTreeSet;

/// How many words after a negation the word it denies may be ("had not yet paid").
const NEGATION_REACH: usize = 3;

/// Words that, negated, leave a claim open rather than deny it: "did not say how many",
/// "could not immediately confirm".
const NOT_A_DENIAL: &[&str] = &[
    "say",
    "said",
    "says",
    "saying",
    "comment",
    "commented",
    "confirm",
    "confirmed",
    "know",
    "known",
    "knew",
    "disclose",
    "disclosed",
    "reveal",
    "revealed",
    "specify",
    "specified",
    "elaborate",
    "respond",
    "responded",
    "immediately",
    "clear",
    "able",
    "return",
    "returned",
];

/// The fewest content words, names and figures a clause has to be compared on its own.
const CLAUSE_MIN_WORDS: usize = 3;

/// A number stated in a claim, and what it counts.
#[derive(Clone, Debug)]
pub struct Figure {
    /// Its label (CARDINAL, MONEY, …).
    pub label: Label,
    /// Low end of its value, `None` when open.
    pub low: Option<f64>,
    /// High end of its value, `None` when open.
    pub high: Option<f64>,
    /// Its unit ("%", "USD", "km").
    pub unit: Option<&'static str>,
    /// The stem hash of the counted noun or verb that follows ("fighter", "page", "kill"), or 0.
    pub noun: u64,
    /// That word's vector (empty when there is none or no model).
    pub noun_vector: Vec<f32>,
    /// The toll it gives ("four people died": the dead), if it counts one.
    pub toll: Option<Toll>,
    /// For a measure joined to its number before a noun ("a 31-page indictment"), the hash of
    /// the measure and the noun ("page indictment"), else 0: one object, which has one value in
    /// a story however differently the sentences around it read.
    pub object: u64,
    /// For such a measure, the stem hash of the measure alone ("page"), else 0.
    pub measure: u64,
    /// The words around a counted noun that say what befalls it: the nearest content word
    /// before the number and the first after the noun, within its clause ("employs 1,500
    /// workers", "1,200 workers will lose"), each as its stem hash and vector.
    pub role: Vec<(u64, Vec<f32>)>,
    /// For one exact value, half the step of its last written digit, in its value's units
    /// ("52 percent": 0.5, "51.8 percent": 0.05, "1.2 million": 50,000), a little less: an
    /// outlet that rounds 51.8 to 52 does not dispute it. 0 for a range.
    pub rounding: f64,
    /// The count is told beside others of another kind ("34 passengers and the driver",
    /// "35 people on board, including the driver"): a part or a whole, so it is one thing only
    /// with a count of the same noun ("34 passengers" and "35 people, including the driver"
    /// both hold).
    pub with_others: bool,
    /// A share or a price told as a move of its subject ("Tessaro shares jumped 22%"): a
    /// story's one move of one stock, whatever the share.
    pub moved: bool,
    /// The day or month the figure is told for, when a date follows it within its clause
    /// ("4.4% in April from 4.3% in March"): the hash of the date's ISO form (with `when_iso`)
    /// or of its words, else 0. Two figures told for two moments count two things.
    pub when: u64,
    /// Whether `when` hashes an ISO date.
    pub when_iso: bool,
    /// The text, for a person to read.
    pub text: String,
}

/// True when two figures are told for two different moments of one kind (two ISO dates, or
/// two days or months in words): "4.3% in March" and "4.3 per cent in April" are two readings.
pub fn moments_differ(f: &Figure, g: &Figure) -> bool {
    f.when != 0 && g.when != 0 && f.when_iso == g.when_iso && f.when != g.when
}

/// What the comparison needs of one claim.
#[derive(Clone, Debug)]
pub struct ClaimInfo {
    /// Index of its source.
    pub source: usize,
    /// Index of the claim in its source's claims.
    pub claim: usize,
    /// The claim's sentence in its source's text.
    pub span: crate::span::Span,
    /// Every word, folded and stemmed, as hashes, in order.
    pub words: Vec<u64>,
    /// `words` sorted, each once.
    pub word_set: Vec<u64>,
    /// Content words (not stop words, numerals or inside a name): stem hashes, sorted, unique.
    pub content: Vec<u64>,
    /// The weight of each content word, in the order of `content`: how much it tells.
    pub content_weight: Vec<f32>,
    /// Keys of the names in it, hashed, sorted, unique.
    pub names: Vec<u64>,
    /// The weight of each name, in the order of `names` (see [`Context`]).
    pub name_weight: Vec<f32>,
    /// Its numbers with what they count.
    pub figures: Vec<Figure>,
    /// ISO dates it gives.
    pub dates: BTreeSet<String>,
    /// Times of day it gives ("in early trading", "by midday"), as [`times_of`] names them.
    pub times: BTreeSet<&'static str>,
    /// It has a negation word.
    pub negated: bool,
    /// A line of names and nothing else ("ISIS, Turkey, Recep Tayyip Erdoğan", the tags under
    /// an article): no content word, two names or more, commas between them. It states
    /// nothing another claim can share.
    pub names_only: bool,
    /// It asks or leaves open whether something holds ("declined to say whether the company
    /// had paid", "it is unclear whether"): what follows "whether" is not stated.
    pub open_question: bool,
    /// The stem hash of the first content word within a few words after each negation ("had
    /// not paid any ransom": "paid"), unless it is a word of saying or knowing ("did not say
    /// how many"), in order.
    pub negated_words: Vec<u64>,
    /// For a denial, the content words it denies (see [`denied_of`]); empty otherwise.
    pub denied: Vec<u64>,
    /// How firmly it is stated.
    pub certainty: Certainty,
    /// Named source keys and outlet keys: members sharing one are one origin.
    pub cites: Vec<String>,
    /// Hashes of its word 5-grams, sorted, unique: copied text shares most of them.
    pub shingles: Vec<u64>,
    /// It was weighed among enough claims to tell the story's topic (see [`Context`]).
    pub in_context: bool,
    /// `words` with each number as its label, once ("about 40,000" → "<CARDINAL>").
    pub masked_words: Vec<u64>,
    /// Stem hashes of the words inside its numbers ("two", "dozen").
    pub number_words: Vec<u64>,
    /// Its word n-grams, made when first asked for (see [`ClaimInfo::grams`]).
    grams: std::sync::OnceLock<Grams>,
    /// What pair scoring reads of it alone, made when first scored (see [`ClaimInfo::prep`]).
    prep: std::sync::OnceLock<super::pair::Prep>,
    /// It without its numbers, made when first asked for (see [`ClaimInfo::numberless`]).
    numberless: std::sync::OnceLock<Box<ClaimInfo>>,
    /// Its meaning, L2-normalised (empty when there is no model); in a context, less the
    /// story's topic (see [`Context`]).
    pub vector: Vec<f32>,
    /// Where each content word is in the source text (bytes), in the order of `content`.
    pub content_at: Vec<(u32, u32)>,
    /// Its clauses without the attribution, each as a claim of its own (see `super::clauses`);
    /// empty when the sentence is one clause.
    pub clauses: Vec<ClaimInfo>,
}

impl ClaimInfo {
    /// The information of claim `c` of source `s`, without its meaning (`vector`, filled by
    /// [`embed_all`]) or its clauses ([`ClaimInfo::clauses_of`]).
    #[inline(never)] // per claim: see `crate::analyze` on wasm tiering
    pub fn new(s: usize, c: usize, src: &Analysed, claim: &Claim) -> ClaimInfo {
        ClaimInfo::of_span(s, c, src, claim)
    }

    /// Claim `c` of source `s` made from `self`, the information of a claim that [`reading`]
    /// finds alike: all but its place, certainty and citations are the same.
    pub fn copy_as(&self, s: usize, c: usize, src: &Analysed, claim: &Claim) -> ClaimInfo {
        let mut out = self.clone();
        let (from, to) = (self.span.start as i64, claim.span.start as i64);
        for at in &mut out.content_at {
            *at = (
                (at.0 as i64 - from + to) as u32,
                (at.1 as i64 - from + to) as u32,
            );
        }
        out.source = s;
        out.claim = c;
        out.span = claim.span;
        out.certainty = claim.certainty;
        out.denied = denied_of(src, claim, &out.content, &out.content_at);
        out.cites = cites(src, claim);
        out.grams = std::sync::OnceLock::new();
        out.prep = std::sync::OnceLock::new();
        out.numberless = std::sync::OnceLock::new();
        out
    }

    /// Its clauses, each as a claim of its own: claim `c` of source `src`, cut by
    /// `super::clauses` (without their meaning, as in [`ClaimInfo::new`]).
    pub fn clauses_of(&self, src: &Analysed, claim: &Claim) -> Vec<ClaimInfo> {
        let a = &claim.attribution;
        let skip: Vec<crate::span::Span> = [a.source, a.cue, a.via].into_iter().flatten().collect();
        super::clauses::clauses(src.text, claim.span, &skip)
            .into_iter()
            .map(|span| {
                let part = Claim {
                    span,
                    entities: claim
                        .entities
                        .iter()
                        .copied()
                        .filter(|&k| span.contains(src.mentions[k].span))
                        .collect(),
                    ..claim.clone()
                };
                ClaimInfo::of_span(self.source, self.claim, src, &part)
            })
            // A clause says something when it has a few words that are not stop words, a
            // figure counting as one ("it offered 4 percent").
            .filter(|x| x.content.len() + x.names.len() + x.figures.len() >= CLAUSE_MIN_WORDS)
            .collect()
    }

    /// The information of one claim or clause, without clauses.
    fn of_span(s: usize, c: usize, src: &Analysed, claim: &Claim) -> ClaimInfo {
        let covered: Vec<&Mention> = claim.entities.iter().map(|&k| &src.mentions[k]).collect();
        let mut names = Vec::new();
        let mut dates = BTreeSet::new();
        for m in &covered {
            if m.label.is_name() {
                if !m.key.is_empty() {
                    names.push(name_hash(&m.key));
                }
            } else if let Some(iso) = &m.iso {
                dates.insert(iso.clone());
            }
        }
        names.sort_unstable();
        names.dedup();
        let text = &src.text[claim.span];
        let base = claim.span.start;
        let spans = words_of(text);
        let mut words = Vec::with_capacity(spans.len());
        let mut content = Vec::new();
        let mut folded_words: Vec<String> = Vec::with_capacity(spans.len());
        let mut negated = false;
        let mut negated_words = Vec::new();
        // The last word a negation before it may govern.
        let mut negation_reach: Option<usize> = None;
        let mut w = String::new();
        let mut first_cover = 0;
        let mut masked_words = Vec::with_capacity(spans.len());
        let mut number_words = Vec::new();
        for (k, &(a, b)) in spans.iter().enumerate() {
            w.clear();
            fold_word(&text[a..b], &mut w);
            let negation = is_negation(&w);
            negated |= negation;
            // A word that starts inside a mention is part of it ("Erdoğan’s", "about 40,000").
            while first_cover < covered.len() && covered[first_cover].span.end <= base + a {
                first_cover += 1;
            }
            let inside = covered[first_cover..]
                .iter()
                .take_while(|m| m.span.start <= base + a)
                .find(|m| base + a < m.span.end)
                .map(|m| m.label);
            let stem_hash = word_hash(stem(&w));
            words.push(stem_hash);
            // Without its numbers, a claim has its number's label where the number was, once
            // ("about 40,000" and "45,000" both read "<CARDINAL>").
            match inside {
                Some(l) if l.is_numeric() => {
                    let tag = word_hash(l.tag());
                    if masked_words.last() != Some(&tag) {
                        masked_words.push(tag);
                    }
                    number_words.push(stem_hash);
                }
                _ => masked_words.push(stem_hash),
            }
            let name = inside.is_some_and(|l| l.is_name());
            if !name && w.len() >= 2 && !is_stopword(word_hash(&w)) && !is_numeral(&w) {
                content.push((stem_hash, k));
                if negation_reach.is_some_and(|r| k <= r) {
                    if !NOT_A_DENIAL.contains(&w.as_str()) {
                        negated_words.push(stem_hash);
                    }
                    negation_reach = None;
                }
            }
            if negation {
                negation_reach = Some(k + NEGATION_REACH);
            }
            folded_words.push(std::mem::take(&mut w));
        }
        content.sort_unstable();
        content.dedup_by_key(|c| c.0);
        let content_at: Vec<(u32, u32)> = content
            .iter()
            .map(|&(_, i)| ((base + spans[i].0) as u32, (base + spans[i].1) as u32))
            .collect();
        let content: Vec<u64> = content.into_iter().map(|c| c.0).collect();
        let names_only = content.is_empty() && names.len() >= 2 && text.contains(',');
        let open_question = folded_words.iter().any(|w| w == "whether");
        let content_weight = vec![word_weight(""); content.len()];
        let figures = super::figures::figures(src, &covered, &spans, &folded_words, base);
        let times = times_of(&folded_words);
        let shingles = shingles(&words);
        let name_weight = vec![1.0; names.len()];
        let mut word_set = words.clone();
        word_set.sort_unstable();
        word_set.dedup();
        let denied = denied_of(src, claim, &content, &content_at);
        ClaimInfo {
            source: s,
            claim: c,
            span: claim.span,
            word_set,
            words,
            content_at,
            content,
            content_weight,
            names,
            name_weight,
            figures,
            dates,
            times,
            negated,
            names_only,
            open_question,
            negated_words,
            denied,
            certainty: claim.certainty,
            cites: cites(src, claim),
            shingles,
            in_context: false,
            masked_words,
            number_words,
            grams: std::sync::OnceLock::new(),
            prep: std::sync::OnceLock::new(),
            numberless: std::sync::OnceLock::new(),
            vector: Vec::new(),
            clauses: Vec::new(),
        }
    }
}

/// The content words a denial denies: those after its denial word ("said his office had
/// learned of it last week, and denied that the claims had been covered up" denies a cover-up),
/// else after its cue ("Hospital bombed; Coalition denies role" denies a role, not the bombing),
/// or all of them when nothing follows. Empty for a claim that is no denial.
fn denied_of(
    src: &Analysed,
    claim: &Claim,
    content: &[u64],
    content_at: &[(u32, u32)],
) -> Vec<u64> {
    if claim.certainty != Certainty::Denied {
        return Vec::new();
    }
    let denial = src
        .text
        .get(claim.span.start..claim.span.end)
        .and_then(crate::claims::certainty::denial_end)
        .map(|end| claim.span.start + end);
    let from = denial.or(claim.attribution.cue.map(|c| c.end));
    let after: Vec<u64> = match from {
        Some(from) => content
            .iter()
            .zip(content_at)
            .filter(|(_, at)| at.0 as usize >= from)
            .map(|(&w, _)| w)
            .collect(),
        None => Vec::new(),
    };
    if after.is_empty() {
        content.to_vec()
    } else {
        after
    }
}

/// A mention as [`ClaimInfo::new`] reads it: where it is from the sentence's start, its label,
/// key, value (as bits), date and text.
type MentionRead<'a> = (
    i64,
    i64,
    Label,
    &'a str,
    Option<(Option<u64>, Option<u64>, Option<&'static str>)>,
    Option<&'a str>,
    &'a str,
);

/// All that [`ClaimInfo::new`] reads of a claim but its place, certainty and citations: its
/// sentence and the mentions it covers, in order. Two claims that read alike (a wire story
/// printed by many outlets) have the same information but for those (`ClaimInfo::copy_as`).
/// `None` when a mention is not in its source.
#[derive(PartialEq)]
pub struct Reading<'a> {
    /// The sentence.
    pub text: &'a str,
    mentions: Vec<MentionRead<'a>>,
}

/// How claim `claim` of `src` reads (see [`Reading`]).
pub fn reading<'a>(src: &Analysed<'a>, claim: &Claim) -> Option<Reading<'a>> {
    let text = src.text.get(claim.span.start..claim.span.end)?;
    let base = claim.span.start as i64;
    let mut mentions = Vec::with_capacity(claim.entities.len());
    for &k in &claim.entities {
        let m = src.mentions.get(k)?;
        let value = m
            .value
            .as_ref()
            .map(|v| (v.low.map(f64::to_bits), v.high.map(f64::to_bits), v.unit));
        mentions.push((
            m.span.start as i64 - base,
            m.span.end as i64 - base,
            m.label,
            m.key.as_str(),
            value,
            m.iso.as_deref(),
            src.text.get(m.span.start..m.span.end)?,
        ));
    }
    Some(Reading { text, mentions })
}

/// Gives each claim and clause its meaning: each distinct text embedded once (natively, on all
/// cores), so copies of a wire story cost one embedding.
pub fn embed_all(infos: &mut [ClaimInfo], sources: &[Analysed]) {
    let text = |x: &ClaimInfo| sources[x.source].text.get(x.span.start..x.span.end);
    let mut index: FnvMap<&str, usize> = FnvMap::default();
    let mut texts: Vec<&str> = Vec::new();
    for x in infos
        .iter()
        .flat_map(|x| std::iter::once(x).chain(&x.clauses))
    {
        let t = text(x).unwrap_or("");
        index.entry(t).or_insert_with(|| {
            texts.push(t);
            texts.len() - 1
        });
    }
    let model = crate::similarity::model();
    let vectors = crate::each_source(&texts, |t| model.embed(t));
    let vector_of = |x: &ClaimInfo| {
        let t = text(x).unwrap_or("");
        index
            .get(t)
            .and_then(|&i| vectors.get(i))
            .cloned()
            .unwrap_or_default()
    };
    for x in infos.iter_mut() {
        x.vector = vector_of(x);
        for c in &mut x.clauses {
            c.vector = vector_of(c);
        }
    }
}

/// A claim's word n-grams for n = 1 to 4, each n's hashes sorted.
#[derive(Clone, Debug, Default)]
pub struct Grams {
    hashes: Vec<u32>,
    /// Where each n's hashes end in `hashes`.
    ends: [usize; 4],
}

impl Grams {
    /// The sorted hashes of the n-grams (n from 1 to 4).
    pub fn of(&self, n: usize) -> &[u32] {
        let start = if n <= 1 { 0 } else { self.ends[n - 2] };
        &self.hashes[start..self.ends[n.clamp(1, 4) - 1]]
    }
}

impl ClaimInfo {
    /// Its word n-grams, made once, when first compared: most claims of a long text are never
    /// compared with any other, and copies only once.
    pub fn grams(&self) -> &Grams {
        self.grams.get_or_init(|| {
            let mut g = Grams::default();
            for n in 1..=4 {
                let start = g.hashes.len();
                g.hashes.extend(
                    self.words.windows(n).map(|w| {
                        w.iter().fold(FNV_OFFSET, |h, &x| fnv(h, &x.to_le_bytes())) as u32
                    }),
                );
                g.hashes[start..].sort_unstable();
                g.ends[n - 1] = g.hashes.len();
            }
            g
        })
    }

    /// What pair scoring reads of it alone, made once, when first scored: it is scored against
    /// many others.
    pub fn prep(&self) -> &super::pair::Prep {
        self.prep.get_or_init(|| super::pair::Prep::new(self))
    }

    /// [`ClaimInfo::without_numbers`], made once: a claim in dispute is compared so with
    /// several others.
    pub fn numberless(&self) -> &ClaimInfo {
        self.numberless
            .get_or_init(|| Box::new(self.without_numbers()))
    }

    /// The claim as it would read if its numbers agreed with any other's: numbers as their
    /// labels, number words out of its content, every value the same. Two claims that differ
    /// only in a count are one claim in dispute; this is how the comparison sees that.
    pub fn without_numbers(&self) -> ClaimInfo {
        let mut out = self.clone();
        out.clauses.clear();
        out.grams = std::sync::OnceLock::new();
        out.prep = std::sync::OnceLock::new();
        out.numberless = std::sync::OnceLock::new();
        out.words = self.masked_words.clone();
        out.word_set = self.masked_words.clone();
        out.word_set.sort_unstable();
        out.word_set.dedup();
        let (mut content, mut weight) = (Vec::new(), Vec::new());
        for (i, &h) in self.content.iter().enumerate() {
            if !self.number_words.contains(&h) {
                content.push(h);
                weight.push(self.content_weight[i]);
            }
        }
        out.content = content;
        out.content_weight = weight;
        for f in &mut out.figures {
            f.low = None;
            f.high = None;
        }
        out
    }
}

/// Gives each claim's content words their weight: the length of the word's vector, which the
/// similarity model made grow with how much a word tells (see `crate::similarity`). Each stem
/// is looked up once for all the claims compared, so a word a thousand claims use costs one
/// lookup.
pub fn weigh_words(infos: &mut [ClaimInfo], sources: &[Analysed]) {
    let model = crate::similarity::model();
    let mut weights: FnvMap<u64, f32> = FnvMap::default();
    let mut v = vec![0f32; model.dim()];
    let mut weigh = |x: &mut ClaimInfo| {
        let text = sources[x.source].text;
        x.numberless = std::sync::OnceLock::new();
        x.content_weight.clear();
        for (&h, &(a, b)) in x.content.iter().zip(&x.content_at) {
            let w = *weights.entry(h).or_insert_with(|| {
                if v.is_empty() {
                    return 1.0;
                }
                model.word_into(text.get(a as usize..b as usize).unwrap_or(""), &mut v);
                v.iter().map(|x| x * x).sum::<f32>().sqrt()
            });
            x.content_weight.push(w);
        }
    };
    for x in infos.iter_mut() {
        weigh(x);
        x.clauses.iter_mut().for_each(&mut weigh);
    }
}

/// The least cosine of two counted words that count the same thing ("died" / "killed",
/// "fighters" / "militants").
pub const SAME_NOUN: f32 = 0.5;

/// True when two figures count the same thing: the same label and unit, and the same counted
/// word or one like it in meaning (or a unit and no word); a measure of an object ("31-page
/// indictment") only the same measure of the same object, or, within a story (`story`), a count
/// of that measure ("118 cars" / "a 118-car train"). Within a story, two tolls
/// are one thing when they are one toll, whatever words count them; two sentences compared
/// alone ("5 killed in Iraq" / "7 dead in Syria") may tell of two events.
pub fn same_thing(f: &Figure, g: &Figure, story: bool) -> bool {
    if moments_differ(f, g) {
        return false;
    }
    if f.object != g.object {
        // Within a story, "a 118-car train" and "a train with 118 cars" give one measure.
        let counts_measure =
            |x: &Figure, y: &Figure| x.object != 0 && y.object == 0 && x.measure == y.noun;
        return story
            && (counts_measure(f, g) || counts_measure(g, f))
            && f.label == g.label
            && f.unit == g.unit;
    }
    // Two tolls are two things ("four people died" / "six people were injured"), in a story or
    // not.
    if let (Some(a), Some(b)) = (f.toll, g.toll) {
        if a != b {
            return false;
        }
    }
    if let (true, Some(a), Some(b)) = (story, f.toll, g.toll) {
        return a == b
            && f.label == g.label
            && f.unit == g.unit
            && (!(f.with_others || g.with_others) || f.noun == g.noun);
    }
    // Within a story, a sum told of something and one told bare ("about 52,000 euros of
    // travel" / "claimed 48,000 euros in travel expenses") are one sum.
    let money = |x: &Figure| x.label == Label::Money && x.unit.is_some();
    let nouns = f.noun == g.noun
        || (story && money(f) && money(g) && (f.noun == 0 || g.noun == 0))
        || (f.noun != 0
            && g.noun != 0
            && !(f.with_others || g.with_others)
            && crate::similarity::cosine(&f.noun_vector, &g.noun_vector) >= SAME_NOUN);
    f.label == g.label && f.unit == g.unit && (f.noun != 0 || f.unit.is_some()) && nouns
}

/// The least cosine of two role words that tell one thing befalling a count ("lose" / "cut",
/// "evacuated" / "leave"); "employs 1,500 workers" and "1,200 workers will lose their jobs"
/// count two sets of workers.
const SAME_ROLE: f32 = 0.2;

/// True unless two counts of one noun are told with role words that share no meaning
/// (see [`Figure::role`]). A toll or an object's measure is one thing whatever befalls it.
fn same_role(f: &Figure, g: &Figure) -> bool {
    f.toll.is_some()
        || f.object != 0
        || f.role.is_empty()
        || g.role.is_empty()
        || f.role.iter().any(|(a, u)| {
            g.role
                .iter()
                .any(|(b, v)| a == b || crate::similarity::cosine(u, v) >= SAME_ROLE)
        })
}

/// [`same_thing`], or, within a story, one measure of two objects named by different words
/// ("a 40-page opinion" / "a 41-page ruling"): a story's measured objects are few, and two
/// statements giving them must still be alike, numbers aside, to dispute
/// ([`super::pair::in_dispute`]); only a value compared here, never a toll that joins a group.
pub fn same_measured(f: &Figure, g: &Figure, story: bool) -> bool {
    (same_thing(f, g, story) && same_role(f, g))
        || (story
            && f.measure != 0
            && f.measure == g.measure
            && f.label == g.label
            && f.unit == g.unit)
}

/// Whether two claims give one figure: the same thing counted, as one number ("1.4 million
/// patients" / "roughly 1.4 million patients"), whatever the verbs around it.
pub fn one_figure_twice(x: &ClaimInfo, y: &ClaimInfo) -> bool {
    x.figures.iter().any(|f| {
        y.figures
            .iter()
            .any(|g| same_thing(f, g, true) && one_number(f, g))
    })
}

/// Whether two figures give one number as outlets round it: the same kind and unit, and each
/// value within the other's range ("$250,000" and "about $250,000", "8 percent" and "nearly 8%").
/// An open range ("at least 20") is one number only with the same open range: it gives no value
/// that another figure could be.
pub fn one_number(f: &Figure, g: &Figure) -> bool {
    if f.label != g.label || f.unit != g.unit || moments_differ(f, g) {
        return false;
    }
    let point = |x: &Figure| match (x.low, x.high) {
        (Some(l), Some(h)) => Some((l + h) / 2.0),
        _ => None,
    };
    let within =
        |v: f64, x: &Figure| x.low.is_some_and(|l| l <= v) && x.high.is_some_and(|h| v <= h);
    match (point(f), point(g)) {
        (Some(a), Some(b)) => within(a, g) || within(b, f),
        _ => f.low == g.low && f.high == g.high,
    }
}

/// Whether two figures give one number as outlets word it: [`one_number`], or an open range
/// and a number just past its bound ("more than $240,000" and "about $250,000", "at least 40"
/// and "42"): the one is how the other is told when an outlet does not commit to the figure.
pub fn near_number(f: &Figure, g: &Figure) -> bool {
    one_number(f, g) || open_near(f, g) || open_near(g, f)
}

/// How far past an open range's bound, as a ratio, a number may lie and still be the number the
/// range was told for: "more than 240,000" of "250,000", not "more than 20" of "35".
const NEAR_BOUND: f64 = 1.25;

/// Whether `open` is an open range ("more than 240,000", "fewer than 50") that `point`, a
/// number, lies past and near its bound.
fn open_near(open: &Figure, point: &Figure) -> bool {
    if open.label != point.label || open.unit != point.unit || moments_differ(open, point) {
        return false;
    }
    let (Some(pl), Some(ph)) = (point.low, point.high) else {
        return false;
    };
    let v = (pl + ph) / 2.0;
    match (open.low, open.high) {
        (Some(l), None) => l > 0.0 && v >= l && v <= l * NEAR_BOUND,
        (None, Some(h)) => h > 0.0 && v <= h && v * NEAR_BOUND >= h,
        _ => false,
    }
}

/// A range wider than this share of its upper end is vague ("dozens", "hundreds"); "about
/// $250,000" and "nearly 8%" are not.
const WIDE_RANGE: f64 = 0.5;

/// Whether a figure is a vague amount (see [`WIDE_RANGE`]): "dozens hurt" fits "26 were hurt",
/// but the two share no number a reader would name.
pub fn vague(f: &Figure) -> bool {
    matches!((f.low, f.high), (Some(l), Some(h)) if h - l > WIDE_RANGE * h.abs())
}

/// True when two value ranges, each widened by its rounding, do not overlap (an open side
/// overlaps everything beyond it): "52 percent" and "51.8 percent" overlap, 47 and 48 pages do
/// not.
pub fn disjoint(f: &Figure, g: &Figure) -> bool {
    let below = |x: &Figure, y: &Figure| matches!((x.high, y.low), (Some(h), Some(l)) if h + x.rounding < l - y.rounding);
    below(f, g) || below(g, f)
}

/// Half the step of the last digit written in a number's text, a little less, in the units of
/// its value `value` (see [`Figure::rounding`]); 0 when the text gives no digits to read.
pub(super) fn rounding(text: &str, value: Option<f64>) -> f64 {
    let Some(value) = value.filter(|v| v.is_finite() && *v > 0.0) else {
        return 0.0;
    };
    let digits: String = text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let digits = digits.trim_end_matches(['.', ',']);
    if digits.is_empty() {
        // A number in words ("twelve"): a whole number.
        return if value.fract() == 0.0 { 0.49 } else { 0.0 };
    }
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len()) as i32;
    let Ok(written) = digits.replace(',', "").parse::<f64>() else {
        return 0.0;
    };
    // "1.2 million" is 1.2 written, 1,200,000 meant.
    let scale = if written > 0.0 && value >= written {
        value / written
    } else {
        1.0
    };
    0.49 * 10f64.powi(-decimals) * scale
}

/// Whether two claims' figures can both hold: `Some(false)` when they give the same counted
/// thing values that cannot both be right (and their dates do not differ), `Some(true)` when
/// they give it values that agree, `None` when they give no common thing.
pub fn figures_agree(x: &ClaimInfo, y: &ClaimInfo) -> Option<bool> {
    // Different dates: two moments, not two accounts of one. An object's measure ("the 42-page
    // indictment") is the same whenever it is told of.
    let moments = (!x.dates.is_empty() && !y.dates.is_empty() && x.dates.is_disjoint(&y.dates))
        || (!x.times.is_empty() && !y.times.is_empty() && x.times.is_disjoint(&y.times));
    let story = x.in_context && y.in_context;
    // A game's score is that game's: two scores are of one game only when the claims name the
    // same sides ("beat Dunmore 3-1" / "lost 2-0 to Ashby" are two games).
    let vote = word_hash(VOTE);
    let score = |f: &Figure| f.unit == Some(TALLY_UNIT) && f.noun != vote;
    let same_sides = {
        let n = shared(&x.names, &y.names);
        n == x.names.len() && n == y.names.len()
    };
    agree_over(&x.figures, &y.figures, |f, g| {
        (!moments || f.object != 0)
            && same_measured(f, g, story)
            && (same_sides || !(score(f) || score(g)))
    })
}

/// Whether two claims give one toll ("four people died" / "six were killed"), one object's
/// measure ("a 31-page indictment" / "the 32-page indictment") or one vote's tally ("ruled
/// 5-2" / "a 4-3 decision"), a toll or a tally for one moment (neither
/// gives a date the other lacks): `Some(true)` when their values agree, `Some(false)` when they cannot
/// both be right, `None` when they give no common toll or measure.
pub fn tolls_agree(x: &ClaimInfo, y: &ClaimInfo) -> Option<bool> {
    let one_moment = x.dates == y.dates
        && (x.times.is_empty() || y.times.is_empty() || !x.times.is_disjoint(&y.times));
    // Both figures must be tolls, and the same one: a count of the dead is no count of the
    // rescued, however alike the nouns that go with them ("27 dead" / "100 people survived").
    // A vote's tally ("ruled 5-2" / "a 4-3 decision") is one vote's: a story rarely tells of
    // two votes of one body, and names apart tell two bodies apart (`pair::apart`).
    let vote = word_hash(VOTE);
    let tally = |f: &Figure| f.unit == Some(TALLY_UNIT) && f.noun == vote;
    agree_over(&x.figures, &y.figures, |f, g| {
        let one = (one_moment && f.toll.is_some() && f.toll == g.toll)
            || f.object != 0
            || (one_moment && tally(f) && tally(g));
        one && same_thing(f, g, true)
    })
}

/// Whether figures `fs` and `gs`, paired where `same` says they count one thing, can both hold.
/// A claim may give one thing twice ("killed 89 people (130 in all)"): a value that fits one of
/// the other claim's is matched, so only a value that fits none of them, against one that fits
/// none of the first claim's, cannot be right; one sentence in two outlets never disputes itself.
/// A bare number of the same kind counts what the sentence around it counts ("more than 150
/// passengers, although its manifest recorded just 112"): a value it fits is matched too.
fn agree_over(
    fs: &[Figure],
    gs: &[Figure],
    same: impl Fn(&Figure, &Figure) -> bool,
) -> Option<bool> {
    let bare = |o: &Figure, f: &Figure| {
        o.noun == 0
            && o.object == 0
            && o.label == f.label
            && o.unit == f.unit
            && !moments_differ(o, f)
    };
    let fits = |f: &Figure, others: &[Figure], f_first: bool| {
        others.iter().any(|o| {
            let one = if f_first { same(f, o) } else { same(o, f) };
            (one || bare(o, f)) && !disjoint(f, o)
        })
    };
    let mut agree = None;
    for f in fs {
        for g in gs.iter().filter(|g| same(f, g)) {
            if !disjoint(f, g) {
                agree = Some(true);
            } else if !fits(f, gs, true) && !fits(g, fs, false) {
                return Some(false);
            }
        }
    }
    agree
}

/// The times of day that folded words give, each by one name: "in early trading" and "this
/// morning" are the morning, "by midday" and "at noon" midday, "at the close" the close. A
/// price or a count told at two times of one day is two moments, not two accounts of one.
pub fn times_of(folded: &[String]) -> BTreeSet<&'static str> {
    let mut out = BTreeSet::new();
    for (k, w) in folded.iter().enumerate() {
        let next = folded.get(k + 1).map_or("", String::as_str);
        let before = k.checked_sub(1).map_or("", |j| folded[j].as_str());
        let trading = matches!(next, "trading" | "trade" | "deals" | "dealings" | "session");
        let time = match w.as_str() {
            "morning" | "mornings" => "morning",
            "early" if trading => "morning",
            "midday" | "noon" | "lunchtime" | "mid-morning" | "mid-afternoon" => "midday",
            "afternoon" | "afternoons" => "afternoon",
            "late" if trading => "late",
            "close" | "closing" if matches!(before, "the" | "at") || next == "bell" => "close",
            "evening" | "tonight" => "evening",
            "overnight" | "midnight" | "night" => "night",
            _ => continue,
        };
        out.insert(time);
    }
    out
}

/// How common each content word and name is among the claims compared. A word most claims have
/// is the story's topic ("ISIS", "Turkey" in a story on ISIS in Turkey) and tells little about
/// whether two claims are one; a rare one tells much. Over fewer than [`CONTEXT_MIN`] claims (a
/// pair compared alone) every word keeps its own weight.
///
/// Whether a pair was weighed in a context is itself a feature of the pair model: two sentences
/// given alone to compare are likelier to say one thing than two sentences drawn from the
/// articles of one story, and the model learns both rates (from paraphrase pairs and from
/// whole ECB+ topics).
///
/// The same holds for meaning: every sentence of a story on ISIS in Turkey is about ISIS and
/// Turkey, so their vectors share a direction that says nothing of which claim each makes. In a
/// context, each claim's vector loses the mean of all the claims' vectors (the story's topic,
/// as the first principal component is removed from sentence vectors in SIF), and what is left
/// is compared.
pub struct Context {
    df: FnvMap<u64, u32>,
    n: u32,
    /// The mean of the claims' vectors.
    topic: Vec<f32>,
}

/// The fewest claims that make a context.
pub const CONTEXT_MIN: usize = 10;

impl Context {
    /// The context of these claims.
    pub fn new(infos: &[ClaimInfo]) -> Context {
        let mut df: FnvMap<u64, u32> = FnvMap::default();
        let mut topic = Vec::new();
        if infos.len() >= CONTEXT_MIN {
            for x in infos {
                for &h in x.content.iter().chain(&x.names) {
                    *df.entry(h).or_default() += 1;
                }
                if topic.len() < x.vector.len() {
                    topic.resize(x.vector.len(), 0.0);
                }
                for (t, v) in topic.iter_mut().zip(&x.vector) {
                    *t += v;
                }
            }
            let n = infos.len() as f32;
            topic.iter_mut().for_each(|t| *t /= n);
        }
        Context {
            df,
            n: infos.len() as u32,
            topic,
        }
    }

    /// How much a word or name in `df` of the `n` claims counts: 1 for a word one claim has,
    /// falling to 0 for one that all have (`ln(n / df) / ln(n)`).
    pub fn factor(&self, h: u64) -> f32 {
        if (self.n as usize) < CONTEXT_MIN {
            return 1.0;
        }
        let df = self.df.get(&h).copied().unwrap_or(1).max(1) as f32;
        let n = self.n as f32;
        ((n / df).ln() / n.ln()).clamp(0.0, 1.0)
    }

    /// Scales each claim's word and name weights by how much they tell here.
    pub fn weigh(&self, infos: &mut [ClaimInfo]) {
        if (self.n as usize) < CONTEXT_MIN {
            return;
        }
        for x in infos {
            self.weigh_one(x);
            for c in &mut x.clauses {
                self.weigh_one(c);
            }
        }
    }

    /// Scales one claim's or clause's weights, and takes the topic from its meaning.
    fn weigh_one(&self, x: &mut ClaimInfo) {
        x.in_context = true;
        // Its vector and weights change: what was read of it goes.
        x.prep = std::sync::OnceLock::new();
        x.numberless = std::sync::OnceLock::new();
        if x.vector.len() == self.topic.len() {
            for (v, t) in x.vector.iter_mut().zip(&self.topic) {
                *v -= t;
            }
        }
        for (w, h) in x.content_weight.iter_mut().zip(&x.content) {
            *w *= self.factor(*h);
        }
        for (w, h) in x.name_weight.iter_mut().zip(&x.names) {
            *w *= self.factor(*h);
        }
    }
}

/// The counted noun of a vote's tally (see `figures::tally`): a score of a game has none.
pub const VOTE: &str = "vote";

/// The unit of a tally's figure (see `figures::tally`).
pub const TALLY_UNIT: &str = "tally";

/// A name as the comparison matches it: by its entity key, except that a country and its
/// people's adjective are one ("Turkish territory" and "Turkey" name one place).
fn name_hash(key: &str) -> u64 {
    match crate::entities::gazetteer::country(key) {
        Some(n) => fnv(FNV_OFFSET ^ 0x636f756e74727900, &n.to_le_bytes()),
        None => word_hash(key),
    }
}

/// Who a claim cites: the entity its attribution's source is or stands for (else the names
/// inside the source), and the outlet it came via.
fn cites(src: &Analysed, claim: &Claim) -> Vec<String> {
    let mut cites = Vec::new();
    let a = &claim.attribution;
    // The entity the source is or stands for ("he" → the person named before), else the
    // names inside it.
    let resolved = a
        .resolved
        .filter(|_| a.kind == AttributionKind::Named)
        .and_then(|s| {
            let k = src.mentions.partition_point(|m| m.span < s);
            src.mentions.get(k).filter(|m| m.span == s)
        });
    if let Some(m) = resolved {
        cites.push(m.key.clone());
    }
    if a.kind == AttributionKind::Named {
        let source = a.source.filter(|_| resolved.is_none());
        for span in [source, a.via].into_iter().flatten() {
            // Mentions are sorted by span: only those starting inside `span` can be in it.
            let first = src.mentions.partition_point(|m| m.span.start < span.start);
            for m in src.mentions[first..]
                .iter()
                .take_while(|m| m.span.start < span.end)
                .filter(|m| m.label.is_name() && span.contains(m.span))
            {
                cites.push(m.key.clone());
            }
        }
    }
    if let Some(via) = a.via {
        cites.push(crate::entities::key::name_key(&src.text[via]));
    }
    cites.sort();
    cites.dedup();
    cites
}

/// Hashes of the word 5-grams, sorted and unique.
fn shingles(words: &[u64]) -> Vec<u64> {
    let mut out: Vec<u64> = words
        .windows(5)
        .map(|w| {
            w.iter().fold(FNV_OFFSET, |h, &x| {
                (h.rotate_left(23) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            })
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many items two sorted, unique lists share.
pub fn shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    // Steps without branches: which list moves on is data the processor cannot predict.
    while i < a.len() && j < b.len() {
        let (x, y) = (&a[i], &b[j]);
        n += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_what_reading_it_again_gives() {
        // Reason: a claim that reads like an earlier one is made from it (`copy_as`); it must
        // equal the claim read on its own, at its own place in another text.
        let story = "Twelve cars derailed near the town on Sunday, the county office said. \
                     About 1,200 residents were told to leave their homes, officials said. \
                     Police arrested five men in Ankara on Friday.";
        let sources = [
            crate::Source::new("a", "A", story),
            crate::Source::new(
                "b",
                "B",
                &format!("A longer opening comes first here. {story}"),
            ),
        ];
        let prepared = crate::prepare(&sources);
        let analysed = prepared.analysed(&sources);
        let (a, b) = (&analysed[0], &analysed[1]);
        let mut copies = 0;
        for (c, claim) in b.claims.iter().enumerate() {
            let Some(r) = reading(b, claim) else { continue };
            for (k, earlier) in a.claims.iter().enumerate() {
                if reading(a, earlier).is_some_and(|e| e == r) {
                    let copy = ClaimInfo::new(0, k, a, earlier).copy_as(1, c, b, claim);
                    let again = ClaimInfo::new(1, c, b, claim);
                    assert_eq!(format!("{copy:?}"), format!("{again:?}"));
                    copies += 1;
                }
            }
        }
        assert!(copies >= 2, "{copies}");
    }

    #[test]
    fn one_of_several_is_no_count() {
        // Reason: "after one of its engines caught fire" counts nothing another outlet's "when
        // its engine caught fire" lacks; read as a figure, the pair had numbers that differ.
        let text = "One of its engines caught fire. Two engines caught fire.";
        let sources = [crate::Source::new("a", "A", text)];
        let prepared = crate::prepare(&sources);
        let analysed = prepared.analysed(&sources);
        let a = &analysed[0];
        let figures: Vec<Vec<String>> = a
            .claims
            .iter()
            .map(|c| {
                ClaimInfo::new(0, 0, a, c)
                    .figures
                    .iter()
                    .map(|f| f.text.clone())
                    .collect()
            })
            .collect();
        assert_eq!(figures, [vec![], vec!["Two".to_string()]]);
    }

    #[test]
    fn times_of_day_are_named_one_way() {
        // Reason: "in early trading" and "this morning" are one time, "by midday" another; a
        // closing price is no word "close" ("a close race").
        let of = |t: &str| {
            let words: Vec<String> = t.split(' ').map(str::to_string).collect();
            times_of(&words).into_iter().collect::<Vec<_>>()
        };
        assert_eq!(of("shares rose in early trading"), ["morning"]);
        assert_eq!(of("the index fell this morning"), ["morning"]);
        assert_eq!(of("the stock gained by midday"), ["midday"]);
        assert_eq!(of("it ended lower at the close"), ["close"]);
        assert!(of("it was a close race").is_empty());
        assert!(of("an early start to trading").is_empty());
    }

    /// The figures of each claim of `text`, as one source.
    fn figures_of(text: &str) -> Vec<Vec<Figure>> {
        let sources = [crate::Source::new("a", "A", text)];
        let prepared = crate::prepare(&sources);
        let analysed = prepared.analysed(&sources);
        let a = &analysed[0];
        a.claims
            .iter()
            .map(|c| ClaimInfo::new(0, 0, a, c).figures)
            .collect()
    }

    #[test]
    fn a_share_of_an_owners_whole_counts_the_whole() {
        // Reason: "8% of the company's North American workforce" counted "North" and "10% of
        // Halvorsen's workforce" counted "workforce": one share of one whole, never compared.
        let text = "The cuts amount to about 8% of the company's North American workforce. \
                    The reductions represent about 10% of Halvorsen's workforce in North America. \
                    About 5% of its Ohio plants will close.";
        let nouns: Vec<u64> = figures_of(text).iter().map(|f| f[0].noun).collect();
        assert_eq!(nouns[0], word_hash(stem("workforce")));
        assert_eq!(nouns[1], word_hash(stem("workforce")));
        assert_eq!(nouns[2], word_hash(stem("plants")));
    }

    #[test]
    fn a_whole_or_others_beside_a_part_are_no_count_of_it() {
        // Reason: "divert ambulances from several of its 14 hospitals", "Lakeshore Memorial and
        // three other hospitals" and "four of its hospitals" were read as 14, three and four
        // hospitals in dispute. "Four of its 14" still gives the four.
        let text = "Ambulances went from several of its 14 hospitals. \
                    Ambulances went from Lakeshore Memorial and three other hospitals. \
                    Another 20 hospitals were closed. \
                    Ambulances went from four of its 14 hospitals.";
        let values: Vec<Vec<Option<f64>>> = figures_of(text)
            .iter()
            .map(|f| f.iter().map(|f| f.low).collect())
            .collect();
        assert_eq!(values, [vec![], vec![], vec![], vec![Some(4.0)]]);
    }

    #[test]
    fn a_share_price_is_of_the_noun_before_of_and_a_name_set_off() {
        // Reason: "Shares of Lakeshore's parent company, Corvane Holdings, fell 6%" counted
        // nothing (the comma before "fell" ended the subject) and "saw its stock drop 8%
        // Tuesday" counted "Tuesday": the two moves were never compared.
        let text = "Shares of Lakeshore's parent company, Corvane Holdings, fell 6% on Tuesday. \
                    Corvane Holdings saw its stock drop 8% Tuesday. \
                    The price of oil rose 3 percent.";
        let nouns: Vec<u64> = figures_of(text).iter().map(|f| f[0].noun).collect();
        assert_eq!(
            nouns,
            ["shares", "stock", "price"].map(|w| word_hash(stem(w)))
        );
    }

    #[test]
    fn an_age_after_a_name_is_no_figure() {
        // Reason: "Achterberg, 52, denied any wrongdoing" gave a number the other outlets'
        // denials lack, and the pair read as two statements with numbers apart. A count set off
        // by commas after no person ("The union, 400 strong, …") is still a figure.
        let text = "Rosalind Achterberg, 52, denied any wrongdoing. \
                    The mill, 400 strong, stopped work.";
        let figures: Vec<usize> = figures_of(text).iter().map(Vec::len).collect();
        assert_eq!(figures, [0, 1]);
    }
}
