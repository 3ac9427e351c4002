//! The Fake News Challenge stance task (FNC-1): a headline and an article body, labelled
//! unrelated, agree (the body states the headline's claim), discuss (it reports the claim
//! without taking a side) or disagree (it disputes it). Each pair runs through the whole
//! pipeline as two sources, the headline and the body, and the label is read off the report:
//!
//! - **unrelated** when no claim of the body shares a group with a headline claim, and no claim
//!   of either has a claim of the other as its closest (`closest`) at [`RELATED`] or more;
//! - **disagree** when a body claim in the headline's group disputes it (denies it, or gives a
//!   number that cannot hold) or the group conflicts, or a body claim close to the headline is
//!   denied;
//! - **agree** when a body claim in the headline's group states it in the body's own voice;
//! - **discuss** otherwise: the body reports or hedges the claim, or is on the story without
//!   stating it.
//!
//! The score is FNC-1's: 0.25 for telling related from unrelated, 0.75 more for the right one
//! of agree, discuss and disagree, as a share of the best possible.

use crate::report::{Report, Stance};
use crate::{analyze, Options, Source};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// A headline whose closest body claim reaches this probability is on the body's story.
pub const RELATED: f64 = 0.1;

/// FNC-1's labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Label {
    /// The body is about something else.
    Unrelated,
    /// The body states the headline's claim.
    Agree,
    /// The body reports the claim without taking a side.
    Discuss,
    /// The body disputes the claim.
    Disagree,
}

impl Label {
    const ALL: [Label; 4] = [
        Label::Unrelated,
        Label::Agree,
        Label::Discuss,
        Label::Disagree,
    ];

    fn parse(s: &str) -> Option<Label> {
        match s.trim() {
            "unrelated" => Some(Label::Unrelated),
            "agree" => Some(Label::Agree),
            "discuss" => Some(Label::Discuss),
            "disagree" => Some(Label::Disagree),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Label::Unrelated => "unrelated",
            Label::Agree => "agree",
            Label::Discuss => "discuss",
            Label::Disagree => "disagree",
        }
    }
}

/// Reads an RFC 4180 CSV file: fields in double quotes may hold commas, line breaks and doubled
/// quotes. Returns the rows after the header.
pub fn read_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.trim_start_matches('\u{feff}');
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows.into_iter().skip(1).collect()
}

/// The label the report gives the headline (source 0) against the body (source 1).
pub fn label_of(report: &Report) -> Label {
    let (Some(head), Some(body)) = (report.sources.first(), report.sources.get(1)) else {
        return Label::Unrelated;
    };
    // The body's claims in a group with a headline claim, and the groups' conflicts.
    let mut stances = Vec::new();
    let mut conflict = false;
    for g in &report.comparison.claims {
        if g.members.iter().any(|m| m.source == head.id) {
            let of_body: Vec<Stance> = g
                .members
                .iter()
                .filter(|m| m.source == body.id)
                .map(|m| m.stance)
                .collect();
            if !of_body.is_empty() {
                conflict |= g.conflict.is_some();
                stances.extend(of_body);
            }
        }
    }
    // The body's claims close to a headline claim, and the headline's closest in the body.
    let near = |c: &crate::report::ClaimOut, other: &str| {
        c.closest
            .as_ref()
            .is_some_and(|x| x.source == other && x.similarity >= RELATED)
    };
    let denies = body
        .claims
        .iter()
        .any(|c| near(c, &head.id) && c.certainty == "denied");
    let on_story = head.claims.iter().any(|c| near(c, &body.id))
        || body.claims.iter().any(|c| near(c, &head.id));
    if stances.is_empty() && !on_story {
        Label::Unrelated
    } else if conflict || denies || stances.contains(&Stance::Disputes) {
        Label::Disagree
    } else if stances.contains(&Stance::Agrees) {
        Label::Agree
    } else {
        Label::Discuss
    }
}

/// The label for one headline and body.
pub fn predict(headline: &str, body: &str) -> Label {
    let sources = [
        Source::new("headline", "headline", headline),
        Source::new("body", "body", body),
    ];
    label_of(&analyze(&sources, &Options::default()))
}

/// The figures of one evaluation.
#[derive(Clone, Debug, Default)]
pub struct FncEval {
    /// Gold label → predicted label → count.
    pub confusion: BTreeMap<(Label, Label), usize>,
    /// FNC-1's score.
    pub score: f64,
    /// The best possible score.
    pub best: f64,
    /// Rows skipped: no such body, or an unknown label.
    pub skipped: usize,
}

impl FncEval {
    /// The score as a share of the best possible (FNC-1's "relative score").
    pub fn relative(&self) -> f64 {
        if self.best > 0.0 {
            self.score / self.best
        } else {
            0.0
        }
    }
}

/// FNC-1's score of one prediction.
pub fn score_one(gold: Label, said: Label) -> f64 {
    let mut s = 0.0;
    if gold == said {
        s += 0.25;
        if gold != Label::Unrelated {
            s += 0.5;
        }
    }
    if gold != Label::Unrelated && said != Label::Unrelated {
        s += 0.25;
    }
    s
}

impl fmt::Display for FncEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n: usize = self.confusion.values().sum();
        writeln!(f, "pairs: {n} (rows skipped: {})", self.skipped)?;
        writeln!(f, "gold \\ said   unrelated     agree   discuss  disagree")?;
        for g in Label::ALL {
            write!(f, "{:<12}", g.as_str())?;
            for s in Label::ALL {
                write!(
                    f,
                    "{:>10}",
                    self.confusion.get(&(g, s)).copied().unwrap_or(0)
                )?;
            }
            writeln!(f)?;
        }
        let related = |l: Label| l != Label::Unrelated;
        let agree: usize = self
            .confusion
            .iter()
            .filter(|((g, s), _)| related(*g) == related(*s))
            .map(|(_, c)| c)
            .sum();
        writeln!(
            f,
            "related vs unrelated: accuracy {:.3}",
            agree as f64 / n.max(1) as f64
        )?;
        writeln!(
            f,
            "FNC-1 score {:.2} of {:.2}: {:.1} %",
            self.score,
            self.best,
            100.0 * self.relative()
        )
    }
}

/// Evaluates FNC-1 files: `bodies` (Body ID, articleBody) and `stances` (Headline, Body ID,
/// Stance).
pub fn eval_fnc(bodies: &Path, stances: &Path) -> Result<FncEval, String> {
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))
    };
    let bodies: BTreeMap<String, String> = read_csv(&read(bodies)?)
        .into_iter()
        .filter(|r| r.len() >= 2)
        .map(|mut r| (r.swap_remove(0).trim().to_string(), r.swap_remove(0)))
        .collect();
    let mut rows = Vec::new();
    let mut skipped = 0;
    for r in read_csv(&read(stances)?) {
        match (
            r.first(),
            r.get(1).and_then(|id| bodies.get(id.trim())),
            r.get(2).and_then(|l| Label::parse(l)),
        ) {
            (Some(h), Some(b), Some(l)) => rows.push((h.clone(), b, l)),
            _ => skipped += 1,
        }
    }
    if rows.is_empty() {
        return Err("no headline and body pairs: are these FNC-1 bodies and stances files?".into());
    }
    let said: Vec<Label> = crate::each_source(&rows, |(h, b, _)| predict(h, b));
    let mut e = FncEval {
        skipped,
        ..FncEval::default()
    };
    for ((_, _, gold), said) in rows.iter().zip(said) {
        *e.confusion.entry((*gold, said)).or_default() += 1;
        e.score += score_one(*gold, said);
        e.best += score_one(*gold, *gold);
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_hold_commas_quotes_and_line_breaks() {
        // Reason: FNC-1 bodies are whole articles in one quoted field.
        let rows = read_csv("Body ID,articleBody\n1,\"A, \"\"quoted\"\"\nline\"\n2,plain\n");
        assert_eq!(rows, [vec!["1", "A, \"quoted\"\nline"], vec!["2", "plain"]]);
    }

    #[test]
    fn score_counts_relatedness_and_stance() {
        // Reason: FNC-1 gives 0.25 for related/unrelated and 0.75 more for the stance.
        assert_eq!(score_one(Label::Unrelated, Label::Unrelated), 0.25);
        assert_eq!(score_one(Label::Agree, Label::Discuss), 0.25);
        assert_eq!(score_one(Label::Agree, Label::Agree), 1.0);
        assert_eq!(score_one(Label::Agree, Label::Unrelated), 0.0);
        assert_eq!(score_one(Label::Unrelated, Label::Agree), 0.0);
    }
}
