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

#[test]
fn claims_carry_their_numbers() {
    let text = "Police said some 2,000 people fled and $81 million was lost.";
    let report = serde_json::to_value(analyze(
        &[Source::new("s1", "t", text)],
        &Options::default(),
    ))
    .unwrap();
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
