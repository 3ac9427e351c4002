//! Check-worthiness: the reasons named in tests/fixtures/claims.json, scores in [0, 1], and the
//! CLEF-2019 evaluation on a tiny folder written here.

use crosscheck::claims::checkworthy_eval::{eval_checkworthy, read_transcripts};
use crosscheck::{analyze, Options, Source};
use serde_json::Value;
use std::path::PathBuf;

fn claims_of(text: &str) -> Vec<Value> {
    let report = analyze(&[Source::new("s1", "t", text)], &Options::default());
    let report = serde_json::to_value(&report).unwrap();
    report["sources"][0]["claims"].as_array().unwrap().clone()
}

#[test]
fn fixture_reasons() {
    let cases: Vec<Value> = serde_json::from_str(include_str!("fixtures/claims.json")).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in cases.iter().filter(|c| c.get("reasons").is_some()) {
        let name = case["name"].as_str().unwrap();
        let claims = claims_of(case["text"].as_str().unwrap());
        let Some(c) = claims.first() else {
            failures.push(format!("{name}: no claim"));
            continue;
        };
        let got: Vec<&str> = c["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap())
            .collect();
        for want in case["reasons"].as_array().unwrap() {
            if !got.contains(&want.as_str().unwrap()) {
                failures.push(format!(
                    "{name} ({}): reasons {got:?} lack {want} (score {})",
                    case["reason"], c["score"]
                ));
            }
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} cases name reasons");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn scores_are_in_range_and_flags_follow_the_threshold() {
    let text = "Good evening.\n\nUnemployment fell to 3.5 percent in September.\n\n\
                I think we should all be kinder.\n\nThe bridge collapsed on Tuesday, killing 12 people.\n\n\
                ¡Hola! Ça va très bien, merci — 東京 is big.";
    let claims = claims_of(text);
    assert!(claims.len() >= 3);
    for c in &claims {
        let s = c["score"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&s), "{c}");
        assert_eq!(
            c["checkworthy"].as_bool().unwrap(),
            s >= crosscheck::CHECKWORTHY_THRESHOLD,
            "{c}"
        );
    }
}

/// A fresh folder under the system temp dir.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "crosscheck-checkworthy-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn eval_on_a_tiny_folder() {
    let dir = temp_dir("eval");
    // a: the statistic is the selected line and ranks first: AP 1.
    std::fs::write(
        dir.join("a.tsv"),
        "1\tHOST\tGood evening and welcome to the debate.\t0\n\
         2\tA\tUnemployment fell to 3.5 percent in September, the lowest rate since 1969.\t1\n\
         3\tB\tI think we should all be a little kinder to each other.\t0\n\
         4\tHOST\tWhat do you say to that?\t0\n",
    )
    .unwrap();
    // b: the selected line is a question (no claim, score 0), tied with the other question and
    // after it in line order: rank 4 of 4, AP 0.25.
    std::fs::write(
        dir.join("b.tsv"),
        "1\tHOST\tWhy now?\t0\n\
         2\tA\tThe company employs about 4,000 people in Ohio and Michigan.\t0\n\
         3\tA\tThank you all so much for coming tonight.\t0\n\
         4\tB\tDid you cut 300 jobs?\t1\n",
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "not a transcript").unwrap();
    let eval = eval_checkworthy(&dir).unwrap();
    assert_eq!(eval.transcripts.len(), 2);
    assert_eq!(eval.transcripts[0].name, "a");
    assert!(
        (eval.transcripts[0].measures.ap - 1.0).abs() < 1e-9,
        "{eval}"
    );
    assert!(
        (eval.transcripts[1].measures.ap - 0.25).abs() < 1e-9,
        "{eval}"
    );
    assert!((eval.map() - 0.625).abs() < 1e-9);
    let report = eval.report();
    let last = report.lines().last().unwrap();
    assert_eq!(
        last,
        "checkworthy MAP 0.625 R-prec 0.500 P@10 0.100 transcripts 2"
    );
    assert_eq!(report.lines().count(), 3);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_folders_are_refused_with_a_message() {
    let dir = temp_dir("bad");
    let err = eval_checkworthy(&dir).unwrap_err();
    assert!(err.contains("no *.tsv"), "{err}");
    std::fs::write(dir.join("x.tsv"), "1\tA\ttext\t1\n2\tA\tmore text\n").unwrap();
    let err = read_transcripts(&dir).unwrap_err();
    assert!(err.contains("x:2"), "{err}");
    let err = eval_checkworthy(&dir.join("missing")).unwrap_err();
    assert!(err.contains("cannot read"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
