//! What the comparison tests share: running texts as sources, the stories under
//! tests/fixtures/, and finding a claim's group.
// Each test file uses some of these.
#![allow(dead_code)]

use crosscheck::report::{GroupStatus, Stance};
use crosscheck::{analyze, Options, Source};

pub fn run(texts: &[&str]) -> crosscheck::Report {
    let sources: Vec<Source> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Source::new(&format!("s{}", i + 1), &format!("n{}", i + 1), t))
        .collect();
    analyze(&sources, &Options::default())
}

pub fn example(i: usize) -> &'static str {
    [
        "000_0cd3fe26ffb3f28b.txt",
        "001_f719dfeaf8b1054e.txt",
        "002_729803d6a29544a0.txt",
        "003_11e3f14c1c7da7aa.txt",
        "004_9c2b090c7ed604d2.txt",
    ][i - 1]
}

pub fn group_of<'a>(
    r: &'a crosscheck::Report,
    source: &str,
    needle: &str,
) -> &'a crosscheck::report::ClaimGroup {
    let src = r.sources.iter().find(|s| s.id == source).unwrap();
    let claim = src
        .claims
        .iter()
        .position(|c| c.text.contains(needle))
        .unwrap_or_else(|| panic!("no claim with {needle:?}"));
    r.comparison
        .claims
        .iter()
        .find(|g| {
            g.members
                .iter()
                .any(|m| m.source == source && m.claim == claim)
        })
        .unwrap_or_else(|| panic!("claim {needle:?} in no group"))
}

/// The member of `g` from source `source`.
pub fn member<'a>(
    g: &'a crosscheck::report::ClaimGroup,
    source: &str,
) -> &'a crosscheck::report::Member {
    g.members
        .iter()
        .find(|m| m.source == source)
        .unwrap_or_else(|| panic!("no member from {source}: {g:?}"))
}

/// A story of three outlets' articles under tests/fixtures/, written for these tests.
pub fn story(dir: &str, files: [&str; 3]) -> crosscheck::Report {
    let dir = format!("{}/tests/fixtures/{dir}/", env!("CARGO_MANIFEST_DIR"));
    let texts: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(format!("{dir}{f}")).expect("fixture"))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    run(&refs)
}

/// The derailment story.
pub fn derailment() -> crosscheck::Report {
    story("derailment", ["wire.txt", "local.txt", "national.txt"])
}

/// The dam-breach story.
pub fn dam() -> crosscheck::Report {
    story("dam", ["regional.txt", "wire.txt", "national.txt"])
}

/// The ferry story: three outlets on a ferry that sank, with tolls of the dead, the missing and
/// the rescued.
pub fn ferry() -> crosscheck::Report {
    story("ferry", ["wire.txt", "daily.txt", "business.txt"])
}

/// The pilots' strike story.
pub fn strike() -> crosscheck::Report {
    story("strike", ["business.txt", "wire.txt", "daily.txt"])
}

/// The airline story: an engine fire, a grounded fleet, three outlets (written for the tests).
pub fn airline() -> crosscheck::Report {
    story("airline", ["wire.txt", "daily.txt", "business.txt"])
}

/// The bribery story: a state senator indicted, three outlets (written for the tests).
pub fn bribery() -> crosscheck::Report {
    story("bribery", ["wire.txt", "daily.txt", "local.txt"])
}

/// The ransomware story: a hospital network attacked, three outlets (written for the tests).
pub fn ransomware() -> crosscheck::Report {
    story("ransomware", ["wire.txt", "local.txt", "tech.txt"])
}

/// The hospital-chain cyberattack story: a payment told and denied, a share price, ambulances
/// diverted from some of its hospitals (three outlets, written for the tests).
pub fn cyberattack() -> crosscheck::Report {
    story("cyberattack", ["wire.txt", "paper.txt", "tv.txt"])
}

/// The shipping merger story: a price in two currencies, a premium, a stock's move told in
/// other words (three outlets, written for the tests).
pub fn merger() -> crosscheck::Report {
    story("merger", ["wire.txt", "paper.txt", "tv.txt"])
}

/// The wildfire a utility's line may have started: a toll in dispute, an area burned told in
/// three roundings, an evacuation counted in people and residents, a denial (three outlets,
/// written for the tests).
pub fn utility_fire() -> crosscheck::Report {
    story("utility-fire", ["wire.txt", "paper.txt", "tv.txt"])
}

/// Asserts that group `g` is in conflict over two figures: `a` and `b` both in its words.
pub fn assert_numeric_conflict(g: &crosscheck::report::ClaimGroup, a: &str, b: &str) {
    assert!(g.sources >= 2, "{g:?}");
    assert_eq!(g.status, GroupStatus::Conflicting, "{g:?}");
    let c = g.conflict.as_ref().unwrap();
    assert_eq!(c.kind, crosscheck::report::ConflictKind::Numeric, "{c:?}");
    assert!(c.detail.contains(a) && c.detail.contains(b), "{c:?}");
}

/// Asserts that no member of group `g` disputes it by a denial.
pub fn assert_no_denial(g: &crosscheck::report::ClaimGroup) {
    assert!(
        g.conflict
            .as_ref()
            .is_none_or(|c| c.kind != crosscheck::report::ConflictKind::Negation),
        "{g:?}"
    );
    assert!(
        g.members.iter().all(|m| m.stance != Stance::Disputes),
        "{g:?}"
    );
}

/// The voting-law court story.
pub fn court() -> crosscheck::Report {
    story("court", ["wire.txt", "local.txt", "national.txt"])
}

/// The chemical-fire story.
pub fn fire() -> crosscheck::Report {
    story("fire", ["wire.txt", "local.txt", "business.txt"])
}

/// The carmaker layoffs story.
pub fn layoffs() -> crosscheck::Report {
    story("layoffs", ["wire.txt", "local.txt", "business.txt"])
}

/// The interest-rate story.
pub fn rates() -> crosscheck::Report {
    story("rates", ["wire.txt", "business.txt", "local.txt"])
}

/// Three short reports of one ferry accident, each giving its own tolls in its own words.
pub const FERRY_TOLLS: [&str; 3] = [
    "A passenger ferry capsized on Lake Tana on Sunday, killing nine people and injuring 40, \
     regional officials said. The ferry was carrying about 120 passengers. Divers searched the \
     lake until nightfall. The operator has suspended its other routes.",
    "Nine people died and 38 were hurt when an overloaded boat overturned near Bahir Dar, the \
     police said. Witnesses said the vessel tilted in strong wind. Relatives gathered at the \
     port. The regional governor promised an inquiry into the accident.",
    "At least 40 people were injured. Rescue teams pulled survivors from the water for hours. \
     Eleven people were killed, hospital staff said. The vessel was licensed for 80 passengers.",
];

pub fn nurses() -> crosscheck::Report {
    story("nurses", ["wire.txt", "paper.txt", "tv.txt"])
}

/// The air strike story: a hospital hit, three outlets (written for the tests).
pub fn airstrike() -> crosscheck::Report {
    story("airstrike", ["wire.txt", "paper.txt", "tv.txt"])
}

/// The resignation story: a minister quits over expenses, three outlets (written for the
/// tests).
pub fn resignation() -> crosscheck::Report {
    story("resignation", ["wire.txt", "paper.txt", "tv.txt"])
}

/// The recall story: infant formula pulled after bacteria are found, three outlets (written
/// for the tests).
pub fn recall() -> crosscheck::Report {
    story("recall", ["wire.txt", "paper.txt", "tv.txt"])
}
