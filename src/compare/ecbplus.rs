//! ECB+ topics (news articles grouped by topic, with event and entity mentions tied across
//! documents; read by `crate::eval::ecbplus`) as sentence pairs for the pair model. Two
//! sentences of one topic from different documents state the same thing when most of their
//! events are the same and they share a participant. They do not when they share no event,
//! however much they share a topic (the corpus pairs each topic with a second, similar event:
//! Esther Williams' death and Bettie Page's), nor when one event in common is a small part of
//! what they tell: "a fire killed 12" and "the owner is investigating the cause of the fire" are
//! about one fire but are two claims.

use crate::eval::ecbplus::{is_entity_kind, is_event_kind, Document};
use crate::span::Span;
use std::collections::{BTreeMap, BTreeSet};

/// What a sentence mentions, as ECB+ instance ids (tying mentions across documents).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annotated {
    /// Events (actions, reporting left out: "said" is not what a claim states).
    pub events: BTreeSet<String>,
    /// Who and what takes part: people, organisations, things, places.
    pub participants: BTreeSet<String>,
}

/// Whether two sentences state the same thing: `Some(true)` when at least half of their events
/// (counted once) are the same and they share a participant, `Some(false)` when they share no
/// event or under a third of them, `None` (left out) in between or for one event of other
/// participants ("died" of two people).
pub fn same_claim(a: &Annotated, b: &Annotated) -> Option<bool> {
    let common = a.events.intersection(&b.events).count();
    let all = a.events.union(&b.events).count();
    if common == 0 {
        return Some(false);
    }
    let share = common as f64 / all as f64;
    if share < 1.0 / 3.0 {
        return Some(false);
    }
    if share < 0.5 || a.participants.is_disjoint(&b.participants) {
        return None;
    }
    Some(true)
}

/// One gold mention of a document as the pair data needs it: where it starts (bytes), whether
/// it is an event (else a participant), and its instance id.
pub type Marked = (usize, bool, String);

/// The event and participant mentions of a document, by where they start.
pub fn marked(doc: &Document) -> Vec<Marked> {
    let mut out: Vec<Marked> = doc
        .mentions
        .iter()
        .filter_map(|m| {
            let &first = m.tokens.first()?;
            let event = is_event_kind(&m.kind);
            (event || is_entity_kind(&m.kind))
                .then(|| (doc.tokens[first].span.start, event, m.instance.clone()))
        })
        .collect();
    out.sort();
    out
}

/// What the mentions starting inside `span` name.
pub fn annotated_in(marked: &[Marked], span: Span) -> Annotated {
    let mut a = Annotated::default();
    let first = marked.partition_point(|m| m.0 < span.start);
    for (_, event, id) in marked[first..].iter().take_while(|m| m.0 < span.end) {
        if *event {
            a.events.insert(id.clone());
        } else {
            a.participants.insert(id.clone());
        }
    }
    a
}

/// The checked sentences of a document (those with mentions), each with its span in the text
/// and what it mentions, in order.
pub fn sentences(doc: &Document) -> Vec<(Span, Annotated)> {
    let mut by_sentence: BTreeMap<u32, Annotated> = BTreeMap::new();
    for m in &doc.mentions {
        let Some(&first) = m.tokens.first() else {
            continue;
        };
        let a = by_sentence.entry(doc.tokens[first].sentence).or_default();
        if is_event_kind(&m.kind) {
            a.events.insert(m.instance.clone());
        } else if is_entity_kind(&m.kind) {
            a.participants.insert(m.instance.clone());
        }
    }
    by_sentence
        .into_iter()
        .filter_map(|(s, a)| {
            let mut tokens = doc.tokens.iter().filter(|t| t.sentence == s);
            let first = tokens.next()?;
            let last = tokens.next_back().unwrap_or(first);
            Some((Span::new(first.span.start, last.span.end), a))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::ecbplus::read_document;

    #[test]
    fn a_document_gives_its_checked_sentences_with_events_and_participants() {
        // Reason: the pair data depends on reading sentences, event chains and participants
        // right; a reporting verb is no event.
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
<ACTION_REPORTING m_id="21" instance_id="ACT2"/>
<HUMAN_PART_PER m_id="22" instance_id="HUM1"/>
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
        let d = read_document("x", xml).unwrap();
        let s = sentences(&d);
        assert_eq!(s.len(), 2);
        assert_eq!(&d.text[s[0].0], "Reid entered rehab");
        assert_eq!(s[0].1.events.iter().collect::<Vec<_>>(), ["ACT1"]);
        assert_eq!(s[0].1.participants.iter().collect::<Vec<_>>(), ["HUM1"]);
        assert_eq!(&d.text[s[1].0], "Fans said so");
        assert!(s[1].1.events.is_empty());
    }

    fn annotated(events: &[&str], participants: &[&str]) -> Annotated {
        Annotated {
            events: events.iter().map(|s| s.to_string()).collect(),
            participants: participants.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn one_claim_needs_most_events_in_common_and_a_participant() {
        // Reason: sentences of one story nearly all mention its main event; sharing it is not
        // stating the same thing, and a model taught so groups the whole story.
        let killed = annotated(&["fire", "kill"], &["workers", "plant"]);
        let died = annotated(&["fire", "kill", "sweep"], &["workers"]);
        let inquiry = annotated(
            &["fire", "cause", "investigate", "own"],
            &["owner", "plant"],
        );
        let other = annotated(&["flood"], &["workers"]);
        let elsewhere = annotated(&["fire", "kill"], &["miners"]);
        assert_eq!(same_claim(&killed, &died), Some(true));
        assert_eq!(same_claim(&killed, &inquiry), Some(false));
        assert_eq!(same_claim(&killed, &other), Some(false));
        assert_eq!(same_claim(&killed, &elsewhere), None);
        assert_eq!(same_claim(&died, &inquiry), Some(false));
    }
}
