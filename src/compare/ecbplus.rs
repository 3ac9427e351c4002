//! ECB+ documents (news articles grouped by topic, with event and entity mentions tied across
//! documents) as sentence pairs for the pair model: two sentences of one topic from different
//! documents that mention one event are the same happening told twice; two that share no
//! event are not, however much they share a topic (the corpus pairs each topic with a second,
//! similar event: Esther Williams' death and Bettie Page's).

use crate::span::Span;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// One ECB+ document: its text, one sentence a line, and its annotated sentences with the events
/// (action instances, reporting left out) each mentions.
#[derive(Clone, Debug)]
pub struct Document {
    /// File name ("1_10ecb.xml").
    pub name: String,
    /// The sentences, each on a line of its own.
    pub text: String,
    /// Sentences with at least one annotated mention: their span in `text`, and what they
    /// mention.
    pub sentences: Vec<(Span, Annotated)>,
}

/// What a sentence mentions, as ECB+ instance ids (tying mentions across documents).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annotated {
    /// Events (actions, reporting left out: "said" is not what a claim states).
    pub events: BTreeSet<String>,
    /// Who and what takes part: people, organisations, things, places.
    pub participants: BTreeSet<String>,
}

/// What a markable is.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Event,
    Participant,
    Other,
}

/// Reads the documents of one topic folder, in file name order.
pub fn read_topic(dir: &Path) -> Result<Vec<Document>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let xml = std::fs::read_to_string(f)
                .map_err(|e| format!("cannot read {}: {e}", f.display()))?;
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(parse(&name, &xml))
        })
        .collect()
}

/// The value of attribute `name` in one tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let mut from = 0;
    while let Some(k) = tag[from..].find(&key) {
        let at = from + k;
        if at == 0 || tag.as_bytes()[at - 1] == b' ' {
            let i = at + key.len();
            let j = tag[i..].find('"')? + i;
            return Some(&tag[i..j]);
        }
        from = at + key.len();
    }
    None
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Joins tokens as a person writes them: no space before closing punctuation or after opening
/// marks; `` and '' become quotation marks.
pub fn detokenize(tokens: &[&str]) -> String {
    let mut out = String::new();
    let mut open_quote = false;
    let mut glue_next = false;
    for &t in tokens {
        let t = match t {
            "``" => "\"",
            "''" => "\"",
            "-LRB-" => "(",
            "-RRB-" => ")",
            other => other,
        };
        let closing = matches!(
            t,
            "." | "," | ":" | ";" | "!" | "?" | ")" | "%" | "'s" | "n't"
        ) || t.starts_with('\'') && t.len() <= 3;
        let quote = t == "\"";
        let space = !out.is_empty() && !glue_next && !closing && !(quote && open_quote);
        if space {
            out.push(' ');
        }
        out.push_str(t);
        glue_next = t == "(" || t == "$" || (quote && !open_quote);
        if quote {
            open_quote = !open_quote;
        }
    }
    out
}

/// Parses one document's XML.
pub fn parse(name: &str, xml: &str) -> Document {
    // Tokens: t_id → (sentence, text).
    let mut tokens: BTreeMap<u32, (u32, String)> = BTreeMap::new();
    for part in xml.split("<token ").skip(1) {
        let Some(end) = part.find('>') else { continue };
        let head = &part[..end];
        let Some(close) = part.find("</token>") else {
            continue;
        };
        let (Some(id), Some(s)) = (attr(head, "t_id"), attr(head, "sentence")) else {
            continue;
        };
        let (Ok(id), Ok(s)) = (id.parse(), s.parse()) else {
            continue;
        };
        tokens.insert(id, (s, unescape(&part[end + 1..close])));
    }
    // Markables: m_id → (is a non-reporting action, sentence).
    let markables = xml
        .split("<Markables>")
        .nth(1)
        .and_then(|m| m.split("</Markables>").next())
        .unwrap_or("");
    let mut mention: BTreeMap<&str, (Kind, Option<u32>)> = BTreeMap::new();
    let mut current: Option<&str> = None;
    for part in markables.split('<').skip(1) {
        if part.starts_with('/') {
            current = None;
        } else if part.starts_with("token_anchor") {
            let sentence = attr(part, "t_id")
                .and_then(|t| t.parse::<u32>().ok())
                .and_then(|t| tokens.get(&t))
                .map(|x| x.0);
            if let Some(e) = current.and_then(|m| mention.get_mut(m)) {
                e.1 = e.1.or(sentence);
            }
        } else if let Some(m) = attr(part, "m_id") {
            // Self-closing markables are instances, not mentions in the text.
            if part.trim_end().ends_with("/>") {
                continue;
            }
            let tag = part.split([' ', '>']).next().unwrap_or("");
            let kind = if tag.contains("ACTION") {
                if tag.contains("REPORTING") {
                    Kind::Other
                } else {
                    Kind::Event
                }
            } else if tag.starts_with("HUMAN") || tag.starts_with("NON_HUMAN") || tag.starts_with("LOC")
            {
                Kind::Participant
            } else {
                Kind::Other
            };
            mention.insert(m, (kind, None));
            current = Some(m);
        }
    }
    // Instances: m_id → instance id, for cross-document chains.
    let mut instance: BTreeMap<&str, &str> = BTreeMap::new();
    let relations = xml.split("<Relations>").nth(1).unwrap_or("");
    for rel in relations.split("<CROSS_DOC_COREF").skip(1) {
        let head = &rel[..rel.find('>').unwrap_or(rel.len())];
        let Some(note) = attr(head, "note") else {
            continue;
        };
        let body = rel.split("</CROSS_DOC_COREF>").next().unwrap_or("");
        for s in body.split("<source").skip(1) {
            if let Some(m) = attr(s, "m_id") {
                instance.insert(m, note);
            }
        }
    }
    let mut by_sentence: BTreeMap<u32, Vec<&str>> = BTreeMap::new();
    for (s, t) in tokens.values() {
        by_sentence.entry(*s).or_default().push(t);
    }
    let mut annotated: BTreeMap<u32, Annotated> = BTreeMap::new();
    for (m, (kind, s)) in &mention {
        let Some(s) = s else { continue };
        let a = annotated.entry(*s).or_default();
        if let Some(i) = instance.get(m) {
            match kind {
                Kind::Event => a.events.insert(i.to_string()),
                Kind::Participant => a.participants.insert(i.to_string()),
                Kind::Other => false,
            };
        }
    }
    let mut text = String::new();
    let mut sentences = Vec::new();
    for (s, words) in &by_sentence {
        let start = text.len();
        text.push_str(&detokenize(words));
        if let Some(a) = annotated.remove(s) {
            sentences.push((Span::new(start, text.len()), a));
        }
        text.push('\n');
    }
    Document {
        name: name.to_string(),
        text,
        sentences,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_join_as_written() {
        // Reason: the pipeline reads text as people write it, not one token per word.
        let t = [
            "``", "We", "did", "n't", ",", "''", "she", "said", "(", "AP", ")", ".",
        ];
        assert_eq!(detokenize(&t), "\"We didn't,\" she said (AP).");
    }

    #[test]
    fn a_document_gives_its_annotated_sentences_and_their_events() {
        // Reason: the pair data depends on reading sentences and event chains right.
        let xml = r#"<Document doc_name="x">
<token t_id="1" sentence="0" number="0">Reid</token>
<token t_id="2" sentence="0" number="1">entered</token>
<token t_id="3" sentence="0" number="2">rehab</token>
<token t_id="4" sentence="1" number="0">Fans</token>
<token t_id="5" sentence="1" number="1">said</token>
<token t_id="6" sentence="1" number="2">so</token>
<token t_id="7" sentence="2" number="0">Unmarked</token>
<Markables>
<ACTION_OCCURRENCE m_id="10"  >
  <token_anchor t_id="2"/>
</ACTION_OCCURRENCE>
<ACTION_REPORTING m_id="11"  >
  <token_anchor t_id="5"/>
</ACTION_REPORTING>
<HUMAN_PART_PER m_id="12"  >
  <token_anchor t_id="1"/>
</HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="20" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1" >
  <source m_id="10" />
  <target m_id="20" />
</CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="2" note="ACT2" >
  <source m_id="11" />
  <target m_id="21" />
</CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="3" note="HUM1" >
  <source m_id="12" />
  <target m_id="22" />
</CROSS_DOC_COREF>
</Relations>
</Document>"#;
        let d = parse("x.xml", xml);
        assert_eq!(d.text, "Reid entered rehab\nFans said so\nUnmarked\n");
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(&d.text[d.sentences[0].0], "Reid entered rehab");
        assert_eq!(
            d.sentences[0].1.events.iter().collect::<Vec<_>>(),
            [&"ACT1".to_string()]
        );
        assert_eq!(
            d.sentences[0].1.participants.iter().collect::<Vec<_>>(),
            [&"HUM1".to_string()]
        );
        // A reporting event does not count.
        assert_eq!(&d.text[d.sentences[1].0], "Fans said so");
        assert!(d.sentences[1].1.events.is_empty());
    }
}
