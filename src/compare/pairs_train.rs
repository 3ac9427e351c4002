//! Trains the pair model (`data/model/pairs.txt`) from news sentence pairs: MSRP train
//! (paraphrase yes/no), STS-B train (similarity 0–5, as a soft label) and ECB+ train topics (one
//! event or not), each pair run through the pipeline as two sources. A logistic regression over the dense features, standardised,
//! and the word features; its regularisation, the weights of STS-B and ECB+ and the grouping threshold are
//! chosen by 10-fold cross-validation on the training pairs (`scripts/train-pairs.sh`).

use super::pair::{self, word_feature, MATCHED, N_DENSE, UNMATCHED};
use super::pairs_eval::{claim_at, spearman, EcbTopic, Pair, PairSet};
use super::text::{fold_word, stem, word_hash, words_of};
use crate::hash::FnvMap;
use crate::Source;
use std::fmt::Write;

/// One training pair as features.
pub struct Example {
    dense: [f32; N_DENSE],
    /// Indexes into the word feature list.
    words: Vec<u32>,
    label: f32,
    set: PairSet,
    news: bool,
}

/// Training pairs as features, and the word features' names.
pub struct Data {
    examples: Vec<Example>,
    /// Per word feature: its kind ("u" or "m") and stem, for the model file.
    names: Vec<(u8, String)>,
    /// Pairs left out because a side had no claim.
    pub skipped: usize,
}

/// Runs every pair through the pipeline and takes its features (MSRP and STS-B pairs alone; the
/// ECB+ pairs in their topic, all its documents analysed together). A side with several claims
/// gives its claim most like the other side's (by word overlap).
pub fn data(pairs: &[Pair], topics: &[EcbTopic]) -> Data {
    let per_pair: Vec<Option<([f32; N_DENSE], Vec<u64>)>> = crate::each_source(pairs, |p| {
        let sources = [Source::new("a", "a", &p.a), Source::new("b", "b", &p.b)];
        let infos = crate::claim_infos(&sources);
        let mut best: Option<([f32; N_DENSE], Vec<u64>)> = None;
        for x in infos.iter().filter(|x| x.source == 0) {
            for y in infos.iter().filter(|y| y.source == 1) {
                let d = pair::dense(x, y);
                if best.as_ref().is_none_or(|(b, _)| d[2] > b[2]) {
                    let mut w = Vec::new();
                    pair::sparse(x, y, &mut w);
                    best = Some((d, w));
                }
            }
        }
        best
    });
    // ECB+: each topic's documents analysed at once, so words are weighed in the topic.
    let ecb: Vec<Vec<(Pair, [f32; N_DENSE], Vec<u64>)>> = crate::each_source(topics, |t| {
        let infos = crate::claim_infos(&t.sources);
        let mut out = Vec::new();
        for &((da, sa), (db, sb), same) in &t.pairs {
            let (Some(i), Some(j)) = (claim_at(&infos, da, sa), claim_at(&infos, db, sb)) else {
                continue;
            };
            let mut w = Vec::new();
            pair::sparse(&infos[i], &infos[j], &mut w);
            let p = Pair {
                a: t.sources[da].text[sa].to_string(),
                b: t.sources[db].text[sb].to_string(),
                label: same as u8 as f32,
                set: PairSet::Ecb,
                genre: String::new(),
            };
            out.push((p, pair::dense(&infos[i], &infos[j]), w));
        }
        out
    });
    let ecb: Vec<(Pair, [f32; N_DENSE], Vec<u64>)> = ecb.into_iter().flatten().collect();
    let skipped_ecb = topics.iter().map(|t| t.pairs.len()).sum::<usize>() - ecb.len();
    let (ecb_pairs, ecb_features): (Vec<Pair>, Vec<_>) =
        ecb.into_iter().map(|(p, d, w)| (p, Some((d, w)))).unzip();
    let per_pair: Vec<Option<([f32; N_DENSE], Vec<u64>)>> =
        per_pair.into_iter().chain(ecb_features).collect();
    let pairs: Vec<Pair> = pairs.iter().cloned().chain(ecb_pairs).collect();
    let pairs = &pairs[..];
    // Names of word features: every stem the pairs have, by its feature hashes.
    let mut stems: FnvMap<u64, String> = FnvMap::default();
    let mut w = String::new();
    for p in pairs {
        for t in [&p.a, &p.b] {
            for (a, b) in words_of(t) {
                w.clear();
                fold_word(&t[a..b], &mut w);
                let s = stem(&w);
                stems.entry(word_hash(s)).or_insert_with(|| s.to_string());
            }
        }
    }
    let mut by_feature: FnvMap<u64, (u8, &str)> = FnvMap::default();
    for (&h, s) in &stems {
        by_feature.insert(word_feature(UNMATCHED, h), (b'u', s));
        by_feature.insert(word_feature(MATCHED, h), (b'm', s));
    }
    let mut index: FnvMap<u64, u32> = FnvMap::default();
    let mut names = Vec::new();
    let mut examples = Vec::new();
    let mut skipped = 0;
    for (p, f) in pairs.iter().zip(per_pair) {
        let Some((dense, hashes)) = f else {
            skipped += 1;
            continue;
        };
        let words = hashes
            .iter()
            .filter_map(|h| {
                let &(kind, name) = by_feature.get(h)?;
                Some(*index.entry(*h).or_insert_with(|| {
                    names.push((kind, name.to_string()));
                    names.len() as u32 - 1
                }))
            })
            .collect();
        examples.push(Example {
            dense,
            words,
            label: p.label,
            set: p.set,
            news: p.genre.starts_with("main-news"),
        });
    }
    Data {
        examples,
        names,
        skipped: skipped + skipped_ecb,
    }
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    /// L2 penalty on the dense weights.
    pub l2_dense: f32,
    /// L2 penalty on the word weights.
    pub l2_words: f32,
    /// Weight of an STS-B pair against an MSRP pair.
    pub sts_weight: f32,
    /// Weight of an ECB+ pair against an MSRP pair.
    pub ecb_weight: f32,
}

/// A fitted model.
struct Fitted {
    bias: f32,
    mean: [f32; N_DENSE],
    scale: [f32; N_DENSE],
    dense: [f32; N_DENSE],
    words: Vec<f32>,
}

impl Fitted {
    fn probability(&self, e: &Example) -> f32 {
        let mut z = self.bias;
        for i in 0..N_DENSE {
            z += self.dense[i] * (e.dense[i] - self.mean[i]) / self.scale[i];
        }
        for &w in &e.words {
            z += self.words[w as usize];
        }
        1.0 / (1.0 + (-z).exp())
    }
}

/// Word features seen in fewer training pairs than this get no weight.
const MIN_COUNT: usize = 3;
/// Full-batch Adam steps.
const STEPS: usize = 400;
const RATE: f32 = 0.05;

/// Fits a logistic regression with soft labels on `train` (indexes into `data.examples`).
fn fit(data: &Data, train: &[usize], p: Params) -> Fitted {
    let n_words = data.names.len();
    // Standardise the dense features on the training pairs.
    let mut mean = [0f32; N_DENSE];
    let mut scale = [0f32; N_DENSE];
    for &i in train {
        for k in 0..N_DENSE {
            mean[k] += data.examples[i].dense[k];
        }
    }
    for m in &mut mean {
        *m /= train.len().max(1) as f32;
    }
    for &i in train {
        for k in 0..N_DENSE {
            let d = data.examples[i].dense[k] - mean[k];
            scale[k] += d * d;
        }
    }
    for s in &mut scale {
        *s = (*s / train.len().max(1) as f32).sqrt();
        if *s < 1e-6 {
            *s = 1.0;
        }
    }
    let mut count = vec![0usize; n_words];
    for &i in train {
        for &w in &data.examples[i].words {
            count[w as usize] += 1;
        }
    }
    let xs: Vec<[f32; N_DENSE]> = train
        .iter()
        .map(|&i| {
            let mut x = data.examples[i].dense;
            for k in 0..N_DENSE {
                x[k] = (x[k] - mean[k]) / scale[k];
            }
            x
        })
        .collect();
    let weight: Vec<f32> = train
        .iter()
        .map(|&i| match data.examples[i].set {
            PairSet::Msrp => 1.0,
            PairSet::Stsb => p.sts_weight,
            PairSet::Ecb => p.ecb_weight,
        })
        .collect();
    let total: f32 = weight.iter().sum::<f32>().max(1e-6);
    // Parameters: bias, dense, words.
    let n = 1 + N_DENSE + n_words;
    let mut theta = vec![0f32; n];
    let (mut m1, mut m2) = (vec![0f32; n], vec![0f32; n]);
    let mut grad = vec![0f32; n];
    for step in 1..=STEPS {
        grad.iter_mut().for_each(|g| *g = 0.0);
        for (t, &i) in train.iter().enumerate() {
            let e = &data.examples[i];
            let mut z = theta[0];
            for k in 0..N_DENSE {
                z += theta[1 + k] * xs[t][k];
            }
            for &w in &e.words {
                if count[w as usize] >= MIN_COUNT {
                    z += theta[1 + N_DENSE + w as usize];
                }
            }
            let g = (1.0 / (1.0 + (-z).exp()) - e.label) * weight[t] / total;
            grad[0] += g;
            for k in 0..N_DENSE {
                grad[1 + k] += g * xs[t][k];
            }
            for &w in &e.words {
                if count[w as usize] >= MIN_COUNT {
                    grad[1 + N_DENSE + w as usize] += g;
                }
            }
        }
        for k in 0..N_DENSE {
            grad[1 + k] += p.l2_dense * theta[1 + k];
        }
        for w in 0..n_words {
            grad[1 + N_DENSE + w] += p.l2_words * theta[1 + N_DENSE + w];
        }
        let (b1, b2) = (0.9f32, 0.999f32);
        let (c1, c2) = (1.0 - b1.powi(step as i32), 1.0 - b2.powi(step as i32));
        for j in 0..n {
            m1[j] = b1 * m1[j] + (1.0 - b1) * grad[j];
            m2[j] = b2 * m2[j] + (1.0 - b2) * grad[j] * grad[j];
            theta[j] -= RATE * (m1[j] / c1) / ((m2[j] / c2).sqrt() + 1e-8);
        }
    }
    let mut dense = [0f32; N_DENSE];
    dense.copy_from_slice(&theta[1..1 + N_DENSE]);
    Fitted {
        bias: theta[0],
        mean,
        scale,
        dense,
        words: theta[1 + N_DENSE..].to_vec(),
    }
}

/// The threshold that maximises F1 on MSRP pairs, and that F1.
fn best_threshold(scored: &[(f32, bool)]) -> (f32, f64) {
    let mut best = (0.5, -1.0);
    for t in 5..=95 {
        let t = t as f32 / 100.0;
        let (f1, _) = f1_at(scored, t);
        if f1 > best.1 {
            best = (t, f1);
        }
    }
    best
}

/// Cross-validated figures of one setting.
#[derive(Clone, Copy, Debug)]
pub struct CvResult {
    /// The setting.
    pub params: Params,
    /// MSRP: F1 at the best threshold over the held-out predictions, and that threshold.
    pub f1: f64,
    /// The threshold.
    pub threshold: f32,
    /// MSRP accuracy at that threshold.
    pub accuracy: f64,
    /// STS-B news genre: Spearman over the held-out predictions.
    pub spearman_news: f64,
    /// ECB+: F1 of "one event" at the threshold.
    pub ecb_f1: f64,
}

/// The fold of example `i`: a fixed scramble of its index.
fn fold_of(i: usize, folds: usize) -> usize {
    (((i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) % folds as u64) as usize
}

/// `folds`-fold cross-validation of one setting.
pub fn cross_validate(data: &Data, params: Params, folds: usize) -> CvResult {
    let n = data.examples.len();
    let mut held_out = vec![0f32; n];
    for f in 0..folds {
        let train: Vec<usize> = (0..n).filter(|&i| fold_of(i, folds) != f).collect();
        let model = fit(data, &train, params);
        for i in (0..n).filter(|&i| fold_of(i, folds) == f) {
            held_out[i] = model.probability(&data.examples[i]);
        }
    }
    summarise(data, &held_out, params, None)
}

/// The figures of predictions `p` over `data`; at `threshold` when given, else at the best.
fn summarise(data: &Data, p: &[f32], params: Params, threshold: Option<f32>) -> CvResult {
    let of = |set: PairSet| -> Vec<(f32, bool)> {
        data.examples
            .iter()
            .zip(p)
            .filter(|(e, _)| e.set == set)
            .map(|(e, &p)| (p, e.label >= 0.5))
            .collect()
    };
    let msrp = of(PairSet::Msrp);
    let (threshold, _) = match threshold {
        Some(t) => (t, 0.0),
        None => best_threshold(&msrp),
    };
    let (f1, accuracy) = f1_at(&msrp, threshold);
    let (ecb_f1, _) = f1_at(&of(PairSet::Ecb), threshold);
    let news: Vec<(f64, f64)> = data
        .examples
        .iter()
        .zip(p)
        .filter(|(e, _)| e.set == PairSet::Stsb && e.news)
        .map(|(e, &p)| (p as f64, e.label as f64))
        .collect();
    CvResult {
        params,
        f1,
        threshold,
        accuracy,
        spearman_news: spearman(&news),
        ecb_f1,
    }
}

/// F1 and accuracy of `p >= threshold` against the labels.
fn f1_at(scored: &[(f32, bool)], threshold: f32) -> (f64, f64) {
    let (mut tp, mut fp, mut fneg, mut right) = (0, 0, 0, 0);
    for &(p, gold) in scored {
        let said = p >= threshold;
        right += (said == gold) as usize;
        match (said, gold) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            _ => {}
        }
    }
    (
        2.0 * tp as f64 / (2 * tp + fp + fneg).max(1) as f64,
        right as f64 / scored.len().max(1) as f64,
    )
}

/// The settings tried.
fn grid() -> Vec<Params> {
    let mut out = Vec::new();
    for l2_dense in [1e-3] {
        for l2_words in [1e-3, 3e-3, 1e-2] {
            for sts_weight in [0.3, 1.0] {
                for ecb_weight in [0.3, 1.0] {
                    out.push(Params {
                        l2_dense,
                        l2_words,
                        sts_weight,
                        ecb_weight,
                    });
                }
            }
        }
    }
    out
}

/// What training made: the model file and a report of how it was chosen.
pub struct Trained {
    /// The model in its text form.
    pub model: String,
    /// The cross-validation table and the choice.
    pub report: String,
}

/// Chooses a setting by 10-fold cross-validation (the sum of MSRP F1, STS-B news Spearman and
/// ECB+ F1),
/// fits it on all pairs and writes the model with the threshold found in cross-validation.
pub fn train(pairs: &[Pair], topics: &[EcbTopic]) -> Trained {
    let data = data(pairs, topics);
    let mut report = String::new();
    let _ = writeln!(
        report,
        "{} pairs ({} left out: a side without a claim), {} word features",
        data.examples.len(),
        data.skipped,
        data.names.len()
    );
    let _ = writeln!(
        report,
        "10-fold CV:   l2 dense  l2 words  STS-B w  ECB+ w   MSRP F1  acc   threshold  STS-B news Spearman  ECB+ F1"
    );
    let results: Vec<CvResult> = grid()
        .into_iter()
        .map(|p| cross_validate(&data, p, 10))
        .collect();
    for r in &results {
        let _ = writeln!(
            report,
            "             {:8}  {:8}  {:7}  {:6}   {:.3}   {:.3}  {:.2}       {:.3}                {:.3}",
            r.params.l2_dense,
            r.params.l2_words,
            r.params.sts_weight,
            r.params.ecb_weight,
            r.f1,
            r.accuracy,
            r.threshold,
            r.spearman_news,
            r.ecb_f1
        );
    }
    let best = results
        .iter()
        .max_by(|a, b| {
            (a.f1 + a.spearman_news + a.ecb_f1).total_cmp(&(b.f1 + b.spearman_news + b.ecb_f1))
        })
        .copied()
        .expect("the grid is not empty");
    let _ = writeln!(
        report,
        "chosen: l2 dense {}, l2 words {}, STS-B weight {}, ECB+ weight {}: CV MSRP F1 {:.3} (accuracy {:.3}) at threshold {:.2}, STS-B news Spearman {:.3}, ECB+ F1 {:.3}",
        best.params.l2_dense,
        best.params.l2_words,
        best.params.sts_weight,
        best.params.ecb_weight,
        best.f1,
        best.accuracy,
        best.threshold,
        best.spearman_news,
        best.ecb_f1
    );
    let all: Vec<usize> = (0..data.examples.len()).collect();
    let fitted = fit(&data, &all, best.params);
    let model = write_model(&data, &fitted, best);
    Trained { model, report }
}

/// Word weights smaller than this are left out of the file.
const PRUNE: f32 = 0.005;

fn write_model(data: &Data, m: &Fitted, cv: CvResult) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# The pair model: written by scripts/train-pairs.sh (src/compare/pairs_train.rs); do not edit.\n\
         # Logistic regression over standardised dense features and word features (stems).\n\
         # 10-fold CV on MSRP train, STS-B train and ECB+ train topics: MSRP F1 {:.3} at the threshold;\n\
         # STS-B news Spearman {:.3}; ECB+ F1 {:.3}.",
        cv.f1, cv.spearman_news, cv.ecb_f1
    );
    let _ = writeln!(out, "bias\t{:.6}", m.bias);
    let _ = writeln!(out, "threshold\t{:.2}", cv.threshold);
    for (k, name) in pair::DENSE.iter().enumerate() {
        let _ = writeln!(
            out,
            "dense\t{name}\t{:.6}\t{:.6}\t{:.6}",
            m.mean[k], m.scale[k], m.dense[k]
        );
    }
    let mut words: Vec<(&(u8, String), f32)> = data
        .names
        .iter()
        .zip(&m.words)
        .filter(|(_, w)| w.abs() >= PRUNE)
        .map(|(n, &w)| (n, w))
        .collect();
    words.sort_by(|a, b| a.0.cmp(b.0));
    for ((kind, stem), w) in words {
        let _ = writeln!(out, "{}\t{stem}\t{w:.4}", *kind as char);
    }
    out
}
