//! Learns the attribution cue lexicon and candidate weights from PolNeAR, cross-validates them,
//! lists their errors, evaluates the compiled-in ones, or times attribution. The weights depend
//! on the lexicon, which is compiled in, so rebuild between the steps:
//!
//! ```text
//! cargo run --release --example train_attribution -- lexicon ../shared/data/polnear/train
//! cargo run --release --example train_attribution -- weights ../shared/data/polnear/train
//! cargo run --release --example train_attribution -- cv ../shared/data/polnear/train [FOLDS]
//! cargo run --release --example train_attribution -- errors ../shared/data/polnear/train
//! cargo run --release --example train_attribution -- errors ../shared/data/polnear/dev ../shared/data/polnear/train
//! cargo run --release --example train_attribution -- eval ../shared/data/polnear/dev
//! cargo run --release --example train_attribution -- time
//! ```

use crosscheck::claims::attribution_eval::{
    cross_validate, eval_attribution, fit, labelled, read_polnear, train_lexicon, train_weights,
};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

/// Folds of the cross-validation.
const FOLDS: usize = 4;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let write = |out: &str, text: String| {
        std::fs::write(out, &text).map_err(|e| format!("cannot write {out}: {e}"))?;
        println!("wrote {out} ({} lines)", text.lines().count());
        Ok(())
    };
    let out = |default: &'static str| args.get(2).map_or(default, String::as_str);
    let result = match (args.first().map(String::as_str), args.get(1)) {
        (Some("lexicon"), Some(dir)) => train_lexicon(Path::new(dir))
            .and_then(|t| write(out("src/claims/attribution_cues.txt"), t)),
        (Some("weights"), Some(dir)) => train_weights(Path::new(dir))
            .and_then(|t| write(out("src/claims/attribution_weights.txt"), t)),
        (Some("cv"), Some(dir)) => {
            let folds = args.get(2).and_then(|f| f.parse().ok()).unwrap_or(FOLDS);
            cross_validate(Path::new(dir), folds).map(|s| {
                println!("{folds}-fold cross-validation (every attribution in every sentence):");
                for (name, p) in [
                    ("source overlap", s.source_overlap),
                    ("source exact", s.source_exact),
                    ("cue overlap", s.cue_overlap),
                    ("cue exact", s.cue_exact),
                ] {
                    println!(
                        "  {name:<15} P {:.3}  R {:.3}  F1 {:.4}  (tp {} predicted {} gold {})",
                        p.precision(),
                        p.recall(),
                        p.f1(),
                        p.tp,
                        p.predicted,
                        p.gold
                    );
                }
            })
        }
        (Some("errors"), Some(dir)) => errors(Path::new(dir), args.get(2).map(Path::new)),
        (Some("eval"), Some(dir)) => eval_attribution(Path::new(dir)).map(|e| print!("{e}")),
        (Some("time"), _) => {
            time();
            Ok(())
        }
        _ => Err(
            "usage: train_attribution lexicon|weights|cv|errors|eval DIR [OUT | FOLDS | TRAIN_DIR] | time"
                .into(),
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// Prints the errors of the cross-validation on `dir`, one a line: gold sources missed
/// (`fn_nocand` when no candidate overlaps them, `fn_wrongsrc` when a candidate at the gold cue
/// found another source, shown, `fn_rejected` when one overlaps but scored too low, with those
/// candidates) and false sources (`fp`), with counts at the end, the false ones split by
/// whether their cue is a gold cue with another source, a gold cue without one, or no gold cue.
/// With `train`, the weights are fit on all of `train` instead, and every article of `dir`
/// is tested (`errors ../shared/data/polnear/dev ../shared/data/polnear/train`).
fn errors(dir: &Path, train: Option<&Path>) -> Result<(), String> {
    let data = labelled(&read_polnear(dir)?);
    let trained = match train {
        Some(t) => Some(labelled(&read_polnear(t)?)),
        None => None,
    };
    let folds = if trained.is_some() { 1 } else { FOLDS };
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for fold in 0..folds {
        let w = match &trained {
            Some(t) => fit(&t.iter().collect::<Vec<_>>()),
            None => fit(&data
                .iter()
                .enumerate()
                .filter(|(i, _)| i % FOLDS != fold)
                .map(|(_, l)| l)
                .collect::<Vec<_>>()),
        };
        let bias = w.get("bias").copied().unwrap_or(0.0);
        for (_, l) in data
            .iter()
            .enumerate()
            .filter(|(i, _)| trained.is_some() || i % FOLDS == fold)
        {
            let text = &l.text;
            let scores: Vec<f64> = l
                .candidates
                .iter()
                .map(|c| bias + c.features.iter().filter_map(|f| w.get(f)).sum::<f64>())
                .collect();
            let context = |s: crosscheck::span::Span| {
                let a = text[..s.start]
                    .char_indices()
                    .rev()
                    .nth(80)
                    .map_or(0, |x| x.0);
                let b = text[s.end..]
                    .char_indices()
                    .nth(60)
                    .map_or(text.len(), |x| s.end + x.0);
                format!("{}[[{}]]{}", &text[a..s.start], &text[s], &text[s.end..b])
                    .replace('\n', " / ")
            };
            for g in &l.gold {
                let Some(gs) = &g.source else { continue };
                let overlapping: Vec<usize> = (0..l.candidates.len())
                    .filter(|&k| {
                        l.candidates[k]
                            .attribution
                            .source
                            .is_some_and(|s| gs.iter().any(|x| x.overlaps(s)))
                    })
                    .collect();
                if overlapping.iter().any(|&k| scores[k] >= 0.0) {
                    continue;
                }
                // A candidate at the gold cue whose source finder went wrong, or no cue at all.
                let cue_found = g.cue.as_ref().is_some_and(|gc| {
                    l.candidates.iter().any(|c| {
                        c.attribution
                            .cue
                            .is_some_and(|q| gc.iter().any(|x| x.overlaps(q)))
                    })
                });
                let kind = if overlapping.is_empty() && cue_found {
                    "fn_wrongsrc"
                } else if overlapping.is_empty() {
                    "fn_nocand"
                } else {
                    "fn_rejected"
                };
                *counts.entry(kind).or_default() += 1;
                let cue = g.cue.as_ref().map_or("", |c| &text[c[0]]);
                println!("{kind}\t{}\tcue={cue}", context(gs[0]));
                let shown: Vec<usize> = if overlapping.is_empty() {
                    // The candidates at the gold cue, with the source they found instead.
                    (0..l.candidates.len())
                        .filter(|&k| {
                            let c = &l.candidates[k].attribution;
                            c.cue.is_some_and(|q| {
                                g.cue
                                    .as_ref()
                                    .is_some_and(|gc| gc.iter().any(|x| x.overlaps(q)))
                            })
                        })
                        .collect()
                } else {
                    overlapping
                };
                for &k in &shown {
                    let c = &l.candidates[k];
                    println!(
                        "    {:.2} src={:?} cue={:?} {}",
                        scores[k],
                        c.attribution.source.map_or("", |s| &text[s]),
                        c.attribution.cue.map_or("", |s| &text[s]),
                        c.features.join(" | ")
                    );
                }
            }
            for (k, c) in l.candidates.iter().enumerate() {
                let Some(s) = c.attribution.source.filter(|_| scores[k] >= 0.0) else {
                    continue;
                };
                let good = l.gold.iter().any(|g| {
                    g.source
                        .as_ref()
                        .is_some_and(|gs| gs.iter().any(|x| x.overlaps(s)))
                });
                if !good {
                    *counts.entry("fp").or_default() += 1;
                    // Whether the cue is a gold one (with a source elsewhere, or none).
                    let q = c.attribution.cue;
                    let gold_cue = l.gold.iter().find(|g| {
                        g.cue
                            .as_ref()
                            .is_some_and(|gc| q.is_some_and(|q| gc.iter().any(|x| x.overlaps(q))))
                    });
                    let kind = match gold_cue {
                        Some(g) if g.source.is_some() => "fp_cue_other_source",
                        Some(_) => "fp_cue_no_source",
                        None => "fp_no_cue",
                    };
                    *counts.entry(kind).or_default() += 1;
                    println!(
                        "fp\t{:.2}\t{}\tcue={:?} {}",
                        scores[k],
                        context(s),
                        c.attribution.cue.map_or("", |s| &text[s]),
                        c.features.join(" | ")
                    );
                }
            }
        }
    }
    println!("{counts:?}");
    Ok(())
}

/// Times attribution on the bench corpus (the example articles repeated to about 5 MB in 100
/// sources): every sentence's attribution, with one [`Attributions`] per text.
///
/// [`Attributions`]: crosscheck::claims::attribution::Attributions
fn time() {
    use crosscheck::{claims::attribution::Attributions, entities, segment};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let articles: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if articles.is_empty() {
        eprintln!("no articles in {dir}");
        return;
    }
    let texts: Vec<String> = (0..100)
        .map(|i| {
            let mut text = String::new();
            let mut k = i;
            while text.len() < 5 * 1024 * 1024 / 100 {
                text.push_str(&articles[k % articles.len()]);
                text.push_str("\n\n");
                k += 1;
            }
            text
        })
        .collect();
    let segs: Vec<_> = texts.iter().map(|t| segment::segment(t)).collect();
    let mentions: Vec<_> = texts
        .iter()
        .zip(&segs)
        .map(|(t, s)| entities::find(t, s))
        .collect();
    for _ in 0..5 {
        let start = std::time::Instant::now();
        let mut found = 0;
        for ((text, seg), m) in texts.iter().zip(&segs).zip(&mentions) {
            let attributions = Attributions::new(text, seg, m);
            for i in 0..seg.sentences.len() {
                found += usize::from(attributions.find(i).cue.is_some());
            }
        }
        println!(
            "attribution of {} sentences: {:.1} ms ({found} attributed)",
            segs.iter().map(|s| s.sentences.len()).sum::<usize>(),
            start.elapsed().as_secs_f64() * 1e3
        );
    }
}
