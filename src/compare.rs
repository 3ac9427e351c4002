//! Cross-source comparison: entity clusters with omissions, and claim groups with their status,
//! conflicts, independent origins and certainty drift.
//!
//! - Entities merge across sources by their key (the alias cluster, see `entities::aliases`). An
//!   entity that most sources name is an **omission** in each source that leaves it out.
//! - Check-worthy claims from different sources join one group when the cosine similarity of
//!   their TF-IDF vectors reaches `SAME_CLAIM`. The vector's words are content-word stems mapped
//!   to news concepts (`data/lexicon/concepts.txt`: "flee" = "refuge"), entity keys and number
//!   values. Candidate pairs come from an inverted index over those words, skipping words too
//!   common to discriminate, and exact copies join before any pairing, so cost grows with the
//!   claims that share something, not with all pairs.
//! - A group **conflicts** when two members give numbers for the same counted thing whose
//!   ranges cannot both hold (and their dates do not differ), or when one denies what another
//!   states.
//! - Members that cite the same named source or outlet, or share most of their word 5-grams
//!   (copied wire text), are one **origin**.
//! - A group **drifts** when one member asserts what another hedges, attributes, alleges or
//!   denies.

use crate::claims::{AttributionKind, Certainty, Claim};
use crate::entities::{key::fold, Label, Mention};
use crate::hash::{fnv, FnvMap, FnvSet, FNV_OFFSET};
use crate::report::{
    ClaimGroup, Comparison, Conflict, ConflictKind, EntityCluster, GroupStatus, Member,
    SourceCounts,
};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// Two claims at or above this cosine similarity state the same thing.
pub const SAME_CLAIM: f64 = 0.3;

/// Claims scoring at least this take part in grouping: every check-worthy claim, and the
/// near-misses. Headlines take part whatever their score ([`takes_part`]).
pub const GROUP_MIN_SCORE: f64 = 0.3;

/// Whether claim `claim` of `text` takes part in grouping: it scores at least
/// [`GROUP_MIN_SCORE`], or it is a headline (a line of its own without a final stop). A
/// headline states a story's main claim in few words, which the check-worthiness model,
/// learned from debate transcripts that have none, scores low; it joins a group only when
/// another source states the same thing.
pub fn takes_part(text: &str, claim: &Claim) -> bool {
    claim.score >= GROUP_MIN_SCORE || is_headline(text, claim.span)
}

/// True when `span` is a whole line of `text` (but for spaces) that ends in no stop.
pub fn is_headline(text: &str, span: crate::span::Span) -> bool {
    let (Some(before), Some(line), Some(after)) = (
        text.get(..span.start),
        text.get(span.start..span.end),
        text.get(span.end..),
    ) else {
        return false;
    };
    let starts_line = before.trim_end_matches([' ', '\t']).is_empty()
        || before.trim_end_matches([' ', '\t']).ends_with('\n');
    let ends_line = after.trim_start_matches([' ', '\t', '\r']).is_empty()
        || after
            .trim_start_matches([' ', '\t', '\r'])
            .starts_with('\n');
    let last = line
        .trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .chars()
        .last();
    starts_line && ends_line && !matches!(last, Some('.' | '!' | '?' | ':' | ';' | ','))
}

/// Members sharing at least this share of the smaller one's word 5-grams copy each other.
pub const COPIED: f64 = 0.5;

/// What compare needs of one analysed source.
pub struct Analysed<'a> {
    /// Source id.
    pub id: &'a str,
    /// Source name, for conflict details a person reads.
    pub name: &'a str,
    /// Source text.
    pub text: &'a str,
    /// Its entity mentions.
    pub mentions: &'a [Mention],
    /// Its claims.
    pub claims: &'a [Claim],
}

/// Compares the sources.
pub fn compare(sources: &[Analysed]) -> Comparison {
    Comparison {
        entities: entity_clusters(sources),
        claims: claim_groups(sources),
    }
}

fn entity_clusters(sources: &[Analysed]) -> Vec<EntityCluster> {
    struct Acc<'a> {
        labels: BTreeMap<Label, usize>,
        names: BTreeMap<&'a str, usize>,
        counts: Vec<usize>,
    }
    let mut by_key: BTreeMap<&str, Acc> = BTreeMap::new();
    for (s, src) in sources.iter().enumerate() {
        for m in src
            .mentions
            .iter()
            .filter(|m| m.label.is_name() && !m.key.is_empty())
        {
            let acc = by_key.entry(m.key.as_str()).or_insert_with(|| Acc {
                labels: BTreeMap::new(),
                names: BTreeMap::new(),
                counts: vec![0; sources.len()],
            });
            *acc.labels.entry(m.label).or_default() += 1;
            *acc.names.entry(&src.text[m.span]).or_default() += 1;
            acc.counts[s] += 1;
        }
    }
    let n = sources.len();
    let mut clusters: Vec<EntityCluster> = by_key
        .into_iter()
        .map(|(key, acc)| {
            // Most frequent label; ties go to the first in label order.
            let label = acc
                .labels
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(l, _)| *l)
                .unwrap_or(Label::Org);
            // The display name: the form whose key is the cluster's, else the most used.
            let name = acc
                .names
                .iter()
                .max_by(|a, b| {
                    let own = |x: &str| crate::entities::key::name_key(x) == key;
                    (own(a.0), a.1, std::cmp::Reverse(a.0)).cmp(&(
                        own(b.0),
                        b.1,
                        std::cmp::Reverse(b.0),
                    ))
                })
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            let present = acc.counts.iter().filter(|&&c| c > 0).count();
            // "Most sources name it": more than half of three or more sources.
            let omitted_by = if n >= 3 && present * 2 > n && present < n {
                sources
                    .iter()
                    .zip(&acc.counts)
                    .filter(|(_, &c)| c == 0)
                    .map(|(s, _)| s.id.to_string())
                    .collect()
            } else {
                Vec::new()
            };
            let counts = sources
                .iter()
                .zip(&acc.counts)
                .filter(|(_, &c)| c > 0)
                .map(|(src, &c)| (src.id.to_string(), c))
                .collect();
            EntityCluster {
                key: key.to_string(),
                name,
                label,
                names: acc.names.into_keys().map(str::to_string).collect(),
                sources: SourceCounts(counts),
                omitted_by,
            }
        })
        .collect();
    clusters.sort_by(|a, b| {
        b.sources
            .total()
            .cmp(&a.sources.total())
            .then_with(|| a.key.cmp(&b.key))
    });
    clusters
}

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "according",
    "added",
    "after",
    "all",
    "allegedly",
    "also",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "but",
    "by",
    "can",
    "claimed",
    "could",
    "did",
    "do",
    "does",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "his",
    "how",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "may",
    "more",
    "most",
    "not",
    "of",
    "on",
    "one",
    "or",
    "other",
    "our",
    "out",
    "over",
    "reported",
    "reportedly",
    "said",
    "say",
    "says",
    "she",
    "so",
    "some",
    "stated",
    "such",
    "tell",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "to",
    "told",
    "under",
    "up",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "will",
    "with",
    "would",
    "you",
];

/// Words before a counted noun that are not the noun ("2,000 foreign fighters").
const NUMBER_FILLERS: &[&str] = &[
    "of",
    "the",
    "more",
    "other",
    "foreign",
    "new",
    "armed",
    "suspected",
    "alleged",
    "local",
    "former",
    "additional",
    "further",
    "young",
    "senior",
    "top",
    "leading",
    "known",
];

/// A crude English stem: "fighters" → "fighter", "arrested" → "arrest".
fn stem(w: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if w.len() > suffix.len() + 3 {
            if let Some(s) = w.strip_suffix(suffix) {
                return s;
            }
        }
    }
    w
}

/// Stem → concept feature, from `data/lexicon/concepts.txt`.
fn concepts() -> &'static FnvMap<u64, u64> {
    static C: OnceLock<FnvMap<u64, u64>> = OnceLock::new();
    C.get_or_init(|| {
        let mut map = FnvMap::default();
        for line in include_str!("../data/lexicon/concepts.txt").lines() {
            let line = line.trim();
            if line.starts_with('#') {
                continue;
            }
            if let Some((concept, words)) = line.split_once(':') {
                for w in words.split_whitespace() {
                    for form in [w, stem(w)] {
                        map.entry(word_hash(form))
                            .or_insert_with(|| feature(Feature::Concept, concept));
                    }
                }
            }
        }
        map
    })
}

/// The stop words, by [`word_hash`].
fn stopwords() -> &'static FnvSet<u64> {
    static S: OnceLock<FnvSet<u64>> = OnceLock::new();
    S.get_or_init(|| STOPWORDS.iter().map(|w| word_hash(w)).collect())
}

/// The hash of a folded word.
fn word_hash(w: &str) -> u64 {
    fnv(FNV_OFFSET, w.as_bytes())
}

/// What a feature of a claim is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Feature {
    Entity,
    Number,
    Concept,
    Stem,
}

/// A feature as a hash of its kind and text. The top bit marks entity names and numbers,
/// which alone do not make two claims one (see `similarity`).
fn feature(kind: Feature, text: &str) -> u64 {
    let h = fnv(fnv(FNV_OFFSET, &[kind as u8]), text.as_bytes());
    if matches!(kind, Feature::Entity | Feature::Number) {
        h | NAME_OR_NUMBER
    } else {
        h & !NAME_OR_NUMBER
    }
}

const NAME_OR_NUMBER: u64 = 1 << 63;

/// A word of a claim as a feature: its concept, else its stem. `hash` is its [`word_hash`].
fn word_feature(w: &str, hash: u64) -> u64 {
    let c = concepts();
    let stem = stem(w);
    match c.get(&hash).or_else(|| c.get(&word_hash(stem))) {
        Some(&f) => f,
        None => feature(Feature::Stem, stem),
    }
}

/// A number stated in a claim, and what it counts.
struct Figure {
    label: Label,
    low: Option<f64>,
    high: Option<f64>,
    unit: Option<&'static str>,
    /// The concept or stem of the counted noun ("fighter"), or 0 when none follows.
    noun: u64,
    text: String,
}

/// What grouping needs of one check-worthy claim.
struct Info {
    source: usize,
    claim: usize,
    features: Vec<u64>,
    figures: Vec<Figure>,
    dates: BTreeSet<String>,
    certainty: Certainty,
    /// Named source keys and outlet keys: members sharing one are one origin.
    cites: Vec<String>,
    /// Hashes of the claim's word 5-grams, sorted.
    shingles: Vec<u64>,
}

/// `fold` into `out`, without allocating for ASCII words.
fn fold_word(word: &str, out: &mut String) {
    if word.is_ascii() {
        crate::entities::gazetteer::fold_into(word, out);
    } else {
        out.push_str(&fold(word));
    }
}

fn words_of(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric()
            || (start.is_some()
                && (c == '\'' || c == '’' || c == ',' || c == '.')
                && text[i..].chars().nth(1).is_some_and(char::is_alphanumeric))
        {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    out
}

#[inline(never)] // per claim: see `crate::analyze` on wasm tiering
fn info(s: usize, c: usize, src: &Analysed, claim: &Claim) -> Info {
    let covered: Vec<&Mention> = claim.entities.iter().map(|&k| &src.mentions[k]).collect();
    let mut features = Vec::new();
    let mut figures = Vec::new();
    let mut dates = BTreeSet::new();
    for m in &covered {
        if m.label.is_name() {
            features.push(feature(Feature::Entity, &m.key));
        } else if m.label.is_numeric() {
            features.push(feature(Feature::Number, &m.key));
        } else if let Some(iso) = &m.iso {
            dates.insert(iso.clone());
        }
    }
    let text = &src.text[claim.span];
    let base = claim.span.start;
    let words = words_of(text);
    // Per word: the hash of its folded form, for the 5-gram shingles.
    let mut hashes = Vec::with_capacity(words.len());
    let mut w = String::new();
    let mut first_cover = 0;
    for &(a, b) in &words {
        w.clear();
        fold_word(&text[a..b], &mut w);
        let hash = word_hash(&w);
        // A word that starts inside an entity is the entity ("Erdoğan’s").
        while first_cover < covered.len() && covered[first_cover].span.end <= base + a {
            first_cover += 1;
        }
        let inside = covered[first_cover..]
            .iter()
            .take_while(|m| m.span.start <= base + a)
            .any(|m| base + a < m.span.end);
        if !inside
            && w.len() >= 3
            && !stopwords().contains(&hash)
            && !w
                .bytes()
                .all(|x| x.is_ascii_digit() || x == b',' || x == b'.')
        {
            features.push(word_feature(&w, hash));
        }
        hashes.push(hash);
    }
    features.sort_unstable();
    features.dedup();
    // Each number with the noun it counts: the first content word after it.
    for m in covered
        .iter()
        .filter(|m| m.label.is_numeric() && m.label != Label::Ordinal)
    {
        let Some(v) = &m.value else { continue };
        let after = words
            .iter()
            .position(|&(a, _)| base + a >= m.span.end)
            .unwrap_or(words.len());
        let noun = words[after..]
            .iter()
            .take(4)
            .map(|&(a, b)| fold(&text[a..b]))
            .find(|w| !NUMBER_FILLERS.contains(&w.as_str()) && w.chars().all(char::is_alphabetic))
            .map(|w| word_feature(&w, word_hash(&w)))
            .unwrap_or(0);
        figures.push(Figure {
            label: m.label,
            low: v.low,
            high: v.high,
            unit: v.unit,
            noun,
            text: src.text[m.span].to_string(),
        });
    }
    // Who it cites: named entities inside the attribution's source, and the outlet it came via.
    let mut cites = Vec::new();
    let a = &claim.attribution;
    if a.kind == AttributionKind::Named {
        for span in [a.source, a.via].into_iter().flatten() {
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
    let mut shingles: Vec<u64> = hashes
        .windows(5)
        .map(|w| {
            w.iter().fold(FNV_OFFSET, |h, &x| {
                (h.rotate_left(23) ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            })
        })
        .collect();
    shingles.sort_unstable();
    shingles.dedup();
    Info {
        source: s,
        claim: c,
        features,
        figures,
        dates,
        certainty: claim.certainty,
        cites,
        shingles,
    }
}

/// A claim's features as ids, sorted, with their weights (idf²) looked up in `Weights`.
struct Vector {
    ids: Vec<u32>,
    /// Sum of the weights: the squared norm.
    norm2: f64,
}

/// Per feature id: its weight and whether it names an entity or a number.
struct Weights {
    weight: Vec<f64>,
    name_or_number: Vec<bool>,
}

/// How alike two claims are: the cosine of their TF-IDF vectors, or, when they share at least
/// three words with one beyond entity names, how much of the shorter one the longer contains
/// (a headline inside a lead sentence), discounted.
fn similarity(a: &Vector, b: &Vector, w: &Weights) -> f64 {
    if a.norm2 == 0.0 || b.norm2 == 0.0 {
        return 0.0;
    }
    let (mut x, mut y) = (0, 0);
    let (mut shared, mut weight, mut beyond_names) = (0, 0.0, false);
    while x < a.ids.len() && y < b.ids.len() {
        match a.ids[x].cmp(&b.ids[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                let id = a.ids[x] as usize;
                shared += 1;
                weight += w.weight[id];
                beyond_names |= !w.name_or_number[id];
                x += 1;
                y += 1;
            }
        }
    }
    let cosine = weight / (a.norm2 * b.norm2).sqrt();
    if shared >= 3 && beyond_names {
        cosine.max(CONTAINMENT_DISCOUNT * weight / a.norm2.min(b.norm2))
    } else {
        cosine
    }
}

/// How much a contained claim counts against a cosine (see `similarity`).
const CONTAINMENT_DISCOUNT: f64 = 0.6;

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

fn claim_groups(sources: &[Analysed]) -> Vec<ClaimGroup> {
    // The check-worthy claims, numbered 0..n.
    // Each source's claims on its own (natively on all cores), in source order.
    let numbered: Vec<(usize, &Analysed)> = sources.iter().enumerate().collect();
    let infos: Vec<Info> = crate::each_source(&numbered, |&(s, src)| {
        src.claims
            .iter()
            .enumerate()
            .filter(|(_, c)| takes_part(src.text, c))
            .map(|(c, claim)| info(s, c, src, claim))
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    let n = infos.len();
    // Feature ids, document frequencies and weights (idf²).
    let mut ids: FnvMap<u64, u32> = FnvMap::default();
    let mut df: Vec<usize> = Vec::new();
    for f in &infos {
        for &w in &f.features {
            let next = ids.len() as u32;
            let id = *ids.entry(w).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            df[id as usize] += 1;
        }
    }
    let mut name_or_number = vec![false; df.len()];
    for (&w, &id) in &ids {
        name_or_number[id as usize] = w & NAME_OR_NUMBER != 0;
    }
    let weights = Weights {
        weight: df
            .iter()
            .map(|&d| (((n as f64 + 1.0) / (d as f64 + 1.0)).ln() + 1.0).powi(2))
            .collect(),
        name_or_number,
    };
    let vectors: Vec<Vector> = infos
        .iter()
        .map(|f| {
            let mut v: Vec<u32> = f.features.iter().map(|w| ids[w]).collect();
            v.sort_unstable();
            let norm2 = v.iter().map(|&id| weights.weight[id as usize]).sum();
            Vector { ids: v, norm2 }
        })
        .collect();
    let mut uf = UnionFind((0..n).collect());
    // Claims with the very same features (copies, wire stories) join at once; only the first of
    // each looks for candidates, so repeated text costs nothing more.
    let mut first_with: FnvMap<&[u32], usize> = FnvMap::default();
    let mut representative = vec![true; n];
    for i in 0..n {
        if vectors[i].ids.is_empty() {
            continue;
        }
        match first_with.get(vectors[i].ids.as_slice()) {
            Some(&j) => {
                representative[i] = false;
                uf.union(i, j);
            }
            None => {
                first_with.insert(vectors[i].ids.as_slice(), i);
            }
        }
    }
    // Inverted index over discriminating features: those in at most `cap` claims.
    let cap = 50.max(n / 50);
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); df.len()];
    for i in (0..n).filter(|&i| representative[i]) {
        for &id in &vectors[i].ids {
            if df[id as usize] <= cap {
                postings[id as usize].push(i as u32);
            }
        }
    }
    // Candidates share at least two indexed features (one, when the claim has only one).
    let mut shared = vec![0u16; n];
    let mut touched: Vec<usize> = Vec::new();
    for i in (0..n).filter(|&i| representative[i]) {
        let indexed = vectors[i]
            .ids
            .iter()
            .filter(|&&id| df[id as usize] <= cap)
            .count();
        let need = indexed.clamp(1, 2) as u16;
        for &id in &vectors[i].ids {
            for &j in &postings[id as usize] {
                let j = j as usize;
                if j > i && infos[j].source != infos[i].source {
                    if shared[j] == 0 {
                        touched.push(j);
                    }
                    shared[j] = shared[j].saturating_add(1);
                }
            }
        }
        for &j in &touched {
            if shared[j] >= need && similarity(&vectors[i], &vectors[j], &weights) >= SAME_CLAIM {
                uf.union(i, j);
            }
            shared[j] = 0;
        }
        touched.clear();
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = uf.root(i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<ClaimGroup> = groups
        .into_values()
        .map(|m| group(sources, &infos, &m))
        .collect();
    out.sort_by(|a, b| {
        b.sources
            .cmp(&a.sources)
            .then_with(|| a.members[0].order.cmp(&b.members[0].order))
    });
    out
}

/// Builds one group: status, conflict, origins, drift.
#[inline(never)] // per claim: see `crate::analyze` on wasm tiering
fn group(sources: &[Analysed], infos: &[Info], members: &[usize]) -> ClaimGroup {
    let mut source_ids: Vec<usize> = members.iter().map(|&i| infos[i].source).collect();
    source_ids.sort_unstable();
    source_ids.dedup();
    let conflict = conflict(sources, infos, members);
    let status = if conflict.is_some() {
        GroupStatus::Conflicting
    } else if source_ids.len() >= 2 {
        GroupStatus::Corroborated
    } else {
        GroupStatus::SingleSource
    };
    // Origins: one outlet's own claims are one origin; so are claims citing one source, and
    // claims copying each other's text. Joined through maps, then pairwise only among distinct
    // texts, so a story repeated by a hundred outlets costs a hundred steps, not ten thousand.
    let k = members.len();
    let mut uf = UnionFind((0..k).collect());
    let mut first_of_source: FnvMap<usize, usize> = FnvMap::default();
    let mut first_citing: FnvMap<&str, usize> = FnvMap::default();
    let mut first_text: FnvMap<&[u64], usize> = FnvMap::default();
    let mut distinct: Vec<usize> = Vec::new();
    for (a, &i) in members.iter().enumerate() {
        let x = &infos[i];
        let b = *first_of_source.entry(x.source).or_insert(a);
        uf.union(a, b);
        for c in &x.cites {
            let b = *first_citing.entry(c.as_str()).or_insert(a);
            uf.union(a, b);
        }
        if !x.shingles.is_empty() {
            let b = *first_text.entry(x.shingles.as_slice()).or_insert(a);
            uf.union(a, b);
            if b == a {
                distinct.push(a);
            }
        }
    }
    for (p, &a) in distinct.iter().enumerate() {
        for &b in &distinct[p + 1..] {
            if uf.root(a) != uf.root(b)
                && copied(&infos[members[a]].shingles, &infos[members[b]].shingles)
            {
                uf.union(a, b);
            }
        }
    }
    let mut origin_of: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out_members = Vec::with_capacity(k);
    for (a, &i) in members.iter().enumerate() {
        let r = uf.root(a);
        let next = origin_of.len();
        let origin = *origin_of.entry(r).or_insert(next);
        out_members.push(Member {
            source: sources[infos[i].source].id.to_string(),
            claim: infos[i].claim,
            certainty: infos[i].certainty.as_str(),
            origin,
            order: (infos[i].source, infos[i].claim),
        });
    }
    let certainties: BTreeSet<Certainty> = members.iter().map(|&i| infos[i].certainty).collect();
    let drift = source_ids.len() >= 2
        && certainties.contains(&Certainty::Asserted)
        && certainties.len() > 1;
    ClaimGroup {
        status,
        members: out_members,
        sources: source_ids.len(),
        origins: origin_of.len(),
        drift,
        conflict,
    }
}

/// True when two sorted shingle sets share at least `COPIED` of the smaller one.
fn copied(x: &[u64], y: &[u64]) -> bool {
    let smaller = x.len().min(y.len());
    if smaller == 0 {
        return false;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 >= COPIED * smaller as f64
}

/// Numbers for the same counted thing that cannot both hold, or a denial of a statement.
fn conflict(sources: &[Analysed], infos: &[Info], members: &[usize]) -> Option<Conflict> {
    // Only members with numbers, and each distinct (source, numbers, dates) once: repeats
    // cannot conflict where their first copy does not.
    let mut seen = std::collections::HashSet::new();
    let with_figures: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| {
            let x = &infos[i];
            !x.figures.is_empty() && seen.insert((x.source, figures_key(&x.figures), &x.dates))
        })
        .collect();
    for (a, &i) in with_figures.iter().enumerate() {
        for &j in &with_figures[a + 1..] {
            let (x, y) = (&infos[i], &infos[j]);
            if x.source == y.source {
                continue;
            }
            // Different dates: two moments, not two accounts of one.
            if !x.dates.is_empty() && !y.dates.is_empty() && x.dates.is_disjoint(&y.dates) {
                continue;
            }
            for f in &x.figures {
                for g in &y.figures {
                    let same_thing = f.label == g.label
                        && f.unit == g.unit
                        && (f.noun != 0 || f.unit.is_some())
                        && f.noun == g.noun;
                    if same_thing && disjoint(f, g) {
                        return Some(Conflict {
                            kind: ConflictKind::Numeric,
                            detail: format!(
                                "“{}” ({}) and “{}” ({}) cannot both be right",
                                f.text, sources[x.source].name, g.text, sources[y.source].name
                            ),
                        });
                    }
                }
            }
        }
    }
    let denied: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| infos[i].certainty == Certainty::Denied)
        .collect();
    let stated = members.iter().copied().find(|&i| {
        matches!(
            infos[i].certainty,
            Certainty::Asserted | Certainty::Attributed
        )
    });
    if let (Some(&d), Some(s)) = (denied.first(), stated) {
        if infos[d].source != infos[s].source {
            return Some(Conflict {
                kind: ConflictKind::Negation,
                detail: format!(
                    "{} denies what {} states",
                    sources[infos[d].source].name, sources[infos[s].source].name
                ),
            });
        }
    }
    None
}

/// A hash of what a claim's figures are, for conflict checking.
fn figures_key(figures: &[Figure]) -> u64 {
    let mut h = FNV_OFFSET;
    for f in figures {
        h = fnv(h, f.label.as_str().as_bytes());
        for x in [f.low, f.high] {
            h = fnv(h, &x.map_or(u64::MAX, f64::to_bits).to_le_bytes());
        }
        h = fnv(h, f.unit.unwrap_or("").as_bytes());
        h = fnv(h, &f.noun.to_le_bytes());
        h = fnv(h, f.text.as_bytes());
        h = fnv(h, &[0]);
    }
    h
}

/// True when two value ranges do not overlap (an open side overlaps everything beyond it).
fn disjoint(f: &Figure, g: &Figure) -> bool {
    let below = |hi: Option<f64>, lo: Option<f64>| matches!((hi, lo), (Some(h), Some(l)) if h < l);
    below(f.high, g.low) || below(g.high, f.low)
}
