//! Check-worthiness evaluation on CLEF-2019 CheckThat! Task 1 transcripts.
//!
//! # Data
//!
//! Every `*.tsv` file in a folder is one transcript: `line_number<TAB>speaker<TAB>text<TAB>label`
//! lines, label 1 when a fact-checker selected the line. Transcripts are taken in file-name
//! order.
//!
//! # Scoring
//!
//! Each transcript is analysed as one [`Source`] by [`crate::analyze`]: its lines' texts joined
//! by blank lines (`"\n\n"`), speakers left out. A line's score is the highest score of the
//! claims that start inside it, 0 when none does (questions, short lines). Lines are ranked by
//! score, ties in line order.
//!
//! # Measures (as the CLEF-2019 Task 1 scorer computes them)
//!
//! - average precision: the precision at the rank of each selected line, summed and divided by
//!   the number of selected lines (0 when there are none); MAP is its mean over transcripts;
//! - R-precision: the share of selected lines among the first R, R the number of selected lines;
//! - P@10: the selected lines among the first 10, divided by 10.
//!
//! Means are over transcripts.

use crate::span::Span;
use crate::{analyze, Options, Source};
use std::fmt;
use std::path::{Path, PathBuf};

/// One transcript line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line number in the file's first column.
    pub number: u32,
    /// What was said.
    pub text: String,
    /// True when a fact-checker selected it.
    pub label: bool,
}

/// One transcript: its file stem and lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transcript {
    /// The file name without `.tsv`.
    pub name: String,
    /// Its lines, in file order.
    pub lines: Vec<Line>,
}

impl Transcript {
    /// The text analysed: the lines joined by blank lines, and the span of each line in it.
    pub fn text(&self) -> (String, Vec<Span>) {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(self.lines.len());
        for (i, line) in self.lines.iter().enumerate() {
            if i > 0 {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(&line.text);
            spans.push(Span::new(start, text.len()));
        }
        (text, spans)
    }

    /// The labels, in line order.
    pub fn labels(&self) -> Vec<bool> {
        self.lines.iter().map(|l| l.label).collect()
    }
}

/// Parses one CLEF-2019 Task 1 file; `name` is used in messages.
pub fn parse_transcript(name: &str, content: &str) -> Result<Transcript, String> {
    let mut lines = Vec::new();
    for (n, raw) in content.lines().enumerate() {
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').collect();
        if fields.len() != 4 {
            return Err(format!(
                "{name}:{}: want 4 tab-separated fields (line_number, speaker, text, label), found {}",
                n + 1,
                fields.len()
            ));
        }
        let number = fields[0]
            .trim()
            .parse()
            .map_err(|_| format!("{name}:{}: bad line number {:?}", n + 1, fields[0]))?;
        let label = match fields[3].trim() {
            "1" => true,
            "0" => false,
            other => return Err(format!("{name}:{}: label {other:?} is not 0 or 1", n + 1)),
        };
        lines.push(Line {
            number,
            text: fields[2].to_string(),
            label,
        });
    }
    Ok(Transcript {
        name: name.to_string(),
        lines,
    })
}

/// Reads every `*.tsv` file in `dir`, in file-name order.
pub fn read_transcripts(dir: &Path) -> Result<Vec<Transcript>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv") && p.is_file())
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(format!("no *.tsv files in {}", dir.display()));
    }
    paths
        .iter()
        .map(|p| {
            let content = std::fs::read_to_string(p)
                .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            let name = p
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            parse_transcript(&name, &content)
        })
        .collect()
}

/// Scores each line of `lines` (spans into the text) by the highest claim score starting inside
/// it; `claims` are `(start, score)` pairs in any order.
pub fn line_scores(lines: &[Span], claims: &[(usize, f64)]) -> Vec<f64> {
    let mut scores = vec![0.0f64; lines.len()];
    for &(start, score) in claims {
        // The last line starting at or before the claim.
        let i = lines.partition_point(|l| l.start <= start);
        if i > 0 {
            scores[i - 1] = scores[i - 1].max(score);
        }
    }
    scores
}

/// Scores each line of a transcript with the full pipeline ([`crate::analyze`]).
pub fn score_transcript(t: &Transcript) -> Vec<f64> {
    let (text, spans) = t.text();
    let report = analyze(&[Source::new("t", &t.name, &text)], &Options::default());
    let claims: Vec<(usize, f64)> = report.sources[0]
        .claims
        .iter()
        .map(|c| (c.start, c.score))
        .collect();
    line_scores(&spans, &claims)
}

/// Line indexes by score, highest first; ties keep line order.
pub fn rank(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    order
}

/// The measures of one ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Measures {
    /// Average precision.
    pub ap: f64,
    /// Precision at R, R the number of selected lines.
    pub r_prec: f64,
    /// Precision at 10.
    pub p_at_10: f64,
}

/// The measures of a ranking given as the labels of the ranked lines, best first.
pub fn measures(ranked: &[bool]) -> Measures {
    let positives = ranked.iter().filter(|&&l| l).count();
    let mut hits = 0usize;
    let mut sum = 0.0;
    for (i, &l) in ranked.iter().enumerate() {
        if l {
            hits += 1;
            sum += hits as f64 / (i + 1) as f64;
        }
    }
    let ap = if positives == 0 {
        0.0
    } else {
        sum / positives as f64
    };
    let in_top = |k: usize| ranked.iter().take(k).filter(|&&l| l).count();
    let r_prec = if positives == 0 {
        0.0
    } else {
        in_top(positives) as f64 / positives as f64
    };
    Measures {
        ap,
        r_prec,
        p_at_10: in_top(10) as f64 / 10.0,
    }
}

/// The measures of scored lines against their labels (ties in line order).
pub fn measure_scores(scores: &[f64], labels: &[bool]) -> Measures {
    let ranked: Vec<bool> = rank(scores).into_iter().map(|i| labels[i]).collect();
    measures(&ranked)
}

/// One transcript's figures.
#[derive(Clone, Debug, PartialEq)]
pub struct TranscriptEval {
    /// The file name without `.tsv`.
    pub name: String,
    /// Lines.
    pub lines: usize,
    /// Selected lines.
    pub positives: usize,
    /// Lines with at least one check-worthy claim (score at or above the threshold).
    pub flagged: usize,
    /// The measures.
    pub measures: Measures,
}

/// The figures over a set of transcripts.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckworthyEval {
    /// One entry per transcript, in file-name order.
    pub transcripts: Vec<TranscriptEval>,
}

impl CheckworthyEval {
    /// Evaluates scored transcripts: `scores[i]` has one score per line of `transcripts[i]`.
    pub fn new(transcripts: &[Transcript], scores: &[Vec<f64>]) -> CheckworthyEval {
        let transcripts = transcripts
            .iter()
            .zip(scores)
            .map(|(t, s)| {
                let labels = t.labels();
                TranscriptEval {
                    name: t.name.clone(),
                    lines: t.lines.len(),
                    positives: labels.iter().filter(|&&l| l).count(),
                    flagged: s
                        .iter()
                        .filter(|&&x| x >= crate::CHECKWORTHY_THRESHOLD)
                        .count(),
                    measures: measure_scores(s, &labels),
                }
            })
            .collect();
        CheckworthyEval { transcripts }
    }

    fn mean(&self, f: impl Fn(&Measures) -> f64) -> f64 {
        if self.transcripts.is_empty() {
            return 0.0;
        }
        self.transcripts.iter().map(|t| f(&t.measures)).sum::<f64>() / self.transcripts.len() as f64
    }

    /// Mean average precision.
    pub fn map(&self) -> f64 {
        self.mean(|m| m.ap)
    }

    /// Mean R-precision.
    pub fn r_prec(&self) -> f64 {
        self.mean(|m| m.r_prec)
    }

    /// Mean precision at 10.
    pub fn p_at_10(&self) -> f64 {
        self.mean(|m| m.p_at_10)
    }

    /// The transcripts whose names `keep` accepts.
    pub fn subset(&self, keep: impl Fn(&str) -> bool) -> CheckworthyEval {
        CheckworthyEval {
            transcripts: self
                .transcripts
                .iter()
                .filter(|t| keep(&t.name))
                .cloned()
                .collect(),
        }
    }

    /// The final line: `checkworthy MAP 0.213 R-prec 0.241 P@10 0.305 transcripts 19`.
    pub fn summary(&self) -> String {
        format!(
            "checkworthy MAP {:.3} R-prec {:.3} P@10 {:.3} transcripts {}",
            self.map(),
            self.r_prec(),
            self.p_at_10(),
            self.transcripts.len()
        )
    }

    /// The printed report: one line per transcript, then [`CheckworthyEval::summary`].
    pub fn report(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for CheckworthyEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for t in &self.transcripts {
            writeln!(
                f,
                "{:<28} lines {:>5} selected {:>3} flagged {:>5}  AP {:.3} R-prec {:.3} P@10 {:.3}",
                t.name,
                t.lines,
                t.positives,
                t.flagged,
                t.measures.ap,
                t.measures.r_prec,
                t.measures.p_at_10
            )?;
        }
        writeln!(f, "{}", self.summary())
    }
}

/// Reads the CLEF-2019 Task 1 files in `dir`, scores every line with the full pipeline and
/// returns the figures (see the module documentation).
pub fn eval_checkworthy(dir: &Path) -> Result<CheckworthyEval, String> {
    let transcripts = read_transcripts(dir)?;
    let scores: Vec<Vec<f64>> = transcripts.iter().map(score_transcript).collect();
    Ok(CheckworthyEval::new(&transcripts, &scores))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn measures_of_a_known_ranking() {
        // Selected lines at ranks 1, 3 and 6 of 12.
        let ranked = [
            true, false, true, false, false, true, false, false, false, false, false, false,
        ];
        let m = measures(&ranked);
        assert!(close(m.ap, (1.0 + 2.0 / 3.0 + 3.0 / 6.0) / 3.0), "{m:?}");
        assert!(close(m.r_prec, 2.0 / 3.0), "{m:?}");
        assert!(close(m.p_at_10, 0.3), "{m:?}");
        // Nothing selected: all zero.
        assert_eq!(
            measures(&[false; 4]),
            Measures {
                ap: 0.0,
                r_prec: 0.0,
                p_at_10: 0.0
            }
        );
        // A perfect ranking.
        let m = measures(&[true, true, false]);
        assert!(close(m.ap, 1.0) && close(m.r_prec, 1.0) && close(m.p_at_10, 0.2));
    }

    #[test]
    fn ties_keep_line_order_and_map_is_a_mean() {
        let labels = [false, true, false, true];
        // All tied: the ranking is line order, positives at ranks 2 and 4.
        let m = measure_scores(&[0.0; 4], &labels);
        assert!(close(m.ap, (0.5 + 0.5) / 2.0), "{m:?}");
        assert_eq!(rank(&[0.2, 0.9, 0.2, 0.5]), [1, 3, 0, 2]);
        let t = |name: &str, labels: &[bool]| Transcript {
            name: name.into(),
            lines: labels
                .iter()
                .enumerate()
                .map(|(i, &label)| Line {
                    number: i as u32 + 1,
                    text: String::new(),
                    label,
                })
                .collect(),
        };
        let ts = [t("a", &labels), t("b", &[true, false])];
        let e = CheckworthyEval::new(&ts, &[vec![0.1, 0.9, 0.3, 0.8], vec![0.0, 1.0]]);
        // a: perfect (AP 1); b: the positive second (AP 0.5).
        assert!(close(e.map(), 0.75), "{}", e.map());
        assert!(close(e.r_prec(), 0.5));
        assert!(e
            .summary()
            .starts_with("checkworthy MAP 0.750 R-prec 0.500 P@10 0.150 transcripts 2"));
        assert_eq!(e.transcripts[0].flagged, 2);
    }

    #[test]
    fn lines_take_the_best_claim_inside() {
        let t = parse_transcript(
            "x",
            "1\tA\tHello there.\t0\n2\tB\tTaxes rose 40 percent. They did.\t1\n3\tA\tOk\t0\n",
        )
        .unwrap();
        let (text, spans) = t.text();
        assert_eq!(&text[spans[1]], "Taxes rose 40 percent. They did.");
        assert_eq!(text.matches("\n\n").count(), 2);
        let start = spans[1].start;
        let s = line_scores(&spans, &[(start, 0.7), (start + 23, 0.2), (0, 0.1)]);
        assert_eq!(s, [0.1, 0.7, 0.0]);
        assert!(parse_transcript("x", "1\tA\ttext\n").is_err());
        assert!(parse_transcript("x", "1\tA\ttext\t2\n").is_err());
    }
}
