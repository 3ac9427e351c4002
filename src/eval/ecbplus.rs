//! ECB+ as it ships: `DIR/<topic>/<document>.xml`, with `<token t_id sentence number>`
//! elements, `<Markables>` (mentions: an element per mention, its type as the element name and
//! its tokens as `<token_anchor t_id>` children; self-closing elements are the instances that
//! relations point to, with an `instance_id`), and `<Relations>`: a `CROSS_DOC_COREF` ties its
//! `source` mentions to the instance of its `target`; an `INTRA_DOC_COREF` ties mentions within
//! the document only. Read here into readable text (one paragraph per sentence) with every
//! mention of the sentences the annotators checked for coreference (those where some mention is
//! in a relation: elsewhere "Zurana Horton" stands in no relation although she is the Zurana
//! Horton of every other article; there, a mention in no relation is an instance of its own).
//! Used by the entity evaluation (`coref`) and the pair model's event pairs
//! (`compare::ecbplus`).

use crate::span::Span;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The usual training topics of ECB+.
pub const TRAIN: &[u32] = &[
    1, 3, 4, 6, 7, 8, 9, 10, 11, 13, 14, 16, 19, 20, 22, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,
];

/// The usual development topics of ECB+.
pub const DEV: &[u32] = &[2, 5, 12, 18, 21, 23, 34, 35];

/// One token of a document, placed in the rebuilt text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldToken {
    /// The token as written in the file.
    pub text: String,
    /// Its sentence number.
    pub sentence: u32,
    /// Where it is in [`Document::text`].
    pub span: Span,
}

/// One gold mention: an entity or an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldMention {
    /// Its type as annotated ("HUMAN_PART_PER", "LOC_GEO", …).
    pub kind: String,
    /// Its tokens (indexes into [`Document::tokens`]), in order; not always contiguous.
    pub tokens: Vec<usize>,
    /// The entity it belongs to: the same string for every mention of one entity in a topic.
    pub instance: String,
}

/// One ECB+ document: its rebuilt text, tokens and the mentions of its checked sentences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The file name without ".xml".
    pub name: String,
    /// The text rebuilt from the tokens.
    pub text: String,
    /// Every token, in order.
    pub tokens: Vec<GoldToken>,
    /// The mentions of its checked sentences, entities and events alike (by `kind`).
    pub mentions: Vec<GoldMention>,
}

impl Document {
    /// The text from a mention's first token to its last.
    pub fn mention_text(&self, m: &GoldMention) -> &str {
        match (m.tokens.first(), m.tokens.last()) {
            (Some(&a), Some(&b)) => &self.text[self.tokens[a].span.start..self.tokens[b].span.end],
            _ => "",
        }
    }
}

/// One XML tag: its name, attributes, whether it closes (`</x>`) or is empty (`<x/>`), and the
/// byte after its `>`.
struct Tag<'a> {
    name: &'a str,
    attrs: Vec<(&'a str, &'a str)>,
    closing: bool,
    empty: bool,
    end: usize,
}

impl Tag<'_> {
    fn attr(&self, key: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}

/// The tags of an XML text in order (declarations and comments skipped). Enough XML for ECB+:
/// attributes in double quotes, no CDATA.
fn tags(xml: &str) -> Vec<Tag<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(lt) = xml[pos..].find('<').map(|i| pos + i) {
        let Some(gt) = xml[lt..].find('>').map(|i| lt + i) else {
            break;
        };
        pos = gt + 1;
        let inner = &xml[lt + 1..gt];
        if inner.starts_with('?') || inner.starts_with('!') {
            continue;
        }
        let closing = inner.starts_with('/');
        let empty = inner.ends_with('/');
        let inner = inner.trim_start_matches('/').trim_end_matches('/');
        let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
        let mut attrs = Vec::new();
        let mut rest = &inner[name_end..];
        while let Some(eq) = rest.find("=\"") {
            let key = rest[..eq].trim();
            let Some(close) = rest[eq + 2..].find('"') else {
                break;
            };
            attrs.push((key, &rest[eq + 2..eq + 2 + close]));
            rest = &rest[eq + 2 + close + 1..];
        }
        out.push(Tag {
            name: &inner[..name_end],
            attrs,
            closing,
            empty,
            end: pos,
        });
    }
    out
}

fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// True for the annotation types that are entities, times aside: people, organisations, things,
/// places (`HUMAN_PART*`, `NON_HUMAN_PART*`, `LOC_*`). "Friday" is a date, which the pipeline
/// compares by value, not a name with a key.
pub fn is_entity_kind(kind: &str) -> bool {
    kind.starts_with("HUMAN_PART") || kind.starts_with("NON_HUMAN_PART") || kind.starts_with("LOC_")
}

/// Reads one ECB+ document (`name` is its file name without ".xml").
pub fn read_document(name: &str, xml: &str) -> Result<Document, String> {
    let mut words: Vec<(String, u32, String)> = Vec::new(); // t_id, sentence, text
    let mut mentions: Vec<(String, String, Vec<String>)> = Vec::new(); // m_id, kind, t_ids
    let mut instance_of: HashMap<String, String> = HashMap::new(); // instance markable → id
    let mut cross: HashMap<String, String> = HashMap::new(); // mention → instance
    let mut intra: HashMap<String, String> = HashMap::new();
    let mut section = "";
    // The open mention or relation: (kind, m_id or r_id, member ids, target, note).
    let mut open: Option<(String, String, Vec<String>, String, String)> = None;
    for tag in tags(xml) {
        match (tag.name, tag.closing) {
            ("token", false) if !tag.empty => {
                let text_end = xml[tag.end..].find('<').map_or(xml.len(), |i| tag.end + i);
                let id = tag.attr("t_id").ok_or("a token without t_id")?;
                let sentence = tag
                    .attr("sentence")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0);
                words.push((
                    id.to_string(),
                    sentence,
                    unescape(xml[tag.end..text_end].trim()),
                ));
            }
            ("Markables" | "Relations", false) => section = tag.name,
            ("Markables" | "Relations", true) => section = "",
            ("token_anchor", false) => {
                if let (Some(o), Some(t)) = (open.as_mut(), tag.attr("t_id")) {
                    o.2.push(t.to_string());
                }
            }
            ("source", false) => {
                if let (Some(o), Some(m)) = (open.as_mut(), tag.attr("m_id")) {
                    o.2.push(m.to_string());
                }
            }
            ("target", false) => {
                if let (Some(o), Some(m)) = (open.as_mut(), tag.attr("m_id")) {
                    o.3 = m.to_string();
                }
            }
            (_, false) if section == "Markables" => {
                let Some(m_id) = tag.attr("m_id") else {
                    continue;
                };
                if tag.empty {
                    let id = tag.attr("instance_id").unwrap_or("");
                    instance_of.insert(m_id.to_string(), id.to_string());
                } else {
                    open = Some((
                        tag.name.to_string(),
                        m_id.to_string(),
                        Vec::new(),
                        String::new(),
                        String::new(),
                    ));
                }
            }
            (_, false) if section == "Relations" && !tag.empty => {
                let r_id = tag.attr("r_id").unwrap_or("");
                let note = tag.attr("note").unwrap_or("");
                open = Some((
                    tag.name.to_string(),
                    r_id.to_string(),
                    Vec::new(),
                    String::new(),
                    note.to_string(),
                ));
            }
            (_, true) if open.as_ref().is_some_and(|o| o.0 == tag.name) => {
                let Some((kind, id, members, target, note)) = open.take() else {
                    continue;
                };
                match section {
                    "Markables" => mentions.push((id, kind, members)),
                    _ if kind == "CROSS_DOC_COREF" => {
                        let instance = match instance_of.get(&target) {
                            Some(i) if !i.is_empty() => i.clone(),
                            _ if !note.is_empty() => note,
                            _ => format!("{name}#r{id}"),
                        };
                        for m in members {
                            cross.entry(m).or_insert_with(|| instance.clone());
                        }
                    }
                    _ if kind == "INTRA_DOC_COREF" => {
                        for m in members {
                            intra.entry(m).or_insert_with(|| format!("{name}#{target}"));
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    let (text, spans) = detokenise(
        &words
            .iter()
            .map(|(_, s, t)| (*s, t.as_str()))
            .collect::<Vec<_>>(),
    );
    let index: HashMap<&str, usize> = words
        .iter()
        .enumerate()
        .map(|(i, w)| (w.0.as_str(), i))
        .collect();
    let mut doc = Document {
        name: name.to_string(),
        text,
        tokens: words
            .iter()
            .zip(spans)
            .map(|((_, sentence, text), span)| GoldToken {
                text: text.clone(),
                sentence: *sentence,
                span,
            })
            .collect(),
        mentions: Vec::new(),
    };
    let token_list = |t_ids: &[String]| {
        let mut tokens: Vec<usize> = t_ids
            .iter()
            .filter_map(|t| index.get(t.as_str()).copied())
            .collect();
        tokens.sort_unstable();
        tokens.dedup();
        tokens
    };
    // Sentences checked for coreference: those with a mention of any kind in a relation.
    let checked: HashSet<u32> = mentions
        .iter()
        .filter(|(m_id, _, _)| cross.contains_key(m_id) || intra.contains_key(m_id))
        .filter_map(|(_, _, t_ids)| token_list(t_ids).first().map(|&k| words[k].1))
        .collect();
    for (m_id, kind, t_ids) in mentions {
        let tokens = token_list(&t_ids);
        let Some(&first) = tokens.first() else {
            continue;
        };
        if !checked.contains(&words[first].1) {
            continue;
        }
        let instance = cross
            .get(&m_id)
            .or_else(|| intra.get(&m_id))
            .cloned()
            .unwrap_or_else(|| format!("{name}#{m_id}"));
        doc.mentions.push(GoldMention {
            kind,
            tokens,
            instance,
        });
    }
    doc.mentions.sort_by(|a, b| a.tokens.cmp(&b.tokens));
    Ok(doc)
}

/// Tokens that attach to the word before them: "Reid 's", "said ,", "did n't".
const NO_SPACE_BEFORE: &[&str] = &[
    ",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'S", "'", "n't", "N'T", "'re", "'ve",
    "'ll", "'d", "'m", "...",
];

/// Tokens the next word attaches to: "( AP", "$ 5".
const NO_SPACE_AFTER: &[&str] = &["(", "[", "{", "$", "#"];

/// Rebuilds readable text from `(sentence, token)` pairs: one paragraph per sentence (ECB+
/// gives the sentences; a blank line keeps a headline from running into the dateline below
/// it), a space
/// between tokens except before closing punctuation and after opening brackets, `` and '' as
/// straight double quotes hugging what they quote, a slash and a hyphen before a lower-case word
/// or a digit joined to both sides ("90 - day" → "90-day"), spelt-out initials joined ("U . S ."
/// → "U.S."). Returns the text and each token's span in it.
pub fn detokenise(tokens: &[(u32, &str)]) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(tokens.len());
    let mut quote_open = false;
    let initial = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.1.chars().count() == 1 && t.1.chars().all(char::is_alphabetic))
            && tokens.get(k + 1).is_some_and(|t| t.1 == ".")
    };
    for (k, &(sentence, raw)) in tokens.iter().enumerate() {
        let mut word = raw;
        let new_line = k > 0 && tokens[k - 1].0 != sentence;
        if new_line {
            quote_open = false;
        }
        let prev = if k > 0 && !new_line {
            tokens[k - 1].1
        } else {
            ""
        };
        let quote = matches!(raw, "``" | "''" | "\"");
        let opening = raw == "``" || (raw == "\"" && !quote_open);
        let lower_or_digit = |w: &str| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
        };
        let attach = k > 0
            && !new_line
            && (NO_SPACE_BEFORE.contains(&raw)
                || NO_SPACE_AFTER.contains(&prev)
                || (quote && !opening)
                || (matches!(prev, "``") || (prev == "\"" && quote_open && !quote))
                || raw == "/"
                || prev == "/"
                || (raw == "-"
                    && prev.chars().last().is_some_and(char::is_alphanumeric)
                    && tokens.get(k + 1).is_some_and(|t| lower_or_digit(t.1)))
                || (prev == "-"
                    && lower_or_digit(raw)
                    && k >= 2
                    && tokens[k - 2]
                        .1
                        .chars()
                        .last()
                        .is_some_and(char::is_alphanumeric))
                || (prev == "." && k >= 2 && initial(k - 2) && initial(k)));
        if quote {
            word = "\"";
            quote_open = opening;
        }
        if k > 0 {
            if new_line {
                text.push_str("\n\n");
            } else if !attach {
                text.push(' ');
            }
        }
        let start = text.len();
        text.push_str(word);
        spans.push(Span::new(start, text.len()));
    }
    (text, spans)
}

/// True for the annotation types that are events: actions, reporting aside ("said" is not what
/// a claim states), negated actions aside.
pub fn is_event_kind(kind: &str) -> bool {
    kind.starts_with("ACTION") && kind != "ACTION_REPORTING"
}

/// The topic folders in `dir`: every folder holding an `.xml` file, numbers in numeric order.
pub fn topics_in(dir: &Path) -> Result<Vec<String>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
    let mut topics = Vec::new();
    for e in entries.flatten() {
        let path = e.path();
        if path.is_dir() && !xml_files(&path)?.is_empty() {
            topics.push(e.file_name().to_string_lossy().into_owned());
        }
    }
    topics.sort_by_key(|t| (t.parse::<u64>().unwrap_or(u64::MAX), t.clone()));
    Ok(topics)
}

fn xml_files(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
    let mut files: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    Ok(files)
}

/// Reads every document of one topic folder, in file-name order.
pub fn read_topic(dir: &Path) -> Result<Vec<Document>, String> {
    let mut docs = Vec::new();
    for f in xml_files(dir)? {
        let xml = std::fs::read_to_string(&f)
            .map_err(|e| format!("{}: cannot read: {e}", f.display()))?;
        let name = f
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        docs.push(read_document(&name, &xml).map_err(|e| format!("{}: {e}", f.display()))?);
    }
    Ok(docs)
}

/// Parses a topic list: "1,3,6-11".
pub fn parse_topics(list: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((a, b)) => {
                let bad = || format!("bad topic range {part:?}");
                let (a, b): (u32, u32) = (
                    a.trim().parse().map_err(|_| bad())?,
                    b.trim().parse().map_err(|_| bad())?,
                );
                if a > b || b - a > 10_000 {
                    return Err(bad());
                }
                out.extend((a..=b).map(|t| t.to_string()));
            }
            None => out.push(part.to_string()),
        }
    }
    Ok(out)
}
