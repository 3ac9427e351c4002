//! Properties over arbitrary text: analysis never panics, every span is in bounds, on char
//! boundaries and slices back to its `text`, and output is deterministic.
#![cfg(not(target_arch = "wasm32"))]

use crosscheck::{analyze, offsets, Offsets, Options, Source};
use proptest::prelude::*;

/// Text built from pieces that exercise the recognisers, mixed with arbitrary characters.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Turkey".to_string()),
        Just("Erdoğan".to_string()),
        Just("İstanbul".to_string()),
        Just(" said ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("U.S.".to_string()),
        Just("Lt. Gen. ".to_string()),
        Just("some 2,000".to_string()),
        Just("$81 million".to_string()),
        Just("tens of thousands".to_string()),
        Just("October 9, 2019".to_string()),
        Just("6/14-6/15".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("Leave a Reply\n".to_string()),
        Just("😀".to_string()),
        Just("e\u{0301}".to_string()),
        Just("’s".to_string()),
        Just("al-".to_string()),
        Just(" ".to_string()),
        "\\PC{0,8}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str, report: &crosscheck::Report) {
    let v = serde_json::to_value(report).unwrap();
    fn walk(v: &serde_json::Value, text: &str) {
        match v {
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, text)),
            serde_json::Value::Object(o) => {
                if let (Some(s), Some(e)) = (
                    o.get("start").and_then(|x| x.as_u64()),
                    o.get("end").and_then(|x| x.as_u64()),
                ) {
                    let (s, e) = (s as usize, e as usize);
                    assert!(s <= e && e <= text.len(), "out of bounds");
                    assert!(
                        text.is_char_boundary(s) && text.is_char_boundary(e),
                        "not a char boundary"
                    );
                    assert_eq!(&text[s..e], o["text"].as_str().unwrap());
                }
                o.values().for_each(|x| walk(x, text));
            }
            _ => {}
        }
    }
    walk(&v["sources"][0], text);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn spans_slice_back_for_any_text(text in newsy_text()) {
        let sources = [Source::new("s1", "a", &text), Source::new("s2", "b", &text)];
        let report = analyze(&sources, &Options::default());
        check(&text, &report);
        let mut cp = report.clone();
        offsets::convert(&mut cp, &[&text, &text], Offsets::Codepoints);
        for (e, b) in cp.sources[0].entities.iter().zip(&report.sources[0].entities) {
            prop_assert_eq!(e.start, text[..b.start].chars().count());
        }
        let again = serde_json::to_string(&analyze(&sources, &Options::default())).unwrap();
        prop_assert_eq!(serde_json::to_string(&report).unwrap(), again);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,300}") {
        let report = analyze(&[Source::new("s1", "a", &text)], &Options::default());
        check(&text, &report);
    }
}

/// Code point offset → byte offset, clamped to the text (the inverse of a `Codepoints`
/// `Converter` on char boundaries).
fn codepoint_to_byte(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

/// Several distinct newsy texts, for the multi-source properties.
fn newsy_sources() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(newsy_text(), 2..5)
}

fn assert_sorted(starts: impl Iterator<Item = usize>, what: &str) -> Result<(), TestCaseError> {
    let v: Vec<usize> = starts.collect();
    prop_assert!(
        v.windows(2).all(|w| w[0] <= w[1]),
        "{} not sorted by start: {:?}",
        what,
        v
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// At every byte offset, UTF-16 and code-point conversion agree with counting, round-trip
    /// on char boundaries, and round down inside a char.
    #[test]
    fn utf16_and_codepoint_offsets_round_trip(text in newsy_text()) {
        let c16 = offsets::Converter::new(&text, Offsets::Utf16);
        let ccp = offsets::Converter::new(&text, Offsets::Codepoints);
        for b in 0..=text.len() + 2 {
            let floor = (0..=b.min(text.len())).rev().find(|&k| text.is_char_boundary(k)).unwrap();
            let u16s = text[..floor].encode_utf16().count();
            let cps = text[..floor].chars().count();
            prop_assert_eq!(c16.convert(b), u16s, "utf16 at byte {}", b);
            prop_assert_eq!(ccp.convert(b), cps, "code points at byte {}", b);
            prop_assert_eq!(offsets::utf16_to_byte(&text, u16s), floor);
            prop_assert_eq!(codepoint_to_byte(&text, cps), floor);
        }
        // Past the end clamps; inside a surrogate pair rounds down to the pair's start.
        let total16 = text.encode_utf16().count();
        prop_assert_eq!(offsets::utf16_to_byte(&text, total16 + 5), text.len());
        for (b, c) in text.char_indices().filter(|(_, c)| c.len_utf16() == 2) {
            prop_assert_eq!(offsets::utf16_to_byte(&text, c16.convert(b) + 1), b, "inside {:?}", c);
        }
    }

    /// Every list of spans in a source report is sorted by start, in bytes and after
    /// conversion.
    #[test]
    fn spans_are_sorted_by_start(texts in newsy_sources()) {
        let sources: Vec<Source> = texts.iter().enumerate()
            .map(|(i, t)| Source::new(&format!("s{i}"), "n", t)).collect();
        let report = analyze(&sources, &Options::default());
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut r16 = report.clone();
        offsets::convert(&mut r16, &refs, Offsets::Utf16);
        for r in [&report, &r16] {
            for s in &r.sources {
                assert_sorted(s.entities.iter().map(|e| e.start), "entities")?;
                assert_sorted(s.claims.iter().map(|c| c.start), "claims")?;
                assert_sorted(s.boilerplate.iter().map(|b| b.start), "boilerplate")?;
                for c in &s.claims {
                    assert_sorted(c.numbers.iter().map(|n| n.start), "claim numbers")?;
                }
            }
        }
    }

    /// Several different sources: the same input gives byte-identical JSON, on this thread
    /// (warm per-thread caches) and on a fresh thread (cold caches), and with offsets converted.
    #[test]
    fn multi_source_output_is_deterministic(texts in newsy_sources()) {
        let sources: Vec<Source> = texts.iter().enumerate()
            .map(|(i, t)| Source::new(&format!("s{i}"), "n", t)).collect();
        let first = serde_json::to_string(&analyze(&sources, &Options::default())).unwrap();
        let warm = serde_json::to_string(&analyze(&sources, &Options::default())).unwrap();
        let s2 = sources.clone();
        let cold = std::thread::spawn(move || {
            serde_json::to_string(&analyze(&s2, &Options::default())).unwrap()
        }).join().unwrap();
        prop_assert_eq!(&first, &warm);
        prop_assert_eq!(&first, &cold);
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let convert = || {
            let mut r = analyze(&sources, &Options::default());
            offsets::convert(&mut r, &refs, Offsets::Codepoints);
            serde_json::to_string(&r).unwrap()
        };
        prop_assert_eq!(convert(), convert());
    }
}
