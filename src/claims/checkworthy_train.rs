//! Training the check-worthiness model on CLEF-2019 CheckThat! Task 1 transcripts.
//!
//! Every claim candidate of every transcript (analysed as in [`super::checkworthy_eval`]) is an
//! example with the features of [`super::checkworthy::features`] and the label of the line it
//! is in. A logistic regression is fitted by full-batch Adam (no sampling: the same data always
//! gives the same weights) on the weighted log loss plus an L2 penalty, three times heavier on
//! word and first-word features than on the others.
//!
//! The written model is the hand-set prior ([`checkworthy::PRIOR_MODEL`]) plus `blend` times the
//! learned weights, scaled so that the training claims' logits spread as widely as under the
//! prior, with the bias set so that the prior and the model call as many training claims
//! check-worthy (about 16%). The learned part reorders; the prior fixes what the threshold
//! means (on the PolNeAR dev articles, news text, 47% of claims come out check-worthy).
//!
//! The transcripts are split by file name: the last [`HELD_OUT`] are held out and never trained
//! or tuned on. The settings (L2, weight of a selected line, blend) are chosen by grouped
//! cross-validation over the rest (MAP, whole transcripts as groups); the model is then trained
//! on all of the rest and written as `name<TAB>weight` lines, rounded, small weights dropped.

use super::checkworthy::{self, squash, Model};
use super::checkworthy_eval::{measure_scores, read_transcripts, CheckworthyEval, Transcript};
use crate::span::Span;
use crate::{claims, clean, entities, segment};
use std::collections::HashMap;
use std::fmt;
use std::fmt::Write as _;
use std::path::Path;

/// How many transcripts, the last by file name, are held out.
pub const HELD_OUT: usize = 5;

/// Cross-validation folds over the training transcripts.
const FOLDS: usize = 7;

/// A feature must be in this many training examples to get a weight.
const MIN_COUNT: usize = 3;

/// Learned weights smaller than this are left out of the written model.
const PRUNE: f64 = 0.02;

/// Full-batch Adam steps and step size.
const ROUNDS: usize = 200;
const RATE: f64 = 0.05;

/// The L2 penalty of word and first-word features, as a multiple of the others'.
const LEXICAL_L2: f64 = 3.0;

/// One claim candidate: its line and its features.
#[derive(Clone, Debug)]
pub struct Example {
    /// The line index in its transcript.
    pub line: usize,
    /// Feature names (see [`checkworthy::features`]).
    pub features: Vec<String>,
    /// The score the embedded model gives it in the pipeline.
    pub score: f64,
}

/// The claim candidates of a text, as the pipeline of [`crate::analyze`] finds them for one
/// source, with their feature names.
pub fn claim_features(text: &str) -> Vec<(Span, Vec<String>, f64)> {
    let boilerplate = clean::boilerplate(text);
    let seg = segment::segment(text);
    let mut mentions = entities::find(text, &seg);
    mentions.retain(|m| !boilerplate.iter().any(|b| b.overlaps(m.span)));
    {
        let mut names = [entities::aliases::SourceNames {
            text,
            seg: &seg,
            mentions: &mut mentions,
        }];
        entities::aliases::resolve(&mut names);
    }
    let found = claims::find(text, &seg, &mentions, &boilerplate);
    let words = claims::Words::new(text, &seg);
    let mut out = Vec::with_capacity(found.len());
    for c in found {
        let Ok(index) = seg
            .sentences
            .binary_search_by_key(&c.span.start, |s| s.span.start)
        else {
            continue;
        };
        let mut names: Vec<String> = Vec::new();
        checkworthy::features(
            text,
            &seg,
            &words,
            index,
            &mentions,
            &c.entities,
            &c.attribution,
            c.certainty,
            &mut names,
        );
        names.sort_unstable();
        names.dedup();
        out.push((c.span, names, c.score));
    }
    out
}

/// The examples of one transcript.
pub fn transcript_examples(t: &Transcript) -> Vec<Example> {
    let (text, spans) = t.text();
    claim_features(&text)
        .into_iter()
        .filter_map(|(span, features, score)| {
            let i = spans.partition_point(|l| l.start <= span.start);
            (i > 0).then(|| Example {
                line: i - 1,
                features,
                score,
            })
        })
        .collect()
}

/// Training settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    /// L2 penalty (on the mean loss).
    pub l2: f64,
    /// Weight of an example from a selected line (others weigh 1).
    pub positive_weight: f64,
    /// How much of the learned weights is added to the prior.
    pub blend: f64,
}

/// Examples with features as indexes into a vocabulary.
struct Indexed {
    /// Per transcript: (line, feature ids, label).
    transcripts: Vec<Vec<(usize, Vec<u32>, bool)>>,
    /// The vocabulary, sorted.
    names: Vec<String>,
    /// The prior's weight of each name.
    prior: Vec<f64>,
    /// The index of `bias`.
    bias: usize,
}

fn index(
    transcripts: &[Transcript],
    examples: &[Vec<Example>],
    train: &[usize],
    prior: &HashMap<String, f64>,
) -> Indexed {
    // Count features over the training transcripts only.
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &t in train {
        for e in &examples[t] {
            for f in &e.features {
                *counts.entry(f.as_str()).or_default() += 1;
            }
        }
    }
    let mut names: Vec<String> = counts
        .into_iter()
        .filter(|&(n, c)| c >= MIN_COUNT || prior.contains_key(n))
        .map(|(n, _)| n.to_string())
        .collect();
    for n in prior.keys() {
        if !names.contains(n) {
            names.push(n.clone());
        }
    }
    names.sort_unstable();
    let ids: HashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i as u32))
        .collect();
    let transcripts = transcripts
        .iter()
        .zip(examples)
        .map(|(t, ex)| {
            ex.iter()
                .map(|e| {
                    let f = e
                        .features
                        .iter()
                        .filter_map(|n| ids.get(n.as_str()).copied())
                        .collect();
                    (e.line, f, t.lines[e.line].label)
                })
                .collect()
        })
        .collect();
    let prior_w = names
        .iter()
        .map(|n| prior.get(n).copied().unwrap_or(0.0))
        .collect();
    let bias = ids["bias"] as usize;
    Indexed {
        transcripts,
        names,
        prior: prior_w,
        bias,
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

fn is_lexical(name: &str) -> bool {
    name.starts_with("w:") || name.starts_with("f:")
}

/// Fits logistic regression on the examples of transcripts `train` by full-batch Adam on the
/// mean weighted log loss plus `l2 / 2 * |w|^2` ([`LEXICAL_L2`] times that on lexical features).
fn fit(data: &Indexed, train: &[usize], l2: f64, positive_weight: f64) -> Vec<f64> {
    let n = data.names.len();
    let penalty: Vec<f64> = data
        .names
        .iter()
        .map(|n| if is_lexical(n) { l2 * LEXICAL_L2 } else { l2 })
        .collect();
    let examples: Vec<&(usize, Vec<u32>, bool)> =
        train.iter().flat_map(|&t| &data.transcripts[t]).collect();
    let total: f64 = examples
        .iter()
        .map(|e| if e.2 { positive_weight } else { 1.0 })
        .sum();
    let (b1, b2) = (0.9f64, 0.999f64);
    let mut w = vec![0.0f64; n];
    let (mut m, mut v, mut grad) = (vec![0.0f64; n], vec![0.0f64; n], vec![0.0f64; n]);
    for step in 1..=ROUNDS {
        for ((g, x), p) in grad.iter_mut().zip(&w).zip(&penalty) {
            *g = p * x;
        }
        for (_, f, label) in &examples {
            let z: f64 = f.iter().map(|&k| w[k as usize]).sum();
            let (y, weight) = if *label {
                (1.0, positive_weight)
            } else {
                (0.0, 1.0)
            };
            let g = weight * (sigmoid(z) - y) / total;
            for &k in f {
                grad[k as usize] += g;
            }
        }
        let (c1, c2) = (1.0 - b1.powi(step as i32), 1.0 - b2.powi(step as i32));
        for k in 0..n {
            m[k] = b1 * m[k] + (1.0 - b1) * grad[k];
            v[k] = b2 * v[k] + (1.0 - b2) * grad[k] * grad[k];
            w[k] -= RATE * (m[k] / c1) / ((v[k] / c2).sqrt() + 1e-8);
        }
    }
    w
}

fn std_dev(x: &[f64]) -> f64 {
    let n = x.len().max(1) as f64;
    let mean = x.iter().sum::<f64>() / n;
    (x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n).sqrt()
}

/// The logit of each claim of transcripts `set` under weights `w`.
fn logits<'a>(data: &'a Indexed, w: &'a [f64], set: &'a [usize]) -> impl Iterator<Item = f64> + 'a {
    set.iter()
        .flat_map(|&t| &data.transcripts[t])
        .map(|(_, f, _)| f.iter().map(|&k| w[k as usize]).sum())
}

/// The weights written for learned weights `w` blended into the prior: learned weights under
/// [`PRUNE`] dropped; then scaled so that the training claims' logits spread as widely as the
/// prior's (standard deviation), and the bias set so that as many training claims are
/// check-worthy as under the prior; all rounded to three decimals.
fn combine(data: &Indexed, train: &[usize], w: &[f64], blend: f64) -> Vec<f64> {
    let mut out: Vec<f64> = w
        .iter()
        .zip(&data.prior)
        .map(|(&x, &p)| {
            let x = if x.abs() < PRUNE { 0.0 } else { x };
            p + blend * x
        })
        .collect();
    if blend > 0.0 {
        let prior_z: Vec<f64> = logits(data, &data.prior, train).collect();
        let z: Vec<f64> = logits(data, &out, train).collect();
        let (sd_prior, sd) = (std_dev(&prior_z), std_dev(&z));
        if sd > 0.0 {
            for x in &mut out {
                *x *= sd_prior / sd;
            }
        }
        // The prior's flagged count k; shift so that the k-th highest logit is just above 0.
        let k = prior_z.iter().filter(|&&z| z >= 0.0).count();
        let mut z: Vec<f64> = logits(data, &out, train).collect();
        z.sort_by(|a, b| b.total_cmp(a));
        if k > 0 && k < z.len() {
            out[data.bias] -= (z[k - 1] + z[k]) / 2.0;
        }
    }
    for x in &mut out {
        *x = (*x * 1000.0).round() / 1000.0;
    }
    out
}

/// Line scores of transcript `t` under weights `w`.
fn scores(data: &Indexed, w: &[f64], t: usize, lines: usize) -> Vec<f64> {
    let mut s = vec![0.0f64; lines];
    for (line, f, _) in &data.transcripts[t] {
        let z: f64 = f.iter().map(|&k| w[k as usize]).sum();
        s[*line] = s[*line].max(squash(z));
    }
    s
}

/// The summed average precision of weights `w` over transcripts `test`.
fn ap_sum(transcripts: &[Transcript], data: &Indexed, w: &[f64], test: &[usize]) -> f64 {
    test.iter()
        .map(|&t| {
            let s = scores(data, w, t, transcripts[t].lines.len());
            measure_scores(&s, &transcripts[t].labels()).ap
        })
        .sum()
}

/// The share of claims of transcripts `set` scoring at or above the threshold under `w`.
fn flagged_share(data: &Indexed, w: &[f64], set: &[usize]) -> f64 {
    let (mut n, mut k) = (0usize, 0usize);
    for &t in set {
        for (_, f, _) in &data.transcripts[t] {
            n += 1;
            let z: f64 = f.iter().map(|&k| w[k as usize]).sum();
            if squash(z) >= crate::CHECKWORTHY_THRESHOLD {
                k += 1;
            }
        }
    }
    k as f64 / n.max(1) as f64
}

/// The L2 penalties and positive weights tried by cross-validation.
const L2S: [f64; 3] = [0.003, 0.01, 0.03];
const POSITIVE_WEIGHTS: [f64; 2] = [4.0, 8.0];
/// The blends tried; 0 is the prior alone.
const BLENDS: [f64; 8] = [0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 8.0];

/// The settings chosen by [`recipe`] and the weights it wrote.
struct Fitted {
    params: Params,
    data: Indexed,
    weights: Vec<f64>,
}

/// The training recipe on transcripts `train_set`: the settings (L2, positive weight, blend)
/// chosen by grouped cross-validation over them ([`FOLDS`] folds, fold k testing the `i`-th of
/// them with `i % FOLDS == k`; MAP), then a fit on all of them blended into the prior. Writes
/// the settings tried and the choice to `report`.
fn recipe(
    transcripts: &[Transcript],
    examples: &[Vec<Example>],
    prior: &HashMap<String, f64>,
    train_set: &[usize],
    report: &mut String,
) -> Result<Fitted, String> {
    let in_fold = |k: usize, held: bool| -> Vec<usize> {
        train_set
            .iter()
            .enumerate()
            .filter(|&(i, _)| (i % FOLDS == k) == held)
            .map(|(_, &t)| t)
            .collect()
    };
    let folds: Vec<(Vec<usize>, Vec<usize>)> = (0..FOLDS)
        .map(|k| (in_fold(k, false), in_fold(k, true)))
        .collect();
    let fold_data: Vec<Indexed> = folds
        .iter()
        .map(|(train, _)| index(transcripts, examples, train, prior))
        .collect();
    let mut best: Option<(f64, Params)> = None;
    for l2 in L2S {
        for positive_weight in POSITIVE_WEIGHTS {
            let fitted: Vec<Vec<f64>> = folds
                .iter()
                .zip(&fold_data)
                .map(|((train, _), data)| fit(data, train, l2, positive_weight))
                .collect();
            let mut line = format!("cv l2 {l2:<5} positive_weight {positive_weight}  MAP by blend");
            for blend in BLENDS {
                let mut sum = 0.0;
                for (((train, test), data), w) in folds.iter().zip(&fold_data).zip(&fitted) {
                    let w = combine(data, train, w, blend);
                    sum += ap_sum(transcripts, data, &w, test);
                }
                let map = sum / train_set.len() as f64;
                let _ = write!(line, "  {blend}: {map:.4}");
                let p = Params {
                    l2,
                    positive_weight,
                    blend,
                };
                if best.is_none_or(|(b, _)| map > b + 1e-12) {
                    best = Some((map, p));
                }
            }
            let _ = writeln!(report, "{line}");
        }
    }
    let (cv_map, p) = best.ok_or("no settings")?;
    let _ = writeln!(
        report,
        "chosen: l2 {} positive_weight {} blend {} (cv MAP {cv_map:.4})",
        p.l2, p.positive_weight, p.blend
    );
    let data = index(transcripts, examples, train_set, prior);
    let learned = fit(&data, train_set, p.l2, p.positive_weight);
    let weights = combine(&data, train_set, &learned, p.blend);
    Ok(Fitted {
        params: p,
        data,
        weights,
    })
}

/// What [`cross_validate`] measured.
pub struct CrossValidated {
    /// Each transcript's figures when held out: the recipe run on all the others.
    pub model: CheckworthyEval,
    /// Each transcript's figures under the hand-set prior alone.
    pub prior: CheckworthyEval,
    /// The settings the recipe chose with each transcript held out, in transcript order.
    pub chosen: Vec<Params>,
}

impl CrossValidated {
    /// The standard error of the MAP: the standard deviation of the held-out transcripts'
    /// average precision over the square root of their number.
    pub fn map_std_error(&self) -> f64 {
        std_error(self.model.transcripts.iter().map(|t| t.measures.ap))
    }

    /// The mean gain in average precision over the prior alone and its standard error (paired
    /// by transcript).
    pub fn gain_over_prior(&self) -> (f64, f64) {
        let d: Vec<f64> = self
            .model
            .transcripts
            .iter()
            .zip(&self.prior.transcripts)
            .map(|(m, p)| m.measures.ap - p.measures.ap)
            .collect();
        let mean = d.iter().sum::<f64>() / d.len().max(1) as f64;
        (mean, std_error(d.into_iter()))
    }
}

/// The standard error of the mean of `x` (sample standard deviation over the square root of n).
fn std_error(x: impl Iterator<Item = f64>) -> f64 {
    let x: Vec<f64> = x.collect();
    if x.len() < 2 {
        return 0.0;
    }
    let n = x.len() as f64;
    let mean = x.iter().sum::<f64>() / n;
    let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1.0);
    (var / n).sqrt()
}

impl fmt::Display for CrossValidated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "leave-one-transcript-out over {} transcripts: each held out, the training recipe \
             (settings by {FOLDS}-fold grouped CV, fit, blend) run on the others",
            self.model.transcripts.len()
        )?;
        for ((t, p), c) in self
            .model
            .transcripts
            .iter()
            .zip(&self.prior.transcripts)
            .zip(&self.chosen)
        {
            writeln!(
                f,
                "{:<28} selected {:>3}  AP {:.3} R-prec {:.3} P@10 {:.3}  prior AP {:.3}  chosen l2 {} pw {} blend {}",
                t.name,
                t.positives,
                t.measures.ap,
                t.measures.r_prec,
                t.measures.p_at_10,
                p.measures.ap,
                c.l2,
                c.positive_weight,
                c.blend
            )?;
        }
        let (gain, gain_se) = self.gain_over_prior();
        writeln!(f, "prior alone  {}", self.prior.summary())?;
        writeln!(
            f,
            "gain over the prior: MAP {gain:+.3} (standard error {gain_se:.3}, paired by transcript)"
        )?;
        writeln!(
            f,
            "cv {} (MAP standard error {:.3})",
            self.model.summary(),
            self.map_std_error()
        )
    }
}

/// Grouped cross-validation over all transcripts in `dir`, leave-one-transcript-out: each
/// transcript is scored by the model the training recipe ([`recipe`], as [`train`] runs it)
/// makes from all the others. Deterministic.
pub fn cross_validate(dir: &Path) -> Result<CrossValidated, String> {
    let transcripts = read_transcripts(dir)?;
    if transcripts.len() < FOLDS + 1 {
        return Err(format!(
            "{} transcripts: need at least {}",
            transcripts.len(),
            FOLDS + 1
        ));
    }
    let prior: HashMap<String, f64> = checkworthy::parse_weights(checkworthy::PRIOR_MODEL)?
        .into_iter()
        .collect();
    let examples: Vec<Vec<Example>> = transcripts.iter().map(transcript_examples).collect();
    let mut model_scores = Vec::with_capacity(transcripts.len());
    let mut prior_scores = Vec::with_capacity(transcripts.len());
    let mut chosen = Vec::with_capacity(transcripts.len());
    for held in 0..transcripts.len() {
        let train_set: Vec<usize> = (0..transcripts.len()).filter(|&t| t != held).collect();
        let mut ignored = String::new();
        let fitted = recipe(&transcripts, &examples, &prior, &train_set, &mut ignored)?;
        let lines = transcripts[held].lines.len();
        model_scores.push(scores(&fitted.data, &fitted.weights, held, lines));
        prior_scores.push(scores(&fitted.data, &fitted.data.prior, held, lines));
        chosen.push(fitted.params);
    }
    Ok(CrossValidated {
        model: CheckworthyEval::new(&transcripts, &model_scores),
        prior: CheckworthyEval::new(&transcripts, &prior_scores),
        chosen,
    })
}

/// What [`train`] did.
pub struct Trained {
    /// The model file's text.
    pub model: String,
    /// A report: the settings tried, the choice, and the figures with the new weights.
    pub report: String,
    /// The held-out transcripts' figures with the new weights.
    pub held_out: CheckworthyEval,
    /// All transcripts' figures with the new weights.
    pub all: CheckworthyEval,
}

/// Trains on the transcripts in `dir` (all but the last [`HELD_OUT`] by file name), choosing
/// the settings by cross-validation; returns the model text and a report. Deterministic.
pub fn train(dir: &Path) -> Result<Trained, String> {
    let transcripts = read_transcripts(dir)?;
    if transcripts.len() < HELD_OUT + FOLDS {
        return Err(format!(
            "{} transcripts: need at least {} ({HELD_OUT} held out, {FOLDS} folds)",
            transcripts.len(),
            HELD_OUT + FOLDS
        ));
    }
    let prior: HashMap<String, f64> = checkworthy::parse_weights(checkworthy::PRIOR_MODEL)?
        .into_iter()
        .collect();
    let examples: Vec<Vec<Example>> = transcripts.iter().map(transcript_examples).collect();
    let n_train = transcripts.len() - HELD_OUT;
    let train_set: Vec<usize> = (0..n_train).collect();
    let mut report = String::new();
    let n_examples: usize = examples.iter().map(Vec::len).sum();
    let positives_without_claim: usize = transcripts
        .iter()
        .zip(&examples)
        .map(|(t, ex)| {
            let mut has = vec![false; t.lines.len()];
            for e in ex {
                has[e.line] = true;
            }
            t.lines
                .iter()
                .zip(&has)
                .filter(|(l, &h)| l.label && !h)
                .count()
        })
        .sum();
    // The pipeline's scores must be the embedded model's scores of these features.
    let embedded = Model::embedded();
    let mismatched = examples
        .iter()
        .flatten()
        .filter(|e| (embedded.score_names(&e.features) - e.score).abs() > 1e-9)
        .count();
    if mismatched > 0 {
        return Err(format!(
            "{mismatched} claims score differently in the pipeline and from their features"
        ));
    }
    let _ = writeln!(
        report,
        "transcripts {} (training {n_train}; held out {HELD_OUT}: {}); claim candidates {n_examples}; selected lines without a claim {positives_without_claim}",
        transcripts.len(),
        transcripts[n_train..]
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let Fitted {
        params: p,
        data,
        weights: w,
    } = recipe(&transcripts, &examples, &prior, &train_set, &mut report)?;
    let _ = writeln!(
        report,
        "claims flagged (score >= {}) in the training transcripts: prior {:.1}%, model {:.1}%",
        crate::CHECKWORTHY_THRESHOLD,
        100.0 * flagged_share(&data, &data.prior, &train_set),
        100.0 * flagged_share(&data, &w, &train_set)
    );
    let mut model = String::new();
    let _ = writeln!(
        model,
        "# Crosscheck check-worthiness weights (src/claims/checkworthy.rs), written by\n\
         # scripts/train-checkworthy.sh: the hand-set prior plus {} x a logistic regression fitted\n\
         # on the first {n_train} CLEF-2019 CheckThat! Task 1 training transcripts by file name\n\
         # (l2 {}, positive weight {}), scaled to the prior's spread, the bias set so that as many\n\
         # training claims are check-worthy as under the prior. name<TAB>weight.",
        p.blend, p.l2, p.positive_weight
    );
    let mut kept = 0;
    for (name, &v) in data.names.iter().zip(&w) {
        if v != 0.0 || name == "bias" {
            let _ = writeln!(model, "{name}\t{v}");
            kept += 1;
        }
    }
    let _ = writeln!(
        report,
        "weights: {kept} of {} features, {} bytes",
        data.names.len(),
        model.len()
    );
    // Figures with the written weights.
    let all_scores: Vec<Vec<f64>> = (0..transcripts.len())
        .map(|t| scores(&data, &w, t, transcripts[t].lines.len()))
        .collect();
    let all = CheckworthyEval::new(&transcripts, &all_scores);
    let held: Vec<&str> = transcripts[n_train..]
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    let held_out = all.subset(|n| held.contains(&n));
    let training = all.subset(|n| !held.contains(&n));
    let prior_scores: Vec<Vec<f64>> = (0..transcripts.len())
        .map(|t| scores(&data, &data.prior, t, transcripts[t].lines.len()))
        .collect();
    let prior_all = CheckworthyEval::new(&transcripts, &prior_scores);
    let _ = writeln!(
        report,
        "prior alone, held out  {}",
        prior_all.subset(|n| held.contains(&n)).summary()
    );
    let _ = writeln!(report, "prior alone, all       {}", prior_all.summary());
    let _ = write!(report, "{all}");
    let _ = writeln!(report, "training  {}", training.summary());
    let _ = writeln!(report, "held out  {}", held_out.summary());
    let _ = writeln!(report, "all       {}", all.summary());
    Ok(Trained {
        model,
        report,
        held_out,
        all,
    })
}

/// Each claim candidate of `text` with its score and the weights of its features, largest
/// first: what the embedded model saw.
pub fn explain(text: &str) -> String {
    let model = Model::embedded();
    let mut out = String::new();
    for (span, names, score) in claim_features(text) {
        let _ = writeln!(out, "{score:.3}  {}", &text[span]);
        let mut weighted: Vec<(f64, &String)> = names
            .iter()
            .map(|n| (model.weight(n), n))
            .filter(|(w, _)| *w != 0.0)
            .collect();
        weighted.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()).then(a.1.cmp(b.1)));
        let parts: Vec<String> = weighted
            .iter()
            .map(|(w, n)| format!("{n} {w:+.2}"))
            .collect();
        let _ = writeln!(out, "       {}", parts.join(", "));
    }
    out
}
