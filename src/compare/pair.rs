//! How likely two claims state the same thing: features of the pair, and boosted trees over them
//! learned from news paraphrase, similarity and event pairs (`data/model/pairs.txt`, trained by
//! `scripts/train-pairs.sh`).
//!
//! The features: how much of each claim's content the other has (by word, by weighted word, by
//! word n-grams as BLEU counts them, by edit distance and longest common subsequence); whether their names, numbers and dates agree; whether one negates; their
//! lengths; how close their meanings are (`similarity`: the sentence vectors' cosine); whether
//! they were weighed in the context of a story (`claim::Context`); and what a logistic model over the words one has and
//! the other lacks makes of them (`words`).

use super::boost::{Flat, Forest};
use super::claim::{shared, ClaimInfo, Grams};
use crate::hash::{fnv, FnvMap, FnvSet, FNV_OFFSET};
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
    "counted_same",
];

/// How many dense features.
pub const N_DENSE: usize = 30;

/// The most words of a claim that the quadratic features (edit distance, subsequence) look at.
const MAX_WORDS: usize = 64;

/// The dense features of a pair, in the order of [`DENSE`].
pub fn dense(a: &ClaimInfo, b: &ClaimInfo) -> [f32; N_DENSE] {
    dense_given(a, b, meaning(a, b))
}

/// [`dense`], their meanings' cosine already known.
fn dense_given(a: &ClaimInfo, b: &ClaimInfo, meaning: Option<f32>) -> [f32; N_DENSE] {
    let mut f = [0f32; N_DENSE];
    let (pa, pb) = (a.prep(), b.prep());
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
    let counts = merge_counts(a.grams(), b.grams());
    for (n, &m) in (1..=4).zip(&counts) {
        let m = m as f32;
        let pa = ratio(m, a.words.len().saturating_sub(n - 1) as f32);
        let pb = ratio(m, b.words.len().saturating_sub(n - 1) as f32);
        (f[4 + 2 * n], f[5 + 2 * n]) = min_max(pa, pb);
    }
    let (la_, lb_) = (a.words.len().min(MAX_WORDS), b.words.len().min(MAX_WORDS));
    let longer = la_.max(lb_) as f32;
    let shorter = la_.min(lb_) as f32;
    let (edit, l) = edit_and_lcs(pa, pb);
    f[14] = ratio(edit as f32, longer);
    let l = l as f32;
    f[15] = ratio(l, longer);
    f[16] = ratio(l, shorter);
    // Numbers, one number however each outlet rounds it ("4,200" / "roughly 4,200").
    let (na_, nb_) = (pa.numbers.len(), pb.numbers.len());
    let matched = |x: &[usize], xs: &ClaimInfo, ys: &ClaimInfo, y: &[usize]| {
        x.iter()
            .filter(|&&i| {
                y.iter()
                    .any(|&j| super::claim::near_number(&xs.figures[i], &ys.figures[j]))
            })
            .count()
    };
    let (ma, mb) = if na_ > 0 && nb_ > 0 {
        (
            matched(&pa.numbers, a, b, &pb.numbers),
            matched(&pb.numbers, b, a, &pa.numbers),
        )
    } else {
        (0, 0)
    };
    let vs = ma.min(mb);
    f[17] = (na_ > 0 && nb_ > 0) as u8 as f32;
    f[18] = (f[17] > 0.0 && ma == na_ && mb == nb_) as u8 as f32;
    f[19] = (f[17] > 0.0 && (ma == na_ || mb == nb_)) as u8 as f32;
    f[20] = ratio((na_ - ma + nb_ - mb) as f32, (na_ + nb_ - vs) as f32);
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
    f[27] = meaning.unwrap_or(0.0);
    f[28] = word_logit(a, b);
    f[29] = counted_same(a, b) as u8 as f32;
    f
}

/// True when the two claims count one thing, whatever their values: the same noun after a
/// number ("43 homes" / "at least 60 homes"), the same toll in any words ("six died" / "six
/// people were killed") or the same measured object. Outlets that count one thing differently
/// state one fact in dispute.
fn counted_same(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    use super::toll::Toll;
    let harm = |t: Option<Toll>| t.is_some_and(Toll::harms);
    a.figures.iter().any(|x| {
        b.figures.iter().any(|y| {
            (x.noun != 0 && x.noun == y.noun)
                // A like word of one kind of figure: "shares rose 3 percent" / "the stock
                // gained 4 percent".
                || (x.noun != 0
                    && y.noun != 0
                    && x.label == y.label
                    && x.unit.is_some()
                    && x.unit == y.unit
                    && crate::similarity::cosine(&x.noun_vector, &y.noun_vector)
                        >= super::claim::SAME_NOUN)
                || (harm(x.toll) && x.toll == y.toll)
                || (x.object != 0 && x.object == y.object)
        })
    })
}

/// The cosine of two claims' meanings, `None` when either has no vector.
fn meaning(a: &ClaimInfo, b: &ClaimInfo) -> Option<f32> {
    if a.vector.is_empty() || a.vector.len() != b.vector.len() {
        return None;
    }
    let ab = crate::similarity::dot(&a.vector, &b.vector);
    Some(crate::similarity::cosine_of(
        ab,
        a.prep().squares,
        b.prep().squares,
    ))
}

/// What scoring a pair reads of one claim or clause that does not depend on the other: made
/// once, when it is first scored, not once per pair (a clause is scored against dozens).
#[derive(Clone, Debug, Default)]
pub struct Prep {
    /// Its figures, each distinct number once (by label, unit and range): their indexes.
    numbers: Vec<usize>,
    /// The sum of its vector's squares (`similarity::squares`).
    squares: f32,
    /// Its first [`MAX_WORDS`] words: each distinct one, sorted, with the positions it is at
    /// as bits ...
    distinct: Vec<(u64, u64)>,
    /// ... and each position's index into `distinct`.
    ids: Vec<u8>,
    /// Its words' weighted `UNMATCHED` features, each with the word's index into `word_set`,
    /// by feature hash: a pair's features come out of these already in the order they are
    /// summed in ...
    unmatched: Vec<(u64, f32, u32)>,
    /// ... and these with its `MATCHED` ones merged in, each marked whether it is `MATCHED`
    /// (on a tie of hashes the `UNMATCHED` one first).
    both: Vec<(u64, f32, u32, bool)>,
}

impl Prep {
    /// What pairs read of `x`.
    pub fn new(x: &ClaimInfo) -> Prep {
        let mut numbers: Vec<usize> = Vec::new();
        for (i, g) in x.figures.iter().enumerate() {
            let seen = numbers.iter().any(|&j| {
                let h = &x.figures[j];
                h.label == g.label && h.unit == g.unit && h.low == g.low && h.high == g.high
            });
            if !seen {
                numbers.push(i);
            }
        }
        let (distinct, ids) = positions(&x.words);
        let m = model();
        let weight = |kind: u8, h: u64| {
            let f = word_feature(kind, h);
            (f, m.words.get(&f).copied())
        };
        let word_weights: Vec<[(u64, Option<f32>); 2]> = x
            .word_set
            .iter()
            .map(|&h| [weight(UNMATCHED, h), weight(MATCHED, h)])
            .collect();
        let [unmatched, matched] = [0, 1].map(|kind| {
            let mut list: Vec<(u64, f32, u32)> = Vec::new();
            for (i, w) in word_weights.iter().enumerate() {
                if let (h, Some(v)) = w[kind] {
                    list.push((h, v, i as u32));
                }
            }
            list.sort_unstable_by_key(|x| x.0);
            list
        });
        let mut both = Vec::with_capacity(unmatched.len() + matched.len());
        let (mut i, mut j) = (0, 0);
        loop {
            match (unmatched.get(i), matched.get(j)) {
                (Some(u), Some(m)) if m.0 < u.0 => {
                    both.push((m.0, m.1, m.2, true));
                    j += 1;
                }
                (Some(u), _) => {
                    both.push((u.0, u.1, u.2, false));
                    i += 1;
                }
                (None, Some(m)) => {
                    both.push((m.0, m.1, m.2, true));
                    j += 1;
                }
                (None, None) => break,
            }
        }
        Prep {
            numbers,
            squares: crate::similarity::squares(&x.vector),
            distinct,
            ids,
            unmatched,
            both,
        }
    }
}

/// The first [`MAX_WORDS`] words: each distinct one, sorted, with the positions it is at as
/// bits; and each position's index into them.
fn positions(words: &[u64]) -> (Vec<(u64, u64)>, Vec<u8>) {
    let words = &words[..words.len().min(MAX_WORDS)];
    let mut distinct: Vec<(u64, u64)> = words.iter().map(|&w| (w, 0)).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut ids = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let k = distinct.partition_point(|d| d.0 < *w);
        if let Some(d) = distinct.get_mut(k) {
            d.1 |= 1 << i;
        }
        ids.push(k as u8);
    }
    (distinct, ids)
}

/// The word model's log-odds for a pair (`Model::word_logit` of their [`word_features`]): the
/// same weights summed in the same order, each claim's words looked up and ordered once, not
/// per pair.
fn word_logit(a: &ClaimInfo, b: &ClaimInfo) -> f32 {
    let m = model();
    if m.words.is_empty() {
        return 0.0;
    }
    let (pa, pb) = (a.prep(), b.prep());
    WORDS.with(|cell| {
        let (in_a, in_b, w) = &mut *cell.borrow_mut();
        // Which words of each the other has.
        in_a.clear();
        in_a.resize(a.word_set.len(), false);
        in_b.clear();
        in_b.resize(b.word_set.len(), false);
        let (mut i, mut j) = (0, 0);
        // Without a branch on whether the words match (half the time they do not).
        while let (Some(x), Some(y), Some(p), Some(q)) = (
            a.word_set.get(i),
            b.word_set.get(j),
            in_a.get(i),
            in_b.get(j),
        ) {
            let same = x == y;
            (in_a[i], in_b[j]) = (*p | same, *q | same);
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        // The pair's weighted features in feature order: `a`'s words `b` lacks and the words
        // both have (`a`'s `both`), merged with `b`'s words `a` lacks; on a tie of hashes
        // `a`'s unmatched first, then `b`'s, then `a`'s matched. Plain loops: the browser
        // build is optimised for size, and iterator chains cost there.
        let (xs, ys) = (&pa.both, &pb.unmatched);
        let has = |flags: &[bool], i: u32| flags.get(i as usize) == Some(&true);
        let (mut i, mut j) = (0, 0);
        w.clear();
        loop {
            // `a`'s feature counts when it is matched just when `b` has the word.
            while i < xs.len() && xs[i].3 != has(in_a, xs[i].2) {
                i += 1;
            }
            while j < ys.len() && has(in_b, ys[j].2) {
                j += 1;
            }
            match (xs.get(i), ys.get(j)) {
                (Some(x), Some(y)) => {
                    if x.0 < y.0 || (x.0 == y.0 && !x.3) {
                        w.push(x.1);
                        i += 1;
                    } else {
                        w.push(y.1);
                        j += 1;
                    }
                }
                (Some(x), None) => {
                    w.push(x.1);
                    i += 1;
                }
                (None, Some(y)) => {
                    w.push(y.1);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        let z: f32 = m.word_bias + w.iter().sum::<f32>();
        z.clamp(-WORD_LOGIT_LIMIT, WORD_LOGIT_LIMIT)
    })
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
    while let (Some(&x), Some(&y)) = (a.content.get(i), b.content.get(j)) {
        if x == y {
            let w = a.content_weight.get(i).copied().unwrap_or(0.0);
            ws += w;
            cs += w * w;
        }
        i += usize::from(x <= y);
        j += usize::from(y <= x);
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
    /// Buffers reused from pair to pair (a story's comparison scores thousands): which words
    /// of each claim the other has, and the weights of the pair's word features.
    static WORDS: std::cell::RefCell<(Vec<bool>, Vec<bool>, Vec<f32>)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new(), Vec::new())) };
}

/// How many items two sorted lists share, repeats counted as often as both have them.
fn merge_count(x: &[u32], y: &[u32]) -> usize {
    let (mut i, mut j, mut m) = (0, 0, 0);
    // Steps without branches: which list moves on is data the processor cannot predict.
    while i < x.len() && j < y.len() {
        let (a, b) = (x[i], y[j]);
        m += usize::from(a == b);
        i += usize::from(a <= b);
        j += usize::from(b <= a);
    }
    m
}

/// [`merge_count`] of two claims' n-grams for each n from 1 to 4. The four merges are
/// independent, so they run a step of each per round: the processor overlaps them instead of
/// waiting on each comparison of one merge before the next.
fn merge_counts(ga: &Grams, gb: &Grams) -> [usize; 4] {
    let x = [ga.of(1), ga.of(2), ga.of(3), ga.of(4)];
    let y = [gb.of(1), gb.of(2), gb.of(3), gb.of(4)];
    let (mut i, mut j, mut m) = ([0usize; 4], [0usize; 4], [0usize; 4]);
    while (0..4).all(|k| i[k] < x[k].len() && j[k] < y[k].len()) {
        for k in 0..4 {
            let (a, b) = (x[k][i[k]], y[k][j[k]]);
            m[k] += usize::from(a == b);
            i[k] += usize::from(a <= b);
            j[k] += usize::from(b <= a);
        }
    }
    // The rest of each merge alone.
    for k in 0..4 {
        m[k] += merge_count(&x[k][i[k]..], &y[k][j[k]..]);
    }
    m
}

/// Word-level Levenshtein distance and the length of the longest common subsequence of the
/// first [`MAX_WORDS`] words of each, bit-parallel: one machine word holds a column of the
/// dynamic programme (Myers 1999 for the distance, Hyyrö 2004 for the subsequence), so a pair
/// costs a few operations per word of `b`, not one per pair of words.
fn edit_and_lcs(a: &Prep, b: &Prep) -> (usize, usize) {
    let (m, n) = (a.ids.len(), b.ids.len());
    if m == 0 || n == 0 {
        return (m.max(n), 0);
    }
    // Per distinct word of `b`, the positions of `a` where it is.
    let mut eq = [0u64; MAX_WORDS];
    let (mut i, mut j) = (0, 0);
    // Steps without branches, as in `merge_count`: each word of `b` is met at most once, so
    // its slot is written once with `a`'s positions and otherwise ORed with 0.
    while let (Some(&(x, at)), Some(&(y, _))) = (a.distinct.get(i), b.distinct.get(j)) {
        eq[j % MAX_WORDS] |= at & 0u64.wrapping_sub(u64::from(x == y));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    let mask = if m == 64 { u64::MAX } else { (1u64 << m) - 1 };
    let high = 1u64 << (m - 1);
    let (mut pv, mut mv, mut edit) = (mask, 0u64, m);
    let mut v = u64::MAX;
    for &id in &b.ids {
        let e = eq.get(id as usize).copied().unwrap_or(0);
        // Distance: the vertical deltas of the column, +1 in `pv`, -1 in `mv`.
        let xv = e | mv;
        let xh = ((e & pv).wrapping_add(pv) ^ pv) | e;
        let ph = mv | !(xh | pv);
        let mh = pv & xh;
        if ph & high != 0 {
            edit += 1;
        } else if mh & high != 0 {
            edit -= 1;
        }
        // The first row grows by one per word of `b`.
        let ph = (ph << 1) | 1;
        let mh = mh << 1;
        pv = mh | !(xv | ph);
        mv = ph & xv;
        // Subsequence: each zero bit of `v` is one more word in common.
        let u = v & e;
        v = v.wrapping_add(u) | (v - u);
    }
    (edit, m - (v & mask).count_ones() as usize)
}

/// The tab-separated fields of a model line into `out`, without allocating (the model has some
/// twelve thousand lines, read on the first analysis); how many, or None when the line has
/// more than `out` holds (no line of the format has).
pub(crate) fn fields<'a>(line: &'a str, out: &mut [&'a str]) -> Option<usize> {
    // A plain scan of the bytes: the fields are short, and `split('\t')` costs a search call
    // per field. A tab is one byte, so every cut is a char boundary.
    let mut n = 0;
    let mut start = 0;
    for (i, &b) in line.as_bytes().iter().enumerate() {
        if b == b'\t' {
            *out.get_mut(n)? = line.get(start..i)?;
            n += 1;
            start = i + 1;
        }
    }
    *out.get_mut(n)? = line.get(start..)?;
    Some(n + 1)
}

/// The learned pair model: a boosted forest over [`DENSE`], and the threshold at which two
/// claims are one.
pub struct Model {
    forest: Forest,
    /// The same forest laid out for speed, when its trees are shallow enough.
    flat: Option<Flat>,
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
            flat: None,
            word_bias: 0.0,
            words: FnvMap::default(),
            threshold: 0.5,
            threshold_in_context: 0.5,
        };
        // About one line in two is a word weight.
        m.words.reserve(text.len() / 40);
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let num = |t: &str| {
                t.parse::<f32>()
                    .map_err(|_| format!("line {}: {t:?} is not a number", n + 1))
            };
            let mut parts = [""; 6];
            let k = fields(line, &mut parts);
            match &parts[..k.unwrap_or(0)] {
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
        m.flat = m.forest.flatten();
        Ok(m)
    }

    /// The probability that two claims with these features state the same thing.
    pub fn probability(&self, dense: &[f32; N_DENSE]) -> f32 {
        match &self.flat {
            Some(f) => f.probability(dense),
            None => self.forest.probability(dense),
        }
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
    plausible_given(a, b, meaning(a, b))
}

/// [`plausible`], their meanings' cosine already known.
fn plausible_given(a: &ClaimInfo, b: &ClaimInfo, meaning: Option<f32>) -> bool {
    if meaning.is_some_and(|c| c >= PLAUSIBLE_MEANING) {
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
    // Within a story, one statement in common is a claim both make: a clause of one against
    // the other whole or its clauses. Two sentences given alone are compared whole.
    if !(a.in_context && b.in_context) || (a.clauses.is_empty() && b.clauses.is_empty()) {
        return sentence_similarity(a, b);
    }
    let mut parts = 0f32;
    for x in std::iter::once(a).chain(&a.clauses) {
        for y in std::iter::once(b).chain(&b.clauses) {
            if std::ptr::eq(x, a) && std::ptr::eq(y, b) {
                continue;
            }
            parts = parts.max(sentence_similarity(x, y));
        }
    }
    // One speaker's two statements ("Solberg told reporters the company did not plan job
    // cuts" / "Solberg said the company expected price rises to slow") share the words that
    // attribute them: when what is said shares nothing (no clause against the other, or
    // against its whole, is even plausible), the wholes are alike by their speaker alone.
    let same_speaker = a.cites.iter().any(|c| b.cites.contains(c));
    let one_speaker = !a.clauses.is_empty() && !b.clauses.is_empty() && same_speaker;
    if one_speaker && parts == 0.0 {
        return 0.0;
    }
    // Two speakers' words ("“I never claimed a cent I was not owed,” she said in a statement"
    // / "“This was covered up,” she said") share the words that attribute them: what one says
    // (its clauses) is compared with the other. One speaker's, one told with a clause and one
    // without ("Sheriff Honea confirmed three deaths" / "Sheriff Honea said three bodies had
    // been found in the town"), are compared whole too: the speaker's name is no other name.
    let two_speakers = !a.cites.is_empty() && !b.cites.is_empty() && !same_speaker;
    if two_speakers {
        return parts;
    }
    // The wholes are scored last, only when they count.
    parts.max(sentence_similarity(a, b))
}

/// True when claims `a` and `b` give one counted thing values that cannot both hold, in two
/// statements that are one claim numbers aside (the wholes, or a clause of either, reach
/// [`DISPUTE`] without their numbers): "12 dead" / "14 dead", not "a leak in one tank car" /
/// "two tank cars were damaged".
pub fn in_dispute(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    in_dispute_over(a, b, DISPUTE)
}

/// [`in_dispute`] for two members the grouping already put in one group of a story: the group
/// says they tell of one thing, so the statements giving the figures need only be as alike,
/// numbers aside, as the grouping asks of any two claims of a story ("exposed the records of
/// about 1.2 million patients" / "compromised data on roughly 1.4 million patients").
pub fn grouped_in_dispute(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    in_dispute_over(a, b, grouped_dispute_bar(a, b))
}

/// How alike two members of one group must be, their figures or days aside, to dispute: as
/// alike as the grouping asks of two claims of a story, else [`DISPUTE`].
pub fn grouped_dispute_bar(a: &ClaimInfo, b: &ClaimInfo) -> f32 {
    if a.in_context && b.in_context {
        model().threshold_in_context.min(DISPUTE)
    } else {
        DISPUTE
    }
}

/// [`in_dispute`] with the probability the statements must reach numbers aside.
fn in_dispute_over(a: &ClaimInfo, b: &ClaimInfo, bar: f32) -> bool {
    use super::claim::figures_agree;
    if figures_agree(a, b) != Some(false) {
        return false;
    }
    if a.in_context && b.in_context && super::claim::tolls_agree(a, b) == Some(false) {
        return true;
    }
    if close_figures(a, b) && one_move(a, b) {
        return true;
    }
    std::iter::once(a).chain(&a.clauses).any(|x| {
        std::iter::once(b).chain(&b.clauses).any(|y| {
            figures_agree(x, y) == Some(false) && plausible(x, y) && {
                model().probability(&dense(x.numberless(), y.numberless())) >= bar
            }
        })
    })
}

/// [`similarity`] of two sentences or clauses as wholes.
pub fn sentence_similarity(a: &ClaimInfo, b: &ClaimInfo) -> f32 {
    let toll = one_toll(a, b);
    let figure = !toll && one_figure(a, b);
    let m = meaning(a, b);
    // One word denied in common is little: the meanings must be near too ("threatened to
    // publish the data unless it was paid" states no payment "did not pay" denies).
    let denial = !toll
        && !figure
        && ((m.is_some_and(|c| c >= PLAUSIBLE_MEANING) && one_denial(a, b)) || deny_alike(a, b));
    if !toll && !figure && !denial && !plausible_given(a, b, m) {
        return 0.0;
    }
    let mut p = model().probability(&dense_given(a, b, m));
    if denial {
        p = p.max(DENIAL + TOLL_SPREAD * p);
    }
    if toll {
        // At least TOLL, in the model's order: a sentence giving two tolls joins the claim
        // it says most alike.
        p = p.max(TOLL + TOLL_SPREAD * p);
    } else if figure {
        p = p.max(FIGURE + TOLL_SPREAD * p);
    }
    // Figures in dispute, or told at two times of day ("rose 3 percent in early trading" /
    // "gained 4 percent by midday"): whether the statements are one is read without them.
    let two_times = !a.times.is_empty() && !b.times.is_empty() && a.times.is_disjoint(&b.times);
    if two_times || super::claim::figures_agree(a, b) == Some(false) {
        let q = model().probability(&dense(a.numberless(), b.numberless()));
        // Two close counts of one uncommon thing ("about 1.2 million patients" / "roughly 1.4
        // million patients") are as telling as one: as alike as any two claims of a story
        // need be, numbers aside, they are one claim in dispute. Figures at two times of day
        // never dispute, so the same bar only groups two moments of one claim.
        let close = !two_times && (close_figures(a, b) || close_small_counts(a, b));
        let bar = if two_times || close {
            grouped_dispute_bar(a, b)
        } else {
            DISPUTE
        };
        if q >= bar || (close && one_move(a, b)) {
            // Two close counts of one thing join as one figure does (at least FIGURE): the
            // group they are in is where the outlets' figures are compared.
            let floor = if close { FIGURE + TOLL_SPREAD * q } else { 0.0 };
            return p.max(q).max(floor);
        }
    }
    p
}

/// Within a story, two claims that give one toll ("four people died" / "six were killed") are
/// one claim with at least this probability, whether their figures agree or not: that is the
/// figure a reader wants compared across outlets.
const TOLL: f32 = 0.7;
/// How far above [`TOLL`] the model's probability lifts a pair giving one toll.
const TOLL_SPREAD: f32 = 0.01;

/// True when claims `a` and `b`, within a story, give one toll (see [`super::toll`]).
/// Two that name others (places, people) and none in common may tell of two events.
fn one_toll(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    a.in_context && b.in_context && !apart(a, b) && super::claim::tolls_agree(a, b).is_some()
}

/// Two claims that name others (places, people) and none in common.
fn apart(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    !a.names.is_empty() && !b.names.is_empty() && super::claim::shared(&a.names, &b.names) == 0
}

/// Within a story, a denial and what it denies, stated by another outlet, are one claim in
/// dispute with at least this probability ("Lakeshore has denied paying" / "the company had
/// paid about $4.5 million", "said the company did not pay" / "has paid the hackers"): the
/// model, learned from paraphrases, reads the negation as a difference of meaning.
const DENIAL: f32 = 0.5;

/// Words a denial may deny that say nothing of what is denied: "denied the allegations" or
/// "denied any wrongdoing" denies no one statement another outlet makes.
const DENIED_VAGUE: &[&str] = &[
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "claim",
    "claims",
    "charge",
    "charges",
    "report",
    "reports",
    "wrongdoing",
    "wrong",
    "involvement",
    "role",
    "responsibility",
    "knowledge",
    "story",
    "stories",
    "suggestion",
    "suggestions",
    "account",
    "accounts",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "anything",
    "everything",
    "link",
    "links",
    "existence",
];

/// True when, within a story, one claim denies what the other, of another outlet, states:
/// every telling word it denies (`ClaimInfo::denied`, or each word a negation governs,
/// `ClaimInfo::negated_words`) is a word of the other, which is itself no denial, negative or
/// hedge. [`sentence_similarity`] asks besides that their meanings be near.
fn one_denial(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    a.in_context
        && b.in_context
        && a.source != b.source
        && !apart(a, b)
        && (denies_stated(a, b) || denies_stated(b, a))
}

/// The telling words claim `x` denies: those of a denial, else those a negation governs, not
/// hedged; none that say nothing of what is denied ([`DENIED_VAGUE`]).
fn telling_denied(x: &ClaimInfo) -> impl Iterator<Item = &u64> {
    use crate::claims::Certainty;
    static VAGUE: OnceLock<FnvSet<u64>> = OnceLock::new();
    let vague = stems(&VAGUE, DENIED_VAGUE);
    let denied: &[u64] = match x.certainty {
        Certainty::Denied => &x.denied,
        Certainty::Asserted | Certainty::Attributed => &x.negated_words,
        _ => &[],
    };
    denied.iter().filter(move |w| !vague.contains(w))
}

/// True when, within a story, claims `a` and `b` of two outlets, not [`apart`], deny one
/// thing: a telling word each denies is the same ("a spokeswoman said the company \"did not
/// and will not pay\"" / "Lakeshore has denied paying"). Two denials read alike to no model
/// trained on paraphrases, nor to the meaning of their other words, which differ.
fn deny_alike(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    if !(a.in_context && b.in_context) || a.source == b.source || apart(a, b) {
        return false;
    }
    let theirs: Vec<&u64> = telling_denied(b).collect();
    telling_denied(a).any(|w| theirs.contains(&w))
}

/// The stem hashes of `words`, made into `cell` on first use.
fn stems(cell: &'static OnceLock<FnvSet<u64>>, words: &[&str]) -> &'static FnvSet<u64> {
    cell.get_or_init(|| {
        words
            .iter()
            .map(|w| super::text::word_hash(super::text::stem(w)))
            .collect()
    })
}

/// [`one_denial`] one way: `x` denies what `y` states.
fn denies_stated(x: &ClaimInfo, y: &ClaimInfo) -> bool {
    use crate::claims::Certainty;
    // A hedged account may be a question left open ("declined to say whether the company had
    // paid"): only what is stated is lifted to a denial's group here.
    if matches!(y.certainty, Certainty::Denied | Certainty::Hedged) || y.negated {
        return false;
    }
    let mut telling = telling_denied(x).peekable();
    telling.peek().is_some() && telling.all(|w| y.content.binary_search(w).is_ok())
}

/// Within a story, two claims that give one figure of one counted thing are one claim with at
/// least this probability: "cut about 4,200 jobs" and "will eliminate roughly 4,200 jobs" state
/// one fact however differently the rest of each sentence reads. A story's outlets rarely give
/// one uncommon number of one thing for two facts.
const FIGURE: f32 = 0.5;

/// The smallest count [`one_figure`] takes as telling: small counts ("two plants", "three
/// days") recur across a story's facts.
const FIGURE_MIN: f64 = 20.0;

/// The smallest sum of money [`one_figure`] takes as telling without a counted noun ("$180,000
/// in bribes").
const MONEY_MIN: f64 = 1000.0;

/// How wide a figure's range may be, high over low, for [`one_figure`]: "about 4,200" and
/// "an estimated 60 million" (±10 %) are one number, "tens of thousands" is many.
const FIGURE_SPREAD: f64 = 1.25;

/// True when claims `a` and `b`, within a story and not [`apart`], give the same uncommon
/// number of one thing: a count of the same noun ("4,200 jobs" / "roughly 4,200 jobs") of at
/// least [`FIGURE_MIN`], or a sum of money of at least [`MONEY_MIN`]; each given as one number,
/// not a wide range, or one as an open range near the other's (`claim::near_number`), at one
/// moment (their dates and times of day do not differ).
fn one_figure(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    use super::claim::{near_number, same_thing};
    if !(a.in_context && b.in_context) || apart(a, b) || moments_apart(a, b) {
        return false;
    }
    // An open range counts when it is near the other's number ("more than $240,000" / "about
    // $250,000"): one of the two must be given as one number.
    let open = |f: &super::claim::Figure| f.high.is_none() && telling_from(f);
    a.figures.iter().filter(|f| telling(f) || open(f)).any(|f| {
        b.figures.iter().any(|g| {
            (telling(g) || (telling(f) && open(g)))
                && same_thing(f, g, true)
                && (near_number(f, g) || rounded_alike(f, g))
        })
    })
}

/// True when two figures are both told as rounded ("about 19,000 acres" / "roughly 18,000
/// acres") and their ranges meet: two outlets' roundings of one count, neither a number the
/// other denies.
fn rounded_alike(f: &super::claim::Figure, g: &super::claim::Figure) -> bool {
    let range = |x: &super::claim::Figure| Some((x.low?, x.high?));
    match (range(f), range(g)) {
        (Some((fl, fh)), Some((gl, gh))) => fl < fh && gl < gh && fl <= gh && gl <= fh,
        _ => false,
    }
}

/// True when both claims give dates, or times of day, and none in common: two moments.
fn moments_apart(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    let apart = |x: bool, y: bool, disjoint: bool| x && y && disjoint;
    apart(
        !a.dates.is_empty(),
        !b.dates.is_empty(),
        a.dates.is_disjoint(&b.dates),
    ) || apart(
        !a.times.is_empty(),
        !b.times.is_empty(),
        a.times.is_disjoint(&b.times),
    )
}

/// An uncommon figure, given as one number: a count of a noun or a measure in a unit of at
/// least [`FIGURE_MIN`], a sum of money of at least [`MONEY_MIN`], a share given to a tenth ("4.5%")
/// or told as a move of its subject, or a tally, no
/// toll, its range no wider than [`FIGURE_SPREAD`].
fn telling(f: &super::claim::Figure) -> bool {
    let Some(high) = f.high else {
        return false;
    };
    telling_from(f) && f.low.is_some_and(|low| high <= low * FIGURE_SPREAD)
}

/// An uncommon figure as [`telling`] takes it, but for its range: "at least 60 homes", with no
/// upper end, counts too.
fn telling_from(f: &super::claim::Figure) -> bool {
    let Some(low) = f.low else {
        return false;
    };
    let high = f.high.unwrap_or(low);
    let uncommon = match f.label {
        crate::entities::Label::Money => low >= MONEY_MIN,
        // "4.5%", "3.9 percent": a share given to a tenth is one of few in a story; so is the
        // move of a stock or a price told of its subject ("Tessaro shares jumped 22%").
        crate::entities::Label::Percent => (low.fract() != 0.0 || f.moved) && high == low,
        // A tally ("voted 9-4") is one vote's.
        _ if f.unit == Some(super::claim::TALLY_UNIT) => true,
        // A measure in its unit ("6,200 acres", "40,000 gallons") is what it measures.
        crate::entities::Label::Quantity if f.unit.is_some() => low >= FIGURE_MIN,
        _ => f.noun != 0 && low >= FIGURE_MIN,
    };
    uncommon && f.toll.is_none()
}

/// How far apart, high over low, two counts of one thing may be for [`close_figures`]: "1.2
/// million" and "1.4 million" are two accounts of one count; "400" and "4,000" are two counts.
const FIGURE_CLOSE: f64 = 1.5;

/// True when claims `a` and `b`, within a story and not [`apart`], give one uncommon thing
/// (as [`one_figure`] takes it, or a count with no upper end: "43 homes" / "at least 60
/// homes") two counts that differ but lie within [`FIGURE_CLOSE`] of each other, with no date
/// or time of day apart.
fn close_figures(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    use super::claim::same_thing;
    if !(a.in_context && b.in_context) || apart(a, b) || moments_apart(a, b) {
        return false;
    }
    let close = |f: &super::claim::Figure| telling(f) || (f.high.is_none() && telling_from(f));
    a.figures.iter().filter(|f| close(f)).any(|f| {
        b.figures.iter().any(|g| {
            close(g) && same_thing(f, g, true) && {
                let (fl, gl) = (f.low.unwrap_or(0.0), g.low.unwrap_or(0.0));
                fl > 0.0 && gl > 0.0 && fl.max(gl) <= fl.min(gl) * FIGURE_CLOSE
            }
        })
    })
}

/// True when claims `a` and `b` each tell a move of one named subject ("Tessaro shares jumped
/// 22% in Milan" / "Tessaro's stock surged 25% on the news"), with no date apart: a story's
/// one move of one stock, whatever else the sentences say around it.
fn one_move(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    let moved = |c: &ClaimInfo| c.figures.iter().any(|f| f.moved && telling(f));
    moved(a)
        && moved(b)
        && !moments_apart(a, b)
        && a.names.iter().any(|n| b.names.binary_search(n).is_ok())
}

/// Counted nouns too common in a story for a small count of them to tell one fact: "two
/// people were hurt" and "three people were arrested" are two facts.
const COMMON_COUNTS: &[&str] = &[
    "people", "person", "men", "man", "women", "woman", "children", "child", "time", "member",
    "other", "thing", "way", "part", "point", "goal", "game", "run", "year", "day", "week",
    "month", "hour", "minute", "case", "one",
];

/// True when claims `a` and `b`, within a story and not [`apart`], give one thing two small
/// counts (under [`FIGURE_MIN`], which [`close_figures`] leaves out) that differ within
/// [`FIGURE_CLOSE`]: each an exact number of the very same noun, no toll or measure, not a
/// noun every story counts ([`COMMON_COUNTS`]), told with a word of the same meaning around it
/// ("the panel found 15 passages" / "found 18 problematic passages"; "convicted on six counts"
/// / "on five counts"). Both must name what befalls the count: a bare "15 passages" is no fact.
fn close_small_counts(a: &ClaimInfo, b: &ClaimInfo) -> bool {
    use super::claim::Figure;
    if !(a.in_context && b.in_context) || apart(a, b) || moments_apart(a, b) {
        return false;
    }
    static COMMON: OnceLock<FnvSet<u64>> = OnceLock::new();
    let common = stems(&COMMON, COMMON_COUNTS);
    let small = |f: &Figure| {
        f.label == crate::entities::Label::Cardinal
            && f.unit.is_none()
            && f.toll.is_none()
            && f.object == 0
            && f.noun != 0
            && !f.role.is_empty()
            && !f.with_others
            && !common.contains(&f.noun)
            && f.low == f.high
            && f.low
                .is_some_and(|v| (2.0..FIGURE_MIN).contains(&v) && v.fract() == 0.0)
    };
    a.figures.iter().filter(|f| small(f)).any(|f| {
        b.figures.iter().any(|g| {
            small(g)
                && g.noun == f.noun
                && g.low != f.low
                && super::claim::same_measured(f, g, true)
                && {
                    let (x, y) = (f.low.unwrap_or(0.0), g.low.unwrap_or(0.0));
                    x.max(y) <= x.min(y) * FIGURE_CLOSE
                }
        })
    })
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
    fn a_model_line_with_too_many_fields_is_refused() {
        // Why: lines are cut into a fixed number of fields; one more must be an error that
        // names the line, not a panic or a line read in part.
        let good = "base\t0.1\ntree\nleaf\t0.5\n";
        assert!(Model::parse(good).is_ok());
        let err = Model::parse(&format!("{good}leaf\t0.5\t1\t2\t3\t4\t5\n")).err();
        assert!(err.is_some_and(|e| e.starts_with("line 4")));
        let err = Model::parse(&format!("{good}u\tword\t0.5\t1\t2\t3\t4\n")).err();
        assert!(err.is_some_and(|e| e.starts_with("line 4")));
    }

    /// Word-level Levenshtein distance and longest common subsequence by the full table, as
    /// the pair features were first computed.
    fn table(a: &[u64], b: &[u64]) -> (usize, usize) {
        let (a, b) = (&a[..a.len().min(MAX_WORDS)], &b[..b.len().min(MAX_WORDS)]);
        let mut edit = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (j, e) in edit[0].iter_mut().enumerate() {
            *e = j;
        }
        for i in 1..=a.len() {
            edit[i][0] = i;
            for j in 1..=b.len() {
                let same = a[i - 1] == b[j - 1];
                edit[i][j] = (edit[i - 1][j] + 1)
                    .min(edit[i][j - 1] + 1)
                    .min(edit[i - 1][j - 1] + usize::from(!same));
                lcs[i][j] = if same {
                    lcs[i - 1][j - 1] + 1
                } else {
                    lcs[i - 1][j].max(lcs[i][j - 1])
                };
            }
        }
        (edit[a.len()][b.len()], lcs[a.len()][b.len()])
    }

    fn prep_of(words: &[u64]) -> Prep {
        let (distinct, ids) = positions(words);
        Prep {
            distinct,
            ids,
            ..Prep::default()
        }
    }

    #[test]
    fn bit_parallel_distance_and_subsequence_match_the_table() {
        // Reason: the bit-parallel forms must give the table's numbers for every pair,
        // repeated words, empty claims and claims past `MAX_WORDS` included.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..3000 {
            let alphabet = 1 + next() % 12;
            let mut words = |max: u64| -> Vec<u64> {
                let n = next() % max;
                (0..n).map(|_| next() % alphabet).collect()
            };
            let (a, b) = (words(90), words(90));
            assert_eq!(
                edit_and_lcs(&prep_of(&a), &prep_of(&b)),
                table(&a, &b),
                "{a:?} {b:?}"
            );
        }
    }

    #[test]
    fn pair_features_are_those_of_the_plain_computation() {
        // Reason: each claim's lookups made once and the flat forest must change no pair's
        // score by a bit: the word model summed in the same order, the cosine from the same
        // sums, the same leaves.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("examples")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let sources: Vec<crate::Source> = files
            .iter()
            .take(4)
            .enumerate()
            .map(|(i, p)| {
                let text = std::fs::read_to_string(p).expect("an example");
                crate::Source::new(&format!("s{i}"), "n", &text)
            })
            .collect();
        let infos = crate::claim_infos(&sources);
        let all: Vec<&ClaimInfo> = infos
            .iter()
            .flat_map(|x| std::iter::once(x).chain(&x.clauses))
            .take(120)
            .collect();
        assert!(all.len() > 50, "{}", all.len());
        let m = model();
        let mut words = Vec::new();
        for (k, a) in all.iter().enumerate() {
            for b in &all[k + 1..] {
                let d = dense(a, b);
                assert_eq!((d[14], d[15], d[16]), {
                    let (e, l) = table(&a.words, &b.words);
                    let longer = a.words.len().max(b.words.len()).min(MAX_WORDS) as f32;
                    let shorter = a.words.len().min(b.words.len()).min(MAX_WORDS) as f32;
                    let r = |n: f32, d: f32| if d > 0.0 { n / d } else { 0.0 };
                    (
                        r(e as f32, longer),
                        r(l as f32, longer),
                        r(l as f32, shorter),
                    )
                });
                word_features(a, b, &mut words);
                assert_eq!(d[28].to_bits(), m.word_logit(&words).to_bits());
                let c = crate::similarity::cosine(&a.vector, &b.vector);
                assert_eq!(d[27].to_bits(), c.to_bits());
                assert_eq!(
                    m.probability(&d).to_bits(),
                    m.forest.probability(&d).to_bits()
                );
            }
        }
    }

    #[test]
    fn two_outlets_denying_one_thing_state_one_claim() {
        // Reason: a spokeswoman's "the company \"did not and will not pay\" the hackers"
        // (paper) and "Lakeshore has denied paying" (tv) scored 0.22: the model and the
        // meanings read the other words, which differ, and the two denials stood apart.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cyberattack/");
        let sources: Vec<crate::Source> = ["wire", "paper", "tv"]
            .iter()
            .map(|n| {
                let text = std::fs::read_to_string(format!("{dir}{n}.txt")).expect("fixture");
                crate::Source::new(n, n, &text)
            })
            .collect();
        let infos = crate::claim_infos(&sources);
        let texts: Vec<String> = sources.iter().flat_map(crate::claims_of).collect();
        assert_eq!(infos.len(), texts.len());
        let find = |t: &str| {
            let k = texts.iter().position(|x| x.contains(t)).expect(t);
            &infos[k]
        };
        let paper = find("did not and will not pay");
        let tv = find("has denied paying");
        assert!(sentence_similarity(paper, tv) >= DENIAL);
        // What one denies and the other states is no second denial.
        let stated = find("had paid about $4.5 million");
        assert!(!deny_alike(paper, stated) && !deny_alike(tv, stated));
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
