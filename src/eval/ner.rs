//! Named-entity evaluation on CoNLL-2003 files: read `TOKEN POS TAG` lines into one text (tokens
//! joined by single spaces, sentences by "\n"), run the entity stage on it, map our OntoNotes
//! labels back to PER/LOC/ORG/MISC and score exact matches (same character span, same type).

use crate::entities::{self, Label};
use crate::span::Span;
use crate::{clean, segment};
use std::fmt;

/// The four CoNLL-2003 entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Coarse {
    /// People.
    Per,
    /// Locations, including countries and cities.
    Loc,
    /// Organisations.
    Org,
    /// Everything else with a name: nationalities, events, products, works.
    Misc,
}

impl Coarse {
    /// All four, in report order.
    pub const ALL: [Coarse; 4] = [Coarse::Per, Coarse::Loc, Coarse::Org, Coarse::Misc];

    /// "PER", "LOC", "ORG" or "MISC".
    pub fn as_str(self) -> &'static str {
        match self {
            Coarse::Per => "PER",
            Coarse::Loc => "LOC",
            Coarse::Org => "ORG",
            Coarse::Misc => "MISC",
        }
    }

    /// Parses "PER", "LOC", "ORG", "MISC".
    pub fn parse(s: &str) -> Option<Coarse> {
        Some(match s {
            "PER" => Coarse::Per,
            "LOC" => Coarse::Loc,
            "ORG" => Coarse::Org,
            "MISC" => Coarse::Misc,
            _ => return None,
        })
    }

    /// The CoNLL type of an OntoNotes label, as spaCy users map it; `None` for dates and numbers.
    pub fn of(label: Label) -> Option<Coarse> {
        Some(match label {
            Label::Person => Coarse::Per,
            Label::Org => Coarse::Org,
            Label::Gpe | Label::Loc | Label::Fac => Coarse::Loc,
            Label::Norp
            | Label::Event
            | Label::Product
            | Label::WorkOfArt
            | Label::Law
            | Label::Language => Coarse::Misc,
            _ => return None,
        })
    }
}

/// One token of a CoNLL file placed in the rebuilt text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConllToken {
    /// Where the token is in [`Conll::text`].
    pub span: Span,
    /// Its tag as written ("O", "B-PER", "I-LOC", …).
    pub tag: String,
}

/// A CoNLL file rebuilt as one text.
#[derive(Clone, Debug, Default)]
pub struct Conll {
    /// Tokens joined by single spaces, sentences by "\n".
    pub text: String,
    /// Every token, in order.
    pub tokens: Vec<ConllToken>,
    /// Each sentence as a range of `tokens`.
    pub sentences: Vec<std::ops::Range<usize>>,
}

/// Reads CoNLL format: `TOKEN POS TAG` (the tag is the last column), a blank line ends a
/// sentence, `-DOCSTART-` lines are skipped.
pub fn read_conll(data: &str) -> Result<Conll, String> {
    let mut c = Conll::default();
    let mut begin = 0;
    let end_sentence = |c: &mut Conll, begin: &mut usize| {
        if c.tokens.len() > *begin {
            c.sentences.push(*begin..c.tokens.len());
            *begin = c.tokens.len();
        }
    };
    for (n, line) in data.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            end_sentence(&mut c, &mut begin);
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            end_sentence(&mut c, &mut begin);
            continue;
        }
        if cols.len() < 2 {
            return Err(format!("line {}: expected `TOKEN POS TAG`", n + 1));
        }
        let tag = cols[cols.len() - 1];
        if tag != "O" && !(tag.starts_with("B-") || tag.starts_with("I-")) {
            return Err(format!("line {}: bad tag {tag:?}", n + 1));
        }
        if !c.text.is_empty() {
            c.text
                .push(if c.tokens.len() == begin { '\n' } else { ' ' });
        }
        let start = c.text.len();
        c.text.push_str(cols[0]);
        c.tokens.push(ConllToken {
            span: Span::new(start, c.text.len()),
            tag: tag.to_string(),
        });
    }
    end_sentence(&mut c, &mut begin);
    Ok(c)
}

/// Decodes BIO (or IOB1) tags into typed spans: an `I-X` after `O` or another type starts an
/// entity, as conlleval does.
pub fn bio_spans<'a>(
    items: impl IntoIterator<Item = (Span, &'a str)>,
    sentence_starts: &[bool],
) -> Vec<(Span, Coarse)> {
    let mut out: Vec<(Span, Coarse)> = Vec::new();
    let mut open: Option<(Span, Coarse)> = None;
    for (k, (span, tag)) in items.into_iter().enumerate() {
        let (prefix, ty) = match tag.split_once('-') {
            Some((p, t)) => (p, Coarse::parse(t)),
            None => ("O", None),
        };
        let new_sentence = sentence_starts.get(k).copied().unwrap_or(false);
        match (ty, &mut open) {
            (Some(t), Some((s, ot))) if prefix == "I" && *ot == t && !new_sentence => {
                s.end = span.end;
            }
            (Some(t), _) => {
                out.extend(open.take());
                open = Some((span, t));
            }
            (None, _) => out.extend(open.take()),
        }
    }
    out.extend(open);
    out
}

impl Conll {
    /// The gold entities, by character span.
    pub fn gold(&self) -> Vec<(Span, Coarse)> {
        let mut starts = vec![false; self.tokens.len()];
        for s in &self.sentences {
            starts[s.start] = true;
        }
        bio_spans(
            self.tokens.iter().map(|t| (t.span, t.tag.as_str())),
            &starts,
        )
    }
}

/// Counts for one type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Found and right.
    pub tp: usize,
    /// Found but wrong.
    pub fp: usize,
    /// Missed.
    pub fn_: usize,
}

impl Counts {
    /// Precision, recall and F1, in percent.
    pub fn prf(&self) -> (f64, f64, f64) {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let p = pct(self.tp, self.tp + self.fp);
        let r = pct(self.tp, self.tp + self.fn_);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Exact-match scores per type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Counts for PER, LOC, ORG, MISC (in [`Coarse::ALL`] order).
    pub by_type: [Counts; 4],
}

impl Scores {
    /// Counts for one type.
    pub fn get(&self, t: Coarse) -> Counts {
        self.by_type[t as usize]
    }

    /// Micro-averaged counts over PER, LOC and ORG.
    pub fn per_loc_org(&self) -> Counts {
        let mut c = Counts::default();
        for t in [Coarse::Per, Coarse::Loc, Coarse::Org] {
            c.add(self.get(t));
        }
        c
    }

    /// Micro-averaged counts over all four types.
    pub fn all(&self) -> Counts {
        let mut c = self.per_loc_org();
        c.add(self.get(Coarse::Misc));
        c
    }
}

/// Scores predicted spans against gold spans: a prediction is right when a gold entity has the
/// same span and type.
pub fn score(gold: &[(Span, Coarse)], predicted: &[(Span, Coarse)]) -> Scores {
    use std::collections::HashSet;
    let g: HashSet<(Span, Coarse)> = gold.iter().copied().collect();
    let p: HashSet<(Span, Coarse)> = predicted.iter().copied().collect();
    let mut s = Scores::default();
    for x in &p {
        let c = &mut s.by_type[x.1 as usize];
        if g.contains(x) {
            c.tp += 1;
        } else {
            c.fp += 1;
        }
    }
    for x in &g {
        if !p.contains(x) {
            s.by_type[x.1 as usize].fn_ += 1;
        }
    }
    s
}

/// The entity stage's names in `text`, mapped to CoNLL types, as `analyze` finds them (no names
/// inside boilerplate).
pub fn predict(text: &str) -> Vec<(Span, Coarse)> {
    let seg = segment::segment(text);
    let boilerplate = clean::boilerplate(text);
    entities::find(text, &seg)
        .into_iter()
        .filter(|m| !boilerplate.iter().any(|b| b.overlaps(m.span)))
        .filter_map(|m| Coarse::of(m.label).map(|c| (m.span, c)))
        .collect()
}

/// The mistakes on one CoNLL file: each wrong or missed entity with its line of text, as
/// `fp|fn TYPE "name" in: line`.
pub fn mistakes(data: &str) -> Result<Vec<String>, String> {
    use std::collections::HashSet;
    let c = read_conll(data)?;
    let gold = c.gold();
    let predicted = predict(&c.text);
    let g: HashSet<(Span, Coarse)> = gold.iter().copied().collect();
    let p: HashSet<(Span, Coarse)> = predicted.iter().copied().collect();
    let line = |s: Span| {
        let a = c.text[..s.start].rfind('\n').map_or(0, |x| x + 1);
        let b = c.text[s.end..]
            .find('\n')
            .map_or(c.text.len(), |x| s.end + x);
        &c.text[a..b]
    };
    let mut out = Vec::new();
    for (what, list, other) in [("fp", &predicted, &g), ("fn", &gold, &p)] {
        for x in list.iter().filter(|x| !other.contains(x)) {
            out.push(format!(
                "{what} {} {:?} in: {}",
                x.1.as_str(),
                &c.text[x.0.start..x.0.end],
                line(x.0)
            ));
        }
    }
    Ok(out)
}

/// Reads one CoNLL file's contents and scores the entity stage on it.
pub fn evaluate(data: &str) -> Result<Scores, String> {
    let c = read_conll(data)?;
    Ok(score(&c.gold(), &predict(&c.text)))
}

impl fmt::Display for Scores {
    /// A table per type, the two micro averages and a machine-readable last line:
    /// `ner-f1 per-loc-org 88.4 all 86.1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<12} {:>9} {:>9} {:>9} {:>6} {:>6} {:>6}",
            "type", "precision", "recall", "F1", "tp", "fp", "fn"
        )?;
        let mut row = |name: &str, c: Counts| {
            let (p, r, f1) = c.prf();
            writeln!(
                f,
                "{name:<12} {p:>9.2} {r:>9.2} {f1:>9.2} {:>6} {:>6} {:>6}",
                c.tp, c.fp, c.fn_
            )
        };
        for t in Coarse::ALL {
            row(t.as_str(), self.get(t))?;
        }
        row("PER+LOC+ORG", self.per_loc_org())?;
        row("all four", self.all())?;
        write!(
            f,
            "ner-f1 per-loc-org {:.1} all {:.1}",
            self.per_loc_org().prf().2,
            self.all().prf().2
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "-DOCSTART- -X- O\n\nEU NNP B-ORG\nrejects VBZ O\nGerman JJ B-MISC\ncall NN O\n\nPeter NNP B-PER\nBlackburn NNP I-PER\n\nNew NNP I-LOC\nYork NNP I-LOC\nPeter NNP B-LOC\n";

    #[test]
    fn reads_text_and_gold_spans() {
        let c = read_conll(SAMPLE).unwrap();
        assert_eq!(
            c.text,
            "EU rejects German call\nPeter Blackburn\nNew York Peter"
        );
        let gold: Vec<(&str, Coarse)> = c
            .gold()
            .iter()
            .map(|&(s, t)| (&c.text[s.start..s.end], t))
            .collect();
        assert_eq!(
            gold,
            [
                ("EU", Coarse::Org),
                ("German", Coarse::Misc),
                ("Peter Blackburn", Coarse::Per),
                // IOB1: I- starts an entity after a sentence break; B- splits two of one type.
                ("New York", Coarse::Loc),
                ("Peter", Coarse::Loc),
            ]
        );
    }

    #[test]
    fn exact_match_scores() {
        let g = [
            (Span::new(0, 2), Coarse::Org),
            (Span::new(5, 9), Coarse::Per),
            (Span::new(10, 12), Coarse::Loc),
        ];
        let p = [
            (Span::new(0, 2), Coarse::Org),   // right
            (Span::new(5, 8), Coarse::Per),   // wrong span
            (Span::new(10, 12), Coarse::Org), // wrong type
        ];
        let s = score(&g, &p);
        assert_eq!(
            s.get(Coarse::Org),
            Counts {
                tp: 1,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            s.get(Coarse::Per),
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            s.get(Coarse::Loc),
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        let (p, r, f) = s.per_loc_org().prf();
        assert!((p - 100.0 / 3.0).abs() < 1e-9 && (r - 100.0 / 3.0).abs() < 1e-9);
        assert!((f - 100.0 / 3.0).abs() < 1e-9);
        assert!(s.to_string().ends_with("ner-f1 per-loc-org 33.3 all 33.3"));
    }

    #[test]
    fn maps_ontonotes_labels() {
        assert_eq!(Coarse::of(Label::Gpe), Some(Coarse::Loc));
        assert_eq!(Coarse::of(Label::Fac), Some(Coarse::Loc));
        assert_eq!(Coarse::of(Label::Norp), Some(Coarse::Misc));
        assert_eq!(Coarse::of(Label::Person), Some(Coarse::Per));
        assert_eq!(Coarse::of(Label::Date), None);
        assert_eq!(Coarse::of(Label::Cardinal), None);
    }
}
