//! Gradient-boosted decision trees for a probability: a sum of small trees over a few dense
//! features, squashed by the logistic function. Trees, unlike a linear model, do not
//! extrapolate: a pair unlike any seen in training (two long sentences with nothing in common)
//! gets the value of the nearest pairs that were seen.

#[cfg(not(target_arch = "wasm32"))]
use std::fmt::Write;

/// One tree: nodes in order, the root first.
#[derive(Clone, Debug, PartialEq)]
struct Tree {
    nodes: Vec<Node>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Node {
    /// `x[feature] < threshold` goes to `left`, else to `right` (node indexes).
    Split {
        feature: u16,
        threshold: f32,
        left: u16,
        right: u16,
    },
    /// What the tree adds to the log-odds.
    Leaf(f32),
}

/// A boosted forest.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Forest {
    base: f32,
    trees: Vec<Tree>,
}

impl Forest {
    /// The log-odds for features `x`.
    pub fn logit(&self, x: &[f32]) -> f32 {
        let mut z = self.base;
        for t in &self.trees {
            let mut i = 0;
            loop {
                match t.nodes.get(i) {
                    Some(Node::Split {
                        feature,
                        threshold,
                        left,
                        right,
                    }) => {
                        let v = x.get(*feature as usize).copied().unwrap_or(0.0);
                        i = if v < *threshold { *left } else { *right } as usize;
                    }
                    Some(Node::Leaf(v)) => {
                        z += v;
                        break;
                    }
                    None => break,
                }
            }
        }
        z
    }

    /// The probability for features `x`.
    pub fn probability(&self, x: &[f32]) -> f32 {
        1.0 / (1.0 + (-self.logit(x)).exp())
    }

    /// Reads the lines of a forest: `base Z`, then per tree `tree` and its nodes in order,
    /// `split FEATURE THRESHOLD LEFT RIGHT` or `leaf VALUE`. `feature` maps a feature's name to
    /// its index. Other lines are left to the caller.
    pub fn parse_line(
        &mut self,
        line: &str,
        feature: impl Fn(&str) -> Option<usize>,
    ) -> Result<bool, String> {
        let mut parts = [""; 6];
        let Some(n) = crate::compare::pair::fields(line, &mut parts) else {
            return Ok(false);
        };
        let num = |s: &str| {
            s.parse::<f32>()
                .map_err(|_| format!("{s:?} is not a number"))
        };
        let index = |s: &str| s.parse::<u16>().map_err(|_| format!("{s:?} is not a node"));
        match &parts[..n] {
            ["base", z] => self.base = num(z)?,
            ["tree"] => self.trees.push(Tree { nodes: Vec::new() }),
            ["split", f, t, l, r] => {
                let feature = feature(f).ok_or_else(|| format!("no feature {f}"))? as u16;
                let node = Node::Split {
                    feature,
                    threshold: num(t)?,
                    left: index(l)?,
                    right: index(r)?,
                };
                self.trees
                    .last_mut()
                    .ok_or("a node before any tree")?
                    .nodes
                    .push(node);
            }
            ["leaf", v] => {
                let node = Node::Leaf(num(v)?);
                self.trees
                    .last_mut()
                    .ok_or("a node before any tree")?
                    .nodes
                    .push(node);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The forest's lines, as [`Forest::parse_line`] reads them.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn write(&self, names: &[&str], out: &mut String) {
        let _ = writeln!(out, "base\t{}", self.base);
        for t in &self.trees {
            let _ = writeln!(out, "tree");
            for n in &t.nodes {
                let _ = match n {
                    Node::Split {
                        feature,
                        threshold,
                        left,
                        right,
                    } => writeln!(
                        out,
                        "split\t{}\t{threshold}\t{left}\t{right}",
                        names[*feature as usize]
                    ),
                    Node::Leaf(v) => writeln!(out, "leaf\t{v}"),
                };
            }
        }
    }
}

/// The deepest trees [`Forest::flatten`] lays out in full (2^6 leaves each).
const FLAT_DEPTH: usize = 6;

/// A forest laid out for scoring many pairs: every tree made full to one depth (a leaf above
/// it repeated below), its splits and leaves in arrays, so that each level is a compare and an
/// index, not a branch on the node's kind. Sums the same leaves in the same order as
/// [`Forest::logit`], so the log-odds is the same to the bit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Flat {
    base: f32,
    depth: usize,
    /// Per tree, `2^depth - 1` splits in breadth-first order: feature and threshold.
    splits: Vec<(u32, f32)>,
    /// Per tree, `2^depth` leaves.
    leaves: Vec<f32>,
    /// The same trees in fixed arrays, when they are at most 4 deep over at most 32 features
    /// with at most [`MAX_CUTS`] thresholds in all: every index is in range by its type, so
    /// the walk checks none.
    four: Vec<Four>,
    /// Their leaves, tree by tree.
    four_leaves: Vec<[f32; 16]>,
    /// Their thresholds, each once: per feature (`cut_ranges`), ascending.
    cuts: Vec<f32>,
    cut_ranges: Vec<(u32, std::ops::Range<usize>)>,
}

/// The most thresholds the fixed layout holds.
const MAX_CUTS: usize = 2048;

/// One tree made full to depth 4: 15 splits (and one unused), each the index of its feature
/// and threshold in `cuts`. A walk then reads whether a split goes left from one table,
/// filled once per scoring, not its feature and threshold from the tree.
#[derive(Clone, Debug, PartialEq)]
struct Four {
    splits: [u16; 16],
}

impl Forest {
    /// The forest as a [`Flat`] one, or `None` when a tree is deeper than [`FLAT_DEPTH`] or
    /// not a tree (a child index out of range).
    pub fn flatten(&self) -> Option<Flat> {
        fn depth(t: &Tree, i: usize, d: usize) -> Option<usize> {
            if d > FLAT_DEPTH {
                return None;
            }
            match t.nodes.get(i)? {
                Node::Split { left, right, .. } => {
                    Some(depth(t, *left as usize, d + 1)?.max(depth(t, *right as usize, d + 1)?))
                }
                Node::Leaf(_) => Some(d),
            }
        }
        // Fills the full subtree at breadth-first position `at` (level `d`) from node `i`.
        fn fill(t: &Tree, i: usize, at: usize, d: usize, depth: usize, flat: &mut Flat) {
            let (splits, leaves) = (flat.splits.len(), flat.leaves.len());
            let inner = (1 << depth) - 1;
            if d == depth {
                let slot = flat.leaves.get_mut(leaves - (1 << depth) + at - inner);
                if let (Some(Node::Leaf(v)), Some(slot)) = (t.nodes.get(i), slot) {
                    *slot = *v;
                }
                return;
            }
            match t.nodes.get(i) {
                Some(&Node::Split {
                    feature,
                    threshold,
                    left,
                    right,
                }) => {
                    if let Some(slot) = flat.splits.get_mut(splits - inner + at) {
                        *slot = (u32::from(feature), threshold);
                    }
                    fill(t, left as usize, 2 * at + 1, d + 1, depth, flat);
                    fill(t, right as usize, 2 * at + 2, d + 1, depth, flat);
                }
                // A leaf above the last level: both ways lead to it.
                Some(Node::Leaf(_)) => {
                    fill(t, i, 2 * at + 1, d + 1, depth, flat);
                    fill(t, i, 2 * at + 2, d + 1, depth, flat);
                }
                None => {}
            }
        }
        let mut d = 0;
        for t in &self.trees {
            d = d.max(depth(t, 0, 0)?);
        }
        let narrow = self.trees.iter().flat_map(|t| &t.nodes).all(|n| match n {
            Node::Split { feature, .. } => *feature < 32,
            Node::Leaf(_) => true,
        });
        // Shallower trees are made 4 deep too, for the fixed layout.
        if d <= 4 && narrow && !self.trees.is_empty() {
            d = 4;
        }
        let mut flat = Flat {
            base: self.base,
            depth: d,
            ..Flat::default()
        };
        for t in &self.trees {
            let inner = (1 << d) - 1;
            flat.splits.extend(std::iter::repeat_n((0, 0.0), inner));
            flat.leaves.extend(std::iter::repeat_n(0.0, 1 << d));
            fill(t, 0, 0, 0, d, &mut flat);
        }
        if d == 4 && narrow {
            flat.four_layout();
        }
        Some(flat)
    }
}

impl Flat {
    /// The log-odds for features `x`, as [`Forest::logit`] gives it.
    pub fn logit(&self, x: &[f32]) -> f32 {
        if !self.four.is_empty() {
            return self.walk_four(x);
        }
        // The depth known when compiled unrolls the walk down each tree.
        match self.depth {
            3 => self.walk::<3>(x),
            4 => self.walk::<4>(x),
            5 => self.walk::<5>(x),
            d => self.walk_any(x, d),
        }
    }

    /// Fills `four`, `four_leaves`, `cuts` and `cut_ranges` from the splits and leaves of
    /// trees 4 deep, or leaves them empty when there are more than [`MAX_CUTS`] thresholds.
    fn four_layout(&mut self) {
        let mut by_feature: Vec<(u32, f32)> = self.splits.clone();
        by_feature.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        by_feature.dedup_by(|a, b| a.0 == b.0 && a.1.to_bits() == b.1.to_bits());
        if by_feature.len() > MAX_CUTS {
            return;
        }
        let at = |f: u32, t: f32| {
            by_feature.partition_point(|c| c.0 < f || (c.0 == f && c.1.total_cmp(&t).is_lt()))
        };
        let trees = self
            .splits
            .chunks_exact(15)
            .zip(self.leaves.chunks_exact(16));
        for (s, l) in trees {
            let mut four = Four { splits: [0; 16] };
            for (slot, &(f, t)) in four.splits.iter_mut().zip(s) {
                *slot = at(f, t) as u16;
            }
            let mut leaves = [0f32; 16];
            leaves.copy_from_slice(l);
            self.four.push(four);
            self.four_leaves.push(leaves);
        }
        let mut start = 0;
        while let Some(&(f, _)) = by_feature.get(start) {
            let end = start + by_feature[start..].partition_point(|c| c.0 == f);
            self.cut_ranges.push((f, start..end));
            start = end;
        }
        self.cuts = by_feature.iter().map(|c| c.1).collect();
    }

    fn walk_four(&self, x: &[f32]) -> f32 {
        // Where each threshold sends its feature's value: a split at `i` goes on to `2i + 1`
        // when `v < t`, else (NaN too) to `2i + 2`, as in `Forest::logit`; features past `x`
        // read 0.
        let mut next = [0u8; MAX_CUTS];
        for (f, range) in &self.cut_ranges {
            let v = x.get(*f as usize).copied().unwrap_or(0.0);
            let (Some(cuts), Some(out)) =
                (self.cuts.get(range.clone()), next.get_mut(range.clone()))
            else {
                continue;
            };
            for (n, &c) in out.iter_mut().zip(cuts) {
                *n = 2 - u8::from(v < c);
            }
        }
        let mut z = self.base;
        // Eight trees a level at a time: their walks are independent, so the processor
        // overlaps them instead of waiting on each load of one walk (eight keep it busier
        // than four). Their leaves are then added in order, as in `Forest::logit`.
        let step = |t: &Four, i: usize| {
            2 * i + usize::from(next[usize::from(t.splits[i & 15]) % MAX_CUTS])
        };
        let mut eights = self
            .four
            .chunks_exact(8)
            .zip(self.four_leaves.chunks_exact(8));
        for (t, leaves) in &mut eights {
            let mut i = [0usize; 8];
            for _ in 0..4 {
                for k in 0..8 {
                    i[k] = step(&t[k], i[k]);
                }
            }
            for k in 0..8 {
                z += leaves[k][(i[k] - 15) & 15];
            }
        }
        let rest = self.four.len() / 8 * 8;
        for (t, leaves) in self.four[rest..].iter().zip(&self.four_leaves[rest..]) {
            let mut i = 0;
            for _ in 0..4 {
                i = step(t, i);
            }
            z += leaves[(i - 15) & 15];
        }
        z
    }

    fn walk<const D: usize>(&self, x: &[f32]) -> f32 {
        let inner = (1 << D) - 1;
        let mut z = self.base;
        let trees = self
            .splits
            .chunks_exact(inner)
            .zip(self.leaves.chunks_exact(1 << D));
        for (splits, leaves) in trees {
            let mut i = 0;
            for _ in 0..D {
                let (f, t) = splits.get(i).copied().unwrap_or((0, 0.0));
                let v = x.get(f as usize).copied().unwrap_or(0.0);
                // `v < t` goes left, else (NaN too) right, as in `Forest::logit`.
                i = 2 * i + 2 - usize::from(v < t);
            }
            z += leaves.get(i - inner).copied().unwrap_or(0.0);
        }
        z
    }

    fn walk_any(&self, x: &[f32], depth: usize) -> f32 {
        let inner = (1 << depth) - 1;
        let mut z = self.base;
        for (t, leaves) in self.leaves.chunks_exact(1 << depth).enumerate() {
            let mut i = 0;
            for _ in 0..depth {
                let (f, t) = self.splits.get(t * inner + i).copied().unwrap_or((0, 0.0));
                let v = x.get(f as usize).copied().unwrap_or(0.0);
                i = 2 * i + 2 - usize::from(v < t);
            }
            z += leaves.get(i - inner).copied().unwrap_or(0.0);
        }
        z
    }

    /// The probability for features `x`.
    pub fn probability(&self, x: &[f32]) -> f32 {
        1.0 / (1.0 + (-self.logit(x)).exp())
    }
}

/// How a forest is grown.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// Trees.
    pub trees: usize,
    /// Splits from the root to a leaf.
    pub depth: usize,
    /// What each tree's leaves are scaled by.
    pub rate: f32,
    /// L2 penalty on leaf values.
    pub lambda: f32,
    /// The least summed hessian a leaf has.
    pub min_child: f32,
}

#[cfg(not(target_arch = "wasm32"))]
/// Candidate thresholds per feature: the midpoints between neighbouring distinct values at up to
/// 63 quantiles of the training rows.
fn cut_points(rows: &[&[f32]], features: usize) -> Vec<Vec<f32>> {
    (0..features)
        .map(|f| {
            let mut v: Vec<f32> = rows.iter().map(|r| r[f]).collect();
            v.sort_by(f32::total_cmp);
            v.dedup();
            if v.len() <= 64 {
                return v.windows(2).map(|w| (w[0] + w[1]) / 2.0).collect();
            }
            let mut cuts: Vec<f32> = (1..64)
                .map(|q| {
                    let i = q * v.len() / 64;
                    (v[i - 1] + v[i]) / 2.0
                })
                .collect();
            cuts.dedup();
            cuts
        })
        .collect()
}

#[cfg(not(target_arch = "wasm32"))]
/// Grows a forest on `rows` (features), `labels` in [0, 1] and `weights`, for the logistic loss.
pub fn train(rows: &[&[f32]], labels: &[f32], weights: &[f32], s: Settings) -> Forest {
    let n = rows.len();
    let features = rows.first().map_or(0, |r| r.len());
    let total: f32 = weights.iter().sum::<f32>().max(1e-9);
    let mean = (labels.iter().zip(weights).map(|(y, w)| y * w).sum::<f32>() / total)
        .clamp(1e-4, 1.0 - 1e-4);
    let mut forest = Forest {
        base: (mean / (1.0 - mean)).ln(),
        trees: Vec::new(),
    };
    let cuts = cut_points(rows, features);
    // Each row's bin per feature: the number of cut points below its value.
    let bins: Vec<Vec<u8>> = (0..features)
        .map(|f| {
            rows.iter()
                .map(|r| cuts[f].partition_point(|&c| c <= r[f]) as u8)
                .collect()
        })
        .collect();
    let mut z = vec![forest.base; n];
    let mut g = vec![0f32; n];
    let mut h = vec![0f32; n];
    for _ in 0..s.trees {
        for i in 0..n {
            let p = 1.0 / (1.0 + (-z[i]).exp());
            g[i] = weights[i] * (p - labels[i]);
            h[i] = (weights[i] * p * (1.0 - p)).max(1e-6);
        }
        let mut tree = Tree { nodes: Vec::new() };
        let all: Vec<u32> = (0..n as u32).collect();
        grow(&mut tree, &all, 0, &bins, &cuts, &g, &h, s);
        for (i, r) in rows.iter().enumerate() {
            let single = Forest {
                base: 0.0,
                trees: vec![tree.clone()],
            };
            z[i] += single.logit(r);
        }
        forest.trees.push(tree);
    }
    forest
}

#[cfg(not(target_arch = "wasm32"))]
/// The forest whose log-odds are the mean of the forests' log-odds: their trees together, each
/// leaf divided by their number (a forest is a sum of trees).
pub fn average(forests: Vec<Forest>) -> Forest {
    let k = forests.len().max(1) as f32;
    let base = forests.iter().map(|f| f.base).sum::<f32>() / k;
    let mut trees = Vec::new();
    for f in forests {
        for mut t in f.trees {
            for node in &mut t.nodes {
                if let Node::Leaf(v) = node {
                    *v /= k;
                }
            }
            trees.push(t);
        }
    }
    Forest { base, trees }
}

#[cfg(not(target_arch = "wasm32"))]
/// Adds the node for `rows` (and below it) to `tree`; returns its index.
#[allow(clippy::too_many_arguments)]
fn grow(
    tree: &mut Tree,
    rows: &[u32],
    depth: usize,
    bins: &[Vec<u8>],
    cuts: &[Vec<f32>],
    g: &[f32],
    h: &[f32],
    s: Settings,
) -> u16 {
    let (gs, hs): (f32, f32) = rows.iter().fold((0.0, 0.0), |(a, b), &i| {
        (a + g[i as usize], b + h[i as usize])
    });
    let at = tree.nodes.len();
    let leaf = Node::Leaf(-gs / (hs + s.lambda) * s.rate);
    tree.nodes.push(leaf);
    if depth >= s.depth || hs < 2.0 * s.min_child {
        return at as u16;
    }
    let score = |g: f32, h: f32| g * g / (h + s.lambda);
    let parent = score(gs, hs);
    let mut best: Option<(f32, usize, usize)> = None;
    let mut hist_g = [0f32; 65];
    let mut hist_h = [0f32; 65];
    for (f, fbins) in bins.iter().enumerate() {
        if cuts[f].is_empty() {
            continue;
        }
        hist_g.iter_mut().for_each(|x| *x = 0.0);
        hist_h.iter_mut().for_each(|x| *x = 0.0);
        for &i in rows {
            let b = fbins[i as usize] as usize;
            hist_g[b] += g[i as usize];
            hist_h[b] += h[i as usize];
        }
        let (mut gl, mut hl) = (0.0, 0.0);
        for c in 0..cuts[f].len() {
            gl += hist_g[c];
            hl += hist_h[c];
            let (gr, hr) = (gs - gl, hs - hl);
            if hl < s.min_child || hr < s.min_child {
                continue;
            }
            let gain = score(gl, hl) + score(gr, hr) - parent;
            if gain > 1e-6 && best.is_none_or(|(b, _, _)| gain > b) {
                best = Some((gain, f, c));
            }
        }
    }
    let Some((_, f, c)) = best else {
        return at as u16;
    };
    let (left, right): (Vec<u32>, Vec<u32>) = rows
        .iter()
        .partition(|&&i| (bins[f][i as usize] as usize) <= c);
    let l = grow(tree, &left, depth + 1, bins, cuts, g, h, s);
    let r = grow(tree, &right, depth + 1, bins, cuts, g, h, s);
    tree.nodes[at] = Node::Split {
        feature: f as u16,
        threshold: cuts[f][c],
        left: l,
        right: r,
    };
    at as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_threshold_and_reads_back_what_it_wrote() {
        // Reason: rows above 0.5 on feature 1 are positive; one tree of depth 1 must find the
        // cut, and the text form must give the same forest back.
        let data: Vec<[f32; 2]> = (0..100).map(|i| [0.3, i as f32 / 100.0]).collect();
        let rows: Vec<&[f32]> = data.iter().map(|r| &r[..]).collect();
        let labels: Vec<f32> = data.iter().map(|r| (r[1] >= 0.5) as u8 as f32).collect();
        let s = Settings {
            trees: 20,
            depth: 1,
            rate: 0.5,
            lambda: 1.0,
            min_child: 0.1,
        };
        let f = train(&rows, &labels, &vec![1.0; 100], s);
        assert!(f.probability(&[0.3, 0.9]) > 0.9);
        assert!(f.probability(&[0.3, 0.1]) < 0.1);
        let mut text = String::new();
        f.write(&["a", "b"], &mut text);
        let mut back = Forest::default();
        for line in text.lines() {
            assert!(back
                .parse_line(line, |n| ["a", "b"].iter().position(|x| *x == n))
                .unwrap());
        }
        assert_eq!(back, f);
    }

    #[test]
    fn the_flat_forest_gives_the_same_log_odds() {
        // Reason: the pair model scores with the flat layout; it must sum the very same leaves,
        // trees of uneven depth and NaN features included.
        let data: Vec<[f32; 3]> = (0..300)
            .map(|i| {
                let x = (i * 37 % 101) as f32 / 101.0;
                [x, (i % 7) as f32 / 7.0, ((i * 13) % 17) as f32 / 17.0]
            })
            .collect();
        let rows: Vec<&[f32]> = data.iter().map(|r| &r[..]).collect();
        let labels: Vec<f32> = data
            .iter()
            .map(|r| (r[0] + r[1] * r[2] > 0.6) as u8 as f32)
            .collect();
        let s = Settings {
            trees: 30,
            depth: 4,
            rate: 0.3,
            lambda: 1.0,
            min_child: 3.0,
        };
        let f = train(&rows, &labels, &vec![1.0; 300], s);
        let flat = f.flatten().expect("shallow enough");
        for r in &data {
            assert_eq!(flat.logit(r).to_bits(), f.logit(r).to_bits());
        }
        let odd = [f32::NAN, 0.5, f32::INFINITY];
        assert_eq!(flat.logit(&odd).to_bits(), f.logit(&odd).to_bits());
    }
}
