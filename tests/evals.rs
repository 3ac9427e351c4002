//! The comparison's evaluation commands on tiny files written for each case, with figures
//! worked out by hand: they must read each format and score it as the task does.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn eval_pairs_scores_msrp_same_group() {
    // Reason: two paraphrases in other words and two unrelated pairs: the pipeline must group
    // exactly the two paraphrases (F1 1, accuracy 1), and the gate must pass at 1.
    let (code, out) = run(&["eval-pairs", "--min-f1", "1", &fixture("pairs/msrp.txt")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("pairs: 4 "), "{out}");
    assert!(
        out.contains("F1 1.000 accuracy 1.000 (grouped 2, same 2, both 2)"),
        "{out}"
    );
}

#[test]
fn eval_pairs_scores_sts_spearman_and_gates() {
    // Reason: the same headline, a related one and an unrelated one, scored 5, 2.6 and 0: the
    // similarity must rank them in that order (Spearman 1 on the news genre). A gate above
    // what is reached exits 1.
    let (code, out) = run(&[
        "eval-pairs",
        "--min-spearman",
        "0.99",
        &fixture("pairs/sts.csv"),
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("Spearman 1.000 on the news genre"), "{out}");
    let (code, _) = run(&[
        "eval-pairs",
        "--min-spearman",
        "1.01",
        &fixture("pairs/sts.csv"),
    ]);
    assert_eq!(code, 1, "no correlation reaches 1.01");
}

#[test]
fn eval_pairs_refuses_other_files() {
    // Reason: a file of another format gets a message and exit code 2, not a score of nothing.
    let (code, _) = run(&["eval-pairs", &fixture("fnc/bodies.csv")]);
    assert_eq!(code, 2);
}

#[test]
fn eval_fnc_reads_the_report_into_stances() {
    // Reason: FNC-1's files (quoted CSV bodies) and its score: 3 unrelated pairs (0.25 each)
    // and 3 related (1 each when the stance is right, 0.25 when only related is): the best is
    // 3.75. The pipeline must tell related from unrelated on these (accuracy 1), so the score
    // is at least 3 × 0.25 + 3 × 0.25 = 1.5 of 3.75 (40 %).
    let (code, out) = run(&[
        "eval-fnc",
        &fixture("fnc/bodies.csv"),
        &fixture("fnc/stances.csv"),
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("pairs: 6 (rows skipped: 0)"), "{out}");
    assert!(
        out.contains("related vs unrelated: accuracy 1.000"),
        "{out}"
    );
    let score: f64 = out
        .lines()
        .find_map(|l| l.strip_prefix("FNC-1 score "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|x| x.parse().ok())
        .expect("a score line");
    assert!((1.5..=3.75).contains(&score), "{out}");
    assert!(out.contains(" of 3.75:"), "{out}");
}

#[test]
fn eval_pairs_by_event_keeps_each_event_a_story_of_its_own() {
    // Reason: an ECB+ topic holds two events of one kind, its `ecb` documents telling of one
    // and its `ecbplus` documents of the other. With --by-event no pair may join documents of
    // two events; analysed whole, the topic pairs them too.
    let dir = std::env::temp_dir().join(format!("crosscheck-by-event-{}", std::process::id()));
    let topic = dir.join("1");
    std::fs::create_dir_all(&topic).unwrap();
    for (from, to) in [
        ("1_1ecb.xml", "1_1ecb.xml"),
        ("1_2ecb.xml", "1_2ecb.xml"),
        ("1_2ecb.xml", "1_3ecbplus.xml"),
    ] {
        std::fs::copy(fixture(&format!("ecbplus/1/{from}")), topic.join(to)).unwrap();
    }
    let pairs = |args: &[&str]| -> usize {
        let (code, out) = run(args);
        assert_eq!(code, 0, "{out}");
        let n = out
            .split("pairs: ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
            .and_then(|n| n.parse().ok());
        n.unwrap_or_else(|| panic!("no pair count in {out}"))
    };
    let path = dir.to_string_lossy().into_owned();
    let whole = pairs(&["eval-pairs", &path]);
    let by_event = pairs(&["eval-pairs", "--by-event", &path]);
    let one_event = pairs(&["eval-pairs", &fixture("ecbplus")]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(by_event, one_event, "only the two ecb documents pair");
    assert!(whole > by_event, "whole {whole}, by event {by_event}");
}
