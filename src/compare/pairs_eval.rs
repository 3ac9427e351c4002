//! Sentence pairs from news: MSRP (paraphrase or not) and STS-B (similarity 0–5). Each pair
//! runs through the whole pipeline as two sources of one sentence each (`crosscheck
//! eval-pairs`): F1 of "the two land in one group" against the paraphrase label, and Spearman's
//! correlation of the similarity the comparison gives with the similarity score.

use crate::hash::{fnv, FNV_OFFSET};
use crate::span::Span;
use crate::{analyze, Options, Source};
use std::fmt;
use std::path::Path;

/// One labelled pair of sentences.
#[derive(Clone, Debug)]
pub struct Pair {
    /// The first sentence.
    pub a: String,
    /// The second.
    pub b: String,
    /// MSRP: 1 for a paraphrase, 0 not; STS-B: the score divided by 5.
    pub label: f32,
    /// The set the pair comes from.
    pub set: PairSet,
    /// STS-B's genre ("main-news", …) and file ("MSRpar", …); empty for MSRP.
    pub genre: String,
}

/// Which set a pair comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PairSet {
    /// Microsoft Research Paraphrase Corpus: a yes/no label.
    Msrp,
    /// STS benchmark: a graded score.
    Stsb,
    /// ECB+: two sentences of one topic from different documents, the same event or not.
    Ecb,
}

/// One ECB+ story (see [`Stories`]) as sources (one per document) and sentence pairs across
/// its documents.
pub struct EcbTopic {
    /// The number of its topic.
    pub topic: u32,
    /// One source per document, its text one sentence a line.
    pub sources: Vec<Source>,
    /// Pairs of annotated sentences from two documents.
    pub pairs: Vec<EcbPair>,
    /// Each document's event and participant mentions (see `ecbplus::marked`).
    pub marked: Vec<Vec<super::ecbplus::Marked>>,
}

/// Two sentences, each as (document, span in its text), and whether they state the same thing.
pub type EcbPair = ((usize, Span), (usize, Span), bool);

/// What one story of ECB+ is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stories {
    /// The documents of one event: each topic holds two events of one kind (a topic's `ecb`
    /// documents tell of one earthquake, its `ecbplus` documents of another), and a person
    /// compares the outlets' accounts of one event.
    ByEvent,
    /// A topic whole, its two events together: harder than what a person pastes, since two
    /// events of one kind share most of their words.
    Whole,
}

/// The ECB+ stories in the topic folders under `root` (`topics`, or every numbered folder when
/// `None`), each with up to `per_topic` pairs of annotated sentences from two different
/// documents, chosen by a fixed hash of their texts, as they come, labelled by
/// `ecbplus::same_claim`.
pub fn ecb_topics(
    root: &Path,
    topics: Option<&[u32]>,
    per_topic: usize,
    stories_of: Stories,
) -> Result<Vec<EcbTopic>, String> {
    let mut folders: Vec<(u32, std::path::PathBuf)> = std::fs::read_dir(root)
        .map_err(|e| format!("cannot read {}: {e}", root.display()))?
        .filter_map(|e| {
            let e = e.ok()?;
            let n: u32 = e.file_name().to_str()?.parse().ok()?;
            e.path().is_dir().then_some((n, e.path()))
        })
        .filter(|(n, _)| topics.is_none_or(|t| t.contains(n)))
        .collect();
    folders.sort();
    if folders.is_empty() {
        return Err(format!("{}: no ECB+ topic folders", root.display()));
    }
    let mut out = Vec::new();
    let mut stories = Vec::new();
    for (topic, dir) in folders {
        let docs = crate::eval::ecbplus::read_topic(&dir)?;
        match stories_of {
            Stories::ByEvent => {
                let (plus, ecb): (Vec<_>, Vec<_>) =
                    docs.into_iter().partition(|d| d.name.ends_with("ecbplus"));
                stories.extend(
                    [(topic, ecb), (topic, plus)]
                        .into_iter()
                        .filter(|s| !s.1.is_empty()),
                );
            }
            Stories::Whole => stories.push((topic, docs)),
        }
    }
    for (topic, docs) in stories {
        let checked: Vec<Vec<(Span, super::ecbplus::Annotated)>> =
            docs.iter().map(super::ecbplus::sentences).collect();
        let items: Vec<(usize, Span, &super::ecbplus::Annotated)> = checked
            .iter()
            .enumerate()
            .flat_map(|(d, list)| list.iter().map(move |(s, e)| (d, *s, e)))
            .collect();
        let mut all = Vec::new();
        for (i, a) in items.iter().enumerate() {
            for b in &items[i + 1..] {
                if a.0 == b.0 {
                    continue;
                }
                let key = fnv(
                    fnv(FNV_OFFSET, docs[a.0].text[a.1].as_bytes()),
                    docs[b.0].text[b.1].as_bytes(),
                );
                let Some(same) = super::ecbplus::same_claim(a.2, b.2) else {
                    continue;
                };
                all.push((key, (a.0, a.1), (b.0, b.1), same));
            }
        }
        all.sort();
        let pairs = all
            .iter()
            .take(per_topic)
            .map(|&(_, a, b, same)| (a, b, same))
            .collect();
        let sources = docs
            .iter()
            .enumerate()
            .map(|(d, doc)| Source::new(&format!("d{}", d + 1), &doc.name, &doc.text))
            .collect();
        out.push(EcbTopic {
            topic,
            sources,
            pairs,
            marked: docs.iter().map(super::ecbplus::marked).collect(),
        });
    }
    Ok(out)
}

/// The claim of source `doc` that covers most of `span`, by its index in `infos`.
pub fn claim_at(infos: &[super::ClaimInfo], doc: usize, span: Span) -> Option<usize> {
    infos
        .iter()
        .enumerate()
        .filter(|(_, x)| x.source == doc)
        .map(|(i, x)| {
            let overlap = x
                .span
                .end
                .min(span.end)
                .saturating_sub(x.span.start.max(span.start));
            (overlap, i)
        })
        .filter(|&(o, _)| o > 0)
        .max_by_key(|&(o, i)| (o, std::cmp::Reverse(i)))
        .map(|(_, i)| i)
}

/// Whether a clause or claim `x` of one document and `y` of another state the same thing, by
/// the events and participants mentioned inside each (`ecbplus::same_claim`); `None` when
/// either mentions no event or the annotation cannot tell.
pub fn unit_label(
    marked_x: &[super::ecbplus::Marked],
    marked_y: &[super::ecbplus::Marked],
    x: &super::ClaimInfo,
    y: &super::ClaimInfo,
) -> Option<bool> {
    let gx = super::ecbplus::annotated_in(marked_x, x.span);
    let gy = super::ecbplus::annotated_in(marked_y, y.span);
    if gx.events.is_empty() || gy.events.is_empty() {
        return None;
    }
    super::ecbplus::same_claim(&gx, &gy)
}

/// Whether two claims share a statement: the sentences are one claim (`same`), or a clause of
/// one states what the other or one of its clauses does. This is what a group of a story's
/// claims means.
fn shares_statement(t: &EcbTopic, a: &super::ClaimInfo, b: &super::ClaimInfo, same: bool) -> bool {
    let (ma, mb) = (&t.marked[a.source], &t.marked[b.source]);
    same || std::iter::once(a).chain(&a.clauses).any(|x| {
        std::iter::once(b)
            .chain(&b.clauses)
            .any(|y| unit_label(ma, mb, x, y) == Some(true))
    })
}

/// Runs each ECB+ topic through the pipeline, all its documents at once, and scores its pairs:
/// whether the two sentences' claims share a group, against whether they share a statement
/// (see [`shares_statement`]), and their similarity in the topic's context.
fn eval_ecb(topics: &[EcbTopic]) -> (Vec<Pair>, Vec<Outcome>) {
    let mut pairs = Vec::new();
    let mut outcomes = Vec::new();
    let done: Vec<Vec<(Pair, Outcome)>> = crate::each_source(topics, |t| {
        let report = analyze(&t.sources, &Options::default());
        let infos = crate::claim_infos(&t.sources);
        let mut group_of: std::collections::HashMap<(&str, usize), usize> = Default::default();
        for (g, group) in report.comparison.claims.iter().enumerate() {
            for m in &group.members {
                group_of.insert((m.source.as_str(), m.claim), g);
            }
        }
        let mut out = Vec::new();
        for &((da, sa), (db, sb), same) in &t.pairs {
            let label = match (claim_at(&infos, da, sa), claim_at(&infos, db, sb)) {
                (Some(i), Some(j)) => shares_statement(t, &infos[i], &infos[j], same),
                _ => same,
            };
            let pair = Pair {
                a: t.sources[da].text[sa].to_string(),
                b: t.sources[db].text[sb].to_string(),
                label: label as u8 as f32,
                set: PairSet::Ecb,
                genre: format!("ecb+ topic {}", t.topic),
            };
            let outcome = match (claim_at(&infos, da, sa), claim_at(&infos, db, sb)) {
                (Some(i), Some(j)) => {
                    let group = |x: &super::ClaimInfo| {
                        group_of.get(&(t.sources[x.source].id.as_str(), x.claim))
                    };
                    Outcome {
                        grouped: group(&infos[i]).is_some() && group(&infos[i]) == group(&infos[j]),
                        similarity: super::similarity(&infos[i], &infos[j]),
                        claims: true,
                    }
                }
                _ => Outcome {
                    grouped: false,
                    similarity: 0.0,
                    claims: false,
                },
            };
            out.push((pair, outcome));
        }
        out
    });
    for (p, o) in done.into_iter().flatten() {
        pairs.push(p);
        outcomes.push(o);
    }
    (pairs, outcomes)
}

/// Reads an MSRP file (tab-separated with a header: Quality, #1 ID, #2 ID, #1 String, #2
/// String) or an STS-B file (tab-separated, no header: genre, file, year, id, score, sentence
/// 1, sentence 2), telling them apart by the header. Lines that are neither (MSRP's train file
/// has one line holding two records) are skipped and counted.
pub fn read_pairs(path: &Path) -> Result<(Vec<Pair>, usize), String> {
    let raw = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = raw.trim_start_matches('\u{feff}');
    let mut out = Vec::new();
    let mut skipped = 0;
    let msrp = text.starts_with("Quality");
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || (msrp && n == 0) {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let pair = match (msrp, &cols[..]) {
            (true, [q, _, _, a, b]) => q.trim().parse::<f32>().ok().map(|label| Pair {
                a: a.to_string(),
                b: b.to_string(),
                label,
                set: PairSet::Msrp,
                genre: String::new(),
            }),
            (false, [genre, file, _, _, score, a, b, ..]) => {
                score.trim().parse::<f32>().ok().map(|score| Pair {
                    a: a.to_string(),
                    b: b.to_string(),
                    label: score / 5.0,
                    set: PairSet::Stsb,
                    genre: format!("{genre} {file}"),
                })
            }
            _ => None,
        };
        match pair {
            Some(p) => out.push(p),
            None => skipped += 1,
        }
    }
    if out.is_empty() {
        return Err(format!(
            "{}: no pairs (neither an MSRP nor an STS-B file)",
            path.display()
        ));
    }
    Ok((out, skipped))
}

/// What the pipeline makes of one pair.
#[derive(Clone, Copy, Debug)]
pub struct Outcome {
    /// A claim of each source is in one group.
    pub grouped: bool,
    /// The highest similarity between a claim of one and a claim of the other (0 when either
    /// has no claim).
    pub similarity: f64,
    /// Both sides have a claim.
    pub claims: bool,
}

/// Runs one pair through the pipeline, one sentence per source.
pub fn outcome(a: &str, b: &str) -> Outcome {
    let sources = [Source::new("a", "a", a), Source::new("b", "b", b)];
    let report = analyze(&sources, &Options::default());
    let grouped = report.comparison.claims.iter().any(|g| {
        g.members.iter().any(|m| m.source == "a") && g.members.iter().any(|m| m.source == "b")
    });
    let infos = crate::claim_infos(&sources);
    let claims = infos.iter().any(|x| x.source == 0) && infos.iter().any(|x| x.source == 1);
    let mut similarity: f64 = 0.0;
    for x in infos.iter().filter(|x| x.source == 0) {
        for y in infos.iter().filter(|y| y.source == 1) {
            similarity = similarity.max(super::similarity(x, y));
        }
    }
    Outcome {
        grouped,
        similarity,
        claims,
    }
}

/// The figures of one evaluation.
#[derive(Clone, Debug, Default)]
pub struct PairsEval {
    /// Pairs scored.
    pub pairs: usize,
    /// MSRP: pairs labelled paraphrase, grouped pairs, and both.
    pub gold: usize,
    /// Pairs grouped.
    pub grouped: usize,
    /// Paraphrases grouped.
    pub correct: usize,
    /// Pairs right either way (grouped paraphrases and apart non-paraphrases).
    pub agree: usize,
    /// Spearman correlation of the similarity with the label, over all pairs.
    pub spearman: f64,
    /// Spearman over the news genre of STS-B (`main-news`), when there is one.
    pub spearman_news: Option<f64>,
    /// Pairs of which one side had no claim.
    pub no_claim: usize,
    /// Lines of the file that held no pair.
    pub skipped_lines: usize,
    /// Is this MSRP or ECB+ (F1 and accuracy make sense) or STS-B.
    pub set: Option<PairSet>,
}

impl PairsEval {
    /// F1 of "same group" against the paraphrase label.
    pub fn f1(&self) -> f64 {
        let p = ratio(self.correct, self.grouped);
        let r = ratio(self.correct, self.gold);
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for PairsEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "pairs: {} (one side without a claim: {}; lines skipped: {})",
            self.pairs, self.no_claim, self.skipped_lines
        )?;
        if matches!(self.set, Some(PairSet::Msrp | PairSet::Ecb)) {
            writeln!(
                f,
                "same group: P {:.3} R {:.3} F1 {:.3} accuracy {:.3} (grouped {}, same {}, both {})",
                ratio(self.correct, self.grouped),
                ratio(self.correct, self.gold),
                self.f1(),
                ratio(self.agree, self.pairs),
                self.grouped,
                self.gold,
                self.correct
            )?;
        }
        if let Some(s) = self.spearman_news {
            writeln!(f, "similarity: Spearman {s:.3} on the news genre")?;
        }
        writeln!(f, "similarity: Spearman {:.3} on all pairs", self.spearman)
    }
}

/// Pairs of each ECB+ topic the evaluation takes.
pub const ECB_EVAL_PER_TOPIC: usize = 1000;

/// Runs every pair of `path` through the pipeline: an MSRP or STS-B file, or a folder of ECB+
/// topics (`topics` of them, or all), each story (see [`Stories`]) analysed as one.
pub fn eval_pairs(
    path: &Path,
    topics: Option<&[u32]>,
    stories: Stories,
) -> Result<PairsEval, String> {
    if path.is_dir() {
        let (pairs, outcomes) = eval_ecb(&ecb_topics(path, topics, ECB_EVAL_PER_TOPIC, stories)?);
        return Ok(score(&pairs, &outcomes));
    }
    let (pairs, skipped_lines) = read_pairs(path)?;
    let outcomes: Vec<Outcome> = crate::each_source(&pairs, |p| outcome(&p.a, &p.b));
    Ok(PairsEval {
        skipped_lines,
        ..score(&pairs, &outcomes)
    })
}

/// The figures of `outcomes` against `pairs`.
pub fn score(pairs: &[Pair], outcomes: &[Outcome]) -> PairsEval {
    let mut e = PairsEval {
        pairs: pairs.len(),
        set: pairs.first().map(|p| p.set),
        ..PairsEval::default()
    };
    for (p, o) in pairs.iter().zip(outcomes) {
        let gold = p.label >= 0.5;
        e.gold += gold as usize;
        e.grouped += o.grouped as usize;
        e.correct += (gold && o.grouped) as usize;
        e.agree += (gold == o.grouped) as usize;
        e.no_claim += !o.claims as usize;
    }
    let all: Vec<(f64, f64)> = pairs
        .iter()
        .zip(outcomes)
        .map(|(p, o)| (o.similarity, p.label as f64))
        .collect();
    e.spearman = spearman(&all);
    let news: Vec<(f64, f64)> = pairs
        .iter()
        .zip(outcomes)
        .filter(|(p, _)| p.genre.starts_with("main-news"))
        .map(|(p, o)| (o.similarity, p.label as f64))
        .collect();
    if !news.is_empty() {
        e.spearman_news = Some(spearman(&news));
    }
    e
}

/// Spearman's rank correlation (ties take their mean rank).
pub fn spearman(xy: &[(f64, f64)]) -> f64 {
    let rx = ranks(&xy.iter().map(|p| p.0).collect::<Vec<_>>());
    let ry = ranks(&xy.iter().map(|p| p.1).collect::<Vec<_>>());
    pearson(&rx, &ry)
}

fn ranks(x: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && x[order[j + 1]] == x[order[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            r[k] = mean;
        }
        i = j + 1;
    }
    r
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    if n < 2.0 {
        return 0.0;
    }
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spearman_of_a_monotone_relation_is_one() {
        // Reason: ranks, not values: any increasing relation correlates fully.
        let xy = [(1.0, 10.0), (2.0, 100.0), (3.0, 1000.0), (4.0, 1e6)];
        assert!((spearman(&xy) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn spearman_averages_ties() {
        // Reason: tied values share their mean rank (x ranks 1.5, 1.5, 3), as scipy computes.
        let xy = [(1.0, 1.0), (1.0, 2.0), (2.0, 3.0)];
        assert!((spearman(&xy) - 0.866_025_403_784_438_6).abs() < 1e-12);
    }
}
