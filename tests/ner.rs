//! The name tagger's evaluation and training commands on a small CoNLL file written for the
//! tests (tests/fixtures/ner/sample.conll): the scores table and its machine-readable last line,
//! `--min-f1` exit codes, bad input, and training that is deterministic and gives a model that
//! loads.

use crosscheck::entities::tagger::{self, train};
use crosscheck::eval;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");
const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/ner/sample.conll"
);

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn eval_ner_prints_scores_and_a_last_line() {
    // Reason: CI reads the last line; people read the table.
    let (code, out, err) = run(&["eval-ner", SAMPLE]);
    assert_eq!(code, 0, "{err}");
    for row in ["PER ", "LOC ", "ORG ", "MISC ", "PER+LOC+ORG", "all four"] {
        assert!(out.contains(row), "no {row:?} row in\n{out}");
    }
    let last = out.trim_end().lines().last().unwrap();
    let fields: Vec<&str> = last.split(' ').collect();
    assert_eq!(fields.len(), 5, "{last}");
    assert_eq!(
        (fields[0], fields[1], fields[3]),
        ("ner-f1", "per-loc-org", "all")
    );
    let f1: f64 = fields[2].parse().unwrap();
    // Reason: the sample is plain news text; the tagger must get nearly all of it.
    assert!(f1 >= 90.0, "{out}");
}

#[test]
fn min_f1_sets_the_exit_code() {
    // Reason: CI fails the build below the target and passes above it.
    let (code, _, err) = run(&["eval-ner", "--min-f1", "100.1", SAMPLE]);
    assert_eq!(code, 1);
    assert!(err.contains("below"), "{err}");
    let (code, _, _) = run(&["eval-ner", "--min-f1", "50", SAMPLE]);
    assert_eq!(code, 0);
}

#[test]
fn bad_conll_is_refused_with_the_line() {
    // Reason: a wrong file gives a message naming the line, exit code 2, not a score of 0.
    let dir = std::env::temp_dir().join(format!("crosscheck-ner-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.conll");
    std::fs::write(&bad, "EU NNP B-ORG\nrejects VBZ X-TAG\n").unwrap();
    let (code, out, err) = run(&["eval-ner", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("line 2"), "{err}");
    let (code, _, _) = run(&["eval-ner", dir.join("missing.conll").to_str().unwrap()]);
    assert_eq!(code, 2);
}

#[test]
fn ontonotes_labels_map_back_to_conll_types() {
    // Reason: GPE and LOC both score as LOC, NORP as MISC, as spaCy users map them.
    let s = eval::evaluate(&std::fs::read_to_string(SAMPLE).unwrap()).unwrap();
    assert_eq!(s.get(eval::Coarse::Loc).tp, 10);
    assert_eq!(s.get(eval::Coarse::Misc).tp, 2);
}

#[test]
fn training_is_deterministic_and_its_model_loads() {
    // Reason: one command, same data, same bytes; what it writes is what the library reads.
    let data = std::fs::read_to_string(SAMPLE).unwrap();
    let corpus = train::Corpus::new(&data).unwrap();
    let cfg = train::Config {
        epochs: 2,
        bits: 14,
        lexicon_bits: 10,
        ..train::Config::default()
    };
    let mut log = Vec::new();
    let a = train::train(&cfg, &corpus, &corpus, &mut |l| log.push(l.to_string())).unwrap();
    let b = train::train(&cfg, &corpus, &corpus, &mut |_| {}).unwrap();
    assert_eq!(a, b);
    assert!(log.iter().any(|l| l.starts_with("epoch  2:")), "{log:?}");
    assert!(tagger::Model::parse(&a).is_ok());
    assert!(tagger::Model::parse(&a[..a.len() - 1]).is_err());
}
