//! Decoding: the candidates kept as attributions.

use super::{Candidate, THRESHOLD};

/// The accepted candidates of one sentence: those scoring at least [`THRESHOLD`]. A source
/// that overlaps a better-scored one takes its span: two overlapping spans can match one gold
/// source only once.
pub fn decode(candidates: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = candidates
        .into_iter()
        .filter(|c| c.score >= THRESHOLD)
        .collect();
    for i in 0..out.len() {
        let Some(si) = out[i].attribution.source else {
            continue;
        };
        let best = (0..out.len())
            .filter(|&j| out[j].attribution.source.is_some_and(|sj| sj.overlaps(si)))
            .max_by(|&x, &y| out[x].score.total_cmp(&out[y].score).then(y.cmp(&x)));
        if let Some(j) = best.filter(|&j| out[j].score > out[i].score) {
            out[i].attribution.source = out[j].attribution.source;
        }
    }
    out
}
