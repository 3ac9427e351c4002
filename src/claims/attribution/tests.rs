//! Unit tests of the patterns.

use super::*;
use crate::claims::list;
use crate::segment::segment;

fn all(text: &str) -> Vec<(String, String, Option<String>)> {
    let seg = segment(text);
    (0..seg.sentences.len())
        .flat_map(|i| find_all(text, &seg, i, &[], &[]))
        .map(|a| {
            (
                a.source.map_or(String::new(), |s| text[s].to_string()),
                a.cue.map_or(String::new(), |s| text[s].to_string()),
                a.via.map(|s| text[s].to_string()),
            )
        })
        .collect()
}

/// [`all`] with the names the tagger finds, as the pipeline gives them.
fn all_named(text: &str) -> Vec<(String, String)> {
    let seg = segment(text);
    let mentions = crate::entities::find(text, &seg);
    (0..seg.sentences.len())
        .flat_map(|i| find_all(text, &seg, i, &mentions, &[]))
        .map(|a| {
            (
                a.source.map_or(String::new(), |s| text[s].to_string()),
                a.cue.map_or(String::new(), |s| text[s].to_string()),
            )
        })
        .collect()
}

#[test]
fn words_in_lower_case_with_their_cue_share() {
    let text = "Said “ — Émile ΟΔΟΣ said";
    let seg = segment(text);
    let words = Words::new(text, &seg);
    let lower: Vec<&str> = (0..seg.tokens.len()).map(|k| words.lower(k)).collect();
    assert_eq!(lower, ["said", "“", "—", "émile", "οδος", "said"]);
    assert_eq!(words.lower(99), "");
    assert!(words.cue[0] >= 0.0, "a cue word once lower-cased");
    assert_eq!(words.cue[0], words.cue[5]);
    assert!(words.lists[0] & list::CUE != 0);
    assert_eq!(words.cue[3], -1.0);
}

#[test]
fn quotation_marks_of_every_style() {
    let text = "A ''b c'' d „e“ f “g,“ h `` i '' j";
    let seg = segment(text);
    let quoted: Vec<&str> = quoted_tokens(text, &seg)
        .iter()
        .zip(&seg.tokens)
        .filter(|(q, _)| **q)
        .map(|(_, t)| &text[t.span])
        .collect();
    assert_eq!(quoted, ["b", "c", "e", "g", ",", "i"]);
}

#[test]
fn quotation_state_starts_at_the_line() {
    // A quotation left open on one line does not run into the next.
    let text = "“It was open.\nOfficials said 20 people fled.";
    let seg = segment(text);
    let q = quoted_tokens(text, &seg);
    let officials = seg
        .tokens
        .iter()
        .position(|t| &text[t.span] == "Officials")
        .unwrap();
    assert!(!q[officials]);
}

#[test]
fn web_addresses_split_by_the_tokenizer_are_one_outlet() {
    let got = all("The minister told Al Arabiya.net that the border was closed.");
    assert_eq!(got[0].2.as_deref(), Some("Al Arabiya.net"));
    let got = all("Some 300 fighters crossed, according to wnd.com.");
    assert_eq!(got[0].0, "wnd.com");
}

#[test]
fn time_phrases_between_source_and_cue() {
    let got = all("The committee this week announced that it would appeal.");
    assert_eq!(got[0].0, "The committee");
    let got = all("Trump on Tuesday said that he would appeal.");
    assert_eq!(got[0].0, "Trump");
}

#[test]
fn passive_agent_is_the_source() {
    let got = all("The news was first reported by the Miami Herald on Monday.");
    assert_eq!(got[0].0, "the Miami Herald");
    assert_eq!(got[0].1, "was first reported");
}

#[test]
fn a_headline_name_before_a_colon() {
    let got = all_named("Dr. Ben Carson: Clinton is not fit to serve");
    assert_eq!(
        got.first().map(|(s, c)| (s.as_str(), c.as_str())),
        Some(("Dr. Ben Carson", ":"))
    );
    // A transcript's speaker in capitals, and a poll, tell what follows.
    let got = all_named("WALLACE: Do you accept the result?");
    assert_eq!(got.first().map(|(s, _)| s.as_str()), Some("WALLACE"));
    let got = all_named("Poll: Clinton and Trump in dead heat heading into first debate");
    assert_eq!(got.first().map(|(s, _)| s.as_str()), Some("Poll"));
}

#[test]
fn an_editors_label_or_a_title_before_a_colon_is_no_speaker() {
    // Reason: PolNeAR dev gave "Correction:", "CLARIFICATION:", "Source:" and titles such as
    // "Stealth Over Health:" as speakers of the lines after them.
    for text in [
        "Correction: An earlier version of this article misstated the date of the vote",
        "Source: Bureau of Labor Statistics figures for August",
        "CLARIFICATION: This story has been updated",
        "Still Waiting: families of the missing ask for answers",
    ] {
        assert_eq!(all_named(text), Vec::<(String, String)>::new(), "{text}");
    }
}

#[test]
fn an_imperative_opens_no_speaker() {
    // Reason: PolNeAR dev gave "please" ("please read our policy"), "let editorials" ("may not
    // let editorials tell them how to vote") and "Having" ("Having said that") as sources.
    for text in [
        "Readers may not let editorials tell them how to vote.",
        "For more, please read our guide to the debate.",
        "Having said that, the race is far from over.",
    ] {
        let got = all_named(text);
        assert!(
            got.iter().all(|(s, _)| !["let", "please", "having"]
                .iter()
                .any(|w| s.to_lowercase().starts_with(w))),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn a_quotation_signed_after_a_dash() {
    let got = all("“He represents our greatest shame.” ― Sonya Herridge\n“Next one.”");
    assert_eq!(
        (got[0].0.as_str(), got[0].1.as_str()),
        ("Sonya Herridge", "―")
    );
    let got = all("\"It needs to stop.\"\n\n- Michelle Marks, Philadelphia.");
    assert_eq!(got[0].0, "Michelle Marks");
    // A dash inside a sentence signs nothing.
    let got = all("The senator — a Democrat — voted against the bill.");
    assert!(got.iter().all(|a| a.1 != "—"), "{got:?}");
}

#[test]
fn a_transcript_speaker_inside_quotation_marks() {
    let got = all("Partial transcript:\n\n\"WALLACE: Let’s start with the debate.\n\n\"PENCE: Well, look, it was a good night.");
    let speakers: Vec<&str> = got
        .iter()
        .filter(|a| a.1 == ":")
        .map(|a| a.0.as_str())
        .collect();
    assert_eq!(speakers, ["WALLACE", "PENCE"]);
}

/// Every candidate (source, cue), accepted or not: what the rules propose, whatever the
/// weights make of it.
fn proposed(text: &str) -> Vec<(String, String)> {
    let seg = segment(text);
    (0..seg.sentences.len())
        .flat_map(|i| candidates(text, &seg, i, &[]))
        .filter_map(|c| {
            let a = c.attribution;
            Some((text[a.source?].to_string(), text[a.cue?].to_string()))
        })
        .collect()
}

fn has(got: &[(String, String)], source: &str, cue: &str) -> bool {
    got.iter().any(|(s, c)| s == source && c == cue)
}

#[test]
fn the_object_of_a_control_verb_speaks_the_infinitive() {
    let got = proposed("The win led her to declare that the nomination was in sight.");
    assert!(has(&got, "her", "to declare"), "{got:?}");
    let got = proposed("The attack may prompt some Democrats to reconsider their support.");
    assert!(has(&got, "some Democrats", "to reconsider"), "{got:?}");
}

#[test]
fn the_subject_of_the_verb_before_an_infinitive_cue() {
    let got = proposed("The House is likely to consider the Senate version of the bill.");
    assert!(has(&got, "The House", "to consider"), "{got:?}");
    let got = proposed("AFL-CIO to endorse Clinton");
    assert!(has(&got, "AFL-CIO", "to endorse"), "{got:?}");
}

#[test]
fn the_agent_of_a_noun_cue_after_a_preposition() {
    let got = proposed("The bill drew sharp criticism from the National Education Association.");
    assert!(
        has(&got, "the National Education Association", "criticism from"),
        "{got:?}"
    );
    // A possessor speaks first: "Trump's endorsement of Cruz" is Trump's.
    let got = proposed("Trump's endorsement of Cruz surprised many.");
    assert!(!has(&got, "Cruz", "endorsement of"), "{got:?}");
}

#[test]
fn shares_of_a_poll_and_auxiliaries_before_the_cue() {
    let got = proposed("On social issues, 42% say they are liberal.");
    assert!(has(&got, "42%", "say"), "{got:?}");
    let got = proposed("Most voters would be scared if he won.");
    assert!(has(&got, "Most voters", "would be scared"), "{got:?}");
}

#[test]
fn a_clause_between_commas_is_no_apposition() {
    // "for some, … would …" has its own verb: the name after "said" is the source.
    let text = "But for some, the losses would outstrip the gains, said Batchelder.";
    let got = proposed(text);
    assert!(has(&got, "Batchelder", "said"), "{got:?}");
    // An apposition still keeps the source before the cue.
    let text = "Mehmet Yilmaz, a security expert at Ankara University, said Turkish officials.";
    let got = proposed(text);
    assert!(
        has(
            &got,
            "Mehmet Yilmaz, a security expert at Ankara University",
            "said"
        ),
        "{got:?}"
    );
}

#[test]
fn a_subject_set_off_by_dashes() {
    let text = "Gov. Chris Christie — who is being vetted as a running mate — said the plan works.";
    let got = proposed(text);
    let christie = "Gov. Chris Christie — who is being vetted as a running mate —";
    assert!(has(&got, christie, "said"), "{got:?}");
}

#[test]
fn speech_and_belief_verbs_are_cues_acts_are_not() {
    // Reason: a claim's source is who says or believes it; "opened", "sued", "pledged" are
    // acts of the subject, whatever PolNeAR marks.
    for w in [
        "said",
        "says",
        "told",
        "added",
        "warned",
        "believes",
        "thought",
        "insisted",
        "noted",
        "denied",
        "replies",
        "testified",
    ] {
        assert!(lexicon::speech_or_belief(w), "{w}");
    }
    for w in [
        "opened",
        "sued",
        "pledged",
        "planning",
        "plotting",
        "gave",
        "establishes",
    ] {
        assert!(!lexicon::speech_or_belief(w), "{w}");
    }
    let text =
        "Farrow pledged to build it. Farrow has said so. Trump's claim that. His promise to.";
    let seg = segment(text);
    let cue = |w: &str| {
        let t = seg.tokens.iter().find(|t| &text[t.span] == w).unwrap();
        Attribution {
            cue: Some(t.span),
            ..Attribution::none()
        }
    };
    assert!(!says(text, &cue("pledged")));
    assert!(says(text, &cue("said")));
    assert!(says(text, &cue("claim")));
    assert!(!says(text, &cue("promise")));
}

#[test]
fn the_trailing_speaker_of_a_sentence_is_its_source() {
    // Reason: "X are plotting …, Y told Z on Monday." — the earlier cue is inside what Y
    // says; its subject is the content, not the source.
    let text = "Rebels are plotting new attacks in the east, the head of intelligence told the \
                Courier on Monday.";
    let seg = segment(text);
    let a = Attributions::new(text, &seg, &[]).find(0);
    assert_eq!(a.source.map(|s| &text[s]), Some("the head of intelligence"));
    // Without the comma the first cue stays.
    let text = "The minister said the head of intelligence told the Courier about it.";
    let seg = segment(text);
    let a = Attributions::new(text, &seg, &[]).find(0);
    assert_eq!(a.source.map(|s| &text[s]), Some("The minister"));
}

#[test]
fn an_age_between_commas_belongs_to_the_name_before_it() {
    // Reason: "Kemal Aydin, 54, a farmer, said" — the source is the man, not his age.
    let got = proposed("Kemal Aydin, 54, a farmer from the village, said 300 trucks had crossed.");
    assert!(
        has(&got, "Kemal Aydin, 54, a farmer from the village", "said"),
        "{got:?}"
    );
}
