//! Trains the pair model (`data/model/pairs.txt`) from news sentence pairs: MSRP train
//! (paraphrase yes/no), STS-B train (similarity 0–5, as a soft label) and ECB+ train topics (one
//! event or not, each topic's documents analysed together), each pair run through the pipeline.
//! Boosted trees over the pair features; their size, the weights of STS-B and ECB+ and the
//! grouping threshold are chosen by 10-fold cross-validation on the training pairs
//! (`scripts/train-pairs.sh`).

use super::boost::{self, Forest, Settings};
use super::pair::{self, N_DENSE};
use super::pairs_eval::{claim_at, spearman, EcbTopic, Pair, PairSet};
use crate::Source;
use std::fmt::Write;

/// One training pair as features.
pub struct Example {
    dense: [f32; N_DENSE],
    label: f32,
    set: PairSet,
    news: bool,
}

/// Runs every pair through the pipeline and takes its features: MSRP and STS-B pairs alone, the
/// ECB+ pairs in their topic (all its documents analysed together, as a user pastes a story's
/// articles). A side with several claims gives its claim most like the other side's (by word
/// overlap). Returns the examples and how many pairs were left out because a side had no claim.
pub fn examples(pairs: &[Pair], topics: &[EcbTopic]) -> (Vec<Example>, usize) {
    let alone: Vec<Option<Example>> = crate::each_source(pairs, |p| {
        let sources = [Source::new("a", "a", &p.a), Source::new("b", "b", &p.b)];
        let infos = crate::claim_infos(&sources);
        let mut best: Option<[f32; N_DENSE]> = None;
        for x in infos.iter().filter(|x| x.source == 0) {
            for y in infos.iter().filter(|y| y.source == 1) {
                let d = pair::dense(x, y);
                if best.is_none_or(|b| d[2] > b[2]) {
                    best = Some(d);
                }
            }
        }
        best.map(|dense| Example {
            dense,
            label: p.label,
            set: p.set,
            news: p.genre.starts_with("main-news"),
        })
    });
    let in_topics: Vec<Vec<Example>> = crate::each_source(topics, |t| {
        let infos = crate::claim_infos(&t.sources);
        t.pairs
            .iter()
            .filter_map(|&((da, sa), (db, sb), same)| {
                let i = claim_at(&infos, da, sa)?;
                let j = claim_at(&infos, db, sb)?;
                Some(Example {
                    dense: pair::dense(&infos[i], &infos[j]),
                    label: same as u8 as f32,
                    set: PairSet::Ecb,
                    news: false,
                })
            })
            .collect()
    });
    let total = pairs.len() + topics.iter().map(|t| t.pairs.len()).sum::<usize>();
    let out: Vec<Example> = alone
        .into_iter()
        .flatten()
        .chain(in_topics.into_iter().flatten())
        .collect();
    let skipped = total - out.len();
    (out, skipped)
}

/// The examples as tab-separated lines (set, label, then the features), with a header: for
/// looking at the data.
pub fn dump(data: &[Example]) -> String {
    let mut out = format!("set\tlabel\tnews\t{}\n", pair::DENSE.join("\t"));
    for e in data {
        let _ = write!(out, "{:?}\t{}\t{}", e.set, e.label, e.news as u8);
        for v in e.dense {
            let _ = write!(out, "\t{v}");
        }
        out.push('\n');
    }
    out
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    /// Trees.
    pub trees: usize,
    /// Depth of each tree.
    pub depth: usize,
    /// Weight of an STS-B pair against an MSRP pair.
    pub sts_weight: f32,
    /// Weight of an ECB+ pair against an MSRP pair.
    pub ecb_weight: f32,
}

fn fit(data: &[Example], train: &[usize], p: Params) -> Forest {
    let rows: Vec<&[f32]> = train.iter().map(|&i| &data[i].dense[..]).collect();
    let labels: Vec<f32> = train.iter().map(|&i| data[i].label).collect();
    let weights: Vec<f32> = train
        .iter()
        .map(|&i| match data[i].set {
            PairSet::Msrp => 1.0,
            PairSet::Stsb => p.sts_weight,
            PairSet::Ecb => p.ecb_weight,
        })
        .collect();
    boost::train(
        &rows,
        &labels,
        &weights,
        Settings {
            trees: p.trees,
            depth: p.depth,
            rate: 0.05,
            lambda: 1.0,
            min_child: 1.0,
        },
    )
}

/// The threshold that maximises F1 on MSRP pairs.
fn best_threshold(scored: &[(f32, bool)]) -> f32 {
    let mut best = (0.5, -1.0);
    for t in 5..=95 {
        let t = t as f32 / 100.0;
        let (f1, _) = f1_at(scored, t);
        if f1 > best.1 {
            best = (t, f1);
        }
    }
    best.0
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

/// Cross-validated figures of one setting.
#[derive(Clone, Copy, Debug)]
pub struct CvResult {
    /// The setting.
    pub params: Params,
    /// MSRP: F1 at the best threshold over the held-out predictions.
    pub f1: f64,
    /// That threshold.
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
pub fn cross_validate(data: &[Example], params: Params, folds: usize) -> CvResult {
    let n = data.len();
    let mut held_out = vec![0f32; n];
    for f in 0..folds {
        let train: Vec<usize> = (0..n).filter(|&i| fold_of(i, folds) != f).collect();
        let model = fit(data, &train, params);
        for i in (0..n).filter(|&i| fold_of(i, folds) == f) {
            held_out[i] = model.probability(&data[i].dense);
        }
    }
    let of = |set: PairSet| -> Vec<(f32, bool)> {
        data.iter()
            .zip(&held_out)
            .filter(|(e, _)| e.set == set)
            .map(|(e, &p)| (p, e.label >= 0.5))
            .collect()
    };
    let msrp = of(PairSet::Msrp);
    let threshold = best_threshold(&msrp);
    let (f1, accuracy) = f1_at(&msrp, threshold);
    let (ecb_f1, _) = f1_at(&of(PairSet::Ecb), threshold);
    let news: Vec<(f64, f64)> = data
        .iter()
        .zip(&held_out)
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

/// The settings tried.
fn grid() -> Vec<Params> {
    let mut out = Vec::new();
    for depth in [3, 4] {
        for trees in [200, 400] {
            for sts_weight in [0.3, 1.0] {
                for ecb_weight in [0.3, 1.0] {
                    out.push(Params {
                        trees,
                        depth,
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
/// ECB+ F1), fits it on all pairs and writes the model with the threshold found in
/// cross-validation.
pub fn train(pairs: &[Pair], topics: &[EcbTopic]) -> Trained {
    let (data, skipped) = examples(pairs, topics);
    let mut report = String::new();
    let _ = writeln!(
        report,
        "{} pairs ({skipped} left out: a side without a claim)",
        data.len()
    );
    let _ = writeln!(
        report,
        "10-fold CV: depth trees STS-B w ECB+ w   MSRP F1  acc    threshold  STS-B news Spearman  ECB+ F1"
    );
    let results: Vec<CvResult> = grid()
        .into_iter()
        .map(|p| cross_validate(&data, p, 10))
        .collect();
    for r in &results {
        let _ = writeln!(
            report,
            "            {:5} {:5} {:7} {:6}   {:.3}    {:.3}  {:.2}       {:.3}                {:.3}",
            r.params.depth,
            r.params.trees,
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
        "chosen: depth {}, {} trees, STS-B weight {}, ECB+ weight {}: CV MSRP F1 {:.3} (accuracy {:.3}) at threshold {:.2}, STS-B news Spearman {:.3}, ECB+ F1 {:.3}",
        best.params.depth,
        best.params.trees,
        best.params.sts_weight,
        best.params.ecb_weight,
        best.f1,
        best.accuracy,
        best.threshold,
        best.spearman_news,
        best.ecb_f1
    );
    let all: Vec<usize> = (0..data.len()).collect();
    let forest = fit(&data, &all, best.params);
    let mut model = String::new();
    let _ = writeln!(
        model,
        "# The pair model: written by scripts/train-pairs.sh (src/compare/pairs_train.rs); do not edit.\n\
         # Boosted trees over the pair features (src/compare/pair.rs): depth {}, {} trees.\n\
         # 10-fold CV on MSRP train, STS-B train and ECB+ train topics: MSRP F1 {:.3} at the threshold;\n\
         # STS-B news Spearman {:.3}; ECB+ F1 {:.3}.",
        best.params.depth, best.params.trees, best.f1, best.spearman_news, best.ecb_f1
    );
    let _ = writeln!(model, "threshold\t{:.2}", best.threshold);
    forest.write(pair::DENSE, &mut model);
    Trained { model, report }
}
