//! Which claims state the same thing: candidate pairs from an index of what claims share and,
//! in a story of ordinary size, from their meanings' nearest neighbours, each scored by the
//! pair model, then average-link clustering, so every member of a group is close
//! to the group as a whole and one shared neighbour cannot chain two unrelated claims. In a
//! story of ordinary size, two clusters weighed for a merge have their pairs that were not
//! candidates scored then, so the mean is over what the pairs say, not over zeros.

use super::claim::ClaimInfo;
use super::pair;
use super::toll::Toll;
use crate::hash::{fnv, FnvMap, FNV_OFFSET};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Pairs scoring below this are left out of the linkage sums (as if 0): far below any
/// threshold, they would only cost memory.
const EDGE_MIN: f32 = 0.05;

/// Each node's nearest nodes of other sources by meaning are candidates too (words in common
/// miss "fled" and "took refuge") when there are at most this many pairs of nodes to compare:
/// a few articles' worth, where a cosine for every pair costs little.
const MEANING_PAIRS: usize = 500_000;
/// How many nearest nodes by meaning each node offers, and how close they must be (cosine).
const MEANING_NEAREST: usize = 3;
const MEANING_MIN: f32 = 0.3;

/// In a story of at most this many pairs of nodes (a few articles), every pair of claims of
/// two clusters weighed for a merge counts at its score: pairs the candidates left out are
/// scored then (see [`Filler`]).
const FILL_PAIRS: usize = 500_000;

/// The groups, and what they were made from.
pub struct Grouping {
    /// The groups: each a sorted list of indexes into the claims, ordered by first member;
    /// every claim in exactly one.
    pub groups: Vec<Vec<usize>>,
    /// Each claim's node: claims with the very same words share one.
    node_of: Vec<u32>,
    /// Scored pairs of nodes `(a, b)`, `a < b`, with their probability.
    edges: FnvMap<(u32, u32), f32>,
    /// Each claim's closest claim of another source among those scored (a copy is closest of
    /// all), with its probability.
    pub closest: Vec<Option<(usize, f32)>>,
    /// For each headline in its lede's group (put there, or joined on its own), the lede.
    pub headline_of: Vec<Option<usize>>,
    /// Whether each claim is a headline over a lede.
    pub headline: Vec<bool>,
}

impl Grouping {
    /// The probability that claims `i` and `j` state the same thing: 1 for copies, the score
    /// when the pair was scored, else scored now.
    pub fn probability(&self, infos: &[ClaimInfo], i: usize, j: usize) -> f32 {
        let (a, b) = (self.node_of[i], self.node_of[j]);
        if a == b {
            return 1.0;
        }
        match self.edges.get(&(a.min(b), a.max(b))) {
            Some(&p) => p,
            None => pair::similarity(&infos[i], &infos[j]),
        }
    }

    /// The probability of claims `i` and `j` when it is known without scoring: 1 for copies,
    /// the score of a scored pair.
    pub fn scored(&self, i: usize, j: usize) -> Option<f32> {
        let (a, b) = (self.node_of[i], self.node_of[j]);
        if a == b {
            return Some(1.0);
        }
        self.edges.get(&(a.min(b), a.max(b))).copied()
    }
}

/// Groups the claims. Claims with the very same words (copies, wire stories) are one node from
/// the start; only the first of each is scored, so repeated text costs nothing more. `ledes`
/// gives each headline its lede (see `super::headline`).
pub fn group(infos: &[ClaimInfo], ledes: &[Option<usize>], threshold: f32) -> Grouping {
    let n = infos.len();
    // Nodes: distinct claims, each with its copies.
    let mut node_of = vec![0u32; n];
    let mut nodes: Vec<Vec<usize>> = Vec::new();
    let mut first_with: FnvMap<&[u64], u32> = FnvMap::default();
    for (i, info) in infos.iter().enumerate() {
        let id = if info.words.is_empty() {
            None
        } else {
            first_with.get(info.words.as_slice()).copied()
        };
        match id {
            Some(id) => {
                node_of[i] = id;
                nodes[id as usize].push(i);
            }
            None => {
                let id = nodes.len() as u32;
                if !info.words.is_empty() {
                    first_with.insert(info.words.as_slice(), id);
                }
                node_of[i] = id;
                nodes.push(vec![i]);
            }
        }
    }
    let sources_of: Vec<Sources> = nodes
        .iter()
        .map(|n| {
            let mut s: Sources = Vec::new();
            for &i in n {
                let src = infos[i].source as u32;
                match s.binary_search_by_key(&src, |x| x.0) {
                    Ok(k) => s[k].1 += 1,
                    Err(k) => s.insert(k, (src, 1)),
                }
            }
            s
        })
        .collect();
    let (mut edges, low) = candidate_scores(infos, &nodes, &sources_of);
    let k = nodes.len();
    let fill = (k * k.saturating_sub(1) / 2 <= FILL_PAIRS).then(|| Filler {
        infos,
        nodes: &nodes,
        scored: FnvMap::default(),
        low,
    });
    let (clusters, filled) = average_link(&nodes, &sources_of, &edges, threshold, fill);
    for (pair, p) in filled {
        if p >= EDGE_MIN {
            edges.entry(pair).or_insert(p);
        }
    }
    let mut groups: Vec<Vec<usize>> = clusters
        .into_iter()
        .map(|c| {
            let mut members: Vec<usize> = c
                .iter()
                .flat_map(|&k| nodes[k as usize].iter().copied())
                .collect();
            members.sort_unstable();
            members
        })
        .collect();
    let headline_of = join_headlines(&mut groups, infos, ledes);
    groups.sort_unstable_by_key(|g| g[0]);
    let closest = closest(infos, &nodes, &edges);
    Grouping {
        groups,
        node_of,
        edges,
        closest,
        headline_of,
        headline: ledes.iter().map(Option::is_some).collect(),
    }
}

/// Puts each headline that no other source shares into the group of its lede, when other
/// sources share that group: the lede states in full what the headline says, and the pair model
/// cannot see that in a headline's few words. Returns, for each headline in its lede's group
/// (moved or not), its lede.
fn join_headlines(
    groups: &mut Vec<Vec<usize>>,
    infos: &[ClaimInfo],
    ledes: &[Option<usize>],
) -> Vec<Option<usize>> {
    let mut out = vec![None; infos.len()];
    let mut group_of = vec![0; infos.len()];
    for (g, members) in groups.iter().enumerate() {
        for &i in members {
            group_of[i] = g;
        }
    }
    let shared = |g: &[usize], s: usize| g.iter().any(|&j| infos[j].source != s);
    // A group of headlines alone whose ledes are all in one other group ("Minister resigns
    // over expenses claims" / "Minister resigns in travel expenses row"): the claim each sums
    // up is its lede's, so they join the ledes' group.
    for g in 0..groups.len() {
        let lede_group = |h: usize| ledes.get(h).copied().flatten().map(|l| group_of[l]);
        let Some(&first) = groups[g].first() else {
            continue;
        };
        let Some(to) = lede_group(first).filter(|&t| t != g) else {
            continue;
        };
        if groups[g].len() < 2 || !groups[g].iter().all(|&h| lede_group(h) == Some(to)) {
            continue;
        }
        let moved = std::mem::take(&mut groups[g]);
        for &h in &moved {
            group_of[h] = to;
        }
        groups[to].extend(moved);
        groups[to].sort_unstable();
    }
    for (h, lede) in ledes.iter().enumerate() {
        let (Some(&l), Some(x)) = (lede.as_ref(), infos.get(h)) else {
            continue;
        };
        let (from, to) = (group_of[h], group_of[l]);
        if from == to {
            // Joined on its own: still the headline over its lede, in the lede's group.
            out[h] = Some(l);
            continue;
        }
        if shared(&groups[from], x.source) || !shared(&groups[to], x.source) {
            continue;
        }
        groups[from].retain(|&i| i != h);
        let at = groups[to].partition_point(|&i| i < h);
        groups[to].insert(at, h);
        group_of[h] = to;
        out[h] = Some(l);
    }
    groups.retain(|g| !g.is_empty());
    out
}

/// Each claim's closest claim of another source: a copy printed by another source, else the
/// best scored pair (ties to the earlier claim).
fn closest(
    infos: &[ClaimInfo],
    nodes: &[Vec<usize>],
    edges: &FnvMap<(u32, u32), f32>,
) -> Vec<Option<(usize, f32)>> {
    let mut best: Vec<Option<(usize, f32)>> = vec![None; infos.len()];
    let offer = |i: usize, j: usize, p: f32, best: &mut Vec<Option<(usize, f32)>>| {
        let better = match best[i] {
            None => true,
            Some((k, q)) => p > q || (p == q && j < k),
        };
        if better {
            best[i] = Some((j, p));
        }
    };
    let other =
        |node: &[usize], source: usize| node.iter().copied().find(|&j| infos[j].source != source);
    for node in nodes.iter().filter(|n| n.len() > 1) {
        for &i in node {
            if let Some(j) = other(node, infos[i].source) {
                offer(i, j, 1.0, &mut best);
            }
        }
    }
    let mut sorted: Vec<(&(u32, u32), &f32)> = edges.iter().collect();
    sorted.sort_unstable_by_key(|(k, _)| **k);
    for (&(a, b), &p) in sorted {
        for (x, y) in [(a, b), (b, a)] {
            for &i in &nodes[x as usize] {
                if let Some(j) = other(&nodes[y as usize], infos[i].source) {
                    offer(i, j, p, &mut best);
                }
            }
        }
    }
    best
}

/// What claims are indexed by: content stems, names and number values, and the tolls and
/// measured objects their figures count. A feature is a hash of its kind and its value.
fn index_features(info: &ClaimInfo, out: &mut Vec<u64>) {
    out.clear();
    out.extend(info.content.iter().map(|&h| tagged(b'w', h)));
    out.extend(info.names.iter().map(|&h| tagged(b'n', h)));
    for f in &info.figures {
        let v = f.low.or(f.high).map_or(0, f64::to_bits);
        out.push(tagged(b'#', v));
    }
    out.extend(counted(info));
    out.sort_unstable();
    out.dedup();
}

/// The toll feature's value for a vote's tally ("ruled 5-2"): one per story, like a toll.
const TALLY: u64 = u64::MAX;

/// A feature: a hash of its kind and its value.
fn tagged(kind: u8, h: u64) -> u64 {
    fnv(fnv(FNV_OFFSET, &[kind]), &h.to_le_bytes())
}

/// The features of what a claim's figures count: each toll of the harmed ("six were killed":
/// the dead; the injured, the missing, the sickened) and each measured object ("a 48-page indictment"), in
/// whatever words: "Six people died and 29 were hurt" and "At least 30 people were injured"
/// share one word and one toll, enough to be scored, and their figures must be compared. Not
/// the rescued, the displaced or those on board: what one event harmed is what outlets count
/// in their own words.
fn counted(info: &ClaimInfo) -> impl Iterator<Item = u64> + '_ {
    info.figures
        .iter()
        .filter_map(|f| match (f.toll, f.object) {
            (Some(t), _) if t.harms() => Some(tagged(b't', t as u64)),
            _ if f.unit == Some(super::claim::TALLY_UNIT)
                && f.noun == super::text::word_hash(super::claim::VOTE) =>
            {
                Some(tagged(b't', TALLY))
            }
            (Some(_), _) | (None, 0) => None,
            (None, o) => Some(tagged(b'o', o)),
        })
}

/// Scores the candidate pairs of nodes: those with claims from different sources sharing at
/// least two discriminating index features (one, when a node has only one; a toll counts as
/// two). Returns `(a, b) →
/// probability`, `a < b`: the pairs of at least [`EDGE_MIN`], and the rest.
fn candidate_scores(
    infos: &[ClaimInfo],
    nodes: &[Vec<usize>],
    sources_of: &[Sources],
) -> (Scores, Scores) {
    let k = nodes.len();
    let mut features: Vec<Vec<u64>> = Vec::with_capacity(k);
    let mut buf = Vec::new();
    let mut ids: FnvMap<u64, u32> = FnvMap::default();
    let mut df: Vec<u32> = Vec::new();
    for node in nodes {
        index_features(&infos[node[0]], &mut buf);
        for &f in &buf {
            let next = ids.len() as u32;
            let id = *ids.entry(f).or_insert(next);
            if id as usize == df.len() {
                df.push(0);
            }
            df[id as usize] += 1;
        }
        features.push(buf.clone());
    }

    // Features in more than `cap` nodes do not discriminate; they are not indexed.
    let cap = 50.max(k / 50) as u32;
    let node_ids: Vec<Vec<u32>> = features
        .iter()
        .map(|fs| {
            fs.iter()
                .map(|f| ids[f])
                .filter(|&id| df[id as usize] <= cap)
                .collect()
        })
        .collect();

    // A toll counts as two features: "Two crew members were hurt" and "There are no reports
    // of injuries" share nothing else, and are one claim in dispute; so does a vote's tally.
    let tolls: Vec<u64> = [Toll::Dead, Toll::Injured, Toll::Missing, Toll::Ill]
        .iter()
        .map(|&t| t as u64)
        .chain([TALLY])
        .map(|t| tagged(b't', t))
        .collect();
    let mut weight = vec![1u16; df.len()];
    for t in &tolls {
        if let Some(&id) = ids.get(t) {
            weight[id as usize] = 2;
        }
    }
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); df.len()];
    for (a, fs) in node_ids.iter().enumerate() {
        for &id in fs {
            postings[id as usize].push(a as u32);
        }
    }
    // A line of names states nothing to share: no pair of it is scored.
    let states: Vec<bool> = nodes.iter().map(|n| !infos[n[0]].names_only).collect();
    let mut shared = vec![0u16; k];
    let mut touched: Vec<usize> = Vec::new();
    // The pairs to score, in the order their scores go into `edges`: gathered first, then
    // scored on all cores (each pair alone; see `score_all`).
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for a in 0..k {
        let need = node_ids[a].len().clamp(1, 2) as u16;
        for &id in &node_ids[a] {
            for &b in &postings[id as usize] {
                let b = b as usize;
                if b > a {
                    if shared[b] == 0 {
                        touched.push(b);
                    }
                    shared[b] = shared[b].saturating_add(weight[id as usize]);
                }
            }
        }
        touched.sort_unstable();
        for &b in &touched {
            // Pairs within one source do not count (see `average_link`): not scored.
            if shared[b] >= need
                && states[a]
                && states[b]
                && cross_pairs(&sources_of[a], &sources_of[b]) > 0.0
            {
                pairs.push((a as u32, b as u32));
            }
            shared[b] = 0;
        }
        touched.clear();
    }
    let by_index = pairs.len();
    if k * k.saturating_sub(1) / 2 <= MEANING_PAIRS {
        // A pair the index offered is scored once: the same score again could add nothing.
        let offered: crate::hash::FnvSet<(u32, u32)> = pairs.iter().copied().collect();
        for (a, b) in nearest_by_meaning(infos, nodes, sources_of) {
            if states[a as usize] && states[b as usize] && !offered.contains(&(a, b)) {
                pairs.push((a, b));
            }
        }
    }
    let scores = score_all(infos, nodes, &pairs);
    let mut edges = FnvMap::default();
    let mut low = FnvMap::default();
    for (&(a, b), &p) in pairs[..by_index].iter().zip(&scores) {
        if p >= EDGE_MIN {
            edges.insert((a, b), p);
        } else {
            low.insert((a, b), p);
        }
    }
    for (&(a, b), &p) in pairs[by_index..].iter().zip(&scores[by_index..]) {
        if p >= EDGE_MIN {
            edges.entry((a, b)).or_insert(p);
        } else {
            low.insert((a, b), p);
        }
    }
    (edges, low)
}

/// The pair model's probability for each pair of nodes (their first claims), in order.
/// Natively the pairs are shared out among the cores in blocks (a pair's score depends on
/// nothing but its two claims, so the scores are the same however they are shared out).
fn score_all(infos: &[ClaimInfo], nodes: &[Vec<usize>], pairs: &[(u32, u32)]) -> Vec<f32> {
    let blocks: Vec<&[(u32, u32)]> = pairs.chunks(SCORE_BLOCK).collect();
    crate::each_source(&blocks, |block| {
        block
            .iter()
            .map(|&(a, b)| {
                pair::similarity(&infos[nodes[a as usize][0]], &infos[nodes[b as usize][0]])
            })
            .collect::<Vec<f32>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// How many pairs a core takes at a time in [`score_all`]: enough that handing them out costs
/// nothing beside scoring them, few enough that the cores finish together.
const SCORE_BLOCK: usize = 64;

/// Pairs of nodes `(a, b)`, `a < b`, of which one is among the other's [`MEANING_NEAREST`]
/// nodes of other sources by meaning, at a cosine of [`MEANING_MIN`] or more; in order.
fn nearest_by_meaning(
    infos: &[ClaimInfo],
    nodes: &[Vec<usize>],
    sources_of: &[Sources],
) -> Vec<(u32, u32)> {
    let k = nodes.len();
    let vector = |a: usize| &infos[nodes[a][0]].vector;
    let mut near: Vec<Vec<(f32, u32)>> = vec![Vec::new(); k];
    // Two nodes make no pair of claims from different sources only when all their claims
    // come from one and the same source: each node's only source, if it has one.
    let only: Vec<Option<u32>> = sources_of
        .iter()
        .map(|s| match s.as_slice() {
            [(src, _)] => Some(*src),
            _ => None,
        })
        .collect();
    let offer = |list: &mut Vec<(f32, u32)>, c: f32, b: u32| {
        // Keep the closest few, the earlier node first on a tie.
        let at = list.partition_point(|&(x, y)| x > c || (x == c && y < b));
        if at < MEANING_NEAREST {
            list.insert(at, (c, b));
            list.truncate(MEANING_NEAREST);
        }
    };
    // Each vector's squares summed once, not once per pair (the same cosine to the bit).
    let squares: Vec<f32> = (0..k)
        .map(|a| crate::similarity::squares(vector(a)))
        .collect();
    for a in 0..k {
        let va = vector(a);
        if va.is_empty() {
            continue;
        }
        for b in a + 1..k {
            let vb = vector(b);
            if vb.len() != va.len() || (only[a].is_some() && only[a] == only[b]) {
                continue;
            }
            let c = crate::similarity::cosine_of(
                crate::similarity::dot(va, vb),
                squares[a],
                squares[b],
            );
            if c >= MEANING_MIN {
                offer(&mut near[a], c, b as u32);
                offer(&mut near[b], c, a as u32);
            }
        }
    }
    let mut out: Vec<(u32, u32)> = near
        .iter()
        .enumerate()
        .flat_map(|(a, list)| {
            list.iter()
                .map(move |&(_, b)| ((a as u32).min(b), (a as u32).max(b)))
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A proposed merge in the heap: the linkage when it was pushed, and the two clusters.
#[derive(PartialEq)]
struct Merge {
    linkage: f32,
    a: u32,
    b: u32,
}

impl Eq for Merge {}

impl Ord for Merge {
    fn cmp(&self, other: &Merge) -> Ordering {
        self.linkage
            .total_cmp(&other.linkage)
            // Ties: the earliest pair first, for the same result every time.
            .then_with(|| (other.a, other.b).cmp(&(self.a, self.b)))
    }
}

impl PartialOrd for Merge {
    fn partial_cmp(&self, other: &Merge) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The claims of a cluster per source: (source, count), sorted by source.
type Sources = Vec<(u32, u32)>;

/// How many pairs of claims from different sources two clusters make.
fn cross_pairs(a: &Sources, b: &Sources) -> f64 {
    let total = |x: &Sources| x.iter().map(|&(_, c)| c as f64).sum::<f64>();
    let mut same = 0.0;
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                same += a[i].1 as f64 * b[j].1 as f64;
                i += 1;
                j += 1;
            }
        }
    }
    total(a) * total(b) - same
}

/// Both clusters' claims per source, together.
fn merged(a: &Sources, b: &Sources) -> Sources {
    let mut out = a.clone();
    for &(s, c) in b {
        match out.binary_search_by_key(&s, |x| x.0) {
            Ok(i) => out[i].1 += c,
            Err(i) => out.insert(i, (s, c)),
        }
    }
    out
}

/// Scores the pairs of nodes between two clusters that the candidates left out. Candidates
/// need words, names or a close meaning in common, so "About 40 elective surgeries were
/// rescheduled" and "Dozens of surgeries have been postponed" may never be scored, and counted
/// as 0 they would keep both from a group that holds "postponed about 40 scheduled surgeries".
/// Only clusters already linked by a scored pair are weighed, so a claim that shares nothing
/// with a group still cannot join it.
struct Filler<'a> {
    infos: &'a [ClaimInfo],
    nodes: &'a [Vec<usize>],
    /// Pairs of nodes `(a, b)`, `a < b`, scored here, with their probability.
    scored: FnvMap<(u32, u32), f32>,
    /// The candidate pairs that scored below [`EDGE_MIN`], with their probability: not in
    /// the edges, but scored already.
    low: FnvMap<(u32, u32), f32>,
}

impl Filler<'_> {
    /// Scores the pairs between the nodes `xs` and `ys` that are neither in `edges` nor scored
    /// before. Returns their summed weight (probability × pairs of claims) and how many pairs
    /// of claims they make.
    fn fill(
        &mut self,
        xs: &[u32],
        ys: &[u32],
        sources_of: &[Sources],
        edges: &FnvMap<(u32, u32), f32>,
    ) -> Link {
        let mut more = Link::default();
        for &x in xs {
            for &y in ys {
                let pair = (x.min(y), x.max(y));
                let cross = cross_pairs(&sources_of[x as usize], &sources_of[y as usize]);
                if cross == 0.0 || edges.contains_key(&pair) || self.scored.contains_key(&pair) {
                    continue;
                }
                let a = &self.infos[self.nodes[x as usize][0]];
                let b = &self.infos[self.nodes[y as usize][0]];
                // A line of names states nothing to share (as in `candidate_scores`).
                let p = if a.names_only || b.names_only {
                    0.0
                } else if let Some(&p) = self.low.get(&pair) {
                    p
                } else {
                    pair::similarity(a, b)
                };
                self.scored.insert(pair, p);
                if p >= EDGE_MIN {
                    more.sum += p as f64 * cross;
                }
                more.known += cross;
            }
        }
        more
    }
}

/// Pairs of nodes `(a, b)`, `a < b`, with their probability, by pair.
type Scores = FnvMap<(u32, u32), f32>;

/// Pairs of nodes `(a, b)`, `a < b`, with their probability.
type ScoredPairs = Vec<((u32, u32), f32)>;

/// What two clusters' pairs of claims from different sources give: the summed probability of
/// those scored, and how many are scored (pairs left out of the candidates count 0 until a
/// [`Filler`] scores them).
#[derive(Clone, Copy, Default)]
struct Link {
    sum: f64,
    known: f64,
}

impl std::ops::AddAssign for Link {
    fn add_assign(&mut self, other: Link) {
        self.sum += other.sum;
        self.known += other.known;
    }
}

/// Average-link clustering of the nodes: two clusters merge while the mean probability over
/// their pairs of claims from different sources is at least `threshold`. Copies count by their
/// number, and pairs within one source do not count: every article's sentences share its
/// topic, and what matters is what other outlets say. Pairs never scored count 0, unless
/// `fill` scores them when their clusters are weighed. Returns clusters as lists of nodes, and
/// the pairs `fill` scored.
fn average_link(
    nodes: &[Vec<usize>],
    sources_of: &[Sources],
    edges: &FnvMap<(u32, u32), f32>,
    threshold: f32,
    mut fill: Option<Filler>,
) -> (Vec<Vec<u32>>, ScoredPairs) {
    let k = nodes.len();
    // Per cluster: its nodes, its claims per source, and what its pairs of claims with each
    // neighbouring cluster give.
    let mut members: Vec<Vec<u32>> = (0..k as u32).map(|i| vec![i]).collect();
    let mut sources: Vec<Sources> = sources_of.to_vec();
    let mut links: Vec<FnvMap<u32, Link>> = vec![FnvMap::default(); k];
    let mut sorted: Vec<(&(u32, u32), &f32)> = edges.iter().collect();
    sorted.sort_unstable_by_key(|(k, _)| **k);
    for (&(a, b), &p) in sorted {
        let cross = cross_pairs(&sources[a as usize], &sources[b as usize]);
        let link = Link {
            sum: p as f64 * cross,
            known: cross,
        };
        links[a as usize].insert(b, link);
        links[b as usize].insert(a, link);
    }
    let linkage = |sum: f64, a: &Sources, b: &Sources| {
        let pairs = cross_pairs(a, b);
        if pairs > 0.0 {
            (sum / pairs) as f32
        } else {
            0.0
        }
    };
    let filling = fill.is_some();
    // Scores the pairs of clusters `a` and `b` left out (when filling) and gives their linkage.
    let mut weigh = |a: usize,
                     b: usize,
                     members: &[Vec<u32>],
                     sources: &[Sources],
                     links: &mut [FnvMap<u32, Link>]| {
        let link = links[a][&(b as u32)];
        let pairs = cross_pairs(&sources[a], &sources[b]);
        if let Some(f) = fill.as_mut() {
            // Clusters whose scored pairs average less than a pair worth keeping are left
            // apart: what is missing would rarely lift them to the threshold, and scoring it
            // in a story of many like sentences would cost more than the rest of the grouping.
            if link.known < pairs && linkage(link.sum, &sources[a], &sources[b]) >= EDGE_MIN {
                let more = f.fill(&members[a], &members[b], sources_of, edges);
                *links[a].get_mut(&(b as u32)).unwrap() += more;
                *links[b].get_mut(&(a as u32)).unwrap() += more;
            }
        }
        linkage(links[a][&(b as u32)].sum, &sources[a], &sources[b])
    };
    let mut heap = BinaryHeap::new();
    for a in 0..k {
        let mut near: Vec<(&u32, &Link)> = links[a].iter().collect();
        near.sort_unstable_by_key(|(b, _)| **b);
        for (&b, link) in near {
            if (a as u32) < b {
                let l = linkage(link.sum, &sources[a], &sources[b as usize]);
                if l >= threshold {
                    heap.push(Merge {
                        linkage: l,
                        a: a as u32,
                        b,
                    });
                }
            }
        }
    }
    let mut alive = vec![true; k];
    while let Some(Merge { linkage: l, a, b }) = heap.pop() {
        let (a, b) = (a as usize, b as usize);
        if !alive[a] || !alive[b] || !links[a].contains_key(&(b as u32)) {
            continue;
        }
        let now = weigh(a, b, &members, &sources, &mut links);
        if now < threshold {
            continue;
        }
        if now < l {
            // Stale: one side grew since this was pushed. Try again at its present linkage.
            heap.push(Merge {
                linkage: now,
                a: a as u32,
                b: b as u32,
            });
            continue;
        }
        // Merge the smaller cluster into the larger; the survivor keeps the lower index when
        // they are equal, for the same result every time.
        let (keep, gone) = if members[a].len() > members[b].len()
            || (members[a].len() == members[b].len() && a < b)
        {
            (a, b)
        } else {
            (b, a)
        };
        alive[gone] = false;
        let moved = std::mem::take(&mut members[gone]);
        members[keep].extend(moved);
        sources[keep] = merged(&sources[keep], &sources[gone]);
        let gone_links = std::mem::take(&mut links[gone]);
        links[keep].remove(&(gone as u32));
        let mut changed: Vec<u32> = Vec::new();
        for (c, link) in gone_links {
            if c as usize == keep {
                continue;
            }
            *links[keep].entry(c).or_default() += link;
            let into_c = &mut links[c as usize];
            into_c.remove(&(gone as u32));
            *into_c.entry(keep as u32).or_default() += link;
            changed.push(c);
        }
        if filling {
            // Every neighbour of the grown cluster is weighed again with its pairs filled in:
            // one linked below the threshold before may reach it now.
            changed = links[keep].keys().copied().collect();
        }
        changed.sort_unstable();
        for c in changed {
            let l = weigh(keep, c as usize, &members, &sources, &mut links);
            if l >= threshold {
                let (x, y) = (keep.min(c as usize) as u32, keep.max(c as usize) as u32);
                heap.push(Merge {
                    linkage: l,
                    a: x,
                    b: y,
                });
            }
        }
    }
    let mut out: Vec<Vec<u32>> = (0..k)
        .filter(|&i| alive[i])
        .map(|i| {
            let mut m = std::mem::take(&mut members[i]);
            m.sort_unstable();
            m
        })
        .collect();
    out.sort_unstable_by_key(|m| m[0]);
    let mut filled: ScoredPairs = fill.map_or_else(Vec::new, |f| f.scored.into_iter().collect());
    filled.sort_unstable_by_key(|(pair, _)| *pair);
    (out, filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges(list: &[(u32, u32, f32)]) -> FnvMap<(u32, u32), f32> {
        list.iter().map(|&(a, b, p)| ((a, b), p)).collect()
    }

    /// Each node one claim, from a source of its own.
    fn apart(n: u32) -> Vec<Sources> {
        (0..n).map(|i| vec![(i, 1)]).collect()
    }

    #[test]
    fn one_shared_neighbour_does_not_chain() {
        // Reason: 0 is like 1 and 1 is like 2, but 0 and 2 are unrelated: single link would
        // make one group of three; average link keeps the closest pair and leaves 2 alone.
        let nodes = vec![vec![0], vec![1], vec![2]];
        let e = edges(&[(0, 1, 0.9), (1, 2, 0.8)]);
        let c = average_link(&nodes, &apart(3), &e, 0.5, None).0;
        assert_eq!(c, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn a_close_triple_is_one_group() {
        // Reason: three claims all alike form one group.
        let nodes = vec![vec![0], vec![1], vec![2]];
        let e = edges(&[(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.7)]);
        assert_eq!(
            average_link(&nodes, &apart(3), &e, 0.5, None).0,
            vec![vec![0, 1, 2]]
        );
    }

    #[test]
    fn copies_weigh_by_their_number() {
        // Reason: node 0 stands for three copies; node 2 is like node 1 only. Average link
        // counts each copy, so 2 cannot join the group that 0's copies dominate.
        let nodes = vec![vec![0, 3, 4], vec![1], vec![2]];
        let sources = vec![vec![(0, 1), (3, 1), (4, 1)], vec![(1, 1)], vec![(2, 1)]];
        let e = edges(&[(0, 1, 0.9), (1, 2, 0.9)]);
        let c = average_link(&nodes, &sources, &e, 0.5, None).0;
        assert_eq!(c, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn pairs_within_one_source_do_not_count() {
        // Reason: 0 and 1 are one outlet's sentences on its topic; 2, another outlet's, states
        // what 0 states. Sentences of one article do not vouch for each other: 2 joins 0, and
        // 1 joins only if it is close to 2 itself.
        let nodes = vec![vec![0], vec![1], vec![2]];
        let sources = vec![vec![(0, 1)], vec![(0, 1)], vec![(1, 1)]];
        let e = edges(&[(0, 1, 0.95), (0, 2, 0.8), (1, 2, 0.3)]);
        let c = average_link(&nodes, &sources, &e, 0.5, None).0;
        assert_eq!(c, vec![vec![0, 2], vec![1]]);
        let e = edges(&[(0, 1, 0.95), (0, 2, 0.8), (1, 2, 0.7)]);
        let c = average_link(&nodes, &sources, &e, 0.5, None).0;
        assert_eq!(c, vec![vec![0, 1, 2]]);
    }
}
