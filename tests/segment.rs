//! The segmenter's cases, as named data in tests/fixtures/segment.json, each with its reason.

use crosscheck::segment::segment;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    reason: String,
    text: String,
    sentences: Vec<String>,
}

#[test]
fn segmenter_cases() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("fixtures/segment.json")).unwrap();
    assert!(cases.len() >= 10);
    let mut failures = Vec::new();
    for case in &cases {
        let seg = segment(&case.text);
        let got: Vec<&str> = seg.sentences.iter().map(|s| &case.text[s.span]).collect();
        if got != case.sentences {
            failures.push(format!(
                "{} ({}):\n  want {:?}\n  got  {:?}",
                case.name, case.reason, case.sentences, got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn tokens_keep_names_and_numbers_whole() {
    let text = "Erdoğan’s men met al-Baghdadi; 2,164 of 40k fled the U.S. in 2.5 days.";
    let seg = segment(text);
    let toks: Vec<&str> = seg.tokens.iter().map(|t| &text[t.span]).collect();
    for want in [
        "Erdoğan",
        "’s",
        "al-Baghdadi",
        "2,164",
        "40k",
        "U.S.",
        "2.5",
    ] {
        assert!(toks.contains(&want), "{want:?} not a token in {toks:?}");
    }
}

#[test]
fn every_token_is_in_one_sentence_in_order() {
    let text = "A.\n\nB c d. E f? “G h,” i said. J\nk l.\n";
    let seg = segment(text);
    let mut next = 0;
    for s in &seg.sentences {
        assert_eq!(s.tokens.start, next);
        assert!(s.tokens.end > s.tokens.start);
        next = s.tokens.end;
    }
    assert_eq!(next, seg.tokens.len());
}
