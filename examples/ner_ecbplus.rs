//! The entity stage on ECB+ (other news outlets, 2006–2014): an out-of-domain check of the name
//! tagger, which is trained on 1996 Reuters text.
//!
//! `cargo run --release --example ner_ecbplus -- [--split train|dev] [--mistakes] [--model FILE] DIR`
//!
//! With `--model`, the tagger alone with the weights of FILE (as `train-ner` writes them), no
//! rebuild needed; else the whole entity stage with the compiled-in model.
//!
//! ECB+ marks only event participants, as mentions typed HUMAN_PART_PER, HUMAN_PART_ORG,
//! LOC_GEO, LOC_FAC, HUMAN_PART_GPE; mapped to PER, ORG, LOC. A mention is named when it has
//! capitalised words other than a leading determiner or pronoun; its name is the run from the
//! first such word to the last ("the actress Lindsay Lohan" → "Lindsay Lohan"). Recall over
//! those names is the clean figure. Precision can only be judged where a prediction overlaps a
//! gold name (elsewhere a name may simply not be a participant), so it is partial.
use crosscheck::entities::tagger::{features::Scratch, spans, tag_sentence, Model};
use crosscheck::entities::Tokens;
use crosscheck::eval::ecbplus::{self, Document};
use crosscheck::eval::{predict, Coarse};
use crosscheck::span::Span;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

const SKIP: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "Its", "This",
    "That", "These", "Those", "You", "Our", "THE", "It's", "I'm", "I'd",
];

fn coarse(kind: &str) -> Option<Coarse> {
    Some(match kind {
        "HUMAN_PART_PER" => Coarse::Per,
        "HUMAN_PART_ORG" => Coarse::Org,
        "LOC_GEO" | "LOC_FAC" | "HUMAN_PART_GPE" => Coarse::Loc,
        _ => return None,
    })
}

/// The gold names of a document, by span, with their type. A capitalised first word of a
/// sentence that the corpus also writes in lower case ("Police said") is not a name.
fn gold_names(doc: &Document, common: &HashSet<String>) -> BTreeSet<(Span, Coarse)> {
    let mut out = BTreeSet::new();
    for m in &doc.mentions {
        let Some(ty) = coarse(&m.kind) else {
            continue;
        };
        let capital = |&&t: &&usize| {
            let w = doc.tokens[t].text.as_str();
            let first = t == 0 || doc.tokens[t - 1].sentence != doc.tokens[t].sentence;
            w.chars().next().is_some_and(char::is_uppercase)
                && !SKIP.contains(&w)
                && !(first && common.contains(&w.to_lowercase()))
        };
        let (Some(&a), Some(&b)) = (
            // After a possessive: "California's Betty Ford Center" names the centre.
            m.tokens
                .iter()
                .rposition(|&t| doc.tokens[t].text.ends_with("'s"))
                .and_then(|k| m.tokens[k + 1..].iter().find(capital))
                .or_else(|| m.tokens.iter().find(capital)),
            m.tokens.iter().rev().find(capital),
        ) else {
            continue;
        };
        let mut end = doc.tokens[b].span.end;
        if doc.tokens[b].text.len() > 2 && doc.tokens[b].text.ends_with("'s") {
            end -= 2; // "Lohan's" names Lohan
        }
        out.insert((Span::new(doc.tokens[a].span.start, end), ty));
    }
    out
}

/// The names the tagger alone finds with model `m`.
fn tagged(m: &Model, text: &str) -> Vec<(Span, Coarse)> {
    let seg = crosscheck::segment::segment(text);
    let t = Tokens::new(text, &seg);
    let mut s = Scratch::default();
    let mut tags = Vec::new();
    let mut out = Vec::new();
    for sen in &seg.sentences {
        let r = sen.tokens.clone();
        tag_sentence(m, &t, r.clone(), &mut s, &mut tags);
        for (tr, ty) in spans(&tags) {
            out.push((
                t.span(r.start + tr.start, r.start + tr.end),
                Coarse::ALL[ty],
            ));
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    gold: usize,
    exact: usize,
    overlap: usize,
    untyped: usize,
    judged: usize,
    judged_right: usize,
    per_type: [[usize; 2]; 3],
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut split: Option<&[u32]> = None;
    let mut show = false;
    let mut dir = None;
    let mut model = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--split" => {
                split = Some(match it.next().map(String::as_str) {
                    Some("train") => ecbplus::TRAIN,
                    Some("dev") => ecbplus::DEV,
                    _ => return Err("--split train|dev".into()),
                })
            }
            "--mistakes" => show = true,
            "--model" => {
                let path = it.next().ok_or("--model FILE")?;
                let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
                model = Some(Model::parse(&bytes)?);
            }
            _ => dir = Some(a.clone()),
        }
    }
    let dir = dir.ok_or("usage: ner_ecbplus [--split train|dev] [--mistakes] DIR")?;
    let topics: Vec<String> = match split {
        Some(s) => s.iter().map(u32::to_string).collect(),
        None => ecbplus::topics_in(Path::new(&dir))?,
    };
    let mut docs = Vec::new();
    for topic in &topics {
        docs.extend(ecbplus::read_topic(&Path::new(&dir).join(topic))?);
    }
    // Words written in lower case more often than capitalised inside a sentence.
    let mut counts: HashMap<String, i64> = HashMap::new();
    for d in &docs {
        for (k, t) in d.tokens.iter().enumerate() {
            let inside = k > 0 && d.tokens[k - 1].sentence == t.sentence;
            match t.text.chars().next() {
                Some(c) if c.is_lowercase() => *counts.entry(t.text.clone()).or_default() += 1,
                Some(c) if c.is_uppercase() && inside => {
                    *counts.entry(t.text.to_lowercase()).or_default() -= 1
                }
                _ => {}
            }
        }
    }
    let common: HashSet<String> = counts
        .into_iter()
        .filter(|&(_, n)| n > 0)
        .map(|(w, _)| w)
        .collect();
    let mut t = Tally::default();
    {
        for doc in &docs {
            let gold = gold_names(doc, &common);
            let predicted: Vec<(Span, Coarse)> = match &model {
                Some(m) => tagged(m, &doc.text),
                None => predict(&doc.text),
            }
            .into_iter()
            .filter(|p| p.1 != Coarse::Misc)
            .collect();
            for &(g, ty) in &gold {
                t.gold += 1;
                let exact = predicted.contains(&(g, ty));
                t.exact += usize::from(exact);
                t.untyped += usize::from(predicted.iter().any(|p| p.0 == g));
                t.overlap += usize::from(predicted.iter().any(|p| p.1 == ty && p.0.overlaps(g)));
                t.per_type[ty as usize][0] += 1;
                t.per_type[ty as usize][1] += usize::from(exact);
                if show && !exact {
                    println!("fn {} {:?}", ty.as_str(), &doc.text[g.start..g.end]);
                }
            }
            for &(p, ty) in &predicted {
                if gold.iter().any(|g| g.0.overlaps(p)) {
                    t.judged += 1;
                    let right = gold.contains(&(p, ty));
                    t.judged_right += usize::from(right);
                    if show && !right {
                        println!("fp {} {:?}", ty.as_str(), &doc.text[p.start..p.end]);
                    }
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    let r = pct(t.exact, t.gold);
    let p = pct(t.judged_right, t.judged);
    println!("gold names {}", t.gold);
    for ty in [Coarse::Per, Coarse::Loc, Coarse::Org] {
        let [n, k] = t.per_type[ty as usize];
        println!("{} recall {:.1} of {n}", ty.as_str(), pct(k, n));
    }
    println!(
        "recall exact {r:.1}, any type {:.1}, typed overlap {:.1}",
        pct(t.untyped, t.gold),
        pct(t.overlap, t.gold)
    );
    println!("precision where judged {p:.1} of {}", t.judged);
    println!(
        "ecb-ner recall {r:.1} precision {p:.1} f1 {:.1}",
        2.0 * p * r / (p + r).max(1e-9)
    );
    Ok(())
}
