//! How likely two claims state the same thing: features of the pair, and boosted trees over them
//! learned from news paraphrase, similarity and event pairs (`data/model/pairs.txt`, trained by
//! `scripts/train-pairs.sh`).
//!
//! The features: how much of each claim's content the other has (by word, by weighted word, by
//! word n-grams as BLEU counts them, by edit distance and longest common subsequence); whether their names, numbers and dates agree; whether one negates; their
//! lengths; how close their meanings are (`similarity`: the sentence vectors' cosine); whether
//! they were weighed in the context of a story (`claim::Context`); and what a logistic model over the words one has and
//! the other lacks makes of them (`words`).

use super::boost::Forest;
use super::claim::{shared, ClaimInfo};
use crate::hash::{fnv, FnvMap, FNV_OFFSET};
use std::sync::OnceLock;

/// The features, in order. Each is a share, a flag or a cosine, never a count or a length, so
/// that what the model learns from one kind of pair carries over to another (a headline and a
/// long sentence, two sentences of an article).
pub const DENSE: &[&str] = &[
    "overlap_min",
    "overlap_max",
    "jaccard",
    "weighted_min",
    "weighted_max",
    "cosine",
    "bleu1_min",
    "bleu1_max",
    "bleu2_min",
    "bleu2_max",
    "bleu3_min",
    "bleu3_max",
    "bleu4_min",
    "bleu4_max",
    "edit",
    "lcs_min",
    "lcs_max",
    "numbers_both",
    "numbers_equal",
    "numbers_subset",
    "numbers_differ",
    "names_shared",
    "names_shared_weighted",
    "length_ratio",
    "negation_differs",
    "dates_differ",
    "in_context",
    "meaning",
    "words",
];

/// How many dense features.
pub const N_DENSE: usize = 29;

/// The most words of a claim that the quadratic features (edit distance, subsequence) look at.
const MAX_WORDS: usize = 64;

/// The dense features of a pair, in the order of [`DENSE`].
pub fn dense(a: &ClaimInfo, b: &ClaimInfo) -> [f32; N_DENSE] {
    let mut f = [0f32; N_DENSE];
    let min_max = |x: f32, y: f32| (x.min(y), x.max(y));
    // Content words.
    let shared_content = shared(&a.content, &b.content) as f32;
    let (na, nb) = (a.content.len() as f32, b.content.len() as f32);
    let ratio = |n: f32, d: f32| if d > 0.0 { n / d } else { 0.0 };
    (f[0], f[1]) = min_max(ratio(shared_content, na), ratio(shared_content, nb));
    f[2] = ratio(shared_content, na + nb - shared_content);
    let (wa, wb, ws, ca, cb, cs) = weighted(a, b);
    (f[3], f[4]) = min_max(ratio(ws, wa), ratio(ws, wb));
    f[5] = ratio(cs, (ca * cb).sqrt());
    // Word n-grams, as BLEU counts them (clipped), both ways.
    let (ga, gb) = (a.grams(), b.grams());
    for n in 1..=4 {
        let m = merge_count(ga.of(n), gb.of(n)) as f32;
        let pa = ratio(m, a.words.len().saturating_sub(n - 1) as f32);
        let pb = ratio(m, b.words.len().saturating_sub(n - 1) as f32);
        (f[4 + 2 * n], f[5 + 2 * n]) = min_max(pa, pb);
    }
    let (la_, lb_) = (a.words.len().min(MAX_WORDS), b.words.len().min(MAX_WORDS));
    let longer = la_.max(lb_) as f32;
    let shorter = la_.min(lb_) as f32;
    let (edit, l) = edit_and_lcs(&a.words, &b.words);
    f[14] = ratio(edit as f32, longer);
    let l = l as f32;
    f[15] = ratio(l, longer);
    f[16] = ratio(l, shorter);
    // Numbers.
    let values = |x: &ClaimInfo| {
        let mut v: Vec<(u64, u64)> = x
            .figures
            .iter()
            .map(|g| {
                (
                    g.low.map_or(u64::MAX, f64::to_bits),
                    g.high.map_or(u64::MAX, f64::to_bits),
                )
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (va, vb) = (values(a), values(b));
    let vs = shared(&va, &vb);
    f[17] = (!va.is_empty() && !vb.is_empty()) as u8 as f32;
    f[18] = (!va.is_empty() && va == vb) as u8 as f32;
    f[19] = (f[17] > 0.0 && (vs == va.len() || vs == vb.len())) as u8 as f32;
    f[20] = ratio(
        (va.len() + vb.len() - 2 * vs) as f32,
        (va.len() + vb.len() - vs) as f32,
    );
    // Names: the share of all names both give, by count and by weight in context.
    let ns = shared(&a.names, &b.names) as f32;
    f[21] = ratio(ns, a.names.len() as f32 + b.names.len() as f32 - ns);
    let (shared_w, differ_w) = name_weights(a, b);
    f[22] = ratio(shared_w, shared_w + differ_w);
    let (la, lb) = (a.words.len() as f32, b.words.len() as f32);
    f[23] = ratio((la - lb).abs(), la.max(lb));
    f[24] = (a.negated != b.negated) as u8 as f32;
    f[25] =
        (!a.dates.is_empty() && !b.dates.is_empty() && a.dates.is_disjoint(&b.dates)) as u8 as f32;
    f[26] = (a.in_context && b.in_context) as u8 as f32;
    // Meaning.
    if !a.vector.is_empty() && a.vector.len() == b.vector.len() {
        f[27] = crate::similarity::cosine(&a.vector, &b.vector);
    }
    WORDS.with(|w| {
        let mut w = w.borrow_mut();
        word_features(a, b, &mut w);
        f[28] = model().word_logit(&w);
    });
    f
}

/// The word features of a pair: a hash per stem one claim has and the other lacks ("u"), and
/// per stem both have ("m"), over all their words, sorted. A logistic model over them learns
/// which differences matter ("also" does not, "not" or a name does); its log-odds is the
/// feature `words`.
pub fn word_features(a: &ClaimInfo, b: &ClaimInfo, out: &mut Vec<u64>) {
    out.clear();
    let (sa, sb) = (&a.word_set, &b.word_set);
    let (mut i, mut j) = (0, 0);
    loop {
        match (sa.get(i), sb.get(j)) {
            (Some(x), Some(y)) if x == y => {
                out.push(word_feature(MATCHED, *x));
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                out.push(word_feature(UNMATCHED, *x));
                i += 1;
            }
            (Some(x), None) => {
                out.push(word_feature(UNMATCHED, *x));
                i += 1;
            }
            (_, Some(y)) => {
                out.push(word_feature(UNMATCHED, *y));
                j += 1;
            }
            (None, None) => break,
        }
    }
    out.sort_unstable();
}

/// The kind of a word feature: a stem only one claim has.
pub const UNMATCHED: u8 = b'u';
/// The kind of a word feature: a stem both claims have.
pub const MATCHED: u8 = b'm';

/// The hash of a word feature: its kind and the stem's hash.
pub fn word_feature(kind: u8, stem_hash: u64) -> u64 {
    fnv(fnv(FNV_OFFSET, &[kind]), &stem_hash.to_le_bytes())
}

/// The word model's log-odds is kept within this, so that a pair of long sentences, with many
/// more differences than any pair it learned from, cannot push it beyond what was seen.
pub const WORD_LOGIT_LIMIT: f32 = 6.0;

/// Content word weights: the sums of `a`'s, of `b`'s and of the shared words' weights, then the
/// same for squared weights.
fn weighted(a: &ClaimInfo, b: &ClaimInfo) -> (f32, f32, f32, f32, f32, f32) {
    let (mut wa, mut wb, mut ws, mut ca, mut cb, mut cs) = (0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    for &w in &a.content_weight {
        wa += w;
        ca += w * w;
    }
    for &w in &b.content_weight {
        wb += w;
        cb += w * w;
    }
    let (mut i, mut j) = (0, 0);
    while i < a.content.len() && j < b.content.len() {
        match a.content[i].cmp(&b.content[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let w = a.content_weight[i];
                ws += w;
                cs += w * w;
                i += 1;
                j += 1;
            }
        }
    }
    (wa, wb, ws, ca, cb, cs)
}

/// The summed weights of the names both claims give, and of those only one gives.
fn name_weights(a: &ClaimInfo, b: &ClaimInfo) -> (f32, f32) {
    let (mut shared, mut differ) = (0.0, 0.0);
    let (mut i, mut j) = (0, 0);
    while i < a.names.len() || j < b.names.len() {
        match (a.names.get(i), b.names.get(j)) {
            (Some(x), Some(y)) if x == y => {
                shared += a.name_weight[i];
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                differ += a.name_weight[i];
                i += 1;
            }
            (Some(_), None) => {
                differ += a.name_weight[i];
                i += 1;
            }
            (_, Some(_)) => {
                differ += b.name_weight[j];
                j += 1;
            }
            (None, None) => break,
        }
    }
    (shared, differ)
}

thread_local! {
    /// A buffer reused from pair to pair: a story's comparison scores thousands.
    static WORDS: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How many items two sorted lists share, repeats counted as often as both have them.
fn merge_count(x: &[u32], y: &[u32]) -> usize {
    let (mut i, mut j, mut m) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                m += 1;
                i += 1;
                j += 1;
            }
        }
    }
    m
}

/// Word-level Levenshtein distance and the length of the longest common subsequence, of at
/// most [`MAX_WORDS`] words each, in one pass over two rows kept on the stack.
fn edit_and_lcs(a: &[u64], b: &[u64]) -> (usize, usize) {
    let (a, b) = (&a[..a.len().min(MAX_WORDS)], &b[..b.len().min(MAX_WORDS)]);
    let mut edit_prev = [0u16; MAX_WORDS + 1];
    let mut edit_cur = [0u16; MAX_WORDS + 1];
    let mut lcs_prev = [0u16; MAX_WORDS + 1];
    let mut lcs_cur = [0u16; MAX_WORDS + 1];
    for (j, e) in edit_prev.iter_mut().enumerate().take(b.len() + 1) {
        *e = j as u16;
    }
    for (i, x) in a.iter().enumerate() {
        edit_cur[0] = i as u16 + 1;
        lcs_cur[0] = 0;
        for (j, y) in b.iter().enumerate() {
            let same = x == y;
            edit_cur[j + 1] = (edit_prev[j + 1] + 1)
                .min(edit_cur[j] + 1)
                .min(edit_prev[j] + u16::from(!same));
            lcs_cur[j + 1] = if same {
                lcs_prev[j] + 1
            } else {
                lcs_prev[j + 1].max(lcs_cur[j])
            };
        }
        std::mem::swap(&mut edit_prev, &mut edit_cur);
        std::mem::swap(&mut lcs_prev, &mut lcs_cur);
    }
    (edit_prev[b.len()] as usize, lcs_prev[b.len()] as usize)
}

/// The learned pair model: a boosted forest over [`DENSE`], and the threshold at which two
/// claims are one.
pub struct Model {
    forest: Forest,
    /// The word model: its bias and each word feature's weight.
    word_bias: f32,
    words: FnvMap<u64, f32>,
    /// Two claims compared alone state the same thing at or above this probability (the best
    /// F1 on MSRP in cross-validation).
    pub threshold: f32,
    /// Two claims of a story (compared among [`super::claim::CONTEXT_MIN`] or more) state the
    /// same thing at or above this (the best F1 on ECB+ topics in cross-validation, whose
    /// negatives include sentences about one happening that state different things).
    pub threshold_in_context: f32,
}

impl Model {
    /// Parses the model's text form (see `scripts/train-pairs.sh`): `threshold P` and the
    /// forest's lines (`boost::Forest::parse_line`); `#` starts a comment.
    pub fn parse(text: &str) -> Result<Model, String> {
        let mut m = Model {
            forest: Forest::default(),
            word_bias: 0.0,
            words: FnvMap::default(),
            threshold: 0.5,
            threshold_in_context: 0.5,
        };
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let num = |t: &str| {
                t.parse::<f32>()
                    .map_err(|_| format!("line {}: {t:?} is not a number", n + 1))
            };
            match line.split('\t').collect::<Vec<_>>().as_slice() {
                ["threshold", t] => {
                    m.threshold = num(t)?;
                    continue;
                }
                ["threshold_in_context", t] => {
                    m.threshold_in_context = num(t)?;
                    continue;
                }
                ["word_bias", t] => {
                    m.word_bias = num(t)?;
                    continue;
                }
                [kind @ ("u" | "m"), stem, w] => {
                    let kind = if *kind == "u" { UNMATCHED } else { MATCHED };
                    m.words
                        .insert(word_feature(kind, super::text::word_hash(stem)), num(w)?);
                    continue;
                }
                _ => {}
            }
            let known = m
                .forest
                .parse_line(line, |f| DENSE.iter().position(|d| *d == f))
                .map_err(|e| format!("line {}: {e}", n + 1))?;
            if !known {
                return Err(format!("line {}: cannot read {line:?}", n + 1));
            }
        }
        Ok(m)
    }

    /// The probability that two claims with these features state the same thing.
    pub fn probability(&self, dense: &[f32; N_DENSE]) -> f32 {
        self.forest.probability(dense)
    }

    /// The word model's log-odds for a pair's word features (0 without a word model).
    pub fn word_logit(&self, words: &[u64]) -> f32 {
        if self.words.is_empty() {
            return 0.0;
        }
        let z: f32 = self.word_bias + words.iter().filter_map(|w| self.words.get(w)).sum::<f32>();
        z.clamp(-WORD_LOGIT_LIMIT, WORD_LOGIT_LIMIT)
    }
}

/// The compiled-in model.
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        // The file is part of the build and a test parses it, so this cannot fail in a release.
        Model::parse(include_str!("../../data/model/pairs.txt"))
            .unwrap_or_else(|_| Model::parse("").expect("the empty model parses"))
    })
}

/// Numbers aside, two claims that give one count values that cannot both hold must reach this
/// probability to be one claim in dispute: they must read alike in all else, not merely share
/// a topic (stock indexes that each "rose 3 points" are two claims).
pub const DISPUTE: f32 = 0.6;

/// A pair is worth the whole model only when its meanings are this close (cosine), or ...
const PLAUSIBLE_MEANING: f32 = 0.2;
/// ... this share of the weight of one claim's content words is in the other, or ...
const PLAUSIBLE_WORDS: f32 = 0.1;
/// ... this share of their names' weight is in both. Pairs that fail all three have nothing in
/// common to read (a pronoun for the name, another verb): no comparison of words can join them.
const PLAUSIBLE_NAMES: f32 = 0.3;

/// True when two claims have enough in common for the whole model to be worth running: a
/// cheap test of three of its features, most pairs of a story failing it.
pub fn plausible(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    if !a.vector.is_empty()
        && a.vector.len() == b.vector.len()
        && crate::similarity::cosine(&a.vector, &b.vector) >= PLAUSIBLE_MEANING
    {
        return true;
    }
    let (wa, wb, ws, _, _, _) = weighted(a, b);
    let share = |d: f32| if d > 0.0 { ws / d } else { 0.0 };
    if share(wa).max(share(wb)) >= PLAUSIBLE_WORDS {
        return true;
    }
    let (shared_w, differ_w) = name_weights(a, b);
    shared_w + differ_w > 0.0 && shared_w / (shared_w + differ_w) >= PLAUSIBLE_NAMES
}

/// How likely claims `a` and `b` state the same thing, in [0, 1]: 0 when they are not
/// [`plausible`]. When they give one count values that cannot both hold and, numbers aside,
/// reach [`DISPUTE`], they are one claim in dispute: that probability.
pub fn similarity(a: &ClaimInfo, b: &ClaimInfo) -> f32 {
    let mut p = sentence_similarity(a, b);
    // Within a story, one statement in common is a claim both make: a clause of one against
    // the other whole or its clauses. Two sentences given alone are compared whole.
    if !(a.in_context && b.in_context) || (a.clauses.is_empty() && b.clauses.is_empty()) {
        return p;
    }
    for x in std::iter::once(a).chain(&a.clauses) {
        for y in std::iter::once(b).chain(&b.clauses) {
            if std::ptr::eq(x, a) && std::ptr::eq(y, b) {
                continue;
            }
            p = p.max(sentence_similarity(x, y));
        }
    }
    p
}

/// True when claims `a` and `b` give one counted thing values that cannot both hold, in two
/// statements that are one claim numbers aside (the wholes, or a clause of either, reach
/// [`DISPUTE`] without their numbers): "12 dead" / "14 dead", not "a leak in one tank car" /
/// "two tank cars were damaged".
pub fn in_dispute(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    use super::claim::figures_agree;
    if figures_agree(a, b) != Some(false) {
        return false;
    }
    if a.in_context && b.in_context && super::claim::tolls_agree(a, b) == Some(false) {
        return true;
    }
    std::iter::once(a).chain(&a.clauses).any(|x| {
        std::iter::once(b).chain(&b.clauses).any(|y| {
            figures_agree(x, y) == Some(false) && plausible(x, y) && {
                let (x, y) = (x.without_numbers(), y.without_numbers());
                model().probability(&dense(&x, &y)) >= DISPUTE
            }
        })
    })
}

/// [`similarity`] of two sentences or clauses as wholes.
fn sentence_similarity(a: &ClaimInfo, b: &ClaimInfo) -> f32 {
    let toll = if one_toll(a, b) { TOLL } else { 0.0 };
    if !plausible(a, b) {
        return toll;
    }
    let p = model().probability(&dense(a, b)).max(toll);
    if super::claim::figures_agree(a, b) == Some(false) {
        let (a, b) = (a.without_numbers(), b.without_numbers());
        let q = model().probability(&dense(&a, &b));
        if q >= DISPUTE {
            return p.max(q);
        }
    }
    p
}

/// Within a story, two claims that give one toll ("four people died" / "six were killed") are
/// one claim with at least this probability, whether their figures agree or not: that is the
/// figure a reader wants compared across outlets.
const TOLL: f32 = 0.7;

/// True when claims `a` and `b`, within a story, give one toll (see [`super::toll`]).
fn one_toll(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    a.in_context && b.in_context && super::claim::tolls_agree(a, b).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_parses_whole() {
        // Reason: `model()` falls back to an empty model when the file does not parse; a
        // broken file must fail here, not silently group nothing.
        let m = Model::parse(include_str!("../../data/model/pairs.txt")).expect("parses");
        assert!(m.threshold > 0.0 && m.threshold < 1.0);
        assert!(m.threshold_in_context > 0.0 && m.threshold_in_context < 1.0);
        assert!(!m.words.is_empty());
        assert_ne!(m.forest, Forest::default());
    }

    #[test]
    fn a_bad_line_is_an_error_with_its_number() {
        // Reason: a hand-edited or truncated model file must say where it is wrong.
        let e = Model::parse("threshold\t0.5\nsplit\tno_such_feature\t1\t1\t2\n")
            .err()
            .expect("an error");
        assert!(e.contains("line 2"), "{e}");
    }
}
