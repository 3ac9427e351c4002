//! The candidate model: features hashed from their parts, with no allocation, and their
//! learned weights (`attribution_weights.txt`) in an open-addressing table.

use std::sync::OnceLock;

/// The features of one candidate as they are added: their summed weight, and their names when
/// kept (to learn the weights).
pub(super) struct Feats {
    pub(super) keep: bool,
    pub(super) names: Vec<String>,
    pub(super) score: f64,
}

impl Feats {
    pub(super) fn new(keep: bool) -> Feats {
        Feats {
            keep,
            names: Vec::new(),
            score: bias(),
        }
    }

    /// Adds the feature whose name is `parts` joined by spaces.
    pub(super) fn add(&mut self, parts: &[Part]) {
        let h = parts
            .iter()
            .fold(FEATURE_SEED, |h, p| feature_step(h, p.hash));
        self.score += weights().get(feature_finish(h));
        if self.keep {
            let names: Vec<&str> = parts.iter().map(|p| p.name).collect();
            self.names.push(names.join(" "));
        }
    }
}

/// One part of a feature name ("w=", "said") with its [`part_hash`], computed where the
/// feature is added: there the hash of a literal part is a constant.
#[derive(Clone, Copy)]
pub(super) struct Part<'a> {
    pub(super) name: &'a str,
    pub(super) hash: u64,
}

impl<'a> Part<'a> {
    #[inline(always)]
    pub(super) fn new(name: &'a str) -> Part<'a> {
        Part {
            name,
            hash: part_hash(name.as_bytes()),
        }
    }
}

impl<'a> From<&'a str> for Part<'a> {
    #[inline(always)]
    fn from(name: &'a str) -> Part<'a> {
        Part::new(name)
    }
}

pub(super) const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// The hash of one part of a feature name, eight bytes at a step.
#[inline(always)]
pub(super) fn part_hash(s: &[u8]) -> u64 {
    let step = |h: u64, word: u64| (h ^ word).wrapping_mul(K).rotate_left(31);
    let mut h = 0x243F_6A88_85A3_08D3 ^ s.len() as u64;
    let mut chunks = s.chunks_exact(8);
    for chunk in &mut chunks {
        h = step(h, crate::hash::le_word(chunk));
    }
    if !chunks.remainder().is_empty() {
        h = step(h, crate::hash::le_word(chunks.remainder()));
    }
    h
}

pub(super) const FEATURE_SEED: u64 = 0x1319_8A2E_0370_7344;

pub(super) fn feature_step(h: u64, part: u64) -> u64 {
    (h ^ part).wrapping_mul(K).rotate_left(27)
}

pub(super) fn feature_finish(h: u64) -> u64 {
    h ^ (h >> 29)
}

/// The hash of a feature from its parts ("w=", "said"): some thirty features are hashed for
/// each candidate, and hashing whole parts rather than bytes halved their cost. The weights
/// file keeps the parts apart with spaces (`w= said 1.234`).
pub(super) fn feature_hash<'p>(parts: impl IntoIterator<Item = &'p str>) -> u64 {
    let h = parts.into_iter().fold(FEATURE_SEED, |h, p| {
        feature_step(h, part_hash(p.as_bytes()))
    });
    feature_finish(h)
}

/// Adds a feature named by its parts: `feat!(f, "w=", word)`.
macro_rules! feat {
    ($f:expr, $($part:expr),+) => {
        $f.add(&[$(Part::from($part)),+])
    };
}

pub(super) use feat;

/// A crude lemma: the word without its inflection ("believes", "believed" → "believ").
pub(super) fn lemma(w: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if w.len() > suffix.len() + 2 && w.ends_with(suffix) {
            return &w[..w.len() - suffix.len()];
        }
    }
    w
}

/// A distance as a bucket: 0, 1, 2, 3 (3-5), 4 (6-10), 5 (more).
pub(super) fn bucket(d: usize) -> usize {
    match d {
        0..=2 => d,
        3..=5 => 3,
        6..=10 => 4,
        _ => 5,
    }
}

/// Small numbers as feature values.
pub(super) const DIGITS: [&str; 20] = [
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19",
];

/// The weight every candidate starts from.
pub(super) fn bias() -> f64 {
    static BIAS: OnceLock<f64> = OnceLock::new();
    *BIAS.get_or_init(|| weights().get(feature_hash(["bias"])))
}

/// Feature weights learned on PolNeAR train (`attribution_weights.txt`: `feature weight`).
pub(super) fn weights() -> &'static Weights {
    static WEIGHTS: OnceLock<Weights> = OnceLock::new();
    WEIGHTS.get_or_init(|| {
        Weights::new(
            include_str!("../attribution_weights.txt")
                .lines()
                .filter_map(|line| {
                    let (f, w) = line.rsplit_once(' ')?;
                    Some((feature_hash(f.split(' ')), w.parse().ok()?))
                })
                .collect(),
        )
    })
}

/// Feature weights by the hash of the feature's name, looked up some thirty times per
/// candidate: eight bytes a slot (32 bits of the hash, the weight), so that the table stays in
/// cache (a `HashMap<u64, f64>` was a quarter of the time), and without a branch on whether a
/// feature has a weight (half of them have, which no branch predictor guesses).
pub(super) struct Weights {
    table: crate::hash::HashTable<f32>,
}

impl Weights {
    pub(super) fn new(pairs: Vec<(u64, f32)>) -> Weights {
        Weights {
            table: crate::hash::HashTable::new(pairs),
        }
    }

    pub(super) fn get(&self, h: u64) -> f64 {
        f64::from(self.table.value_or_default(h))
    }
}

#[cfg(test)]
mod weight_tests {
    use super::*;

    #[test]
    pub(super) fn every_weight_is_found_by_its_name_and_its_parts() {
        let mut hashes = crate::hash::FnvSet::default();
        let mut n = 0;
        for line in include_str!("../attribution_weights.txt").lines() {
            let Some((name, w)) = line.rsplit_once(' ') else {
                continue;
            };
            let w: f32 = w.parse().unwrap_or(f32::NAN);
            let h = feature_hash(name.split(' '));
            // As `feat!` hashes them: part by part, where the feature is added.
            let parts: Vec<Part> = name.split(' ').map(Part::new).collect();
            let by_parts = parts
                .iter()
                .fold(FEATURE_SEED, |h, p| feature_step(h, p.hash));
            assert_eq!(feature_finish(by_parts), h, "{name}");
            assert_eq!(weights().get(h), f64::from(w), "{name}");
            hashes.insert(h);
            n += 1;
        }
        // No two names share a hash.
        assert!(n > 7000, "{n} weights");
        assert_eq!(hashes.len(), n);
    }
}
