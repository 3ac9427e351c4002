//! Cross-source comparison on small texts written for each case.

use crosscheck::report::GroupStatus;
use crosscheck::{analyze, Options, Source};

fn run(texts: &[&str]) -> crosscheck::Report {
    let sources: Vec<Source> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Source::new(&format!("s{}", i + 1), &format!("n{}", i + 1), t))
        .collect();
    analyze(&sources, &Options::default())
}

#[test]
fn entities_merge_across_sources_by_folded_key() {
    // Reason: "Erdoğan" and "Erdogan" are one person; case and diacritics must not split them.
    let r = run(&[
        "Officials met President Erdoğan in Ankara.",
        "Officials met President Erdogan in ANKARA today, police said.",
    ]);
    let e = r
        .comparison
        .entities
        .iter()
        .find(|e| e.key == "erdogan")
        .expect("erdogan cluster");
    assert_eq!(e.sources.get("s1"), 1);
    assert_eq!(e.sources.get("s2"), 1);
    assert_eq!(e.names, ["Erdogan", "Erdoğan"]);
}

#[test]
fn same_claim_in_two_sources_is_corroborated() {
    // Reason: the same fact, differently worded, from two outlets.
    let r = run(&[
        "Turkish police arrested 20 ISIS suspects in Kayseri on Monday.",
        "On Monday police in Kayseri detained 20 suspected ISIS members, Turkish media said.",
    ]);
    let g = &r.comparison.claims[0];
    assert_eq!(g.status, GroupStatus::Corroborated);
    assert_eq!(g.sources, 2);
}

#[test]
fn unrelated_claims_stay_single_source() {
    // Reason: two check-worthy claims that share nothing must not be grouped.
    let r = run(&[
        "Turkish police arrested 20 ISIS suspects in Kayseri on Monday.",
        "The European Central Bank raised interest rates by 0.5 percent in Frankfurt.",
    ]);
    assert_eq!(r.comparison.claims.len(), 2);
    assert!(r
        .comparison
        .claims
        .iter()
        .all(|g| g.status == GroupStatus::SingleSource && g.sources == 1));
}

#[test]
fn every_checkworthy_claim_is_in_exactly_one_group() {
    let texts: Vec<String> = (1..=5)
        .map(|i| {
            std::fs::read_to_string(format!(
                "{}/www/examples/{}",
                env!("CARGO_MANIFEST_DIR"),
                example(i)
            ))
            .unwrap()
        })
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let r = run(&refs);
    let mut seen = std::collections::HashSet::new();
    for g in &r.comparison.claims {
        for m in &g.members {
            assert!(
                seen.insert((m.source.clone(), m.claim)),
                "claim in two groups"
            );
            let src = r.sources.iter().find(|s| s.id == m.source).unwrap();
            assert!(src.claims[m.claim].checkworthy);
        }
    }
    let checkworthy: usize = r.sources.iter().map(|s| s.summary.checkworthy).sum();
    assert_eq!(seen.len(), checkworthy);
}

fn example(i: usize) -> &'static str {
    [
        "000_0cd3fe26ffb3f28b.txt",
        "001_f719dfeaf8b1054e.txt",
        "002_729803d6a29544a0.txt",
        "003_11e3f14c1c7da7aa.txt",
        "004_9c2b090c7ed604d2.txt",
    ][i - 1]
}
