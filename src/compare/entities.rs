//! Entities across sources: one cluster per key, with the sources that name it and the
//! sources that leave out what most others name (omissions).

use super::Analysed;
use crate::entities::Label;
use crate::report::{EntityCluster, SourceCounts};
use std::collections::BTreeMap;

/// One cluster per entity key, the most named first.
pub fn entity_clusters(sources: &[Analysed]) -> Vec<EntityCluster> {
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
            // Most frequent label; ties go to a place (a county or a country one outlet's
            // tagger took for an organisation), then to the first in label order.
            let place = |l: &Label| *l == Label::Gpe;
            let label = acc
                .labels
                .iter()
                .max_by(|a, b| {
                    a.1.cmp(b.1)
                        .then(place(a.0).cmp(&place(b.0)))
                        .then(b.0.cmp(a.0))
                })
                .map(|(l, _)| *l)
                .unwrap_or(Label::Org);
            // The display name: the form whose key is the cluster's, written as in a sentence
            // ("Columbus", not the dateline's "COLUMBUS"), else the most used.
            let name = acc
                .names
                .iter()
                .max_by(|a, b| {
                    let own = |x: &str| crate::entities::key::name_key(x) == key;
                    let cased = |x: &str| x.chars().any(char::is_lowercase);
                    (own(a.0), cased(a.0), a.1, std::cmp::Reverse(a.0)).cmp(&(
                        own(b.0),
                        cased(b.0),
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
                    .filter(|(s, &c)| c == 0 && !names_within(s, key))
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

/// True when a source names the entity of `key` inside a longer name, as its first or last
/// words ("Harwick" in "Harwick City Hall", "Tallinn" in "Tallinn Airport"): it does not
/// leave the entity out.
fn names_within(source: &Analysed, key: &str) -> bool {
    source
        .mentions
        .iter()
        .filter(|m| m.label.is_name())
        .any(|m| {
            let k = m.key.as_str();
            k.len() > key.len()
                && ((k.starts_with(key) && k[key.len()..].starts_with(' '))
                    || (k.ends_with(key) && k[..k.len() - key.len()].ends_with(' ')))
        })
}
