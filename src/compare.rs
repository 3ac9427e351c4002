//! Cross-source comparison: entity clusters by key and claim groups by similarity.
//!
//! Entities merge across sources by their normalised key. Check-worthy claims from different
//! sources join one group when the cosine similarity of their TF-IDF vectors (content-word
//! stems, entity keys and number values) reaches `SAME_CLAIM`. Candidate pairs come from an
//! inverted index over those features, skipping features too common to discriminate, so cost
//! grows with the number of claims that share something, not with all pairs.

use crate::claims::Claim;
use crate::entities::{key::fold, Label, Mention};
use crate::report::{ClaimGroup, Comparison, EntityCluster, GroupStatus, Member, SourceCounts};
use std::collections::{BTreeMap, HashMap};

/// Two claims at or above this cosine similarity state the same thing.
pub const SAME_CLAIM: f64 = 0.3;

/// What compare needs of one analysed source.
pub struct Analysed<'a> {
    /// Source id.
    pub id: &'a str,
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
    struct Acc {
        labels: BTreeMap<Label, usize>,
        names: Vec<String>,
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
                names: Vec::new(),
                counts: vec![0; sources.len()],
            });
            *acc.labels.entry(m.label).or_default() += 1;
            let name = &src.text[m.span];
            if !acc.names.iter().any(|n| n == name) {
                acc.names.push(name.to_string());
            }
            acc.counts[s] += 1;
        }
    }
    let mut clusters: Vec<EntityCluster> = by_key
        .into_iter()
        .map(|(key, mut acc)| {
            // Most frequent label; ties go to the first in label order.
            let label = acc
                .labels
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(l, _)| *l)
                .unwrap_or(Label::Org);
            acc.names.sort();
            let counts = sources
                .iter()
                .zip(&acc.counts)
                .filter(|(_, &c)| c > 0)
                .map(|(src, &c)| (src.id.to_string(), c))
                .collect();
            EntityCluster {
                key: key.to_string(),
                label,
                names: acc.names,
                sources: SourceCounts(counts),
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
    "after",
    "all",
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
    "said",
    "says",
    "she",
    "so",
    "some",
    "such",
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
    "according",
    "added",
    "reported",
    "reportedly",
    "allegedly",
];

/// A crude English stem: enough to meet "fled"/"flee" no, but "fighters"/"fighter" yes.
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

/// The features of one claim: stems, entity keys, number values.
fn features(src: &Analysed, claim: &Claim) -> Vec<String> {
    let mut f = Vec::new();
    let covered: Vec<_> = claim.entities.iter().map(|&k| &src.mentions[k]).collect();
    for m in &covered {
        let prefix = if m.label.is_name() {
            "e:"
        } else if m.label.is_numeric() {
            "n:"
        } else {
            "d:"
        };
        f.push(format!("{prefix}{}", m.key));
    }
    let text = &src.text[claim.span];
    let base = claim.span.start;
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            let inside_entity = covered
                .iter()
                .any(|m| m.span.start <= base + s && base + i <= m.span.end);
            let w = fold(&text[s..i]);
            if !inside_entity
                && w.len() >= 3
                && !STOPWORDS.contains(&w.as_str())
                && !w.bytes().all(|b| b.is_ascii_digit())
            {
                f.push(stem(&w).to_string());
            }
        }
    }
    f.sort();
    f.dedup();
    f
}

fn claim_groups(sources: &[Analysed]) -> Vec<ClaimGroup> {
    // The check-worthy claims, numbered 0..n.
    let mut refs: Vec<(usize, usize)> = Vec::new();
    let mut feats: Vec<Vec<String>> = Vec::new();
    for (s, src) in sources.iter().enumerate() {
        for (c, claim) in src
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.score >= crate::claims::CHECKWORTHY_THRESHOLD)
        {
            refs.push((s, c));
            feats.push(features(src, claim));
        }
    }
    let n = refs.len();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for f in &feats {
        for w in f {
            *df.entry(w.as_str()).or_default() += 1;
        }
    }
    let idf =
        |w: &str| ((n as f64 + 1.0) / (df.get(w).copied().unwrap_or(0) as f64 + 1.0)).ln() + 1.0;
    let norms: Vec<f64> = feats
        .iter()
        .map(|f| f.iter().map(|w| idf(w).powi(2)).sum::<f64>().sqrt())
        .collect();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    // Claims with the very same features (copies, wire stories) join at once; only the first of
    // each looks for candidates, so repeated text costs nothing more.
    let mut first_with: HashMap<&[String], usize> = HashMap::new();
    let mut representative = vec![true; n];
    for i in 0..n {
        if feats[i].is_empty() {
            continue;
        }
        match first_with.get(feats[i].as_slice()) {
            Some(&j) => {
                representative[i] = false;
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
            None => {
                first_with.insert(feats[i].as_slice(), i);
            }
        }
    }
    // Inverted index over discriminating features.
    let cap = 50.max(n / 10);
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, f) in feats.iter().enumerate().filter(|(i, _)| representative[*i]) {
        for w in f {
            if df[w.as_str()] <= cap {
                index.entry(w.as_str()).or_default().push(i);
            }
        }
    }
    for i in (0..n).filter(|&i| representative[i]) {
        let mut candidates: Vec<usize> = feats[i]
            .iter()
            .filter_map(|w| index.get(w.as_str()))
            .flatten()
            .copied()
            .filter(|&j| j > i && refs[j].0 != refs[i].0)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for j in candidates {
            let shared: f64 = feats[i]
                .iter()
                .filter(|w| feats[j].binary_search(w).is_ok())
                .map(|w| idf(w).powi(2))
                .sum();
            let cos = if norms[i] > 0.0 && norms[j] > 0.0 {
                shared / (norms[i] * norms[j])
            } else {
                0.0
            };
            if cos >= SAME_CLAIM {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<ClaimGroup> = groups
        .into_values()
        .map(|members| {
            let mut src_ids: Vec<usize> = members.iter().map(|&i| refs[i].0).collect();
            src_ids.sort_unstable();
            src_ids.dedup();
            let status = if src_ids.len() >= 2 {
                GroupStatus::Corroborated
            } else {
                GroupStatus::SingleSource
            };
            let members = members
                .iter()
                .map(|&i| Member {
                    source: sources[refs[i].0].id.to_string(),
                    claim: refs[i].1,
                    order: refs[i],
                })
                .collect();
            ClaimGroup {
                status,
                members,
                sources: src_ids.len(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.sources
            .cmp(&a.sources)
            .then_with(|| a.members[0].order.cmp(&b.members[0].order))
    });
    out
}
