//! One entity across sources, measured on ECB+: do two named mentions in different articles get
//! the same entity key exactly when the annotators say they are one entity?
//!
//! # Data
//!
//! `DIR/<topic>/<document>.xml`, as ECB+ ships them: `<token t_id sentence number>` elements,
//! `<Markables>` (mentions: an element per mention, its type as the element name and its tokens
//! as `<token_anchor t_id>` children; self-closing elements are the instances that relations
//! point to, with an `instance_id`), and `<Relations>`: a `CROSS_DOC_COREF` ties its `source`
//! mentions to the instance of its `target`; an `INTRA_DOC_COREF` ties mentions within the
//! document only.
//!
//! # Gold
//!
//! ECB+ marks mentions in every sentence but ties them to instances only in the sentences its
//! annotators checked for coreference (the corpus lists those in a separate file, not read
//! here): elsewhere "Zurana Horton" stands in no relation although she is the Zurana Horton of
//! every other article. So only mentions in checked sentences count, a checked sentence being
//! one where some mention (entity or action) is in a relation; there, a mention in no relation
//! is an entity of its own.
//!
//! Entity mentions are those typed `HUMAN_PART*`, `NON_HUMAN_PART*` or `LOC_*`. Times
//! (`TIME_*`) are left out: "Friday" is a date, which the pipeline compares by value, not a name
//! with a key. Actions (`ACTION_*`, `NEG_*`) are events.
//!
//! Of those, only **named** mentions count, decided from the gold data alone (fixed before any
//! tuning): a mention is named when one of its tokens starts with a capital letter, is not a
//! pronoun or an article, and is not capitalised merely by position. A capital is positional
//! when the token is the first word of its sentence, of a quotation or of a clause after a
//! colon, or its sentence is in title case (a headline: three or
//! more words and every word but the small ones capitalised); a positional capital still
//! counts when the same word is written capitalised somewhere in the document where capitals
//! are not positional ("Reid said" opening a sentence names Reid when "Tara Reid" is written
//! elsewhere; "Police said" opening one does not name the police).
//!
//! Gold pairs are all pairs of named mentions in different documents of one topic; a pair is
//! the same entity when both mentions belong to one instance.
//!
//! # Prediction
//!
//! Each document's text is rebuilt from its tokens (`detokenise`), one [`Source`] per document,
//! and the whole topic goes through [`crate::analyze`] at once. A gold mention takes the key of
//! the system's name mention (a name label, not a date or number) that overlaps its tokens by
//! the most bytes (the first such on a tie); a gold mention that no system name mention
//! overlaps has no key. A pair is predicted the same entity when both keys exist and are equal.
//!
//! Precision, recall and F1 are over pairs, summed over all topics (micro average).

pub use super::ecbplus::{
    detokenise, is_entity_kind, parse_topics, read_document, read_topic, topics_in, Document,
    GoldMention, GoldToken, DEV, TRAIN,
};
use crate::report::Report;
use crate::span::Span;
use crate::{Options, Source};
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::Path;

/// Pronouns and articles: capitalised, they still name nothing ("I", "He" or "The" opening a
/// sentence).
const PRONOUNS: &[&str] = &[
    "the",
    "a",
    "an",
    "i",
    "me",
    "my",
    "mine",
    "myself",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "it",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "that",
    "this",
    "these",
    "those",
];

/// Words that stay in lower case in a title-case headline.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "vs", "is", "into", "over", "after", "up",
];

/// For each token of `doc`: does its capital letter show a name (see the module notes)?
pub fn name_tokens(doc: &Document) -> Vec<bool> {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let is_word = |w: &str| w.chars().next().is_some_and(char::is_alphanumeric);
    // Positional capitals: a sentence's first word, every word of a title-case sentence.
    let mut positional = vec![false; doc.tokens.len()];
    let mut k = 0;
    while k < doc.tokens.len() {
        let sentence = doc.tokens[k].sentence;
        let end = (k..doc.tokens.len())
            .find(|&j| doc.tokens[j].sentence != sentence)
            .unwrap_or(doc.tokens.len());
        let words: Vec<&str> = doc.tokens[k..end]
            .iter()
            .map(|t| t.text.as_str())
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .filter(|w| !SMALL_WORDS.contains(&w.to_lowercase().as_str()))
            .collect();
        let title_case = words.len() >= 3 && words.iter().all(|w| capital(w));
        positional[k..end].fill(title_case);
        // The first word of the sentence, and of a quotation or a clause after a colon in it.
        let mut opens = true;
        for (token, p) in doc.tokens[k..end].iter().zip(&mut positional[k..end]) {
            let w = token.text.as_str();
            if is_word(w) {
                if opens {
                    *p = true;
                }
                opens = false;
            } else if matches!(w, "``" | "\"" | ":" | "--" | "(") {
                opens = true;
            }
        }
        k = end;
    }
    let candidate =
        |t: &GoldToken| capital(&t.text) && !PRONOUNS.contains(&t.text.to_lowercase().as_str());
    let written_as_name: HashSet<&str> = doc
        .tokens
        .iter()
        .zip(&positional)
        .filter(|(t, &p)| !p && candidate(t))
        .map(|(t, _)| t.text.as_str())
        .collect();
    doc.tokens
        .iter()
        .zip(&positional)
        .map(|(t, &p)| candidate(t) && (!p || written_as_name.contains(t.text.as_str())))
        .collect()
}

/// The named entity mentions of `doc` (see the module notes), in order.
pub fn named_mentions(doc: &Document) -> Vec<&GoldMention> {
    let names = name_tokens(doc);
    doc.mentions
        .iter()
        .filter(|m| is_entity_kind(&m.kind) && m.tokens.iter().any(|&k| names[k]))
        .collect()
}

/// Pair counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Pairs {
    /// Pairs predicted the same entity that are.
    pub tp: usize,
    /// Pairs predicted the same entity that are not.
    pub fp: usize,
    /// Pairs of one entity not predicted so.
    pub fn_: usize,
}

impl Pairs {
    /// Precision in [0, 1] (0 when no pair was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall in [0, 1] (0 when no pair is gold).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// F1 in [0, 1].
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, o: Pairs) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// One scored mention: its document, its gold instance, the key the system gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scored {
    /// Index of its document in the topic.
    pub document: usize,
    /// Its gold instance.
    pub instance: String,
    /// The key of the system's name mention over it, if any.
    pub key: Option<String>,
    /// Its text.
    pub text: String,
}

/// Counts every pair of mentions in different documents: gold same when the instances are
/// equal, predicted same when both keys exist and are equal.
pub fn score_pairs(mentions: &[Scored]) -> Pairs {
    let mut p = Pairs::default();
    for (i, a) in mentions.iter().enumerate() {
        for b in &mentions[i + 1..] {
            if a.document == b.document {
                continue;
            }
            let gold = a.instance == b.instance;
            let predicted = a.key.is_some() && a.key == b.key;
            match (gold, predicted) {
                (true, true) => p.tp += 1,
                (false, true) => p.fp += 1,
                (true, false) => p.fn_ += 1,
                (false, false) => {}
            }
        }
    }
    p
}

/// The key of the system name mention that overlaps `tokens` by the most bytes.
fn key_over(report_entities: &[crate::report::EntityOut], spans: &[Span]) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    for e in report_entities.iter().filter(|e| e.label.is_name()) {
        let overlap: usize = spans
            .iter()
            .map(|s| s.end.min(e.end).saturating_sub(s.start.max(e.start)))
            .sum();
        if overlap > 0 && best.is_none_or(|(b, _)| overlap > b) {
            best = Some((overlap, &e.key));
        }
    }
    best.map(|(_, k)| k.to_string())
}

/// The result on one topic.
#[derive(Clone, Debug, Default)]
pub struct TopicEval {
    /// The topic's folder name.
    pub topic: String,
    /// Its documents.
    pub documents: usize,
    /// Its named gold mentions, scored.
    pub mentions: Vec<Scored>,
    /// The names of its documents, in order.
    pub names: Vec<String>,
    /// Pair counts.
    pub pairs: Pairs,
}

/// Analyses one topic's documents together and scores its pairs.
pub fn eval_topic(topic: &str, docs: &[Document]) -> TopicEval {
    let sources: Vec<Source> = docs
        .iter()
        .map(|d| Source::new(&d.name, &d.name, &d.text))
        .collect();
    let report: Report = crate::analyze(&sources, &Options::default());
    let mut mentions = Vec::new();
    for (k, (doc, out)) in docs.iter().zip(&report.sources).enumerate() {
        for m in named_mentions(doc) {
            let spans: Vec<Span> = m.tokens.iter().map(|&t| doc.tokens[t].span).collect();
            mentions.push(Scored {
                document: k,
                instance: m.instance.clone(),
                key: key_over(&out.entities, &spans),
                text: doc.mention_text(m).to_string(),
            });
        }
    }
    TopicEval {
        topic: topic.to_string(),
        documents: docs.len(),
        pairs: score_pairs(&mentions),
        mentions,
        names: docs.iter().map(|d| d.name.clone()).collect(),
    }
}

/// The result over several topics.
#[derive(Clone, Debug, Default)]
pub struct CorefEval {
    /// Each topic's result, in order.
    pub topics: Vec<TopicEval>,
}

/// Evaluates the given topics of `dir` (every topic folder when `topics` is `None`).
pub fn eval_coref(dir: &Path, topics: Option<&[String]>) -> Result<CorefEval, String> {
    let names = match topics {
        Some(t) => t.to_vec(),
        None => topics_in(dir)?,
    };
    if names.is_empty() {
        return Err(format!("{}: no topic folders", dir.display()));
    }
    let mut eval = CorefEval::default();
    for t in &names {
        let path = dir.join(t);
        if !path.is_dir() {
            return Err(format!("{}: no such topic folder", path.display()));
        }
        eval.topics.push(eval_topic(t, &read_topic(&path)?));
    }
    Ok(eval)
}

impl CorefEval {
    /// Pair counts over every topic.
    pub fn pairs(&self) -> Pairs {
        let mut p = Pairs::default();
        for t in &self.topics {
            p.add(t.pairs);
        }
        p
    }

    /// Named gold mentions, and how many of them no system name mention overlaps.
    pub fn mentions(&self) -> (usize, usize) {
        let all = self.topics.iter().map(|t| t.mentions.len()).sum();
        let missed = self
            .topics
            .iter()
            .flat_map(|t| &t.mentions)
            .filter(|m| m.key.is_none())
            .count();
        (all, missed)
    }

    /// The report: per topic, then the totals, ending with a machine-readable line
    /// `coref-f1 0.812`.
    pub fn report(&self) -> String {
        self.to_string()
    }

    /// Error analysis: false merges and missed joins, each distinct (text, key) pair once with
    /// how many mention pairs it stands for, most frequent first; then the named mentions that
    /// no system name mention overlaps.
    pub fn mistakes(&self) -> String {
        let mut merges: BTreeMap<(String, String, String, String), usize> = BTreeMap::new();
        let mut missed_joins = merges.clone();
        let mut unmatched: BTreeMap<(String, String), usize> = BTreeMap::new();
        for t in &self.topics {
            for (i, a) in t.mentions.iter().enumerate() {
                if a.key.is_none() {
                    *unmatched
                        .entry((t.topic.clone(), a.text.clone()))
                        .or_default() += 1;
                }
                for b in &t.mentions[i + 1..] {
                    if a.document == b.document {
                        continue;
                    }
                    let gold = a.instance == b.instance;
                    let predicted = a.key.is_some() && a.key == b.key;
                    let table = match (gold, predicted) {
                        (false, true) => &mut merges,
                        (true, false) if a.key.is_some() && b.key.is_some() => &mut missed_joins,
                        _ => continue,
                    };
                    let (x, y) = if (&a.text, &a.key) <= (&b.text, &b.key) {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    let key = |m: &Scored| m.key.clone().unwrap_or_default();
                    *table
                        .entry((
                            format!("{}: {}", t.topic, x.text),
                            key(x),
                            y.text.clone(),
                            key(y),
                        ))
                        .or_default() += 1;
                }
            }
        }
        let mut out = String::new();
        for (title, table) in [
            ("false merges (one key, different entities)", &merges),
            ("missed joins (one entity, different keys)", &missed_joins),
        ] {
            out.push_str(&format!("{title}:\n"));
            let mut rows: Vec<_> = table.iter().collect();
            rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            for ((a, ka, b, kb), n) in rows {
                out.push_str(&format!("  {n:>5}  {a:?} [{ka}] ~ {b:?} [{kb}]\n"));
            }
        }
        out.push_str("named gold mentions without a system name mention:\n");
        let mut rows: Vec<_> = unmatched.iter().collect();
        rows.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for ((topic, text), n) in rows {
            out.push_str(&format!("  {n:>5}  {topic}: {text:?}\n"));
        }
        out
    }
}

impl fmt::Display for CorefEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<8} {:>5} {:>8} {:>8} {:>7} {:>7} {:>7} {:>6} {:>6} {:>6}",
            "topic", "docs", "mentions", "no-match", "P", "R", "F1", "tp", "fp", "fn"
        )?;
        for t in &self.topics {
            let missed = t.mentions.iter().filter(|m| m.key.is_none()).count();
            let p = t.pairs;
            writeln!(
                f,
                "{:<8} {:>5} {:>8} {:>8} {:>7.3} {:>7.3} {:>7.3} {:>6} {:>6} {:>6}",
                t.topic,
                t.documents,
                t.mentions.len(),
                missed,
                p.precision(),
                p.recall(),
                p.f1(),
                p.tp,
                p.fp,
                p.fn_
            )?;
        }
        let p = self.pairs();
        let (all, missed) = self.mentions();
        let docs: usize = self.topics.iter().map(|t| t.documents).sum();
        writeln!(
            f,
            "ECB+ one entity across documents: {} topics, {docs} documents, {all} named gold \
             mentions, {missed} ({:.1} %) without a system name mention",
            self.topics.len(),
            100.0 * ratio(missed, all)
        )?;
        writeln!(
            f,
            "pairs across documents: P {:.3}  R {:.3}  F1 {:.3}  (tp {}, fp {}, fn {}; gold {}, predicted {})",
            p.precision(),
            p.recall(),
            p.f1(),
            p.tp,
            p.fp,
            p.fn_,
            p.tp + p.fn_,
            p.tp + p.fp
        )?;
        write!(f, "coref-f1 {:.3}", p.f1())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_of(sentences: &[&str]) -> Document {
        let words: Vec<(u32, &str)> = sentences
            .iter()
            .enumerate()
            .flat_map(|(s, line)| line.split(' ').map(move |w| (s as u32, w)))
            .collect();
        let (text, spans) = detokenise(&words);
        Document {
            name: "d".into(),
            text,
            tokens: words
                .iter()
                .zip(spans)
                .map(|(&(sentence, w), span)| GoldToken {
                    text: w.into(),
                    sentence,
                    span,
                })
                .collect(),
            mentions: Vec::new(),
        }
    }

    #[test]
    fn detokenises_readably() {
        let d = doc_of(&[
            "`` We respect her family 's privacy , '' the actress 's rep Jack Ketsoyan told People .",
            "A 90 - day stay in the U . S . at 9 a . m . on 11 / 30 / 09 ( AP ) did n't help .",
            "J . Smith said \" no \" - twice .",
        ]);
        assert_eq!(
            d.text,
            "\"We respect her family's privacy,\" the actress's rep Jack Ketsoyan told People.\n\n\
             A 90-day stay in the U.S. at 9 a.m. on 11/30/09 (AP) didn't help.\n\n\
             J. Smith said \"no\" - twice."
        );
        for t in &d.tokens {
            if t.text != "``" && t.text != "''" {
                assert_eq!(&d.text[t.span.start..t.span.end], t.text);
            }
        }
    }

    #[test]
    fn named_means_capitalised_not_by_position() {
        let d = doc_of(&[
            "Police Arrest Tara Reid In Malibu",
            "Reid said the police took her .",
            "Police said Tara Reid was fine , and I agree .",
            "He left .",
        ]);
        let names = name_tokens(&d);
        let named: Vec<&str> = d
            .tokens
            .iter()
            .zip(&names)
            .filter(|(_, &n)| n)
            .map(|(t, _)| t.text.as_str())
            .collect();
        // "Police" is capitalised only by position (headline, sentence start); "Malibu" only in
        // the headline; "Reid" opening a sentence is written as a name elsewhere.
        assert_eq!(named, ["Tara", "Reid", "Reid", "Tara", "Reid"]);
    }

    #[test]
    fn pairs_across_documents_only() {
        let m = |document: usize, instance: &str, key: Option<&str>| Scored {
            document,
            instance: instance.into(),
            key: key.map(String::from),
            text: String::new(),
        };
        let mentions = [
            m(0, "a", Some("x")),
            m(0, "a", Some("x")), // same document: never a pair
            m(1, "a", Some("x")), // two true pairs
            m(1, "b", Some("x")), // two false merges (with the first two)
            m(2, "a", None),      // three missed joins: no key
        ];
        let p = score_pairs(&mentions);
        // Pairs across documents: 0-2 0-3 0-4 1-2 1-3 1-4 2-4 3-4.
        assert_eq!(
            p,
            Pairs {
                tp: 2,
                fp: 2,
                fn_: 3
            }
        );
    }

    #[test]
    fn topic_lists() {
        assert_eq!(
            parse_topics("1, 3,6-8").unwrap(),
            ["1", "3", "6", "7", "8"].map(String::from)
        );
        assert!(parse_topics("8-6").is_err());
    }
}
