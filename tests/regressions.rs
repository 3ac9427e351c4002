//! Inputs that once crashed or broke an invariant, each named with its reason. Most come from
//! the fuzzer (`scripts/fuzz.sh`, docs/fuzzing.md): a crash there is reduced to the smallest
//! text that shows it and added here with the fix, so it stays fixed without the fuzz crate.
#![cfg(not(target_arch = "wasm32"))]

use crosscheck::{analyze, offsets, Offsets, Options, Source};

/// Analyses `texts` as sources and checks that every span slices back, in bytes and after
/// conversion to UTF-16 and code points.
fn analyse_and_check(texts: &[&str]) {
    let sources: Vec<Source> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Source::new(&format!("s{}", i + 1), "n", t))
        .collect();
    let report = analyze(&sources, &Options::default());
    assert_eq!(report.sources.len(), texts.len());
    for (s, text) in report.sources.iter().zip(texts) {
        for e in &s.entities {
            assert_eq!(&text[e.start..e.end], e.text);
        }
        for c in &s.claims {
            assert_eq!(&text[c.start..c.end], c.text);
        }
    }
    for unit in [Offsets::Utf16, Offsets::Codepoints] {
        let mut r = report.clone();
        offsets::convert(&mut r, texts, unit);
        for (s, text) in r.sources.iter().zip(texts) {
            let chars: Vec<char> = text.chars().collect();
            let units: Vec<u16> = text.encode_utf16().collect();
            for e in &s.entities {
                match unit {
                    Offsets::Utf16 => assert!(units[e.start..e.end]
                        .iter()
                        .copied()
                        .eq(e.text.encode_utf16())),
                    _ => assert!(chars[e.start..e.end].iter().copied().eq(e.text.chars())),
                }
            }
        }
    }
}

/// (name, sources, reason)
const CASES: &[(&str, &[&str], &str)] = &[
    (
        "us_as_the_last_token",
        &["Officials in the US"],
        "fuzz crash-b794d45d: \"US\"/\"USD\" as the text's last token made the currency check \
         (\"US $5\") read the token after it: index out of bounds in entities/numbers.rs",
    ),
    (
        "usd_as_the_last_token",
        &["It was paid in USD"],
        "the same, spelled USD",
    ),
    (
        "us_alone",
        &["US", "USD"],
        "the same with no other token, in two sources",
    ),
    (
        "us_at_a_sentence_end_before_dollar",
        &["He lives in the US\n\n$5 was paid."],
        "\"US\" ends a sentence and \"$\" starts the next: the currency must not join across it",
    ),
];

#[test]
fn regressions() {
    for (name, texts, reason) in CASES {
        let r = std::panic::catch_unwind(|| analyse_and_check(texts));
        assert!(r.is_ok(), "{name}: {reason}");
    }
}
