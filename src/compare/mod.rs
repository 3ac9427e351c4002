//! Cross-source comparison: entity clusters with omissions, and claim groups with each member's
//! stance, conflicts, independent origins and certainty drift.
//!
//! - Entities merge across sources by their key (the alias cluster, see `entities::aliases`). An
//!   entity that most sources name is an **omission** in each source that leaves it out
//!   (`entities`).
//! - Every claim takes part in grouping (`claim`, `grouping`): check-worthiness orders and
//!   filters what a reader sees, it does not decide what can be compared. Candidate pairs share
//!   names, numbers or content words; a learned pair model (`pair`) gives each the probability
//!   that the two state the same thing, from their words, names, numbers, dates, negation and
//!   meaning (`crate::similarity`); within a story, also clause by clause (`clauses`), since an
//!   outlet may pack into one long sentence what another states alone. Average-link clustering joins claims while the mean
//!   probability over all pairs of two groups reaches the model's threshold, so a group never
//!   chains unrelated claims through one shared neighbour.
//! - Each member **agrees** (states it), **reports** it (attributes, hedges or alleges it) or
//!   **disputes** it: denies it, or gives a number for the same counted thing whose range
//!   cannot hold with what more sources (or an earlier one) give. A group with a dispute
//!   **conflicts** (`group`).
//! - Members that cite the same named source or outlet, or share most of their word 5-grams
//!   (copied wire text), are one **origin**.
//! - A group **drifts** when one member asserts what another hedges, attributes, alleges or
//!   denies.

mod boost;
mod claim;
mod clauses;
#[cfg(not(target_arch = "wasm32"))]
pub mod ecbplus;
mod entities;
mod figures;
#[cfg(not(target_arch = "wasm32"))]
pub mod fnc_eval;
mod group;
mod grouping;
mod headline;
pub mod pair;
#[cfg(not(target_arch = "wasm32"))]
pub mod pairs_eval;
#[cfg(not(target_arch = "wasm32"))]
pub mod pairs_train;
mod text;
mod toll;

pub use claim::{ClaimInfo, Context};

use crate::claims::Claim;
use crate::entities::Mention;
use crate::hash::FnvMap;
use crate::report::{ClaimGroup, Closest, Comparison};

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
    let (claims, closest) = claim_groups(sources);
    Comparison {
        entities: entities::entity_clusters(sources),
        claims,
        closest,
    }
}

/// Every claim of every source, as the comparison sees it, in source order (natively, each
/// source's claims on their own core), its words weighed in the context of them all.
pub fn claim_infos(sources: &[Analysed]) -> Vec<ClaimInfo> {
    // A claim that reads like an earlier one (wire copy) is made from it, not read again.
    let mut first_of: FnvMap<&str, Vec<(claim::Reading, usize)>> = FnvMap::default();
    let mut copy_of: Vec<Option<usize>> = Vec::new();
    for src in sources {
        for claim in src.claims {
            let at = copy_of.len();
            let mut copy = None;
            if let Some(r) = claim::reading(src, claim) {
                let seen = first_of.entry(r.text).or_default();
                match seen.iter().find(|(x, _)| *x == r) {
                    Some(&(_, k)) => copy = Some(k),
                    None => seen.push((r, at)),
                }
            }
            copy_of.push(copy);
        }
    }
    let numbered: Vec<(usize, &Analysed, usize)> = sources
        .iter()
        .enumerate()
        .scan(0, |at, (s, src)| {
            let first = *at;
            *at += src.claims.len();
            Some((s, src, first))
        })
        .collect();
    let made: Vec<Option<ClaimInfo>> = crate::each_source(&numbered, |&(s, src, first)| {
        src.claims
            .iter()
            .enumerate()
            .map(|(c, claim)| match copy_of.get(first + c) {
                Some(Some(_)) => None,
                _ => Some(ClaimInfo::new(s, c, src, claim)),
            })
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect();
    let mut infos: Vec<ClaimInfo> = Vec::with_capacity(made.len());
    let places = sources
        .iter()
        .enumerate()
        .flat_map(|(s, src)| src.claims.iter().enumerate().map(move |(c, cl)| (s, c, cl)));
    for ((x, (s, c, claim)), copy) in made.into_iter().zip(places).zip(&copy_of) {
        let x = match (x, copy) {
            (Some(x), _) => x,
            (None, Some(k)) => match infos.get(*k) {
                Some(y) => y.copy_as(s, c, &sources[s], claim),
                None => ClaimInfo::new(s, c, &sources[s], claim),
            },
            (None, None) => ClaimInfo::new(s, c, &sources[s], claim),
        };
        infos.push(x);
    }
    add_clauses(&mut infos, sources);
    claim::embed_all(&mut infos, sources);
    claim::weigh_words(&mut infos, sources);
    Context::new(&infos).weigh(&mut infos);
    infos
}

/// Gives each claim its clauses, in a story (clauses are compared only there, see
/// `pair::similarity`), and only the first claim of each set of copies: the comparison scores
/// no other (`grouping`), and a long text of repeated wire copy needs no more memory for them.
fn add_clauses(infos: &mut [ClaimInfo], sources: &[Analysed]) {
    if infos.len() < claim::CONTEXT_MIN {
        return;
    }
    let mut seen: crate::hash::FnvSet<u64> = Default::default();
    let first: Vec<bool> = infos
        .iter()
        .map(|x| {
            let h = x.words.iter().fold(crate::hash::FNV_OFFSET, |h, w| {
                crate::hash::fnv(h, &w.to_le_bytes())
            });
            x.words.is_empty() || seen.insert(h)
        })
        .collect();
    // Natively, each source's claims on their own core.
    let mut by_source: Vec<Vec<usize>> = vec![Vec::new(); sources.len()];
    for (i, x) in infos.iter().enumerate() {
        if first[i] {
            by_source[x.source].push(i);
        }
    }
    let done: Vec<Vec<(usize, Vec<ClaimInfo>)>> = crate::each_source(&by_source, |list| {
        list.iter()
            .map(|&i| {
                let x = &infos[i];
                let src = &sources[x.source];
                (i, x.clauses_of(src, &src.claims[x.claim]))
            })
            .collect()
    });
    for (i, clauses) in done.into_iter().flatten() {
        infos[i].clauses = clauses;
    }
}

/// The claim groups, and per source per claim its closest claim in another source.
fn claim_groups(sources: &[Analysed]) -> (Vec<ClaimGroup>, Vec<Vec<Option<Closest>>>) {
    let infos = claim_infos(sources);
    let model = pair::model();
    let in_context = infos.first().is_some_and(|x| x.in_context);
    let threshold = if in_context {
        model.threshold_in_context
    } else {
        model.threshold
    };
    let ledes = headline::ledes(sources, &infos);
    let grouping = grouping::group(&infos, &ledes, threshold);
    let mut closest: Vec<Vec<Option<Closest>>> =
        sources.iter().map(|s| vec![None; s.claims.len()]).collect();
    for (x, c) in infos.iter().zip(&grouping.closest) {
        if let Some((j, p)) = *c {
            closest[x.source][x.claim] = Some(Closest {
                source: sources[infos[j].source].id.to_string(),
                claim: infos[j].claim,
                similarity: (p as f64 * 1000.0).round() / 1000.0,
            });
        }
    }
    // Groups are independent: natively, built on all cores, in order.
    let mut out: Vec<ClaimGroup> = crate::each_source(&grouping.groups, |m| {
        group::build(sources, &infos, &grouping, m)
    });
    out.sort_by(|a, b| {
        b.sources
            .cmp(&a.sources)
            .then_with(|| a.members[0].order.cmp(&b.members[0].order))
    });
    (out, closest)
}

/// How likely two claims state the same thing, in [0, 1]: the pair model's probability.
pub fn similarity(a: &ClaimInfo, b: &ClaimInfo) -> f64 {
    pair::similarity(a, b) as f64
}
