//! The claims stage on one-sentence texts, as named data in tests/fixtures/claims.json: score
//! side of the threshold, certainty, attribution kind, quote, source and cue; and the certainty
//! cases in tests/fixtures/certainty.json.

use crosscheck::{analyze, Options, Source};
use serde_json::Value;

#[test]
fn claim_cases() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("fixtures/claims.json")).unwrap();
    let mut failures = Vec::new();
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let report = analyze(&[Source::new("s1", "t", text)], &Options::default());
        let report = serde_json::to_value(&report).unwrap();
        let claims = report["sources"][0]["claims"].as_array().unwrap();
        if case.get("claim") == Some(&Value::Bool(false)) {
            if !claims.is_empty() {
                failures.push(format!(
                    "{name}: should not be a claim: {:?}",
                    claims[0]["text"]
                ));
            }
            continue;
        }
        let Some(c) = claims.first() else {
            failures.push(format!("{name} ({}): no claim found", case["reason"]));
            continue;
        };
        let checks = [
            ("checkworthy", &c["checkworthy"]),
            ("certainty", &c["certainty"]),
            ("kind", &c["attribution"]["kind"]),
            ("quote", &c["attribution"]["quote"]),
            ("source", &c["attribution"]["source"]["text"]),
            ("cue", &c["attribution"]["cue"]["text"]),
        ];
        for (field, got) in checks {
            if let Some(want) = case.get(field) {
                if want != got {
                    failures.push(format!(
                        "{name} ({}): {field} is {got}, want {want} (score {})",
                        case["reason"], c["score"]
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn certainty_cases() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("fixtures/certainty.json")).unwrap();
    let mut failures = Vec::new();
    for case in &cases {
        let text = case["text"].as_str().unwrap();
        let report = serde_json::to_value(analyze(
            &[Source::new("s1", "t", text)],
            &Options::default(),
        ))
        .unwrap();
        let got = &report["sources"][0]["claims"][0]["certainty"];
        if got != &case["certainty"] {
            failures.push(format!(
                "{} ({}): {got}, want {}",
                case["name"], case["reason"], case["certainty"]
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The report of `text` as one source, as JSON.
fn report_of(text: &str) -> Value {
    serde_json::to_value(analyze(
        &[Source::new("s1", "t", text)],
        &Options::default(),
    ))
    .unwrap()
}

#[test]
fn claims_carry_their_numbers() {
    let report = report_of("Police said some 2,000 people fled and $81 million was lost.");
    let numbers = &report["sources"][0]["claims"][0]["numbers"];
    let texts: Vec<&str> = numbers
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["some 2,000", "$81 million"]);
    assert_eq!(numbers[1]["low"], 81_000_000);
    assert_eq!(numbers[1]["unit"], "USD");
}

#[test]
fn a_short_sentence_with_a_figure_is_a_claim() {
    // Reason: "Turnout was 38%." was no claim (three words), so another outlet's "a turnout of
    // roughly 35 percent" had nothing to be compared with; three words without a figure ("He
    // left early.") are still too few.
    let report = report_of("Turnout was 38%. He left early. Nine people died.");
    let texts: Vec<&str> = report["sources"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Turnout was 38%.", "Nine people died."]);
}

/// The certainty of the first claim of `text`.
fn certainty_of(text: &str) -> Value {
    let report = analyze(&[Source::new("s1", "t", text)], &Options::default());
    let report = serde_json::to_value(&report).unwrap();
    report["sources"][0]["claims"][0]["certainty"].clone()
}

#[test]
fn neither_confirm_nor_deny_is_hedged_not_denied() {
    // Reason: refusing to confirm or deny leaves a claim open; only a denial denies.
    let text = "“I can neither confirm nor deny that 40 prisoners escaped,” the spokesman said.";
    assert_eq!(certainty_of(text), "hedged");
    let text = "The ministry did not deny that 40 prisoners had escaped from the camp.";
    assert_eq!(certainty_of(text), "hedged");
    let text = "The ministry denied that 40 prisoners had escaped from the camp.";
    assert_eq!(certainty_of(text), "denied");
}

#[test]
fn another_speakers_denial_is_not_the_claims() {
    // Reason: in "workers said a pump leaked, but the company denied …" the workers state and
    // the company denies; the claim, said by the workers, is attributed, not denied.
    let text = "Two workers at the site said a pump had been leaking for a week, but the company \
                denied that any equipment had failed.";
    assert_eq!(certainty_of(text), "attributed");
    // Without a subject of its own the denial is the same speaker's.
    let text = "The mayor said the dam was inspected last year, but denied that it had failed.";
    assert_eq!(certainty_of(text), "denied");
    // A denial before the contrast is the claim's own.
    let text = "The company denied that any equipment had failed, but workers said a pump leaked.";
    assert_eq!(certainty_of(text), "denied");
}

#[test]
fn the_month_may_is_no_hedge() {
    // Reason: "in May" names a month; "may" the modal hedges.
    assert_eq!(
        certainty_of("The talks will resume in May, the minister said."),
        "attributed"
    );
    assert_eq!(
        certainty_of("The talks may resume next week, the minister said."),
        "hedged"
    );
}
